"""Curation on replay: each decision a small pure function from an event to its effects.

:func:`decide` reads the rows a curation event names (as they stand after the events before it) and
returns what the event does to them — update a row, reject a record, add an assignment, declare an
alias, or report an orphan when the record is gone. :func:`curate_rows` folds the effects, in log
order, over the few rows curation names; the projection puts them back in place.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import singledispatch

import polars as pl

from ..log import (
    AssignmentAdded, CurationEvent, RecordRejected, RoleCorrected, StoredEvent, TargetCorrected, TargetReferenced,
    TaskCorrected, UnitAliasDeclared, UnitSplitDeclared,
)
from ._schema import ID_COLUMNS

ORPHANS_SCHEMA = {"seq": pl.Int64, "type": pl.String, "record_id": pl.String, "problem": pl.String}
_REFERENCE_FIELDS = ("record_id", "assignment_id", "task_id", "target_id")


# --- effects ----------------------------------------------------------------------------------


class Rows:
    """The rows curation names, by frame and id, as the effects so far left them."""

    def __init__(self, touched: Mapping[str, list[dict]]):
        self.by_id = {name: {row[ID_COLUMNS[name]]: row for row in rows} for name, rows in touched.items()}

    def get(self, frame: str, record_id: str) -> dict | None:
        return self.by_id[frame].get(record_id)

    def has(self, record_id: str) -> bool:
        return any(record_id in rows for rows in self.by_id.values())


@dataclass
class Curated:
    """What the effects add up to: the rows (updated in place), rejected ids, added rows, aliases, orphans."""

    rows: Rows
    rejected: set[str] = field(default_factory=set)
    added: dict[str, list[dict]] = field(default_factory=dict)
    aliases: list[dict] = field(default_factory=list)
    orphans: list[dict] = field(default_factory=list)


@dataclass(frozen=True)
class Update:
    frame: str
    record_id: str
    changes: Mapping

    def apply(self, to: Curated, stored: StoredEvent) -> None:
        to.rows.by_id[self.frame][self.record_id].update(self.changes)


@dataclass(frozen=True)
class Reject:
    record_id: str  # a task's rejection takes its records with it

    def apply(self, to: Curated, stored: StoredEvent) -> None:
        to.rejected.add(self.record_id)


@dataclass(frozen=True)
class Add:
    frame: str
    row: Mapping  # goes after every extracted row

    def apply(self, to: Curated, stored: StoredEvent) -> None:
        to.added.setdefault(self.frame, []).append(dict(self.row))


@dataclass(frozen=True)
class Alias:
    name_a: str
    name_b: str
    jurisdiction: str | None

    def apply(self, to: Curated, stored: StoredEvent) -> None:
        to.aliases.append({"name_a": self.name_a, "name_b": self.name_b, "jurisdiction": self.jurisdiction})


@dataclass(frozen=True)
class Orphan:
    record_id: str  # named by the event, absent from the current extraction

    def apply(self, to: Curated, stored: StoredEvent) -> None:
        to.orphans.append({"seq": stored.seq, "type": stored.type, "record_id": self.record_id,
                           "problem": "no such record in the current extraction"})


Effect = Update | Reject | Add | Alias | Orphan


# --- decisions --------------------------------------------------------------------------------


@singledispatch
def decide(event: CurationEvent, seq: int, rows: Rows) -> tuple[Effect, ...]:
    """What one curation event does, given the rows it names. Pure: ``rows`` is only read."""
    raise TypeError(f"no curation decision for {type(event).__name__}")


@decide.register
def _alias(event: UnitAliasDeclared, seq: int, rows: Rows) -> tuple[Effect, ...]:
    return tuple(Alias(event.names[0], other, event.jurisdiction) for other in event.names[1:])


@decide.register
def _reject(event: RecordRejected, seq: int, rows: Rows) -> tuple[Effect, ...]:
    return (Reject(event.record_id),) if rows.has(event.record_id) else (Orphan(event.record_id),)


@decide.register
def _role(event: RoleCorrected, seq: int, rows: Rows) -> tuple[Effect, ...]:
    if rows.get("assignments", event.assignment_id) is None:
        return (Orphan(event.assignment_id),)
    return (Update("assignments", event.assignment_id, {"role": event.role, "curated": True}),)


@decide.register
def _split(event: UnitSplitDeclared, seq: int, rows: Rows) -> tuple[Effect, ...]:
    row = rows.get("assignments", event.assignment_id)
    if row is None:
        return (Orphan(event.assignment_id),)
    parts = []
    for i, part in enumerate(event.parts):
        offset = row["mention"].find(part)
        start = row["start"] + offset if offset >= 0 and row["start"] is not None else None
        parts.append(Add("assignments", {**row, "_row": None, "assignment_id": f"{event.assignment_id}~split{i}",
                                         "mention": part, "start": start,
                                         "end": start + len(part) if start is not None else None, "curated": True}))
    return (Reject(event.assignment_id), *parts)


@decide.register
def _add(event: AssignmentAdded, seq: int, rows: Rows) -> tuple[Effect, ...]:
    task = rows.get("tasks", event.task_id)
    if task is None:
        return (Orphan(event.task_id),)
    offset = task["text"].find(event.mention)
    start = task["start"] + offset if offset >= 0 else None
    return (Add("assignments", {
        "_row": None, "assignment_id": f"{event.task_id}#{event.clause}:{event.mention}+added{seq}",
        "task_id": event.task_id, "doc_id": task["doc_id"], "clause": event.clause, "mention": event.mention,
        "unit_id": None, "role": event.role, "placeholder": False, "start": start,
        "end": start + len(event.mention) if start is not None else None, "curated": True}),)


@decide.register
def _target(event: TargetCorrected, seq: int, rows: Rows) -> tuple[Effect, ...]:
    row = rows.get("targets", event.target_id)
    if row is None:
        return (Orphan(event.target_id),)
    return (Update("targets", event.target_id, {**event.changes, **_rebased(row, event.changes), "curated": True}),)


@decide.register
def _task(event: TaskCorrected, seq: int, rows: Rows) -> tuple[Effect, ...]:
    if rows.get("tasks", event.task_id) is None:
        return (Orphan(event.task_id),)
    return (Update("tasks", event.task_id, dict(event.changes)),)


REFERENCE_PREFIX = "reference:"


@decide.register
def _referenced(event: TargetReferenced, seq: int, rows: Rows) -> tuple[Effect, ...]:
    """A cited target: a document row standing for its source (``doc_type`` ``reference``) and the target in it."""
    doc_id = f"{REFERENCE_PREFIX}{seq}"
    citation = "; ".join(part for part in (event.source, event.page and f"p. {event.page}", event.quote) if part)
    document = {"doc_id": doc_id, "source_path": event.source, "part": 0, "title": citation, "year": event.year,
                "level": event.level, "region": event.region, "region_code": event.region_code,
                "province": event.region if event.level == "province" else None, "doc_type": "reference",
                "warnings": [], "n_warnings": 0, "seq": seq}
    target = {"_row": None, "target_id": doc_id, "task_id": None, "doc_id": doc_id, "metric_key": event.metric_key,
              "value": event.value, "value_high": event.value_high, "unit": event.unit, "comparator": event.comparator,
              "hardness": event.hardness, "kind": event.kind, "year": event.year, "year_source": "stated",
              "text": event.quote or event.source, "curated": True}
    return (Add("documents", document), Add("targets", target))


def _rebased(row: Mapping, changes: Mapping) -> dict:
    """Base values that follow a corrected ``value``/``value_high``/``unit`` (decimal strings).

    The base is the value times the scale of its unit (万千瓦 → 千瓦 × 10000). A corrected value keeps the
    record's scale; a corrected unit has a scale the record does not tell, so its base values are cleared.
    """
    if not {"value", "value_high", "unit"} & set(changes):
        return {}
    if "unit" in changes and changes["unit"] != row.get("unit"):
        return {"base_value": None, "base_value_high": None, "base_unit": None}
    scale = _ratio(row.get("base_value"), row.get("value"))
    value, high = changes.get("value", row.get("value")), changes.get("value_high", row.get("value_high"))
    return {"base_value": _times(value, scale), "base_value_high": _times(high, scale)}


def _ratio(a: str | None, b: str | None) -> Decimal | None:
    try:
        return Decimal(a) / Decimal(b) if a is not None and b is not None and Decimal(b) else None
    except InvalidOperation:
        return None


def _times(value: str | None, scale: Decimal | None) -> str | None:
    if value is None or scale is None:
        return None
    return format(Decimal(value) * scale, "f")


# --- folding the effects ----------------------------------------------------------------------


def named_ids(curation: list[StoredEvent]) -> list[str]:
    """Record ids the curation events name (a task's id also names its records)."""
    return sorted({v for s in curation for f in _REFERENCE_FIELDS if isinstance(v := getattr(s.event, f, None), str)})


def split_touched(frame: pl.DataFrame, name: str, named: list[str], offset: int = 0):
    """(rows curation names, as dicts, the other rows); both carry ``_row``, the row's position + ``offset``."""
    frame = frame.with_row_index("_row", offset=offset)
    if not named:  # most builds: no curation, nothing to look for
        return [], frame
    # fill_null: a record with no task (null task_id) is not touched, and must not fall out of both halves.
    hit = (pl.col(ID_COLUMNS[name]).is_in(named) | pl.col("task_id").is_in(named)).fill_null(False)
    return frame.filter(hit).to_dicts(), frame.filter(~hit)


def curate_rows(curation: list[StoredEvent], touched: dict[str, list[dict]], heights: dict[str, int],
                schemas: dict[str, dict]) -> tuple[dict[str, pl.DataFrame], list[dict], pl.DataFrame]:
    """Curation applied, in log order, to the touched rows: (frames of the rows by name, with ``_row``, and
    ``documents``: those standing for cited targets' sources; aliases; orphans). Added rows go after every
    extracted row (``_row`` from ``heights[name]`` on)."""
    curated = Curated(Rows(touched))
    for stored in curation:
        for effect in decide(stored.event, stored.seq, curated.rows):
            effect.apply(curated, stored)
    redone = {}
    for name, extracted in touched.items():
        after = heights[name]
        added = curated.added.get(name, [])
        for row in added:
            row["_row"], after = after, after + 1
        # A rejected task takes its assignments, targets and observations with it.
        kept = [r for r in extracted + added
                if r[ID_COLUMNS[name]] not in curated.rejected and r.get("task_id") not in curated.rejected]
        schema = {"_row": pl.UInt32, **schemas[name]}
        redone[name] = pl.DataFrame(kept, schema=schema) if kept else pl.DataFrame(schema=schema)
    # Documents standing for the sources of cited targets: no extraction has them.
    cited = [{**row, "_row": i} for i, row in enumerate(curated.added.get("documents", []))]
    schema = {"_row": pl.UInt32, **schemas["documents"]}
    redone["documents"] = pl.DataFrame(cited, schema=schema) if cited else pl.DataFrame(schema=schema)
    return redone, curated.aliases, pl.DataFrame(curated.orphans, schema=ORPHANS_SCHEMA)
