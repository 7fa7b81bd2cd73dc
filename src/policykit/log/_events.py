"""Event types of the log: frozen dataclasses, past-tense names, one schema version each.

Extraction events record what a reader and an extractor saw in a raw file; curation events record
what a person decided. Payloads are JSON objects; :func:`event_from_row` upcasts older schema
versions when they are read, so the log itself is never rewritten.
"""
from __future__ import annotations

import dataclasses
import functools
import operator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:  # the extractor is loaded by whoever has an Extraction; `status` never needs it
    from ..extract import Extraction


@dataclass(frozen=True)
class Event:
    """Base of all events. ``TYPE`` is the name stored in the log, ``VERSION`` its schema version."""

    TYPE: ClassVar[str] = ""
    VERSION: ClassVar[int] = 1

    def payload(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @property
    def doc_id(self) -> str | None:
        return None


# --- extraction -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceRead(Event):
    """A raw file was read. It supersedes earlier readings of the same ``source_path``."""

    TYPE: ClassVar[str] = "SourceRead"
    source_path: str  # relative to the project root, POSIX separators
    source_sha256: str
    n_bytes: int
    encoding: str
    reader_version: str
    extractor_version: str
    doc_ids: tuple[str, ...]
    warnings: tuple[dict, ...] = ()


@dataclass(frozen=True)
class SourceRejected(Event):
    """A raw file could not be read at all (not text, unreadable, vanished)."""

    TYPE: ClassVar[str] = "SourceRejected"
    source_path: str
    source_sha256: str | None
    extractor_version: str
    problem: str


@dataclass(frozen=True)
class DocumentExtracted(Event):
    """One document of a raw file with everything extracted from it.

    ``text_sha256`` names the clean text, stored once in the log's text table; record spans point
    into it. A later ``DocumentExtracted`` for the same ``doc_id`` supersedes this one. The record
    collections hold the records of :class:`policykit.extract.Extraction` as dicts of their fields
    (:func:`record_payloads`); a field an older extractor did not know is absent and reads as null.
    Version 2 adds ``instruments`` (version 1 events have none).
    """

    TYPE: ClassVar[str] = "DocumentExtracted"
    VERSION: ClassVar[int] = 2
    document_id: str
    source_path: str
    source_sha256: str
    part: int
    extractor_version: str
    text_sha256: str
    metadata: dict
    warnings: tuple[dict, ...]
    tasks: tuple[dict, ...]
    assignments: tuple[dict, ...]
    targets: tuple[dict, ...]
    observations: tuple[dict, ...]
    instruments: tuple[dict, ...] = ()

    @property
    def doc_id(self) -> str:
        return self.document_id


@functools.cache
def _field_names(record_type: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(record_type))


def record_payloads(extraction: Extraction, *, copy: bool = True) -> dict[str, tuple[dict, ...]]:
    """The record collections of ``extraction`` as :class:`DocumentExtracted` takes them.

    The records hold only plain values, so a flat dict of the fields serialises as
    ``dataclasses.asdict`` would, without its deep copy (a fifth of ingest time). A record's own
    ``__dict__`` holds its fields in their order (its ``__init__`` set them): a copy of it is that dict at
    C speed, taken when it holds nothing else (no cached value). ``held.copy()``, not ``dict(held)``: an
    instance's dict shares its keys with its class's other instances, and ``copy`` copies only the values,
    where ``dict`` inserts key by key and grows its table as it goes. A collection checked and copied whole
    (:func:`_payloads`) costs a C step per record, not a Python one. With ``copy=False`` a record's payload is its
    own dict, for a caller that drops ``extraction`` at once (ingest): the copy and the freeing of both dicts (a third
    of this function's cost) are spared, and changing a payload would change its record.

    Examples
    --------
    >>> from policykit.extract import extract_document
    >>> payloads = record_payloads(extract_document("一、创新\\n1.建实验室。(牵头单位:科技局)"))
    >>> sorted(payloads), payloads["assignments"][0]["mention"]
    (['assignments', 'instruments', 'observations', 'targets', 'tasks'], '科技局')
    """
    from ..extract import RECORD_TYPES

    return {name: _payloads(getattr(extraction, name), copy) for name in RECORD_TYPES}


# An instance's own dict, as vars() gives it without packing its argument in a tuple for every record.
_OWN_DICT = operator.attrgetter("__dict__")


def _payloads(records, copy: bool = True) -> tuple[dict, ...]:
    """``flat_fields`` of each of ``records``: when all are of one type and each one's dict holds just its
    fields (the rule for every record, as :func:`flat_fields` checks it one by one), the dicts are copied in
    one pass at C speed (a Python step per record cost 3 k instructions, more than the copy), and the sizes
    checked on the copies; without ``copy``, the dicts themselves."""
    own = map(_OWN_DICT, records)
    try:
        dicts = tuple(map(dict.copy, own) if copy else own)
    except AttributeError:  # records with __slots__ have no __dict__
        return tuple(map(flat_fields, records))
    kinds = set(map(type, records))
    if len(kinds) == 1 and set(map(len, dicts)) == {len(_field_names(kinds.pop()))}:
        return dicts
    return tuple(map(flat_fields, records))


def flat_fields(record) -> dict:
    """The fields of the dataclass ``record``, whose values are plain (no nested dataclass), by name in field
    order: what ``dataclasses.asdict`` gives for it, without its deep copy.

    Examples
    --------
    >>> from policykit.text import DocumentMetadata
    >>> flat_fields(DocumentMetadata(title="x", year=2024))["year"]
    2024
    """
    try:
        held = vars(record)
    except TypeError:  # a record with __slots__ has no __dict__
        held = None
    if held is not None and len(held) == len(_field_names(type(record))):
        return held.copy()  # its __init__ set exactly its fields, in order: a copy at C speed
    return {f: getattr(record, f) for f in _field_names(type(record))}


# --- curation ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class CurationEvent(Event):
    """A human decision. ``reason`` is required reading for whoever replicates the dataset."""

    reason: str


@dataclass(frozen=True)
class UnitAliasDeclared(CurationEvent):
    """Several unit names denote one department (within ``jurisdiction``, or anywhere when None).

    Version 2 takes any number of ``names``; version 1 took exactly two (``name_a``, ``name_b``)
    and is upcast when read.
    """

    TYPE: ClassVar[str] = "UnitAliasDeclared"
    VERSION: ClassVar[int] = 2
    names: tuple[str, ...]
    jurisdiction: str | None = None


@dataclass(frozen=True)
class UnitSplitDeclared(CurationEvent):
    """A mention that ran two or more unit names together is really ``parts``."""

    TYPE: ClassVar[str] = "UnitSplitDeclared"
    assignment_id: str
    parts: tuple[str, ...]


@dataclass(frozen=True)
class RoleCorrected(CurationEvent):
    TYPE: ClassVar[str] = "RoleCorrected"
    assignment_id: str
    role: str


@dataclass(frozen=True)
class RecordRejected(CurationEvent):
    """An extracted task, assignment, target or observation is false and leaves the frames."""

    TYPE: ClassVar[str] = "RecordRejected"
    record_id: str


@dataclass(frozen=True)
class AssignmentAdded(CurationEvent):
    """A responsibility the extractor missed."""

    TYPE: ClassVar[str] = "AssignmentAdded"
    task_id: str
    mention: str
    role: str
    clause: int = 0


@dataclass(frozen=True)
class TargetCorrected(CurationEvent):
    """Field values that replace the extracted ones of a target (value, unit, comparator …)."""

    TYPE: ClassVar[str] = "TargetCorrected"
    target_id: str
    changes: dict


@dataclass(frozen=True)
class TaskCorrected(CurationEvent):
    """Field values that replace the extracted ones of a task (number, title, section)."""

    TYPE: ClassVar[str] = "TaskCorrected"
    task_id: str
    changes: dict


@dataclass(frozen=True)
class TargetReferenced(CurationEvent):
    """A target no ingested document states, added with its citation (``source``: the document; ``page``
    and ``quote`` where in it), so a comparison with it stays traceable — a national target beside
    provincial ones, say. Values are decimal strings, as in :class:`TargetCorrected`."""

    TYPE: ClassVar[str] = "TargetReferenced"
    region: str
    level: str
    metric_key: str
    year: int
    value: str
    source: str
    value_high: str | None = None
    unit: str | None = None
    comparator: str | None = None
    kind: str | None = None
    hardness: str | None = None
    region_code: str | None = None
    page: str | None = None
    quote: str | None = None


@dataclass(frozen=True)
class CurationUndone(CurationEvent):
    """The curation event at ``undone_seq`` no longer applies (it stays in the log)."""

    TYPE: ClassVar[str] = "CurationUndone"
    undone_seq: int


EVENT_TYPES: dict[str, type[Event]] = {
    cls.TYPE: cls
    for cls in (
        SourceRead, SourceRejected, DocumentExtracted, UnitAliasDeclared, UnitSplitDeclared,
        RoleCorrected, RecordRejected, AssignmentAdded, TargetCorrected, TaskCorrected, TargetReferenced,
        CurationUndone,
    )
}

_TUPLE_FIELDS = {
    cls: {f.name for f in dataclasses.fields(cls) if str(f.type).startswith("tuple")} for cls in EVENT_TYPES.values()
}


def event_from_payload(type_name: str, version: int, payload: dict[str, Any]) -> Event:
    """Rebuild an event from its stored form, upcasting older schema versions first."""
    try:
        cls = EVENT_TYPES[type_name]
    except KeyError:
        raise ValueError(f"unknown event type {type_name!r} in the log (written by a newer policykit?)") from None
    if version > cls.VERSION:
        raise ValueError(f"{type_name} v{version} is newer than this policykit knows (v{cls.VERSION})")
    payload = _upcast(type_name, version, payload)
    fields = {k: tuple(v) if k in _TUPLE_FIELDS[cls] and isinstance(v, list) else v for k, v in payload.items()}
    return cls(**fields)


def _alias_v1_to_v2(payload: dict[str, Any]) -> dict[str, Any]:
    payload = dict(payload)
    payload["names"] = [payload.pop("name_a"), payload.pop("name_b")]
    return payload


def _extraction_v1_to_v2(payload: dict[str, Any]) -> dict[str, Any]:
    return {**payload, "instruments": payload.get("instruments", [])}


# (type, from_version) -> function turning a payload of that version into the next version's.
_UPCASTERS: dict[tuple[str, int], Any] = {
    ("UnitAliasDeclared", 1): _alias_v1_to_v2,
    ("DocumentExtracted", 1): _extraction_v1_to_v2,
}


def _upcast(type_name: str, version: int, payload: dict[str, Any]) -> dict[str, Any]:
    while (type_name, version) in _UPCASTERS:
        payload = _UPCASTERS[type_name, version](payload)
        version += 1
    return payload
