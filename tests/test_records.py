"""One record shape: every declared field of every record travels extraction → event → log → frame."""
from __future__ import annotations  # annotations as written, as in policykit.extract._records

import dataclasses
import hashlib
import json
import zlib
from decimal import Decimal

import polars as pl
import pytest

import policykit as pk
from policykit.extract import RECORD_TYPES, Extraction, column_types
from policykit.frames import SCHEMAS, SHAPES
from policykit.log import DocumentExtracted, EventLog, SourceRead, event_from_payload, record_payloads
from policykit.project import FRAME_NAMES, Project
from policykit.text import DocumentMetadata

TEXT = "一、总则\n1.建设实验室，力争达到20家。(牵头单位:科技局)\n2.补助企业，最高奖励100万元。"
_VALUES = {"string": "值", "int": 7, "decimal": "1.5", "bool": True, "strings": ("一",), "spans": ((3, 9),)}
_POLARS = {"string": pl.String, "int": pl.Int32, "offset": pl.Int64, "decimal": pl.Decimal(38, 6), "bool": pl.Boolean,
           "strings": pl.List(pl.String), "spans": pl.List(pl.List(pl.Int64))}


def _record(record_type: type, task_key: str | None) -> object:
    """A record with every field set (no nulls), so a dropped field shows as a null or a missing column."""
    values = {}
    for offset, (name, kind) in enumerate(column_types(record_type).items()):
        values[name] = offset + 1 if kind == "offset" else _VALUES[kind]
    values.update(key=f"{record_type.__name__}@1", task_key=task_key)
    return record_type(**{f.name: values[f.name] for f in dataclasses.fields(record_type)})


def _full_extraction() -> Extraction:
    task = _record(RECORD_TYPES["tasks"], None)
    return Extraction(**{name: (task,) if name == "tasks" else (_record(t, task.key),)
                         for name, t in RECORD_TYPES.items()})


def _project_with(tmp_path, extraction: Extraction, metadata: DocumentMetadata) -> Project:
    (tmp_path / "data" / "raw").mkdir(parents=True)
    project = Project.find(tmp_path)
    sha = hashlib.sha256(TEXT.encode()).hexdigest()
    events = [
        SourceRead("data/raw/a.txt", "f" * 64, 10, "utf-8", "t", "t", ("doc-0",)),
        DocumentExtracted(document_id="doc-0", source_path="data/raw/a.txt", source_sha256="f" * 64, part=0,
                          extractor_version="t", text_sha256=sha, metadata=dataclasses.asdict(metadata),
                          warnings=(), **record_payloads(extraction)),
    ]
    with EventLog(project.log_path) as log:
        log.append(events, recorded_by="test", texts={sha: TEXT})
    return project


def test_every_declared_field_has_a_frame_column_of_its_type():
    for name, record_type in RECORD_TYPES.items():
        schema = SCHEMAS[name]
        for field, kind in column_types(record_type).items():
            if field in ("key", "task_key"):
                continue  # they become the frame's ids
            assert schema.get(field) == _POLARS[kind], (name, field)
    for field, kind in column_types(DocumentMetadata).items():
        assert SCHEMAS["documents"][field] == _POLARS[kind], field
    assert set(RECORD_TYPES) <= set(FRAME_NAMES) and set(RECORD_TYPES) <= set(SHAPES)


def test_the_extraction_event_has_a_collection_for_every_record_type():
    fields = {f.name for f in dataclasses.fields(DocumentExtracted)}
    assert set(RECORD_TYPES) <= fields
    assert set(record_payloads(_full_extraction())) == set(RECORD_TYPES)


def test_record_payloads_are_the_fields_in_order_even_beside_a_cached_value():
    extraction = _full_extraction()
    for name in RECORD_TYPES:
        object.__setattr__(getattr(extraction, name)[0], "_cached", "not a field")  # as a cached_property leaves it
    payloads = record_payloads(extraction)
    for name in RECORD_TYPES:
        (record,) = getattr(extraction, name)
        (payload,) = payloads[name]
        assert list(payload.items()) == [(f.name, getattr(record, f.name)) for f in dataclasses.fields(record)], name
    plain = record_payloads(_full_extraction())
    assert {n: [list(p.items()) for p in plain[n]] for n in RECORD_TYPES} == {
        n: [list(p.items()) for p in payloads[n]] for n in RECORD_TYPES}


def test_every_field_of_every_record_reaches_its_frame(tmp_path):
    metadata = DocumentMetadata(**{f: (7 if kind == "int" else "值") for f, kind in column_types(DocumentMetadata).items()})
    project = _project_with(tmp_path, _full_extraction(), metadata)
    ds = pk.open(project)
    for name, record_type in RECORD_TYPES.items():
        frame = getattr(ds, name)
        assert frame.height == 1, name
        row = frame.row(0, named=True)
        record = getattr(_full_extraction(), name)[0]
        for field, kind in column_types(record_type).items():
            if field in ("key", "task_key"):
                continue
            expected = getattr(record, field)
            expected = (Decimal(expected) if kind == "decimal" else list(expected) if kind == "strings"
                        else [list(span) for span in expected] if kind == "spans" else expected)
            assert row[field] == expected, (name, field)
        if "task_id" in frame.columns and name != "tasks":
            assert row["task_id"] == ds.tasks["task_id"][0], name
    document = ds.documents.row(0, named=True)
    assert all(document[f] == getattr(metadata, f) for f in column_types(DocumentMetadata))
    task = _full_extraction().tasks[0]
    assert ds.tasks["text"][0] == TEXT[task.start:task.end] != ""  # task text from its span


def test_a_log_written_before_instruments_and_new_fields_still_replays(tmp_path):
    # A version-1 DocumentExtracted as extractor 0.3.0 wrote it: no instruments, no year_source,
    # assignments without clause spans.
    (tmp_path / "data" / "raw").mkdir(parents=True)
    project = Project.find(tmp_path)
    sha = hashlib.sha256(TEXT.encode()).hexdigest()
    extraction = _full_extraction()
    payloads = record_payloads(extraction)
    old = {name: [{k: v for k, v in r.items() if k not in ("year_source", "clause_start", "clause_end")}
                  for r in payloads[name]] for name in ("tasks", "assignments", "targets", "observations")}
    document = {"document_id": "doc-0", "source_path": "data/raw/a.txt", "source_sha256": "f" * 64, "part": 0,
                "extractor_version": "0.3.0", "text_sha256": sha, "metadata": {}, "warnings": [], **old}
    source = dataclasses.asdict(SourceRead("data/raw/a.txt", "f" * 64, 10, "utf-8", "0.3.0", "0.3.0", ("doc-0",)))
    rows = [(1, "SourceRead", 1, "2025-01-01T00:00:00+00:00", "x", None, "k", json.dumps(source)),
            (2, "DocumentExtracted", 1, "2025-01-01T00:00:00+00:00", "x", "doc-0", "k", json.dumps(document))]
    with EventLog(project.log_path) as log:
        log.import_rows(rows, [(sha, zlib.compress(TEXT.encode()))])
        assert [e.event.instruments for e in log.read(types=["DocumentExtracted"])] == [()]
    ds = pk.open(project)
    assert ds.instruments.height == 0 and ds.instruments.schema == pl.Schema(SCHEMAS["instruments"])
    assert ds.targets["year_source"].to_list() == [None] and ds.targets["value"].to_list() == [Decimal("1.5")]
    assert ds.assignments.select("clause_start", "clause_end").rows() == [(None, None)]
    assert ds.assignments["mention"].to_list() == ["值"]


def test_an_event_newer_than_the_kit_is_refused_by_name():
    with pytest.raises(ValueError, match="DocumentExtracted v3 is newer"):
        event_from_payload("DocumentExtracted", DocumentExtracted.VERSION + 1, {})


def test_gold_keys_are_fields_of_the_record_and_of_its_gold_annotation():
    from policykit import evaluate

    gold = {"tasks": evaluate.GoldTask, "assignments": evaluate.GoldUnit, "targets": evaluate.GoldTarget,
            "observations": evaluate.GoldObservation}
    for name, record_type in RECORD_TYPES.items():
        keys = record_type.GOLD_KEYS
        assert keys and set(keys) <= set(column_types(record_type)), name
        if name in gold:
            assert set(keys) <= {f.name for f in dataclasses.fields(gold[name])}, name


def test_a_field_added_to_a_record_is_one_edit_and_lands_at_the_end_of_its_frame():
    from policykit.extract import DecimalText, TargetRecord  # noqa: F401 - the annotation below names DecimalText

    @dataclasses.dataclass(frozen=True)
    class WiderTarget(TargetRecord):
        value_norm: DecimalText | None = None

    shape = dataclasses.replace(SHAPES["targets"], record=WiderTarget)
    schema = shape.schema()
    assert list(schema)[:-1] == list(SCHEMAS["targets"]) and schema["value_norm"] == pl.Decimal(38, 6)


_MONEY = dict(key="i1", task_key=None, kind="award", amount="30", amount_high=None, unit="万元", beneficiary=None,
              text="奖励30万元", start=0, end=6)


def test_a_record_built_at_once_is_its_type_s_whatever_type_came_before():
    from policykit.extract._records import built_at_once
    from policykit.extract import InstrumentRecord, TaskRecord

    @dataclasses.dataclass(frozen=True)
    class Quoted(TaskRecord):  # a subclass: its __dict__ slot is its base's
        quote: str = ""

    task = dict(key="t1", number="1", path=(), section=None, title="做好", start=0, end=2, rows=())
    for _ in range(2):  # a type's first record and its next ones
        assert built_at_once(TaskRecord, dict(task)) == TaskRecord(**task)
        assert built_at_once(InstrumentRecord, dict(_MONEY)) == InstrumentRecord(**_MONEY)
        assert built_at_once(Quoted, task | {"quote": "“做好”"}) == Quoted(**task, quote="“做好”")
