"""The section reader's fast paths agree with the plain definitions they stand in for."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policykit.extract import _structure

_SPANS = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 12)).map(lambda s: (s[0], s[0] + s[1])), max_size=6)


@settings(max_examples=300, deadline=None)
@given(_SPANS)
def test_covered_is_any_span_holding_the_offset(spans):
    covered = _structure._covered(tuple(spans))
    for x in range(-1, 45):
        assert covered(x) == any(a <= x < b for a, b in spans)
