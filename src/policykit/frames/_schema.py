"""Column contract of the frames (DESIGN.md), derived from the record declarations.

A frame holds one column per field of its record (``policykit.extract.RECORD_TYPES``; documents take
``policykit.text.DocumentMetadata``), typed by the field's annotation, plus the columns the projection
computes (ids, ``unit_id``, ``curated`` …). ``order`` fixes where the established columns stand; a field
added to a record and not named there goes at the end of its frame, so adding a field is one edit.
Empty frames keep these schemas.
"""
from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from ..extract import RECORD_TYPES, column_types
from ..registry import UNITS_SCHEMA
from ..text import DocumentMetadata

# Exact decimals: 38 digits, 6 after the point. Values outside that range become null with a warning.
DECIMAL = pl.Decimal(38, 6)
_DTYPES = {"string": pl.String, "int": pl.Int32, "offset": pl.Int64, "decimal": DECIMAL, "bool": pl.Boolean,
           "strings": pl.List(pl.String), "spans": pl.List(pl.List(pl.Int64))}
# Record fields that become ids in the frames rather than columns of their own.
RECORD_KEYS = ("key", "task_key")


@dataclass(frozen=True)
class FrameShape:
    """How a frame is made of its record type: ``id_column`` names a row, ``computed`` are the columns the
    projection adds, ``order`` the place of the established columns (record fields and computed)."""

    name: str
    record: type
    id_column: str
    computed: dict
    order: tuple[str, ...]

    def fields(self) -> dict[str, str]:
        """The record's fields that become columns, with their column types."""
        return {k: v for k, v in column_types(self.record).items() if k not in RECORD_KEYS}

    def schema(self) -> dict[str, pl.DataType]:
        dtypes = {**{k: _DTYPES[v] for k, v in self.fields().items()}, **self.computed}
        unknown = set(self.order) - set(dtypes)
        if unknown:
            raise TypeError(f"{self.name}: columns {sorted(unknown)} are neither fields of "
                            f"{self.record.__name__} nor computed")
        return {c: dtypes[c] for c in (*self.order, *(c for c in dtypes if c not in self.order))}


_IDS = {"task_id": pl.String, "doc_id": pl.String}
SHAPES: dict[str, FrameShape] = {shape.name: shape for shape in (
    FrameShape("documents", DocumentMetadata, "doc_id", {
        "doc_id": pl.String, "source_path": pl.String, "part": pl.Int32, "n_tasks": pl.Int32, "encoding": pl.String,
        "extractor_version": pl.String, "warnings": pl.List(pl.String), "n_warnings": pl.Int32, "seq": pl.Int64},
        ("doc_id", "source_path", "part", "title", "issuer", "doc_number", "issued_on", "published_on", "year",
         "level", "region", "province", "city", "county", "doc_type", "period", "n_tasks", "encoding",
         "extractor_version", "warnings", "n_warnings", "seq")),
    FrameShape("tasks", RECORD_TYPES["tasks"], "task_id", {**_IDS, "text": pl.String},
               ("task_id", "doc_id", "number", "path", "section", "title", "text", "start", "end")),
    FrameShape("assignments", RECORD_TYPES["assignments"], "assignment_id",
               {"assignment_id": pl.String, **_IDS, "unit_id": pl.String, "curated": pl.Boolean},
               ("assignment_id", "task_id", "doc_id", "clause", "mention", "unit_id", "role", "placeholder", "start",
                "end", "clause_start", "clause_end", "curated")),
    FrameShape("targets", RECORD_TYPES["targets"], "target_id",
               {"target_id": pl.String, **_IDS, "curated": pl.Boolean},
               ("target_id", "task_id", "doc_id", "metric", "metric_key", "value", "value_high", "unit", "base_value",
                "base_value_high", "base_unit", "comparator", "hardness", "kind", "year", "year_source", "text",
                "start", "end", "curated")),
    FrameShape("observations", RECORD_TYPES["observations"], "obs_id", {"obs_id": pl.String, **_IDS},
               ("obs_id", "doc_id", "task_id", "metric", "metric_key", "value", "value_high", "unit", "base_value",
                "base_unit", "comparator", "kind", "year", "period", "as_of", "text", "start", "end")),
    FrameShape("instruments", RECORD_TYPES["instruments"], "instrument_id", {"instrument_id": pl.String, **_IDS},
               ("instrument_id", "task_id", "doc_id", "kind", "amount", "amount_high", "unit", "beneficiary", "text",
                "start", "end")),
)}
# The frames made of extracted records (all but documents), in the order the log's payload holds them.
RECORD_FRAMES = tuple(name for name in RECORD_TYPES if name in SHAPES)
ID_COLUMNS = {name: SHAPES[name].id_column for name in RECORD_FRAMES}

SCHEMAS: dict[str, dict] = {
    "documents": SHAPES["documents"].schema(), "tasks": SHAPES["tasks"].schema(),
    "assignments": SHAPES["assignments"].schema(), "units": UNITS_SCHEMA,
    **{name: SHAPES[name].schema() for name in ("targets", "observations", "instruments")},
}
