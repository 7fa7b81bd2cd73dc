"""Records the extraction stage returns: plain values with character spans into the clean text.

Each record carries a ``key`` that is stable within its document (derived from position in the
section tree and content, never from a counter), so the log can derive global ids from it.

This is the one declaration of each record's shape: the log stores the fields as they are, the
frames take one column per field (its type from the annotation, see :func:`column_types`), and
``GOLD_KEYS`` names the fields a hand annotation is matched on. Adding a field here carries it to
the event payload and the frame; older events without it give null.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from collections.abc import Callable
from typing import ClassVar, TypeVar

_Frozen = TypeVar("_Frozen")

# Annotations that say more than the Python type: an offset into the clean text (a 64-bit column)
# and an exact decimal written as a string (a Decimal column, never a float).
Offset = int
DecimalText = str

ROLES = ("lead", "responsible", "participant")
COMPARATORS = (">=", ">", "<=", "<", "≈", "=", "range")
TARGET_KINDS = ("level", "increase", "decrease", "growth_rate", "share")
# Where a target's year came from: written beside it, the plan period's end, the report's own year,
# a relative phrase (明年, 三年内) or nothing at all.
YEAR_SOURCES = ("stated", "plan_period", "report_year", "relative", "unknown")
INSTRUMENT_KINDS = ("subsidy", "award", "loan", "guarantee", "cap", "quota", "threshold", "weight")


@dataclass(frozen=True)
class TaskRecord:
    GOLD_KEYS: ClassVar[tuple[str, ...]] = ("path", "number")
    key: str  # stable within the document, e.g. "一/1@3f2a9c"
    number: str  # the task's own number, ASCII digits ("１．" -> "1", "（三）" -> "三")
    path: tuple[str, ...]  # numbers of the enclosing sections, outermost first
    section: str | None  # title of the innermost enclosing section
    title: str  # heading or first phrase, as written
    start: Offset
    end: Offset
    # Spans of annex table rows that restate this task (序号/工作事项/牵头单位 … rows): the same task, whose
    # cells name its units; never a task of their own.
    rows: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class AssignmentRecord:
    GOLD_KEYS: ClassVar[tuple[str, ...]] = ("mention", "role")
    task_key: str | None  # None for a clause outside any task
    clause: int  # index of the responsibility clause inside the task, from 0
    mention: str  # the unit name as written, after splitting
    role: str  # lead | responsible | participant
    placeholder: bool  # collective mention naming no single body (各镇街, 各有关部门 …)
    start: Offset  # span of the mention
    end: Offset
    clause_start: Offset  # span of the whole clause
    clause_end: Offset


@dataclass(frozen=True)
class TargetRecord:
    GOLD_KEYS: ClassVar[tuple[str, ...]] = ("value", "unit", "comparator", "year")
    key: str  # stable within the document
    task_key: str | None
    metric: str
    value: DecimalText  # decimal string, as written but with Chinese numerals converted
    value_high: DecimalText | None
    unit: str | None  # as written, with 万/亿 prefixes
    base_value: DecimalText | None  # value in base units (万千瓦 -> 千瓦 × 10000), decimal string
    base_unit: str | None
    comparator: str  # one of COMPARATORS
    hardness: str | None  # 确保 / 力争 / 争取 / 努力 / None
    kind: str  # one of TARGET_KINDS
    year: int | None
    text: str  # the quote the target was read from
    start: Offset
    end: Offset
    metric_key: str | None = None  # normalised metric (gdp_growth, cpi …), None when unlinked
    base_value_high: DecimalText | None = None  # value_high in base units
    year_source: str = "unknown"  # one of YEAR_SOURCES


@dataclass(frozen=True)
class InstrumentRecord:
    """A policy instrument: money or a limit the text hands out or imposes (never a target)."""

    GOLD_KEYS: ClassVar[tuple[str, ...]] = ("kind", "amount", "unit")
    key: str  # stable within the document
    task_key: str | None
    kind: str  # one of INSTRUMENT_KINDS
    amount: DecimalText  # decimal string, Chinese numerals converted
    amount_high: DecimalText | None
    unit: str | None  # as written (万元, %, 名, 分 …)
    beneficiary: str | None  # the phrase naming who receives it or whom it limits, as written
    text: str  # the quote it was read from
    start: Offset
    end: Offset


@dataclass(frozen=True)
class ObservationRecord:
    GOLD_KEYS: ClassVar[tuple[str, ...]] = ("value", "unit")
    key: str
    task_key: str | None
    metric: str
    value: DecimalText
    unit: str | None
    kind: str  # level | growth_rate | share | increase
    period: str | None  # as normalised, e.g. "2020-01/2020-04", "2020-Q1..Q3", "2019"
    as_of: str | None  # ISO date the figure stands at, when known
    text: str
    start: Offset
    end: Offset
    metric_key: str | None = None  # normalised metric (gdp_growth, cpi …), None when unlinked
    year: int | None = None  # the year the figure reports on
    comparator: str = "="  # 近600亿元 -> "≈", 100余家 -> ">=" (one of COMPARATORS)
    value_high: DecimalText | None = None
    base_value: DecimalText | None = None  # value in base units (万千瓦 -> 千瓦 × 10000)
    base_unit: str | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one clean document."""

    tasks: tuple[TaskRecord, ...] = ()
    assignments: tuple[AssignmentRecord, ...] = ()
    targets: tuple[TargetRecord, ...] = ()
    observations: tuple[ObservationRecord, ...] = ()
    instruments: tuple[InstrumentRecord, ...] = ()
    warnings: tuple[str, ...] = ()


# The record collections of an :class:`Extraction`, by field name, with their record type.
RECORD_TYPES: dict[str, type] = {
    "tasks": TaskRecord, "assignments": AssignmentRecord, "targets": TargetRecord,
    "observations": ObservationRecord, "instruments": InstrumentRecord,
}

# Column type of each annotation a record field may carry.
_COLUMN_TYPES = {"str": "string", "int": "int", "bool": "bool", "Offset": "offset", "DecimalText": "decimal",
                 "tuple[str, ...]": "strings", "tuple[tuple[int, int], ...]": "spans"}


def column_types(record_type: type) -> dict[str, str]:
    """Each field of a record (or metadata) dataclass and its column type.

    Types are ``string``, ``int``, ``offset`` (a 64-bit character offset), ``decimal`` (an exact
    decimal string), ``bool`` and ``strings`` (a tuple of strings); ``| None`` is dropped.

    Examples
    --------
    >>> column_types(AssignmentRecord)["clause_start"], column_types(TargetRecord)["value_high"]
    ('offset', 'decimal')
    """
    types = {}
    for f in dataclasses.fields(record_type):
        annotation = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", str(f.type))
        bare = " | ".join(part.strip() for part in annotation.split("|") if part.strip() != "None")
        if bare not in _COLUMN_TYPES:
            raise TypeError(f"{record_type.__name__}.{f.name}: no column type for {annotation!r}")
        types[f.name] = _COLUMN_TYPES[bare]
    return types


_NEW = object.__new__
_DICT_SETTERS: dict[type, Callable[[object, dict], None]] = {}  # by type: what writes its instances' __dict__


def built_at_once(cls: type[_Frozen], values: dict) -> _Frozen:
    """An instance of the frozen dataclass ``cls`` whose attribute dict is ``values`` (every field by name; give
    them in field order, as ``vars()`` shows them), written at once: the frozen ``__init__`` writes each field
    through ``object.__setattr__``, about twice the time, for every figure of a text. The ``__dict__`` slot is found
    once per type (``object.__setattr__`` would look it up through the type for every record).

    Examples
    --------
    >>> built_at_once(TaskRecord, dict(key="t1", number="1", path=(), section=None, title="做好", start=0, end=2)) \\
    ...     == TaskRecord("t1", "1", (), None, "做好", 0, 2)
    True
    """
    record = _NEW(cls)
    try:
        set_dict = _DICT_SETTERS[cls]
    except KeyError:
        set_dict = _DICT_SETTERS[cls] = _dict_setter(cls)
    set_dict(record, values)
    return record


def _dict_setter(cls: type) -> Callable[[object, dict], None]:
    """The ``__set__`` of the ``__dict__`` slot instances of ``cls`` have (from the first class of its MRO adding one)."""
    return next(vars(klass)["__dict__"] for klass in cls.__mro__ if "__dict__" in vars(klass)).__set__
