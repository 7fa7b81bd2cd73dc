"""The section reader's fast paths agree with the plain definitions they stand in for."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from policykit.extract import _numbering, _structure
from policykit.extract._parsed import parse

_SPANS = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 12)).map(lambda s: (s[0], s[0] + s[1])), max_size=6)


@settings(max_examples=300, deadline=None)
@given(_SPANS)
def test_covered_is_any_span_holding_the_offset(spans):
    covered = _structure._covered(tuple(spans))
    for x in range(-1, 45):
        assert covered(x) == any(a <= x < b for a, b in spans)


_OUTLINE_BITS = st.lists(st.sampled_from(["一", "十", "、", "（", "）", "1", "2", ".", "\n", "第", "条", "章", "①", "甲", " ", "\t"]),
                         max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(_OUTLINE_BITS)
def test_the_mark_pattern_with_its_opener_finds_what_its_grammar_finds(text):
    assert ([(m.span(), m.lastgroup) for m in _numbering._MARK.finditer(text)]
            == [(m.span(), m.lastgroup) for m in _numbering._MARK_GRAMMAR.finditer(text)])



_FOOTER_PLAIN = re.compile(f"^(?:{_structure._FOOTER_WORD})|^(?:{_structure._FOOTER_DATED})", re.M)
_FOOTER_BITS = st.lists(st.sampled_from(["抄送", "上一篇", "2024", "年", "3", "月", "1", "日", "印发", "发布", "\n", " ",
                                         "\u3000", "\t", "某县政府", "。", "2024年3月1日", "2024年\n3月1日"]), max_size=24).map("".join)


@settings(max_examples=600, deadline=None)
@given(_FOOTER_BITS)
def test_footer_starts_are_the_matches_of_the_line_start_pattern(text):
    assert _structure._footer_starts(text) == [m.start() for m in _FOOTER_PLAIN.finditer(text)]


def test_the_generated_texts_hold_footers_of_both_kinds():
    assert _structure._footer_starts("正文\n  抄送：各局\n某县政府 2024年3月1日印发") == [3, 11]
    assert _structure._footer_starts("2024年 3 月\n1日\n发布\n抄送") == [0, 16]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.integers(0, 4), max_size=20))
def test_the_end_of_each_item_is_the_next_item_at_its_depth_or_above(depths):
    nodes = [_structure._Node("num", str(i), 10 * i, 10 * i + 2, depth=d) for i, d in enumerate(depths)]
    assert _structure._next_at_or_above(nodes, 999) == [
        next((n.start for n in nodes[i + 1:] if n.depth <= node.depth), 999) for i, node in enumerate(nodes)]


_GAP_PLAIN = re.compile(r"\n|[ \u3000\u00a0\u2002\u2003]{2}")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["\n", " ", "\u3000", "\u00a0", "\u2002", "\u2003", "\t", "甲", "。"]), max_size=12).map("".join),
       st.integers(0, 12))
def test_the_gap_pattern_led_by_a_class_finds_what_the_plain_one_finds(text, pos):
    found, plain = _structure._GAP.search(text, pos), _GAP_PLAIN.search(text, pos)
    assert (found and found.start()) == (plain and plain.start())


_AROUND_A_DECIMAL = st.lists(st.sampled_from(
    ["2", "12", "３", ".", "．", "%", "％", "万", "亿", "千", "十", "百", "元", "万元", "角", "分", "个", "吨", "千米", "平方公里",
     "吨标准煤", "微克", "立方米", "EFLOPS", "TFLOPS", "/", "以上", "及以上", "左右", "-", "--", "至", "余", "成", "半",
     "零", "二", "贰", "拾", "超过", "约", "不低于", "至少", "第", "百分之", "个百分点", " ", "\u3000", "\n", "A", "e",
     ",", "，", "甲"]), max_size=12).map("".join)


# Lower groups, units and per-units that run a quantity up to and across the reach.
_UNIT_RUN = st.lists(st.sampled_from(["万", "亿", "1234.5678", "/", "EFLOPS", "TFLOPS", "PFLOPS", "平方公里", "万吨标准煤",
                                      "千瓦时", "微克", "立方米", "元", "吨", "--", "至", "以上"]), max_size=5).map("".join)


@settings(max_examples=3000, deadline=None)
@given(_AROUND_A_DECIMAL, st.sampled_from(["2.5", "１２．５", "0.75", "3.0"]), _UNIT_RUN, _AROUND_A_DECIMAL)
def test_a_decimal_is_an_amount_by_the_texts_quantities_as_by_reading_it_alone(before, decimal, units, after):
    # The text's quantities answer only where reading the decimal and its reach alone finds the same unit: a
    # quantity has its number there, no space follows it, nothing past the reach was read (a long unit, a
    # per-unit across the reach: 2.5EFLOPS/TFLOPS).
    text = before + decimal + units + after
    quantities = parse(text).quantities
    numbers = [q.number_start for q in quantities]
    start = len(before)
    assert _numbering._amount_at(text, start, quantities, numbers) == _numbering._amount_at(text, start)
