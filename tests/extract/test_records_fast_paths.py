"""The records built at once from a measure (one dict display in the fields' declared order) against the slow
definition: the frozen ``__init__`` of the record type, given the measure's fields by name."""
from dataclasses import fields

import pytest

from policykit.extract import InstrumentRecord, ObservationRecord, TargetRecord
from policykit.extract._instruments import instruments_of
from policykit.extract._measures import read_measures
from policykit.extract._observations import observations_of
from policykit.extract._parsed import parse
from policykit.extract._targets import targets_of
from policykit.text import DocumentMetadata

TEXTS = [
    ("力争为100余家企业提供转(续)贷1亿元以上，地区生产总值增长5%—6%。", DocumentMetadata(year=2023)),
    ("到2025年，新建3至5个实验室，装机容量达到3万千瓦。", DocumentMetadata(year=2023, doc_type="action_plan")),
    ("1至4月份，全市固定资产投资增长7.1%，新增企业约120余家，发电量2万至3万千瓦时。",
     DocumentMetadata(year=2020, doc_type="progress_report")),
]


def _shared_fields(m):
    """The fields target and observation records share, as decimal strings."""
    q = m.quantity
    return {
        "key": m.key, "task_key": m.task_key, "metric": m.metric, "metric_key": m.metric_key,
        "value": str(q.value), "value_high": None if q.value_high is None else str(q.value_high),
        "unit": q.unit, "base_value": str(q.base_value), "base_unit": q.base_unit, "comparator": q.comparator,
        "kind": m.kind, "year": m.year, "text": m.text, "start": m.start, "end": m.end,
    }


def _slow_target(m):
    q = m.quantity
    return TargetRecord(**_shared_fields(m), hardness=m.hardness, year_source=m.year_source,
                        base_value_high=None if q.base_value_high is None else str(q.base_value_high))


def _slow_observation(m):
    return ObservationRecord(**_shared_fields(m), period=m.period, as_of=m.as_of)


@pytest.mark.parametrize("text, metadata", TEXTS)
def test_targets_and_observations_are_built_as_their_record_types_build_them(text, metadata):
    measures = read_measures(parse(text, metadata), ())
    for built, slow, record_type in (
            (targets_of(measures), tuple(_slow_target(m) for m in measures if m.role == "target"), TargetRecord),
            (observations_of(measures), tuple(_slow_observation(m) for m in measures if m.role == "observation"),
             ObservationRecord)):
        assert built == slow
        # The log reads a record's fields from vars() in their declared order, as __init__ sets them.
        assert all(list(vars(record)) == [f.name for f in fields(record_type)] for record in built)


def test_the_examples_hold_ranges_of_both_roles():
    """The texts above reach both branches of each display's conditionals: a range (value_high, base_value_high) and
    a single figure, of each role."""
    measures = [m for text, metadata in TEXTS for m in read_measures(parse(text, metadata), ())]
    for role in ("target", "observation"):
        highs = {m.quantity.base_value_high is None for m in measures if m.role == role}
        assert highs == {True, False}, role


# Instruments of a single amount and of a range (amount_high), each read as the measures reader reads them.
INSTRUMENT_TEXTS = ["对首次认定的高新技术企业给予30万元奖励。", "对认定的企业给予10万至30万元补助。"]


def _slow_instrument(m):
    q = m.quantity
    return InstrumentRecord(key=m.key, task_key=m.task_key, kind=m.kind, amount=str(q.value),
                            amount_high=None if q.value_high is None else str(q.value_high), unit=q.unit,
                            beneficiary=m.beneficiary, text=m.text, start=m.start, end=m.end)


def test_instruments_are_built_as_their_record_type_builds_them():
    measures = [m for text in INSTRUMENT_TEXTS for m in read_measures(parse(text, DocumentMetadata(year=2023)), ())]
    built = instruments_of(tuple(measures))
    assert built == tuple(_slow_instrument(m) for m in measures if m.role == "instrument")
    assert {record.amount_high is None for record in built} == {True, False}  # both branches of the display
    assert all(list(vars(record)) == [f.name for f in fields(InstrumentRecord)] for record in built)
