"""Project the folded log into the frames of the DESIGN.md contract, with curation applied."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import polars as pl

from ..log import (
    AssignmentAdded, EventLog, RecordRejected, RoleCorrected, StoredEvent, TargetCorrected, TaskCorrected,
    UnitAliasDeclared, UnitSplitDeclared,
)
from ..registry import resolve_units
from ._columnar import concat_chunks, project_chunk
from ._replay import LogState, replay
from ._schema import SCHEMAS

ORPHANS_SCHEMA = {"seq": pl.Int64, "type": pl.String, "record_id": pl.String, "problem": pl.String}


@dataclass(frozen=True)
class Frames:
    """The six frames of the contract, plus curation events whose target no longer exists."""

    documents: pl.DataFrame
    tasks: pl.DataFrame
    assignments: pl.DataFrame
    units: pl.DataFrame
    targets: pl.DataFrame
    observations: pl.DataFrame
    orphans: pl.DataFrame

    def as_dict(self) -> dict[str, pl.DataFrame]:
        return {name: getattr(self, name) for name in SCHEMAS}


def _apply_curation(curation: list[StoredEvent], tasks, assignments, targets, observations):
    """Apply curation to the row lists in log order; return (rows…, aliases, orphans)."""
    by_id = {
        "task": {r["task_id"]: r for r in tasks},
        "assignment": {r["assignment_id"]: r for r in assignments},
        "target": {r["target_id"]: r for r in targets},
        "observation": {r["obs_id"]: r for r in observations},
    }
    rejected: set[str] = set()
    aliases, orphans, added = [], [], []

    def orphan(stored: StoredEvent, record_id: str) -> None:
        orphans.append({"seq": stored.seq, "type": stored.type, "record_id": record_id,
                        "problem": "no such record in the current extraction"})

    for stored in curation:
        e = stored.event
        if isinstance(e, UnitAliasDeclared):
            aliases.extend({"name_a": e.names[0], "name_b": other, "jurisdiction": e.jurisdiction}
                           for other in e.names[1:])
        elif isinstance(e, RecordRejected):
            if any(e.record_id in ids for ids in by_id.values()):
                rejected.add(e.record_id)
            else:
                orphan(stored, e.record_id)
        elif isinstance(e, RoleCorrected):
            if e.assignment_id in by_id["assignment"]:
                by_id["assignment"][e.assignment_id].update(role=e.role, curated=True)
            else:
                orphan(stored, e.assignment_id)
        elif isinstance(e, UnitSplitDeclared):
            row = by_id["assignment"].get(e.assignment_id)
            if row is None:
                orphan(stored, e.assignment_id)
                continue
            rejected.add(e.assignment_id)
            for i, part in enumerate(e.parts):
                offset = row["mention"].find(part)
                start = row["start"] + offset if offset >= 0 and row["start"] is not None else None
                added.append({**row, "_row": None, "assignment_id": f"{e.assignment_id}~split{i}", "mention": part,
                              "start": start, "end": start + len(part) if start is not None else None,
                              "curated": True})
        elif isinstance(e, AssignmentAdded):
            task = by_id["task"].get(e.task_id)
            if task is None:
                orphan(stored, e.task_id)
                continue
            offset = task["text"].find(e.mention)
            start = task["start"] + offset if offset >= 0 else None
            added.append({"_row": None, "assignment_id": f"{e.task_id}#{e.clause}:{e.mention}+added{stored.seq}",
                          "task_id": e.task_id, "doc_id": task["doc_id"], "clause": e.clause, "mention": e.mention,
                          "unit_id": None, "role": e.role, "placeholder": False, "start": start,
                          "end": start + len(e.mention) if start is not None else None, "curated": True})
        elif isinstance(e, TargetCorrected):
            if e.target_id in by_id["target"]:
                by_id["target"][e.target_id].update(e.changes, curated=True)
            else:
                orphan(stored, e.target_id)
        elif isinstance(e, TaskCorrected):
            if e.task_id in by_id["task"]:
                by_id["task"][e.task_id].update(e.changes)
            else:
                orphan(stored, e.task_id)

    def keep(rows, id_key):
        # A rejected task takes its assignments, targets and observations with it.
        return [r for r in rows if r[id_key] not in rejected and r.get("task_id") not in rejected]

    return (keep(tasks, "task_id"), keep(assignments + added, "assignment_id"), keep(targets, "target_id"),
            keep(observations, "obs_id"), aliases, orphans)


_ID_COLUMNS = {"tasks": "task_id", "assignments": "assignment_id", "targets": "target_id", "observations": "obs_id"}
_REFERENCE_FIELDS = ("record_id", "assignment_id", "task_id", "target_id")


def named_ids(curation: list[StoredEvent]) -> list[str]:
    """Record ids the curation events name (a task's id also names its records)."""
    return sorted({v for s in curation for f in _REFERENCE_FIELDS if isinstance(v := getattr(s.event, f, None), str)})


def split_touched(frame: pl.DataFrame, name: str, named: list[str], offset: int = 0):
    """(rows curation names, as dicts, the other rows); both carry ``_row``, the row's position + ``offset``."""
    frame = frame.with_row_index("_row", offset=offset)
    # fill_null: a record with no task (null task_id) is not touched, and must not fall out of both halves.
    hit = (pl.col(_ID_COLUMNS[name]).is_in(named) | pl.col("task_id").is_in(named)).fill_null(False)
    return frame.filter(hit).to_dicts(), frame.filter(~hit)


def curate_touched(curation: list[StoredEvent], touched: dict[str, list[dict]], heights: dict[str, int],
                   schemas: dict[str, dict]):
    """Curation applied to the touched rows: (frames of the rows by name, with ``_row``; aliases; orphans).

    Added rows go after every extracted row (``_row`` from ``heights[name]`` on), in log order.
    """
    *curated, aliases, orphans = _apply_curation(curation, *(touched[name] for name in _ID_COLUMNS))
    redone = {}
    for name, rows in zip(_ID_COLUMNS, curated):
        after = heights[name]
        for row in rows:
            if row.get("_row") is None:
                row["_row"], after = after, after + 1
        schema = {"_row": pl.UInt32, **schemas[name]}
        redone[name] = pl.DataFrame(rows, schema=schema) if rows else pl.DataFrame(schema=schema)
    return redone, aliases, orphans


def _curate(curation: list[StoredEvent], base: dict[str, pl.DataFrame]):
    """Apply curation to the rows it names (and the rows of the tasks it names); keep row order.

    Only those rows pass through Python dicts, so a curated 100k-document log costs what an
    uncurated one does. Returns (frames by name, aliases, orphans).
    """
    frames = {name: base[name] for name in _ID_COLUMNS}
    if not curation:
        return frames, [], []
    named = named_ids(curation)
    touched, rest = {}, {}
    for name in _ID_COLUMNS:
        touched[name], rest[name] = split_touched(frames[name], name, named)
    redone, aliases, orphans = curate_touched(curation, touched, {n: f.height for n, f in frames.items()},
                                              {n: f.schema for n, f in frames.items()})
    for name in _ID_COLUMNS:
        frames[name] = pl.concat([rest[name], redone[name]]).sort("_row").drop("_row")
    return frames, aliases, orphans


def _finish(state: LogState, base: dict[str, pl.DataFrame]) -> Frames:
    """Curation, unit resolution and decimals on the extracted frames."""
    # ``base`` is consumed: each frame is dropped as soon as its successor exists, which keeps the
    # peak near one copy of the frames (a 100k-document build holds about 3 GB of them).
    curated, aliases, orphans = _curate(state.effective_curation(), base)
    curated["documents"] = base.pop("documents")
    base.clear()
    frames = {name: curated.pop(name).cast(SCHEMAS[name], strict=False)  # out-of-range decimals become null
              for name in list(curated)}
    docs, assign = frames["documents"], frames["assignments"]
    mention_map, units = resolve_mentions(assign.select("doc_id", "mention", "placeholder"), docs, aliases)
    assign = with_unit_ids(assign, mention_map)
    docs = with_n_tasks(docs, frames["tasks"].group_by("doc_id").len("n"))
    return Frames(
        documents=docs,
        tasks=frames["tasks"],
        assignments=assign,
        units=units,
        targets=frames["targets"],
        observations=frames["observations"],
        orphans=pl.DataFrame(orphans, schema=ORPHANS_SCHEMA),
    )


def resolve_mentions(mentions: pl.DataFrame, docs: pl.DataFrame, aliases: list[dict]):
    """(mention map, one row per ``doc_id, mention``; units) of ``doc_id, mention, placeholder`` rows."""
    mentions = mentions.join(docs.select("doc_id", "level", "region"), on="doc_id", how="left", maintain_order="left")
    alias_frame = pl.DataFrame(aliases, schema={"name_a": pl.String, "name_b": pl.String, "jurisdiction": pl.String})
    mention_map, units = resolve_units(mentions, alias_frame)
    return mention_map.unique(["doc_id", "mention"], keep="first", maintain_order=True), units


def with_unit_ids(assign: pl.DataFrame, mention_map: pl.DataFrame) -> pl.DataFrame:
    """Assignments with ``unit_id`` from the mention map."""
    # Join only the key columns and set unit_id in place: joining the whole frame copied all of it.
    unit_ids = assign.select("doc_id", "mention").join(
        mention_map, on=["doc_id", "mention"], how="left", maintain_order="left")["unit_id"]
    return assign.with_columns(unit_ids.cast(SCHEMAS["assignments"]["unit_id"]))


def with_n_tasks(docs: pl.DataFrame, n_tasks: pl.DataFrame) -> pl.DataFrame:
    """Documents with ``n_tasks`` from ``n_tasks`` (``doc_id, n``), in source path order."""
    return docs.drop("n_tasks").join(n_tasks, on="doc_id", how="left", maintain_order="left").with_columns(
        n_tasks=pl.col("n").fill_null(0).cast(pl.Int32)).select(list(SCHEMAS["documents"])).sort("source_path", "part")


def source_encodings(state: LogState) -> dict[str, str]:
    return {src.source_sha256: src.encoding for _, src in state.sources.values()}


def project_frames(state: LogState, text_of: Callable[[str], str], *, as_of_date: str | None = None) -> Frames:
    """Frames of the contract from a folded log.

    Parameters
    ----------
    state : LogState
        From :func:`policykit.frames.replay`.
    text_of : callable
        Clean text by its sha256 (the log's text table).
    as_of_date : str, optional
        ISO date: keep only documents issued by then (documents with no known date are left out).

    Examples
    --------
    >>> project_frames(replay([]), text_of=str).tasks.height
    0
    """
    active = state.active_documents()
    payloads = [json.dumps(ex.payload(), ensure_ascii=False) for _, ex in active]
    base, _ = project_chunk([seq for seq, _ in active], payloads, text_of, source_encodings(state), as_of_date)
    return _finish(state, base)


def project_log(log: EventLog, *, as_of_seq: int | None = None, as_of_date: str | None = None,
                chunk: int = 500) -> tuple[LogState, Frames]:
    """The folded log and its frames, read from ``log`` a chunk of documents at a time.

    Same frames as ``project_frames(replay(log.read(as_of_seq=…)), log.text)``, in a fraction
    of the time and memory: extraction payloads are decoded by polars, never as Python objects,
    and the state's ``extractions`` hold each active document's header (its records are in the
    frames).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from policykit.log import EventLog
    >>> state, frames = project_log(EventLog(pathlib.Path(tempfile.mkdtemp()) / "events.sqlite"))
    >>> state.last_seq, frames.documents.height
    (0, 0)
    """
    state = read_state(log, as_of_seq)
    chunks: dict[str, list[pl.DataFrame]] = {}
    for frames in project_chunks(log, state, as_of_seq=as_of_seq, as_of_date=as_of_date, chunk=chunk):
        for name, frame in frames.items():
            chunks.setdefault(name, []).append(frame)
    base = {name: concat_chunks(chunks.pop(name, ()), name) for name in (*_ID_COLUMNS, "documents")}
    return state, _finish(state, base)


def read_state(log: EventLog, as_of_seq: int | None) -> LogState:
    """The log folded without its extraction payloads (``extractions`` fill as chunks are projected)."""
    state = replay(log.read(as_of_seq=as_of_seq, exclude_types=["DocumentExtracted"]))
    state.last_seq = log.last_seq(as_of_seq=as_of_seq)
    return state


def project_chunks(log: EventLog, state: LogState, *, as_of_seq: int | None, as_of_date: str | None,
                   chunk: int) -> Iterator[dict[str, pl.DataFrame]]:
    """Extracted frames (decimals as strings, no curation) of the active documents, ``chunk`` documents
    at a time in path order; each document's header goes into ``state.extractions``."""
    latest = log.latest_extractions(as_of_seq=as_of_seq)
    seqs = [latest[doc_id] for doc_id in state.active_document_ids(latest)]
    encodings = source_encodings(state)
    for at in range(0, len(seqs), chunk):
        part = seqs[at:at + chunk]
        frames, headers = project_chunk(part, log.payloads(part), log.text, encodings, as_of_date)
        for seq, header in zip(part, headers):
            state.extractions[header.document_id] = (seq, header)
        yield frames
