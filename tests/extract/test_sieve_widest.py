"""sieve.widest, the length of a pattern's widest match read from its grammar, against the matches themselves."""
from __future__ import annotations

import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from policykit.extract import _sieve

# Small patterns of literals, classes, groups, alternations and bounded repeats, over the characters the texts use.
_ATOMS = st.sampled_from(["甲", "乙丙", "[甲乙]", "(?:甲|乙丙)", "\\d", "丙?", "(?:乙|)"])
_PIECES = st.tuples(_ATOMS, st.integers(0, 2), st.integers(0, 1)).map(lambda a: f"(?:{a[0]}){{{a[1]},{a[1] + a[2]}}}")
_PATTERNS = st.lists(st.lists(_PIECES, min_size=1, max_size=2).map("".join), min_size=1, max_size=3).map("|".join)


def _widest_by_matching(pattern: re.Pattern, alphabet: str, longest: int) -> int:
    """The longest text over ``alphabet`` of at most ``longest`` characters that ``pattern`` matches whole."""
    texts, widest = [""], 0
    for length in range(longest + 1):
        if any(pattern.fullmatch(text) for text in texts):
            widest = length
        texts = [text + ch for text in texts for ch in alphabet]
    return widest


@settings(max_examples=60, deadline=None)
@given(_PATTERNS)
def test_widest_is_the_longest_match(source):
    pattern = re.compile(source)
    reach = _sieve.widest(pattern)
    assert reach is not None
    assume(reach <= 6)  # every text one longer is tried
    assert _widest_by_matching(pattern, "甲乙丙1", reach + 1) == reach


def test_widest_of_an_unbounded_pattern_is_none():
    assert _sieve.widest(re.compile("甲+")) is None
    assert _sieve.widest(re.compile("甲(?:乙|丙*)")) is None
    assert _sieve.widest(re.compile("甲{2,}")) is None
    assert _sieve.widest(re.compile("(?x) 甲 乙  # a comment")) == 2  # read with the pattern's flags
