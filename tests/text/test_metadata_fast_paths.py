"""The metadata reader's fast paths agree with the plain definitions they stand in for."""
from __future__ import annotations

import re
from collections import Counter

from hypothesis import example, given, settings
from hypothesis import strategies as st

from policykit import lexicon
from policykit.text import _metadata
from policykit.text._cues import COUNT_CLASS, M, ONE, alt, words

# The patterns as first written: one branch opening with a class (1 or 一) and one group per kind of month.
_RANGE = _metadata._RANGE
_MONTH = _metadata._MONTH
_PERIOD_BY_DEFINITION = re.compile(
    rf"(?:1|{ONE})(?:{_RANGE}){_MONTH}\s*{M}|{alt('report_cues', 'up_to')}\s*{_MONTH}\s*{alt('report_cues', 'month_end')}"
    rf"|({lexicon.alternation_of(_metadata._QUARTER_END)})"
)
_PROGRESS_BY_DEFINITION = re.compile(rf"{alt('report_cues', 'progress')}|(?:1|{ONE})(?:{_RANGE})\d{{1,2}}\s*{M}")


def _period_by_definition(text: str, year: int | None) -> str | None:
    ends: Counter[int] = Counter()
    for m in _PERIOD_BY_DEFINITION.finditer(text):
        month = _metadata._QUARTER_END[m.group(3)] if m.group(3) else _metadata.cn_number(m.group(1) or m.group(2))
        if 1 <= month <= 12:
            ends[month] += 1
    if not ends or year is None:
        return None
    return f"{year}-01/{year}-{ends.most_common(1)[0][0]:02d}"


_PIECES = ["1", "12", "4", ONE, *COUNT_CLASS[1:-1][:4], " ", "-", "~", *words("document_words", "range"), M,
           *words("report_cues", "up_to"), *words("report_cues", "month_end"), *_metadata._QUARTER_END,
           *words("report_cues", "progress"), "\n", "x"]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)


@settings(max_examples=500, deadline=None)
@given(_TEXTS)
@example(ONE + words("document_words", "range")[0] + "4" + M)  # 一至4月: the branch led by the character
@example(words("report_cues", "up_to")[0] + "4" + words("report_cues", "month_end")[0])
@example(sorted(_metadata._QUARTER_END, key=len)[0])
def test_period_is_that_of_the_pattern_led_by_a_class(text):
    assert [m.span() for m in _metadata._PERIOD.finditer(text)] == [m.span() for m in _PERIOD_BY_DEFINITION.finditer(text)]
    assert _metadata._period(text, 2024) == _period_by_definition(text, 2024)


@settings(max_examples=500, deadline=None)
@given(_TEXTS)
@example(ONE + "-4" + M)
def test_progress_phrases_are_those_of_the_pattern_led_by_a_group(text):
    assert _metadata._PROGRESS_BODY.findall(text) == _PROGRESS_BY_DEFINITION.findall(text)


def test_period_and_progress_patterns_are_scanned_for_by_their_first_characters():
    # every branch opens with a literal: the engine's charset prefix (re's private compiler, read only here)
    from re import _compiler, _parser

    for pattern in (_metadata._PERIOD, _metadata._PROGRESS_BODY):
        assert _compiler._get_charset_prefix(_parser.parse(pattern.pattern), 0) is not None


# Pieces of a report's head lines: a party prefix, places, government and head words, the congress subtitle, breaks.
_HEAD_PIECES = st.lists(st.sampled_from(["\n", "中共", "利津县", "海拉尔区", "人民政府", "政府", "县长", "代", "在", "第",
                                         "十三", "届", "人民代表大会", " ", "甲", "。"]), max_size=14).map("".join)


@settings(max_examples=500, deadline=None)
@given(_HEAD_PIECES)
@example("在海拉尔区第十三届人民代表大会\n利津县县长")  # the subtitle at the start, a head line after a break
@example("\n利津县人民政府")  # a head line after a break at the start
def test_places_in_head_are_the_matches_of_the_caret_pattern(head):
    def seen(matches):
        return [(m.group(1), m.group(2), m.end()) for m in matches]

    assert seen(_metadata._places_in_head(head)) == seen(_metadata._PLACE_IN_HEAD.finditer(head))


# Patterns compiled once against the module functions called with the pattern as it was written in each call. Texts of
# the characters the patterns tell apart: spaces of three kinds, the signer separators, sentence marks, 关于 / 印发.
_SEPARATED = st.lists(st.sampled_from([" ", "  ", "\t", "\u3000", "\n", "、", "，", ",", "。", "；", ";", "甲", "x",
                                         *words("document_words", "about"), *words("document_words", "notice")]),
                      max_size=20).map("".join)


@settings(max_examples=500, deadline=None)
@given(_SEPARATED)
def test_patterns_compiled_once_read_as_those_built_per_call(text):
    assert _metadata._WIDE_GAP.split(text) == re.split(r"\s{2,}", text)
    assert _metadata._SPACES.sub("", text) == re.sub(r"\s", "", text) == re.sub(r"\s+", "", text)
    assert _metadata._SIGNER_BREAK.split(text) == re.split(r"[\s、，,]+", text)
    assert _metadata._SENTENCE_BREAK.split(text) == re.split(r"[。；;\n]", text)
    about_or_notice = re.search(f"{_metadata._ABOUT}|{_metadata._NOTICE_VERB}", text)
    assert bool(_metadata._ABOUT_OR_NOTICE.search(text)) == bool(about_or_notice)
