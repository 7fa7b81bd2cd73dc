"""Column contract of the frames (DESIGN.md); empty frames keep these schemas."""
from __future__ import annotations

import polars as pl

from ..registry import UNITS_SCHEMA

# Exact decimals: 38 digits, 6 after the point. Values outside that range become null with a warning.
DECIMAL = pl.Decimal(38, 6)

DOCUMENTS = {
    "doc_id": pl.String, "source_path": pl.String, "part": pl.Int32, "title": pl.String, "issuer": pl.String,
    "doc_number": pl.String, "issued_on": pl.String, "published_on": pl.String, "year": pl.Int32,
    "level": pl.String, "region": pl.String, "province": pl.String, "city": pl.String, "county": pl.String,
    "doc_type": pl.String, "period": pl.String, "n_tasks": pl.Int32, "encoding": pl.String,
    "extractor_version": pl.String, "warnings": pl.List(pl.String), "n_warnings": pl.Int32, "seq": pl.Int64,
}
TASKS = {
    "task_id": pl.String, "doc_id": pl.String, "number": pl.String, "path": pl.List(pl.String),
    "section": pl.String, "title": pl.String, "text": pl.String, "start": pl.Int64, "end": pl.Int64,
}
ASSIGNMENTS = {
    "assignment_id": pl.String, "task_id": pl.String, "doc_id": pl.String, "clause": pl.Int32,
    "mention": pl.String, "unit_id": pl.String, "role": pl.String, "placeholder": pl.Boolean,
    "start": pl.Int64, "end": pl.Int64, "curated": pl.Boolean,
}
TARGETS = {
    "target_id": pl.String, "task_id": pl.String, "doc_id": pl.String, "metric": pl.String,
    "metric_key": pl.String, "value": DECIMAL, "value_high": DECIMAL, "unit": pl.String,
    "base_value": DECIMAL, "base_value_high": DECIMAL, "base_unit": pl.String, "comparator": pl.String,
    "hardness": pl.String, "kind": pl.String, "year": pl.Int32, "text": pl.String, "start": pl.Int64,
    "end": pl.Int64, "curated": pl.Boolean,
}
OBSERVATIONS = {
    "obs_id": pl.String, "doc_id": pl.String, "task_id": pl.String, "metric": pl.String,
    "metric_key": pl.String, "value": DECIMAL, "value_high": DECIMAL, "unit": pl.String, "base_value": DECIMAL,
    "base_unit": pl.String, "comparator": pl.String, "kind": pl.String, "year": pl.Int32, "period": pl.String,
    "as_of": pl.String, "text": pl.String, "start": pl.Int64, "end": pl.Int64,
}

SCHEMAS: dict[str, dict] = {
    "documents": DOCUMENTS, "tasks": TASKS, "assignments": ASSIGNMENTS, "units": UNITS_SCHEMA,
    "targets": TARGETS, "observations": OBSERVATIONS,
}
