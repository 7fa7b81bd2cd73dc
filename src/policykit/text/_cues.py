"""What the reading stage reads texts with: its words from the lexicon, and the grammar its patterns share.

Words live in ``lexicon/data`` (``document_words.tsv``, ``header_labels.tsv``, ``numeral_digits.tsv`` …);
here they become alternations and character classes once. What stays as characters in code is grammar
shared by every reader: the marks of a date (年 月 日), of a 文号 (号), of an ordinal (第) and the particle
of a notice title (的).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .. import lexicon

HAN = r"[\u4e00-\u9fff]"


def words(topic: str, key: str, column: str | None = None) -> tuple[str, ...]:
    """The ``|``-separated words of the rows of ``topic`` whose first column is ``key`` (in ``column``,
    by default the last).

    >>> words("document_words", "about")
    ('关于',)
    """
    table = lexicon.table(topic)
    column = column or table.columns[-1]
    return tuple(w for row in table.rows if row[table.columns[0]] == key for w in row[column].split("|") if w)


def alt(topic: str, key: str, column: str | None = None) -> str:
    """:func:`words` as one regular-expression alternation, longest first."""
    return lexicon.alternation_of(words(topic, key, column))


def spaced(labels: tuple[str, ...] | list[str]) -> str:
    """An alternation of labels that a page may write with spaces between their characters (标 题), longest first.

    >>> re.fullmatch(spaced(["标题"]), "标 题") is not None
    True
    """
    return "(?:" + "|".join(r"\s*".join(map(re.escape, w)) for w in sorted(labels, key=lambda w: (-len(w), w))) + ")"


class LinePattern(NamedTuple):
    """A pattern of a line from its start (``^…`` under ``re.M``), read at the text's start and after a line
    break: led by a literal break, the search jumps from break to break at C speed, where ``^`` is tried at
    every character. Made by :func:`line_pattern`, searched with :func:`line_spans`."""

    at_start: re.Pattern[str]
    after_break: re.Pattern[str]


def line_pattern(line: str) -> LinePattern:
    """The :class:`LinePattern` of ``line`` (a pattern without its leading ``^``); a match of it must never
    end just after a line break (it would hide a match on the line that break opens)."""
    return LinePattern(re.compile(f"^(?:{line})", re.M), re.compile(f"\\n(?:{line})", re.M))


def line_matches(pattern: LinePattern, text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """The matches of ``pattern.at_start.finditer(text, start, end)``, found from the line breaks: their groups are
    those matches' groups; a match after a line break spans that break too.

    >>> [m.group(1) for m in line_matches(line_pattern("附件(\\\\d)$"), "附件1\\n正文\\n附件2")]
    ['1', '2']
    """
    end = len(text) if end is None else end
    found = []
    if start == 0 and (first := pattern.at_start.match(text, 0, end)):
        found.append(first)
        start = first.end()
    # a break just before ``start`` opens a line that ^ finds there
    found += pattern.after_break.finditer(text, max(start - 1, 0), end)
    return found


def line_search(pattern: LinePattern, text: str) -> re.Match[str] | None:
    """The first match of ``pattern.at_start.search(text)``, found from the line breaks (as :func:`line_matches`).

    >>> line_search(line_pattern("附件(\\\\d)$"), "正文\\n附件2").group(1)
    '2'
    """
    return pattern.at_start.match(text) or pattern.after_break.search(text)


def line_spans(pattern: LinePattern, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The spans of ``pattern.at_start.finditer(text, start, end)``, found from the line breaks.

    >>> line_spans(line_pattern("附件\\\\d?$"), "附件1\\n正文\\n附件2\\n附件")
    [(0, 3), (7, 10), (11, 13)]
    """
    return [(m.start() + (m.re is pattern.after_break), m.end()) for m in line_matches(pattern, text, start, end)]


# Grammar: the marks of a date, a 文号, an ordinal (第十五届) and the particle before a notice noun (…的通知).
Y, M, D = "年月日"
HAO = "号"
ORDINAL = "第"
OF = "的"

_NUMERALS = {row["char"]: (int(row["value"]), row["kind"]) for row in lexicon.table("numeral_digits").rows}
CN_DIGITS = {c: v for c, (v, kind) in _NUMERALS.items() if kind == "digit"}
TEN = next(c for c, (_, kind) in _NUMERALS.items() if kind == "ten")
HUNDRED = next(c for c, (_, kind) in _NUMERALS.items() if kind == "hundred")
ONE = next(c for c, v in CN_DIGITS.items() if v == 1)
DIGIT_CLASS = "[" + "".join(CN_DIGITS) + "]"  # a digit of a year written in characters (二〇二〇)
COUNTING = "".join(c for c, v in CN_DIGITS.items() if v) + TEN  # 一…九 and 十: a month, a day, a term, an item
COUNT_CLASS = f"[{COUNTING}]"
ZEROS = "".join(c for c, v in CN_DIGITS.items() if not v)  # 〇 零: inside an ordinal (第一百零一条)
# 第一章, 第二节, 第三条: the outline words of chapters, sections and articles
OUTLINE = lexicon.alternation_of(w for r in lexicon.table("outline_words").rows if r["style"] in ("chap", "sect", "article")
                                 for w in r["words"].split("|"))

NUM_DATE = rf"(\d{{4}})\s*[{Y}\-/.]\s*(\d{{1,2}})\s*[{M}\-/.]\s*(\d{{1,2}})\s*{D}?"
CN_DATE = rf"({DIGIT_CLASS}{{4}}){Y}({COUNT_CLASS}{{1,2}}){M}({COUNT_CLASS}{{1,3}}){D}"
DATE = re.compile(f"{NUM_DATE}|{CN_DATE}")

ABOUT, NOTICE_VERB = alt("document_words", "about"), alt("document_words", "notice")
NOTICE_NOUN = alt("document_words", "notice_noun")
# what a notice issues: 关于印发《X》的通知 (ISSUES also where a scraper cut 的通知 off)
NOTICE = re.compile(rf"(?:{ABOUT})?{NOTICE_VERB}《?(.+?)》?{OF}{NOTICE_NOUN}$")
ISSUES = re.compile(rf"(?:{ABOUT})?{NOTICE_VERB}《?(.+?)》?(?:{OF}{NOTICE_NOUN})?$")
STATE_COUNCIL = words("report_cues", "state_council")[0]
LABELS = {row["field"]: spaced(row["words"].split("|")) for row in lexicon.table("header_labels").rows}


def cn_number(s: str) -> int:
    """A month or day in digits or characters (12, 十二, 二十三), also written digit by digit (一一 for 11, 三〇
    for 30, as in 二〇一九年一一月). Any run of the characters the date and period patterns take reads as some
    number (callers test the range): a document is never lost to a numeral written in an unusual way.

    >>> cn_number("十二"), cn_number("二十三"), cn_number("7"), cn_number("一一"), cn_number("三〇")
    (12, 23, 7, 11, 30)
    """
    if s.isdigit():
        return int(s)
    if s.startswith(TEN):
        return 10 + (CN_DIGITS.get(s[1:], 0) if len(s) > 1 else 0)
    if TEN in s:
        tens, _, units = s.partition(TEN)
        return _digit_by_digit(tens) * 10 + _digit_by_digit(units)
    return _digit_by_digit(s)


def _digit_by_digit(s: str) -> int:
    """Characters read as the digits of a number (一一 → 11, 三 → 3, "" → 0); one that is no digit reads as 0."""
    value = 0
    for c in s:
        value = value * 10 + CN_DIGITS.get(c, 0)
    return value


def iso(m: re.Match[str]) -> str:
    """The ISO date of a match of :data:`DATE` (or of a pattern holding NUM_DATE or CN_DATE).

    >>> iso(DATE.search("二〇一九年三月四日")), iso(DATE.search("2020年12月10日"))
    ('2019-03-04', '2020-12-10')
    """
    groups = [g for g in m.groups() if g is not None][:3]
    if not groups[0].isdigit():
        # the year's four characters (二〇一九), read digit by digit as cn_number reads 一一
        return f"{_digit_by_digit(groups[0]):04d}-{cn_number(groups[1]):02d}-{cn_number(groups[2]):02d}"
    return f"{groups[0]}-{int(groups[1]):02d}-{int(groups[2]):02d}"
