"""Copy a log from one backend to another (`policykit migrate-log`) and prove the copy is the same log."""
from __future__ import annotations

from ._store import EventLog, LogDamaged, LogError, Verification


def migrate_log(source: EventLog, target: EventLog) -> Verification:
    """Copy every event (with its seq, time and author) and every text of ``source`` into the empty
    ``target``, then check that both hold the same chain: same number of events, same last seq, same
    head hash (so every stored row is the same), and the same texts. Returns the target's verification.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from policykit.log import EventLog, RecordRejected
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> old = EventLog(tmp / "old.sqlite")
    >>> old.append([RecordRejected(reason="false", record_id="a/1")], recorded_by="ana")
    [1]
    >>> migrate_log(old, EventLog(tmp / "new.sqlite")).checked
    1
    """
    before = source.verify(texts=True)
    if not before.ok:
        raise LogDamaged(source.path, before)
    target.import_rows(source.raw_rows(), source.texts())
    after = target.verify(texts=True)
    if not after.ok:
        raise LogDamaged(target.path, after)
    same_texts = {sha for sha, _ in source.texts()} == {sha for sha, _ in target.texts()}
    if (after.checked, after.last_seq, after.head) != (before.checked, before.last_seq, before.head) or not same_texts:
        raise LogError(f"{target.path}: the copy differs from {source.path} "
                       f"({after.checked} events to seq {after.last_seq}, head {after.head[:12]}, against "
                       f"{before.checked} to seq {before.last_seq}, head {before.head[:12]}"
                       f"{'' if same_texts else '; the texts differ'})")
    return after
