"""The sieves and cheap orders of the non-target rules answer as the rules written plainly.

Each test writes the slow definition out and compares it with the rule on generated texts whose pieces make
both answers common, so that a fast path that drops or invents an answer fails.
"""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from policykit.extract import find_quantities, parse
from policykit.extract import _non_targets as nt


def _pieces(*pieces: str, size: int = 16):
    return st.lists(st.sampled_from(pieces), max_size=size).map("".join)


def _agree(fast, slow, text):
    """Whether a rule and its slow definition answer alike for every figure of ``text``."""
    quantities = find_quantities(text)
    return [fast(text, q) for q in quantities] == [slow(text, q) for q in quantities]


def _is_basis_slow(text, q):
    return bool(nt._BASIS.search(text, max(0, q.start - 8), q.start))


_BASIS_PIECES = _pieces("每", "认定", "投资", " ", "\u3000", "\n", "1家", "5所", "10万元", "给予", "甲", "，")


@settings(max_examples=400, deadline=None)
@given(_BASIS_PIECES)
def test_a_basis_is_read_as_by_searching_the_window_before_every_figure(text):
    assert _agree(nt.is_basis, _is_basis_slow, text)


def test_the_generated_texts_hold_bases_after_spaces_and_line_ends():
    for text in ("每认定1家", "每 5所", "每\n5所"):
        assert nt.is_basis(text, find_quantities(text)[0]) and _is_basis_slow(text, find_quantities(text)[0])


def _names_occasions_slow(text, q):
    if q.cue is not None:
        return False
    if nt._RUN.search(text, max(0, q.start - 4), q.start):
        return True
    written = text[q.number_start:q.end]
    return (q.unit in nt._COUNT_UNITS and any(written == numeral + q.unit for numeral in nt._ORDINALS)
            and re.match(r"[\u4e00-\u9fff]", text[q.end:q.end + 1]) is not None)


_OCCASION_PIECES = _pieces("连续", "二次", "两次", "三次", "二个", "2次", "\n", " ", "污染", "以上", "，", "。", "二")


@settings(max_examples=400, deadline=None)
@given(_OCCASION_PIECES)
def test_occasions_are_read_as_by_the_plain_rule(text):
    assert _agree(nt.names_occasions, _names_occasions_slow, text)


def test_the_generated_texts_name_occasions_after_a_line_end_and_by_an_ordinal():
    for text in ("连续\n三次抽检", "防止二次污染"):
        assert nt.names_occasions(text, find_quantities(text)[0]) and _names_occasions_slow(text, find_quantities(text)[0])


def _works_on_existing_slow(text, q, clause_start, next_start):
    """works_on_existing with the counted phrase's end read first, as the measures reader once passed it."""
    clause_end = nt.boundary_after(text, q.end, nt.CLAUSE_END)
    counted_end = min(clause_end, next_start or clause_end)
    if q.cue is not None or not nt._WORKING_VERB.search(text, clause_start, q.start):
        return False
    if nt._FRAME.search(text, clause_start, q.start):
        return False
    return not nt._OUTCOME_TAIL.search(text[q.end:counted_end].rstrip())


_WORKING_PIECES = _pieces("抓好", "推进", "力争", "550个", "40项", "以上", "专项", "、", "和", "环境整治", "项目", "，", "。", " ")


@settings(max_examples=400, deadline=None)
@given(_WORKING_PIECES)
def test_work_on_existing_things_is_read_as_with_the_counted_end_read_first(text):
    quantities = find_quantities(text)
    starts = [nt.boundary_before(text, q.start, nt.CLAUSE_END) for q in quantities]
    nexts = [later.start if later.start < nt.boundary_after(text, q.end, nt.CLAUSE_END) else None
             for q, later in zip(quantities, quantities[1:])] + [None]
    assert ([nt.works_on_existing(text, q, s, n) for q, s, n in zip(quantities, starts, nexts)]
            == [_works_on_existing_slow(text, q, s, n) for q, s, n in zip(quantities, starts, nexts)])


def test_the_generated_texts_work_on_existing_things_and_name_results():
    text = "推进40项专项、80项环境整治，抓好550个项目"
    quantities = find_quantities(text)
    assert [nt.works_on_existing(text, q, 0 if i < 2 else 16, None if i else quantities[1].start)
            for i, q in enumerate(quantities)] == [True, False, True]


def _heads_a_paid_list_slow(text, q):
    """heads_a_paid_list reading the figures of every list it meets, with no look for a payment word first."""
    if not nt._LIST_ITEM.match(text, q.end):
        return False
    rest = text[q.end:nt.boundary_after(text, q.end, nt.CLAUSE_END)]
    at, last = 0, None
    for figure in find_quantities(rest):
        if not nt._LIST_ITEM.fullmatch(rest, at, figure.start):
            break
        at, last = figure.end, figure
    return last is not None and nt._PAID_AFTER.match(rest[last.end:]) is not None


# Lists of figures (joined as lists join them, with a short label or none) closed by words each payment word, a
# word that shares a character with them (补短板) or a stop may stand among.
_FIGURES = st.sampled_from(("300万元", "80万元", "10%", "5家"))
_PAID_LIST_PIECES = st.builds(
    lambda head, items, tail: head + "".join(items) + tail,
    _pieces("给予", "国家级", "，", size=2),
    st.lists(st.tuples(st.sampled_from(("", "、", "和", "、省级", "，")), _FIGURES).map("".join), min_size=1, max_size=4),
    _pieces("的", "奖励", "补助", "补贴", "资助", "奖补", "贴息", "补短板", "给予", "一次性", "，", "。", "甲", size=4))


@settings(max_examples=600, deadline=None)
@given(_PAID_LIST_PIECES)
def test_a_paid_list_is_read_as_when_every_list_is_read(text):
    assert _agree(nt.heads_a_paid_list, _heads_a_paid_list_slow, text)


def test_the_generated_texts_head_paid_lists_ending_in_each_payment_word():
    for word in ("奖励", "补助", "补贴", "资助", "奖补", "贴息"):
        text = f"国家级300万元、省级80万元的{word}"
        assert nt.heads_a_paid_list(text, find_quantities(text)[0]) and _heads_a_paid_list_slow(text, find_quantities(text)[0])


def _is_support_condition_slow(text, q, sentence_start):
    """is_support_condition reading the sentence's end and its payment words for every figure."""
    end = nt.boundary_after(text, q.end, nt.SENTENCE_END)
    support = nt._SUPPORT.search(text, q.end, end)
    if support is None:
        return False
    closed = max(text.rfind(stop, q.end, support.start()) for stop in nt.CLAUSE_END)
    if closed == -1 or nt._DE not in text[q.end:closed]:
        return False
    return not nt._AIM.search(text, sentence_start, q.start)


# A figure, then words where the condition's 的 may stand after a comma or a sentence's stop, then a payment.
_CONDITION_PIECES = st.builds(
    lambda head, figure, middle, tail: head + figure + middle + tail,
    _pieces("力争", "年销售收入", "达到", "，", size=3), st.sampled_from(("2000万元", "10%")),
    _pieces("的", "，", "。", "；", "\n", "甲", "力争", "50万元", size=5),
    _pieces("，给予补助", "给予", "最高", "50万元", "的", "补助", size=3))


@settings(max_examples=600, deadline=None)
@given(_CONDITION_PIECES)
def test_a_support_condition_is_read_as_when_every_sentence_end_is_read(text):
    quantities = find_quantities(text)
    starts = [nt.boundary_before(text, q.start, nt.SENTENCE_END) for q in quantities]
    assert ([nt.is_support_condition(text, q, s) for q, s in zip(quantities, starts)]
            == [_is_support_condition_slow(text, q, s) for q, s in zip(quantities, starts)])


def test_the_generated_texts_hold_support_conditions():
    for text in ("年销售收入达到2000万元的，给予补助", "年销售收入达到2000万元，甲的，给予补助"):
        assert nt.is_support_condition(text, find_quantities(text)[0], 0) and _is_support_condition_slow(text, find_quantities(text)[0], 0)


# Bases after 每, labels, occasions and quoted sets, with and without a comparator word before or after them.
_CUE_FREE_PIECES = _pieces("每", "5所", "二类", "连续", "三次", "两张", "“两张清单”", "不少于", "超过", "以上", "配备",
                           "1名", "，", "甲", size=12)


@settings(max_examples=400, deadline=None)
@given(_CUE_FREE_PIECES)
def test_the_rules_asked_only_of_figures_without_a_comparator_word_answer_no_for_the_others(text):
    doc = parse(text)
    quantities = doc.quantities
    assert not any(nt.per_basis(text, q, 0, earlier) or nt.is_label(q) or nt.names_occasions(text, q)
                   or nt.names_quoted_set(doc, q) for q, earlier in zip(quantities, (None, *quantities)) if q.cue is not None)


def test_the_generated_texts_hold_figures_with_a_comparator_word_and_each_rule_without():
    text = "每5所配备1名，二类，连续三次，“两张清单”落实两张清单，不少于5所"
    doc = parse(text)
    qs = doc.quantities
    assert [q.cue is not None for q in qs][-1] and nt.per_basis(text, qs[1], 0, qs[0]) and nt.is_label(qs[2])
    assert nt.names_occasions(text, qs[3]) and nt.names_quoted_set(doc, qs[5])


# The words after a figure: those of the rules applied and of the bounds within, and others.
_AFTER_FIGURE_PIECES = _pieces("的比例", "比例", "加计扣除", "的税率", "的", "内", "以内", "范围内", "换乘", "甲", "，", " ",
                               "\n", size=4)


@settings(max_examples=400, deadline=None)
@given(_AFTER_FIGURE_PIECES)
def test_a_look_at_the_character_after_a_figure_spares_only_tries_that_find_nothing(window):
    for pattern, gate in ((nt._RULE_AFTER, nt._RULE_AFTER_STARTS), (nt._WITHIN, nt._WITHIN_STARTS)):
        assert pattern.match(window) is None or window[:1] in gate, (pattern.pattern, window)


def test_the_generated_words_are_found_by_each_gated_rule():
    rule, within = "研发费用税前100%加计扣除", "公交与轨道50米内换乘比例达91%"
    (q,), (near, far) = find_quantities(rule), find_quantities(within)
    assert nt.is_applied_rule(rule, q, 0) and nt.bounds_later_metric(within, near, far.number_start)
    assert {window[:1] for window in ("的比例", "比例", "加计扣除", "内", "以内", "范围内")} <= (
        nt._RULE_AFTER_STARTS | nt._WITHIN_STARTS)


# Whole texts with and without the lead words, their colons and the quote marks, and the characters after a mark.
_WHOLE_TEXT_PIECES = _pieces("条件", "标准", "门槛", "如下", "为", "是", "：", ":", " ", "\t", "\u3000", "\n", "是指", "指",
                             "的是", "甲", "“", "「", "『", '"', "”", "两张", "三个", "，", size=12)


@settings(max_examples=500, deadline=None)
@given(_WHOLE_TEXT_PIECES)
def test_the_threshold_cues_are_found_as_by_searching_the_whole_text(text):
    assert nt.threshold_cues(text) == (nt._DEFINITION.search(text) is not None, nt._LEAD.search(text) is not None)


@settings(max_examples=500, deadline=None)
@given(_WHOLE_TEXT_PIECES)
def test_the_quote_openings_are_those_a_class_scan_finds(text):
    slow: dict[str, list[int]] = {}
    for m in re.finditer("[" + re.escape(nt._OPENING_MARKS) + "]", text):
        slow.setdefault(text[m.start() + 1:m.start() + 2], []).append(m.start())
    assert nt.quote_openings(text) == slow


def test_the_generated_texts_hold_each_lead_word_and_each_quote_mark():
    for word in ("条件", "标准", "门槛"):
        assert nt.threshold_cues(f"甲{word}如下：乙") == (False, True)
        assert nt.threshold_cues(f"甲{word}如下乙") == (False, False)
    for text in ("标准：", "门槛为 ：", "条件是\u3000\t:", "所称企业是指", "指的是", "是指"):
        assert nt.threshold_cues(text) == (nt._DEFINITION.search(text) is not None, nt._LEAD.search(text) is not None)
    assert nt.threshold_cues("指标如下：指导") == (False, False)
    assert list(nt.quote_openings('“两张”「三个」『甲』"乙')) == ["两", "三", "甲", "乙"]


# A figure, then 的, stops of clauses and sentences and words, in any order: a 的 before or after the first stop.
_DE_PIECES = st.builds(lambda head, figure, tail: head + figure + tail,
                       _pieces("年销售收入", "达到", "，", "认定条件如下：", size=3), st.sampled_from(("2000万元", "10%", "3次")),
                       _pieces("的", "，", "。", "；", "\n", "甲", "是必要", "给予补助", "50万元", "不合格", size=8))


@settings(max_examples=600, deadline=None)
@given(_DE_PIECES)
def test_a_figure_no_de_follows_is_no_support_condition_and_closes_no_clause_with_de(text):
    doc = parse(text)
    for q in doc.quantities:
        start = nt.boundary_before(text, q.start, nt.SENTENCE_END)
        de = nt.de_follows(text, q)
        assert de or not nt.is_support_condition(text, q, start)
        assert nt.is_threshold(doc, q, start, de) == nt.is_threshold(doc, q, start)


def test_the_generated_texts_close_clauses_with_de_after_a_figure():
    for text in ("连续3次检查不合格的，取消", "年销售收入达到2000万元的，给予补助"):
        doc = parse(text)
        (q, *_) = doc.quantities
        assert nt.de_follows(text, q) and nt.is_threshold(doc, q, 0)
    text = "年销售收入达到2000万元，甲的，给予补助"  # the condition's 的 after a comma: only a sentence's stop stops the look
    (q,) = find_quantities(text)
    assert nt.de_follows(text, q) and nt.is_support_condition(text, q, 0)


def _de_follows_slow(text, q):
    """de_follows searching for the first 的 or stop after every figure, a stop right after it or not."""
    first = nt._DE_OR_SENTENCE_END.search(text, q.end, q.end + nt.MAX_REACH)
    return first is not None and first.group() == nt._DE


@settings(max_examples=600, deadline=None)
@given(_DE_PIECES)
def test_whether_a_de_follows_is_read_as_by_searching_after_every_figure(text):
    assert _agree(nt.de_follows, _de_follows_slow, text)


def test_the_generated_texts_end_with_a_figure_and_put_each_sentence_stop_after_one():
    for text in ["达到2000万元"] + [f"达到2000万元{stop}的" for stop in nt.SENTENCE_END]:
        assert not nt.de_follows(text, find_quantities(text)[0]) and not _de_follows_slow(text, find_quantities(text)[0])


def _is_no_aim_slow(doc, q, clause_start, sentence_start, next_start, earlier, pays):
    """is_no_aim as the reader once asked it: every rule called for every figure, each behind its own first look."""
    text = doc.text
    return (nt.is_basis(text, q) or q.cue is None and (nt.per_basis(text, q, clause_start, earlier) or nt.is_label(q)
                                                       or nt.names_occasions(text, q) or nt.names_quoted_set(doc, q))
            or nt.is_applied_rule(text, q, clause_start) or nt.bounds_later_metric(text, q, next_start)
            or (de := _de_follows_slow(text, q)) and nt.is_support_condition(text, q, sentence_start) and not pays(text, q)
            or nt.is_threshold(doc, q, sentence_start, de) or nt.caps_a_payment(text, q))


# Figures with the words each rule reads around them (a basis, a label, an occasion, a quoted set, a rule applied, a
# bound within, a condition closing with 的, a threshold lead, a definition, a cap), with and without comparator words.
_NO_AIM_PIECES = _pieces("每", "认定", "5所", "1家", "二类", "连续", "三次", "二次", "污染", "两张", "“两张清单”", "不少于", "不超过",
                         "以上", "配备", "1名", "10万元", "50万元", "100%", "加计扣除", "50米", "内", "换乘", "比例达", "91%", "的",
                         "给予补助", "认定条件如下：", "是指", "企业", "力争", "到2025年", "，", "。", "；", "\n", "甲", size=14)


@settings(max_examples=800, deadline=None)
@given(_NO_AIM_PIECES, st.booleans())
def test_the_rules_asked_in_one_call_answer_as_each_rule_called_for_every_figure(text, paid):
    doc = parse(text)
    quantities = doc.quantities
    pays = lambda text, q: paid  # noqa: E731
    for i, q in enumerate(quantities):
        clause_start = nt.boundary_before(text, q.start, nt.CLAUSE_END)
        sentence_start = nt.boundary_before(text, q.start, nt.SENTENCE_END)
        next_start = quantities[i + 1].start if i + 1 < len(quantities) else None
        earlier = quantities[i - 1] if i else None
        assert (nt.is_no_aim(doc, q, clause_start, sentence_start, next_start, earlier, pays)
                == _is_no_aim_slow(doc, q, clause_start, sentence_start, next_start, earlier, pays))


def test_the_generated_texts_hold_a_figure_each_rule_reads_as_no_aim():
    no = lambda text, q: False  # noqa: E731
    for text, at in (("每认定1家给予10万元", 0), ("每5所配备1名", 1), ("修订二类幼儿园标准", 0), ("连续三次抽检", 0),
                     ("防止二次污染", 0), ("发布“两张清单”。落实两张清单制度", 1), ("研发费用税前100%加计扣除", 0),
                     ("公交与轨道50米内换乘比例达91%", 0), ("企业年销售收入首次达到2000万元的，给予最高50万元补助", 0),
                     ("认定条件如下：年营业收入3000万元以上", 0), ("按投资额的20%给予补助，每家企业不超过50万元", 1)):
        doc = parse(text)
        quantities = doc.quantities
        q = quantities[at]
        args = (doc, q, nt.boundary_before(text, q.start, nt.CLAUSE_END), nt.boundary_before(text, q.start, nt.SENTENCE_END),
                quantities[at + 1].start if at + 1 < len(quantities) else None, quantities[at - 1] if at else None, no)
        assert nt.is_no_aim(*args) and _is_no_aim_slow(*args), text


# Lists of figures with 的 and stops between and after them.
_FIGURES_AND_DE = _pieces("5家", "6%", "2000万元", "、", "和", "的", "，", "。", "；", "\n", "甲", size=14)


@settings(max_examples=600, deadline=None)
@given(st.one_of(_DE_PIECES, _FIGURES_AND_DE), st.randoms(use_true_random=False))
def test_a_de_found_for_an_earlier_figure_answers_as_a_search_after_each(text, random):
    quantities = find_quantities(text)
    for order in (quantities, random.sample(quantities, len(quantities))):  # the reader's order, and any other
        found = [0, -1]
        assert [nt.de_follows(text, q, found) for q in order] == [_de_follows_slow(text, q) for q in order], text


def test_the_figures_of_a_list_share_the_de_or_stop_after_them():
    text = "分别达到5家、6家和7家的，1家"
    found = [0, -1]
    assert [nt.de_follows(text, q, found) for q in find_quantities(text)] == [True, True, True, False]
    assert found == [6, 12]  # the search made for the first figure answered the next two
