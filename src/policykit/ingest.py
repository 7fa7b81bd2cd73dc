"""Ingest: raw files → events in the log. I/O lives here; reading and extraction are pure calls."""
from __future__ import annotations

import errno
import functools
import gc
import hashlib
import itertools
import math
import multiprocessing
import os
import stat
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, suppress
from dataclasses import dataclass, field
from pathlib import Path

from . import _version
from .extract import MAX_NUMBERS, TooManyNumbers, extract_document
from .log import (
    DocumentExtracted, EncodedEvent, Event, EventLog, LogError, SourceRead, SourceRejected, encode_event, encode_text,
    flat_fields, record_payloads,
)
from .project import Project
from .text import prepare, read_source


def _extractor_version() -> str:
    # Read at call time, so a test can stand in a newer extractor version.
    return _version.EXTRACTOR_VERSION


def _extractor_name() -> str:
    return f"policykit-extractor/{_extractor_version()}"


# Formats that are no text however they are decoded: refused by name rather than read as noise.
_BINARY_SIGNATURES = (
    (b"%PDF-", "a PDF file"), (b"PK\x03\x04", "a ZIP archive (docx, xlsx …)"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (doc, xls …)"), (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"), (b"\x1f\x8b", "a gzip archive"),
)
# Reading warnings shown at once during ingest; the others stay in the log and `policykit status`.
_NOTABLE_WARNINGS = ("no-documents", "encoding-fallback")


class UnreadableSource(ValueError):
    """A raw file that is not a text the kit can read; the message says why."""


@dataclass(frozen=True)
class IngestLimits:
    """How large a raw file and one document's extraction event may be (in MB, 2**20 bytes), and how
    many numbers one document may write.

    A file over ``max_file_mb`` is refused before it is read (a symlink to a huge file or a device
    cannot exhaust memory); a document writing more than ``max_numbers`` numbers in digits is refused
    before any is read (a dense table costs time per figure); a document whose ``DocumentExtracted``
    event would be over ``max_event_mb`` is refused after extraction (one event is one row the log and
    every replay hold whole in memory). No refusal is logged, so a run with a higher limit reads the
    file. Defaults come from ``POLICYKIT_MAX_FILE_MB``, ``POLICYKIT_MAX_EVENT_MB`` and
    ``POLICYKIT_MAX_NUMBERS``.

    Examples
    --------
    >>> IngestLimits(max_file_mb=1).max_file_bytes
    1048576
    """

    max_file_mb: float = 64.0
    max_event_mb: float = 32.0
    max_numbers: int = MAX_NUMBERS

    @classmethod
    def from_env(cls) -> IngestLimits:
        """The defaults, overridden by ``POLICYKIT_MAX_FILE_MB`` / ``POLICYKIT_MAX_EVENT_MB``."""
        values = {}
        for name, var, kind in (("max_file_mb", "POLICYKIT_MAX_FILE_MB", float),
                                 ("max_event_mb", "POLICYKIT_MAX_EVENT_MB", float),
                                 ("max_numbers", "POLICYKIT_MAX_NUMBERS", int)):
            if os.environ.get(var):
                try:
                    values[name] = kind(os.environ[var])
                except ValueError:
                    what = "a number of megabytes" if kind is float else "a whole number"
                    raise ValueError(f"{var}={os.environ[var]!r}: give {what}") from None
        return cls(**values)

    def __post_init__(self) -> None:
        for name in ("max_file_mb", "max_event_mb", "max_numbers"):
            if not getattr(self, name) > 0:  # also refuses NaN
                raise ValueError(f"{name} = {getattr(self, name)}: a limit must be a positive number")

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 2**20)

    @property
    def max_event_bytes(self) -> int:
        return int(self.max_event_mb * 2**20)


@dataclass(frozen=True)
class ExtractionBatch:
    """The events one raw file yields, with the clean texts they point to (each as the UTF-8 its name hashes:
    the log stores that compressed, without encoding the text again)."""

    events: tuple[Event, ...]
    texts: dict[str, bytes]


@dataclass(frozen=True)
class PreparedBatch:
    """One raw file's events serialised and its texts compressed, ready for the writer to store (made in
    the worker that extracted it, so the one writer does no more than insert and hash)."""

    events: tuple[EncodedEvent, ...]
    texts: dict[str, bytes]
    documents: int
    notable: tuple[str, ...]  # reading warnings to show at once


@dataclass
class IngestReport:
    files_seen: int = 0
    files_ingested: int = 0
    files_unchanged: int = 0
    files_failed: int = 0
    documents: int = 0
    events_appended: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.files_failed == 0


def document_id(source_sha256: str, part: int) -> str:
    """Stable id of the ``part``-th document of a raw file: content-derived, so renames keep it."""
    return f"{source_sha256[:12]}-{part}"


def extraction_batch(data: bytes, source_path: str, *, max_numbers: int = MAX_NUMBERS,
                     sha256: str | None = None) -> ExtractionBatch:
    """Read and extract one raw file. Pure: bytes in, events out. ``sha256``, the hex SHA-256 of ``data`` when
    the caller has it (ingest hashed the file to look it up in the log), spares :func:`read_source` hashing it again.

    Examples
    --------
    >>> batch = extraction_batch("一、创新\\n1.建实验室。(牵头单位:科技局)".encode(), "data/raw/x.txt")
    >>> [type(e).__name__ for e in batch.events]
    ['SourceRead', 'DocumentExtracted']

    Raises
    ------
    UnreadableSource
        For a binary format (PDF, Office, image, archive) or a file the reader failed on.
    """
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise UnreadableSource(f"{kind}, not text; convert it to text or HTML first")
    reading = read_source(data, source_path, sha256=sha256)
    failed = [w.message for w in reading.warnings if w.code == "read-failed"]
    if failed:
        raise UnreadableSource(f"the reader failed ({failed[0]})")
    events: list[Event] = []
    texts: dict[str, bytes] = {}
    doc_ids = []
    for doc in reading.documents:
        doc_id = document_id(reading.sha256, doc.part)
        doc_ids.append(doc_id)
        encoded = doc.text.encode("utf-8")
        text_sha = hashlib.sha256(encoded).hexdigest()
        texts[text_sha] = encoded
        extraction = extract_document(doc.text, doc.metadata, max_numbers=max_numbers)
        events.append(DocumentExtracted(
            document_id=doc_id,
            source_path=source_path,
            source_sha256=reading.sha256,
            part=doc.part,
            extractor_version=_extractor_version(),
            text_sha256=text_sha,
            metadata=flat_fields(doc.metadata),
            warnings=tuple(
                [flat_fields(w) for w in doc.warnings]
                + [{"code": "extraction", "message": m, "offset": None} for m in extraction.warnings]
            ),
            **record_payloads(extraction, copy=False),  # the extraction is dropped: its records' own dicts
        ))
    source = SourceRead(
        source_path=source_path,
        source_sha256=reading.sha256,
        n_bytes=len(data),
        encoding=reading.encoding,
        reader_version=_extractor_version(),
        extractor_version=_extractor_version(),
        doc_ids=tuple(doc_ids),
        warnings=tuple(map(flat_fields, reading.warnings)),
    )
    return ExtractionBatch((source, *events), texts)


def prepare_batch(batch: ExtractionBatch, limits: IngestLimits) -> PreparedBatch:
    """``batch`` serialised for the log; :class:`UnreadableSource` names the first document whose event
    (its JSON payload) is over the event size limit.

    Examples
    --------
    >>> batch = extraction_batch("一、创新\\n1.建实验室。(牵头单位:科技局)".encode(), "data/raw/x.txt")
    >>> prepared = prepare_batch(batch, IngestLimits())
    >>> [e.type for e in prepared.events], prepared.documents
    (['SourceRead', 'DocumentExtracted'], 1)
    """
    encoded = tuple(encode_event(e) for e in batch.events)
    for event, coded in zip(batch.events[1:], encoded[1:]):
        size = coded.size
        if size > limits.max_event_bytes:
            raise UnreadableSource(
                f"document {event.part} would be a {size / 2**20:.1f} MB event ({len(event.tasks)} tasks, "
                f"{len(event.targets)} targets, {len(event.observations)} observations), over the event size limit "
                f"of {limits.max_event_mb:g} MB (--max-event-mb, POLICYKIT_MAX_EVENT_MB); split the file or raise the limit")
    notable = tuple(w["message"] for w in batch.events[0].warnings if w["code"] in _NOTABLE_WARNINGS)
    return PreparedBatch(encoded, {sha: encode_text(utf8) for sha, utf8 in batch.texts.items()},
                         len(batch.events) - 1, notable)


def discover_sources(paths: Iterable[Path]) -> tuple[list[Path], list[str]]:
    """Files under ``paths`` (recursively, hidden files skipped, symlink loops reported), sorted."""
    found: list[Path] = []
    problems: list[str] = []
    seen_dirs: set[str] = set()
    for path in paths:
        if not path.exists():
            problems.append(f"{path}: no such file or folder")
            continue
        if not path.is_dir():  # a file, or a FIFO or device the reader will refuse by name
            found.append(path)
            continue
        for folder, dirs, files in os.walk(path, followlinks=True, onerror=lambda e: problems.append(f"{e.filename}: {e.strerror}")):
            real = os.path.realpath(folder)
            if real in seen_dirs:
                problems.append(f"{folder}: symlink loop (already visited as {real}); skipped")
                dirs[:] = []
                continue
            seen_dirs.add(real)
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            base = Path(folder)  # once a folder, not once a file
            found.extend(base / f for f in sorted(files) if not f.startswith("."))
    # Sorted, then each path once: os.walk gives the files nearly in order already, so the sort compares about once a
    # file, where sorting a set (in hash order) called Path's __lt__ n log n times (100k files: 1.0 -> 0.17 CPU-s).
    return [path for path, _ in itertools.groupby(sorted(found))], problems


_NOT_REGULAR = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
                (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


def _read_bytes(path: Path, limits: IngestLimits | None = None) -> bytes:
    """The file's bytes; refused when it is no regular file or is over the file size limit.

    Opened without blocking, so a FIFO cannot hang the run, and checked on the open file, so a
    file swapped for a device after discovery is caught too. At most the limit plus one byte is
    read, whatever the file claims its size is.
    """
    max_bytes = limits.max_file_bytes if limits else None
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):  # as a file object refused it: reported as "cannot read (Is a directory)"
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), os.fspath(path))
        if not stat.S_ISREG(info.st_mode):
            kind = next((name for test, name in _NOT_REGULAR if test(info.st_mode)), "not a regular file")
            raise UnreadableSource(f"{kind}, not a regular file; skipped")
        if max_bytes is not None and info.st_size > max_bytes:
            raise _too_large(f"{info.st_size / 2**20:.1f} MB, ", limits)
        os.set_blocking(fd, True)
        data = _read_to_end(fd, info.st_size + 1, sys.maxsize if max_bytes is None else max_bytes + 1)
    finally:
        os.close(fd)
    if max_bytes is not None and len(data) > max_bytes:
        raise _too_large("", limits)
    return data


def _read_to_end(fd: int, first: int, most: int) -> bytes:
    """The bytes of ``fd`` up to its end, at most ``most`` of them, asking for ``first`` at once: the size the file
    claims plus one byte, so that a file as large as it claims takes one read, and one more that finds its end.

    By ``os.read`` on the descriptor: a file object (a buffered reader over a raw one) cost two objects, two more
    system calls (a terminal check, a seek) and reads split at its 8 KB buffer: 30 -> 23 µs a file (gen300).
    """
    data = os.read(fd, min(first, most))
    if not data:
        return data
    chunks = [data]
    held = len(data)
    while held < most:
        chunk = os.read(fd, min(max(first, held), most - held))  # a file that grew meanwhile: reads twice as large
        if not chunk:
            break
        chunks.append(chunk)
        held += len(chunk)
    return data if len(chunks) == 1 else b"".join(chunks)


def _too_large(size: str, limits: IngestLimits) -> UnreadableSource:
    return UnreadableSource(f"{size}larger than the file size limit of {limits.max_file_mb:g} MB "
                            "(--max-file-mb, POLICYKIT_MAX_FILE_MB); skipped")


def _display_name(rel: str) -> str | None:
    """``None`` for a name that is valid UTF-8; otherwise the name with its raw bytes escaped."""
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        return rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return None


def batch_key(sha256: str, extractor_version: str, *, rejected: bool = False) -> str:
    """The key ingest gives the events of one raw file (at one extractor version) in the log.

    A rejection has its own prefix so that a newer extractor tries the file again.

    Examples
    --------
    >>> batch_key("ab12", "0.3.0")
    'source:ab12|0.3.0'
    """
    return f"{'rejected' if rejected else 'source'}:{sha256}|{extractor_version}"


def _batch_key(sha256: str, *, any_version: bool = False, rejected: bool = False) -> str:
    return batch_key(sha256, "" if any_version else _extractor_version(), rejected=rejected)


def _pending(project: Project, log: EventLog, files: list[Path], reextract: bool, report: IngestReport,
             limits: IngestLimits, held: set[str] = frozenset()) -> Iterator[tuple[str, bytes, str]]:
    """(relative path, bytes, sha256) of files not yet in the log at this extractor version (nor ``held``:
    the sha256 of files logged but not yet written).

    Files that cannot be read are reported and not logged: nothing is known of their content, and
    a rerun (after a rename, a fix, a higher limit) reads them.
    """
    for path in files:
        rel = project.relative(path)
        escaped = _display_name(rel)
        if escaped is not None:  # the log and every frame hold names as UTF-8 text
            report.files_failed += 1
            report.problems.append(f"{escaped}: the file name is not valid UTF-8 (the bytes shown as \\x..); "
                                   "rename it, e.g. `convmv -f gbk -t utf-8 --notest FILE`; skipped")
            continue
        try:
            data = _read_bytes(path, limits)
        except OSError as exc:  # vanished or unreadable
            report.files_failed += 1
            report.problems.append(f"{rel}: cannot read ({exc.strerror or exc})")
            continue
        except UnreadableSource as exc:  # a FIFO, a device, too large
            report.files_failed += 1
            report.problems.append(f"{rel}: {exc}")
            continue
        sha = hashlib.sha256(data).hexdigest()
        # Any version's keys start with the prefix, this version's too: without reextract one lookup finds both.
        known = sha in held or (
            log.has_any_batch([_batch_key(sha, rejected=True), _batch_key(sha)]) if reextract
            else log.has_any_batch([_batch_key(sha, rejected=True)], prefixes=[_batch_key(sha, any_version=True)]))
        if known:
            report.files_unchanged += 1
            continue
        yield rel, data, sha


class _OverLimit(str):
    """A problem that depends on a setting, not on the content: reported, not logged as a rejection."""


def _extract_or_problem(item: tuple[str, bytes, str], limits: IngestLimits = IngestLimits(),
                        ) -> tuple[str, str, PreparedBatch | str]:
    rel, data, sha = item
    try:
        batch = extraction_batch(data, rel, max_numbers=limits.max_numbers, sha256=sha)
    except UnreadableSource as exc:
        return rel, sha, str(exc)
    except TooManyNumbers as exc:
        return rel, sha, _OverLimit(exc)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the run; the problem is logged
        return rel, sha, f"extraction failed: {type(exc).__name__}: {exc}"
    try:
        return rel, sha, prepare_batch(batch, limits)
    except UnreadableSource as exc:
        return rel, sha, _OverLimit(exc)


def _bounded_map(pool: ProcessPoolExecutor, fn: Callable, items: Iterable, window: int) -> Iterator:
    """``pool.map`` in order, with at most ``window`` items in flight.

    ``Executor.map`` reads its whole input before yielding, which held every pending file's bytes
    in memory (1.5 GB for a 1.2 GB corpus); this keeps memory flat as the corpus grows.
    """
    in_flight: deque = deque()
    for item in items:
        in_flight.append(pool.submit(fn, item))
        if len(in_flight) >= window:
            yield in_flight.popleft().result()
    while in_flight:
        yield in_flight.popleft().result()


# Files go to a worker in runs of consecutive files holding at least this many bytes: a task costs about
# 0.4 ms of pickling, queueing and waking both processes, 2-3 % of the extraction of a 34 KB file (the
# bench corpus's average), 0.7 % of a run of 128 KB. Near the end runs shrink (see _runs), so that the
# workers finish together rather than one alone on a last large run.
_TASK_BYTES = 128 * 1024


def _runs(items: Iterable[tuple[str, bytes, str]], task_bytes: int, left: float = math.inf,
          parts: int = 1) -> Iterator[list]:
    """Consecutive ``items`` (relative path, bytes, sha256) grouped until a group holds ``task_bytes``, or a
    ``parts``-th of the ``left`` bytes still to come if that is less.

    The workers take runs in turn, so the last to finish works alone for about one run: with runs a
    quarter of what is left (``parts`` twice the workers), the last runs shrink to single files, and on
    the bench's 10 MB the time one worker waits for the other falls from about 1.3 % of the work to 0.7 %
    (a replay of each file's extraction time) for three more tasks.

    Examples
    --------
    >>> items = [("a", b"12", ""), ("b", b"3", ""), ("c", b"4", "")]
    >>> [[rel for rel, _, _ in run] for run in _runs(items, 3)]
    [['a', 'b'], ['c']]
    >>> [[rel for rel, _, _ in run] for run in _runs(items, 3, left=4, parts=2)]
    [['a'], ['b'], ['c']]
    """
    run: list = []
    held = 0
    for item in items:
        run.append(item)
        held += len(item[1])
        if held >= min(task_bytes, left / parts):
            yield run
            left -= held
            run, held = [], 0
    if run:
        yield run


def _extract_run(extract_one: Callable, run: list) -> list:
    return [extract_one(item) for item in run]


def _worker_pool(workers: int) -> ProcessPoolExecutor:
    """Processes forked from this one, so that they start with its imports and the tables and patterns
    the first extraction built. A fresh interpreter, as ``spawn`` and ``forkserver`` start one (the
    default on macOS, and on Linux from Python 3.14), imports the kit again: 0.45 CPU-s a worker, a
    tenth of the extraction of 10 MB. Each worker freezes what it inherited: its garbage collections
    then leave those objects alone instead of writing to, and so copying, the pages that hold them
    (two workers over 10 MB: 21.5-22.7k page faults without, 11.6-11.9k with)."""
    on_linux = sys.platform == "linux"
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork") if on_linux else None,
                               initializer=gc.freeze)
    if on_linux:
        _widen_pipes(pool)
    return pool


# A pipe holds 64 KB unless told otherwise: a run's results (260 KB pickled on average over the bench's 10 MB)
# went through it in several writes, the worker asleep between them until the writer read the last, so each
# of two workers waited on the writer about 140 times over 10 MB. Linux lets a pipe hold up to
# /proc/sys/fs/pipe-max-size (1 MB by default): a run and its results then go through in one write.
_PIPE_BYTES = 2**20


def _widen_pipes(pool: ProcessPoolExecutor) -> None:
    """Let the pipes that carry ``pool``'s runs and results hold :data:`_PIPE_BYTES` where the system
    allows it; with a lower limit, or a Python whose pool keeps its pipes elsewhere, they stay as they are."""
    import fcntl  # Linux: not on Windows, and without F_SETPIPE_SZ on macOS

    for queue in (getattr(pool, "_call_queue", None), getattr(pool, "_result_queue", None)):
        reader = getattr(queue, "_reader", None)  # the pipe's read end: its size is the pipe's
        if reader is not None:
            with suppress(OSError):
                fcntl.fcntl(reader.fileno(), fcntl.F_SETPIPE_SZ, _PIPE_BYTES)


def _in_workers(extract_one: Callable, pending: Iterator, workers: int, stack: ExitStack,
                left: float = math.inf) -> Iterator:
    """``map(extract_one, pending)`` on ``workers`` processes, in order, memory bounded by a window of
    runs in flight (:func:`_runs`; ``left``: the bytes ``pending`` will hold, as far as known). The first
    file is extracted here, before the workers are started, so that they inherit what the reader and the
    extractor build at first use rather than each building it again. The pool is shut down with ``stack``."""
    first = next(pending, None)
    if first is None:
        return
    yield extract_one(first)
    runs = _runs(pending, _TASK_BYTES, left - len(first[1]), 2 * workers)
    run = next(runs, None)
    if run is None:
        return
    prepare()  # what the reader builds at first use (OpenCC t2s): built once here, not once in each worker
    # The writer's own full collections would write to every object the workers share, copying the pages;
    # frozen till the pool is shut down (the stack unwinds last in, first out), they leave them alone.
    _freeze_till_done(stack)
    pool = stack.enter_context(_worker_pool(workers))
    for outcomes in _bounded_map(pool, functools.partial(_extract_run, extract_one), itertools.chain([run], runs),
                                 window=4 * workers):
        yield from outcomes


def _in_process(extract_one: Callable, pending: Iterator, stack: ExitStack) -> Iterator:
    """``map(extract_one, pending)``, with what the first file leaves alive frozen for the rest (till ``stack``
    unwinds): the kit's modules and the tables its reader and extractor build at first use. A full collection
    then walks only what the ingest itself holds, not those: one full collection cost 8-12 ms of the shared
    corpus's ingest (about 1 %), 1.5 ms with them frozen."""
    first = next(pending, None)
    if first is None:
        return
    yield extract_one(first)
    _freeze_till_done(stack)
    yield from map(extract_one, pending)


def _freeze_till_done(stack: ExitStack) -> None:
    """Move every object alive into the collector's permanent generation until ``stack`` unwinds; a caller
    that froze objects itself keeps them as it left them (nothing is frozen or unfrozen)."""
    if not gc.get_freeze_count():
        gc.freeze()
        stack.callback(gc.unfreeze)


# Ingest makes and frees container objects by the hundred thousand (records, spans, matches, payload dicts), most of
# them dead within a few thousand more. The collector looks at the young ones each time 700 more were made than freed
# (Python's default), walking those still alive then: 129 looks (and 11 at the middle generation) in an ingest of the
# shared corpus, 13-17 ms; once every 10,000, 3 looks, 5-6 ms.
_YOUNG_OBJECTS = 10_000


def _collect_young_less_often(stack: ExitStack) -> None:
    """Let the collector look at young objects every :data:`_YOUNG_OBJECTS` new containers until ``stack``
    unwinds (forked workers too); a caller's threshold above it, or of 0 (collection off), is left as it is."""
    young, *older = gc.get_threshold()
    if 0 < young < _YOUNG_OBJECTS:
        gc.set_threshold(_YOUNG_OBJECTS, *older)
        stack.callback(gc.set_threshold, young, *older)


def _bytes_of(files: list[Path]) -> int:
    """The size of ``files`` as the file system gives it (what ingest will read, unless files change or are
    skipped); a file that cannot be looked at counts nothing."""
    total = 0
    for path in files:
        try:
            total += path.stat().st_size
        except OSError:
            pass
    return total


def ingest(project: Project, paths: Iterable[str | Path] | None = None, *, reextract: bool = False,
           workers: int = 1, limits: IngestLimits | None = None,
           progress: Callable[[Iterable], Iterable] | None = None, engine: str = "processes",
           address: str | None = None) -> IngestReport:
    """Read raw files into the project's event log.

    Files already in the log with the same content are skipped (nothing is appended); with
    ``reextract``, files read by an older extractor are extracted again and the new extraction
    supersedes the old one. Files are appended in groups of consecutive files, each group one transaction
    (all of a file or none of it is in the log). Problems are reported per file and logged
    as ``SourceRejected`` events; the run goes on with the other files.

    Parameters
    ----------
    project : Project
    paths : files or folders, default ``project.raw_dir``
    reextract : bool
        Re-extract files whose latest extraction is from an older extractor version.
    workers : int
        Processes that read and extract in parallel; one writer appends to the log.
    limits : IngestLimits, optional
        File size, event size and number-count limits (default: :meth:`IngestLimits.from_env`).
    progress : callable, optional
        Wraps the iterable of files (e.g. ``tqdm``).
    engine : {"processes", "ray"}
        ``ray`` reads and extracts on Ray tasks (:func:`policykit.ray_engine.ray_map`; a local Ray of
        ``workers`` CPUs, or the cluster at ``address``); the same events reach the log in the same order.
    address : str, optional
        ``auto`` or ``host:port`` of a running Ray cluster (with ``engine="ray"``).
    """
    limits = limits or IngestLimits.from_env()
    files, problems = discover_sources([Path(p) for p in (paths or [project.raw_dir])])
    report = IngestReport(files_seen=len(files), problems=list(problems))
    extract_one = functools.partial(_extract_or_problem, limits=limits)
    with EventLog(project.log_path) as log, ExitStack() as stack:
        _collect_young_less_often(stack)
        group = _Group(log, report)
        pending = _pending(project, log, files, reextract, report, limits, group.shas)
        if engine == "ray":
            from .ray_engine import ray_map

            results = ray_map(extract_one, pending, workers=workers, address=address)
        elif workers > 1:
            results = _in_workers(extract_one, pending, workers, stack, _bytes_of(files))
        else:
            results = _in_process(extract_one, pending, stack)
        for rel, sha, outcome in (progress(results) if progress else results):
            group.add(rel, sha, outcome)
        group.write()
    return report


# Files are appended in groups, each one transaction (so all of a file or none of it is in the log, and an
# interrupted ingest redoes at most a group): the checks and the commit are paid once a group, and the pages
# every file touches (the indexes, the chain's last page) are written once. A group is held in memory
# until it is written, so it is bounded in bytes too.
_GROUP_FILES = 32
_GROUP_BYTES = 8 * 2**20


class _Group:
    """The outcomes (a prepared batch or a problem) of consecutive files, reported as each file's own append
    would report it and appended in one transaction."""

    def __init__(self, log: EventLog, report: IngestReport):
        self.log, self.report = log, report
        self.batches: list[tuple] = []  # (events, texts, batch key) to append
        self.ingested: list[tuple[PreparedBatch, int]] = []  # with where its notable warnings go in the problems
        self.shas: set[str] = set()  # of the files held: _pending skips a copy of one, as it would once it is written
        self.held = 0

    def add(self, rel: str, sha: str, outcome: PreparedBatch | str) -> None:
        if isinstance(outcome, str):  # reported whether or not its rejection is appended, as before
            self.report.files_failed += 1
            self.report.problems.append(f"{rel}: {outcome}")
            if isinstance(outcome, _OverLimit):  # depends on a setting: not logged
                return
            self.batches.append(([SourceRejected(rel, sha, _extractor_version(), outcome)], None,
                                 _batch_key(sha, rejected=True)))
            self.ingested.append((None, 0))
        else:
            self.batches.append((outcome.events, outcome.texts, _batch_key(sha)))
            self.ingested.append((outcome, len(self.report.problems)))
            self.held += sum(map(len, outcome.texts.values())) + sum(len(e.stored) for e in outcome.events)
        self.shas.add(sha)
        if len(self.batches) >= _GROUP_FILES or self.held >= _GROUP_BYTES:
            self.write()

    def write(self) -> None:
        if not self.batches:
            return
        try:
            appended = self.log.append_batches(self.batches, recorded_by=_extractor_name())
        except LogError:  # a full disk, say: file by file, the files that fit are kept, as before groups
            if len(self.batches) == 1:
                raise
            appended = [self.log.append_batches([batch], recorded_by=_extractor_name())[0] for batch in self.batches]
        report = self.report
        for (outcome, at), seqs in reversed(list(zip(self.ingested, appended))):  # last first: `at` stays valid
            if outcome is None:
                continue
            if seqs:
                report.files_ingested += 1
                report.documents += outcome.documents
                report.events_appended += len(seqs)
                report.problems[at:at] = outcome.notable
            else:  # another process ingested the same file meanwhile
                report.files_unchanged += 1
        self.batches, self.ingested, self.held = [], [], 0
        self.shas.clear()  # in place: _pending holds it
