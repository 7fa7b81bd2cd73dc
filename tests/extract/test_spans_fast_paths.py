"""The shortcuts of the boundary reader answer as the searches they stand for."""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from policykit.extract._spans import CLAUSE_END, FULL_STOP, LINE_END, SENTENCE_END, Boundaries

_TEXTS = st.lists(st.sampled_from(["甲", "乙" * 30, "甲" * 700, "。", "；", "\n", "，", "：", "!"]), max_size=24).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXTS, st.integers(0, 3000), st.sampled_from([CLAUSE_END, "，", "：" + LINE_END]),
       st.sampled_from([SENTENCE_END, FULL_STOP, LINE_END]), st.sampled_from([1, 5, 31, 300, 2000]))
@example("甲" * 2100 + "，乙", 2102, CLAUSE_END, SENTENCE_END, 2000)  # no sentence stop within the reach
@example("甲。乙乙，丙", 6, CLAUSE_END, SENTENCE_END, 3)  # the stop lies beyond the reach, the opening within it
@example("甲。乙乙，丙", 6, CLAUSE_END, SENTENCE_END, 4)  # the stop right at the reach's start
def test_a_stretch_read_from_an_opening_within_it_is_the_searched_one(text, pos, inner, stops, reach):
    """before_from(pos, stops, opened, reach) == before(pos, stops, reach) for any ``opened`` with no stop of ``stops``
    between it and ``pos``: the start of a shorter stretch (a clause, whose stops hold the sentence's), or ``pos``."""
    pos = min(pos, len(text))
    bounds = Boundaries(text)
    for opened in (bounds.before(pos, inner + stops), pos):
        assert bounds.before_from(pos, stops, opened, reach) == bounds.before(pos, stops, reach)
