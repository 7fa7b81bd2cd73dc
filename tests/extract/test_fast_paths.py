"""The per-document indexes of the measures reader answer as the per-figure searches they replace.

Each test writes the slow definition out and compares it with the fast path on generated texts whose
pieces make both answers common, so that a fast path that drops or invents an answer fails.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policykit.extract import find_quantities
from policykit.extract import _non_targets as nt

_QUOTED_PIECES = st.lists(st.sampled_from(["“", "”", '"', "「", "」", "『", "』", "两张", "三个", "两张清单", "清单",
                                           "落实", "。", "，", "\n", "制度"]), max_size=30).map("".join)


def _names_quoted_set_slow(text, q):
    """names_quoted_set as one search of the whole text per quote mark and figure."""
    if q.cue is not None or q.unit not in nt._COUNT_UNITS:
        return False
    head = text[q.number_start:q.end]
    for opening, closing in nt._QUOTES:
        at = text.find(opening + head)
        while at != -1:
            close = text.find(closing, at + 1 + len(head), at + 1 + nt._NAME_REACH)
            elsewhere = at + 1 != q.number_start
            if elsewhere and close > at + 1 + len(head) and text.startswith(text[at + 1:close], q.number_start):
                return True
            at = text.find(opening + head, at + 1)
    return False


@settings(max_examples=400, deadline=None)
@given(_QUOTED_PIECES)
def test_names_quoted_set_answers_as_the_whole_text_search(text):
    quantities = find_quantities(text)
    assert [nt.names_quoted_set(text, q) for q in quantities] == [_names_quoted_set_slow(text, q) for q in quantities]


def test_the_generated_texts_name_quoted_sets():
    text = "发布“两张清单”。落实两张清单制度"
    assert [nt.names_quoted_set(text, q) for q in find_quantities(text)] == [False, True]
