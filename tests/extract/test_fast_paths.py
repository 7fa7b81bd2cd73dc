"""The per-document indexes of the measures reader answer as the per-figure searches they replace.

Each test writes the slow definition out and compares it with the fast path on generated texts whose
pieces make both answers common, so that a fast path that drops or invents an answer fails.
"""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from policykit.extract import find_quantities, parse
from policykit.extract import _non_targets as nt
from policykit.extract import _measures as measures
from policykit.extract._numbering import find_marks
from policykit.extract._spans import CLAUSE_END, MAX_REACH, SENTENCE_END, SENTENCE_REACH, boundary_after, boundary_before

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
    doc = parse(text)
    assert [nt.names_quoted_set(doc, q) for q in quantities] == [_names_quoted_set_slow(text, q) for q in quantities]


def test_the_generated_texts_name_quoted_sets():
    text = "发布“两张清单”。落实两张清单制度"
    assert [nt.names_quoted_set(parse(text), q) for q in find_quantities(text)] == [False, True]


_LIST_PIECES = st.lists(st.sampled_from(["应符合下列条件：", "标准如下：", "条件：", "：", " ", "\n", "\n\n", "（一）", "（二）",
                                         "1.", "第五条", "第六条", "年营业收入", "3000万元以上", "。", "，", "x" * 40]),
                        max_size=40).map("".join)


def _listed_under_lead_slow(text, pos):
    """_listed_under_lead reading the lines above the figure whatever they end with."""
    line = nt.boundary_before(text, pos, nt.LINE_END)
    lead = None
    for lead in nt._LEAD_LINE.finditer(text, max(0, line - nt._LIST_REACH), line):
        pass
    if lead is None:
        return False
    items = {at: m.style for m in find_marks(text)
             if not text[(at := nt.boundary_before(text, m.start, nt.LINE_END)):m.start].strip()}
    closing = items.get(nt.boundary_before(text, lead.start(), nt.LINE_END))
    first = nt.boundary_after(text, lead.end(), nt.LINE_END) + 1
    if line < first or items.get(line, closing) == closing:
        return False
    at = first
    for chunk in text[first:line].split(nt.LINE_END)[:-1]:
        if chunk.strip() and items.get(at, closing) == closing:
            return False
        at += len(chunk) + 1
    return True


@settings(max_examples=300, deadline=None)
@given(_LIST_PIECES)
def test_listed_under_lead_answers_as_reading_every_line_above(text):
    positions, doc = range(len(text) + 1), parse(text)
    assert ([nt._listed_under_lead(doc, pos) for pos in positions]
            == [_listed_under_lead_slow(text, pos) for pos in positions])


def test_the_generated_texts_list_under_a_lead():
    text = "应符合下列条件：\n（一）年营业收入3000万元以上"
    assert nt._listed_under_lead(parse(text), len(text) - 1)


def test_a_line_longer_than_the_reach_is_read_as_before():
    # No line end within reach of the figure: the cut of the search may fall right after a lead's colon.
    lead, item = "应符合下列条件：", "（一）年营业收入"
    text = lead + "x" * (MAX_REACH - len(item)) + item + "3000万元以上"
    pos = text.index("3000")
    assert nt.boundary_before(text, pos, nt.LINE_END) == len(lead)
    assert nt._listed_under_lead(parse(text), pos) == _listed_under_lead_slow(text, pos)


def test_a_lead_line_more_than_a_line_reach_above_still_leads():
    items = "".join(f"（{n}）" + "x" * 1200 + "\n" for n in "一二")
    text = "应符合下列条件：\n" + items + "（三）年营业收入3000万元以上"
    pos = text.index("3000")
    assert pos > MAX_REACH
    assert nt._listed_under_lead(parse(text), pos) and _listed_under_lead_slow(text, pos)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["甲" * 250, "乙", "。", "；", "\n", "，"]), max_size=20).map("".join), st.integers(0, 2400))
def test_a_sentence_within_reach_starts_where_the_whole_sentence_does_unless_the_reach_cuts_it(text, pos):
    pos = min(pos, len(text))
    whole = boundary_before(text, pos, SENTENCE_END)
    assert max(whole, pos - SENTENCE_REACH) == boundary_before(text, pos, SENTENCE_END, SENTENCE_REACH)


def _clean_metric_slow(raw):
    """_clean_metric trimming its three rounds whatever each round finds."""
    metric = measures._OPEN_ASIDE.sub("", raw.strip())
    for _ in range(3):
        metric = measures._METRIC_TAIL.sub("", measures._METRIC_LEAD.sub("", metric))
    return metric.strip()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["力争", "全市", "2025年", "达到", "为", "，", "、", "（", "同比", "增长", "地区生产总值",
                                 "实验室", " ", "1.", "累计", "了"]), max_size=12).map("".join))
def test_clean_metric_answers_as_trimming_three_rounds(raw):
    assert measures._clean_metric(raw) == _clean_metric_slow(raw)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["国内", "地区", "生产总值", "GDP", "经济", "增长", "单位", "能耗", "城镇", "调查", "失业率",
                                 "居民", "人均", "可支配收入", "消费", "价格", "涨幅", "的", "，", "率"]), max_size=8).map("".join))
def test_metric_rows_opened_by_their_first_characters_match_as_the_plain_alternation(metric):
    from policykit.extract import _metrics
    found, plain = _metrics._ANY.search(metric), _metrics._ANY_GRAMMAR.search(metric)
    assert (found and found.span()) == (plain and plain.span())


def test_the_metric_alternation_is_opened_by_a_class():
    from policykit.extract import _metrics
    assert _metrics._ANY.pattern.startswith("(?=[")  # else every row is tried at every character again


def _opened_pairs():
    """(opened pattern, the plain pattern of its lexicon row) for every pattern led by its first characters."""
    import re
    from policykit import lexicon
    from policykit.extract import _metrics
    hardness, aim_year = lexicon.alternation("hardness"), nt._AIM_YEAR
    rows = measures._PATTERNS
    return [(measures._SUBSIDY_BEFORE, rows["subsidy_before"]), (measures._SCOPE_BEFORE, rows["scope_before"]),
            (measures._SHARING, rows["sharing"]), (measures._METRIC_TAIL, rows["metric_tail"]),
            (measures._GROWTH_TAIL, rows["growth_tail"]), (nt._AIM, hardness + "|" + aim_year),
            (nt._FRAME, nt._role("frame") + "|" + hardness + "|" + aim_year),
            (_metrics._ANY, _metrics._ANY_GRAMMAR.pattern)], re


def _pieces_of(pattern: str) -> list[str]:
    """The characters of a pattern's own words, with digits and stops: texts of them match it often."""
    return sorted({ch for ch in pattern if "\u4e00" <= ch <= "\u9fff"} | set("2025年，。\n 的为"))


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_patterns_led_by_their_first_characters_match_as_their_lexicon_rows(data):
    pairs, re = _opened_pairs()
    for fast, plain in pairs:
        slow = re.compile(plain)
        assert fast.pattern != slow.pattern  # each is led by a class
        text = data.draw(st.lists(st.sampled_from(_pieces_of(plain)), max_size=14).map("".join))
        start = data.draw(st.integers(0, len(text)))
        found, expected = fast.search(text, start), slow.search(text, start)
        assert (found and found.span()) == (expected and expected.span())
        assert fast.sub("", text) == slow.sub("", text)


def test_texts_of_their_pieces_match_the_led_patterns():
    pairs, re = _opened_pairs()
    samples = ("确保", "到2025年", "生产总值", "同比增长", "分别", "最高", "在全县", "平均", "达到")
    for fast, plain in pairs:  # the generated texts can match each: some sample of its pieces does
        assert any(set(t) <= set(_pieces_of(plain)) and fast.search(t) for t in samples), plain


# The past row before its branches were written to open with plain characters: the slow definition.
_PAST_AS_ONE = (r"今年以来|截至|截止|(?<![较比与同于从由])(?:去年|上年)|过去[一五两三]?年|已经|已完成|已建成|已实现|已开工|累计完成|"
                r"(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*[至到—\-－~]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月|"
                r"前三季度|[一二三1-3]季度|上半年")
_PAST_PIECES = st.lists(st.sampled_from(["今年以来", "截至", "截止", "去年", "上年", "较", "比", "从", "过去", "五", "年", "已",
                                         "完成", "建成", "累计", "1", "12", "三", "十二", "-", "至", "—", " ", "月", "前",
                                         "季度", "上半年", "，", "了", "增长"]), max_size=12).map("".join)


@settings(max_examples=500, deadline=None)
@given(_PAST_PIECES)
def test_past_words_are_found_as_by_the_single_pattern(sentence):
    import re
    assert measures._is_past(sentence) == (re.search(_PAST_AS_ONE, sentence) is not None)


def test_past_words_of_each_kind_are_found():
    assert [measures._is_past(s) for s in ("去年增长", "较去年增长", "1-5月增长", "一至三月", "前三季度", "到2025年")] == [
        True, False, True, True, True, False]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)), max_size=8), st.integers(-2, 60))
def test_the_union_of_table_rows_or_review_parts_holds_what_one_of_them_holds(spans, pos):
    spans = {(start, start + length) for start, length in spans}
    assert measures._in_union(measures._union(spans), pos) == any(a <= pos < b for a, b in spans)


def _is_threshold_slow(text, q, sentence_start):
    """is_threshold searching every window, with no test of the whole text first."""
    if nt._AIM.search(text, sentence_start, q.start):
        return False
    if nt._DEFINITION.search(text, sentence_start, q.start):
        return True
    lead = nt._LEAD.search(text, boundary_before(text, q.start, nt.FULL_STOP), q.start)
    if lead and not nt._AIM.search(text, lead.end(), q.start) or nt._listed_under_lead(parse(text), q.start):
        return True
    end = nt.boundary_after(text, q.end, nt.CLAUSE_END)
    closing = text[q.end:end].rstrip()
    return (end < len(text) and text[end] not in SENTENCE_END and closing.endswith(nt._DE)
            and not nt._COPULA.search(closing))


_THRESHOLD_PIECES = st.lists(st.sampled_from(["是指", "指的是", "条件", "标准为", "门槛", "：", "如下", "力争", "到2025年",
                                              "营业收入", "3000万元以上", "10人", "的", "，", "。", "；", "\n", "企业"]),
                             max_size=24).map("".join)


@settings(max_examples=500, deadline=None)
@given(_THRESHOLD_PIECES)
def test_thresholds_are_found_as_by_searching_every_window(text):
    quantities = find_quantities(text)
    starts = [boundary_before(text, q.start, SENTENCE_END) for q in quantities]
    doc = parse(text)
    assert ([nt.is_threshold(doc, q, s) for q, s in zip(quantities, starts)]
            == [_is_threshold_slow(text, q, s) for q, s in zip(quantities, starts)])


def test_the_generated_texts_define_and_lead_thresholds():
    for text in ("小微企业是指营业收入3000万元以上的企业", "认定条件如下：营业收入3000万元以上"):
        q = find_quantities(text)[0]
        assert nt.is_threshold(parse(text), q, 0) and _is_threshold_slow(text, q, 0)


def test_a_lead_line_at_the_very_start_of_the_reach_still_leads():
    items = "".join(f"（{n}）" + "x" * 1400 + "\n" for n in "一二")
    head = "条件：\n" + items
    text = head + "\n" * (nt._LIST_REACH - len(head)) + "（三）年营业收入3000万元以上"
    pos = text.index("3000")
    assert nt.boundary_before(text, pos, nt.LINE_END) - nt._LIST_REACH == 0
    assert nt._listed_under_lead(parse(text), pos) and _listed_under_lead_slow(text, pos)


_LINE_PIECES = st.lists(st.sampled_from(["一、", "二、", "十二、", "第三章", "第一部分", " ", "\u3000", "\t", "\n", "\n\n",
                                         "工作回顾", "工作计划", "、", "x" * 30, "甲"]), max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(_LINE_PIECES)
def test_line_heads_are_found_as_by_trying_every_character(text):
    from policykit.extract._periods import _HEADING
    from policykit.extract._spans import line_matches
    for pattern in (_HEADING, measures._PART_HEADING):
        assert ([(m.span(), m.groups()) for m in line_matches(pattern, text)]
                == [(m.span(), m.groups()) for m in pattern.finditer(text)])


def test_the_generated_texts_hold_line_heads():
    from policykit.extract._spans import line_matches
    text = "一、工作回顾\n正文\n 二、工作计划"
    assert [m.group(1) for m in line_matches(measures._PART_HEADING, text)] == ["工作回顾", "工作计划"]


_SENTENCE_PIECES = st.lists(st.sampled_from(["一、", "二、“十五五”时期目标", "\n", "。", "；", "，", "：", "2025年", "今年",
                                             "到2027年，", "（一）2023年目标。", "甲" * 120, "乙" * 700, "1至4月份",
                                             "增长5%", "3个", "十四五", "今后五年", "年均增长6%", "每年",
                                             "“十四五”时期末", "纲要"]),
                            max_size=40).map("".join)


def _seen(match):
    return None if match is None else (match.start(), match.group(0))


@settings(max_examples=300, deadline=None)
@given(_SENTENCE_PIECES, st.lists(st.integers(0, 5000), min_size=1, max_size=12))
@example("二、十四五\n" + "乙" * 2100 + "。" + "乙" * 2100 + "增长5%", [4209, 4100, 2500])  # lines past the reaches
@example("甲。年均增长6%；每3个", [6, 11])  # the pattern's word opens the sentence
def test_what_a_sentence_shares_is_what_each_figure_in_it_reads(text, positions):
    from policykit.extract._parsed import parse
    from policykit.extract import _periods as periods, _sieve as sieve
    from policykit.extract._periods import Sentence, _heading_at, _span_named
    from policykit.extract._spans import CLAUSE_END, FULL_STOP, LINE_END
    from policykit.text import DocumentMetadata
    doc = parse(text, DocumentMetadata(year=2024))
    bounds = doc.boundaries
    for pos in {min(pos, len(text)) for pos in positions}:
        start = max(bounds.before(pos, SENTENCE_END), pos - SENTENCE_REACH)  # as _read_measures finds it
        shared = Sentence(doc, start)
        line_start = bounds.before(pos, LINE_END)
        assert shared.line_start(pos) == line_start
        assert shared.full_sentence_start(pos) == bounds.before(pos, FULL_STOP, SENTENCE_REACH)
        assert shared.previous_start == bounds.before(max(start - 1, line_start), SENTENCE_END)
        i, line = _heading_at(doc, pos)
        assert _seen(shared.heading_span(text, pos)) == _seen(_span_named(line) if i is None else doc.headings.spans[i])
        # No pattern is searched for before the sentence's first cue: no window of the sentence up to it holds a match.
        clause = bounds.before(pos, CLAUSE_END)
        cued = pos > shared.cue
        assert cued or not sieve.could_match(periods._YEAR_NEEDS, text, start, pos)
        assert cued or periods._FIVE_YEAR_END.search(text, start, pos) is None
        assert shared.multi_year or cued or periods._MULTI_YEAR.search(text, line_start, pos) is None
        if clause >= start:
            assert cued or periods._RECURRING.search(text, clause, pos) is None
            assert cued or periods._YEARLY_AVERAGE.search(text, clause, pos) is None


_FIVE_YEAR_PIECES = st.lists(st.sampled_from(["今后五年", "五年来", "五年", "十四五”时期", "十四五", "”", "时期末", "纲要（草案）",
                                              "《纲要", "个五年规划", "\n", "甲", "乙" * 900, "甲乙丙", "乙"]),
                             max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["five-year", "overlapping"]), _FIVE_YEAR_PIECES,
       st.lists(st.tuples(st.integers(0, 4000), st.integers(0, 2000)), min_size=1, max_size=12))
@example("overlapping", "甲乙丙\n甲乙丙", [(2, 2), (6, 3)])  # a match across the window's end hides a shorter one
def test_the_matches_of_a_paragraph_are_each_window_s(pattern, text, windows):
    import re
    from policykit.extract import _periods as periods, _sieve as sieve
    from policykit.extract._spans import MAX_REACH
    pattern = periods._MULTI_YEAR if pattern == "five-year" else re.compile("甲乙丙|乙")
    words = periods.ParagraphWords(pattern, text)  # one value for every window, as a document keeps it
    for end, length in windows:
        end = min(end, len(text))
        start = max(text.rfind("\n", 0, end) + 1, end - min(length, MAX_REACH))  # a line start, or a reach's cut
        assert _seen(words.last(start, end)) == _seen(sieve.last(pattern, text, start, end))


@settings(max_examples=200, deadline=None)
@given(_SENTENCE_PIECES, st.sampled_from([None, "action_plan", "work_report"]))
def test_when_reads_a_shared_sentence_as_it_reads_it_alone(text, doc_type):
    from policykit.extract._parsed import parse
    from policykit.extract._periods import when
    from policykit.text import DocumentMetadata
    doc = parse(text, DocumentMetadata(year=2024, doc_type=doc_type, title="某市行动方案（2023—2025年）"))
    bounds, sentences = doc.boundaries, {}
    for pos in (i for i, ch in enumerate(text) if ch.isdigit()):
        start = max(bounds.before(pos, SENTENCE_END), pos - SENTENCE_REACH)
        clause = bounds.before(pos, SENTENCE_END + "，,：:")
        for role in ("target", "observation"):
            assert when(doc, start, clause, pos, role, sentences) == when(doc, start, clause, pos, role)


def test_sentences_are_shared_by_their_figures_and_roles():
    from policykit.extract._parsed import parse
    from policykit.extract._periods import when
    from policykit.text import DocumentMetadata
    text = "一、“十五五”时期目标\n到2030年，A达到3个；B达到5个，C达到7个。\n2024年1至4月份，D增长5%，E增长6%。"
    doc = parse(text, DocumentMetadata(year=2024, doc_type="action_plan", title="某市行动方案（2023—2025年）"))
    sentences = {}
    b, c = text.index("5个"), text.index("7个")
    assert when(doc, text.index("B"), text.index("B"), b, "target", sentences)[:2] == (2030, "stated")
    assert when(doc, text.index("B"), text.index("C"), c, "target", sentences)[:2] == (2030, "stated")
    assert list(sentences) == [text.index("B")]
    assert when(doc, text.index("B"), text.index("C"), c, "observation", sentences)[:2] == (2030, "stated")
    d, e = text.index("5%"), text.index("6%")
    assert when(doc, text.index("2024"), text.index("D"), d, "observation", sentences)[2] == "2024-01/2024-04"
    assert when(doc, text.index("2024"), text.index("E"), e, "observation", sentences)[2] == "2024-01/2024-04"


def test_words_of_a_clause_cut_by_the_sentence_reach_still_count():
    from policykit.extract._parsed import parse
    from policykit.extract._periods import when
    from policykit.text import DocumentMetadata
    text = "每年" + "乙" * 400 + "新增3个。"
    doc, pos = parse(text, DocumentMetadata(year=2024)), text.index("3")
    start = pos - SENTENCE_REACH  # no stop within the reach: the clause starts before the sentence, at 每年
    assert when(doc, start, 0, pos, "target", {})[:2] == (None, "unknown")


@settings(max_examples=300, deadline=None)
@given(_THRESHOLD_PIECES)
def test_threshold_cues_are_whole_text_searches(text):
    assert nt.threshold_cues(text) == (nt._DEFINITION.search(text) is not None, nt._LEAD.search(text) is not None)


def test_every_definition_word_is_a_cue():
    assert all(nt.threshold_cues("甲" + word + "乙")[0] for word in nt._DEFINITION_WORDS)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["“", "”", "《", "》", "「", "」", "甲", "乙乙", "\n", '"']), max_size=30).map("".join))
def test_inside_quote_answers_as_any_quoted_span(text):
    spans = [m.span() for m in measures._QUOTED.finditer(text)]
    quoted = measures._quoted_spans(text)
    assert [measures._inside_quote(quoted, pos) for pos in range(len(text) + 1)] == [
        any(start < pos < end for start, end in spans) for pos in range(len(text) + 1)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["甲" * 700, "乙", "。", "；", "\n", "，", "：", ","]), max_size=20).map("".join), st.integers(0, 3000))
@example("甲" * 2100 + "，乙", 2101)  # the clause stop lies beyond the reach
def test_a_sentence_start_read_from_the_clause_start_is_the_searched_one(text, pos):
    from policykit.extract._spans import CLAUSE_END, FULL_STOP, boundaries_of
    pos = min(pos, len(text))
    bounds = boundaries_of(text)
    clause_start = bounds.before(pos, CLAUSE_END)
    assert bounds.before_from(pos, SENTENCE_END, clause_start) == bounds.before(pos, SENTENCE_END)
    for reach in (1, SENTENCE_REACH, MAX_REACH):  # a stretch opened at pos itself, as a shared sentence asks
        assert bounds.before_from(pos, FULL_STOP, pos, reach) == bounds.before(pos, FULL_STOP, reach)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)), max_size=12), st.integers(0, 100))
def test_the_task_at_a_figure_is_the_last_opening_before_it_that_holds_it(spans, pos):
    from policykit.extract._records import TaskRecord
    tasks = tuple(sorted((TaskRecord(key=f"t{n}", number=str(n), path=(), section=None, title="", start=start,
                                     end=start + length) for n, (start, length) in enumerate(spans)),
                         key=lambda task: task.start))
    holding = [task for task in tasks if task.start <= pos < task.end]
    assert measures._Tasks(tasks).at(pos) == (holding[-1] if holding else None)


def _counts_the_list_slow(before, q):
    """_counts_the_list removing the quoted parts of every clause."""
    before = measures._QUOTED.sub("", before)
    if "、" not in before or measures._DIGIT.search(before):
        return False
    last = before.rsplit("、", 1)[1]
    if not 0 < len(last) <= 10 or not measures._LIST_WORDS.fullmatch(last):
        return False
    return q.value == before.count("、") + 1 + (1 if measures._LIST_AND.search(last) else 0)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["甲", "乙镇", "、", "“省市共建、一室一策”", "和", "3", "丙"]), max_size=10).map("".join),
       st.sampled_from(["2个", "3个", "4个"]))
def test_counts_the_list_answers_as_reading_every_clause(before, count):
    q = find_quantities(count)[0]
    assert measures._counts_the_list(before, q) == _counts_the_list_slow(before, q)


def test_the_generated_clauses_count_their_lists():
    assert measures._counts_the_list("甲、乙镇和丙", find_quantities("3个")[0])


_YEAR_PIECES = st.lists(st.sampled_from(["2025年", "二〇二五年", "今年", "去年", "上年", "明年", "年底", "全年", "比", "较",
                                         "面向", "展望", "至2030", "远景", " ", "年", "2", "二", "，", "甲"]),
                        max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(_YEAR_PIECES, st.integers(0, 6))
def test_year_words_led_by_their_first_characters_are_the_plain_grammar_s(text, start):
    import re
    from policykit.extract import _periods as periods
    plain = re.compile(periods._YEAR_WORD.pattern.split(")(?:", 1)[1][:-1])  # the grammar without its leading class
    assert plain.pattern.startswith("(?<!")
    seen = [(m.span(), m.group("y"), m.group("rel")) for m in periods._YEAR_WORD.finditer(text, start)]
    assert seen == [(m.span(), m.group("y"), m.group("rel")) for m in plain.finditer(text, start)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["达到", "达", "为", "比上年", "较2020年", "同期", "提高至", "分别", "累计", "地区", "生产总值",
                                 "增长", "了", "\n", "，"]), max_size=10).map("".join))
def test_every_match_ends_with_a_character_the_grammar_gives(text):
    import re
    from policykit.extract import _sieve as sieve
    for pattern in (measures._METRIC_TAIL, measures._GROWTH_TAIL, re.compile("(?:达到|为)(?!比)|比上年(?:同期)?|[达为]+")):
        ends = sieve.last_chars(pattern)
        for start in range(len(text)):
            m = pattern.match(text, start)
            if m and m.end() > m.start():
                assert text[m.end() - 1] in ends, (pattern.pattern, text, m)


_QUARTER_PIECES = st.lists(st.sampled_from(["前三季度", "上半年", "第一季度", "二季度", "3季度", "第", "季度", "上", "半年", "三",
                                            "4", "前", "甲", "，"]), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(_QUARTER_PIECES, st.integers(0, 6))
def test_quarters_led_by_their_first_characters_are_the_plain_grammar_s(text, start):
    import re
    from policykit.extract import _periods as periods
    led = periods._QUARTERS
    assert led.pattern.startswith("(?=[")  # led: its optional 第 gives the regex engine no first character to scan for
    plain = re.compile(led.pattern.split(")(?:", 1)[1][:-1])
    assert [(m.span(), m.groupdict()) for m in led.finditer(text, start)] == [
        (m.span(), m.groupdict()) for m in plain.finditer(text, start)]


def test_the_generated_texts_end_with_a_tail():
    assert measures._METRIC_TAIL.search("地区生产总值比上年同期") is not None


_PLAN_PIECES = st.lists(st.sampled_from(["一、", "二、", "\n", " ", "预期目标", "是", "为", "：", "总体要求是", "主要目标", "回顾",
                                         "工作安排", "权重", "分值", "占", "指标占", "比重分", "甲"]), max_size=16).map("".join)


@settings(max_examples=300, deadline=None)
@given(_PLAN_PIECES)
def test_patterns_led_by_their_first_characters_match_as_their_grammar(text):
    import re
    for led, grammar in ((measures._WEIGHT_BEFORE, measures._PATTERNS["weight_before"]),):
        assert led.pattern != grammar
        plain = re.compile(grammar)
        assert [m.span() for m in led.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["“", "”", "《", "》", "「", "」", "『", "』", "〔", "〕", '"', "甲", "乙乙", "\n", "第"]),
                max_size=40).map("".join))
def test_all_matches_found_from_their_first_characters_are_finditer_s(text):
    import re
    from policykit.extract import _sieve as sieve
    for pattern in (measures._QUOTED, re.compile("(?<!第)“[^”]{0,3}”|《")):
        assert [m.span() for m in sieve.all_matches(pattern, text)] == [m.span() for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="甲\n。", max_size=30), st.integers(-5, 35), st.integers(1, 40))
@example("甲\n甲甲甲", -3, 5)  # a negative position reads no character
def test_a_one_character_stop_is_found_as_the_search_of_its_class_finds_it(text, pos, reach):
    import re
    from policykit.extract._spans import Boundaries
    low, size = max(0, pos - reach), len(text)
    last = re.compile("[\\n]").search(text[::-1], size - pos, size - low)  # the search of the reversed text
    first = re.compile("[\\n]").search(text, pos, min(size, pos + 2000))
    assert Boundaries(text).before(pos, "\n", reach) == (size - last.start() if last else low)
    assert Boundaries(text).after(pos, "\n") == (first.start() if first else min(size, pos + 2000))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["国内", "地区", "生产总值", "GDP", "经济", "增长", "单位", "能耗", "城镇", "调查", "失业率",
                                 "居民", "人均", "可支配收入", "消费", "价格", "涨幅", "的", "，", "率", "甲", "森林", "覆盖"]),
                max_size=8).map("".join))
@example("森林覆盖率")  # a row whose words hold one character of the group only
def test_a_phrase_without_a_needed_character_names_no_row(metric):
    from policykit.extract import _metrics
    assert (_metrics._ANY_NEEDED.search(metric) is not None) or _metrics._ANY_GRAMMAR.search(metric) is None


def test_the_generated_phrases_name_rows():
    from policykit.extract import metric_key
    assert metric_key("森林覆盖率") is not None and metric_key("城镇调查失业率") is not None


def _is_support_slow(text, q):
    """_is_support reading the growth and standard words before the payment words."""
    before = text[max(0, q.start - 16):q.start].rstrip(" \t\u3000\xa0")
    last_clause = measures._CLAUSE_STOP.split(before[-8:])[-1]
    if measures._GROWTH.search(before) or any(word in last_clause for word in measures._STANDARDS):
        return False
    return bool(measures._SUBSIDY_BEFORE.search(before[-12:]) or measures._SUBSIDY_AFTER.match(text[q.end:q.end + 6])
                or measures._RATE_OF_BASE.search(before) or nt.heads_a_paid_list(text, q))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["给予", "补助", "奖励", "最高", "按投资额的", "增长", "增幅", "补助标准提高", "资金", "，",
                                 "10%", "50万元", "、", "的奖励", "企业", " "]), max_size=10).map("".join))
def test_is_support_answers_as_reading_the_growth_words_first(text):
    assert [measures._is_support(text, q) for q in find_quantities(text)] == [
        _is_support_slow(text, q) for q in find_quantities(text)]


def test_the_generated_texts_pay_and_grow():
    text = "给予50万元奖励，补助标准提高10%"
    assert [measures._is_support(text, q) for q in find_quantities(text)] == [True, False]


_MONTH_PIECES = st.lists(st.sampled_from(["1", "12", "３", "٣", "一", "十二", "至", "-", "月", "份", "底", "，", "为", " ", "年",
                                          "打造", "内", "甲", "\n"]), max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(_MONTH_PIECES)
def test_number_led_patterns_led_by_their_first_characters_match_as_their_grammar(text):
    import re
    from policykit.extract import _periods as periods
    for led in (periods._MONTH_RANGE, periods._MONTH_END, periods._ONE_MONTH, periods._DURATION, measures._PAST_MONTHS):
        opener, plain = led.pattern.split(")(?:", 1)
        assert all(re.fullmatch(opener[3:], digit) for digit in "0٣３\U0001D7CE")  # a digit of any script may open a match
        plain = re.compile(plain[:-1])
        assert [(m.span(), m.groupdict()) for m in led.finditer(text)] == [
            (m.span(), m.groupdict()) for m in plain.finditer(text)]


def test_measures_filled_at_once_are_the_dataclass_s():
    from dataclasses import FrozenInstanceError, fields
    from policykit.extract._parsed import parse
    from policykit.text import DocumentMetadata
    text = ("一、目标\n力争市级重点实验室达到20家以上，研发投入增长8%。\n2024年新增企业30家，给予50万元奖励。\n"
            "城镇和农村居民收入分别增长6%和7%，规上工业和服务业营业收入均增长5%。")
    found = measures.read_measures(parse(text, DocumentMetadata(year=2024, doc_type="action_plan")), ())
    names = {f.name for f in fields(measures.Measure)}
    assert {"城镇居民收入增长", "农村居民收入增长", "服务业营业收入增长"} <= {m.metric for m in found}  # per subject
    for m in found:
        assert set(vars(m)) == names  # every field set, none left to the class default
        assert m == measures.Measure(**{name: getattr(m, name) for name in names})
    try:
        found[0].role = "observation"
    except FrozenInstanceError:
        pass
    else:
        raise AssertionError("a filled measure must stay frozen")


def test_target_records_written_at_once_are_the_dataclass_s():
    from dataclasses import fields
    from policykit.extract import _targets
    from policykit.extract._parsed import parse
    from policykit.extract._records import TargetRecord
    from policykit.text import DocumentMetadata
    text = "力争市级重点实验室达到20家以上，研发投入增长8%—10%。"
    found = _targets.find_targets(parse(text, DocumentMetadata(year=2024, doc_type="action_plan")), ())
    names = [f.name for f in fields(TargetRecord)]
    assert len(found) == 2 and found[1].base_value_high == "10"
    for record in found:
        assert list(vars(record)) == names  # every field, in field order
        assert record == TargetRecord(**{name: getattr(record, name) for name in names})


_BEFORE_PIECES = st.lists(st.sampled_from(["总投资", "在", "全市", "全", "第", "其余", "居全省", "每低", "每", "提高", "权重",
                                           "分值", "为", "指标占", "全部", "全县", "等", "\n", "甲", " ", "，"]),
                          max_size=8).map("".join)
# What the words after a figure or a clause start may be: the first words of the patterns anchored there, and others.
_AFTER_PIECES = st.lists(st.sampled_from(["/1", "/", ":2", "：", "1", "四个方面", "方面", "规定", "鼓励", "积极", "支持企业",
                                          "学生", "对", "对于", "凡", "（一）", "对标", "一批", "一", "二期", "二", "零部件",
                                          "的", "的，", "得", "甲", "主要指标", "指标", "按", "按投资额", "每", " ", "\u3000"]),
                         max_size=6).map("".join)
# (pattern, the set the first or last character of a window must lie in, or a character it must hold; how it is searched)
_GATED = [(measures._SCOPE_BEFORE, measures._SCOPE_ENDS, "end"), (measures._PER_STEP_BEFORE, measures._PER_STEP_ENDS, "end"),
          (measures._WEIGHT_BEFORE, measures._WEIGHT_ENDS, "end"), (measures._WHOLE_SET_BEFORE, measures._WHOLE_SET_ENDS, "end"),
          (measures._LISTED_COUNT_BEFORE, measures._LISTED_COUNT_ENDS, "end"),
          (measures._SCORE_AFTER, measures._SCORE_STARTS, "start"), (measures._PER_SO_MANY, measures._PER_SO_MANY_STARTS, "start"),
          (measures._RATIO, measures._RATIO_STARTS, "start"), (measures._NAMED_SET_AFTER, measures._NAMED_SET_STARTS, "start"),
          (measures._ENCOURAGED, measures._ENCOURAGED_STARTS, "start"), (measures._ELIGIBILITY, measures._ELIGIBILITY_STARTS, "start"),
          (measures._VAGUE_COUNT, measures._VAGUE_STARTS, "start"), (measures._QUALIFIER_AFTER, measures._QUALIFIER_NEEDS, "held"),
          (measures._OUTLINE_AFTER, measures._OUTLINE_NEEDS, "held"), (measures._RATE_OF_BASE, measures._RATE_OF_BASE_NEEDS, "held")]


def _spared(window, gate, where):
    """Whether the look at ``window`` spares its search."""
    if where == "held":
        return gate not in window
    return (window[-1:] if where == "end" else window[:1]) not in gate


@settings(max_examples=500, deadline=None)
@given(st.one_of(_BEFORE_PIECES, _AFTER_PIECES))
def test_a_look_at_one_character_spares_only_searches_that_find_nothing(window):
    for pattern, gate, where in _GATED:
        found = (pattern.search if where == "end" else pattern.match)(window) is not None
        assert not (found and _spared(window, gate, where)), (pattern.pattern, window)


def test_the_generated_words_are_found_by_each_gated_pattern():
    found = {(pattern.pattern, where) for pattern, _, where in _GATED for window in
             ["总投资", "每低", "权重为\n", "全县", "甲、乙等", "的，", "/1", "：2", "方面工作", "积极鼓励学生", "（一）对于", "一批",
              "的", "主要指标", "按投资额的"]
             if (pattern.search if where == "end" else pattern.match)(window) and not _spared(window, _, where)}
    assert len(found) == len(_GATED) and "\n" in measures._WEIGHT_ENDS


def _counted_noun_slow(text, q, next_start):
    """_counted_noun reading the words after the figure up to the first stop of a clause or list."""
    if q.base_unit not in measures._CLASSIFIERS and q.base_unit not in measures._RATE_UNITS:
        return ""
    end = boundary_after(text, q.end, CLAUSE_END + "、")
    after = text[q.end:end if next_start is None else min(end, next_start)]
    after = after[1:] if after.startswith("的") else after
    m = measures._COUNTED.match(after)
    return m.group(0) if m and q.base_unit in measures._CLASSIFIERS or m and text[q.end:q.end + 1] == "的" else ""


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["3家", "90%", "以上", "的", "，", "、", "。", "；", "企业", "甲" * 14, "“", "”", "5个", "10万元",
                                 " ", "和"]), max_size=10).map("".join))
def test_the_counted_noun_is_read_as_up_to_the_first_stop(text):
    quantities = find_quantities(text)
    nexts = [q.number_start for q in quantities[1:]] + [None]
    assert ([measures._counted_noun(text, q, n) for q, n in zip(quantities, nexts)]
            == [_counted_noun_slow(text, q, n) for q, n in zip(quantities, nexts)])


def test_the_generated_texts_count_nouns_of_every_length():
    text = "建成3家" + "甲" * 14 + "乙乙，90%以上的企业、5个，80%的" + "丙" * 14 + "丁丁"
    longest = ["甲" * 14 + "乙", "企业", "", "丙" * 14 + "丁"]
    assert [measures._counted_noun(text, q, None) for q in find_quantities(text)] == longest


def _closes_with_de_slow(text, q):
    """The clause after the figure, read up to its end, closes with 的 before a comma and holds no copula."""
    end = boundary_after(text, q.end, CLAUSE_END)
    closing = text[q.end:end].rstrip()
    return end < len(text) and text[end] not in SENTENCE_END and closing.endswith("的") and not nt._COPULA.search(closing)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["3次", "的", "，", "。", "；", "是", "必要", "不合格", " ", "\n", "甲" * 1100, "：", "20%"]),
                max_size=10).map("".join))
def test_a_clause_closing_with_de_is_found_as_by_reading_the_clause_to_its_end(text):
    quantities = find_quantities(text)
    assert [nt._closes_with_de(text, q) for q in quantities] == [_closes_with_de_slow(text, q) for q in quantities]


def test_the_generated_texts_close_clauses_with_de():
    text = "连续3次不合格的，取消。增长20%是必要的，3次的。连续3次" + "甲" * 1100 + "的，取消"  # (a long clause last)
    assert [nt._closes_with_de(text, q) for q in find_quantities(text)] == [True, False, False, True]


_HARDNESS_PIECES = st.lists(st.sampled_from(["力争", "确保", "争取", "努力", "力", "争", "，", "达到", "20家"]),
                            max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(_HARDNESS_PIECES, st.integers(0, 6), st.integers(0, 30))
def test_the_hardness_of_a_clause_is_its_last_hardness_word(text, start, end):
    last = None
    for last in measures._HARDNESS.finditer(text, start, end):
        pass
    assert measures._hardness(text, start, end) == (last.group(0) if last else None)


def test_the_generated_texts_hold_two_hardness_words():
    assert measures._hardness("力争确保达到20家", 0, 9) == "确保"


_SHARED_FIGURE_PIECES = st.lists(st.sampled_from(["城乡居民收入", "分别", "均", "增长", "7%", "8%", "和", "、", "，", "。", "；",
                                                  "力争", "达到", "20家", "甲"]), max_size=12).map(lambda pieces: "甲" + "".join(pieces))


@settings(max_examples=300, deadline=None)
@given(_SHARED_FIGURE_PIECES)
def test_the_clause_starts_the_reader_hands_to_respectively_are_those_a_search_finds(text):
    handed = []
    respectively = measures._respectively

    def capture(text, found, clause_starts):
        handed.append((found, clause_starts))
        return respectively(text, found, clause_starts)

    measures._respectively = capture
    try:
        measures.read_measures(parse(text), ())
    finally:
        measures._respectively = respectively
    (found, clause_starts), = handed
    assert all(start == boundary_before(text, at, CLAUSE_END) for at, start in clause_starts.items())
    assert set(clause_starts) == {m.quantity.start for m in found}
    assert respectively(text, found, clause_starts) == respectively(text, found, {})


def test_the_generated_texts_share_figures_between_subjects():
    text = "甲，城乡居民收入分别增长7%和8%。"
    assert [m.metric for m in measures.read_measures(parse(text), ())] == ["城镇居民收入增长", "农村居民收入增长"]
