"""The indicator table reader's fast paths agree with the plain definitions they stand in for."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policykit.extract import _tables


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["指标", "2025年", " ", "\u3000", "\t", "\x0c", "\u2003", "。", "5", "\r"]),
                max_size=10).map("".join))
def test_a_line_refused_as_a_row_has_fewer_than_three_cells(line):
    assert _tables._may_be_row(line) or len(_tables._cells(line, 0)) < 3


def _rows_line_by_line(text):
    """The plain definition of ``_tables._indicator_rows``: every line of the text split and read."""
    header = None
    pos = 0
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        row = _tables._cells(line.rstrip("\r\n"), start) if _tables._may_be_row(line) else []
        if len(row) < 3:
            header = None
            continue
        found = _tables._header([cell for cell, _ in row])
        if found is not None:
            header = found
            continue
        if header is not None:
            yield row, start + len(line.rstrip()), header


_CELLS = ["指标", "名称", "项目名称", "内容", "2020年", "2025年", "属性", "增速（%）", "人数（万人）", "3.6", "6左右", "≥95",
          "预期性", "前言。正文", ""]
_LINE_ENDS = ["\n", "\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "\x1f"]
_LINES = st.tuples(st.lists(st.sampled_from(_CELLS), max_size=5), st.sampled_from(["\t", " ", "\u3000", "  "]),
                   st.sampled_from(_LINE_ENDS)).map(lambda line: line[1].join(line[0]) + line[2])


@settings(max_examples=600, deadline=None)
@given(st.lists(_LINES, max_size=12).map("".join))
def test_rows_found_from_the_head_words_are_the_rows_of_every_line(text):
    assert list(_tables._indicator_rows(text)) == list(_rows_line_by_line(text))


def test_rows_of_tables_between_prose_and_line_ends_of_every_kind():
    table = "名称\t2020年\t2025年\t属性\n增速（%）\t3.6\t6左右\t预期性\x85人数（万人）\t3\t5\t约束性\u2028"
    for text in (table, "前言。指标体系\n" + table + "正文。\n" + table.replace("\n", "\r"), "内容\x0c" + table * 2):
        assert list(_tables._indicator_rows(text)) == list(_rows_line_by_line(text))
    assert len(list(_tables._indicator_rows(table))) == 2
