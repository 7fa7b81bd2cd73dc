"""Project the log into frame files a chunk of documents at a time, never holding the frames whole.

The one projection path: `policykit build`, ``pk.open`` and as-of queries all run :func:`stream_log`.
Pass 1 projects each chunk (in worker processes when the log is large: :mod:`._parts`), keeps aside the
rows curation names (few) and the distinct unit mentions, and spills the other rows to a parquet part;
curation and the joining of unit names (:mod:`._units`) then run once; pass 2 puts the curated rows back in
place; the ``unit_id`` of names joined into one unit is replaced as the assignments are read.
"""
from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import polars as pl

from ..log import EventLog
from ._columnar import STRING_SCHEMAS
from ._curate import curate_rows, named_ids
from ._parts import Settings, projected_parts, spill_path, worker_processes
from ._replay import LogState, replay
from ._schema import ID_COLUMNS, SCHEMAS
from ._units import UnitNames, resolve_names, with_unit_ids


class StreamedFrames:
    """The frames of a log: parquet parts (files to concatenate, in order) for the record frames, in memory
    for ``documents`` and ``units``; ``rows`` counts each frame's rows; ``orphans`` lists curation events
    whose record no longer exists.

    The units are resolved on a thread while the other frames are written: ``units`` and the assignments'
    :meth:`scan` (which replaces the ``unit_id`` of names joined into one unit) wait for it.
    """

    def __init__(self, state: LogState, parts: dict[str, list[Path]], documents: pl.DataFrame,
                 rows: dict[str, int], orphans: pl.DataFrame, resolved: Future):
        self.state, self.parts, self.documents, self.orphans = state, parts, documents, orphans
        self._rows, self._resolved = rows, resolved

    @property
    def units(self) -> pl.DataFrame:
        return self._resolved.result()[1]

    @property
    def rows(self) -> dict[str, int]:
        return {**self._rows, "units": self.units.height}

    def scan(self, name: str) -> pl.LazyFrame:
        """The record frame ``name``, lazily, from its parts."""
        frame = pl.scan_parquet(self.parts[name]).drop("_row")
        return with_unit_ids(frame, self._resolved.result()[0]) if name == "assignments" else frame

    def frame(self, name: str) -> pl.DataFrame:
        """One frame, read whole into memory."""
        return self.scan(name).collect() if name in ID_COLUMNS else getattr(self, name)


def stream_log(log: EventLog, workdir: Path, *, as_of_seq: int | None = None, as_of_date: str | None = None,
               chunk: int = 500, headers: bool = True, workers: int | None = None) -> StreamedFrames:
    """The frames of ``log`` (up to ``as_of_seq``; documents issued by ``as_of_date``), curation applied,
    the record frames written as parquet parts under ``workdir``, ``chunk`` documents at a time (in
    ``workers`` processes; default: one a core when the log is large); with ``headers``, each active
    document's extraction (without its records) in ``state.extractions``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from policykit.log import EventLog
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> streamed = stream_log(EventLog(tmp / "events.sqlite"), tmp)
    >>> streamed.rows["tasks"], streamed.documents.height
    (0, 0)
    """
    latest = log.latest_extractions(as_of_seq=as_of_seq)
    heights = dict.fromkeys(ID_COLUMNS, 0)
    touched: dict[str, list[dict]] = {name: [] for name in ID_COLUMNS}
    bounds: list[dict[str, int]] = []  # first _row of each chunk, by frame
    spilled: list[dict[str, int]] = []  # rows of each chunk's spilled part, by frame
    documents, named, n_tasks = [], [], []
    with worker_processes(len(latest), chunk, workers) as pool:
        state = read_state(log, as_of_seq)
        curation = state.effective_curation()
        seqs = [latest[doc_id] for doc_id in state.active_document_ids(latest)]
        settings = Settings(log.location, workdir, tuple(named_ids(curation)), _encodings(state), as_of_date, headers)
        parts = [seqs[at:at + chunk] for at in range(0, len(seqs), chunk)]
        for part in projected_parts(log, settings, parts, pool):
            bounds.append(dict(heights))
            spilled.append({name: part.rows[name] - len(part.touched[name]) for name in ID_COLUMNS})
            for name in ID_COLUMNS:
                touched[name].extend({**row, "_row": row["_row"] + heights[name]} for row in part.touched[name])
                heights[name] += part.rows[name]
            named.append(part.named.with_columns(pl.col("_row") + bounds[-1]["assignments"]))
            n_tasks.append(part.n_tasks)
            documents.append(part.documents)
            for seq, header in part.headers:
                state.extractions[header.document_id] = (seq, header)
    bounds.append(dict(heights))
    redone, aliases, orphans = curate_rows(curation, touched, heights, STRING_SCHEMAS)
    del touched
    documents.append(redone.pop("documents").drop("_row"))
    redone = {name: frame.cast(SCHEMAS[name], strict=False) for name, frame in redone.items()}
    n_tasks.append(redone["tasks"].group_by("doc_id").len("n"))
    docs = pl.concat(documents) if documents else pl.DataFrame(schema=STRING_SCHEMAS["documents"])
    docs = docs.cast(SCHEMAS["documents"], strict=False)
    redone["assignments"], curated_names = UnitNames().with_unit_keys(redone["assignments"], docs)
    named.append(curated_names)
    # Joining the names runs on a thread while polars writes the other frames.
    background = ThreadPoolExecutor(max_workers=1)
    resolving = background.submit(resolve_names, named, aliases)
    background.shutdown(wait=False)
    del named

    parts: dict[str, list[Path]] = {name: [] for name in ID_COLUMNS}
    rows = dict.fromkeys(ID_COLUMNS, 0)
    for number in range(len(bounds)):  # the last "chunk" holds the rows curation added
        tail = number == len(bounds) - 1
        for name in ID_COLUMNS:
            first = bounds[number][name]
            mine = redone[name].filter(pl.col("_row") >= first)
            if not tail:
                mine = mine.filter(pl.col("_row") < bounds[number + 1][name])
            spill = spill_path(workdir, name, number)
            # Counted as spilled, not re-read: this loop runs beside the resolution thread, and each
            # polars call here waits for the GIL that thread's Python holds.
            rows[name] += mine.height + (0 if tail else spilled[number][name])
            if not tail and not mine.height:
                parts[name].append(spill)  # most chunks have no curated rows: the spilled part is final
                continue
            if not tail:  # the spilled rows count _row from the chunk's first
                mine = pl.concat([pl.read_parquet(spill).with_columns(pl.col("_row") + first), mine]).sort("_row")
            path = workdir / f"{name}-final-{number:06d}.parquet"
            mine.write_parquet(path, compression="lz4", statistics=False)
            spill.unlink(missing_ok=True)
            parts[name].append(path)
    n_tasks_by_doc = pl.concat(n_tasks).group_by("doc_id").agg(pl.col("n").sum())
    docs = with_n_tasks(docs, n_tasks_by_doc)
    rows["documents"] = docs.height
    return StreamedFrames(state, parts, docs, rows, orphans, resolving)


def _encodings(state: LogState) -> dict[str, str]:
    """The encoding of each source read, by the source's sha256."""
    return {src.source_sha256: src.encoding for _, src in state.sources.values()}


def read_state(log: EventLog, as_of_seq: int | None) -> LogState:
    """The log folded without its extraction payloads (``extractions`` fill as chunks are projected)."""
    state = replay(log.read(as_of_seq=as_of_seq, exclude_types=["DocumentExtracted"]))
    state.last_seq = log.last_seq(as_of_seq=as_of_seq)
    return state


def with_n_tasks(docs: pl.DataFrame, n_tasks: pl.DataFrame) -> pl.DataFrame:
    """Documents with ``n_tasks`` from ``n_tasks`` (``doc_id, n``), in source path order."""
    return docs.drop("n_tasks").join(n_tasks, on="doc_id", how="left", maintain_order="left").with_columns(
        n_tasks=pl.col("n").fill_null(0).cast(pl.Int32)).select(list(SCHEMAS["documents"])).sort("source_path", "part")
