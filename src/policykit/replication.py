"""Replication packages: the log exported with a manifest, and imported into an empty project."""
from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import polars as pl

from ._version import __version__
from .extract import EXTRACTOR_VERSION
from .frames import replay
from .log import EventLog, LogError
from .project import Project

FORMATS = ("ndjson", "parquet")
MANIFEST = "manifest.json"
_EVENT_COLUMNS = ("seq", "type", "version", "recorded_at", "recorded_by", "doc_id", "batch_key", "payload")


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
    if fmt == "ndjson":
        events.write_ndjson(out / "events.ndjson")
        text_frame.write_ndjson(out / "texts.ndjson")
    else:
        events.write_parquet(out / "events.parquet", statistics=False)
        text_frame.write_parquet(out / "texts.parquet", statistics=False)
    manifest = {
        "policykit_version": __version__,
        "extractor_version": EXTRACTOR_VERSION,
        "format": fmt,
        "seq_range": [rows[0][0], rows[-1][0]] if rows else [0, 0],
        "event_counts": counts,
        "raw_files": {
            path: {"sha256": src.source_sha256, "n_bytes": src.n_bytes,
                   "present_and_unchanged": _sha256_file(project.root / path) == src.source_sha256}
            for path, (_, src) in sorted(sources.items())
        },
    }
    path = out / MANIFEST
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def import_log(project: Project, in_dir: str | Path) -> int:
    """Load an exported log into ``project``, whose log must be empty; return the events loaded."""
    folder = Path(in_dir)
    manifest_path = folder / MANIFEST
    if not manifest_path.exists():
        raise LogError(f"{folder}: no {MANIFEST}; not a policykit log export")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    fmt = manifest.get("format")
    if fmt == "ndjson":
        events, texts = pl.read_ndjson(folder / "events.ndjson"), pl.read_ndjson(folder / "texts.ndjson")
    elif fmt == "parquet":
        events, texts = pl.read_parquet(folder / "events.parquet"), pl.read_parquet(folder / "texts.parquet")
    else:
        raise LogError(f"{manifest_path}: unknown format {fmt!r}")
    rows = events.select(_EVENT_COLUMNS).iter_rows() if events.height else iter(())
    pairs = ((sha, base64.b64decode(z)) for sha, z in texts.iter_rows()) if texts.height else iter(())
    with EventLog(project.log_path) as log:
        return log.import_rows(rows, pairs)
