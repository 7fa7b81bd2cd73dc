"""Property tests over the reader, the number reader and the clause parser: no exception escapes on
any input, spans lie inside the text, numbers round-trip.

``make test`` runs a short pass; ``benchmarks/stress.py`` sets POLICYKIT_FUZZ_EXAMPLES for a long one.
"""
from __future__ import annotations

import dataclasses
import os
from decimal import Decimal

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from policykit.extract import extract_document, find_assignments, find_tasks
from policykit.extract._numbers import find_quantities, read_number
from policykit.text import read_source

FUZZ = settings(max_examples=int(os.environ.get("POLICYKIT_FUZZ_EXAMPLES", "40")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

# Characters plan documents are made of, so that random strings hit the parsers' interesting paths.
_PLAN_CHARS = ("一二三四五六七八九十百千万亿零两〇点第年月日底前个家项条款以上以下不低于超过力争确保达到增长降低左右约余"
               "、，。；：:;()（）【】〔〕《》\"“”牵头单位责任参与配合负责协助局委办县市区镇街各有关部门人民政府"
               "%％‰0123456789０１２.．,-—~至\n \t\u3000<>/divp&;")
plan_text = st.one_of(st.text(alphabet=_PLAN_CHARS, max_size=300), st.text(max_size=120))
raw_bytes = st.one_of(
    st.binary(max_size=400),
    plan_text.map(lambda s: s.encode("utf-8")),
    plan_text.map(lambda s: s.encode("gb18030")),
    plan_text.map(lambda s: s.encode("utf-16")),
    plan_text.map(lambda s: f"<html><body><p>{s}</p><table><tr><td>{s}</td></tr></table></body></html>".encode()),
)


def _spans(record) -> list[tuple[int, int]]:
    fields = dataclasses.asdict(record)
    pairs = [("start", "end"), ("clause_start", "clause_end")]
    return [(fields[a], fields[b]) for a, b in pairs if a in fields and fields[a] is not None]


@FUZZ
@given(raw_bytes)
@example(b"")
@example(b"\xef\xbb\xbf")
@example("一、".encode() * 300)
def test_reader_never_raises_and_offsets_map_into_the_raw_text(data):
    reading = read_source(data, "fuzz.txt")
    assert not [w for w in reading.warnings if w.code == "read-failed"], reading.warnings
    for doc in reading.documents:
        for pos in range(0, len(doc.text) + 1, max(1, len(doc.text) // 16)):
            assert 0 <= doc.offsets.to_raw(pos) <= len(reading.raw_text)


@FUZZ
@given(plan_text)
@example("力争投资" + "9" * 41 + "亿元以上")
@example("百分之" * 20)
def test_quantities_lie_inside_the_text(text):
    known = "力争达到123万人以上。"  # a quantity of our own first: every text has one known quantity
    text = known + text
    found = find_quantities(text)
    assert (text[found[0].start:found[0].end], found[0].base_value, found[0].base_unit, found[0].comparator) == (
        "123万人以上", Decimal(1230000), "人", ">=")
    for q in found:
        assert 0 <= q.start <= q.number_start < q.end <= len(text), q
        assert q.value_high is None or q.comparator == "range" or q.value_high >= 0


_DECIMALS = st.decimals(min_value=0, max_value=Decimal("1e15"), places=4, allow_nan=False, allow_infinity=False)


@FUZZ
@given(_DECIMALS)
def test_arabic_numbers_round_trip(value):
    written = format(value, "f")
    assert read_number(written) == value
    assert read_number(f"{written}万") == value * 10000
    assert read_number(f"百分之{written}") == value
    if value == value.to_integral_value():
        assert read_number(f"{int(value):,}") == value  # 1,234,567


@FUZZ
@given(st.integers(min_value=0, max_value=10**60))
@example(10**40)
def test_numbers_past_28_digits_stay_exact(n):
    assert read_number(str(n)) == n
    assert read_number(f"{n}亿") == n * 10**8


_CN_DIGITS = "零一二三四五六七八九"


def _chinese(n: int) -> str:
    """The usual written form of 0 <= n < 10^8 (一万零五百, 十二, 三千零六)."""
    if n >= 10**4:
        high, low = divmod(n, 10**4)
        return _chinese(high) + "万" + ("" if low == 0 else ("零" if low < 1000 else "") + _chinese(low))
    if n == 0:
        return "零"
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            out += ("零" if zero and out else "") + ("" if (unit == "十" and digit == 1 and not out) else _CN_DIGITS[digit]) + unit
            zero = False
        else:
            zero = True
    return out


@FUZZ
@given(st.integers(min_value=0, max_value=10**8 - 1))
@example(10)
@example(100005)
@example(1200010)  # 一百二十万零十: read as 1200000 before the fix
def test_chinese_numerals_round_trip(n):
    assert read_number(_chinese(n)) == n, _chinese(n)


@FUZZ
@given(plan_text)
@example("1.建设平台。（市科技局牵头，市财政局、各县区配合（（（")
@example("(牵头单位:" * 30)
def test_clause_parser_spans_lie_inside_the_text(text):
    known = "1.建平台。（市科技局牵头，市财政局配合）\n"  # a clause of our own first: two known assignments
    text = known + text
    found = find_assignments(text, find_tasks(text))
    assert [(a.mention, a.role, a.start) for a in found[:2]] == [
        ("市科技局", "lead", known.index("市科技局")), ("市财政局", "participant", known.index("市财政局"))]
    for a in found:
        assert 0 <= a.clause_start <= a.start <= a.end <= a.clause_end <= len(text), a
        assert a.mention and a.role in ("lead", "responsible", "participant")


@FUZZ
@given(plan_text)
def test_extraction_never_raises_and_every_span_is_inside_the_text(text):
    # A task of our own first, so that every text has records of each kind but observations.
    text = "一、创新\n1.完善实验室体系。力争达到20家以上。(牵头单位:科技局)\n" + text
    extraction = extract_document(text)
    known = (extraction.tasks[0].title, extraction.assignments[0].mention, extraction.targets[0].text)
    assert known == ("完善实验室体系", "科技局", "力争达到20家以上")
    records = [*extraction.tasks, *extraction.assignments, *extraction.targets, *extraction.observations]
    outside = [r for r in records for start, end in _spans(r) if not 0 <= start <= end <= len(text)]
    assert outside == []
