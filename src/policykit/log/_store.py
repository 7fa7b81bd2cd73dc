"""The append-only event log: one SQLite file, WAL, one transaction per batch, never UPDATE/DELETE.

Payloads are stored compactly (format 4): a payload of :data:`COMPRESS_FROM` bytes or more is stored
compressed (:mod:`._compress`; an extraction's JSON shrinks to about a fifth), a smaller one (a curation decision) as
its JSON text, readable with any SQLite tool. Whatever the storage, the hash chain covers the payload's
JSON text, so a log copied into another format or backend keeps every chain hash (``migrate-log``
proves it by the head).

The log is tamper-evident: each event's hash chains the stored row to the hash before it (as git and
certificate transparency do), in a table of its own. A writer re-checks the chain before it appends
(the whole chain once per connection, then what others appended since) and refuses to write into a
damaged log, naming the first bad seq; :meth:`EventLog.verify` checks all of it for `policykit doctor`.

Backends: ``EventLog(path)`` is this file; ``EventLog("postgresql://…")`` is the same class on a server
(:mod:`._postgres`). Everything above — reading, as-of reads, batch keys, the chain — is written once,
here, on five hooks a backend overrides: ``_sql`` (run a statement with ``?`` placeholders),
``_sql_many`` (run one for each of several rows), ``_begin_write`` (exclude other writers),
``_in_seq_order`` and ``_rollback``.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import orjson

from ._compress import CORRUPT, compress, decompress
from ._events import CurationEvent, Event, event_from_payload, flat_fields

# Marks a SQLite file as a policykit log ("PKL1"), so a foreign database is refused, not altered.
APPLICATION_ID = 0x504B4C31
# 2: events hash-chained (table ``chain``). A format-1 log is chained as it stands when first opened.
# 3: large payloads stored zlib-compressed. A format-2 log is read as it stands and compresses what is
#    appended from then on (``migrate-log`` into a new log compresses all of it).
# 4: payloads and texts compressed as Zstandard frames (faster to write and read). A format-3 log is read as
#    it stands (its zlib rows stay) and what is appended from then on is Zstandard.
LOG_FORMAT = 4
# Payloads of at least this many bytes of JSON are stored compressed; below, compression saves little.
COMPRESS_FROM = 1024
# A compressed extraction or text is a few KB: on 4 KB pages most rows took a page (or two) of their own and
# left the rest empty; on 16 KB pages several share one (a 10k-document log 17 % smaller).
_PAGE_SIZE = 16384
GENESIS = "0" * 64  # the hash before the first event
_ROW = "seq, type, version, recorded_at, recorded_by, doc_id, batch_key, payload"
_INSERT_TEXT = "INSERT INTO texts(sha256, zdata) VALUES (?, ?) ON CONFLICT DO NOTHING"  # a text is stored once
_URL_SCHEMES = ("postgresql://", "postgres://")

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
CREATE TABLE IF NOT EXISTS chain (seq INTEGER PRIMARY KEY, hash TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS chain_append_only_update BEFORE UPDATE ON chain
    BEGIN SELECT RAISE(ABORT, 'the policykit event log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS chain_append_only_delete BEFORE DELETE ON chain
    BEGIN SELECT RAISE(ABORT, 'the policykit event log is append-only'); END;
"""


class LogError(Exception):
    """The log file cannot be used (foreign, corrupt, newer format); the message says which file and why."""


class LogDamaged(LogError):
    """A stored event no longer matches the hash chain: the log was altered after it was written."""

    def __init__(self, path: Path, verification: Verification):
        self.path, self.verification = path, verification
        bad = verification.first_bad_seq
        super().__init__(
            f"{path}: event seq {bad} {verification.problem}; the log was altered after it was written, "
            f"so nothing is appended to it. `policykit doctor` shows the damage; events before seq {bad} "
            f"are sound (`policykit export-log --as-of-seq {bad - 1}` then `import-log` into a fresh project "
            "keeps them)")


@dataclass(frozen=True)
class Verification:
    """The outcome of checking the hash chain: ``first_bad_seq`` is None when every event checked is sound."""

    checked: int  # events checked
    last_seq: int  # the last sound seq
    head: str  # the chain hash at ``last_seq``
    first_bad_seq: int | None = None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.first_bad_seq is None


def chain_hash(previous: str, row: tuple) -> str:
    """The hash of an event row (seq, type, version, recorded_at, recorded_by, doc_id, batch_key,
    payload JSON text) chained to ``previous``, the hash of the event before it (:data:`GENESIS` for the first).

    Each field goes in as its text with its length in front (``n`` for null), so no two rows hash alike;
    the payload's JSON text is hashed as written, without re-encoding (a compressed payload is hashed
    decompressed, :func:`unpack_payload`). A value given as bytes is taken as that text's UTF-8 already
    (the writer encodes each payload once).

    Examples
    --------
    >>> chain_hash(GENESIS, (1, "RecordRejected", 1, "2026-01-01T00:00:00+00:00", "ana", None, None, "{}"))[:12]
    '9a6cbe4f2ffe'
    """
    digest = hashlib.sha256(previous.encode("ascii"))
    for value in row:
        if value is None:
            digest.update(b"n")
        else:
            data = value if isinstance(value, bytes) else str(value).encode("utf-8")
            digest.update(b"%d:" % len(data))
            digest.update(data)
    return digest.hexdigest()


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


def pack_payload(text: str) -> str | bytes:
    """The stored form of a payload's JSON text: the text itself when short, else its compressed UTF-8.

    Examples
    --------
    >>> pack_payload('{"record_id":"a/1"}')
    '{"record_id":"a/1"}'
    >>> unpack_payload(pack_payload('{"tasks":[' + '"x",' * 500 + '"x"]}')).count('"x"')
    501
    """
    return _pack(text.encode("utf-8"))


def _pack(data: bytes) -> str | bytes:
    """:func:`pack_payload` of a payload's JSON as UTF-8 ``data``."""
    if len(data) < COMPRESS_FROM:
        return data.decode("utf-8")
    return compress(data)


def unpack_payload(stored: str | bytes | memoryview) -> str:
    """A payload's JSON text from its stored form: JSON text (SQLite TEXT), UTF-8 JSON bytes (a format-2
    payload on PostgreSQL, ``{`` first) or a compressed one (whose first byte is never ``{``)."""
    if isinstance(stored, str):
        return stored
    return unpack_payload_bytes(stored).decode("utf-8")


def unpack_payload_bytes(stored: str | bytes | memoryview) -> bytes:
    """A payload's JSON as UTF-8 bytes from its stored form (see :func:`unpack_payload`), for bulk decoding
    (polars takes bytes faster than Python strings).

    Examples
    --------
    >>> unpack_payload_bytes(pack_payload('{"tasks":[' + '"x",' * 500 + '"x"]}'))[:12]
    b'{"tasks":["x'
    """
    if isinstance(stored, str):
        return stored.encode("utf-8")
    stored = bytes(stored)
    return stored if stored[:1] == b"{" else decompress(stored)


@dataclass(frozen=True)
class EncodedEvent:
    """An event serialised for the log (in an ingest worker, so the one writer only stores it): its
    type, schema version and document, the payload's JSON text as UTF-8 (what the chain hashes, encoded once)
    and its stored form."""

    type: str
    version: int
    doc_id: str | None
    payload: bytes
    stored: str | bytes

    @property
    def size(self) -> int:
        """Bytes of the payload's JSON text."""
        return len(self.payload)


def encode_event(event: Event) -> EncodedEvent:
    """``event`` serialised as :meth:`EventLog.append` stores it.

    Examples
    --------
    >>> from policykit.log import RecordRejected
    >>> encode_event(RecordRejected(reason="false", record_id="a/1")).payload
    b'{"reason":"false","record_id":"a/1"}'
    """
    data = _payload_json(event)
    return EncodedEvent(event.TYPE, event.VERSION, event.doc_id, data, _pack(data))


def encode_text(text: str | bytes) -> bytes:
    """A clean text's stored form (compressed UTF-8), for :meth:`EventLog.append`'s ``texts``; the text may
    be given as its UTF-8 already (ingest hashes that, and so encodes each text once)."""
    return compress(text if isinstance(text, bytes) else text.encode("utf-8"))


def _payload_json(event: Event) -> bytes:
    """The event's payload as JSON (UTF-8), as ``event.payload()`` would give it.

    Event fields hold plain values (nested records are already dicts), so a shallow dict
    serialises the same and skips the deep copy of ``dataclasses.asdict``, which cost as much
    as a fifth of ingest time; any nested dataclass is still expanded by ``default``. The shallow dict is
    :func:`flat_fields` (a copy of the event's own dict), not a walk over ``dataclasses.fields``.

    What the kit extracts holds strings, integers, booleans and None (records declare no float), which
    orjson writes byte for byte as the standard encoder does, six times faster (27 -> 4 ms for the shared
    corpus's events). A curation event holds what a person gave, so it takes the standard encoder, which
    writes any float as Python reads it back (orjson would write NaN as null); so does a payload orjson
    refuses (an integer past 64 bits, a key that is no string).
    """
    if type(event).payload is not Event.payload:
        payload = event.payload()
    else:
        payload = flat_fields(event)
    if not isinstance(event, CurationEvent):
        try:
            return orjson.dumps(payload, default=_expand_dataclass)
        except orjson.JSONEncodeError:
            pass
    return _JSON.encode(payload).encode("utf-8")


def _expand_dataclass(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


# One encoder for every payload (json.dumps makes one per call). A payload is a tree of fresh dicts and
# tuples, never a cycle, so the encoder skips the check for one (a sixth of its time).
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_expand_dataclass, check_circular=False)


def decode_text(zdata: bytes, *, limit: int | None = None) -> str:
    """A clean text from its stored form (:func:`encode_text`, or a zlib stream of an older log).

    Raises ``ValueError`` when ``zdata`` is not a stored text, is not UTF-8, or (with ``limit``) would
    decompress to more than ``limit`` bytes.

    Examples
    --------
    >>> decode_text(encode_text("成武县"))
    '成武县'
    >>> decode_text(b"edited")
    Traceback (most recent call last):
    ...
    ValueError: not a stored text (Error -3 while decompressing data: incorrect header check)
    """
    try:
        return decompress(zdata, limit=limit).decode("utf-8")
    except CORRUPT as exc:
        raise ValueError(f"not a stored text ({exc})") from None


def _text_sha256(zdata: bytes) -> str | None:
    """The sha256 of a stored text's content; None when the stored bytes no longer decompress."""
    try:
        return hashlib.sha256(decompress(zdata)).hexdigest()
    except CORRUPT:
        return None


def _readable(row) -> tuple:
    """A stored row (payload last) with its payload as JSON text."""
    return (*row[:-1], unpack_payload(row[-1]))


def _up_to(as_of_seq: int | None, keyword: str) -> tuple[str, list]:
    """SQL condition (after ``keyword``) and arguments that keep events at or before ``as_of_seq``."""
    return ("", []) if as_of_seq is None else (f" {keyword} seq <= ?", [as_of_seq])


def is_log_url(location: str | Path) -> bool:
    """Whether ``location`` names a log on a database server rather than a SQLite file.

    Examples
    --------
    >>> is_log_url("postgresql://ana@db.example/policykit"), is_log_url("data/log/events.sqlite")
    (True, False)
    """
    return isinstance(location, str) and location.startswith(_URL_SCHEMES)


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

    def __new__(cls, path: str | Path, *, create: bool = True):
        # A database URL opens the server backend (:mod:`._postgres`); every caller keeps writing EventLog(...).
        if cls is EventLog and is_log_url(path):
            from ._postgres import PostgresEventLog

            return super().__new__(PostgresEventLog)
        return super().__new__(cls)

    def __init__(self, path: str | Path, *, create: bool = True):
        self.path = Path(path)
        if not self.path.exists() and not create:
            raise LogError(f"{self.path}: no event log here (run `policykit ingest` first)")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        is_new = not self.path.exists() or self.path.stat().st_size == 0
        try:
            self._db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            if is_new:
                # The page size before the first write fixes it; then the ids, the format and the tables in one
                # transaction, where a statement each took 14, each with its journal and its syncs (4 -> 2.4 ms
                # of CPU, 95 -> 60 ms of wall a new log), and a crash left a log with an id but no format.
                self._db.executescript(f"PRAGMA page_size = {_PAGE_SIZE}; BEGIN IMMEDIATE; "
                                       f"PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {LOG_FORMAT};"
                                       f"{_SCHEMA}COMMIT;")
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
        if not is_new:  # an older log may lack a table or trigger; a new one has them all
            self._db.executescript(_SCHEMA)
        self._verified = (0, GENESIS)  # (seq, chain hash) up to which this connection checked the chain
        if version < LOG_FORMAT:
            self._adopt()

    def _adopt(self) -> None:
        """Chain the events of a format-1 log as they stand (nothing proves what happened before); a
        format-2 or -3 log only changes its number (its rows stay as they are; new ones are compressed as
        this format compresses)."""
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            if db.execute("PRAGMA user_version").fetchone()[0] < LOG_FORMAT:  # another process may have done it
                previous, after = self._chain_tail()
                for row in db.execute(f"SELECT {_ROW} FROM events WHERE seq > ? ORDER BY seq", (after,)).fetchall():
                    previous = chain_hash(previous, _readable(row))
                    db.execute("INSERT INTO chain(seq, hash) VALUES (?, ?)", (row[0], previous))
                db.execute(f"PRAGMA user_version = {LOG_FORMAT}")
            db.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise

    def _chain_tail(self) -> tuple[str, int]:
        row = self._db.execute("SELECT hash, seq FROM chain ORDER BY seq DESC LIMIT 1").fetchone()
        return (row[0], row[1]) if row else (GENESIS, 0)

    @property
    def location(self) -> str | Path:
        """What opens this log again, e.g. in another process: ``EventLog(log.location)``.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> log = EventLog(pathlib.Path(tempfile.mkdtemp()) / "events.sqlite")
        >>> EventLog(log.location, create=False).last_seq()
        0
        """
        return self.path

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> EventLog:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- writing ---------------------------------------------------------------------------

    def append(
        self,
        events: Iterable[Event | EncodedEvent],
        *,
        recorded_by: str,
        texts: dict[str, str | bytes] | None = None,
        batch_key: str | None = None,
    ) -> list[int]:
        """Append ``events`` (and the texts they refer to) in one transaction; return their seqs.

        Events may come already serialised (:func:`encode_event`) and texts already compressed
        (:func:`encode_text`), as ingest workers hand them to the one writer. With ``batch_key``,
        nothing is appended (and ``[]`` returned) when a batch with that key is already in the log:
        the check and the write happen in one transaction, so two processes ingesting the same file
        append it once.
        """
        return self.append_batches([(events, texts, batch_key)], recorded_by=recorded_by)[0]

    def append_batches(
        self,
        batches: Iterable[tuple[Iterable[Event | EncodedEvent], dict[str, str | bytes] | None, str | None]],
        *,
        recorded_by: str,
    ) -> list[list[int]]:
        """Append several batches of (events, texts, batch key) in one transaction, each as :meth:`append`
        appends one; return each one's seqs (``[]`` for a batch whose key is in the log or earlier in
        ``batches``). All are appended or none: ingest writes a run of files at once, so that the checks,
        the commit and the pages every batch touches (indexes, the chain's last page) are paid once a run.
        """
        batches = [([e if isinstance(e, EncodedEvent) else encode_event(e) for e in events], texts, key)
                   for events, texts, key in batches]
        self._begin_write()
        try:
            previous, known = self._check_before_write([key for _, _, key in batches if key is not None])
            # Under the write lock the next seqs follow the last one checked: each row is inserted with its
            # seq, so all go in one statement and the chain hashes in another (not two per event).
            now, seq = _now(), self._verified[0]
            stored_texts, rows, hashes, appended = [], [], [], []
            for events, texts, key in batches:
                if key is not None and key in known:
                    appended.append([])
                    continue
                if key is not None and events:  # an empty batch leaves no key behind
                    known.add(key)
                stored_texts.extend((sha, text if isinstance(text, bytes) else encode_text(text))
                                    for sha, text in (texts or {}).items())
                first = len(hashes)
                for event in events:
                    seq += 1
                    row = (seq, event.type, event.version, now, recorded_by, event.doc_id, key)
                    rows.append((*row, self._stored(event.stored)))
                    previous = chain_hash(previous, (*row, event.payload))
                    hashes.append((seq, previous))
                appended.append([seq for seq, _ in hashes[first:]])
            self._sql_many(_INSERT_TEXT, stored_texts)
            self._sql_many(f"INSERT INTO events({_ROW}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
            self._sql_many("INSERT INTO chain(seq, hash) VALUES (?, ?)", hashes)
            self._sql("COMMIT")
            if hashes:
                self._verified = hashes[-1]
            return appended
        except BaseException as exc:
            self._rollback()
            if isinstance(exc, self._WRITE_ERRORS):  # disk full, I/O error, locked too long, connection lost
                raise LogError(f"{self.path}: cannot write to the event log ({exc}); "
                               "nothing of this batch was recorded") from exc
            raise

    # --- what differs between backends (:mod:`._postgres` overrides these) -----------------

    _WRITE_ERRORS: tuple[type[Exception], ...] = (sqlite3.OperationalError,)

    def _sql(self, sql: str, args=()):
        """Run one statement (``?`` placeholders) and return its cursor."""
        return self._db.execute(sql, args)

    def _sql_many(self, sql: str, rows: list[tuple]) -> None:
        """Run one statement (``?`` placeholders) for each of ``rows``."""
        self._db.executemany(sql, rows)

    def _in_seq_order(self, sql: str, args: list) -> Iterator[tuple]:
        """The rows of a query that selects ``seq`` first, in seq order, as they are read."""
        yield from self._sql(sql + " ORDER BY seq", args)

    def _begin_write(self) -> None:
        """Start a write transaction that excludes every other writer until COMMIT."""
        self._db.execute("BEGIN IMMEDIATE")

    def _stored(self, stored: str | bytes) -> str | bytes:
        """A payload's stored form as this backend's column holds it (SQLite: TEXT or BLOB in one column)."""
        return stored

    def import_rows(self, rows: Iterable[tuple], texts: Iterable[tuple[str, bytes]]) -> int:
        """Load exported rows (with their original seq and times) into this log, which must be empty.

        Returns the number of events loaded. Every payload is checked to be a known event first, and
        stored as this log's format stores it (an old uncompressed payload is compressed).
        """
        if self.last_seq():
            raise LogError(f"{self.path}: the log already holds events; import only into an empty project")
        self._begin_write()
        try:
            for sha, zdata in texts:
                self._sql(_INSERT_TEXT, (sha, zdata))
            n, previous, last = 0, GENESIS, 0
            for row in rows:
                *head, payload = row
                seq, type_name, version = head[:3]
                payload = unpack_payload(payload)
                event_from_payload(type_name, version, json.loads(payload))  # refuses unknown events
                self._sql(f"INSERT INTO events({_ROW}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                          (*head, self._stored(pack_payload(payload))))
                previous, last = chain_hash(previous, (*head, payload)), seq
                self._sql("INSERT INTO chain(seq, hash) VALUES (?, ?)", (seq, previous))
                n += 1
            self._sql("COMMIT")
            self._verified = (last, previous)
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
        return self.has_any_batch(prefixes=[batch_key]) if prefix else self.has_any_batch([batch_key])

    def has_any_batch(self, keys: list[str] = (), prefixes: list[str] = ()) -> bool:
        """Whether a batch with one of ``keys``, or a key starting with one of ``prefixes``, is in the log: one
        statement, where :meth:`has_batch` for each would take one apiece (ingest asks two for every file)."""
        # Each condition its own EXISTS, each looked up in the index (a range scan for a prefix, where LIKE
        # would not use it).
        exists = ["EXISTS (SELECT 1 FROM events WHERE batch_key = ?)"] * len(keys) + [
            "EXISTS (SELECT 1 FROM events WHERE batch_key >= ? AND batch_key < ?)"] * len(prefixes)
        args = [*keys, *(bound for key in prefixes for bound in (key, key + "\U0010ffff"))]
        return bool(exists) and bool(self._sql(f"SELECT {' OR '.join(exists)}", args).fetchone()[0])

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
        for seq, type_name, version, at, by, payload in self._in_seq_order(sql, args):
            yield StoredEvent(seq, at, by, event_from_payload(type_name, version, json.loads(unpack_payload(payload))))

    def raw_rows(self, *, as_of_seq: int | None = None) -> Iterator[tuple]:
        """Rows as the chain hashes them (seq, type, version, recorded_at, recorded_by, doc_id, batch_key,
        payload JSON text, however it is stored), for export and migration."""
        sql = f"SELECT {_ROW} FROM events"
        args: list = []
        if as_of_seq is not None:
            sql += " WHERE seq <= ?"
            args.append(as_of_seq)
        yield from map(_readable, self._in_seq_order(sql, args))

    def text(self, sha256: str) -> str:
        return self.texts_of([sha256])[0]

    def texts_of(self, shas: list[str], *, decode: Callable[[Callable, list], Iterable] = map) -> list[str]:
        """The clean texts stored under ``shas``, in that order; ``decode`` maps the decompression over the
        stored forms (as in :meth:`payloads`)."""
        return self._texts_of(shas, decode, decode_text)

    def text_bytes_of(self, shas: list[str]) -> list[bytes]:
        """The clean texts stored under ``shas``, in that order, as UTF-8 bytes: for bulk decoding (polars
        takes bytes faster than Python strings).

        Examples
        --------
        >>> import hashlib, tempfile, pathlib
        >>> from policykit.log import EventLog, RecordRejected
        >>> log = EventLog(pathlib.Path(tempfile.mkdtemp()) / "events.sqlite")
        >>> sha = hashlib.sha256("成武县".encode()).hexdigest()
        >>> log.append([RecordRejected(reason="r", record_id="a/1")], recorded_by="ana", texts={sha: "成武县"})
        [1]
        >>> log.text_bytes_of([sha]) == ["成武县".encode()]
        True
        """
        return self._texts_of(shas, map, decompress)

    def _texts_of(self, shas: list[str], decode: Callable[[Callable, list], Iterable],
                  unpack: Callable[[bytes], str | bytes]) -> list:
        by_sha: dict[str, bytes] = {}
        unique = list(dict.fromkeys(shas))
        for at in range(0, len(unique), 900):  # below SQLite's bound-parameter limit
            part = unique[at:at + 900]
            by_sha.update(self._sql(
                f"SELECT sha256, zdata FROM texts WHERE sha256 IN ({','.join('?' * len(part))})", part))
        missing = next((sha for sha in unique if sha not in by_sha), None)
        if missing is not None:
            raise LogError(f"{self.path}: text {missing[:12]} is referenced but missing from the log")
        texts = dict(zip(unique, decode(unpack, [by_sha[sha] for sha in unique])))
        return [texts[sha] for sha in shas]

    def texts(self) -> Iterator[tuple[str, bytes]]:
        """(sha256, compressed UTF-8) pairs of every stored text, for export."""
        yield from self._sql("SELECT sha256, zdata FROM texts ORDER BY sha256")

    def last_seq(self, *, as_of_seq: int | None = None) -> int:
        """The latest seq (at or before ``as_of_seq``); 0 for an empty log."""
        where, args = _up_to(as_of_seq, "WHERE")
        return self._sql(f"SELECT COALESCE(MAX(seq), 0) FROM events{where}", args).fetchone()[0]

    def latest_extractions(self, *, as_of_seq: int | None = None) -> dict[str, int]:
        """Seq of the latest ``DocumentExtracted`` of each document id (at or before ``as_of_seq``)."""
        where, args = _up_to(as_of_seq, "AND")
        return dict(self._sql(
            f"SELECT doc_id, MAX(seq) FROM events WHERE type = 'DocumentExtracted'{where} GROUP BY doc_id", args))

    def payloads(self, seqs: list[int], *, decode: Callable[[Callable, list], Iterable] = map) -> list[bytes]:
        """JSON payloads (UTF-8 bytes) of the events ``seqs``, in that order, for bulk decoding; ``decode`` maps
        :func:`unpack_payload_bytes` over the stored forms (e.g. on a thread pool: decompression frees the GIL)."""
        return list(decode(unpack_payload_bytes, self.stored_payloads(seqs)))

    def stored_payloads(self, seqs: list[int]) -> list[str | bytes]:
        """The payloads of the events ``seqs`` as stored, in that order (:func:`unpack_payload_bytes` reads
        each), so that decompressing can happen elsewhere than the read."""
        by_seq: dict[int, str | bytes] = {}
        for at in range(0, len(seqs), 900):  # below SQLite's bound-parameter limit
            part = seqs[at:at + 900]
            by_seq.update(self._sql(
                f"SELECT seq, payload FROM events WHERE seq IN ({','.join('?' * len(part))})", part))
        return [by_seq[seq] for seq in seqs]

    def counts_by_type(self, *, as_of_seq: int | None = None) -> dict[str, int]:
        where, args = _up_to(as_of_seq, "WHERE")
        return dict(self._sql(f"SELECT type, COUNT(*) FROM events{where} GROUP BY type ORDER BY type", args))

    def verify(self, *, since: tuple[int, str] = (0, GENESIS), texts: bool = False) -> Verification:
        """Check the hash chain from ``since`` (a seq and its chain hash) to the end; with ``texts``, also
        that each stored text still has the hash it is stored under.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> from policykit.log import EventLog, RecordRejected
        >>> log = EventLog(pathlib.Path(tempfile.mkdtemp()) / "events.sqlite")
        >>> log.append([RecordRejected(reason="false", record_id="a/1")], recorded_by="ana")
        [1]
        >>> log.verify().ok, log.verify().checked
        (True, 1)
        """
        previous, last = since[1], since[0]
        checked = 0
        rows = self._sql(f"SELECT e.{_ROW.replace(', ', ', e.')}, c.hash FROM events e "
                                "LEFT JOIN chain c ON c.seq = e.seq WHERE e.seq > ? ORDER BY e.seq", (last,))
        for *row, stored in rows:
            try:
                expected = chain_hash(previous, _readable(row))
            except (*CORRUPT, UnicodeDecodeError):  # compressed bytes changed: no JSON comes out
                return Verification(checked, last, previous, row[0], "has a stored payload that no longer "
                                    "decompresses (it was changed)")
            if stored is None or stored != expected:
                problem = ("has no chain hash (written outside policykit)" if stored is None
                           else "does not match the hash chain (it was changed, or the event before it removed)")
                return Verification(checked, last, previous, row[0], problem)
            previous, last, checked = expected, row[0], checked + 1
        # NOT EXISTS looks each seq up in the key; PostgreSQL runs NOT IN over the whole table on every write.
        dangling = self._sql("SELECT MIN(c.seq) FROM chain c WHERE c.seq > ? AND NOT EXISTS "
                             "(SELECT 1 FROM events e WHERE e.seq = c.seq)", (since[0],)).fetchone()[0]
        if dangling is not None:
            return Verification(checked, last, previous, dangling, "is missing (its chain hash remains)")
        if texts:
            for sha, zdata in self._sql("SELECT sha256, zdata FROM texts"):
                if _text_sha256(zdata) != sha:
                    return Verification(checked, last, previous, last, f"is sound, but text {sha[:12]} was changed")
        return Verification(checked, last, previous)

    def _check_before_write(self, batch_keys: list[str] = ()) -> tuple[str, set[str]]:
        """The chain hash to append after, once the events since this connection last checked are sound, and
        which of ``batch_keys`` are in the log (inside the write transaction, so no other writer slips in
        between). When no event and no chain hash came after the last check (a lone writer's every batch)
        the chain is as checked: one statement looks (and one more for the keys of several batches)."""
        if len(batch_keys) == 1:
            last_event, last_hash, known = self._sql(
                "SELECT (SELECT COALESCE(MAX(seq), 0) FROM events), (SELECT COALESCE(MAX(seq), 0) FROM chain), "
                "EXISTS (SELECT 1 FROM events WHERE batch_key = ?)", batch_keys).fetchone()
            known = set(batch_keys) if known else set()
        else:
            last_event, last_hash = self._sql(
                "SELECT (SELECT COALESCE(MAX(seq), 0) FROM events), (SELECT COALESCE(MAX(seq), 0) FROM chain)").fetchone()
            known = set()
            for at in range(0, len(batch_keys), 900):  # below SQLite's bound-parameter limit
                part = batch_keys[at:at + 900]
                known.update(key for key, in self._sql(
                    f"SELECT DISTINCT batch_key FROM events WHERE batch_key IN ({','.join('?' * len(part))})", part))
        if last_event != self._verified[0] or last_hash > self._verified[0]:  # appended since, or altered
            verification = self.verify(since=self._verified)
            if not verification.ok:
                raise LogDamaged(self.path, verification)
            self._verified = (verification.last_seq, verification.head)
        return self._verified[1], known

    def integrity_problems(self) -> list[str]:
        """SQLite's own integrity check, then the hash chain and the texts; an empty list means the file is sound."""
        rows = [r[0] for r in self._db.execute("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            return rows
        verification = self.verify(texts=True)
        return [] if verification.ok else [f"event seq {verification.first_bad_seq} {verification.problem}"]
