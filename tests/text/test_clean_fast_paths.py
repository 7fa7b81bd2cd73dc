"""The cleaning steps' fast paths agree with the plain definitions they stand in for."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from policykit.text import _clean

_LATIN_TAIL_BY_DEFINITION = re.compile(r"(?:\n[ \t]*(?:[A-Za-z][A-Za-z .,:;'/()-]*)?[ \t]*)+\Z")
# Lines of Latin words, blanks, Han text and stray marks in any order.
_LINES = st.lists(st.sampled_from(["Public domain", "false", "", "  ", "政策文本", "a1", "(c) x", "\t"]), max_size=8)


@settings(max_examples=300, deadline=None)
@given(_LINES)
def test_latin_tail_is_where_the_single_pattern_finds_it(lines):
    text = "\n".join(lines)
    found = _LATIN_TAIL_BY_DEFINITION.search(text)
    assert _clean._latin_tail(text) == (found.start() if found else len(text))


def test_a_licence_line_after_the_text_is_cut():
    assert _clean.chrome("正文。\nPublic domain\nfalse") == [(3, 23, "")]
