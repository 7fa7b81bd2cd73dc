"""sieve.holds, the test of a piece of text already cut, answers as could_match of the whole piece."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policykit.extract import _sieve

_WORDS = st.sampled_from(["甲", "乙", "丙", "甲乙", "乙丙", "丙甲乙"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_WORDS, min_size=1, max_size=3).map(tuple), max_size=3).map(tuple),
       st.lists(st.sampled_from(["甲", "乙", "丙", "丁"]), max_size=12).map("".join))
def test_a_cut_piece_holds_what_could_match_finds_in_it(needs, piece):
    assert _sieve.holds(needs, piece) == _sieve.could_match(needs, piece, 0, len(piece))
    chars = "".join(word[0] for group in needs for word in group)  # a string: a group per character
    assert _sieve.holds(chars, piece) == _sieve.could_match(chars, piece, 0, len(piece))
