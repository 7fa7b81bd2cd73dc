"""The parsed document: one value per text whose parts (boundaries, years, numbers) every reader shares."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykit import extract
from policykit.extract import _numbering, _numbers, _parsed, _periods, _sieve
from policykit.extract import (ParsedDocument, extract_document, find_assignments, find_instruments, find_observations,
                               find_targets, find_tasks, parse)
from policykit.extract._spans import CLAUSE_END, FULL_STOP, SENTENCE_END, Boundaries
from policykit.text import DocumentMetadata

PLAN = DocumentMetadata(year=2023, doc_type="action_plan", title="某县行动方案（2023—2025年）")
TEXT = ("一、主要目标\n到2025年，建成重点实验室20家以上，研发投入增长8%。\n"
        "二、重点任务\n1.培育企业。2024年新增高新技术企业30家。（牵头单位：县科技局）\n"
        "2.强化支持。对首次认定的企业给予30万元奖励。\n")


def _naive_before(text: str, pos: int, stops: str, reach: int) -> int:
    low = max(0, pos - reach)
    for i in range(min(pos, len(text)) - 1, low - 1, -1):
        if text[i] in stops:
            return i + 1
    return low


def _naive_after(text: str, pos: int, stops: str, reach: int = 2000) -> int:
    high = min(len(text), pos + reach)
    for i in range(max(pos, 0), high):
        if text[i] in stops:
            return i
    return high


pieces = st.text(alphabet="甲乙，。；\n：、12", max_size=60)


@settings(max_examples=300, deadline=None)
@given(pieces, st.integers(min_value=-3, max_value=70), st.sampled_from([SENTENCE_END, CLAUSE_END, FULL_STOP, "\n"]),
       st.integers(min_value=1, max_value=80))
def test_boundaries_agree_with_a_scan_character_by_character(text, pos, stops, reach):
    b = Boundaries(text)
    assert b.before(pos, stops, reach) == _naive_before(text, pos, stops, reach)
    assert b.after(pos, stops) == _naive_after(text, pos, stops)


def test_required_characters_come_from_the_grammar():
    assert _sieve.required_chars(re.compile("(?:甲|乙)丙+丁?")) == "丙"
    assert _sieve.required_chars(re.compile("甲乙|乙丙")) == "乙"
    assert _sieve.required_chars(re.compile("(?<=戊)甲(?=己)")) == "甲"  # lookarounds match outside the window
    assert _sieve.required_chars(re.compile("(?i)a")) == ""  # a literal that stands for two characters
    assert _sieve.required_chars(_periods._YEAR_WORD) == "年"


_WINDOWED = [_periods._YEAR_WORD, _periods._SPAN_FROM, _periods._FIVE_YEAR_END, _periods._DURATION,
             _periods._RECURRING, _periods._YEARLY_AVERAGE, _periods._MONTH_RANGE, _periods._MONTH_END,
             _periods._MULTI_YEAR, _periods._QUARTERS, _periods._UNTIL, _periods._ONE_MONTH]
_TOKENS = ["2025年", "二〇二四年", "十四五末", "“十五五”时期末", "年起", "5年内", "每年", "年均", "1至4月份", "5月底",
           "三年打造", "去年", "今年", "上年", "比上年", "面向", "，", "。", "甲", "年", "月", "2", "五",
           "今后五年", "《纲要", "上半年", "前三季度", "第二季度", "截至", "到", "目前", "3月份", "达到"]
years = st.lists(st.sampled_from(_TOKENS), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_WINDOWED), years, st.integers(0, 60), st.integers(0, 60))
def test_the_sieve_never_hides_a_match(pattern, text, start, end):
    plain = None
    for plain in pattern.finditer(text, start, end):
        pass
    found = _sieve.last(pattern, text, start, end)
    assert (found and (found.span(), found.group())) == (plain and (plain.span(), plain.group()))
    assert (_sieve.search(pattern, text, start, end) is None) == (pattern.search(text, start, end) is None)


@pytest.mark.parametrize("pattern", [_periods._SPAN_FROM, _periods._YEAR_WORD, _periods._DURATION, _periods._YEARLY_AVERAGE])
def test_the_patterns_when_skips_in_a_sentence_without_a_year_character_need_one(pattern):
    # when() tries these only where the sentence holds every character of _YEAR_NEEDS
    assert set(_periods._YEAR_NEEDS) <= set(_sieve.required_chars(pattern))


@settings(max_examples=300, deadline=None)
@given(years, st.just(0) | st.integers(0, 40), st.integers(0, 40), st.sampled_from(["target", "observation"]))
def test_when_reads_a_sentence_without_a_year_character_as_one_that_names_none(text, cut, clause_cut, role):
    # The skip in when() gives what the full reading gives, on sentences with and without a year.
    text = text + "达到20家。"
    pos = text.index("20家")
    doc = _parsed.parse(text, DocumentMetadata(year=2024))
    # A sentence starts as the readers find it, with no stop before the figure (the sentence is read up to
    # its end once, for every figure of it); a clause may start before a capped sentence.
    start, clause_start = max(min(cut, pos), doc.boundaries.before(pos, SENTENCE_END)), min(clause_cut, pos)
    assert _periods.when(doc, start, clause_start, pos, role) == _slow_when(doc, start, clause_start, pos, role)


@pytest.mark.parametrize("text, sentence_start, clause_start", [
    ("今年达到20家。", 0, 0),  # the year word opens the sentence
    ("2019年起3年内达到20家。", 0, 0),  # a span
    ("年均新增20家。", 2, 0),  # a clause read from before a sentence capped at its reach
])
def test_when_with_the_year_sieve_gives_the_full_reading(text, sentence_start, clause_start):
    doc = _parsed.parse(text, DocumentMetadata(year=2024, doc_type="work_report"))
    pos = text.index("20家")
    for role in ("target", "observation"):
        assert _periods.when(doc, sentence_start, clause_start, pos, role) == \
            _slow_when(doc, sentence_start, clause_start, pos, role)


def _slow_when(doc, sentence_start, clause_start, pos, role):
    """when() with the year sieve forced open (every window searched in full)."""
    real = _periods.sieve.could_match
    try:
        _periods.sieve.could_match = lambda needs, text, start, end: True
        return _periods.when(doc, sentence_start, clause_start, pos, role)
    finally:
        _periods.sieve.could_match = real


def test_required_groups_come_from_the_grammar():
    assert _sieve.requirements(re.compile("(?:前三季度|上半年|第[一二]季度)")) == ("上季",)  # 季 serves two branches
    assert _sieve.requirements(re.compile("甲[乙丙]")) == ("甲", "丙乙")  # a class of a few characters
    assert _sieve.requirements(re.compile("甲[乙-戊]")) == ("甲",)  # … not of many
    assert _sieve.requirements(re.compile("甲|乙|丙|丁")) == ()  # branches needing too many to cover
    assert _sieve.requirements(re.compile("甲|乙?")) == ()  # a branch that needs nothing


# Small patterns of the shapes the sieve reads (literals, classes, optional and repeated groups, branches).
_ATOMS = st.sampled_from(["甲", "乙", "丙", "[甲乙]", "[0-2]", "[0-9]", r"\d"])
_GROUPS = st.recursive(_ATOMS, lambda inner: st.one_of(
    st.lists(inner, min_size=1, max_size=3).map("".join),
    st.lists(inner, min_size=2, max_size=3).map(lambda parts: "(?:" + "|".join(parts) + ")"),
    inner.map(lambda part: "(?:" + part + ")" + ("?", "+", "*", "{2}")[len(part) % 4])), max_leaves=8)


@settings(max_examples=300, deadline=None)
@given(_GROUPS, st.data())
def test_a_window_the_sieve_rejects_holds_no_match(pattern, data):
    compiled = re.compile(pattern)
    text = data.draw(st.from_regex(compiled))  # a text holding a match
    assert _sieve.could_match(_sieve.requirements(compiled), text, 0, len(text))


@settings(max_examples=200, deadline=None)
@given(st.lists(_GROUPS, min_size=1, max_size=3), st.data())
def test_a_window_the_joint_sieve_rejects_holds_no_match_of_any(patterns, data):
    compiled = [re.compile(p) for p in patterns]
    text = data.draw(st.from_regex(data.draw(st.sampled_from(compiled))))  # a text holding a match of one
    assert _sieve.could_match(_sieve.requirements_of_any(compiled), text, 0, len(text))


def test_first_characters_come_from_the_grammar():
    assert _sieve.first_chars(re.compile("(?<!甲)(?:乙|丙?丁)+戊")).pattern == "[丁丙乙]"
    assert _sieve.first_chars(re.compile("[0-3]?年")).pattern == "[0-3年]"  # an optional item lets the next open
    assert _sieve.first_chars(re.compile("[^甲]年")) is None  # a negated class opens with almost anything
    assert _sieve.first_chars(re.compile(r"\w年")) is None  # so does a wide category
    assert _sieve.first_chars(re.compile(r"\d年")).pattern == f"[{_sieve.DIGIT_BLOCKS}]"  # digits as their blocks
    assert _sieve.first_chars(re.compile(r"\s?年")).pattern == r"[\s年]"  # spaces as their category
    assert _sieve.first_chars(re.compile("甲?")) is None  # a match may be empty


_OPENED = [_numbering._MARK_GRAMMAR, re.compile("(?<![一二])[一二]+、|第?[三四]条|(?=甲)甲乙")]
_MARKS = st.lists(st.sampled_from(["一、", "二", "（一）", "(2)", "1.", "12、", "第三条", "四条", "①", "甲乙", "甲",
                                   "乙", "，", "\n", " "]), max_size=16).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_OPENED), _MARKS, st.integers(0, 40), st.integers(0, 40))
def test_sieved_finditer_finds_what_finditer_finds(pattern, text, start, end):
    assert [m.span() for m in _sieve.finditer(pattern, text, start, end)] == \
        [m.span() for m in pattern.finditer(text, start, end)]


def test_the_digit_blocks_hold_every_character_a_digit_class_matches():
    blocks, digit = re.compile(f"[{_sieve.DIGIT_BLOCKS}]"), re.compile(r"\d")
    assert all(blocks.match(ch) for ch in map(chr, range(0x110000)) if digit.match(ch))
    assert not any(blocks.match(ch) for ch in "年月一〇，。、（）Aa %")  # none of what a Chinese text is made of


# Patterns opening with digits (as the period words do), and texts of digits and of characters of the digit
# blocks that are no digits (\u0700, an emoji), which the opening class lets through.
_DIGIT_LED = [re.compile(r"(?:[两三]|(?<!\d)\d{1,2}(?!\d))\s*年"), re.compile(r"(?P<m>\d{1,2}|[一二]{1,3})月(?:底|末)"),
              re.compile(r"\d+(?:\.\d+)?%|第\d条")]
_DIGIT_TEXTS = st.text(alphabet=st.sampled_from("12٣\u0700\U0001F600\U0001D7CE年月底一两%.第条 "), max_size=20)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_DIGIT_LED), _DIGIT_TEXTS, st.integers(0, 20))
def test_a_pattern_opened_by_the_digit_blocks_matches_as_the_plain_pattern(pattern, text, start):
    plain = [m.span() for m in pattern.finditer(text, start)]
    assert [m.span() for m in _sieve.opened(pattern).finditer(text, start)] == plain
    assert [m.span() for m in _sieve.finditer(pattern, text, start)] == plain


def test_the_mark_scan_tests_each_branch_s_lead_again_after_the_opening_class():
    # The scan consumes one character of the class of the marks' first characters, then tries the branches led by
    # a lookbehind of their own lead: a character of the class no branch opens with (a non-digit of the digit
    # blocks, were the class to hold them) opens no mark.
    from re import _constants as sre, _parser as sre_parse

    opening, *guards, (branch_op, (_, branches)) = sre_parse.parse(_numbering._MARK_SPANS.pattern)
    assert opening[0] is sre.IN and branch_op is sre.BRANCH
    # Between them only zero-width guards (a digit inside a number opens no mark): each branch starts after the lead.
    assert all(op in (sre.ASSERT, sre.ASSERT_NOT) for op, _ in guards)
    leads = list(dict.fromkeys(b.lead for b in _numbering._BRANCHES))
    assert [str(branch[0][1][1]) for branch in branches] == [str(sre_parse.parse(lead)) for lead in leads]
    assert all(branch[0][0] is sre.ASSERT and branch[0][1][0] == -1 for branch in branches)


def test_each_part_is_computed_once(monkeypatch):
    calls = []
    real = _parsed.normalise_digits
    monkeypatch.setattr(_parsed, "normalise_digits", lambda text: calls.append(text) or real(text))
    again = []  # a normalisation inside the number reader (find_quantities, numeral_warnings) on the whole text
    monkeypatch.setattr(_numbers, "normalise_digits", lambda text: again.append(text) or real(text))
    doc = parse(TEXT, PLAN)
    assert doc.quantities is doc.quantities
    assert parse(doc) is doc
    assert doc.numeral_warnings == () and len(calls) == 1 and again == []
    monkeypatch.undo()
    monkeypatch.setattr(_parsed, "normalise_digits", lambda text: calls.append(text) or real(text))  # the quantities and the warnings read one normalised text
    extraction = extract_document(TEXT, PLAN)
    assert len(calls) == 2  # once for ``doc``, once for the extraction: never once per reader
    assert extraction.targets and extraction.instruments


def test_the_readers_take_a_text_or_its_parsed_value_alike():
    doc = parse(TEXT, PLAN)
    tasks = find_tasks(TEXT)
    assert find_tasks(doc) == tasks and tasks
    assert find_assignments(doc, tasks) == find_assignments(TEXT, tasks) and find_assignments(doc, tasks)
    for finder in (find_targets, find_observations, find_instruments):
        assert finder(doc, tasks) == finder(TEXT, tasks, PLAN)
    targets = {(t.value, t.year, t.year_source) for t in find_targets(doc, tasks)}
    assert {("20", 2025, "stated"), ("30", 2024, "stated")} <= targets
    assert [i.amount for i in find_instruments(doc, tasks)] == ["30"]


def test_the_parsed_value_holds_the_document_years_and_headings():
    doc = parse(TEXT, PLAN)
    assert (doc.year, doc.plan) == (2023, (2023, 2025))
    assert doc.headings.lines == ["一、主要目标", "二、重点任务"]
    assert isinstance(doc, ParsedDocument) and doc == parse(TEXT, PLAN)
    assert extract.parse is parse


def test_a_document_with_more_numbers_than_the_limit_is_refused_before_reading():
    assert extract_document("建成1家、2家、3家。", max_numbers=3).targets
    with pytest.raises(extract.TooManyNumbers, match="4 numbers .*limit of 3 .*--max-numbers"):
        extract_document("建成1家、2家、3家、4家。", max_numbers=3)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["1", "22", "０", "家", "。", "、"]), max_size=16).map("".join), st.integers(0, 9))
def test_a_text_is_refused_exactly_when_it_writes_more_numbers_than_the_limit(text, limit):
    over = sum(1 for _ in re.finditer(r"\d+", text)) > limit
    try:
        extract_document(text, max_numbers=limit)
    except extract.TooManyNumbers:
        assert over
    else:
        assert not over
