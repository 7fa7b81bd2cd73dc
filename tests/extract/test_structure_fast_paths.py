"""The section reader's fast paths agree with the plain definitions they stand in for."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policykit.extract import _numbering, _structure

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

