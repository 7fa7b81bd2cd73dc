"""The cleaning steps' fast paths agree with the plain definitions they stand in for."""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from policykit.text import _clean


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(" \t\u3000\u00a0\u7532a"), max_size=10))
@example("  \u7532")  # two spaces only in the indent the strip takes away
def test_a_table_row_is_one_by_the_stripped_line(line):
    assert _clean._is_table_row(line) == ("\t" in line or "  " in line.strip(_clean._LINE_SPACE))
