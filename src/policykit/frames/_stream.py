"""Project the log into frame files a chunk of documents at a time, never holding the frames whole.

:func:`policykit.frames.project_log` holds every frame in memory (7 GB peak for 100k documents).
Here pass 1 projects each chunk, keeps aside the rows curation names (few) and the distinct unit
mentions, and spills the other rows to a parquet part; curation and unit resolution then run once;
pass 2 puts the curated rows back in place, sets ``unit_id`` and casts each part. The rows, their
order and their values are those of ``project_log``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from ..log import EventLog
from ._columnar import STRING_SCHEMAS
from ._project import (
    _ID_COLUMNS, curate_touched, named_ids, project_chunks, read_state, resolve_mentions, split_touched,
    with_n_tasks, with_unit_ids,
)
from ._replay import LogState
from ._schema import SCHEMAS

_MENTION_KEY = ["doc_id", "mention", "placeholder"]


@dataclass(frozen=True)
class StreamedFrames:
    """The frames of a log: ``parts`` (parquet files to concatenate, in order, then drop their
    ``_row`` column) for the four record frames, in memory for ``documents`` and ``units``; ``rows`` counts each frame's rows."""

    state: LogState
    parts: dict[str, list[Path]]
    documents: pl.DataFrame
    units: pl.DataFrame
    rows: dict[str, int]
    orphans: int


def stream_log(log: EventLog, workdir: Path, *, as_of_seq: int | None = None, as_of_date: str | None = None,
               chunk: int = 500) -> StreamedFrames:
    """Frames of ``project_log(log, …)``, the record frames written as parquet parts under ``workdir``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from policykit.log import EventLog
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> streamed = stream_log(EventLog(tmp / "events.sqlite"), tmp)
    >>> streamed.rows["tasks"], streamed.documents.height
    (0, 0)
    """
    state = read_state(log, as_of_seq)
    curation = state.effective_curation()
    named = named_ids(curation)
    heights = dict.fromkeys(_ID_COLUMNS, 0)
    touched: dict[str, list[dict]] = {name: [] for name in _ID_COLUMNS}
    bounds: list[dict[str, int]] = []  # first _row of each chunk, by frame
    documents, mentions, n_tasks = [], [], []
    chunks = project_chunks(log, state, as_of_seq=as_of_seq, as_of_date=as_of_date, chunk=chunk)
    for number, frames in enumerate(chunks):
        bounds.append(dict(heights))
        for name in _ID_COLUMNS:
            frame = frames.pop(name)
            rows, rest = split_touched(frame, name, named, heights[name])
            touched[name].extend(rows)
            heights[name] += frame.height
            if name == "assignments":
                mentions.append(rest.select("_row", *_MENTION_KEY).unique(_MENTION_KEY, maintain_order=True))
            elif name == "tasks":
                n_tasks.append(rest.group_by("doc_id").len("n"))
            rest = rest.cast(SCHEMAS[name], strict=False)  # out-of-range decimals become null
            rest.write_parquet(_spill(workdir, name, number), compression="lz4", statistics=False)
        documents.append(frames["documents"].with_columns(_chunk=pl.lit(number, pl.Int32)))
    bounds.append(dict(heights))
    redone, aliases, orphans = curate_touched(curation, touched, heights, STRING_SCHEMAS)
    del touched
    redone = {name: frame.cast(SCHEMAS[name], strict=False) for name, frame in redone.items()}
    n_tasks.append(redone["tasks"].group_by("doc_id").len("n"))
    docs = pl.concat(documents) if documents else pl.DataFrame(schema={**STRING_SCHEMAS["documents"],
                                                                       "_chunk": pl.Int32})
    docs = docs.cast(SCHEMAS["documents"], strict=False)
    mentions.append(redone["assignments"].select("_row", *_MENTION_KEY))
    mention_rows = pl.concat(mentions).sort("_row").unique(_MENTION_KEY, maintain_order=True).drop("_row")
    mention_map, units = resolve_mentions(mention_rows, docs, aliases)
    del mentions, mention_rows
    # Each chunk's assignments look up only their own documents' mentions.
    maps = mention_map.join(docs.select("doc_id", "_chunk").unique(), on="doc_id").partition_by(
        "_chunk", as_dict=True, include_key=False)
    empty_map = mention_map.clear()

    parts: dict[str, list[Path]] = {name: [] for name in _ID_COLUMNS}
    rows = dict.fromkeys(_ID_COLUMNS, 0)
    for number in range(len(bounds)):  # the last "chunk" holds the rows curation added
        tail = number == len(bounds) - 1
        for name in _ID_COLUMNS:
            first = bounds[number][name]
            mine = redone[name].filter(pl.col("_row") >= first)
            if not tail:
                mine = mine.filter(pl.col("_row") < bounds[number + 1][name])
            spill = _spill(workdir, name, number)
            rows[name] += mine.height + (0 if tail else pl.scan_parquet(spill).select(pl.len()).collect().item())
            if not tail and not mine.height and name != "assignments":
                parts[name].append(spill)  # most chunks have no curated rows: the spilled part is final
                continue
            frame = mine if tail else pl.read_parquet(spill)
            if mine.height and not tail:
                frame = pl.concat([frame, mine]).sort("_row")
            if name == "assignments":
                frame = with_unit_ids(frame, mention_map if tail else maps.get((number,), empty_map))
            path = workdir / f"{name}-final-{number:06d}.parquet"
            frame.write_parquet(path, compression="lz4", statistics=False)
            spill.unlink(missing_ok=True)
            parts[name].append(path)
    n_tasks_by_doc = pl.concat(n_tasks).group_by("doc_id").agg(pl.col("n").sum())
    docs = with_n_tasks(docs.drop("_chunk"), n_tasks_by_doc)
    rows.update(documents=docs.height, units=units.height)
    return StreamedFrames(state, parts, docs, units, rows, len(orphans))


def _spill(workdir: Path, name: str, number: int) -> Path:
    return workdir / f"{name}-{number:06d}.parquet"
