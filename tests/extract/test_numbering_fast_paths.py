"""The outline mark scan's fast paths agree with the plain grammar they stand in for."""
from __future__ import annotations

import re
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from policykit.extract import _numbering

# Digits with every tail a digit-led branch reads (and what is none), after a line start, a space or a word.
_DIGIT_RUNS = st.lists(st.sampled_from(["1", "2", "0", "１", "12", "2025", ".", "．", "﹒", "、", ")", "）", "\t", "\n", " ",
                                        "\u3000", "（", "(", "甲", "年", "\ue000", "，"]), max_size=14).map("".join)


@settings(max_examples=800, deadline=None)
@given(_DIGIT_RUNS)
def test_the_digit_gate_keeps_every_mark_a_digit_opens(text):
    # The digit branches are tried only where the gate lets them: the scan still finds what the grammar finds.
    grammar = [(m.span(), m.lastgroup) for m in _numbering._MARK_GRAMMAR.finditer(text)]
    assert [(m.span(), m.lastgroup) for m in _numbering._MARK_SPANS.finditer(text)] == grammar


def test_the_digit_gate_turns_away_numbers_no_branch_reads():
    # 2025年 after a word: no tail follows the digits and no line start or space precedes them.
    assert _numbering._MARK_SPANS.search("到2025年底") is None
    assert [m.lastgroup for m in _numbering._MARK_SPANS.finditer("甲1.乙\n2建设\t3\t（4）5）")] == [
        "num", "bare", "row", "pnum", "rnum"]


_LINES = st.lists(st.sampled_from(["1.", "（一）", "2.", "一、", "\n", " ", "  ", "\u3000\u3000", "。", "甲", "3、", "”", "，"]),
                  max_size=14).map("".join)


@settings(max_examples=600, deadline=None)
@given(_LINES)
def test_a_candidate_opening_its_line_is_placed_as_by_reading_its_line(text):
    # A mark right after a line break (or at the text's start) is told at once, one off a line start from the character
    # before it where that is no space: its line, its paragraph, its place and whether text stands before it on its
    # line are what reading back to the line start and over the runs of spaces gives.
    for c in _numbering._candidates(text, ()):
        line = text.rfind("\n", 0, c.start) + 1
        runs = [m.end() for m in re.finditer(r"[ \u3000\u00a0\u2002\u2003]{2,}", text[:c.start]) if m.start() >= line]
        paragraph = max([line] + runs)
        before = text[paragraph:c.start]
        place = (_numbering._LINE if not before.strip(_numbering._SPACE) else
                 _numbering._AFTER_END if before[-1] in _numbering._BOUNDARY else _numbering._INSIDE)
        run_in = bool(text[line:c.start].strip(_numbering._SPACE))
        assert (c.line, c.paragraph, c.place, c.run_in) == (line, paragraph, place, run_in)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("12０一二十、，,等年号甲 \n"), max_size=10))
def test_an_enumeration_opens_with_a_character_of_its_gate(text):
    # The enumeration test after an inline candidate is matched only where its first character can open one.
    for i in range(len(text)):
        if _numbering._ENUMERATION.match(text, i):
            assert text[i] in _numbering._ENUMERATION_OPENS


def _bare_in_runs_slow(candidates):
    """_bare_in_runs as its docstring reads, the candidates listed again whether the text holds bare numbers or none: the
    bare ones cut into runs where the next is not numbered on in the same dress, a run an item when long enough (or,
    restarting at 1, when the text shows its dress in a long run)."""
    bare = [c for c in candidates if c.style == "bare"]
    cuts = [i for i in range(len(bare))
            if i == 0 or (bare[i - 1].dress, bare[i - 1].value + 1) != (bare[i].dress, bare[i].value)]
    runs = [bare[a:b] for a, b in zip(cuts, cuts[1:] + [len(bare)])]
    shown = {r[0].dress for r in runs if len(r) >= _numbering._BARE_RUN}
    items = [c for r in runs if len(r) >= _numbering._BARE_RUN or (r[0].dress in shown and r[0].value == 1 and len(r) > 1)
             for c in r]
    return [c if c.style != "bare" else c._replace(style="num") for c in candidates
            if c.style != "bare" or any(c is item for item in items)]


_BARE_LINES = st.lists(st.sampled_from(["\n1", "\n2", "\n3", "\n4", "1", "建设", "\n1.", "（一）", " ", "。"]),
                       max_size=14).map("".join)


@settings(max_examples=500, deadline=None)
@given(_BARE_LINES)
def test_bare_numbers_in_runs_are_read_as_by_listing_every_candidate_again(text):
    # _candidates asks _bare_in_runs only when a bare number is among them: what it hands on is the same.
    with mock.patch.object(_numbering, "_bare_in_runs", side_effect=lambda candidates: candidates):
        candidates = _numbering._candidates(text, ())
    assert _numbering._bare_in_runs(candidates) == _bare_in_runs_slow(candidates)
    assert _numbering._candidates(text, ()) == _bare_in_runs_slow(candidates)
