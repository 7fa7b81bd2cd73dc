"""`policykit status`: what is in the log and in the built frames, and what needs attention."""
from __future__ import annotations

import json
import sys
from collections import Counter

import polars as pl

from ._version import EXTRACTOR_VERSION
from .log import EventLog, SourceRead, SourceRejected
from .project import BUILD_MANIFEST, FRAME_NAMES, Project

# Only the log and polars are imported: `status` must answer about as fast as `import polars`.


def _extractor_version() -> str:
    """The extractor's own constant when it is loaded (a test may stand in another), else the same
    value from ``_version`` without importing the extractor."""
    extract = sys.modules.get("policykit.extract")
    return extract.EXTRACTOR_VERSION if extract is not None else EXTRACTOR_VERSION


def _built_frames(project: Project) -> tuple[dict | None, pl.DataFrame | None, dict[str, int]]:
    """The build manifest, the documents frame and the row count of each frame on disk."""
    manifest_path = project.processed_dir / BUILD_MANIFEST
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else None
    paths = {n: project.frame_path(n) for n in FRAME_NAMES if project.frame_path(n).exists()}
    heights = {n: pl.scan_parquet(p).select(pl.len()).collect().item() for n, p in paths.items()}
    docs = pl.read_parquet(paths["documents"]) if "documents" in paths else None
    return manifest, docs, heights


def _latest_sources(log: EventLog) -> tuple[dict[str, SourceRead], dict[str, SourceRejected]]:
    """Latest reading and standing rejection of each source path (a later reading clears a rejection)."""
    read: dict[str, SourceRead] = {}
    rejected: dict[str, SourceRejected] = {}
    for stored in log.read(types=["SourceRead", "SourceRejected"]):
        event = stored.event
        if isinstance(event, SourceRead):
            read[event.source_path] = event
            rejected.pop(event.source_path, None)
        else:
            rejected[event.source_path] = event
    return read, rejected


def status_report(project: Project, *, summary: bool = False, warnings: bool = False) -> str:
    """A readable report of the log and the frames (``summary``: the short end-of-run lines;
    ``warnings``: every warning of every document, not just their counts)."""
    with EventLog(project.log_path, create=False) as log:
        counts = log.counts_by_type()
        last_seq = log.last_seq()
        sources, rejected = _latest_sources(log)
    manifest, docs, heights = _built_frames(project)
    n_warn_docs = int((docs["n_warnings"] > 0).sum()) if docs is not None else 0
    n_warnings = int(docs["n_warnings"].sum()) if docs is not None and docs.height else 0
    lines = []
    if summary:
        sizes = " · ".join(f"{heights[n]} {n}" for n in ("documents", "tasks", "assignments", "units", "targets")
                           if n in heights)
        lines.append(f"policykit: {sizes} · {n_warnings} warnings in {n_warn_docs} documents · "
                     f"{len(rejected)} files rejected · log seq {last_seq}")
        return "\n".join(lines)
    lines.append(f"event log: {project.log_path} (last seq {last_seq})")
    for name, n in counts.items():
        lines.append(f"  {name:<20} {n:>8}")
    current = _extractor_version()
    old = sorted(p for p, s in sources.items() if s.extractor_version != current)
    lines.append(f"sources: {len(sources)} read, {len(old)} on an older extractor than {current}"
                 + (" (run `policykit ingest --reextract`)" if old else ""))
    for path, rej in sorted(rejected.items()):
        lines.append(f"  rejected {path}: {rej.problem}")
    if manifest is None:
        lines.append("frames: not built (run `policykit build`)")
    else:
        stale = manifest["last_seq"] != last_seq and manifest.get("as_of_seq") is None
        lines.append(f"frames: built from seq {manifest['last_seq']}" + (" — OUT OF DATE, run `policykit build`"
                                                                        if stale else ""))
        for name in FRAME_NAMES:
            if name in heights:
                lines.append(f"  {name:<20} {heights[name]:>8}")
        if manifest.get("orphans"):
            lines.append(f"  {manifest['orphans']} curation events refer to records that no longer exist")
    if docs is not None and n_warn_docs:
        lines.append(f"documents with warnings: {n_warn_docs}" + ("" if warnings else " (all of them: --warnings)"))
        for row in docs.filter(pl.col("n_warnings") > 0).iter_rows(named=True):
            codes = Counter(w.split(":", 1)[0] for w in row["warnings"])
            brief = ", ".join(f"{code} ×{n}" if n > 1 else code for code, n in sorted(codes.items()))
            lines.append(f"  {row['doc_id']} {row['source_path']}#{row['part']} ({row['title'] or 'untitled'}): {brief}")
            if warnings:
                lines.extend(f"    - {w}" for w in row["warnings"])
    return "\n".join(lines)
