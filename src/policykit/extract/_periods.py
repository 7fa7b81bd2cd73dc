"""Dates of quantities: the year a document plans or reports for, a plan's period, and the year, period and
as-of date of one figure from the words around it (2023年, 今年, 到2025年，…, 1至4月份, 截至9月底, 十四五末)."""
from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections import Counter
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from .. import lexicon
from ..text import DocumentMetadata
from . import _sieve as sieve
from ._numbers import read_number
from ._spans import FULL_STOP, LINE_END, MAX_REACH, SENTENCE_END, SENTENCE_REACH, boundaries_of, boundary_before, line_matches

if TYPE_CHECKING:
    from ._parsed import ParsedDocument

_TIME_ROWS = lexicon.table("time_words").rows
# Relative year words (今年, 去年 …) and how many years they move from the document's year.
_RELATIVE_OFFSETS = {r["word"]: r["offset"] for r in _TIME_ROWS if r["kind"] == "relative"}
_RELATIVE = "|".join(sorted(_RELATIVE_OFFSETS, key=len, reverse=True))
_THIS_YEAR = frozenset(word for word, offset in _RELATIVE_OFFSETS.items() if offset == "this")  # 今年
_MULTI_YEAR_WORDS = "|".join(re.escape(r["word"]) for r in _TIME_ROWS if r["kind"] == "multi_year")
# Spans ahead of the report that says them, with their last year's offset (今后五年 in a 2026 report: 2030).
_FORWARD_SPANS = {r["word"]: int(r["offset"]) for r in _TIME_ROWS if r["kind"] == "multi_year" and r["offset"]}
# A year word names the period unless it is a comparison base (比上年, 与2016年持平, 从去年的2.1%).
_CN_YEAR = "二〇[〇零一二三四五六七八九]{2}"  # 二〇二五年, as formal texts write years
# Horizon words (面向2030年, 展望2035年, 2035年远景目标) name a later horizon, not the figure's year.
_HORIZON_BEFORE = "|".join(r["word"] for r in _TIME_ROWS if r["kind"] == "horizon_before")
_HORIZON_AFTER = "|".join(r["word"] for r in _TIME_ROWS if r["kind"] == "horizon_after")
# Its branches open with lookbehinds, which the regex engine would try at every character of a window: it is led by
# the class of the characters a match can begin with (see _sieve.opened).
_YEAR_WORD = sieve.opened(re.compile(
    rf"(?<![比较与同于从由])(?<!{_HORIZON_BEFORE})"
    rf"(?:(?P<y>20\d{{2}}|{_CN_YEAR})\s*年(?!\s*[-—至到]\s*20\d{{2}})(?!{_HORIZON_AFTER})|(?P<rel>{_RELATIVE}))"))
# 2012年起5年内 / 从2024年起用三年时间: a span that starts in a stated year and lasts N years.
_SPAN_FROM = re.compile(
    rf"(?P<y>20\d{{2}}|{_CN_YEAR})\s*年(?:起|开始)[，,]?(?:用|在|的)?(?P<n>\d{{1,2}}|[一二两三四五六七八九十])\s*年(?:内|时间|左右|间)?")
# 到“十四五”末, “十四五”时期末: the last year of a five-year plan, stated.
_FIVE_YEAR_END = re.compile(r"十[一二三四五六七八九]五”?(?:时期|期)?末")
_DURATION_GRAMMAR = r"(?:[两三四五六七八九十]|(?<!\d)\d{1,2}(?!\d))\s*年(?:内|时间|左右)?(?:打造|建成|实现|完成|培育|新增|累计|共)"
_DURATION = sieve.opened(re.compile(_DURATION_GRAMMAR))
# What follows a duration's number (年 and a verb): literal-led, its scan costs a fraction of the led search for the
# number (every digit a try), and a window without it holds no duration (none of the 2890 generated ones searched).
_DURATION_TAIL = re.compile(_DURATION_GRAMMAR.partition(r"\s*")[2])
_YEARLY_AVERAGE = re.compile(r"年均(?!浓度|值)")  # 年均增长 over several years; PM2.5年均浓度 is one year's mean
_RECURRING = re.compile(r"每(?:两|三)?(?:年|学年|学期|季度|个?月|周|天|日)")  # a standing rule, for no one year
_TITLE_YEAR = re.compile(r"(20\d{2})\s*年[^\n。]{0,40}(?:工作任务|工作要点|任务|计划|方案|报告|意见|安排|进展|情况)")
_MEETING_DATE = re.compile(r"(20\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*在[^\n]{0,40}?(?:人民代表大会|人大)")
# Five-year aims (今后五年, 十四五期间) are not for the report's year.
_MULTI_YEAR = re.compile(_MULTI_YEAR_WORDS + r"|十[一二三四五六七]五”?(?:期间|时期|末)")
# A plan's own period, from its title: （2023—2025年）, “十四五”, 第十四个五年规划.
_PLAN_RANGE = re.compile(r"(20\d{2})\s*[—–\-－~至到]\s*(20\d{2})\s*年")
_FIVE_YEAR_PLAN = re.compile(r"十([一二三四五六七八九])五|第十([一二三四五六七八九])个五年")
# Document types that plan (their own period, a review of the years before it); None: type unknown.
PLAN_TYPES = (None, "action_plan", "key_tasks", "policy_measures", "other")
# A paragraph that opens with its year: 到2025年，… / （二）力争到2027年底，…
_PARAGRAPH_YEAR = re.compile(
    r"[ \t\u3000]*(?:[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.、．])?[ \t\u3000]*(?:力争|争取|确保)?(?:到|至)?"
    rf"(?:20\d{{2}}|{_CN_YEAR})\s*年(?:底|末|年底)?前?[，,：:]")
_YEAR_NEEDS = sieve.required_chars(_YEAR_WORD)  # 年: a window without it holds no year word
_HEADING = re.compile(r"(?m)^[ \t\u3000]*[一二三四五六七八九十]+、[^\n]{0,40}$")
_HEADING_STARTS = sieve.start_gate(_HEADING)  # a line opening with none of them is no heading
# The words that name a period (lexicon ``period_patterns``). The month words open with a number (a branch of
# digits or numerals, no first character the regex engine scans for): each is led by the class of its first
# characters (see _sieve.opened), as is a duration.
_PERIOD_PATTERNS = {r["name"]: r["pattern"] for r in lexicon.table("period_patterns").rows}
_NUMERAL, _RANGE_MARK, _MONTH_WORD, _MONTH_SUFFIX = (
    _PERIOD_PATTERNS[name] for name in ("numeral", "range_mark", "month", "month_suffix"))
_MONTH_RANGE = sieve.opened(re.compile(
    rf"(?P<a>\d{{1,2}}|{_NUMERAL}{{1,2}})\s*{_RANGE_MARK}\s*(?P<b>\d{{1,2}}|{_NUMERAL}{{1,3}})\s*{_MONTH_WORD}(?:{_MONTH_SUFFIX})?"))
# The month range read from its end (its pieces are single characters; its optional suffix left out: a match with it
# holds one without): the reversed text holds a match of it exactly where the text holds one of _MONTH_RANGE. Its
# search is led by the month word (a literal: a skip at C speed), the range's own tries every digit and numeral.
# Its first match is at the last month word a range ends at, and no range holds a month word before its end: the
# last range of the text ends there, and its numbers (whole runs after the mark; the last two before it, as the
# leftmost start takes them) are the reversed match's groups, reversed.
_MONTH_RANGE_FROM_END = re.compile(
    rf"{_MONTH_WORD}\s*(?P<b>\d{{1,2}}|{_NUMERAL}{{1,3}})\s*{_RANGE_MARK}\s*(?P<a>\d{{1,2}}|{_NUMERAL}{{1,2}})")
# A quarter may open with an optional 第 (no first character either): led, a search costs a third (each character is one class test, not a try of three branches).
_QUARTERS = sieve.opened(re.compile(_PERIOD_PATTERNS["quarters"]))
_UNTIL = re.compile(_PERIOD_PATTERNS["until"])
_MONTH_END = sieve.opened(re.compile(_PERIOD_PATTERNS["month_end"]))
_ONE_MONTH = sieve.opened(re.compile(_PERIOD_PATTERNS["one_month"]))


def document_year(text: str, metadata: DocumentMetadata) -> int | None:
    """The year a document plans or reports for: metadata, then the title, then the text's title line,
    then the date of the congress session a work report was delivered at; never a horizon (面向2030年).

    >>> document_year("成武县2023年重点工作任务\\n正文", DocumentMetadata())
    2023
    >>> document_year("政府工作报告\\n——2026年1月14日在省人民代表大会上\\n面向2035年，到2030年…", DocumentMetadata())
    2026
    """
    if metadata.year:
        return metadata.year
    for source in (metadata.title or "", text[:600]):
        m = _TITLE_YEAR.search(source)
        if m:
            return int(m.group(1))
    if m := _MEETING_DATE.search(text, 0, 2000):
        return int(m.group(1))  # ——2026年1月14日在…人民代表大会…上: a work report plans for the year it is delivered
    if metadata.issued_on and metadata.issued_on[:4].isdigit():
        return int(metadata.issued_on[:4])
    years = Counter(re.findall(r"(20\d{2})\s*年", text))
    return int(years.most_common(1)[0][0]) if years else None


def plan_period(text: str, metadata: DocumentMetadata) -> tuple[int, int] | None:
    """First and last year of a plan named in its title: （2023—2025年）, “十四五”, 第十四个五年规划.

    Only plans (not work reports or progress reports) have one.

    >>> plan_period("", DocumentMetadata(title="某市行动方案（2023—2025年）", doc_type="action_plan"))
    (2023, 2025)
    >>> plan_period("中州市“十四五”生态环境保护规划\\n正文", DocumentMetadata(doc_type="action_plan"))
    (2021, 2025)
    """
    if metadata.doc_type not in PLAN_TYPES:
        return None
    title = metadata.title or text.lstrip()[:80].split("\n", 1)[0]
    if m := _PLAN_RANGE.search(title):
        first, last = int(m.group(1)), int(m.group(2))
        return (first, last) if first <= last <= first + 15 else None
    end = five_year_end(title)  # (a name of its own: ``last`` above is always a year)
    return (end - 4, end) if end else None


def _named_span_end(doc: ParsedDocument, pos: int, multi_year: re.Match) -> int | None:
    """Last year of the span a five-year word names: the plan it names (“十五五”时期, or 《纲要》 under a
    heading or in a paragraph naming 十五五), or 今后五年 counted from the report's year."""
    doc_year = doc.year
    ends = [five_year_end(multi_year.group(0)), five_year_end(doc.text[doc.boundaries.before(pos, LINE_END):pos]),
            five_year_end(_heading_before(doc, pos))]
    if doc_year and multi_year.group(0) in _FORWARD_SPANS:
        ends.append(doc_year + _FORWARD_SPANS[multi_year.group(0)])
    if doc_year:
        ends.append(doc_year + 4 - (doc_year - 1981) % 5)  # 《纲要》 of the plan the report's year belongs to
    # A target is never for a span that ended before the report (a heading's 十四五 review in a 2026 report).
    return next((end for end in ends if end and (doc_year is None or end >= doc_year)), None)


def five_year_end(word: str) -> int | None:
    """Last year of the five-year plan a word names (“十四五”末 -> 2025), or None."""
    m = _FIVE_YEAR_PLAN.search(word)
    if not m:
        return None
    number = 10 + _count(m.group(1) or m.group(2))
    return 1981 + 5 * (number - 6) + 4  # the sixth plan ran 1981–1985


@cache  # a handful of numerals, read for many figures: read_number normalises its digits first (a find per character)
def _count(numeral: str) -> int:
    """The whole number a numeral the grammar matched writes (十 -> 10, 5 -> 5)."""
    value = read_number(numeral)
    if value is None:  # (the grammar's numerals all read: a pattern that let another through is wrong)
        raise ValueError(f"not a numeral: {numeral!r}")
    return int(value)


_CN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")  # the digits of a year written in numerals


def stated_year_of(match: re.Match | None) -> int | None:
    """The year a year word states (2023年 -> 2023, 二〇二五年 -> 2025), or None for 今年, 年底 and the like."""
    if match is None or not match.group("y"):
        return None
    return _year_of(match.group("y"))


def _year_of(digits: str) -> int:
    """The year that digits or numerals write (2023, 二〇二五)."""
    return int(digits.translate(_CN_DIGITS))


def last_year_word(text: str, start: int, end: int, stated_only: bool = False) -> re.Match | None:
    """The last year word in ``text[start:end]``; with ``stated_only``, the last one that names a year (2023年)."""
    found = None
    if sieve.could_match(_YEAR_NEEDS, text, start, end):
        for m in _YEAR_WORD.finditer(text, start, end):
            if m.group("y") or not stated_only:
                found = m
    return found


# The stops of a sentence within a paragraph (a line end opens one): no year word, nor a look of its pattern (digits,
# spaces, 年, 至 …), reads across one.
_YEAR_WORD_STOPS = frozenset(SENTENCE_END.replace(LINE_END, ""))


def paragraph_year(text: str, end: int, read: dict[int, tuple[int, re.Match | None]]) -> re.Match | None:
    """``last_year_word(text, boundary_before(text, end, LINE_END), end, True)``, the paragraph read on from where an
    earlier read of it stopped (``read``, kept for one text: by paragraph start, where a read stopped right after a
    stop of ``_YEAR_WORD_STOPS`` and the last word it found). No year word holds such a stop or looks across it, so
    the words of the paragraph up to ``end`` are those before the stop and those after it, each read once.

    >>> read = {}
    >>> [paragraph_year("2020年，甲。乙。2023年丙。丁", end, read).group() for end in (6, 8, 15)]
    ['2020年', '2020年', '2023年']
    """
    start = boundary_before(text, end, LINE_END)
    done = read.get(start)
    if done is not None and done[0] <= end:
        found = last_year_word(text, done[0], end, True) or done[1]
    else:
        found = last_year_word(text, start, end, True)
    if end > start and text[end - 1] in _YEAR_WORD_STOPS:
        read[start] = end, found
    return found


def when(doc: ParsedDocument, sentence_start: int, clause_start: int, pos: int, role: str,
         sentences: dict[int, Sentence] | None = None) -> tuple[int | None, str, str | None, str | None]:
    """Year, where the year came from (one of ``stated plan_period report_year relative unknown``) and,
    for observations, the normalised period and as-of date of a quantity at ``pos``, whose sentence
    (``SENTENCE_END`` within ``SENTENCE_REACH``) and clause (``CLAUSE_END``) start where the caller says.

    A plan's targets that state no year are for its last year (到2025年 in a 十四五 plan). What the sentence
    alone decides is read once per sentence: pass the same ``sentences`` (a dict kept for one document's
    read, keyed by sentence start) for every figure of one document.

    >>> from policykit.text import DocumentMetadata
    >>> from policykit.extract._parsed import parse
    >>> doc = parse("2012年起5年内，新建学校20所。", DocumentMetadata(year=2012))
    >>> when(doc, 0, 8, doc.text.index("20所"), "target")[:2]
    (2016, 'relative')
    """
    text, metadata, doc_year, plan = doc.text, doc.metadata, doc.year, doc.plan
    shared = sentences.get(sentence_start) if sentences is not None else None
    if shared is None:
        shared = Sentence(doc, sentence_start)
        if sentences is not None:
            sentences[sentence_start] = shared
    line_start = shared.line_start(pos)
    # Each pattern searched for before the figure needs a cue (see Sentence): where the sentence holds none by the
    # figure, none is; else the words each needs are looked for in the words before the figure, cut once.
    cued = pos > shared.cue
    before = text[sentence_start:pos] if cued else ""
    # Each span, year word, duration and yearly average holds a character of _YEAR_NEEDS (年; a test holds the
    # patterns to it): most sentences name no year.
    dated = cued and sieve.holds(_YEAR_NEEDS, before)
    span = sieve.last_match(_SPAN_FROM, text, sentence_start, pos) if dated and sieve.holds(_SPAN_NEEDS, before) else None
    year: int | None  # (None where no year is known)
    if span is not None:  # 2012年起5年内: the span's last year
        year = _year_of(span.group("y")) + _count(span.group("n")) - 1
        if role == "target":
            return year, "relative", None, None
        return year, "relative", *_observed(doc, shared, line_start, pos, year)
    five_year = sieve.last_match(_FIVE_YEAR_END, text, sentence_start, pos) \
        if cued and sieve.holds(_FIVE_YEAR_END_NEEDS, before) else None
    if five_year is not None and role == "target":
        return five_year_end(five_year.group()), "stated", None, None
    stated = None
    for m in _YEAR_WORD.finditer(before) if dated else ():
        if m.group("y") or m.start() >= clause_start - sentence_start:  # 上年 / 今年 reach no further than their clause
            stated = m
    if stated is None:
        if role not in shared.stated:
            shared.stated[role] = _stated_before(doc, sentence_start, role, shared)
        stated = shared.stated[role]
    relative = stated.group("rel") if stated else None
    if not shared.five_year:
        multi_year = None  # the text holds no five-year word, nor does a heading of it
    elif shared.multi_year or cued and sieve.holds(_MULTI_YEAR_NEEDS, before):
        multi_year = doc.five_year_words.last(line_start, pos)  # (read once per paragraph)
    else:
        multi_year = None
    if multi_year is None and stated is None and shared.five_year:  # the five-year word of the heading above (see _heading_at)
        multi_year = shared.heading_span(text, pos)
    stated_year = stated_year_of(stated) if stated is not None else None
    if stated_year and multi_year and multi_year.string is text \
            and multi_year.start() > (stated.start() if stated.string is text else sentence_start + stated.start()):
        stated_year = None  # 2021年开局…，今后五年年均增长6%: the five-year word speaks last
    # A clause within a sentence with no cue by the figure holds neither pattern (a cue is a character of their needs).
    clause_cued = cued or clause_start < sentence_start
    recurring = clause_cued and _in_clause(_RECURRING, _RECURRING_NEEDS, text, before, sentence_start, clause_start, pos)
    if role == "observation" and not stated_year and clause_cued \
            and _in_clause(_YEARLY_AVERAGE, _YEARLY_AVERAGE_WORDS, text, before, sentence_start, clause_start, pos):
        recurring = True  # 城镇新增就业年均1270多万人: a review's average over years, no one year's outcome
    span_end = _named_span_end(doc, pos, multi_year) if multi_year and role == "target" else None
    if not recurring and not stated_year and plan is None and span_end:
        year, source = span_end, "plan_period"  # “十五五”时期主要目标：…年均增长5%左右 in a 2026 report: 2030
    # (a duration needs only the 年 that dated found: searched for itself, only where its answer counts)
    elif recurring or plan is None and not stated_year and (dated and _holds_duration(before) or multi_year):
        year, source = None, "unknown"  # 三年打造1个平台: a multi-year aim whose end year is not stated
    elif stated_year:
        year, source = stated_year, "stated"  # 今后五年…，到2027年突破4000亿元
    elif role == "target" and plan is not None and (relative is None or dated and _holds_duration(before)):
        year = five_year_end(multi_year.group(0)) if multi_year else None
        year, source = year or plan[1], "plan_period"  # 到“十四五”末 in a plan for 2024—2026 is 2025
    elif doc_year is None:
        year, source = None, "unknown"
    elif (offset := _RELATIVE_OFFSETS.get(relative or "", "")) not in ("", "this"):
        year, source = doc_year + int(offset), "relative"
    elif relative not in _THIS_YEAR and role == "observation" and metadata.doc_type == "work_report":
        year, source = doc_year - 1, "report_year"  # a work report reviews the year before the one it plans
    elif role == "target" and plan is not None:
        year, source = plan[1], "plan_period"
    else:
        year, source = doc_year, "relative" if relative in _THIS_YEAR else "report_year"
    if role == "target":
        return year, source, None, None
    return year, source, *_observed(doc, shared, line_start, pos, year)


def _holds_duration(before: str) -> bool:
    """Whether a duration (三年打造, 5年内完成) stands in ``before``: its tail is sought first (see _DURATION_TAIL)."""
    return _DURATION_TAIL.search(before) is not None and _DURATION.search(before) is not None


def _in_clause(pattern: re.Pattern, needs: tuple, text: str, before: str, sentence_start: int, clause_start: int,
               pos: int) -> bool:
    """Whether ``pattern`` matches in the clause up to ``pos``: searched only where the words before the figure in its
    sentence (``before``, cut at its first cue) hold its ``needs``, or, for a clause that starts before the sentence
    (cut at the reach) and reaches words the sentence does not hold, where the clause does."""
    if clause_start < sentence_start:
        return sieve.search(pattern, text, clause_start, pos, needs) is not None
    return sieve.holds(needs, before) and pattern.search(text, clause_start, pos) is not None


def _stated_before(doc: ParsedDocument, sentence_start: int, role: str, shared: Sentence) -> re.Match | None:
    """The year word a figure whose sentence states none takes from before the sentence: a target from the
    sentence across ；, or from the opening of its paragraph; an observation in a plan from its paragraph."""
    text, paragraph_start = doc.text, shared.paragraph_start
    if role == "observation":
        return last_year_word(text, paragraph_start, sentence_start, True) if doc.plan is not None else None
    if role != "target":
        return None
    # 至2023年年底,…每校至少配备2名;…至少配备1名: the year spans the ；
    stated = last_year_word(text, shared.full_stop, sentence_start, True)
    if stated is None and paragraph_start < sentence_start:
        opening = _PARAGRAPH_YEAR.match(text, paragraph_start)
        if opening:  # 到2025年，A达到X。B达到Y: the opening year holds for the paragraph
            stated = last_year_word(text, paragraph_start, opening.end(), True)
        elif sieve.could_match(_YEAR_NEEDS, text, paragraph_start, paragraph_start + _LEAD_REACH):
            # （一）2023年目标。全市… / 2024年：…; a paragraph that opens with no 年 has no lead's year to find
            lead = doc.boundaries.after(paragraph_start, _LEAD_STOPS)
            if lead - paragraph_start <= _LEAD_REACH and lead < sentence_start:
                stated = last_year_word(text, paragraph_start, lead, True)
    return stated


def _observed(doc: ParsedDocument, shared: Sentence, paragraph_start: int, pos: int,
              year: int | None) -> tuple[str | None, str | None]:
    """Period and as-of date of an observation: stated in the sentence (up to 。, across ；), or in the one
    before it (1至4月份,…。首期项目已开工43个; 截至9月底，…；改造…；新增托位1850个); the paragraph
    starts where the caller found it (``LINE_END`` before ``pos``)."""
    if year is None:
        return doc.metadata.period, None  # the document's period, whatever the window says: no window read
    if not shared.could_name_period(doc.text, paragraph_start, pos):
        return str(year), None  # the paragraph so far names no period, nor does the window within it: no window read
    # (conditional expressions: a max() or min() call costs ~1.3k instructions more, for every observation)
    full, previous = shared.full_sentence_start(pos), shared.previous_start
    start = full if full < previous else previous
    return _period(doc.text[start if start > paragraph_start else paragraph_start:pos], year)


# The words a span and a yearly average need (年起, 年均), rarer than their characters (起, 均 alone).
_SPAN_NEEDS, _YEARLY_AVERAGE_WORDS = sieve.required_words(_SPAN_FROM), sieve.required_words(_YEARLY_AVERAGE)
_LEAD_STOPS = SENTENCE_END + "：:"  # where a paragraph's lead (2024年：…) ends
_LEAD_REACH = 16  # how long a paragraph's lead that states the paragraph's year may be
_FIVE_YEAR_END_NEEDS, _MULTI_YEAR_NEEDS, _RECURRING_NEEDS = (
    sieve.requirements(pattern) for pattern in (_FIVE_YEAR_END, _MULTI_YEAR, _RECURRING))
# A stop that ends a sentence, or a character of one group of each pattern's needs (each needs one: a sentence up
# to its stop that holds none of them holds none of a group, and could match none of them).
_SENTENCE_CUE_CHARS = sieve.requirements_of_any((_YEAR_WORD, _FIVE_YEAR_END, _MULTI_YEAR, _RECURRING, _YEARLY_AVERAGE))
_SENTENCE_CUES = re.compile("[" + re.escape(SENTENCE_END + "".join(_SENTENCE_CUE_CHARS)) + "]")
_NEVER = 1 << 62  # a place no figure reaches


class Sentence:
    """What :func:`when` reads around a sentence that is the same for every figure in it, read once.

    No stop of ``SENTENCE_END`` lies between the sentence's start and a figure in it, and the figure stands
    within ``SENTENCE_REACH`` of it, so the stops a figure looks back for are the ones before the sentence,
    cut at the reach of ``Boundaries.before`` from the figure: the start of its paragraph, of its sentence
    across ；, of the sentence before and the section heading above.

    >>> from policykit.extract._parsed import parse
    >>> doc = parse("一、“十五五”时期目标\\n到2030年，A达到3个；B达到5个。", DocumentMetadata())
    >>> s, pos = Sentence(doc, doc.text.index("B")), doc.text.index("5个")
    >>> doc.text[s.line_start(pos):pos], doc.text[s.previous_start:pos], s.heading_span(doc.text, pos).group(0)
    ('到2030年，A达到3个；B达到', '到2030年，A达到3个；B达到', '十五五”时期')
    """

    __slots__ = ("paragraph_start", "_full_stop", "_previous_start", "_doc", "_start", "_line", "_on_heading", "_heading_span",
                 "_period_end", "stated", "cue", "multi_year", "five_year")

    def __init__(self, doc: ParsedDocument, start: int) -> None:
        text = doc.text
        self._doc, self._start = doc, start
        self._full_stop = self._previous_start = self._period_end = -1  # not yet read: see full_stop, previous_start …
        self._line = line = text.rfind(LINE_END, 0, start) + 1  # the line, as _heading_at finds it (no reach)
        reach = start - MAX_REACH  # bounds.before(start, LINE_END): the line, cut at the reach (no max() call)
        self.paragraph_start = line if line > reach else reach
        # Whether the text holds a five-year word at all (most generated ones do not): where it holds none, no heading
        # names a span and no paragraph holds one, and neither the headings nor the paragraph are read.
        self.five_year = five_year = doc.five_year_words.anywhere
        self._on_heading = five_year and text[line:line + 1] in _HEADING_STARTS  # whether a figure's line may be a heading
        # The last heading of an earlier line: one on this line ends at the line's end, after every figure
        # but one at that end, which _HEADING.match(text, line, pos) finds first.
        i = bisect_right(doc.headings.ends, line) - 1 if five_year else -1
        self._heading_span = doc.headings.spans[i] if i >= 0 else None
        self.stated: dict[str, re.Match | None] = {}  # by role: see _stated_before
        # Where the sentence's first cue stands (a character one group of the needs of each pattern :func:`when`
        # looks for before a figure is made of), _NEVER where its stop comes first: no window of the sentence that
        # ends at or before it holds a match. Most sentences hold none: one search, which stops at the sentence's end.
        cue = _SENTENCE_CUES.search(text, start, start + MAX_REACH)
        self.cue = _NEVER if cue is None or text[cue.start()] in SENTENCE_END else cue.start()
        # Whether the paragraph before the sentence holds what a five-year word needs (the words before a figure
        # tell for the sentence itself).
        self.multi_year = five_year and sieve.could_match(_MULTI_YEAR_NEEDS, text, self.paragraph_start, start)

    @property
    def full_stop(self) -> int:
        """The start of the sentence across ； (reach: the sentence start's), read on first use (a figure's
        period, a target's year from before the sentence): a sentence whose stop ends the whole sentence starts it."""
        if self._full_stop < 0:
            self._full_stop = self._doc.boundaries.before_from(self._start, FULL_STOP, self._start, SENTENCE_REACH)
        return self._full_stop

    @property
    def previous_start(self) -> int:
        """The start of the sentence before, read on first use (an observation's period)."""
        if self._previous_start < 0:
            pos = self._start - 1 if self._start > self.paragraph_start else self.paragraph_start
            self._previous_start = self._doc.boundaries.before(pos, SENTENCE_END)
        return self._previous_start

    def could_name_period(self, text: str, line_start: int, pos: int) -> bool:
        """``sieve.could_match(_PERIOD_NEEDS, text, line_start, pos)`` for a figure of the sentence at ``pos`` and its
        ``line_start``: where that is the paragraph's start, whether the words of each group end by ``pos``, from
        where the first of each group from there ends, found once for the figures of the sentence (they stand within
        ``SENTENCE_REACH`` of its start), not once for each."""
        if line_start != self.paragraph_start or pos > self._start + SENTENCE_REACH:
            return sieve.could_match(_PERIOD_NEEDS, text, line_start, pos)
        if self._period_end < 0:
            self._period_end = sieve.needs_met_by(_PERIOD_NEEDS, text, line_start, self._start + SENTENCE_REACH)
        return self._period_end <= pos

    def line_start(self, pos: int) -> int:
        """``bounds.before(pos, LINE_END)`` for a figure of the sentence at ``pos``."""
        return self.paragraph_start if self.paragraph_start > pos - MAX_REACH else pos - MAX_REACH

    def full_sentence_start(self, pos: int) -> int:
        """``bounds.before(pos, FULL_STOP, SENTENCE_REACH)`` for a figure of the sentence at ``pos``."""
        full_stop = self.full_stop
        return full_stop if full_stop > pos - SENTENCE_REACH else pos - SENTENCE_REACH

    def heading_span(self, text: str, pos: int) -> re.Match | None:
        """:func:`_span_named` of the heading before ``pos`` (see :func:`_heading_at`), read once per heading."""
        current = _HEADING.match(text, self._line, pos) if self._on_heading else None  # a heading pos lies on, up to pos
        return _span_named(current.group(0)) if current else self._heading_span


class ParagraphWords:
    """The matches of a pattern in a text's paragraphs, each paragraph searched once, on first use: the last match
    before each figure of it is then a bisection, not a search of the paragraph so far (:func:`when` reads the
    five-year words, 今后五年, “十四五”时期 …, from the paragraph's start to each figure).

    The pattern must read no character beyond its match (no lookahead, no ``$``): a match within a window then
    reads as it does in the whole paragraph.

    >>> words = ParagraphWords(_MULTI_YEAR, "今后五年，“十四五”时期末达到3个，5个\\n")
    >>> words.last(0, 17).group(), words.last(0, 8).group(), words.last(5, 17).group()
    ('十四五”时期', '今后五年', '十四五”时期')
    """

    __slots__ = ("pattern", "text", "_found", "_anywhere")

    def __init__(self, pattern: re.Pattern, text: str) -> None:
        self.pattern, self.text = pattern, text
        self._found: dict[int, tuple[list[int], list[re.Match]]] = {}  # by paragraph start: the ends, the matches
        self._anywhere: bool | None = None  # not yet read

    @property
    def anywhere(self) -> bool:
        """Whether the pattern matches anywhere in the text (read on first use): searched only around each place where
        a character every match holds one of stands (``sieve.requirements``: its first group), within the widest
        match's reach, each found by str.find; the regex engine's own search would try the pattern at every character.

        >>> ParagraphWords(_MULTI_YEAR, "第五条\\n今后五年").anywhere, ParagraphWords(_MULTI_YEAR, "第五条").anywhere
        (True, False)
        """
        if self._anywhere is None:
            self._anywhere = sieve.found_anywhere(self.pattern, self.text)
        return self._anywhere

    def last(self, start: int, end: int) -> re.Match | None:
        """``_sieve.last(pattern, text, start, end)`` for a window of at most ``MAX_REACH`` within a line.

        Where ``start`` opens a line, the line's matches (up to the reach) that end by ``end`` are the window's;
        one that runs across ``end`` reads differently (a shorter match may end within the window), and the
        window is then searched itself, as is a window cut at the reach (one search: its start is no other's).
        """
        pattern, text = self.pattern, self.text
        if start and text[start - 1] != LINE_END:
            return sieve.last(pattern, text, start, end)
        found = self._found.get(start)
        if found is None:
            matches = list(pattern.finditer(text, start, boundaries_of(text).after(start, LINE_END)))  # to the line's end or reach
            found = self._found[start] = [m.end() for m in matches], matches
        ends, matches = found
        i = bisect_right(ends, end)  # the matches that end by ``end``
        if i < len(matches) and matches[i].start() < end:
            return sieve.last(pattern, text, start, end)
        return matches[i - 1] if i else None


def five_year_words(text: str) -> ParagraphWords:
    """The five-year words of ``text``'s paragraphs (see :class:`ParagraphWords`), found as figures ask.

    >>> five_year_words("今后五年，新增3个").last(0, 7).group()
    '今后五年'
    """
    return ParagraphWords(_MULTI_YEAR, text)


class Headings(NamedTuple):
    """The section headings (一、…) of a text: where each ends, its line and the span its words name."""

    ends: list[int]
    lines: list[str]
    spans: list[re.Match | None]  # see :func:`_span_named`


def headings_of(text: str) -> Headings:
    """The section headings of ``text``, found once so that each figure costs a bisection, not a rescan.

    >>> headings_of("一、目标\\n正文\\n二、任务\\n").lines
    ['一、目标', '二、任务']
    """
    matches = line_matches(_HEADING, text)
    lines = [m.group(0) for m in matches]
    return Headings([m.end() for m in matches], lines, [_span_named(line) for line in lines])


def _span_named(heading: str) -> re.Match | None:
    """The five-year word of a heading that states no year (二、“十五五”时期目标任务和2026年工作安排: none)."""
    if not sieve.holds(_MULTI_YEAR_NEEDS, heading):
        return None  # most headings hold no character a five-year word needs: their year words need no reading
    return _MULTI_YEAR.search(heading) if last_year_word(heading, 0, len(heading), True) is None else None


def _heading_before(doc: ParsedDocument, pos: int) -> str:
    """The nearest section heading (一、…) before a position, or ""."""
    return _heading_at(doc, pos)[1]


def _heading_at(doc: ParsedDocument, pos: int) -> tuple[int | None, str]:
    """The nearest section heading before a position: its index in ``doc.headings`` and its line (None and
    the line so far for a heading that ``pos`` lies on, None and "" for none)."""
    # The line holding ``pos`` is read up to ``pos`` only, as finditer(text, 0, pos) would; a heading of
    # an earlier line counts when it ends at ``pos`` or before.
    line_start = doc.text.rfind("\n", 0, pos) + 1
    current = _HEADING.match(doc.text, line_start, pos)
    if current:
        return None, current.group(0)
    ends, lines, _ = doc.headings
    i = bisect_right(ends, pos) - 1
    return (i, lines[i]) if i >= 0 else (None, "")


def _period(before: str, year: int) -> tuple[str, str | None]:
    """Period and as-of date of an observation of ``year`` from the words of ``before``: the last one of the first
    kind that reads (1至4月份 before 上半年), else the year."""
    if sieve.holds(_PERIOD_NEEDS, before):  # most windows name no period: one test
        # A month range is read from the window's end (most windows with a month word hold none: 1284 of the
        # 1813 generated ones; a search led by the month word skips them at C speed), its last one at once.
        last_range = _MONTH_RANGE_FROM_END.search(before[::-1])
        if last_range is not None:
            period = _months(last_range.group("a")[::-1], last_range.group("b")[::-1], year)
            if period is not None:
                return period
        for pattern, needs, builder in _PERIOD_READERS:
            found = sieve.last_match(pattern, before, 0, len(before)) if sieve.holds(needs, before) else None
            if found is not None:
                period = builder(found, year)
                if period is not None:
                    return period
    return str(year), None


@cache  # as _count
def _month(word: str | None) -> int | None:
    value = read_number(word) if word else None
    return int(value) if value is not None and 1 <= value <= 12 and value == int(value) else None


def _month_range(m: re.Match, year: int) -> tuple[str, str | None] | None:
    return _months(m.group("a"), m.group("b"), year)


def _months(first: str, last: str, year: int) -> tuple[str, str | None] | None:
    """The period of a month range's numbers (1, 4 -> 2024-01/2024-04), None where they name no months in order."""
    a, b = _month(first), _month(last)
    if a is None or b is None or a > b:
        return None
    return f"{year}-{a:02d}/{year}-{b:02d}", None


def _quarter(m: re.Match, year: int) -> tuple[str, str | None] | None:
    last = 9 if m.group("nine") else 6 if m.group("half") else 3 * (_month(m.group("q")) or 1)
    first = last - 2 if m.group("q") else 1  # the first nine months and the first half start in January
    return f"{year}-{first:02d}/{year}-{last:02d}", None


def _until(m: re.Match, year: int) -> tuple[str, str | None] | None:
    month = _month(m.group("m"))
    if month is None:
        return None
    return f"{year}-01/{year}-{month:02d}", _last_day(year, month)


def _month_end(m: re.Match, year: int) -> tuple[str, str | None] | None:
    month = _month(m.group("m"))
    return (f"{year}-{month:02d}", _last_day(year, month)) if month else None


def _one_month(m: re.Match, year: int) -> tuple[str, str | None] | None:
    month = _month(m.group("m"))
    return (f"{year}-{month:02d}", None) if month else None


@cache  # calendar.monthrange builds a date for the weekday it also answers: ~15k instructions, for a few dozen months
def _last_day(year: int, month: int) -> str:
    return f"{year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


# The words that name an observation's period, most specific first, with the reading of each.
_PERIOD_WORDS = ((_MONTH_RANGE, _month_range), (_QUARTERS, _quarter), (_UNTIL, _until), (_MONTH_END, _month_end),
                 (_ONE_MONTH, _one_month))
# What a match of each needs, and of any: words, not characters (上 alone is in 以上 and 上年, 目 in 目标).
_PERIOD_NEEDS = sieve.words_of_any(pattern for pattern, _ in _PERIOD_WORDS)
# (The month range, first, is read on its own: see _period.)
_PERIOD_READERS = tuple((pattern, sieve.required_words(pattern), builder) for pattern, builder in _PERIOD_WORDS[1:])
