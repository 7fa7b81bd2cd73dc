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
