"""Project the folded log into the frames of the DESIGN.md contract, with curation applied."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import polars as pl

from ..log import (
    AssignmentAdded, RecordRejected, RoleCorrected, StoredEvent, TargetCorrected, TaskCorrected,
    UnitAliasDeclared, UnitSplitDeclared,
)
from ..registry import resolve_units
from ._replay import LogState
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


def _frame(rows: list[dict], name: str) -> pl.DataFrame:
    schema = SCHEMAS[name]
    if not rows:
        return pl.DataFrame(schema=schema)
    strings = {k: (pl.String if isinstance(v, pl.Decimal) else v) for k, v in schema.items()}
    frame = pl.DataFrame(rows, schema=strings, orient="row" if isinstance(rows[0], tuple) else None)
    return frame.cast(schema, strict=False)  # decimals out of range become null (the text column keeps the quote)


def _occurrence_ids(base_ids: list[str]) -> list[str]:
    """Make ids unique by numbering repeats in order (a mention named twice in one clause)."""
    seen: Counter[str] = Counter()
    out = []
    for base in base_ids:
        seen[base] += 1
        out.append(base if seen[base] == 1 else f"{base}~{seen[base]}")
    return out


def _document_row(seq: int, ex, n_tasks: int) -> dict:
    meta = ex.metadata
    warnings = [f"{w.get('code')}: {w.get('message')}" for w in ex.warnings]
    return {
        "doc_id": ex.document_id, "source_path": ex.source_path, "part": ex.part,
        **{k: meta.get(k) for k in ("title", "issuer", "doc_number", "issued_on", "published_on", "year", "level",
                                    "region", "province", "city", "county", "doc_type", "period")},
        "n_tasks": n_tasks, "encoding": None, "extractor_version": ex.extractor_version,
        "warnings": warnings, "n_warnings": len(warnings), "seq": seq,
    }


def _base_rows(state: LogState, text_of: Callable[[str], str], as_of_date: str | None):
    documents, tasks, assignments, targets, observations = [], [], [], [], []
    encodings = {src.source_sha256: src.encoding for _, src in state.sources.values()}
    for seq, ex in state.active_documents():
        issued = ex.metadata.get("issued_on")
        if as_of_date is not None and (issued is None or issued > as_of_date):
            continue
        doc_id = ex.document_id
        text = text_of(ex.text_sha256)
        row = _document_row(seq, ex, len(ex.tasks))
        row["encoding"] = encodings.get(ex.source_sha256)
        documents.append(row)
        task_ids = {}
        for t in ex.tasks:
            task_id = task_ids[t["key"]] = f"{doc_id}/{t['key']}"
            tasks.append({"task_id": task_id, "doc_id": doc_id, "number": t["number"], "path": list(t["path"]),
                          "section": t["section"], "title": t["title"], "text": text[t["start"]:t["end"]],
                          "start": t["start"], "end": t["end"]})
        ids = _occurrence_ids([
            f"{task_ids.get(a['task_key'], doc_id)}#{a['clause']}:{a['mention']}" for a in ex.assignments
        ])
        for assignment_id, a in zip(ids, ex.assignments):
            assignments.append({"assignment_id": assignment_id, "task_id": task_ids.get(a["task_key"]),
                                "doc_id": doc_id, "clause": a["clause"], "mention": a["mention"], "unit_id": None,
                                "role": a["role"], "placeholder": a["placeholder"], "start": a["start"],
                                "end": a["end"], "curated": False})
        for t in ex.targets:
            targets.append({"target_id": f"{doc_id}/{t['key']}", "task_id": task_ids.get(t["task_key"]),
                            "doc_id": doc_id, **{k: t.get(k) for k in (
                                "metric", "metric_key", "value", "value_high", "unit", "base_value", "base_value_high",
                                "base_unit", "comparator", "hardness", "kind", "year", "text", "start", "end")},
                            "curated": False})
        for o in ex.observations:
            observations.append({"obs_id": f"{doc_id}/{o['key']}", "doc_id": doc_id,
                                 "task_id": task_ids.get(o["task_key"]), **{k: o.get(k) for k in (
                                     "metric", "metric_key", "value", "value_high", "unit", "base_value", "base_unit",
                                     "comparator", "kind", "year", "period", "as_of", "text", "start", "end")}})
    return documents, tasks, assignments, targets, observations


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
                added.append({**row, "assignment_id": f"{e.assignment_id}~split{i}", "mention": part,
                              "start": start, "end": start + len(part) if start is not None else None,
                              "curated": True})
        elif isinstance(e, AssignmentAdded):
            task = by_id["task"].get(e.task_id)
            if task is None:
                orphan(stored, e.task_id)
                continue
            offset = task["text"].find(e.mention)
            start = task["start"] + offset if offset >= 0 else None
            added.append({"assignment_id": f"{e.task_id}#{e.clause}:{e.mention}+added{stored.seq}",
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
    """
    documents, tasks, assignments, targets, observations = _base_rows(state, text_of, as_of_date)
    tasks, assignments, targets, observations, aliases, orphans = _apply_curation(
        state.effective_curation(), tasks, assignments, targets, observations)
    docs = _frame(documents, "documents")
    assign = _frame(assignments, "assignments")
    mentions = assign.select("doc_id", "mention", "placeholder").join(
        docs.select("doc_id", "level", "region"), on="doc_id", how="left", maintain_order="left")
    alias_frame = pl.DataFrame(aliases, schema={"name_a": pl.String, "name_b": pl.String, "jurisdiction": pl.String})
    mention_map, units = resolve_units(mentions, alias_frame)
    assign = (assign.drop("unit_id").join(mention_map, on=["doc_id", "mention"], how="left", maintain_order="left")
              .select(list(SCHEMAS["assignments"])))
    n_tasks = _frame(tasks, "tasks").group_by("doc_id").len("n")
    docs = docs.drop("n_tasks").join(n_tasks, on="doc_id", how="left", maintain_order="left").with_columns(
        n_tasks=pl.col("n").fill_null(0).cast(pl.Int32)).select(list(SCHEMAS["documents"]))
    return Frames(
        documents=docs.sort("source_path", "part"),
        tasks=_frame(tasks, "tasks"),
        assignments=assign,
        units=units,
        targets=_frame(targets, "targets"),
        observations=_frame(observations, "observations"),
        orphans=pl.DataFrame(orphans, schema=ORPHANS_SCHEMA),
    )
