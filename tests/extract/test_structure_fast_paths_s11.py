"""The section reader's gates (session 11) agree with the work they spare: each result is the one read without them."""
from __future__ import annotations

import re
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from policykit.extract import _numbering, _structure
from policykit.extract._sieve import start_gate

_TITLES = st.lists(st.sampled_from(["【", "培育对象", "】", "申报条件", "附则", "发展环境", "保障措施", "总体进展", "和", "甲", "，"]),
                   max_size=5).map("".join)
_OUTLINE = st.lists(st.tuples(st.sampled_from(["一、", "二、", "（一）", "（二）", "1.", "2.", "（1）", "（2）", "第一章 ", "第二章 "]), _TITLES,
                              st.sampled_from(["", "。各部门要做好工作。", "（牵头单位：市科技局）"])), max_size=8)


def _text(items) -> str:
    return "".join(f"{mark}{title}{tail}\n" for mark, title, tail in items)


def _prose_section_plain(node, siblings):
    """_prose_section as first written: the heading searched before the item's place is looked at."""
    closing = _structure._RANK[node.style] < _structure._TOP_RANK or bool(_structure._PROSE_SECTION.search(node.title[:24]))
    return (_structure._RANK[node.style] <= _structure._TOP_RANK and not node.own_clause and not node.children and closing
            and any(s.children for s in siblings if s is not node))


@settings(max_examples=400, deadline=None)
@given(_OUTLINE)
def test_the_tasks_are_those_read_with_every_heading_pattern_tried(items):
    text = _text(items)
    fast = _structure.find_tasks(text)
    everything = start_gate(re.compile("."))  # a gate every character passes
    with mock.patch.object(_structure, "_SCOPE_OPENS", everything), \
            mock.patch.object(_structure, "_NO_WORK_START_OPENS", everything), \
            mock.patch.object(_structure, "_prose_section", _prose_section_plain):
        assert _structure.find_tasks(text) == fast


def test_the_generated_outlines_hold_scope_and_prose_headings():
    text = _text([("一、", "总体进展", "。各部门要做好工作。"), ("二、", "重点任务", ""), ("（一）", "甲", ""),
                  ("（二）", "【培育对象】", ""), ("（三）", "申报条件", "")])
    assert [t.title for t in _structure.find_tasks(text)] == ["甲"]  # the prose section and both scope headings dropped


_TASKS = st.lists(st.tuples(st.sampled_from(["num", "row", "cn"]), st.sampled_from(["1", "2"]),
                            st.sampled_from(["建设平台", "平台建设", "培育人才", "甲"])), max_size=6)


@settings(max_examples=400, deadline=None)
@given(_TASKS)
def test_tasks_are_linked_to_table_rows_as_by_the_rows_reading(tasks):
    text = "甲\t乙\n" * 8

    def nodes():
        return [_structure._Node(style, number, 4 * i, 4 * i + 2, title=title, end=4 * i + 3)
                for i, (style, number, title) in enumerate(tasks)]

    def keyed(read, rows):
        return {i: rows[id(n)] for i, n in enumerate(read) if id(n) in rows}

    fast_nodes, plain_nodes = nodes(), nodes()
    fast_kept, fast_rows = _structure._link_table_rows(text, fast_nodes)
    with mock.patch.object(_structure, "all", lambda _: False, create=True):  # every list read as if it held a row
        kept, rows = _structure._link_table_rows(text, plain_nodes)
    assert [fast_nodes.index(n) for n in fast_kept] == [plain_nodes.index(n) for n in kept]
    assert [n.end for n in fast_nodes] == [n.end for n in plain_nodes]
    assert keyed(fast_nodes, fast_rows) == keyed(plain_nodes, rows)


_NUMBERS = st.lists(st.sampled_from(["1", "2", "12", "０７", "一", "十", "二十三", "百", "一百零二", "零", "甲"]), max_size=6)


@settings(max_examples=300, deadline=None)
@given(_NUMBERS, st.booleans())
def test_a_node_values_its_number_as_numeral_reads_it(numbers, cleared):
    if cleared:
        _structure._value_of.cache_clear()
    for number in numbers * 2:  # each number read again from the table
        assert _structure._Node("num", number, 0, 0).value == _numbering.numeral(number)
