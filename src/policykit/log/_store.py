"""The append-only event log: one SQLite file, WAL, one transaction per batch, never UPDATE/DELETE."""
from __future__ import annotations

import dataclasses
import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ._events import Event, event_from_payload

# Marks a SQLite file as a policykit log ("PKL1"), so a foreign database is refused, not altered.
APPLICATION_ID = 0x504B4C31
LOG_FORMAT = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    type TEXT NOT NULL,
    version INTEGER NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    doc_id TEXT,
    batch_key TEXT,
    payload TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_batch_key ON events(batch_key) WHERE batch_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE TABLE IF NOT EXISTS texts (sha256 TEXT PRIMARY KEY, zdata BLOB NOT NULL);
CREATE TRIGGER IF NOT EXISTS events_append_only_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'the policykit event log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS events_append_only_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'the policykit event log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS texts_append_only_update BEFORE UPDATE ON texts
    BEGIN SELECT RAISE(ABORT, 'the policykit event log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS texts_append_only_delete BEFORE DELETE ON texts
    BEGIN SELECT RAISE(ABORT, 'the policykit event log is append-only'); END;
"""


class LogError(Exception):
    """The log file cannot be used (foreign, corrupt, newer format); the message says which file and why."""


@dataclass(frozen=True)
class StoredEvent:
    """An event with its place in the log."""

    seq: int
    recorded_at: str
    recorded_by: str
    event: Event

    @property
    def type(self) -> str:
        return self.event.TYPE


def _payload_json(event: Event) -> str:
    """The event's payload as JSON, as ``event.payload()`` would give it.

    Event fields hold plain values (nested records are already dicts), so a shallow dict
    serialises the same and skips the deep copy of ``dataclasses.asdict``, which cost as much
    as a fifth of ingest time; any nested dataclass is still expanded by ``default``.
    """
    if type(event).payload is not Event.payload:
        payload = event.payload()
    else:
        payload = {f.name: getattr(event, f.name) for f in dataclasses.fields(event)}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=_expand_dataclass)


def _expand_dataclass(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def _up_to(as_of_seq: int | None, keyword: str) -> tuple[str, list]:
    """SQL condition (after ``keyword``) and arguments that keep events at or before ``as_of_seq``."""
    return ("", []) if as_of_seq is None else (f" {keyword} seq <= ?", [as_of_seq])


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


class EventLog:
    """Append-only store of events.

    Parameters
    ----------
    path : path-like
        The SQLite file. Created (with its folder) when ``create`` is true and it does not exist.
    create : bool
        Whether a missing file may be created.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from policykit.log import EventLog, UnitAliasDeclared
    >>> log = EventLog(pathlib.Path(tempfile.mkdtemp()) / "events.sqlite")
    >>> log.append([UnitAliasDeclared(reason="same bureau", names=("发展改革局", "发改局"))], recorded_by="ana")
    [1]
    >>> [e.event.names for e in log.read()]
    [('发展改革局', '发改局')]
    """

    def __init__(self, path: str | Path, *, create: bool = True):
        self.path = Path(path)
        if not self.path.exists() and not create:
            raise LogError(f"{self.path}: no event log here (run `policykit ingest` first)")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        is_new = not self.path.exists() or self.path.stat().st_size == 0
        try:
            self._db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            if is_new:
                self._db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                self._db.execute(f"PRAGMA user_version = {LOG_FORMAT}")
            app_id = self._db.execute("PRAGMA application_id").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise LogError(f"{self.path}: not a readable SQLite file ({exc}); refusing to touch it") from None
        if app_id != APPLICATION_ID:
            self._db.close()
            raise LogError(f"{self.path}: a SQLite file that is not a policykit event log; refusing to touch it")
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > LOG_FORMAT:
            self._db.close()
            raise LogError(f"{self.path}: log format {version} is newer than this policykit supports ({LOG_FORMAT})")
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = NORMAL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> EventLog:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- writing ---------------------------------------------------------------------------

    def append(
        self,
        events: Iterable[Event],
        *,
        recorded_by: str,
        texts: dict[str, str] | None = None,
        batch_key: str | None = None,
    ) -> list[int]:
        """Append ``events`` (and the texts they refer to) in one transaction; return their seqs.

        With ``batch_key``, nothing is appended (and ``[]`` returned) when a batch with that key is
        already in the log: the check and the write happen in one transaction, so two processes
        ingesting the same file append it once.
        """
        events = list(events)
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            if batch_key is not None and db.execute(
                "SELECT 1 FROM events WHERE batch_key = ? LIMIT 1", (batch_key,)
            ).fetchone():
                db.execute("ROLLBACK")
                return []
            for sha, text in (texts or {}).items():
                db.execute(
                    "INSERT OR IGNORE INTO texts(sha256, zdata) VALUES (?, ?)",
                    (sha, zlib.compress(text.encode("utf-8"), 6)),
                )
            seqs = []
            now = _now()
            for event in events:
                cur = db.execute(
                    "INSERT INTO events(type, version, recorded_at, recorded_by, doc_id, batch_key, payload)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (event.TYPE, event.VERSION, now, recorded_by, event.doc_id, batch_key, _payload_json(event)),
                )
                seqs.append(cur.lastrowid)
            db.execute("COMMIT")
            return seqs
        except BaseException as exc:
            self._rollback()
            if isinstance(exc, sqlite3.OperationalError):  # disk full, I/O error, locked too long
                raise LogError(f"{self.path}: cannot write to the event log ({exc}); "
                               "nothing of this batch was recorded") from exc
            raise

    def import_rows(self, rows: Iterable[tuple], texts: Iterable[tuple[str, bytes]]) -> int:
        """Load exported rows (with their original seq and times) into this log, which must be empty.

        Returns the number of events loaded. Every payload is checked to be a known event first.
        """
        if self.last_seq():
            raise LogError(f"{self.path}: the log already holds events; import only into an empty project")
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            for sha, zdata in texts:
                db.execute("INSERT OR IGNORE INTO texts(sha256, zdata) VALUES (?, ?)", (sha, zdata))
            n = 0
            for seq, type_name, version, at, by, doc_id, batch_key, payload in rows:
                event_from_payload(type_name, version, json.loads(payload))  # refuses unknown events
                db.execute(
                    "INSERT INTO events(seq, type, version, recorded_at, recorded_by, doc_id, batch_key, payload)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (seq, type_name, version, at, by, doc_id, batch_key, payload))
                n += 1
            db.execute("COMMIT")
            return n
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        # SQLite has already rolled back after some errors (disk full, I/O); a second ROLLBACK
        # would fail and hide the real error.
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")

    def has_batch(self, batch_key: str, *, prefix: bool = False) -> bool:
        """Whether a batch with this key (or, with ``prefix``, a key starting with it) is in the log."""
        if prefix:
            # A range scan uses the index where LIKE would not.
            row = self._db.execute(
                "SELECT 1 FROM events WHERE batch_key >= ? AND batch_key < ? LIMIT 1",
                (batch_key, batch_key + "\U0010ffff"),
            ).fetchone()
        else:
            row = self._db.execute("SELECT 1 FROM events WHERE batch_key = ? LIMIT 1", (batch_key,)).fetchone()
        return row is not None

    # --- reading ---------------------------------------------------------------------------

    def read(self, *, as_of_seq: int | None = None, types: Iterable[str] | None = None,
             since_seq: int = 0, exclude_types: Iterable[str] | None = None) -> Iterator[StoredEvent]:
        """Events in log order, up to and including ``as_of_seq`` (of ``types``, if given, and not of
        ``exclude_types``)."""
        sql = "SELECT seq, type, version, recorded_at, recorded_by, payload FROM events WHERE seq > ?"
        args: list = [since_seq]
        if as_of_seq is not None:
            sql += " AND seq <= ?"
            args.append(as_of_seq)
        if types is not None:
            types = list(types)
            sql += f" AND type IN ({','.join('?' * len(types))})"
            args.extend(types)
        if exclude_types is not None:
            exclude_types = list(exclude_types)
            sql += f" AND type NOT IN ({','.join('?' * len(exclude_types))})"
            args.extend(exclude_types)
        for seq, type_name, version, at, by, payload in self._db.execute(sql + " ORDER BY seq", args):
            yield StoredEvent(seq, at, by, event_from_payload(type_name, version, json.loads(payload)))

    def raw_rows(self, *, as_of_seq: int | None = None) -> Iterator[tuple]:
        """Stored rows as they are (seq, type, version, recorded_at, recorded_by, payload JSON), for export."""
        sql = "SELECT seq, type, version, recorded_at, recorded_by, doc_id, batch_key, payload FROM events"
        args: list = []
        if as_of_seq is not None:
            sql += " WHERE seq <= ?"
            args.append(as_of_seq)
        yield from self._db.execute(sql + " ORDER BY seq", args)

    def text(self, sha256: str) -> str:
        row = self._db.execute("SELECT zdata FROM texts WHERE sha256 = ?", (sha256,)).fetchone()
        if row is None:
            raise LogError(f"{self.path}: text {sha256[:12]} is referenced but missing from the log")
        return zlib.decompress(row[0]).decode("utf-8")

    def texts(self) -> Iterator[tuple[str, bytes]]:
        """(sha256, zlib-compressed UTF-8) pairs of every stored text, for export."""
        yield from self._db.execute("SELECT sha256, zdata FROM texts ORDER BY sha256")

    def last_seq(self, *, as_of_seq: int | None = None) -> int:
        """The latest seq (at or before ``as_of_seq``); 0 for an empty log."""
        where, args = _up_to(as_of_seq, "WHERE")
        return self._db.execute(f"SELECT COALESCE(MAX(seq), 0) FROM events{where}", args).fetchone()[0]

    def latest_extractions(self, *, as_of_seq: int | None = None) -> dict[str, int]:
        """Seq of the latest ``DocumentExtracted`` of each document id (at or before ``as_of_seq``)."""
        where, args = _up_to(as_of_seq, "AND")
        return dict(self._db.execute(
            f"SELECT doc_id, MAX(seq) FROM events WHERE type = 'DocumentExtracted'{where} GROUP BY doc_id", args))

    def payloads(self, seqs: list[int]) -> list[str]:
        """Stored JSON payloads of the events ``seqs``, in that order (for bulk decoding)."""
        by_seq: dict[int, str] = {}
        for at in range(0, len(seqs), 900):  # below SQLite's bound-parameter limit
            part = seqs[at:at + 900]
            by_seq.update(self._db.execute(
                f"SELECT seq, payload FROM events WHERE seq IN ({','.join('?' * len(part))})", part))
        return [by_seq[seq] for seq in seqs]

    def counts_by_type(self, *, as_of_seq: int | None = None) -> dict[str, int]:
        where, args = _up_to(as_of_seq, "WHERE")
        return dict(self._db.execute(f"SELECT type, COUNT(*) FROM events{where} GROUP BY type ORDER BY type", args))

    def integrity_problems(self) -> list[str]:
        """SQLite's own integrity check; an empty list means the file is sound."""
        rows = [r[0] for r in self._db.execute("PRAGMA integrity_check").fetchall()]
        return [] if rows == ["ok"] else rows
