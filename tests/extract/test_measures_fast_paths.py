"""The gates of the measures reader answer as the searches they spare.

Each test writes the slow definition out (the search with no gate) and compares it with the gated one on
generated phrases whose pieces make both answers common, so that a gate that drops a match fails.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policykit.extract import _measures as ms


def _pieces(*pieces: str, size: int = 12):
    return st.lists(st.sampled_from(pieces), max_size=size).map("".join)


# The sharing words and their look-alikes (人均, 均衡, 首都), leads and tails of metrics, spaces and digits.
_METRIC_PIECES = _pieces("分别", "均", "人均", "均衡", "都", "首都", "城乡居民", "收入", "、", "和", "全市", "确保",
                         "力争", "到2025年", "1.", "12", " ", "\u3000", "\n", "（", "增长", "同比", "总量", "甲")


def _clean_metric_slow(raw: str) -> str:
    metric = ms._OPEN_ASIDE.sub("", raw.strip())
    for _ in range(3):
        lead = ms._METRIC_LEAD.match(metric)
        trimmed = metric[lead.end():] if lead else metric
        tail = ms._METRIC_TAIL.search(trimmed) if trimmed[-1:] in ms._METRIC_TAIL_ENDS else None
        trimmed = trimmed[:tail.start()] + trimmed[tail.end():] if tail else trimmed
        if trimmed == metric:
            break
        metric = trimmed
    return metric.strip()


@settings(max_examples=500, deadline=None)
@given(_METRIC_PIECES)
def test_a_metric_is_cleaned_as_by_trying_the_lead_on_every_metric(raw):
    assert ms._clean_metric(raw) == _clean_metric_slow(raw)


@settings(max_examples=500, deadline=None)
@given(_METRIC_PIECES)
def test_the_sharing_word_is_found_as_by_searching_every_phrase(phrase):
    fast, slow = ms._shares(phrase), ms._SHARING.search(phrase)
    assert (fast and fast.span()) == (slow and slow.span())


def test_the_gates_pass_the_characters_a_lead_or_a_sharing_word_opens_with():
    for first in ("、", "全", "1", "１", " ", "\u3000", "确", "较"):
        assert ms._leads_off(first), first
    assert not ms._leads_off("") and not ms._leads_off("城")
    assert ms._shares("城乡居民收入分别增长") and ms._shares("城乡均") and not ms._shares("人均收入")
    assert ms._clean_metric("、全市 1.城镇新增就业") == "城镇新增就业"


# Past words (去年 after 比 is none), past months, future words and the words around them.
_SENTENCE_PIECES = _pieces("去年", "比去年", "上年", "截至", "1-5月", "一至三月", "三季度", "已完成", "力争", "到2025年",
                           "拟", "年内", "预计", "全市", "增长", "8%", "，", " ", "甲", "年", "2", size=10)


@settings(max_examples=500, deadline=None)
@given(_SENTENCE_PIECES)
def test_the_tense_of_a_sentence_is_read_as_by_searching_each_word_row(sentence):
    worded = ms._PAST_OR_FUTURE.search(sentence) is not None
    past = ms._PAST.search(sentence) is not None or ms._PAST_MONTHS.search(sentence) is not None
    future = ms._FUTURE.search(sentence) is not None
    assert ms._is_past(sentence, worded) == past and ms._is_past(sentence) == past
    assert (past or worded and future) == (past or future)


def test_the_one_scan_finds_a_past_or_a_future_word_alone():
    for sentence in ("截至目前完成8家", "力争完成8家", "比去年增长8%，上年", "到2025年达到"):
        assert ms._PAST_OR_FUTURE.search(sentence), sentence
    assert ms._PAST_OR_FUTURE.search("比去年增长8%") is None and not ms._is_past("比去年增长8%", False)
    assert ms._is_past("1-5月完成8家", False)  # the past months are searched whatever the one scan says


@settings(max_examples=300, deadline=None)
@given(st.lists(_METRIC_PIECES, max_size=20))
def test_a_memoised_metric_is_the_metric_cleaned_afresh(raws):
    for raw in raws + raws[::-1]:  # every phrase cleaned again, after the others
        assert ms._clean_metric(raw) == _clean_metric_slow(raw)


def test_figures_joined_by_each_list_word_share_their_subjects():
    from policykit.extract import parse
    for join in sorted(ms._LIST_JOINS):  # the figures of the list are grouped only when no more than a join apart
        measures = ms.read_measures(parse(f"甲，城乡居民收入分别增长7%{join}8%。"), ())
        assert [m.metric for m in measures] == ["城镇居民收入增长", "农村居民收入增长"], join
    assert ms._JOIN_REACH == max(len(join) for join in ms._LIST_JOINS)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_the_digest_of_a_measure_s_words_is_hashlib_s(words):
    import hashlib
    assert ms.sha1(words.encode()).hexdigest() == hashlib.sha1(words.encode()).hexdigest()


def test_the_keys_of_measures_instruments_and_table_figures_hold_hashlib_s_digest():
    import hashlib
    from policykit.extract import parse
    from policykit.text import DocumentMetadata

    def digest(words: str) -> str:
        return hashlib.sha1(words.encode()).hexdigest()[:8]

    doc = parse("力争市级重点实验室达到20家以上，给予最高50万元奖励。新增就业1万人。", DocumentMetadata(year=2023))
    measures = ms.read_measures(doc, ())
    assert {m.role for m in measures} == {"target", "instrument"}
    for m in measures:
        assert m.key == f"doc#{'i' if m.role == 'instrument' else ''}{digest(m.text)}.0", m
    table = ("主要指标\n指标名称\t2020年\t2025年\n地区生产总值（亿元）\t100\t150\n")
    doc = parse(table, DocumentMetadata(year=2021))
    rows = [m for m in ms.read_measures(doc, ()) if "#t" in m.key]
    assert rows, "a table figure is read"
    for m in rows:
        assert m.key == f"doc#t{digest(f'{m.metric}|{m.year}|{m.text}')}.{m.quantity.start}", m


# A plan's figures in sentences stating a year before the plan, with and without past and future words.
_PLAN_TITLE = "中州市“十四五”生态环境保护规划\n"
_REVIEW_PIECES = _pieces("2020年，", "到2025年，", "力争", "已完成", "上半年", "截至", "拟", "空气质量优良天数比例达到78.1%",
                         "新建基站3000个", "。", "；", "，", "\n", "1-5月", "甲", size=10)


def _roles_and_years(text):
    from policykit.extract import DocumentMetadata, parse
    return [(m.role, m.year, m.start) for m in ms.read_measures(parse(text, DocumentMetadata(doc_type="action_plan")), ())]


@settings(max_examples=300, deadline=None)
@given(_REVIEW_PIECES)
def test_a_review_of_earlier_years_reads_the_future_word_as_a_search_of_the_sentence_would(text):
    text = _PLAN_TITLE + text
    fast = _roles_and_years(text)
    reviews_before = ms._reviews_before
    # (each paragraph read afresh too: no read of an earlier figure's carried over)
    ms._reviews_before = lambda text, start, q, first_year, future, paragraphs: reviews_before(text, start, q, first_year,
                                                                                                None, {})
    try:
        assert fast == _roles_and_years(text)
    finally:
        ms._reviews_before = reviews_before


def test_a_future_word_keeps_a_figure_of_an_earlier_year_a_target():
    assert [role for role, _, _ in _roles_and_years(_PLAN_TITLE + "2020年，力争空气质量优良天数比例达到78.1%。")] == ["target"]
    assert [role for role, _, _ in _roles_and_years(_PLAN_TITLE + "2020年，空气质量优良天数比例达到78.1%。")] == ["observation"]


# The words before and after figures an assessment scores, a clause naming who qualifies and a described set use,
# with others, spaces and stops.
_AROUND_PIECES = _pieces("每低", "每高", "每增加", "权重", "权重为", "分值", "指标占", "对", "凡", "对于", "（一）", " ", "\n",
                         "达到", "6%", "的", "得满分", "扣2分", "企业", "年营业收入", "超过", "，", "。", "甲", size=10)


@settings(max_examples=600, deadline=None)
@given(_AROUND_PIECES)
def test_the_looks_taken_before_the_calls_of_measures_something_spare_only_calls_that_answer_no(text):
    from policykit.extract import find_quantities
    for q in find_quantities(text):
        before, after = text[q.start - 12 if q.start > 12 else 0:q.start], text[q.end:q.end + 12]
        clause_start = ms.boundary_before(text, q.start, ms.CLAUSE_END)
        if not (before[-1:] in ms._SCORING_ENDS or after[:1] in ms._SCORE_STARTS):
            assert not ms._is_scoring(before, after)
        if text[clause_start:clause_start + 1] not in ms._ELIGIBILITY_STARTS:
            assert not ms._is_eligibility(text, q, clause_start)
        if ms._QUALIFIER_NEEDS not in after:
            assert not ms._is_qualifier(q, after)


def test_the_generated_texts_score_by_each_rule_and_name_who_qualifies():
    for before, after in (("每低", "扣0.5分"), ("权重", "，"), ("指标占", "。"), ("达到", "的得满分")):
        assert ms._is_scoring(before, after) and (before[-1:] in ms._SCORING_ENDS or after[:1] in ms._SCORE_STARTS)
    text = "对年营业收入超过1亿元的企业"
    from policykit.extract import find_quantities
    (q,) = find_quantities(text)
    assert ms._is_eligibility(text, q, 0) and text[:1] in ms._ELIGIBILITY_STARTS and ms._QUALIFIER_NEEDS in text[q.end:]


# Figures of counts and shares, and what may follow them: stops, 的, counted nouns.
_COUNTED_PIECES = _pieces("3家", "90%", "5个", "2亿元", "的", "企业", "乡镇", "。", "，", "；", "、", "\n", " ", "以上", "甲",
                          size=10)


@settings(max_examples=400, deadline=None)
@given(_COUNTED_PIECES)
def test_a_figure_a_stop_follows_counts_no_noun_after_it(text):
    """The reader's look before _counted_noun: a figure followed by a stop (or by the end) is given none."""
    from policykit.extract import find_quantities
    for q in find_quantities(text):
        if text[q.end:q.end + 1] in ms._STOP_AFTER:
            assert ms._counted_noun(text, q, None) == ""


def test_a_quote_opening_with_no_separator_is_not_moved():
    """The reader's look before _skip_separators: a start on no separator (written out here) stays, one on a
    separator moves."""
    text = "、，, \u3000\t甲：乙:丙"
    assert [ms._skip_separators(text, start, len(text)) == start for start in range(len(text))] == [
        ch not in "、，,：: \t\u3000" for ch in text]


def test_the_reader_reads_the_counted_noun_of_a_figure_no_stop_follows():
    """The look before _counted_noun spares the call for a stop only: a noun (企业), a 的 or a space after a count
    or share still reaches the metric."""
    from policykit.extract._parsed import parse
    from policykit.text import DocumentMetadata
    for text, metric in (("推动3家企业开展改造。", "推动企业"), ("90%以上的乡镇卫生院达标。", "乡镇卫生院")):
        (m,) = ms.read_measures(parse(text, DocumentMetadata(year=2024)), ())
        assert metric in m.metric, (text, m.metric)


def test_the_reader_s_quote_skips_the_separators_a_clause_opens_with():
    """The look before _skip_separators spares the call only where the quote opens with no separator."""
    from policykit.extract._parsed import parse
    from policykit.text import DocumentMetadata
    for text, quote in (("全市，\u3000新建5个园区。", "新建5个"), ("全市： 新建5个园区。", "新建5个"), ("新建3个、5个园区。", "5个")):
        assert ms.read_measures(parse(text, DocumentMetadata(year=2024)), ())[-1].text == quote, text


# Sizes (万元, 亿元) and counts and shares, with what may stand around them: size-class words, operators of a formula.
_SIZED_PIECES = _pieces("投资", "500万元", "10亿元", "3家", "20%", "5个", "以上", "技术改造项目", "企业", "过", "级", "×", "=",
                        "/", "*", "÷", "的", "，", "甲", size=10)


@settings(max_examples=600, deadline=None)
@given(_SIZED_PIECES)
def test_the_looks_measures_something_takes_once_answer_as_the_rules_own(text):
    from policykit.extract import find_quantities
    for q in find_quantities(text):
        before, after = text[q.start - 12 if q.start > 12 else 0:q.start], text[q.end:q.end + 12]
        if q.base_unit in ms._CLASSIFIERS or q.base_unit in ms._RATE_UNITS:  # not looked at for them
            assert not ms._is_size_class(q, after)
        assert (before[-1:] in ms._FORMULA_ENDS) == before.endswith(("×", "*", "÷", "="))
        assert (before[-1:] == "/") == before.endswith("/")


def test_a_size_class_a_formula_and_a_rate_per_so_many_measure_nothing():
    from policykit.extract import parse
    for text, figure in (("投资500万元以上技术改造项目", "500万元"), ("过10亿元企业", "10亿元"), ("A=B×30%", "30%"),
                         ("系数=1.5%", "1.5%"), ("达到3/5家", "5家")):
        doc = parse(text)
        (q,) = [q for q in doc.quantities if text[q.number_start:q.end].startswith(figure)]
        i = doc.quantities.index(q)
        next_start = doc.quantities[i + 1].number_start if i + 1 < len(doc.quantities) else None
        before = text[q.start - 12 if q.start > 12 else 0:q.start]
        assert not ms._measures_something(text, q, before, next_start, doc.quantities[i - 1] if i else None, 0, 0, doc), text


# Lists of payments and of other figures, with the words that pay and those that do not.
_PAID_PIECES = _pieces("国家级300万元、省级80万元", "300万元、80万元", "20万元和10万元", "300万元", "、", "和", "的奖励",
                       "的补贴", "给予", "，", "。", "甲", size=6)


@settings(max_examples=600, deadline=None)
@given(_PAID_PIECES)
def test_the_looks_taken_before_the_paid_list_and_the_next_figure_spare_only_calls_that_answer_no(text):
    from policykit.extract import find_quantities
    from policykit.extract._non_targets import heads_a_paid_list
    for q in find_quantities(text):
        if text[q.end:q.end + 1] not in ms._LIST_ITEM_STARTS:
            assert not heads_a_paid_list(text, q)
        assert not ms._next_in_list(text, -1, q.start)


def test_a_paid_list_and_the_figures_after_a_payment_are_instruments():
    from policykit.extract import parse
    from policykit.text import DocumentMetadata
    for text, paid in (("对国家级300万元、省级80万元的奖励。", 2), ("对一等奖20万元和二等奖10万元的奖励。", 2),
                       ("最高奖励1000万元、500万元。", 2)):
        measures = ms.read_measures(parse(text, DocumentMetadata(year=2024)), ())
        assert [m.role for m in measures] == ["instrument"] * paid, text


_KINDS = st.sampled_from(("level", "increase", "decrease", "growth_rate", "share"))
_KEY_PIECES = _pieces("地区生产总值", "国内生产总值", "GDP", "经济", "增长", "城镇调查失业率", "单位", "能耗", "贡献率", "对",
                      "居民消费价格", "涨幅", "甲", size=6)


@settings(max_examples=500, deadline=None)
@given(_KEY_PIECES, _KINDS, st.sampled_from(("%", "个", "亿元")))
def test_a_linked_key_is_the_metric_key_the_unit_agrees_with(metric, kind, unit):
    from policykit.extract import find_quantities
    from policykit.extract._metrics import metric_key
    (q,) = find_quantities("5" + unit)
    key = metric_key(metric, kind)
    slow = key if key is not None and (q.base_unit in ms._RATE_UNITS) == (key.endswith("_growth") or key in ms.RATE_KEYS) else None
    assert ms._linked_key(metric, kind, q) == slow


# The narration row as written before its Han character before 了 became a lookbehind and the row was searched apart
# from the past words: the slow definition.
_REPORTING_MORE_AS_WRITTEN = r"|[\u4e00-\u9fff]了[\u4e00-\u9fff\d]|累计|先后|共计|全年共"
_NARRATION_PIECES = _pieces("了", "开展", "甲", "1", "12", "a", " ", "。", "；", "\n", "累计", "先后", "共计", "全年共",
                            "去年", "较", "1-5月", "一至三", "月", "力争", "到2025年", "已完成", size=14)


@settings(max_examples=600, deadline=None)
@given(_NARRATION_PIECES)
def test_narration_is_found_as_by_the_row_as_written(text):
    import re
    as_written = re.compile(ms._PATTERNS["past"] + "|" + ms._PATTERNS["past_months"] + _REPORTING_MORE_AS_WRITTEN)
    assert (ms._is_past(text) or ms._REPORTING_MORE.search(text) is not None) == (as_written.search(text) is not None)
    sentences = re.split(f"[{ms.SENTENCE_END}]", text)
    past = sum(1 for s in sentences if as_written.search(s))
    assert ms._mostly_reports(text) == (past > 2 * sum(1 for s in sentences if ms._FUTURE.search(s)))


def test_narration_with_le_needs_a_han_character_before_it():
    assert [ms._REPORTING_MORE.search(s) is not None for s in ("开展了3次", "了3次", "1了3", "开展了a", "甲了乙")] == [
        True, False, False, False, True]


# The plan's words and its heading lines in one row, as written before they were searched apart: the slow definition.
_PLAN_PART_AS_ONE = (r"预期目标(?:是|为|如下|作了)|总体要求是|(?:主要|预期|发展)目标(?:是|为)?[：:]|(?m:^[ \t\u3000]*[一二三四五六七八九十]+、"
                     r"(?![^\n]*(?:回顾|总结|成就|成效))[^\n]{0,30}(?:总体要求|预期目标|目标任务|工作安排|工作任务|工作部署|工作建议|主要工作|重点工作|"
                     r"(?:今年|\d{4}年)工作(?![^\n]*(?:回顾|总结|情况)))[^\n]{0,20}$)")
_PLAN_TEXT_PIECES = _pieces("一、", "十二、", "\n", " ", "\u3000", "预期目标", "主要目标", "发展目标", "目标", "是", "为", "：", "如下",
                            "总体要求", "总体要求是", "回顾", "总结", "情况", "工作安排", "今年", "2024年", "工作", "甲", size=16)


@settings(max_examples=600, deadline=None)
@given(_PLAN_TEXT_PIECES)
def test_the_plan_starts_where_the_row_as_written_first_matches(text):
    import re
    first = re.search(_PLAN_PART_AS_ONE, text)
    assert ms._plan_start(text) == (first.start() if first else None)


def test_the_plan_starts_at_the_first_of_its_words_and_heading_lines():
    assert [ms._plan_start(t) for t in ("甲\n二、今年工作安排\n预期目标是", "主要目标：\n二、2024年工作", "一、工作回顾\n工作安排",
                                        "一、重点工作\n二、工作安排")] == [2, 0, None, 0]
