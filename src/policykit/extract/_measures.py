"""Quantities in context: which numbers measure something, what they measure, and whether the
document sets them (targets) or reports them (observations).

Targets and observations share this reading; :mod:`._targets` and :mod:`._observations` only turn
its :class:`Measure` values into records.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cache, lru_cache
try:  # the standard library's own SHA-1: hashlib.sha1's digest (OpenSSL's) at 2/3 of its cost a call
    from _sha1 import sha1
except ImportError:  # a Python built without it (--with-builtin-hashlib-hashes leaving sha1 out): the same digest
    from hashlib import sha1

from .. import lexicon
from ._instrument_kinds import beneficiary, limit_kind, money_kind
from ._metrics import RATE_KEYS, metric_key
from ._non_targets import caps_a_payment, heads_a_paid_list, is_no_aim, is_support_condition, is_threshold, works_on_existing
from ._numbers import UNIT_ROLES, Quantity
from ._parsed import ParsedDocument
from ._periods import PLAN_TYPES, last_year_word, paragraph_year, stated_year_of, when
from ._records import TaskRecord, built_at_once
from . import _sieve as sieve
from ._spans import CLAUSE_END, FULL_STOP, SENTENCE_END, SENTENCE_REACH, boundary_after, boundary_before, line_matches
from ._tables import TableFigure

# The context patterns of figures (lexicon ``measure_patterns``): the words around a figure that say
# what it is; the names below say where each is looked for. Those searched per figure whose branches open
# with a lookbehind or an optional item are ``sieve.opened`` (led by the class of their first characters).
_PATTERNS = {row["name"]: row["pattern"] for row in lexicon.table("measure_patterns").rows}
_WORD_ROWS = lexicon.table("measure_words").rows


def _words(role: str) -> tuple[str, ...]:
    """The words of one role of lexicon ``measure_words``, in file order."""
    return tuple(row["word"] for row in _WORD_ROWS if row["role"] == role)


# Units that date or name things rather than measure them.
_DATE_UNITS = frozenset(unit for unit, role in UNIT_ROLES.items() if role == "date")
# Counting classifiers: "100家企业" counts firms; a measure unit ("500万元…项目") sizes them.
_CLASSIFIERS = frozenset(unit for unit, role in UNIT_ROLES.items() if role == "count")
_QUOTED = re.compile(r"“[^“”\n]{0,40}”|\"[^\"\n]{0,40}\"|《[^《》\n]{0,80}》|〔[^〔〕\n]{0,20}〕|「[^「」\n]{0,40}」|『[^『』\n]{0,40}』")
_SUBSIDY_BEFORE = sieve.opened(re.compile(_PATTERNS["subsidy_before"]))
_SUBSIDY_AFTER = re.compile(_PATTERNS["subsidy_after"])
# Scoring rules of an assessment: 每低0.1个百分点扣0.5分, 达到6%的得满分, 低于80%的，扣2分, 指标占40%.
_PER_STEP_BEFORE = re.compile(_PATTERNS["per_step_before"])
_SCORE_AFTER = re.compile(_PATTERNS["score_after"])
_WEIGHT_BEFORE = sieve.opened(re.compile(_PATTERNS["weight_before"]))
# 从人均8.7万元提高到12万元: a starting level, not the aim.
_FROM_BEFORE = re.compile(_PATTERNS["from_before"])
_TO_AFTER = re.compile(_PATTERNS["to_after"])
_TIME_UNITS = frozenset(unit for unit, role in UNIT_ROLES.items() if role == "duration")
_SERVICE_DEADLINE_AFTER = re.compile(_PATTERNS["service_deadline_after"])
_SHORTENED_BEFORE = re.compile(_PATTERNS["shortened_before"])
_APPLIED_RULES_BEFORE = re.compile(_PATTERNS["applied_rules_before"])
# 鼓励学生…, 支持企业每年选派…: the figure measures what the urged party does.
_ENCOURAGED = re.compile(_PATTERNS["encouraged"])
_ENCOURAGED_COUNT = re.compile(_PATTERNS["encouraged_count"])  # 支持3家企业上市 counts the supported
# "按设备投资额的10%", "按贷款利率的50%": a rate applied to a base is how support is computed.
_RATE_OF_BASE = re.compile(_PATTERNS["rate_of_base"])
# "对年营业收入超过1亿元的企业…", "凡…的": a clause that names who qualifies.
_ELIGIBILITY = re.compile(_PATTERNS["eligibility"])
_SIZE_SPEC_AFTER = re.compile(_PATTERNS["size_spec_after"])
_SCOPE_BEFORE = sieve.opened(re.compile(_PATTERNS["scope_before"]))
# 全县13个供电所, 全部12家钢铁企业: the whole of an existing set, not an amount to reach.
_WHOLE_SET_BEFORE = re.compile(_PATTERNS["whole_set_before"])
# A making verb anywhere before the figure: 新建、改扩建农村学校餐厅、宿舍4处 is built, not listed.
_MAKING_VERB_ANYWHERE = re.compile(_PATTERNS["making_verb_anywhere"])
# "X、Y等12个项目": a count of named items is a scope, unless the clause states an outcome for them.
_LISTED_COUNT_BEFORE = re.compile(_PATTERNS["listed_count_before"])
_NEGATED_ONE = re.compile(_PATTERNS["negated_one"])
# The verb may stand a few words before: 新增三级医院一家 (but not 建设成为一个…).
_MAKING_VERB = re.compile(_PATTERNS["making_verb"])
_OUTCOME = re.compile(_PATTERNS["outcome"])
# 一批 / 一支队伍 / 一场硬仗 are "some", 二期 names a phase, 零部件 is no zero.
_VAGUE_COUNT = re.compile(_PATTERNS["vague_count"])

_SHARING = sieve.opened(re.compile(_PATTERNS["sharing"]))  # not 人均, 平均, 年均, 均衡, 首都
# A match of _SHARING begins with one of a few characters: a phrase holding none (most) is not searched, a
# substring test per character costing a fraction of the search.
_SHARING_OPENS = tuple(sorted(sieve.first_char_set(_SHARING)))
_LIST_JOINS = set(_words("list_join"))
# Two figures further apart than the longest join are no list: what stands between them is not cut out to be looked up.
_JOIN_REACH = max(map(len, _LIST_JOINS))
_LIST_ITEM = re.compile(_PATTERNS["list_item"])
_LIST_ITEM_STARTS = sieve.start_gate(_LIST_ITEM)  # what follows a figure another one follows in a list (most: 。)
_SHARED_CUES = _words("shared_cue")
_FLOOR_WORDS = _words("floor_cue")  # 开展不少于1次的班会 is a floor, not a qualifier
_HARDNESS = re.compile(lexicon.alternation("hardness"))
_FUTURE = re.compile(_PATTERNS["future"])
_PROGRESS_FUTURE = re.compile(_PATTERNS["progress_future"])
_PAST = re.compile(_PATTERNS["past"])
# A past or a future word, in one scan: most sentences before a figure hold neither (6863 of 7855 on the shared
# corpus), and one search then spares the two.
_PAST_OR_FUTURE = re.compile(_PATTERNS["past"] + "|" + _PATTERNS["future"])
_PAST_MONTHS = sieve.opened(re.compile(_PATTERNS["past_months"]))  # 1-5月: searched where its 月 stands
# Past-tense narration of a summary besides the past words (_is_past): 开展了, 累计, 先后… Searched in every sentence of a
# document of no plan type, apart from the past words: each opens with plain characters the engine scans for, where
# the month range in one pattern with them made it try every branch at every character.
_REPORTING_MORE = re.compile(_PATTERNS["reporting_more"])
# Where the plan of a work report begins: its words, searched over the whole text, or a heading line, tried at line
# starts (the two in one pattern were tried at every character).
_PLAN_PART = re.compile(_PATTERNS["plan_part"])
_PLAN_HEADING = re.compile(_PATTERNS["plan_heading"])
# Top-level headings of a summary's parts: 一、上半年工作完成情况 reports, 二、下半年工作计划 plans.
_PART_HEADING = re.compile(_PATTERNS["part_heading"])
_REVIEW_TITLE = re.compile(_PATTERNS["review_title"])
_PLAN_TITLE = re.compile(_PATTERNS["plan_title"])
# Years, durations and ages that measure something: 受教育年限提高到11.2年, 人均预期寿命达到79岁.
_YEARS_MEASURED = re.compile(_PATTERNS["years_measured"])
# 县十八届人大二次会议, 十四届三次全会: an ordinal session, not a count.
_SESSION = re.compile(_PATTERNS["session"])

_METRIC_LEAD = re.compile(_PATTERNS["metric_lead"])
# The class of the characters a lead can begin with (digits as their blocks, spaces as their category): most
# metrics begin with none, and whether one does is asked once per character (_leads_off).
_METRIC_LEAD_OPENER = sieve.first_chars(_METRIC_LEAD)
_METRIC_TAIL = sieve.opened(re.compile(_PATTERNS["metric_tail"]))
_METRIC_TAIL_ENDS = sieve.end_gate(_METRIC_TAIL)  # anchored at the end: a metric ending otherwise has no tail
_GENERIC_METRIC = re.compile(_PATTERNS["generic_metric"])
_GROWTH_TAIL = sieve.opened(re.compile(_PATTERNS["growth_tail"]))
_RATE_UNITS = set(_words("rate_unit"))
(_POINTS,), (_TIMES,) = _words("point_unit"), _words("times_unit")
_SUBJECT_JOIN = re.compile("|".join(map(re.escape, _words("subject_join"))))
_JOINT_SUBJECTS = {row["word"]: row["parts"].split("|") for row in _WORD_ROWS if row["role"] == "joint_subject"}
_BALANCES = _words("balance")
_DATE_UNIT_ENDS = _words("date_unit_end")
_MEASURED_IN_YEARS = _words("measured_in_years")
(_SCOPE_TOTAL,), (_SCOPE_AT,), (_DE,) = _words("scope_total"), _words("scope_at"), _words("attributive")
(_SESSION_UNIT,), _PLENUMS, _MEETINGS = _words("session_unit"), _words("plenum"), _words("meeting")
(_RULES_UNIT,), (_ARTICLE_ONE,) = _words("rules_unit"), _words("article_one")
_SIZE_CLASS_SUFFIXES, _STANDARDS = _words("size_class_suffix"), _words("standard")
_OUTLINE_AFTER = re.compile(_PATTERNS["outline_after"])
_DURATION_FOLLOWS = re.compile(_PATTERNS["duration_follows"])
_NAMED_SET_AFTER = re.compile(_PATTERNS["named_set_after"])
_QUALIFIER_AFTER = re.compile(_PATTERNS["qualifier_after"])
_LIST_AND = re.compile(_PATTERNS["list_and"])
_GROWTH = re.compile(_PATTERNS["growth"])
_DECREASE = re.compile(_PATTERNS["decrease"])
_INCREASE = re.compile(_PATTERNS["increase"])
# Grammar of the characters beside a figure, compiled once: these run once per figure.
_HAN = re.compile(r"[\u4e00-\u9fff]")
_DIGIT = re.compile(r"\d")
_CLAUSE_STOP = re.compile("[，,；;。]")
_CLAUSE_CLOSES = re.compile(r"[，,；;。\n]|$")
_PER_SO_MANY = re.compile(r"/\d")  # 10/10万
_RATIO = re.compile(r"[:：∶]\d")  # 1:4000
_LIST_WORDS = re.compile(r"[\u4e00-\u9fffA-Za-z“”()（）]+")
_COUNTED = re.compile(r"[\u4e00-\u9fff“”]{1,15}")
# How far after a figure the words it counts can reach: 的 and the longest counted noun. No stop of a clause or a
# list is a character of a counted noun, so the noun ends at the first stop without the stop being looked for.
_COUNTED_REACH = len(_DE) + sieve.widest(_COUNTED)
# Nor does one open a noun, or a payment word after a figure (_SUBSIDY_AFTER: its matches open with a Han character):
# a stop right after the figure (most figures: 。 or ，) leaves them nothing to match.
_STOP_AFTER = frozenset(CLAUSE_END + "、")
_OPEN_ASIDE = re.compile(r"[（(][^）)]{0,10}$")  # an unclosed aside before the number


def _needs(pattern: re.Pattern) -> str:
    """A character every match of ``pattern`` holds ("" when none: it is in every string)."""
    return sieve.required_chars(pattern)[:1]


_SCORE_STARTS, _PER_SO_MANY_STARTS, _RATIO_STARTS, _NAMED_SET_STARTS, _ENCOURAGED_STARTS, _ELIGIBILITY_STARTS, \
    _VAGUE_STARTS = map(sieve.start_gate, (_SCORE_AFTER, _PER_SO_MANY, _RATIO, _NAMED_SET_AFTER, _ENCOURAGED, _ELIGIBILITY, _VAGUE_COUNT))
_QUALIFIER_NEEDS, _OUTLINE_NEEDS, _RATE_OF_BASE_NEEDS, _PAST_MONTHS_NEEDS = map(_needs, (
    _QUALIFIER_AFTER, _OUTLINE_AFTER, _RATE_OF_BASE, _PAST_MONTHS))
_SCOPE_ENDS, _PER_STEP_ENDS, _WEIGHT_ENDS, _WHOLE_SET_ENDS, _LISTED_COUNT_ENDS = map(sieve.end_gate, (
    _SCOPE_BEFORE, _PER_STEP_BEFORE, _WEIGHT_BEFORE, _WHOLE_SET_BEFORE, _LISTED_COUNT_BEFORE))
_SCORING_ENDS = _PER_STEP_ENDS | _WEIGHT_ENDS  # what the last character before a figure scored by words before it is in
_FORMULA_ENDS = frozenset("×*÷=")  # the operators a figure of a formula (A=B×30%) follows


@dataclass(frozen=True)
class Measure:
    """A quantity that measures something, read in its context."""

    quantity: Quantity
    role: str  # "target" | "observation" | "instrument"
    metric: str
    metric_key: str | None
    kind: str  # level | increase | decrease | growth_rate | share; for instruments one of INSTRUMENT_KINDS
    hardness: str | None
    year: int | None  # the year a target is for, or the year an observation reports on
    year_source: str  # where the year came from: stated | plan_period | report_year | relative | unknown
    period: str | None  # observations: normalised period
    as_of: str | None
    task_key: str | None
    key: str
    text: str  # from the start of the clause to the end of the quantity
    start: int
    end: int
    beneficiary: str | None = None  # instruments: who receives it, as written



def read_measures(doc: ParsedDocument, tasks: tuple[TaskRecord, ...]) -> tuple[Measure, ...]:
    """Read every measuring quantity of a parsed document, as targets, observations or instruments.

    >>> from policykit.text import DocumentMetadata
    >>> from ._parsed import parse
    >>> ms = read_measures(parse("力争市级重点实验室达到20家以上。", DocumentMetadata(year=2023)), ())
    >>> [(m.role, str(m.quantity.value), m.metric, m.hardness, m.year) for m in ms]
    [('target', '20', '市级重点实验室', '力争', 2023)]
    """
    if not isinstance(doc.text, str) or not doc.text:
        return ()
    return _read_measures(doc, _Tasks(tuple(tasks)))


def _union(spans) -> tuple[list[int], list[int]]:
    """The starts and ends of the union of half-open ``spans``, as disjoint spans in order: an offset lies in
    one of ``spans`` exactly when it lies in the disjoint span the last start at or before it opens.

    >>> _union({(5, 9), (0, 2), (1, 4), (9, 12), (20, 20)})
    ([0, 5, 20], [4, 12, 20])
    """
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _in_union(union: tuple[list[int], list[int]], pos: int) -> bool:
    """Whether ``pos`` lies in one of the spans of ``union`` (:func:`_union`).

    >>> [_in_union(_union({(0, 2), (5, 9)}), pos) for pos in (1, 2, 5, 9)]
    [True, False, True, False]
    """
    starts, ends = union
    i = bisect_right(starts, pos) - 1
    return i >= 0 and pos < ends[i]


def _overlapped_prior_end(quantities, i: int) -> int:
    """End of the last quantity before ``quantities[i]`` that does not overlap it (0 if none), when an earlier
    quantity reaches past its start (rare: nested readings; else the running maximum of the ends answers)."""
    start = quantities[i].start
    return max((p.end for p in quantities[:i] if p.end <= start), default=0)


def _read_measures(doc: ParsedDocument, tasks: _Tasks) -> tuple[Measure, ...]:
    text, metadata, doc_year, plan, bounds = doc.text, doc.metadata, doc.year, doc.plan, doc.boundaries
    # Plans speak of their own years; a figure for a year before the plan begins reviews the past.
    first_year = plan[0] if plan else doc_year if metadata.doc_type in PLAN_TYPES[1:] else None
    quoted = _quoted_spans(text)
    plan_start = _plan_start(text) if metadata.doc_type == "work_report" else None
    reviews = _union(_review_parts(text) if metadata.doc_type != "progress_report" else ())
    reports = metadata.doc_type in (None, "other", "assessment") and _mostly_reports(text)
    out: list[Measure] = []
    instruments: list[Measure] = []
    seen: dict[tuple[str, str], int] = {}
    seen_instruments: dict[tuple[str, str], int] = {}
    clause_starts: dict[int, int] = {}  # by figure start: where the clause of each measure read here begins
    previous: tuple[int, str] | None = None  # (sentence start, metric) of the last measure
    sentences: dict = {}  # what when() reads of each sentence, for the figures of this document only
    paragraphs: dict = {}  # how far each paragraph's year words are read (see paragraph_year), for this document only
    support_end = -1  # end of the last figure read as a payment
    found_de = [0, -1]  # where the last search for a 的 or a stop after a figure began and what it found (de_follows)
    quantities = doc.quantities
    table = doc.table_figures
    rows = _union({(f.row_start, f.row_end) for f in table})
    ends_so_far = 0  # the largest end among the quantities before the current one
    for i, q in enumerate(quantities):
        if i and quantities[i - 1].end > ends_so_far:
            ends_so_far = quantities[i - 1].end
        next_start = quantities[i + 1].number_start if i + 1 < len(quantities) else None
        if rows[0] and _in_union(rows, q.start):  # (most documents have no table)
            continue  # read below, cell by cell, with the row's unit and the column's year
        # Bounds by a conditional, not max(): the builtin's call costs more than the rest of such a line.
        before = text[q.start - 12 if q.start > 12 else 0:q.start]
        # Asked once: a figure in a unit of dates (or one ending as they do) dates or names rather than measures, all
        # but the years, durations and ages the words before it measure (受教育年限提高到11.2年). A date neither
        # measures nor limits; a figure in another unit ending as dates do measures nothing, yet the grammar may show
        # it limits (below).
        unit = q.base_unit
        dated = ((unit in _DATE_UNITS or (q.unit or "").endswith(_DATE_UNIT_ENDS) and unit not in _TIME_UNITS)
                 and not (unit in _MEASURED_IN_YEARS and _YEARS_MEASURED.search(before)))
        if dated and unit in _DATE_UNITS:
            continue  # (before the quotes: dates are common, and this look costs less than the quotes' call)
        if _inside_quote(quoted, q.number_start):
            continue  # a slogan or a name (“一企一平台”, 《…三年行动计划》): it neither measures nor limits
        # The clause and the sentence of the figure, found once for every rule that reads them.
        clause_start = bounds.before(q.start, CLAUSE_END)
        whole_sentence_start = bounds.before_from(q.start, SENTENCE_END, clause_start)
        pending = None  # an instrument the grammar shows (a score weight, an eligibility threshold)
        if dated or not _measures_something(text, q, before, next_start, quantities[i - 1] if i else None, clause_start,
                                            whole_sentence_start, doc, found_de):
            pending = _limit_by_grammar(text, q, before, clause_start, whole_sentence_start, doc)
            if pending is None:
                continue
        if q.cue is None and out and text[out[-1].end:q.start] == "、" and out[-1].quantity.cue in _SHARED_CUES:
            q = replace(q, comparator=out[-1].quantity.comparator, cue=out[-1].quantity.cue)  # 不少于8小时、4小时
        # The same stop within SENTENCE_REACH, else the reach's start: what a search of that reach finds.
        reach_start = q.start - SENTENCE_REACH
        sentence_start = whole_sentence_start if whole_sentence_start > reach_start else reach_start
        # Only words before the figure decide: 5人入围…,确保完成省定目标任务 reports the 5.
        sentence = reached = text[sentence_start:q.end]  # (``reached``: kept for the limits, as read within the reach)
        worded = _PAST_OR_FUTURE.search(sentence) is not None
        past = _is_past(sentence, worded)
        # Whether a future word stands in these words: none when the one scan found no word; else searched once here,
        # where the tense needs it, and handed to the review of earlier years (None: not asked).
        future = None if worded else False
        if not past and not (future := worded and _FUTURE.search(sentence) is not None):
            # 上半年，…；新开工项目18个. No full stop stands between the sentence's start and the figure: a sentence a
            # full stop opens is the whole one, found without a search.
            whole_start = bounds.before_from(q.start, FULL_STOP, whole_sentence_start, SENTENCE_REACH)
            if whole_start != sentence_start:  # else the same words, already read
                sentence = text[whole_start:q.end]
                past = _is_past(sentence)
        in_review = bool(reviews[0]) and _in_union(reviews, q.start)  # most documents have no review part
        role = _role(metadata.doc_type, q.start, sentence, past, plan_start, reports or in_review)
        if role == "target" and first_year and _reviews_before(text, sentence_start, q, first_year, future, paragraphs):
            role = "observation"  # 2020年，全市PM2.5平均浓度降至42微克/立方米 in a plan for 2021—2025
        if role == "observation":  # no instrument (but a target's), nor a starting level: dated at once
            if pending:
                continue
            year, year_source, period, as_of = when(doc, sentence_start, clause_start, q.start, role, sentences)
            if metadata.doc_type == "progress_report" and period in (None, str(year)):
                continue  # a progress figure with no stated period (截至目前, 今年以来) fits no series
        # The metric, read for the figures kept only (1100 of the 7061 generated figures, progress figures with no
        # period, are dropped above).
        prior_end = ends_so_far if ends_so_far <= q.start else _overlapped_prior_end(quantities, i)
        raw_metric = text[clause_start if clause_start >= prior_end else prior_end:q.start]
        if i and clause_start <= quantities[i - 1].start and _is_baseline(text, quantities[i - 1]):  # (most: another clause)
            # 赤字率从去年的2.1%提高到2.3%: the metric stands before the starting level
            baseline = _FROM_BEFORE.search(text, max(clause_start, quantities[i - 1].start - 6), quantities[i - 1].start)
            raw_metric = text[clause_start:baseline.start()] if baseline else raw_metric
        metric = _clean_metric(raw_metric)
        inherited = previous[1] if previous and previous[0] == sentence_start else ""
        # (the first look _counted_noun takes, here: a stop follows most figures, every generated one, and the call
        # costs more than the look)
        counted = _counted_noun(text, q, next_start) if text[q.end:q.end + 1] not in _STOP_AFTER else ""
        if counted and not _METRIC_LEAD.fullmatch(counted):
            metric = metric + counted  # 推动3家企业开展智能化改造: the counted noun follows the number
        if not metric:
            metric = _GROWTH_TAIL.sub("", inherited) if q.base_unit not in _RATE_UNITS else inherited
        elif inherited and (_GROWTH_TAIL.fullmatch(metric) or _GENERIC_METRIC.fullmatch(metric)):
            metric = _GROWTH_TAIL.sub("", inherited) + metric  # 生产总值…,同比增长7.9%; …,总量突破90万亿元
        instrument = None
        # (the first look _next_in_list takes, here: most figures follow no payment)
        if role == "target" and (_is_support(text, q) or not pending and support_end >= 0
                                 and _next_in_list(text, support_end, q.start)):
            if not pending:
                support_end = q.end
            # 最高奖励1000万元, 给予30%补助 (and 、50万元 after it): what the government pays
            instrument = money_kind(text, q)
        elif role == "target" and pending:
            instrument = pending
        elif role == "target" and q.base_unit in _CLASSIFIERS:
            instrument = limit_kind(text, q, text[clause_start:q.end], reached)  # 每年遴选不超过20名
        if instrument:
            instruments.append(_instrument_measure(text, q, instrument, metric, sentence_start, clause_start,
                                                   prior_end, tasks, seen_instruments))
            continue
        if role == "target":
            if _is_baseline(text, q):
                continue  # 从人均8.7万元提高到12万元: the 8.7 is where the aim starts
            year, year_source, period, as_of = when(doc, sentence_start, clause_start, q.start, role, sentences)
        if period and "/" in period and any(word in metric for word in _BALANCES):
            period = period.split("/")[1]  # a balance stands at the end of the period
        # The kind and the key, read for the figures kept only (an instrument has neither).
        kind = _kind(q, text[clause_start:q.start], metric)
        key = _linked_key(metric, kind, q)
        if key and key.endswith("_growth") and kind == "share":
            kind = "growth_rate"  # 经济增长预期目标为5%左右
        hardness = _hardness(text, clause_start, q.start)
        if hardness is None and out and previous and previous[0] == sentence_start and out[-1].role == role:
            hardness = out[-1].hardness  # 力争工业增长7%以上，固定资产投资增长8%以上: one word sets both
        task = tasks.at(q.start)
        task_key = task.key if task else None
        quote_start = clause_start if clause_start >= prior_end else prior_end
        if text[quote_start] in _SEPARATORS:  # (most clauses open with none: no call)
            quote_start = _skip_separators(text, quote_start, q.start)
        quote = text[quote_start:q.end]
        ident = (task_key or "doc", quote)
        seen[ident] = n = seen.get(ident, -1) + 1
        digest = sha1(quote.encode()).hexdigest()[:8]
        out.append(built_at_once(Measure, {  # every field: for each figure the reader keeps (a display, not a dict() call)
            "quantity": q, "role": role, "metric": metric, "metric_key": key, "kind": kind,
            "hardness": hardness, "year": year, "year_source": year_source, "period": period, "as_of": as_of,
            "task_key": task_key, "key": f"{task_key or 'doc'}#{digest}.{n}", "text": quote,
            "start": quote_start, "end": q.end, "beneficiary": None,
        }))
        previous = (sentence_start, metric)
        clause_starts[q.start] = clause_start
    default = (plan[1], "plan_period") if plan else (doc_year, "report_year" if doc_year else "unknown")
    out += [_table_measure(text, figure, tasks, default) for figure in table]
    return _respectively(text, sorted(out, key=lambda m: m.start), clause_starts) + tuple(instruments)


def _instrument_measure(text: str, q: Quantity, kind: str, metric: str, sentence_start: int, clause_start: int,
                        prior_end: int, tasks: _Tasks, seen: dict[tuple[str, str], int]) -> Measure:
    """A figure the text hands out or imposes, with who receives it (role ``instrument``)."""
    task = tasks.at(q.start)
    task_key = task.key if task else None
    quote_start = _skip_separators(text, max(clause_start, prior_end), q.start)
    quote = text[quote_start:q.end]
    ident = (task_key or "doc", quote)
    seen[ident] = seen.get(ident, -1) + 1
    digest = sha1(quote.encode()).hexdigest()[:8]
    return Measure(
        quantity=q, role="instrument", metric=metric, metric_key=None, kind=kind, hardness=None, year=None,
        year_source="unknown", period=None, as_of=None, task_key=task_key,
        key=f"{task_key or 'doc'}#i{digest}.{seen[ident]}", text=quote, start=quote_start, end=q.end,
        beneficiary=beneficiary(text, sentence_start, q.start))


def _limit_by_grammar(text: str, q: Quantity, before: str, clause_start: int, sentence_start: int,
                      doc: ParsedDocument) -> str | None:
    """weight or threshold when a figure the measures reader drops (outside quotes) scores an assessment or names who
    qualifies (``before``: the 12 characters before the figure)."""
    if q.base_unit in _DATE_UNITS:
        return None
    after = text[q.end:q.end + 12]
    if is_support_condition(text, q, sentence_start) and not _is_support(text, q):
        return "threshold"  # 年销售收入首次达到2000万元的，给予…
    bounded = q.comparator not in ("=", "≈", "range") and not (q.base_unit in _CLASSIFIERS and q.cue is None)
    if bounded and (_is_eligibility(text, q, clause_start) or is_threshold(doc, q, sentence_start)):
        return "threshold"  # 对年营业收入首次突破10亿元的企业
    if _is_scoring(before, after):
        return "weight"
    if caps_a_payment(text, q):
        return "cap"  # 给予…补助，每家企业不超过50万元
    if bounded and q.base_unit not in _CLASSIFIERS and (_is_qualifier(q, after) or _is_size_class(q, after)):
        return "threshold"  # 营业收入首次突破10亿元的企业, 投资500万元以上技术改造项目
    return None


def _table_measure(text: str, figure: TableFigure, tasks: _Tasks,
                   default: tuple[int | None, str]) -> Measure:
    """A figure of an indicator table: the target column sets, earlier year columns report."""
    q = figure.quantity
    kind = _kind(q, figure.metric, figure.metric)
    year, year_source = (figure.year, "stated") if figure.year else default
    task = tasks.at(q.start)
    quote = text[q.start:q.end]
    digest = sha1(f"{figure.metric}|{year}|{quote}".encode()).hexdigest()[:8]
    return Measure(
        quantity=q, role="target" if figure.is_target else "observation", metric=figure.metric,
        metric_key=_linked_key(figure.metric, kind, q), kind=kind, hardness=None, year=year, year_source=year_source,
        period=None if figure.is_target or year is None else str(year), as_of=None,
        task_key=task.key if task else None, key=f"{task.key if task else 'doc'}#t{digest}.{q.start}",
        text=quote, start=q.start, end=q.end)


def _respectively(text: str, measures: list[Measure], clause_starts: dict[int, int]) -> tuple[Measure, ...]:
    """Give each subject of a shared figure its own record (``clause_starts``: where the clause of a figure begins,
    by its start, as the reader found it; a figure it lacks, of a table, has its clause found here).

    "A和B…分别增长7%和8%左右": each figure gets its subject and the list's shared bound;
    "A、B均增长8%" (or 分别 with one figure): the figure is read once per subject.
    """
    out: list[Measure] = []
    i = 0
    while i < len(measures):
        head = measures[i]
        phrase, word = head.metric, _shares(head.metric)
        lone = (i == 0 or measures[i - 1].quantity.end <= head.start) and text[head.start - 1:head.start] not in _LIST_JOINS
        if (word is None or not phrase[:word.start()]) and lone:
            # The metric lost its subjects or 分别 (…排放总量比2020年分别下降10%): read the whole clause.
            at = head.quantity.start
            clause_start = clause_starts.get(at)
            phrase = text[boundary_before(text, at, CLAUSE_END) if clause_start is None else clause_start:at]
            word = _shares(phrase)
        j = i + 1
        while (j < len(measures) and (start := measures[j].quantity.start)
               - (end := measures[j - 1].quantity.end) <= _JOIN_REACH and text[end:start] in _LIST_JOINS):
            j += 1
        subjects = _subjects(_clean_metric(phrase[:word.start()])) if word else []
        rest = _clean_metric(phrase[word.end():]) if word else ""
        if len(subjects) > 1 and j - i == len(subjects):
            last = measures[j - 1].quantity
            for k in range(i, j):
                q = measures[k].quantity
                if q.cue is None and last.cue is not None and q.comparator == "=":
                    q = replace(q, comparator=last.comparator, cue=last.cue)
                kind = head.kind if q.base_unit == head.quantity.base_unit else measures[k].kind
                out.append(_with_metric(measures[k], subjects[k - i] + rest, kind, q))
        elif len(subjects) > 1 and j - i == 1:
            out += [_with_metric(head, subject + rest, head.kind, head.quantity, key=f"{head.key}/{n}")
                    for n, subject in enumerate(subjects)]
        else:
            out += measures[i:j]
        i = j
    return tuple(out)


def _with_metric(measure: Measure, metric: str, kind: str, q: Quantity, **changes) -> Measure:
    """``measure`` reading ``q`` as ``metric`` of ``kind`` (and the other ``changes``), filled at once."""
    return built_at_once(Measure, vars(measure) | dict(quantity=q, metric=metric, kind=kind,
                                                       metric_key=_linked_key(metric, kind, q), **changes))


def _subjects(phrase: str) -> list[str]:
    """城乡居民收入 -> [城镇居民收入, 农村居民收入]; 城镇和农村居民收入 -> [城镇居民收入, 农村居民收入]."""
    for joint, parts in _JOINT_SUBJECTS.items():
        if phrase.startswith(joint):
            return [part + phrase[len(joint):] for part in parts]
    parts = _SUBJECT_JOIN.split(phrase)
    if len(parts) == 2 and len(parts[0]) <= 3 < len(parts[1]):
        tail = parts[1][len(parts[0]):]  # 城镇和农村居民…: the short head shares the long part's tail
        return [parts[0] + tail, parts[1]]
    return parts


def _is_past(sentence: str, worded: bool = True) -> bool:
    """Whether a past word (lexicon rows ``past`` and ``past_months``) stands in ``sentence`` (``worded``: false
    when ``_PAST_OR_FUTURE`` finds nothing in it, so that the row ``past`` need not be searched)."""
    # One substring test for the past months' 月 (most sentences hold none), not a call of sieve.search and its look-ups.
    return (worded and _PAST.search(sentence) is not None
            or _PAST_MONTHS_NEEDS in sentence and _PAST_MONTHS.search(sentence) is not None)


def _reviews_before(text: str, sentence_start: int, q: Quantity, first_year: int, future: bool | None,
                    paragraphs: dict) -> bool:
    """Whether a figure reports a year before ``first_year``: stated in its sentence or, failing that,
    in its paragraph (2020年，…；空气质量优良天数比例达到78.1%), with no future word in the sentence (``future``:
    whether one stands in ``text[sentence_start:q.end]``, searched for here when None; ``paragraphs``: how far each
    paragraph's year words are read, see :func:`paragraph_year`)."""
    if _FUTURE.search(text, sentence_start, q.end) if future is None else future:
        return False
    year = last_year_word(text, sentence_start, q.start)
    if year is None:
        year = paragraph_year(text, sentence_start, paragraphs)
    stated = stated_year_of(year)
    return stated is not None and stated < first_year


def _measures_something(text: str, q: Quantity, before: str, next_start: int | None, earlier: Quantity | None,
                        clause_start: int, sentence_start: int, doc: ParsedDocument, found_de: list[int] | None = None) -> bool:
    """Whether a figure outside quotes (the reader skips those) that does not date (asked by the reader) measures something; ``before`` is the 12 characters before it. The tests are independent, each a reason
    to drop it, so their order is free (cheap and common ones first). ``found_de``: the reader's last 的 or stop after a
    figure (see :func:`._non_targets.de_follows`)."""
    # The unit, the cue and the characters beside the figure, read once for the many rules that look at them (most
    # figures pass every rule: each look a rule takes again costs as much as the rest of its line).
    unit, cue = q.base_unit, q.cue
    if unit is None and cue is None:
        return False  # a bare number or a bare scale (全县30万…)
    after = text[q.end:q.end + 12]
    # The articles and vague counts first: the commonest reasons after dates (1 in 10 figures of the shared corpus).
    first = text[q.number_start]
    if first == _ARTICLE_ONE and cue is None and (_NEGATED_ONE.search(before) or not _MAKING_VERB.search(before)):
        return False  # 不漏一户, 成为一个…: "one" as an article; 建成一个 / 培育一家 stay
    if first in _VAGUE_STARTS and _VAGUE_COUNT.fullmatch(text[q.number_start:q.end]):
        return False  # 一批, 二期, 零部件
    last, head = before[-1:], after[:1]
    counts = unit in _CLASSIFIERS
    scope = _SCOPE_BEFORE.search(before) if last in _SCOPE_ENDS else None
    if scope and not (scope.group(0) == _SCOPE_TOTAL and _CLAUSE_CLOSES.match(after)
                      or scope.group(0) == _SCOPE_AT and unit in _RATE_UNITS and not after.startswith(_DE)
                      or scope.group(0) == _SCOPE_AT and counts
                      and _MAKING_VERB_ANYWHERE.search(text, q.end, boundary_after(text, q.end, CLAUSE_END))):
        # 赤字率在2%左右 is a level; 在70%左右的地市开展 names where; 在3000个小区设置回收机 is done in so many
        return False  # 总投资10亿元的项目 sizes the projects; …项目不少于30个、总投资超过200亿元。 is an aim
    # The looks _is_scoring and the other tests called below open with, taken here: most figures pass none of them
    # (a call costs more than a look).
    if (last in _SCORING_ENDS or head in _SCORE_STARTS) and _is_scoring(before, after):
        return False  # how an assessment scores, not what it aims at
    if counts and last in _WHOLE_SET_ENDS and _WHOLE_SET_BEFORE.search(before):
        return False
    if counts and _OUTLINE_NEEDS in after and _OUTLINE_AFTER.match(after):
        return False  # 提出28个主要指标, 其中8个约束性指标: the document's own outline
    if last in _FORMULA_ENDS:
        return False  # a formula (A=B×30%)
    if last == "/" or head in _PER_SO_MANY_STARTS and _PER_SO_MANY.match(after):
        return False  # a rate per so many (10/10万): no unit holds it
    if unit == _SESSION_UNIT and (after.startswith(_PLENUMS) or after.startswith(_MEETINGS) and _SESSION.search(before)):
        return False
    if unit in _TIME_UNITS and (
            _HAN.match(after) and not _DURATION_FOLLOWS.match(after)
            or _SERVICE_DEADLINE_AFTER.match(after) and not _SHORTENED_BEFORE.search(before)):
        return False  # 24小时心理支持热线, 24小时内响应: how a service works, not an aim (压缩至3个工作日内办结 stays)
    if unit == _RULES_UNIT and _APPLIED_RULES_BEFORE.search(text, clause_start, q.start):
        return False  # 落实国务院安委会15条: a set of rules by name
    opening = text[clause_start:clause_start + 1]
    if (opening in _ENCOURAGED_STARTS and _ENCOURAGED.match(text, clause_start)
            and not _ENCOURAGED_COUNT.match(text, clause_start)):
        return False  # 鼓励学生每天至少…交流15分钟: what others are urged to do, not the government's aim
    if opening in _ELIGIBILITY_STARTS and _is_eligibility(text, q, clause_start) and not _is_support(text, q):
        return False  # 对年研发投入超过500万元且增幅达到20%的企业: who qualifies
    if counts and cue is None and before.endswith(_DE):
        return False  # a described set: 工作方案确定的67项重点工作, 入库的61个项目
    if last in _LISTED_COUNT_ENDS and _LISTED_COUNT_BEFORE.search(before) and not _OUTCOME.search(_clause_around(text, q.start, q.end)):
        return False
    if counts and cue is None and _counts_the_list(text[clause_start:q.start], q) and not (
            _OUTCOME.search(_clause_around(text, q.start, q.end)) or _MAKING_VERB_ANYWHERE.search(text, clause_start, q.start)):
        return False  # 加快北宋镇、盐窝镇、汀罗镇、明集乡4个…: the count of the places just named
    if next_start is not None and next_start == q.end:
        return False  # a count of sized things (两个100MW…): the size follows at once
    if after.startswith(_SIZE_CLASS_SUFFIXES) or head in _RATIO_STARTS and _RATIO.match(after):
        return False  # a size class (十亿级产业集群) or a ratio (1:4000)
    if head in _NAMED_SET_STARTS and _NAMED_SET_AFTER.match(after):
        return False  # 四个方面工作, 中央八项规定: an outline or a named set, not a quantity
    if _QUALIFIER_NEEDS in after and _is_qualifier(q, after) and not _is_support(text, q):
        return False  # a qualifier: 营业收入首次突破10亿元的企业, 168个城市的…
    # (the first look _is_size_class takes, here: most figures count or are shares, 6218 of the 7061 generated)
    if not counts and unit not in _RATE_UNITS and _is_size_class(q, after):
        return False  # a size class: 投资500万元以上技术改造项目, 过10亿元企业
    # Not the scope of work on existing things (抓好550个省重大项目, 用好两个市场: the working verb is searched for
    # before the making verb, most counts follow none; a bounded count is none) nor another figure that is no aim.
    return not (counts and cue is None and works_on_existing(text, q, clause_start, next_start)
                and not _MAKING_VERB_ANYWHERE.search(text, clause_start, q.start)
                or is_no_aim(doc, q, clause_start, sentence_start, next_start, earlier, _is_support, found_de))


def _is_scoring(before: str, after: str) -> bool:
    """每低0.1个百分点扣0.5分, 达到6%的得满分, 权重30%: how an assessment scores, not what it aims at."""
    last = before[-1:]
    return bool(last in _PER_STEP_ENDS and _PER_STEP_BEFORE.search(before) or after[:1] in _SCORE_STARTS and _SCORE_AFTER.match(after)
                or last in _WEIGHT_ENDS and _WEIGHT_BEFORE.search(before))


def _is_eligibility(text: str, q: Quantity, clause_start: int) -> bool:
    """对年研发投入超过500万元且增幅达到20%的企业: the clause names who qualifies."""
    return bool(text[clause_start:clause_start + 1] in _ELIGIBILITY_STARTS and _ELIGIBILITY.match(text, clause_start)
                and _DE in text[q.end:boundary_after(text, q.end, CLAUSE_END)])


def _is_qualifier(q: Quantity, after: str) -> bool:
    """营业收入首次突破10亿元的企业, 168个城市的…: a figure that describes a set."""
    return bool(q.base_unit not in _RATE_UNITS and q.cue not in _FLOOR_WORDS and _QUALIFIER_NEEDS in after
                and _QUALIFIER_AFTER.match(after))


def _is_size_class(q: Quantity, after: str) -> bool:
    """投资500万元以上技术改造项目, 过10亿元企业: a size class of projects or firms."""
    return bool(q.base_unit not in _CLASSIFIERS and q.base_unit not in _RATE_UNITS and _SIZE_SPEC_AFTER.match(after))


def _quoted_spans(text: str) -> tuple[list[int], list[int]]:
    """The starts and the ends of the quoted stretches of ``text`` (``_QUOTED``: none overlaps another), in order."""
    starts, ends = [], []
    for m in sieve.all_matches(_QUOTED, text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def _inside_quote(quoted: tuple[list[int], list[int]], pos: int) -> bool:
    """Whether ``pos`` lies strictly inside one of the ``quoted`` spans (:func:`_quoted_spans`): only the last
    span opening before ``pos`` can hold it, so a bisection of the starts answers.

    >>> quoted = _quoted_spans("甲“一企一策”乙")
    >>> [_inside_quote(quoted, pos) for pos in range(8)]
    [False, False, True, True, True, True, True, False]
    """
    starts, ends = quoted
    i = bisect_left(starts, pos) - 1
    return i >= 0 and pos < ends[i]


def _next_in_list(text: str, end: int, start: int) -> bool:
    """Whether a figure follows the one ending at ``end`` in a list: 50万元、30万元, or with its own short
    label (特等奖150万元、一等奖50万元)."""
    return end >= 0 and _LIST_ITEM.fullmatch(text, end, start) is not None


def _counts_the_list(before: str, q: Quantity) -> bool:
    """Whether the figure just counts the items a clause has named (甲、乙、丙3个), not an amount of them."""
    if "、" not in before:
        return False  # no list (removing the quoted parts below adds no 、)
    before = _QUOTED.sub("", before)  # a quoted slogan (“省市共建、一室一策”) holds no items of the list
    if "、" not in before or _DIGIT.search(before):
        return False
    last = before.rsplit("、", 1)[1]
    if not 0 < len(last) <= 10 or not _LIST_WORDS.fullmatch(last):
        return False
    items = before.count("、") + 1 + (1 if _LIST_AND.search(last) else 0)
    return q.value == items


def _clause_around(text: str, start: int, end: int) -> str:
    return text[boundary_before(text, start, CLAUSE_END):boundary_after(text, end, CLAUSE_END)]


def _is_baseline(text: str, q: Quantity) -> bool:
    return bool(_FROM_BEFORE.search(text, q.start - 6 if q.start > 6 else 0, q.start) and _TO_AFTER.match(text, q.end))


def _is_support(text: str, q: Quantity) -> bool:
    # Spaces a scraper left before the figure (最高可按投资额的 10%) change nothing.
    before = text[q.start - 16 if q.start > 16 else 0:q.start].rstrip(" \t\u3000\xa0")
    after = text[q.end:q.end + 1]
    # (the first look heads_a_paid_list takes, here: most figures open no list)
    if not (_SUBSIDY_BEFORE.search(before[-12:])
            or after not in _STOP_AFTER and _SUBSIDY_AFTER.match(text[q.end:q.end + 6])
            or _RATE_OF_BASE_NEEDS in before and _RATE_OF_BASE.search(before)
            or after in _LIST_ITEM_STARTS and heads_a_paid_list(text, q)):
        return False  # no payment word (most figures: read first)
    last_clause = _CLAUSE_STOP.split(before[-8:])[-1]
    # 奖补资金等增幅均超过10%, 补助标准提高5%: the growth of a fund or a standard, not a payment
    return not (_GROWTH.search(before) or any(word in last_clause for word in _STANDARDS))


_SEPARATORS = "、，,：: \t\u3000"  # what a quote of a figure's clause does not open with


def _skip_separators(text: str, start: int, limit: int) -> int:
    while start < limit and text[start] in _SEPARATORS:
        start += 1
    return start


def _counted_noun(text: str, q: Quantity, next_start: int | None) -> str:
    """The words a count or share is of when they follow it: 3家[企业], 90%以上的[乡镇卫生院]."""
    if q.base_unit not in _CLASSIFIERS and q.base_unit not in _RATE_UNITS or text[q.end:q.end + 1] in _STOP_AFTER:
        return ""
    end = q.end + _COUNTED_REACH
    after = text[q.end:end if next_start is None or next_start > end else next_start]
    after = after[1:] if after.startswith(_DE) else after
    m = _COUNTED.match(after)
    return m.group(0) if m and q.base_unit in _CLASSIFIERS or m and text[q.end:q.end + 1] == _DE else ""


# Kept across documents: the words before a figure recur (on the shared corpus 7317 readings hold 4744 phrases; 300
# generated documents, 7061 hold 64). The bound keeps odd texts from growing the table without end.
@lru_cache(maxsize=4096)
def _clean_metric(raw: str) -> str:
    """The metric ``raw`` names: stripped, without an open aside and, up to three rounds, without the lead
    (``_METRIC_LEAD``) and the tail (``_METRIC_TAIL``) that frame it."""
    metric = raw.strip()
    if "（" in metric or "(" in metric:  # what an open aside needs
        metric = _OPEN_ASIDE.sub("", metric)
    for _ in range(3):
        # The lead is anchored at the start and the tail at the end, each matches once: cut where they match
        # (substituting tries the lead at every character).
        lead = _METRIC_LEAD.match(metric) if _leads_off(metric[:1]) else None
        trimmed = metric[lead.end():] if lead else metric
        ends_with_tail = trimmed[-1:] in _METRIC_TAIL_ENDS
        tail = _METRIC_TAIL.search(trimmed) if ends_with_tail else None
        trimmed = trimmed[:tail.start()] + trimmed[tail.end():] if tail else trimmed
        if trimmed == metric:
            break  # a round that trims nothing leaves the next rounds nothing either
        metric = trimmed
    return metric.strip()


@cache  # a few thousand distinct characters at most
def _leads_off(first: str) -> bool:
    """Whether a metric beginning with ``first`` (its first character, "" for an empty one) can open with a
    lead (``_METRIC_LEAD``): the class of the lead's first characters, tested once per character."""
    return _METRIC_LEAD_OPENER.match(first) is not None


def _shares(phrase: str) -> re.Match | None:
    """``_SHARING.search(phrase)``, not searched when no character a match begins with stands in ``phrase``."""
    for ch in _SHARING_OPENS:
        if ch in phrase:
            return _SHARING.search(phrase)
    return None


def _linked_key(metric: str, kind: str, q: Quantity) -> str | None:
    """The metric key, unless the unit contradicts it (经济增长…两个 is no growth rate)."""
    key = metric_key(metric, kind)
    if key is None:
        return None
    is_rate = q.base_unit in _RATE_UNITS
    wants_rate = key.endswith("_growth") or key in RATE_KEYS
    return key if is_rate == wants_rate else None


def _kind(q: Quantity, before: str, metric: str) -> str:
    if q.base_unit in _RATE_UNITS:
        if _DECREASE.search(before):
            return "decrease"
        if q.base_unit == _POINTS:
            return "increase"
        if _GROWTH.search(before) or q.base_unit == _TIMES:
            return "growth_rate"
        return "share"
    if _DECREASE.search(before):
        return "decrease"
    if _INCREASE.search(before) or _INCREASE.search(metric):
        return "increase"
    return "level"


def _hardness(text: str, clause_start: int, pos: int) -> str | None:
    """The last hardness word (力争, 确保 …) of the clause before the figure."""
    # Most clauses hold none (121 of 5943 on the shared corpus): one search tells before their matches are read.
    found = _HARDNESS.search(text, clause_start, pos)
    if found is None:
        return None
    for found in _HARDNESS.finditer(text, found.end(), pos):  # the matches after the first, as a scan of the clause finds
        pass
    return found.group(0)


def _plan_start(text: str) -> int | None:
    """Where the first plan word (``_PLAN_PART``) or heading line of a plan's part (``_PLAN_HEADING``) begins."""
    words, headings = _PLAN_PART.search(text), line_matches(_PLAN_HEADING, text)
    starts = [m.start() for m in (words, *headings[:1]) if m]
    return min(starts) if starts else None


def _role(doc_type: str | None, pos: int, sentence: str, past: bool, plan_start: int | None, reports: bool) -> str:
    """Target or observation, from the document's type and the words of the sentence up to the figure
    (``past``: whether it holds a past word; the future words are searched only when that matters)."""
    if doc_type == "work_report" and plan_start is not None:
        if pos < plan_start:
            return "observation"
        return "observation" if past and not _FUTURE.search(sentence) else "target"
    if doc_type == "progress_report" or reports:
        return "target" if not past and _PROGRESS_FUTURE.search(sentence) else "observation"
    return "observation" if past and not _FUTURE.search(sentence) else "target"


def _review_parts(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the parts a summary gives to what was done (一、上半年工作完成情况 … up to 二、下半年工作计划)."""
    headings = line_matches(_PART_HEADING, text)
    spans = []
    for m, following in zip(headings, [*headings[1:], None]):
        title = m.group(1)
        if _REVIEW_TITLE.search(title) and not _PLAN_TITLE.search(title):
            spans.append((m.end(), following.start() if following else len(text)))
    return tuple(spans)


def _mostly_reports(text: str) -> bool:
    """A document of no known plan type that speaks more in the past than in the future (a summary)."""
    sentences = re.split(f"[{SENTENCE_END}]", text)
    past = sum(1 for s in sentences if _is_past(s) or _REPORTING_MORE.search(s))
    future = sum(1 for s in sentences if _FUTURE.search(s))
    return past > 2 * future


class _Tasks:
    """The tasks of one document (sorted by start) and their starts, listed once for every figure's look-up."""

    __slots__ = ("tasks", "starts")

    def __init__(self, tasks: tuple[TaskRecord, ...]) -> None:
        self.tasks = tasks
        self.starts = [task.start for task in tasks]

    def at(self, pos: int) -> TaskRecord | None:
        """The last task opening at or before ``pos`` that holds it."""
        tasks = self.tasks
        i = bisect_right(self.starts, pos) - 1
        while i >= 0:
            if tasks[i].start <= pos < tasks[i].end:
                return tasks[i]
            i -= 1
        return None




