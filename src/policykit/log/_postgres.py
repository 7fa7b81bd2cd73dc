"""The event log on a PostgreSQL server, for a team sharing one log (``--log postgresql://…``).

Same guarantees as the SQLite file (:class:`~policykit.log.EventLog`), whose reading, hash-chain and
batch-key code this class shares; what differs is how a write excludes other writers and where seq
comes from. Every write takes ``LOCK TABLE events IN EXCLUSIVE MODE`` (as the eventsourcing library's
PostgreSQL recorder does): writers queue, readers do not wait, and seq is MAX(seq) + 1 under the lock,
so a rolled-back write leaves no gap (a SEQUENCE would). Triggers refuse UPDATE, DELETE and TRUNCATE.
Needs the optional extra ``policykit[postgres]`` (psycopg 3).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ._store import GENESIS, LOG_FORMAT, EventLog, LogError

# Identifies a database as holding a policykit log; a database with an ``events`` table but no such row
# is someone else's, and is refused rather than altered.
_SCHEMA = """
CREATE TABLE IF NOT EXISTS policykit_log (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events (
    seq BIGINT PRIMARY KEY,
    type TEXT NOT NULL,
    version INTEGER NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    doc_id TEXT COLLATE "C",
    batch_key TEXT COLLATE "C",
    payload BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS events_batch_key ON events(batch_key) WHERE batch_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE TABLE IF NOT EXISTS texts (sha256 TEXT PRIMARY KEY, zdata BYTEA NOT NULL);
CREATE TABLE IF NOT EXISTS chain (seq BIGINT PRIMARY KEY, hash TEXT NOT NULL);
CREATE OR REPLACE FUNCTION policykit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'the policykit event log is append-only'; END $$;
"""
_GUARDED = ("events", "texts", "chain", "policykit_log")
_PAGE = 5000  # rows per round trip when reading the log in order
# Any constant: it serialises the schema set-up of writers opening a new database at the same moment.
_SETUP_LOCK = 0x504B4C31


def _connect(url: str):
    try:
        import psycopg
    except ImportError:
        raise LogError(f"{redact(url)}: a PostgreSQL log needs psycopg: pip install 'policykit[postgres]'") from None
    try:
        return psycopg.connect(url, autocommit=True)
    except psycopg.Error as exc:
        raise LogError(f"{redact(url)}: cannot connect to the log's database ({str(exc).strip()})") from None


def redact(url: str) -> str:
    """``url`` with any password replaced by ``***``, for messages.

    Examples
    --------
    >>> redact("postgresql://ana:secret@db.example:5432/policykit")
    'postgresql://ana:***@db.example:5432/policykit'
    """
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", url)


def log_exists(url: str) -> bool:
    """Whether the database at ``url`` already holds a policykit log."""
    with _connect(url) as db:
        return db.execute("SELECT to_regclass('policykit_log') IS NOT NULL").fetchone()[0]


class PostgresEventLog(EventLog):
    """:class:`~policykit.log.EventLog` on a PostgreSQL database (made by ``EventLog("postgresql://…")``).

    Parameters
    ----------
    path : str
        A libpq URL, ``postgresql://user@host:port/dbname``. The database must exist; the log's tables
        are created in it when ``create`` is true.
    create : bool
        Whether the tables may be created in a database that has none.
    """

    def __init__(self, path: str, *, create: bool = True):
        import psycopg

        self.url = path[:]  # the plain string, also when given a LogURL
        self.path = redact(self.url)
        self._db = _connect(self.url)
        self._db.execute("SET lock_timeout = '60s'")  # as long as a SQLite writer waits for the file
        try:
            self._set_up(create)
        except BaseException:
            self._db.close()
            raise
        self._WRITE_ERRORS = (psycopg.OperationalError,)
        self._verified = (0, GENESIS)  # (seq, chain hash) up to which this connection checked the chain

    def _set_up(self, create: bool) -> None:
        db = self._db
        with db.transaction():
            db.execute("SELECT pg_advisory_xact_lock(%s)", (_SETUP_LOCK,))
            marked, foreign = db.execute(
                "SELECT to_regclass('policykit_log') IS NOT NULL, to_regclass('events') IS NOT NULL").fetchone()
            if not marked:
                if foreign:
                    raise LogError(f"{self.path}: a database whose events table is not a policykit log; "
                                   "refusing to touch it")
                if not create:
                    raise LogError(f"{self.path}: no event log in this database (run `policykit ingest` first)")
                db.execute(_SCHEMA)
                for table in _GUARDED:
                    db.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                               "FOR EACH ROW EXECUTE FUNCTION policykit_append_only()")
                    db.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                               "FOR EACH STATEMENT EXECUTE FUNCTION policykit_append_only()")
                db.execute("INSERT INTO policykit_log VALUES ('format', %s)", (str(LOG_FORMAT),))
            version = int(db.execute("SELECT value FROM policykit_log WHERE key = 'format'").fetchone()[0])
            if version < LOG_FORMAT:
                self._to_current_format(version)
        if version > LOG_FORMAT:
            raise LogError(f"{self.path}: log format {version} is newer than this policykit supports ({LOG_FORMAT})")

    def _to_current_format(self, version: int) -> None:
        """A format-2 database held payloads as TEXT: the column becomes BYTEA (each payload its UTF-8 bytes,
        which :func:`unpack_payload` reads as JSON), so payloads appended from now on can be compressed. A
        format-3 database's zlib rows stay as they are (they read alike). The rows keep their content and the
        chain its hashes; the format row is the one row ever updated."""
        db = self._db
        if version == 2:
            db.execute("ALTER TABLE events ALTER COLUMN payload TYPE BYTEA USING convert_to(payload, 'UTF8')")
        db.execute("ALTER TABLE policykit_log DISABLE TRIGGER policykit_log_append_only")
        db.execute("UPDATE policykit_log SET value = %s WHERE key = 'format'", (str(LOG_FORMAT),))
        db.execute("ALTER TABLE policykit_log ENABLE TRIGGER policykit_log_append_only")

    def _stored(self, stored: str | bytes) -> bytes:
        return stored.encode("utf-8") if isinstance(stored, str) else stored

    def _sql(self, sql: str, args=()):
        return self._db.execute(sql.replace("?", "%s"), args)

    def _in_seq_order(self, sql: str, args: list) -> Iterator[tuple]:
        # psycopg fetches a whole result at once: read in pages by seq, so replaying a large log
        # holds one page, and other queries can run between pages on the same connection.
        last = 0
        while True:
            page = self._sql(f"SELECT * FROM ({sql}) AS q WHERE seq > ? ORDER BY seq LIMIT {_PAGE}",
                             [*args, last]).fetchall()
            yield from page
            if len(page) < _PAGE:
                return
            last = page[-1][0]

    def _begin_write(self) -> None:
        self._db.execute("BEGIN")
        try:
            self._db.execute("LOCK TABLE events IN EXCLUSIVE MODE")
        except BaseException as exc:
            self._rollback()
            if isinstance(exc, self._WRITE_ERRORS):  # waited longer than lock_timeout, or the server went away
                raise LogError(f"{self.path}: cannot write to the event log ({str(exc).strip()}); "
                               "nothing of this batch was recorded") from exc
            raise

    def _sql_many(self, sql: str, rows: list[tuple]) -> None:
        # psycopg sends the rows in one pipeline: one round trip, not one per row.
        with self._db.cursor() as cursor:
            cursor.executemany(sql.replace("?", "%s"), rows)

    def _rollback(self) -> None:
        from psycopg.pq import TransactionStatus

        if not self._db.closed and self._db.info.transaction_status != TransactionStatus.IDLE:
            self._db.execute("ROLLBACK")

    @property
    def location(self) -> LogURL:
        return LogURL(self.url)

    def integrity_problems(self) -> list[str]:
        """The hash chain and the texts (the server looks after its own pages); empty when sound."""
        verification = self.verify(texts=True)
        return [] if verification.ok else [f"event seq {verification.first_bad_seq} {verification.problem}"]


class LogURL(str):
    """A log's database URL where a caller expects the log's file path (``Project.log_path``).

    ``exists()`` asks the server whether the log is there; shown in messages, the password is hidden.

    Examples
    --------
    >>> f"{LogURL('postgresql://ana:secret@db.example/policykit')}"
    'postgresql://ana:***@db.example/policykit'
    """

    def exists(self) -> bool:
        return log_exists(self[:])

    def __str__(self) -> str:
        return redact(self[:])

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)
