"""Replication packages: the log exported with a manifest, and imported into an empty project."""
from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import re
from collections import Counter
from datetime import datetime
from pathlib import Path, PurePosixPath

import polars as pl

from ._version import EXTRACTOR_VERSION, __version__
from .frames import replay
from .ingest import batch_key, document_id
from .log import (CurationEvent, CurationUndone, DocumentExtracted, EventLog, LogError, SourceRead, SourceRejected,
                  decode_text, event_from_payload)
from .project import Project, write_atomically

FORMATS = ("ndjson", "parquet")
MANIFEST = "manifest.json"
_EVENT_COLUMNS = ("seq", "type", "version", "recorded_at", "recorded_by", "doc_id", "batch_key", "payload")
_FILES = {fmt: (f"events.{fmt}", f"texts.{fmt}") for fmt in FORMATS}
_MAX_TEXT_BYTES = 2**28  # one document's clean text, decompressed: far above any real document
_SHA256 = re.compile(r"[0-9a-f]{64}")
_SHOWN = 8  # problems listed in a refusal


def _sha256_file(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def export_log(project: Project, out_dir: str | Path, *, fmt: str = "ndjson", as_of_seq: int | None = None) -> Path:
    """Write the log (events and texts) and a manifest to ``out_dir``; return the manifest path.

    The manifest records the seq range, event counts per type, the kit and extractor versions, and
    the sha256 of each raw file the log read (and whether the file in ``data/raw`` still matches).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with EventLog(project.log_path, create=False) as log:
        rows = list(log.raw_rows(as_of_seq=as_of_seq))
        texts = list(log.texts())
        sources = replay(log.read(as_of_seq=as_of_seq, types=["SourceRead"])).sources
        counts = log.counts_by_type(as_of_seq=as_of_seq)
    events = pl.DataFrame([dict(zip(_EVENT_COLUMNS, r)) for r in rows],
                          schema={"seq": pl.Int64, "type": pl.String, "version": pl.Int64, "recorded_at": pl.String,
                                  "recorded_by": pl.String, "doc_id": pl.String, "batch_key": pl.String,
                                  "payload": pl.String})
    text_frame = pl.DataFrame({"sha256": [t[0] for t in texts],
                               "zdata_b64": [base64.b64encode(t[1]).decode("ascii") for t in texts]},
                              schema={"sha256": pl.String, "zdata_b64": pl.String})
    events_file, texts_file = (out / name for name in _FILES[fmt])
    for frame, path in ((events, events_file), (text_frame, texts_file)):  # never through a symlink in out_dir
        write_atomically(path, frame.write_ndjson if fmt == "ndjson"
                         else lambda tmp, frame=frame: frame.write_parquet(tmp, statistics=False))
    manifest = {
        "policykit_version": __version__,
        "extractor_version": EXTRACTOR_VERSION,
        "format": fmt,
        "seq_range": [rows[0][0], rows[-1][0]] if rows else [0, 0],
        "event_counts": counts,
        "n_texts": len(texts),
        "files": {f.name: _sha256_file(f) for f in (events_file, texts_file)},
        "raw_files": {
            path: {"sha256": src.source_sha256, "n_bytes": src.n_bytes,
                   "present_and_unchanged": _sha256_file(project.root / path) == src.source_sha256}
            for path, (_, src) in sorted(sources.items())
        },
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"
    return write_atomically(out / MANIFEST, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def import_log(project: Project, in_dir: str | Path) -> int:
    """Load an exported log into ``project``, whose log must be empty; return the events loaded.

    The package is verified whole before anything is written (:func:`verify_package`); a package
    that fails is refused with what failed, and the project's log is not created.
    """
    rows, texts = verify_package(in_dir)
    if project.log_path.exists():
        with EventLog(project.log_path, create=False) as log:
            if log.last_seq():
                raise LogError(f"{log.path}: the log already holds events; import only into an empty project")
    with EventLog(project.log_path) as log:
        return log.import_rows(rows, texts)


class PackageError(LogError):
    """A replication package that fails verification; the message lists what failed."""


def verify_package(in_dir: str | Path) -> tuple[list[tuple], list[tuple[str, bytes]]]:
    """Check an export-log package and return its (event rows, texts) ready for import.

    Checked: the manifest (format, the sha256 of the package files, seq range, event counts per
    type, text count, raw files against the events that read them); each text against its sha256;
    each event: seq running 1, 2, 3 … without gaps, a known type and schema, field types, its
    ``doc_id`` and ``batch_key`` against its content (a batch key ingest would have given it, so a
    spoofed key cannot make a later ingest skip a file), whole batches (a reading and all its
    documents), source paths inside the project, texts present, undo pointing at earlier curation.

    Raises
    ------
    PackageError
        Naming the package and the first problems found.
    """
    folder = Path(in_dir)
    manifest_path = folder / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PackageError(f"{folder}: no {MANIFEST}; not a policykit log export") from None
    except (OSError, ValueError) as exc:
        raise PackageError(f"{manifest_path}: unreadable ({exc})") from None
    if not isinstance(manifest, dict) or manifest.get("format") not in FORMATS:
        raise PackageError(f"{manifest_path}: unknown format {manifest.get('format') if isinstance(manifest, dict) else None!r}")
    problems: list[str] = []
    files = [folder / name for name in _FILES[manifest["format"]]]
    for path in files:
        expected = (manifest.get("files") or {}).get(path.name)  # packages before file hashes have none
        actual = _sha256_file(path)
        if actual is None:
            raise PackageError(f"{path}: missing or unreadable; the package is incomplete")
        if expected is not None and expected != actual:
            problems.append(f"{path.name}: sha256 {actual[:12]}… differs from the manifest's {str(expected)[:12]}…")
    try:
        events, text_frame = (pl.read_ndjson(f) if manifest["format"] == "ndjson" else pl.read_parquet(f) for f in files)
        rows = list(events.select(_EVENT_COLUMNS).iter_rows()) if events.height else []
        text_rows = list(text_frame.select("sha256", "zdata_b64").iter_rows()) if text_frame.height else []
    except Exception as exc:  # noqa: BLE001 - whatever polars makes of a damaged file
        raise PackageError(f"{folder}: the package files cannot be read as a policykit export ({exc})") from None
    texts = _verified_texts(text_rows, problems)
    _verify_events(rows, set(dict(texts)), problems)
    _verify_manifest(manifest, rows, len(texts), problems)
    if problems:
        more = f"\n  … and {len(problems) - _SHOWN} more" if len(problems) > _SHOWN else ""
        raise PackageError(f"{folder}: refused, the package does not verify; nothing was imported:\n  "
                           + "\n  ".join(problems[:_SHOWN]) + more)
    return rows, texts


def _verified_texts(text_rows: list[tuple], problems: list[str]) -> list[tuple[str, bytes]]:
    """(sha256, zdata) of the texts whose content has the sha256 they are stored under."""
    texts = []
    for sha, b64 in text_rows:
        try:
            zdata = base64.b64decode(b64 or "", validate=True)
            text = decode_text(zdata, limit=_MAX_TEXT_BYTES)
        except (ValueError, TypeError) as exc:  # binascii.Error is a ValueError
            problems.append(f"text {str(sha)[:12]}: not a compressed UTF-8 text ({exc})")
            continue
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != sha:
            problems.append(f"text {str(sha)[:12]}: its content does not match its sha256 (edited)")
            continue
        texts.append((sha, zdata))
    return texts


def _verify_events(rows: list[tuple], text_shas: set[str], problems: list[str]) -> None:
    batches: dict[str, list[tuple[int, object]]] = {}
    curation_seqs: set[int] = set()
    for i, (seq, type_name, version, at, by, doc_id, key, payload) in enumerate(rows):
        where = f"event {seq} (row {i + 1})"
        if not isinstance(seq, int) or seq != i + 1:
            problems.append(f"{where}: seq {seq}; seqs must run 1, 2, 3 … without gaps")
            continue
        try:
            event = event_from_payload(type_name, version, json.loads(payload))
            _check_field_types(event)
            datetime.fromisoformat(at)
        except Exception as exc:  # noqa: BLE001 - every way a payload can be malformed
            problems.append(f"{where}: not a valid {type_name} event ({type(exc).__name__}: {exc})")
            continue
        if not isinstance(by, str) or not by:
            problems.append(f"{where}: no recorded_by")
        if doc_id != event.doc_id:
            problems.append(f"{where}: doc_id {doc_id!r} does not match its payload ({event.doc_id!r})")
        for path in {getattr(event, "source_path", None)} - {None}:
            if not _inside_project(path):
                problems.append(f"{where}: source_path {path!r} is outside the project")
        if isinstance(event, DocumentExtracted) and event.text_sha256 not in text_shas:
            problems.append(f"{where}: its text {event.text_sha256[:12]} is missing or failed its check")
        if isinstance(event, CurationUndone) and event.undone_seq not in curation_seqs:
            problems.append(f"{where}: undoes seq {event.undone_seq}, which is no earlier curation event")
        if isinstance(event, CurationEvent):
            curation_seqs.add(seq)
        expected = _expected_batch_key(event)
        if key != expected:
            problems.append(f"{where}: batch_key {key!r} does not match its content (expected {expected!r})")
        elif key is not None:
            batches.setdefault(key, []).append((seq, event))
    for key, members in batches.items():
        problem = _batch_problem(members)
        if problem:
            problems.append(f"batch {key}: {problem}")


def _check_field_types(event) -> None:
    """Raise TypeError when a field does not hold the type its annotation names."""
    for f in dataclasses.fields(event):
        value, kinds = getattr(event, f.name), str(f.type)
        allowed = tuple(t for name, t in (("str", str), ("int", int), ("tuple", tuple), ("dict", dict))
                        if re.search(rf"\b{name}\b", kinds.split("[")[0]))
        if value is None and "None" in kinds:
            continue
        if not isinstance(value, allowed) or isinstance(value, bool):
            raise TypeError(f"{f.name} is {type(value).__name__}, expected {kinds}")


def _expected_batch_key(event) -> str | None:
    if isinstance(event, (SourceRead, DocumentExtracted)):
        return batch_key(event.source_sha256, event.extractor_version)
    if isinstance(event, SourceRejected):
        return batch_key(event.source_sha256, event.extractor_version, rejected=True)
    return None  # curation is never batched


def _batch_problem(members: list[tuple[int, object]]) -> str | None:
    """What is wrong with one batch: it must be one rejection, or one reading and its documents, in a row."""
    seqs = [seq for seq, _ in members]
    if seqs != list(range(seqs[0], seqs[0] + len(seqs))):
        return f"its events {seqs[:5]} are not consecutive"
    first = members[0][1]
    if isinstance(first, SourceRejected):
        return None if len(members) == 1 else "a rejection with other events"
    if not isinstance(first, SourceRead):
        return "does not start with the SourceRead of the file"
    docs = [e for _, e in members[1:]]
    if not all(isinstance(e, DocumentExtracted) and e.source_path == first.source_path for e in docs):
        return "holds events of another kind or another file"
    expected = [document_id(first.source_sha256, d.part) for d in docs]
    if [d.document_id for d in docs] != expected or tuple(expected) != first.doc_ids:
        return f"its documents {[d.document_id for d in docs][:4]} are not those its reading lists {list(first.doc_ids)[:4]}"
    return None


def _inside_project(path: str) -> bool:
    """A relative POSIX path that stays inside the project (no root, no ``..``, no NUL)."""
    pure = PurePosixPath(path)
    return bool(path) and "\x00" not in path and not pure.is_absolute() and ".." not in pure.parts \
        and not re.match(r"[A-Za-z]:", path)


def _verify_manifest(manifest: dict, rows: list[tuple], n_texts: int, problems: list[str]) -> None:
    counts = dict(Counter(row[1] for row in rows))
    if manifest.get("event_counts") != counts:
        problems.append(f"manifest: event_counts {manifest.get('event_counts')} differ from the events ({counts})")
    seq_range = [rows[0][0], rows[-1][0]] if rows else [0, 0]
    if manifest.get("seq_range") != seq_range:
        problems.append(f"manifest: seq_range {manifest.get('seq_range')} differs from the events ({seq_range})")
    if "n_texts" in manifest and manifest["n_texts"] != n_texts:
        problems.append(f"manifest: n_texts {manifest['n_texts']} differs from the verified texts ({n_texts})")
    read = {}
    for row in rows:
        if row[1] == "SourceRead":
            try:
                payload = json.loads(row[7])
                read[payload["source_path"]] = payload["source_sha256"]
            except (ValueError, KeyError, TypeError):
                pass  # already reported with the event
    raw_files = manifest.get("raw_files") or {}
    if not isinstance(raw_files, dict):
        problems.append("manifest: raw_files is not an object")
        return
    for path, entry in raw_files.items():
        if not _inside_project(path):
            problems.append(f"manifest: raw file {path!r} is outside the project")
        elif not isinstance(entry, dict) or read.get(path) != entry.get("sha256"):
            problems.append(f"manifest: raw file {path} has a sha256 no reading of it in the events has")
    for path in sorted(set(read) - set(raw_files)):
        problems.append(f"manifest: raw file {path} is read by the events but not listed")
