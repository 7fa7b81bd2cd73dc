"""Evaluation: score the kit's extraction against hand-checked gold annotations.

:func:`load_gold` reads gold JSON files (GOLD_FORMAT.md); :func:`evaluate` is a pure function from gold and
the extracted frames to precision / recall / F1 per record type and the list of misses and false hits;
:func:`format_report` renders it as text. Matching rules: docs/evaluation.md.
"""
from __future__ import annotations

from ._gold import (
    GoldClause,
    GoldDocument,
    GoldFile,
    GoldFiles,
    GoldFormatError,
    GoldFormatWarning,
    GoldObservation,
    GoldTarget,
    GoldTask,
    GoldUnit,
    load_gold,
)
from ._report import format_report
from ._score import ALL, RECORD_TYPES, Evaluation, evaluate

__all__ = [
    "ALL",
    "RECORD_TYPES",
    "Evaluation",
    "GoldClause",
    "GoldDocument",
    "GoldFile",
    "GoldFiles",
    "GoldFormatError",
    "GoldFormatWarning",
    "GoldObservation",
    "GoldTarget",
    "GoldTask",
    "GoldUnit",
    "evaluate",
    "format_report",
    "load_gold",
]
