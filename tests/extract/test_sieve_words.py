"""The words a match needs (runs of literals) come from the grammar, and a window the sieve rejects holds no match."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from policykit.extract import _sieve

# Small patterns of the shapes the sieve reads: runs of literals, classes, optional and repeated groups, branches.
_ATOMS = st.sampled_from(["甲", "乙", "丙", "甲乙", "乙丙甲", "[甲乙]", "[0-2]", r"\d", "(?=乙)", "(?<!丙)"])
_GROUPS = st.recursive(_ATOMS, lambda inner: st.one_of(
    st.lists(inner, min_size=1, max_size=3).map("".join),
    st.lists(inner, min_size=2, max_size=3).map(lambda parts: "(?:" + "|".join(parts) + ")"),
    st.tuples(inner, st.sampled_from(["?", "+", "*", "{2}"])).map(lambda part: "(?:" + part[0] + ")" + part[1])),
    max_leaves=8)


def test_required_words_come_from_the_grammar():
    assert _sieve.required_words(re.compile("甲乙?丙")) == (("丙",), ("甲",))  # a run ends at an optional item
    assert _sieve.required_words(re.compile("甲乙(?:丙|丁)")) == (("甲乙",), ("丁", "丙"))  # branches of one literal: a class
    assert _sieve.required_words(re.compile("前三季度|第?[一二]季度")) == (("季度",),)  # 前三季度 holds 季度
    assert _sieve.required_words(re.compile("甲|乙?")) == ()  # a branch that needs nothing
    assert _sieve.required_words(re.compile("甲乙|乙丙|丙丁|丁甲")) == ()  # branches needing too many to cover
    assert _sieve.words_of_any([re.compile("甲乙"), re.compile("乙?")]) == ()


@settings(max_examples=300, deadline=None)
@given(st.lists(_GROUPS, min_size=1, max_size=3), st.data())
def test_a_window_the_word_sieves_reject_holds_no_match(patterns, data):
    compiled = [re.compile(p) for p in patterns]
    pattern = data.draw(st.sampled_from(compiled))
    match = pattern.search(data.draw(st.from_regex(pattern)))  # a text holding a match of one of them
    for needs in (_sieve.required_words(pattern), _sieve.words_of_any(compiled)):
        assert _sieve.could_match(needs, match.string, match.start(), match.end())
