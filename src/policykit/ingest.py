"""Ingest: raw files → events in the log. I/O lives here; reading and extraction are pure calls."""
from __future__ import annotations

import dataclasses
import hashlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import extract
from .extract import extract_document
from .log import DocumentExtracted, Event, EventLog, SourceRead, SourceRejected, record_payloads
from .project import Project
from .text import read_source


def _extractor_version() -> str:
    # Read at call time, so a test can stand in a newer extractor version.
    return extract.EXTRACTOR_VERSION


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
class ExtractionBatch:
    """The events one raw file yields, with the clean texts they point to."""

    events: tuple[Event, ...]
    texts: dict[str, str]


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


def extraction_batch(data: bytes, source_path: str) -> ExtractionBatch:
    """Read and extract one raw file. Pure: bytes in, events out.

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
    reading = read_source(data, source_path)
    failed = [w.message for w in reading.warnings if w.code == "read-failed"]
    if failed:
        raise UnreadableSource(f"the reader failed ({failed[0]})")
    events: list[Event] = []
    texts: dict[str, str] = {}
    doc_ids = []
    for doc in reading.documents:
        doc_id = document_id(reading.sha256, doc.part)
        doc_ids.append(doc_id)
        text_sha = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
        texts[text_sha] = doc.text
        extraction = extract_document(doc.text, doc.metadata)
        events.append(DocumentExtracted(
            document_id=doc_id,
            source_path=source_path,
            source_sha256=reading.sha256,
            part=doc.part,
            extractor_version=_extractor_version(),
            text_sha256=text_sha,
            metadata=dataclasses.asdict(doc.metadata),
            warnings=tuple(
                [dataclasses.asdict(w) for w in doc.warnings]
                + [{"code": "extraction", "message": m, "offset": None} for m in extraction.warnings]
            ),
            **record_payloads(extraction),
        ))
    source = SourceRead(
        source_path=source_path,
        source_sha256=reading.sha256,
        n_bytes=len(data),
        encoding=reading.encoding,
        reader_version=_extractor_version(),
        extractor_version=_extractor_version(),
        doc_ids=tuple(doc_ids),
        warnings=tuple(dataclasses.asdict(w) for w in reading.warnings),
    )
    return ExtractionBatch((source, *events), texts)


def discover_sources(paths: Iterable[Path]) -> tuple[list[Path], list[str]]:
    """Files under ``paths`` (recursively, hidden files skipped, symlink loops reported), sorted."""
    found: list[Path] = []
    problems: list[str] = []
    seen_dirs: set[str] = set()
    for path in paths:
        if path.is_file():
            found.append(path)
            continue
        if not path.exists():
            problems.append(f"{path}: no such file or folder")
            continue
        for folder, dirs, files in os.walk(path, followlinks=True, onerror=lambda e: problems.append(f"{e.filename}: {e.strerror}")):
            real = os.path.realpath(folder)
            if real in seen_dirs:
                problems.append(f"{folder}: symlink loop (already visited as {real}); skipped")
                dirs[:] = []
                continue
            seen_dirs.add(real)
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found.extend(Path(folder) / f for f in sorted(files) if not f.startswith("."))
    return sorted(set(found)), problems


def _read_bytes(path: Path) -> bytes:
    with open(path, "rb") as fh:
        return fh.read()


def _batch_key(sha256: str, *, any_version: bool = False, rejected: bool = False) -> str:
    # A rejection has its own prefix so that a newer extractor tries the file again.
    return f"{'rejected' if rejected else 'source'}:{sha256}|" + ("" if any_version else _extractor_version())


def _pending(project: Project, log: EventLog, files: list[Path], reextract: bool, report: IngestReport,
             ) -> Iterator[tuple[str, bytes, str]]:
    """(relative path, bytes, sha256) of files not yet in the log at this extractor version."""
    for path in files:
        rel = project.relative(path)
        try:
            data = _read_bytes(path)
        except OSError as exc:  # vanished or unreadable: nothing to log about content we never saw
            report.files_failed += 1
            report.problems.append(f"{rel}: cannot read ({exc.strerror or exc})")
            continue
        sha = hashlib.sha256(data).hexdigest()
        known = (
            log.has_batch(_batch_key(sha))
            or log.has_batch(_batch_key(sha, rejected=True))
            or (not reextract and log.has_batch(_batch_key(sha, any_version=True), prefix=True))
        )
        if known:
            report.files_unchanged += 1
            continue
        yield rel, data, sha


def _extract_or_problem(item: tuple[str, bytes, str]) -> tuple[str, str, ExtractionBatch | str]:
    rel, data, sha = item
    try:
        return rel, sha, extraction_batch(data, rel)
    except UnreadableSource as exc:
        return rel, sha, str(exc)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the run; the problem is logged
        return rel, sha, f"extraction failed: {type(exc).__name__}: {exc}"


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


def ingest(project: Project, paths: Iterable[str | Path] | None = None, *, reextract: bool = False,
           workers: int = 1, progress: Callable[[Iterable], Iterable] | None = None) -> IngestReport:
    """Read raw files into the project's event log.

    Files already in the log with the same content are skipped (nothing is appended); with
    ``reextract``, files read by an older extractor are extracted again and the new extraction
    supersedes the old one. Each file is one transaction. Problems are reported per file and logged
    as ``SourceRejected`` events; the run goes on with the other files.

    Parameters
    ----------
    project : Project
    paths : files or folders, default ``project.raw_dir``
    reextract : bool
        Re-extract files whose latest extraction is from an older extractor version.
    workers : int
        Processes that read and extract in parallel; one writer appends to the log.
    progress : callable, optional
        Wraps the iterable of files (e.g. ``tqdm``).
    """
    files, problems = discover_sources([Path(p) for p in (paths or [project.raw_dir])])
    report = IngestReport(files_seen=len(files), problems=list(problems))
    with EventLog(project.log_path) as log:
        pending = _pending(project, log, files, reextract, report)
        if workers > 1:
            pool = ProcessPoolExecutor(max_workers=workers)
            results = _bounded_map(pool, _extract_or_problem, pending, window=8 * workers)
        else:
            pool = None
            results = map(_extract_or_problem, pending)
        try:
            for rel, sha, outcome in (progress(results) if progress else results):
                if isinstance(outcome, str):
                    report.files_failed += 1
                    report.problems.append(f"{rel}: {outcome}")
                    log.append([SourceRejected(rel, sha, _extractor_version(), outcome)], recorded_by=_extractor_name(),
                               batch_key=_batch_key(sha, rejected=True))
                    continue
                seqs = log.append(outcome.events, recorded_by=_extractor_name(), texts=outcome.texts,
                                  batch_key=_batch_key(sha))
                if seqs:
                    report.files_ingested += 1
                    report.documents += len(outcome.events) - 1
                    report.events_appended += len(seqs)
                    report.problems.extend(w["message"] for w in outcome.events[0].warnings
                                           if w["code"] in _NOTABLE_WARNINGS)
                else:  # another process ingested the same file meanwhile
                    report.files_unchanged += 1
        finally:
            if pool is not None:
                pool.shutdown()
    return report
