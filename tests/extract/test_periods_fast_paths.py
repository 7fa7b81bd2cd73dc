"""The shortcuts of the period reader answer as the definitions they stand for.

Each test writes the slow definition out and compares it with the fast path on generated texts whose
pieces make both answers common, so that a fast path that drops or invents an answer fails.
"""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from policykit.extract import _periods as periods, _sieve as sieve
from policykit.extract._parsed import parse
from policykit.extract._spans import CLAUSE_END, SENTENCE_END, boundary_before
from policykit.text import DocumentMetadata

# Each character the sentence's patterns need, alone and in their words, beside stops and plain text.
_CUE_PIECES = st.lists(st.sampled_from(["年", "五", "十", "末", "纲", "每", "均", "2025年", "十四五”末", "今后五年", "每年",
                                        "年均增长", "纲要", "。", "；", "\n", "，", "甲", "乙" * 900, "3个"]),
                       max_size=30).map("".join)


# What when() looks for before a figure, and the needs it tests the words before the figure for.
_CUED = (periods._YEAR_NEEDS, periods._SPAN_NEEDS, periods._FIVE_YEAR_END_NEEDS, periods._MULTI_YEAR_NEEDS,
         periods._RECURRING_NEEDS, periods._YEARLY_AVERAGE_WORDS)


@settings(max_examples=400, deadline=None)
@given(_CUE_PIECES, st.integers(0, 3000), st.lists(st.integers(0, 400), min_size=1, max_size=6))
@example("甲。" + "乙" * 2100 + "每", 2, [300])  # no stop within the reach: the sentence ends at the reach
@example("五年。乙", 3, [1])  # a five-year word before the sentence, in its paragraph
@example("甲\n" + "乙" * 2100 + "。每", 2102, [5])  # a paragraph longer than the reach: cut at it
@example("乙乙年均", 0, [2, 3, 4])  # the cue stands after the sentence's first characters
@example("甲每月3个", 0, [3])  # the only cue, 每
def test_no_window_of_a_sentence_up_to_its_first_cue_holds_what_a_pattern_needs(text, start, offsets):
    start = min(start, len(text))
    shared = periods.Sentence(parse(text, DocumentMetadata()), start)
    end = parse(text).boundaries.after(start, SENTENCE_END)
    for offset in offsets:
        pos = min(start + offset, end)  # a figure of the sentence: no stop before it
        if pos <= shared.cue:
            assert not any(sieve.could_match(needs, text, start, pos) for needs in _CUED)
    assert shared.cue == periods._NEVER or start <= shared.cue < end  # a cue of the sentence's own, or none
    assert shared.five_year == (periods._MULTI_YEAR.search(text) is not None)
    assert shared.multi_year == (shared.five_year
                                 and sieve.could_match(periods._MULTI_YEAR_NEEDS, text, shared.paragraph_start, start))
    assert shared.paragraph_start == parse(text).boundaries.before(start, "\n")  # read from its line, cut at the reach


def _open_when(doc, sentence_start: int, clause_start: int, pos: int, role: str):
    """when() with every sieve forced open: a cue before every figure, every window searched in full, a five-year
    word taken to stand somewhere in the text."""
    doc.five_year_words._anywhere = True
    shared = periods.Sentence(doc, sentence_start)
    shared.cue, shared.multi_year = -1, True
    real = sieve.could_match, sieve.holds
    try:
        sieve.could_match, sieve.holds = (lambda needs, text, start, end: True), (lambda needs, piece: True)
        return periods.when(doc, sentence_start, clause_start, pos, role, {sentence_start: shared})
    finally:
        sieve.could_match, sieve.holds = real


_WHEN_PIECES = st.lists(st.sampled_from(["2025年", "二〇二四年", "十四五末", "“十五五”时期末", "2019年起", "3年内", "每年", "年均",
                                         "1至4月份", "截至5月底", "三年打造", "去年", "今年", "比上年", "今后五年", "《纲要",
                                         "上半年", "年", "五", "十", "末", "纲", "每", "每月", "均", "，", "；", "甲", "乙" * 40]),
                        max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(_WHEN_PIECES, _WHEN_PIECES, st.sampled_from(["达到", ""]), st.integers(0, 200),
       st.sampled_from(["target", "observation"]), st.sampled_from(["action_plan", "work_report"]))
@example("", "乙乙年均", "达到", 200, "observation", "work_report")  # a pattern's words stand after the first cue
@example("", "甲每月", "达到", 200, "target", "work_report")  # the only cue, 每
@example("", "2025年", "", 200, "target", "work_report")  # the only cue, right before the figure
@example("", "年均增长，甲", "达到", 4, "observation", "work_report")  # a clause that starts before a capped sentence
def test_when_reads_as_with_every_sieve_open(paragraph, sentence, verb, reach, role, doc_type):
    """The cue, and the needs tested in the words before a figure, hide no match (fails when a cue is dropped)."""
    text = paragraph + "\n" + sentence + verb + "20家。"
    pos = text.index("20家")
    doc = parse(text, DocumentMetadata(year=2024, doc_type=doc_type, title="某市行动方案（2023—2025年）"))
    clause_start = doc.boundaries.before(pos, CLAUSE_END)
    sentence_start = max(doc.boundaries.before(pos, SENTENCE_END), pos - reach)  # as the reader finds it, capped
    assert periods.when(doc, sentence_start, clause_start, pos, role, {}) == \
        _open_when(doc, sentence_start, clause_start, pos, role)


_ANYWHERE_PIECES = st.lists(st.sampled_from(["今后五年", "十四五”期末", "十五五时期", "《纲要", "纲要（草案）", "五年", "五", "纲",
                                              "十四", "期间", "甲", "\n"]), max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(_ANYWHERE_PIECES)
def test_a_text_holds_a_five_year_word_where_a_search_of_it_finds_one(text):
    assert periods.five_year_words(text).anywhere == (periods._MULTI_YEAR.search(text) is not None)


def test_a_pattern_with_no_needs_or_no_widest_match_is_searched_for_itself():
    import re
    assert sieve.found_anywhere(re.compile(r"\d*年"), "年") and not sieve.found_anywhere(re.compile("甲+乙"), "甲甲")
    assert sieve.found_anywhere(re.compile("甲+乙"), "甲" * 50 + "乙")


_PARAGRAPH_PIECES = st.lists(st.sampled_from(["2020年", "二〇二四年", "2025", "年", "去年", "比2019年", "2023年至2025年", "2035年远景目标",
                                               "至", " ", "\u3000", "。", "；", ";", "！", "？", "!", "?", "，", "\n", "甲"]),
                              max_size=20).map("".join)


@settings(max_examples=500, deadline=None)
@given(_PARAGRAPH_PIECES, st.lists(st.integers(0, 60), min_size=1, max_size=8))
@example("2020年。甲2021年\n乙。", [5, 12])  # a later line: its own paragraph, read from its start
@example("2020年至2025。", [5, 12])  # a read stopped after 年, 至 or a space would take 2020年 for a year word
@example("2020年至2025。", [6, 12])
@example("2020年 至2025。", [6, 13])
def test_a_paragraph_s_year_read_on_is_the_year_read_from_its_start(text, ends):
    read: dict = {}
    for end in ends:  # in any order: a figure before where the read stopped reads its paragraph afresh
        end = min(end, len(text))
        found = periods.paragraph_year(text, end, read)
        slow = periods.last_year_word(text, boundary_before(text, end, "\n"), end, True)
        assert (found and (found.start(), found.group())) == (slow and (slow.start(), slow.group()))


def test_every_pattern_a_sentence_records_needs_a_cue():
    assert periods._SENTENCE_CUE_CHARS  # () would mean a pattern needs nothing: no sentence could then be passed over


def _stated_before_slow(doc, sentence_start: int, shared):
    """A target's year from before its sentence, with the paragraph's lead always searched for."""
    text, paragraph_start = doc.text, shared.paragraph_start
    stated = periods.last_year_word(text, shared.full_stop, sentence_start, True)
    if stated is None and paragraph_start < sentence_start:
        lead = doc.boundaries.after(paragraph_start, periods._LEAD_STOPS)
        opening = periods._PARAGRAPH_YEAR.match(text, paragraph_start)
        if opening:
            stated = periods.last_year_word(text, paragraph_start, opening.end(), True)
        elif lead - paragraph_start <= 16 and lead < sentence_start:
            stated = periods.last_year_word(text, paragraph_start, lead, True)
    return stated


_LEAD_PIECES = st.lists(st.sampled_from(["（一）", "1.", "2023年", "2024年目标", "到2025年，", "年", "目标", "全市", "甲" * 9,
                                         "。", "：", "；", "，", "\n", "新增3个", "十"]), max_size=16).map("".join)


@settings(max_examples=400, deadline=None)
@given(_LEAD_PIECES, st.integers(0, 200))
@example("甲甲甲甲甲甲甲甲甲甲甲2024年：新增3个。新增5个", 25)  # a lead that ends at its reach, its year at its end
def test_a_paragraph_s_lead_gives_its_year_as_when_always_searched_for(text, start):
    doc = parse(text, DocumentMetadata())
    start = doc.boundaries.before(min(start, len(text)), SENTENCE_END)  # a sentence's start, as the reader finds it
    shared = periods.Sentence(doc, start)
    found, slow = periods._stated_before(doc, start, "target", shared), _stated_before_slow(doc, start, shared)
    assert (found and (found.start(), found.group())) == (slow and (slow.start(), slow.group()))


def test_a_count_the_grammar_let_through_reads_or_says_why_not():
    import pytest
    assert (periods._count("十"), periods._count("12"), periods.five_year_end("“十四五”末")) == (10, 12, 2025)
    with pytest.raises(ValueError, match="not a numeral"):
        periods._count("年")


_PERIOD_PIECES = st.lists(st.sampled_from(["1至4月份", "上半年", "一季度", "截至9月底", "截至目前", "5月份为", "上", "月", "目", "季",
                                           "，", "。", "；", "\n", "甲" * 40, "增长5%", "3个"]), max_size=20).map("".join)


@settings(max_examples=400, deadline=None)
@given(_PERIOD_PIECES, st.integers(0, 400), st.sampled_from([2024, None]))
@example("1至4月份。\n甲。增长5%", 9, 2024)  # a period in the paragraph before: not the figure's
@example("1至4月份，甲。增长5%", 11, 2024)  # a period in the sentence before: the figure's
@example("上半年增长5%", 5, 2024)  # the paragraph's first character is its period word's only cue
@example("甲" * 501 + "上半年" + "甲" * 3997 + "月增长5%", 4502, 2024)  # the sentence before reaches past the paragraph's cut
def test_an_observation_s_period_is_read_as_from_its_window_always(text, pos, year):
    doc = parse(text, DocumentMetadata(period="2024"))
    pos = min(pos, len(text))
    start = doc.boundaries.before(pos, SENTENCE_END)
    shared = periods.Sentence(doc, start)
    paragraph_start = shared.line_start(pos)
    window = max(paragraph_start, min(shared.full_sentence_start(pos), shared.previous_start))
    slow = periods._period(text[window:pos], year) if year is not None else (doc.metadata.period, None)
    assert periods._observed(doc, shared, paragraph_start, pos, year) == slow


def _period_slow(before: str, year: int) -> tuple[str, str | None]:
    """An observation's period as defined: the last match of each kind of period word in turn, every window searched."""
    for pattern, builder in periods._PERIOD_WORDS:
        matches = list(pattern.finditer(before))
        if matches and (period := builder(matches[-1], year)) is not None:
            return period
    return str(year), None


@settings(max_examples=400, deadline=None)
@given(_PERIOD_PIECES)
@example("1至4月份，上半年增长5%")  # two kinds: the more specific one reads
@example("13月份，上半年增长5%")  # a month that does not read: the next kind does
def test_a_window_s_period_is_the_last_word_of_the_first_kind_that_reads(before):
    assert periods._period(before, 2024) == _period_slow(before, 2024)


_HEADING_PIECES = st.lists(st.sampled_from(["一、", "二、", " ", "\u3000", "“十四五”时期", "目标", "2025年", "甲", "。", "\n",
                                            "三、“十五五”时期目标"]), max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(_HEADING_PIECES, st.integers(0, 60))
@example("\u3000一、“十四五”时期目标", 12)  # a heading opening with a space, read up to the figure
@example("一、“十五五”时期\n甲", 12)  # the heading of the line above
def test_a_figure_s_heading_span_is_that_of_the_nearest_heading_before_it(text, pos):
    doc = parse(text, DocumentMetadata())
    pos = min(pos, len(text))
    shared = periods.Sentence(doc, doc.boundaries.before(pos, SENTENCE_END))
    found, slow = shared.heading_span(text, pos), periods._span_named(periods._heading_before(doc, pos))
    assert (found and (found.start(), found.group())) == (slow and (slow.start(), slow.group()))


_SPAN_HEADING_PIECES = st.lists(st.sampled_from(["一、", "“十四五”时期", "十五五期间", "今后五年", "《纲要", "纲", "五", "2025年", "二〇二六年",
                                                 "年", "今年", "目标", "甲"]), max_size=10).map("".join)


@settings(max_examples=400, deadline=None)
@given(_SPAN_HEADING_PIECES)
@example("一、《纲要》主要目标")  # a five-year word needing 纲, not 五
@example("二、“十五五”时期目标任务和2026年工作安排")  # a stated year: no span
def test_a_heading_s_span_is_its_five_year_word_unless_it_states_a_year(heading):
    """_span_named skips the year words of a heading that holds none of the characters a five-year word needs."""
    slow = periods._MULTI_YEAR.search(heading) if periods.last_year_word(heading, 0, len(heading), True) is None else None
    found = periods._span_named(heading)
    assert (found and (found.start(), found.group())) == (slow and (slow.start(), slow.group()))


_PERIOD_PIECES = st.lists(st.sampled_from(["上半年", "上半", "季度", "季", "1至4月份", "月", "目前", "目", "截至", "。", "\n", "甲",
                                           "乙" * 120, "3个"]), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(_PERIOD_PIECES, st.integers(0, 3000), st.lists(st.integers(0, 400), min_size=1, max_size=6))
@example("甲\n" + "乙" * 2100 + "月份3个", 2102, [2100, 5])  # a paragraph longer than the reach: cut at it
@example("季度" + "乙" * 400 + "月3个", 0, [300, 350])  # a figure beyond the sentence's reach: searched itself
@example("乙" * 400, 0, [300])  # no period word, a figure right at the reach
@example("季度乙月" + "乙" * 400, 0, [1, 2, 3, 4, 300])  # a group's words: the first to end counts
def test_a_sentence_s_period_test_answers_as_the_window_s_own(text, start, offsets):
    """Sentence.could_name_period, read once per sentence, is could_match of each figure's window from its line."""
    start = min(start, len(text))
    shared = periods.Sentence(parse(text, DocumentMetadata()), start)
    for offset in offsets:
        pos = min(start + offset, len(text))
        line_start = shared.line_start(pos)
        assert shared.could_name_period(text, line_start, pos) == sieve.could_match(periods._PERIOD_NEEDS, text,
                                                                                  line_start, pos)


@given(st.one_of(st.none(), st.from_regex(r"\d{1,2}|[一二三四五六七八九十]{1,3}", fullmatch=True)))
def test_a_month_read_once_reads_as_read_number(word):
    from policykit.extract._numbers import read_number
    value = read_number(word) if word else None
    slow = int(value) if value is not None and 1 <= value <= 12 and value == int(value) else None
    assert periods._month(word) == periods._month(word) == slow


def test_a_duration_is_read_where_its_answer_counts():
    """A multi-year aim with no end year stated (三年打造) is searched for only where the year would turn on it."""
    plan = DocumentMetadata(year=2024, doc_type="action_plan", title="某市行动方案（2023—2025年）")
    for text, metadata, expected in [("三年打造20个平台。", DocumentMetadata(year=2024, doc_type="work_report"), (None, "unknown")),
                                     ("明年三年打造20个平台。", plan, (2025, "plan_period")),  # the plan's, not 明年's
                                     ("明年打造20个平台。", plan, (2025, "relative"))]:
        doc = parse(text, metadata)
        assert periods.when(doc, 0, 0, text.index("20个"), "target")[:2] == expected


_DURATION_PIECES = st.lists(st.sampled_from(["三", "两", "十", "3", "13", "2025", " ", "年", "年内", "时间", "左右", "打造", "完成",
                                              "累计", "共", "年度", "甲", "，"]), max_size=12).map("".join)


@settings(max_examples=500, deadline=None)
@given(_DURATION_PIECES)
@example("三年 内完成")  # a space where the tail allows none
@example("3年内完成")  # the tail with its optional word
def test_a_duration_is_found_where_its_led_search_finds_one(before):
    assert periods._holds_duration(before) == (periods._DURATION.search(before) is not None)


def test_each_duration_word_is_found():
    for verb in ("打造", "建成", "实现", "完成", "培育", "新增", "累计", "共"):
        for unit in ("年", "年内", "年时间", "年左右"):
            assert periods._holds_duration(f"三{unit}{verb}") and periods._holds_duration(f"甲13 {unit}{verb}乙")


def test_a_standing_rule_or_a_yearly_average_leaves_the_year_open_cued_or_not():
    """A recurring word (每年) or a review's yearly average (年均) in the figure's clause is searched only where the
    sentence is cued by the figure or the clause starts before the sentence: found in either case, and where neither
    holds the year is read as usual."""
    report = DocumentMetadata(year=2024, doc_type="work_report")
    for text, clause, reach, role, expected in [
            ("每年新增20家。", "每", 300, "target", (None, "unknown")),  # the sentence cued by its 每
            ("城镇新增就业年均20万人。", "城", 300, "observation", (None, "unknown")),
            ("年均增长，甲20万人。", "年", 4, "observation", (None, "unknown")),  # the clause starts before the capped sentence
            ("新增20家。", "新", 300, "target", (2024, "report_year"))]:  # no cue: no clause read
        doc, pos = parse(text, report), text.index("20")
        sentence_start = max(0, pos - reach)
        assert periods.when(doc, sentence_start, text.index(clause), pos, role)[:2] == expected


# The pieces of a month range (digits of several scripts, numerals, spaces, every range mark), the month word and
# its suffix, beside what the range's end reads differently (a third digit, a fourth numeral, a word between).
_RANGE_PIECES = st.lists(st.sampled_from(["1", "12", "３", "٣", "一", "十二", "十", "至", "到", "—", "-", "－", "~", " ", "\u3000",
                                          "\n", "月", "份", "截", "甲"]), max_size=16).map("".join)


@settings(max_examples=600, deadline=None)
@given(_RANGE_PIECES)
@example("1至4月份")
@example("一至十二月")  # the longest numerals on both sides
@example("截至6月底")  # a range mark with no number before it
@example("123-4月")  # a third digit before the mark: the range starts at its second, reads the last two
@example("1 - 十一 月")  # spaces on every side
@example("1-一十二月")  # three numerals after the mark (before it, a match may start at the last one)
@example("1-2月3-4月份")  # two ranges: the last
@example("一1-4月")  # a numeral and a digit before the mark: the digit
def test_a_window_read_from_its_end_gives_its_last_month_range_s_numbers(text):
    """_period reads a window's last month range from the reversed window's first match of _MONTH_RANGE_FROM_END."""
    backwards, last = periods._MONTH_RANGE_FROM_END.search(text[::-1]), sieve.last_match(periods._MONTH_RANGE, text, 0, len(text))
    assert (backwards and (backwards.group("a")[::-1], backwards.group("b")[::-1])) == (last and (last.group("a"), last.group("b")))
    assert periods._period(text, 2024) == _period_slow(text, 2024)


def test_the_month_range_s_pieces_are_single_characters():
    """A pattern read from its end is the range's own only where each piece matches one character (a class or a
    character, as the lexicon's comment asks of them)."""
    from re import _parser as sre_parse
    for piece in (periods._NUMERAL, periods._RANGE_MARK, periods._MONTH_WORD, periods._MONTH_SUFFIX):
        assert sre_parse.parse(piece).getwidth() == (1, 1), piece
