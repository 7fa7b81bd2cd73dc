"""Outline marks (一、 / （一） / 1. / （1） / ① / 第一条 …) found from the numbering sequence, not from line starts.

A mark at the start of a line (after any indentation, or after a run of two or more spaces inside a line,
which is how scrapers that drop line breaks separate paragraphs) is taken as before. A mark inside a line
is taken only when the sequence asks for it:

* it continues a list: the last mark of the same style and dress (``2.`` after ``1.``, never ``2、`` after
  ``1.``) has the number before it, and no mark of a higher level closed that list in between;
* on a line that holds a run-together outline (a whole plan on one line: two marks of a heading style
  numbered in sequence inside it), it also opens a list: ``1`` followed further on by its ``2``.

Where several marks could fill the same place in a sequence (``3、4号线`` and a later ``3、加强…``), the one at
a line start wins over one after a sentence end, which wins over one inside a phrase; among equals the last
before the next number. A number run into digits (``1.2018年底前``, ``11.121人才``) is an item when the sequence
expects it; a number of four digits (item 1000 of a long list) only when it continues its list.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple

from .. import lexicon
from ._lexicon import of_kind
from ._numbers import Quantity, first_quantity
from ._sieve import first_chars, start_gate

# Chinese numerals (chinese_numerals.tsv): the characters of outline numbers (the first of each value up
# to 百; the zeros last) and what each stands for.
_NUMERALS = lexicon.table("chinese_numerals").rows
_ZERO, *_OTHER_ZEROS = (row["char"] for row in _NUMERALS if row["kind"] == "digit" and row["value"] == "0")
_OUTLINE: dict[int, str] = {}
for _row in _NUMERALS:
    if _row["value"] != "0" and int(_row["value"]) <= 100:
        _OUTLINE.setdefault(int(_row["value"]), _row["char"])
_TEN, _HUNDRED = _OUTLINE[10], _OUTLINE[100]
_DIGITS = {char: value for value, char in _OUTLINE.items() if value < 10} | {_ZERO: 0}
_CN = "".join(_OUTLINE.values()) + _ZERO + "".join(_OTHER_ZEROS)
_DIGIT = "0-9０-９"
_SPACE = " \t\u3000\u00a0\u2002\u2003\u2009\ufeff"
# A run of spaces inside a line stands for a lost paragraph break. Both patterns open with a class, so the
# engine scans for it at C speed; opened by a repeat or an alternation, a pattern is tried at every character.
_GAP_ANY = re.compile(r"[ \u3000\u00a0\u2002\u2003][ \u3000\u00a0\u2002\u2003]+")  # a whole run: [ …]{2,}
# Where a line break or such a run starts (the search of \n|[ …]{2,}, read for its start).
PARAGRAPH_BREAK = re.compile(r"[\n \u3000\u00a0\u2002\u2003](?:(?<=\n)|[ \u3000\u00a0\u2002\u2003])")
# What may end the phrase before an inline mark: a sentence or clause end, a closing bracket or quote.
_BOUNDARY = "。；;！!？?：:）)】」』”\"" + _SPACE


def alternatives(topic: str, group: str) -> str:
    """The ``words`` of a lexicon topic's rows whose first column is ``group``, as a regex alternation.

    >>> alternatives("outline_words", "sect")
    '节'
    """
    table = lexicon.table(topic)
    return "|".join(re.escape(w) for row in table.rows if row[table.columns[0]] == group
                    for w in row["words"].split("|"))


def _words(style: str) -> str:
    return alternatives("outline_words", style)


def _glyph_series() -> dict[str, tuple[str, int]]:
    return {glyph: (row["style"], i + 1) for row in lexicon.table("numbering_glyphs").rows
            for i, glyph in enumerate(row["glyphs"])}


_GLYPHS = _glyph_series()
# A private-use character: a glyph of the source's own font (its dot or bracket) that has no Unicode meaning.
_DRAWN = "[\ue000-\uf8ff]"
_ORDINAL = _words("ordinal")
_SHI = "".join(c for c in _DIGITS if c != _ZERO) + _TEN
_BEFORE_NUMBER = _DIGIT + ".．"  # a number run on from digits or a decimal point is no mark


class _Branch(NamedTuple):
    """One shape of mark: ``lead`` (one character) opens it; the number is ``group`` (with the lead when
    ``lead_in_group``) and ``tail`` follows; the character before the mark is none of ``not_after`` (a class)."""

    group: str
    not_after: str
    lead: str
    lead_in_group: bool
    number: str
    tail: str

    def grammar(self) -> str:
        """The branch as a pattern read from the mark's start, its number in a group named by its style."""
        before = f"(?<![{self.not_after}])" if self.not_after else ""
        if self.lead_in_group:
            return f"{before}(?P<{self.group}>{self.lead}{self.number}){self.tail}"
        return f"{before}{self.lead}(?P<{self.group}>{self.number}){self.tail}"

    def after_lead(self) -> str:
        """The branch read from just after its lead (the scan has read the lead): the character before the
        mark is now two back. The group holds the number without its lead (see :func:`_number_of`)."""
        before = f"(?<![{self.not_after}].)" if self.not_after else ""
        return f"{before}(?P<{self.group}>{self.number}){self.tail}"


# Every branch opens with one character (the ordinal words are single characters: see the tests), in the order
# of preference where two match at one place (only branches whose leads share a character can). The scan tries the
# branches of each lead in this order: the brackets and digits that open most leads of a text come first.
_BRANCHES = (
    _Branch("pcn", "", "[（(]", False, f"[{_CN}]+", "[)）]"),
    _Branch("zero", _BEFORE_NUMBER, "0", True, "[0-9]", "[、.．﹒]"),
    _Branch("row", _BEFORE_NUMBER, f"[{_DIGIT}]", True, f"[{_DIGIT}]{{0,3}}", r"\t"),
    _Branch("num", _BEFORE_NUMBER, f"[{_DIGIT}]", True, f"[{_DIGIT}]{{0,3}}", f"(?:[.．﹒](?![{_DIGIT}])|、)"),
    _Branch("dnum", _BEFORE_NUMBER, f"[{_DIGIT}]", True, f"[{_DIGIT}]{{0,2}}", f"[.．﹒](?=[{_DIGIT}])"),
    _Branch("pnum", "", "[（(]", False, f"[{_DIGIT}]{{1,3}}", "[)）]"),
    _Branch("rnum", _BEFORE_NUMBER + "（(", f"[{_DIGIT}]", True, f"[{_DIGIT}]?", "[)）]"),
    _Branch("bare", r"^\n" + _SPACE, f"[{_DIGIT}]", True, f"[{_DIGIT}]{{0,2}}", rf"{_DRAWN}?(?=[\u4e00-\u9fff])"),
    _Branch("chap", "", f"(?:{_ORDINAL})", False, f"[{_CN}]+", f"(?:{_words('chap')})"),
    _Branch("sect", "", f"(?:{_ORDINAL})", False, f"[{_CN}]+", f"(?:{_words('sect')})"),
    _Branch("shi", _CN, f"[{_SHI}]", True, "", rf"(?:{_words('shi')})(?=[^\n]{{2}})"),
    _Branch("cn", _CN + _ORDINAL, f"[{_CN}]", True, f"[{_CN}]*", "[、.．﹒]"),
    _Branch("article", "", f"(?:{_ORDINAL})", False, f"[{_CN}]+", f"(?:{_words('article')})"),
    _Branch("glyph", "", f"[{''.join(_GLYPHS)}]", True, "", ""),
)
_MARK_GRAMMAR = re.compile("|".join(b.grammar() for b in _BRANCHES))


def _scan_pattern(grammar: re.Pattern, branches: tuple[_Branch, ...]) -> re.Pattern:
    """Where the marks of ``grammar`` (the alternation of ``branches``) start and end: the class of their leads,
    read first, then each branch from after its lead.

    Led by a class, the pattern is scanned for it by the regex engine at C speed; led by a lookahead (or a
    lookbehind, as the branches are), it is tried at every character. Branches with the same lead are tried
    together after one test of the lead (``(?<=lead)``), in their order; the groups of leads come in the
    order of their first branch, and two leads that share a character (一 opens shi and cn) keep every branch
    of the first before every branch of the second, so a place is read by the branch the grammar prefers.
    """
    by_lead: dict[str, list[_Branch]] = {}
    for branch in branches:
        by_lead.setdefault(branch.lead, []).append(branch)
    tried = "|".join(f"(?<={lead}){_GATES.get(lead, '')}(?:{'|'.join(b.after_lead() for b in group)})"
                     for lead, group in by_lead.items())
    return re.compile(f"{first_chars(grammar).pattern}{_IN_NUMBER}(?:{tried})")


# A digit run on from a number (the 0 of 2025, the 5 of 2.5) opens no mark: every branch a digit opens refuses a digit
# or a decimal point before it (the bare ones all but a line start or a space). Digits inside numbers are most of
# the scan's leads, and this one test before the branches turns them away (each branch would test it again).
_IN_NUMBER = f"(?<![{_BEFORE_NUMBER}][{_DIGIT}])"


# A digit opens most leads of a text (2 of 2025年, 20家) and few marks: its branches are tried only where the number
# (four digits at most, the lead's one) runs into a tail that one of them opens with (row, num, dnum, rnum), or stands at
# a line start or after a space (bare's own test), instead of failing one branch after another.
_GATES = {f"[{_DIGIT}]": rf"(?:(?=[{_DIGIT}]{{0,3}}[\t.．﹒、)）])|(?<![^\n{_SPACE}].))"}
# Each match spans a mark as the grammar's does (same start, same end, the same branch's group last).
_MARK_SPANS = _scan_pattern(_MARK_GRAMMAR, _BRANCHES)
_LEAD_IN_NUMBER = frozenset(b.group for b in _BRANCHES if b.lead_in_group)


def _number_of(found: re.Match, group: str) -> str:
    """The number of a mark the scan found by the branch of ``group``, as the grammar's group holds it (with the
    lead where it belongs to the number, as in 12. but not in 第十二条)."""
    start = found.start() if group in _LEAD_IN_NUMBER else found.start(group)
    return found.string[start:found.end(group)]


# What follows a number that is one of an enumeration of numbers (3、4号线, 一、二、三等奖), not an item.
_ENUMERATION = re.compile(rf"[{_DIGIT}](?![{_DIGIT}]{{3}}{_words('year_after')})"
                          rf"|[{_CN}][{_CN}、，,{''.join(of_kind('function_words', 'etc'))}]")
# A year run into the number before it: 1.2018年底前 is item 1, not the decimal 1.2018.
# What an enumeration can open with: one look spares the match after most inline candidates (it seldom holds one).
_ENUMERATION_OPENS = start_gate(_ENUMERATION)
_YEAR_AFTER = re.compile(rf"(?:19|20)\d\d{_words('year_after')}")
_TITLE_MAX, _SENTENCE_END = 40, "。；;！!？?"  # a heading's title: short, no sentence end
# Conventional depth of each style (also used by the section tree to close open levels).
RANK = {"chap": 0, "sect": 0.5, "cn": 1, "zero": 1, "pcn": 2, "num": 3, "row": 3, "article": 3, "pnum": 4,
        "rnum": 4, "circ": 5, "shi": 6}
# Styles whose inline runs show a whole outline written on one line (they are rarely inline otherwise).
_HEADING_RANK, _TOP_RANK = 2, 1
_LONG_LINE = 1500  # characters: longer than any paragraph, a page whose line breaks were lost
_FULLWIDTH = str.maketrans("０１２３４５６７８９．（）", "0123456789.()")
_LINE, _AFTER_END, _INSIDE = 2, 1, 0  # where a mark stands, strongest first


class Mark(NamedTuple):
    """One outline mark: its style, its number as written in ASCII digits, and where it stands."""

    style: str
    number: str
    start: int  # first character of the mark
    body: int  # first character after the mark and the spaces that follow it
    run_in: bool = False  # inside a line (after a run of spaces or a sentence): the line lost its breaks


class _Candidate(NamedTuple):  # a tuple: one is built for each numbering mark of a text
    # The fields of its Mark first, in their order: a mark taken is built from them at once (c[:5]).
    style: str
    number: str
    start: int
    body: int
    run_in: bool  # text before it on its line
    value: int | None
    dress: str  # the mark with its number taken out: "N." for 1. and １．, "(N)" for （1）, "⑴" …
    place: int  # _LINE, _AFTER_END or _INSIDE
    line: int  # offset of the start of its line
    paragraph: int  # offset of the start of its paragraph (a run of spaces inside a line starts one)
    ambiguous: bool  # a number run into digits (11.121): an item only where the sequence expects it


# A named tuple built from the tuple of all its fields, without the Python frame of its own __new__: a candidate is
# built for every mark of a text, a Mark for every one taken.
_new_tuple = tuple.__new__


def numeral(number: str) -> int | None:
    """The value of a number as written: 二十三 -> 23, 07 -> 7; None when it has none.

    >>> numeral("二十三"), numeral("07"), numeral("十"), numeral("百")
    (23, 7, 10, None)
    """
    if number.isdigit():
        return int(number)
    for zero in _OTHER_ZEROS:
        number = number.replace(zero, _ZERO)
    if _HUNDRED in number:
        hundreds, _, rest = number.partition(_HUNDRED)
        head = _DIGITS.get(hundreds, 1 if hundreds == "" else None)
        tail = numeral(rest.lstrip(_ZERO)) if rest else 0
        return None if head is None or tail is None or not rest and hundreds == "" else head * 100 + tail
    if _TEN in number:
        tens, _, ones = number.partition(_TEN)
        value = _DIGITS.get(tens, 1 if tens == "" else -100) * 10 + (_DIGITS.get(ones, -100) if ones else 0)
        return value if value >= 0 else None
    return _DIGITS.get(number) if len(number) == 1 else None


def find_marks(text: str, quantities: Sequence[Quantity] = ()) -> list[Mark]:
    """The outline marks of a text, in order, read from line starts and from the numbering sequence.

    ``quantities`` are the text's own (``ParsedDocument.quantities``): where one of them answers whether a
    decimal is an amount (2.5万元) exactly as reading the decimal alone would, it is taken instead.

    >>> [(m.style, m.number) for m in find_marks("一、总体要求（一）指导思想。（二）基本原则。二、重点任务1.建设。2.培育。")]
    [('cn', '一'), ('pcn', '一'), ('pcn', '二'), ('cn', '二'), ('num', '1'), ('num', '2')]
    >>> [m.number for m in find_marks("1.建设平台。（牵头单位：市科技局）2.培养人才，建设3、4号线。\\n3.扩大开放。")]
    ['1', '2', '3']
    """
    candidates = _candidates(text, quantities)
    flat = _flat_lines(text, candidates)
    seen: list[tuple[_Candidate, bool]] = []  # every candidate so far, and whether it was taken
    marks: list[Mark] = []
    taken_styles: set[str] = set()  # the styles of the marks taken so far
    for i, c in enumerate(candidates):
        # A mark at a line start is read as always, told here without a call (two marks in three are such); one off
        # a line start and off a run-together line fits only a list of its style with a mark taken (see _takes).
        if c.place == _LINE:
            taken = (not c.ambiguous and (c.value is None or c.value < 1000)
                     or _takes(candidates, i, seen, c.line in flat, text, taken_styles))
        else:
            on_flat = c.line in flat
            taken = (on_flat or c.style in taken_styles) and _takes(candidates, i, seen, on_flat, text, taken_styles)
        if taken:
            marks.append(_new_tuple(Mark, c[:5]))
            taken_styles.add(c.style)
        seen.append((c, taken))
    return marks


def _takes(candidates: list[_Candidate], i: int, seen: list[tuple[_Candidate, bool]], flat: bool,
           text: str, taken_styles: set[str]) -> bool:
    """Whether ``candidates[i]``, which is no mark at a line start read as always (see :func:`find_marks`), is a mark
    (``seen``: the candidates before it, and whether each was taken; ``taken_styles``: the styles of those taken)."""
    c = candidates[i]
    if c.style in ("shi", "row") or c.value is None or (c.place == _INSIDE and not flat):
        return False
    if c.style == "circ" and c.place != _LINE and not flat:
        return False  # ① lists inside a paragraph are its own sub-points
    # Only a list whose style has a mark taken can be continued: the walk back over every candidate is spared for the
    # others (the （1） after a sentence end in a text whose （1） lists are never taken). Off a line start and off a
    # run-together line, continuing a list is the one way to fit: the rest of the candidates is not copied for them.
    continues = c.style in taken_styles and _continues(c, seen, flat)
    if not (continues or flat or c.place == _LINE):
        return False
    later = candidates[i + 1:]  # copied only for the few marks the sequence decides
    fits = continues or ((flat or c.place == _LINE) and _opens(c, seen, later)) or (
        flat and _first_under_heading(c, seen, text))
    if c.ambiguous:
        fits = fits and c.place == _LINE
    return fits and not _superseded(c, later)


def _candidates(text: str, quantities: Sequence[Quantity]) -> list[_Candidate]:
    out = []
    size = len(text)
    numbers: list[int] | None = None  # where the numbers of the quantities start, listed at the first decimal
    # The runs of spaces of the current line are read once, up to the last candidate: each search starts where
    # the one before stopped, at a mark's first character (never a space, so no run crosses it).
    gap_line = read_to = paragraph_start = -1
    bare = False  # whether a bare number (1突破…) is among the candidates
    readings = _READINGS
    if len(readings) > _READINGS_KEPT:
        readings.clear()
    for m in _MARK_SPANS.finditer(text):  # each match read as the grammar reads it (the scan holds its groups)
        group = m.lastgroup or ""  # (every branch's number is a group: a match always has one)
        start = m.start()
        if group == "dnum":  # asked first: most are amounts, and then their reading is not needed
            if numbers is None:
                numbers = [q.number_start for q in quantities]
            if _amount_at(text, start, quantities, numbers):  # (the number's start: its lead is in it)
                continue  # 2.5万元, 2.5 %: a number run into a unit of measure is an amount, never a mark
        key = (group, m.group())
        style, number, value, dress = readings.get(key) or readings.setdefault(key, _reading(m, group))
        if style in ("num", "row") and value == 0:
            continue
        body = m.end()
        while body < size and text[body] in _SPACE:
            body += 1
        if body >= size or text[body] == "\n":
            continue  # a bare number on its own line is not an item
        if start == 0 or text[start - 1] == "\n":  # a mark opening its line (most do): nothing before it to read
            line = paragraph = gap_line = read_to = paragraph_start = start
            place, run_in = _LINE, False
        else:
            line = text.rfind("\n", 0, start) + 1
            if line != gap_line:
                gap_line = read_to = paragraph_start = line
            while start - read_to > 1 and (gap := _GAP_ANY.search(text, read_to, start)) is not None:  # 2 spaces
                read_to = paragraph_start = gap.end()
            read_to = start
            paragraph = paragraph_start
            # The character before the mark tells its place when it is no space (most): the paragraph's text is read
            # only after a space. (Not a line start here, so a paragraph starting at the mark follows a run of spaces.)
            if (previous := text[start - 1]) not in _SPACE:
                place = _AFTER_END if previous in _BOUNDARY else _INSIDE
            elif text[paragraph:start].strip(_SPACE):
                place = _AFTER_END  # (a space is one of the boundaries)
            else:
                place = _LINE
            # Text before it on its line: there is some off a line start; at one, read unless the paragraph opens the line.
            run_in = place != _LINE or paragraph != line and bool(text[line:start].strip(_SPACE))
        if group == "bare":
            if place != _LINE or _quantity_at(text, start):
                continue  # 3个重点, 10月底前: a number opening a line with its unit is a quantity
            bare = True
        ambiguous = group == "dnum" and not _YEAR_AFTER.match(text, body)
        if place != _LINE and not ambiguous and text[body] in _ENUMERATION_OPENS and _ENUMERATION.match(text, body):
            continue  # 3、4号线, 一、二、三等奖: an enumeration of numbers, not an item
        if style == "rnum" and place != _LINE and _in_aside(text[paragraph:start]):
            continue  # （附件1）: the bracket closes an aside, it marks no item
        out.append(_new_tuple(_Candidate, (style, number, start, body, run_in, value, dress, place, line, paragraph,
                                                ambiguous)))
    return _bare_in_runs(out) if bare else out  # (most texts hold no bare number: nothing to drop or read again)


def _in_aside(before: str) -> bool:
    """Whether an opening bracket in ``before`` (a paragraph's text up to a mark) is still open at its end."""
    return before.rfind("（") + before.rfind("(") > before.rfind("）") + before.rfind(")")


# The readings of marks by branch and mark (1. and （一） recur in a text and across texts): read once. A text
# holds few distinct marks; the bound only keeps a long run of odd texts from growing the table without end.
_READINGS: dict[tuple[str, str], tuple[str, str, int | None, str]] = {}
_READINGS_KEPT = 4096


def _reading(found: re.Match, style: str) -> tuple[str, str, int | None, str]:
    """A mark's style, number (ASCII digits for full-width ones), value and dress (the mark with its number as N),
    given by the mark and its branch alone (``style``: the group of its branch, the match's ``lastgroup``): one
    reading serves each of their recurrences in a text."""
    number = _number_of(found, style)
    value: int | None
    if style == "glyph":
        style, value = _GLYPHS[number]
        return style, str(value), value, found.group()
    number = number.translate(_FULLWIDTH)
    value = numeral(number)
    if style == "dnum":
        return "num", number, value, "N."
    return style, number, value, found.group().translate(_FULLWIDTH).replace(number, "N", 1).replace("﹒", ".")


_BARE_RUN = 3  # bare numbers in sequence that make a list


def _bare_in_runs(candidates: list[_Candidate]) -> list[_Candidate]:
    """Bare numbers at line starts (``1突破…``, ``2建设…``: no separator after the digit) that are items: those
    in a run of at least three numbered in sequence (n, n+1, n+2, …; sections between them allowed) in one
    dress. A run the document restarts at 1 may be shorter once the document has such a run."""
    runs: list[list[_Candidate]] = []
    for c in candidates:
        if c.style != "bare":
            continue
        if runs and runs[-1][-1].dress == c.dress and runs[-1][-1].value == c.value - 1:
            runs[-1].append(c)
        else:
            runs.append([c])
    shown = {r[0].dress for r in runs if len(r) >= _BARE_RUN}
    items = {id(c) for r in runs if len(r) >= _BARE_RUN or (r[0].dress in shown and r[0].value == 1 and len(r) > 1)
             for c in r}
    return [c._replace(style="num") if id(c) in items else c for c in candidates
            if c.style != "bare" or id(c) in items]


def _quantity_at(text: str, start: int) -> bool:
    """Whether the number at ``start`` carries a unit (3个, 10月, 5万元): a quantity, not a bare item number."""
    found = first_quantity(text[start:start + 12].translate(_FULLWIDTH))
    return found is not None and found.start == 0


_DECIMAL = re.compile(rf"[{_DIGIT}]+[.．﹒][{_DIGIT}]+")
# Units that make a number an amount (money, mass, area … and percents, measure_units.tsv); counts (个, 家,
# 人) and dates may open an item's title (2.10个重点项目, 1.2018年底前), the sequence decides those.
_AMOUNT_UNITS = frozenset(u for row in lexicon.table("measure_units").rows if row["role"] in ("measure", "percent")
                          for u in (row["unit"], row["base"]) if u)


_AMOUNT_REACH = 12  # characters after the number read for its unit
# How far reading a quantity may look past its end: a per-unit not taken (/万吨标准煤: a slash, a scale, the
# longest unit and the letter that would end it), else a longer unit tried, a suffix comparator, 角 and 分.
_PAST_PER_UNIT, _PAST_END = 10, 6


def _amount_at(text: str, start: int, quantities: Sequence[Quantity] = (), numbers: Sequence[int] = ()) -> bool:
    """Whether the decimal number at ``start`` carries a unit of measure or a percent (spaces between
    allowed: 2.5 万元), read from the number and the ``_AMOUNT_REACH`` characters after it.

    ``quantities`` (the text's, ``numbers`` where their numbers start) answer instead where one has its number
    here, no space follows the number and reading it looked at no character past the reach: reading from the
    number alone then finds the same unit (a comparator word before the number changes only where the
    quantity starts, and the answer asks for none).
    """
    number = _DECIMAL.match(text, start)
    if number is None:
        return False
    reach = number.end() + _AMOUNT_REACH
    i = bisect_left(numbers, start)
    if i < len(numbers) and numbers[i] == start and text[number.end():number.end() + 1] not in _SPACE:
        end = quantities[i].end
        if end + (_PAST_PER_UNIT if text.startswith("/", end) else _PAST_END) <= reach or reach >= len(text):
            return quantities[i].base_unit in _AMOUNT_UNITS
    rest = text[number.end():reach].lstrip(_SPACE)
    found = first_quantity(number.group().translate(_FULLWIDTH) + rest)
    return found is not None and found.start == 0 and found.base_unit in _AMOUNT_UNITS


def _flat_lines(text: str, candidates: list[_Candidate]) -> set[int]:
    """Lines that hold a run-together outline: two marks of a heading style numbered in sequence inside the
    line, where the style is a top one (一、 二、), or the line is long (a page on one line), or the line
    starts with a mark of a higher level (一、总体要求（一）…（二）…). A short paragraph's own inline list
    ((一)…(二)… inside a paragraph of a report) is not one."""
    flat = set()
    last: dict[tuple[int, str, str], int | None] = {}
    opening: dict[int, _Candidate] | None = None  # the mark opening each paragraph: listed once a line may be flat
    for c in candidates:
        if c.place == _LINE or RANK[c.style] > _HEADING_RANK or c.value is None:
            continue
        key = (c.line, c.style, c.dress)
        if last.get(key) == c.value - 1:
            line_end = PARAGRAPH_BREAK.search(text, c.start)  # a paragraph's end: a long one is a page on one line
            long_line = (line_end.start() if line_end else len(text)) - c.paragraph >= _LONG_LINE
            if opening is None:
                opening = {d.paragraph: d for d in candidates if d.place == _LINE}
            head = opening.get(c.paragraph)
            if RANK[c.style] <= _TOP_RANK or long_line or (head is not None and RANK[head.style] < RANK[c.style]):
                flat.add(c.line)
        last[key] = c.value
    return flat


def _continues(c: _Candidate, seen: list[tuple[_Candidate, bool]], flat: bool) -> bool:
    """Whether ``c`` is the next number of a list of its style: the nearest taken mark of that list has the
    number before (lists numbered on across sections included), and no untaken mark with that number stands
    between (then ``c`` goes on an inline list that was not taken: 包括：1.…；2.…). Cross-references
    (按第十二条规定) in between are skipped. A list may change dress (59. then 60、) only where a sentence
    or a clause ends."""
    for prior, taken in reversed(seen):
        if prior.style == c.style and (prior.place != _INSIDE or flat):
            if prior.dress != c.dress and (c.place == _INSIDE or not taken):
                continue
            if taken or prior.value == c.value - 1:
                return taken and prior.value == c.value - 1
    return False


def _opens(c: _Candidate, seen: list[tuple[_Candidate, bool]], later: list[_Candidate]) -> bool:
    """Whether ``c`` opens a list that goes on: it is 1, or the first of its list in the text (a text that
    lost its 一、 starts at 二、), and the next number follows."""
    first = not any(taken and p.style == c.style and p.dress == c.dress for p, taken in seen)
    return (c.value == 1 or first) and _followed_by(c, later, c.value + 1)


def _first_under_heading(c: _Candidate, seen: list[tuple[_Candidate, bool]], text: str) -> bool:
    """Whether ``c`` is item 1 right after the title of a heading of a higher level (二、保障措施1.加强…):
    a list of one item, on a run-together line."""
    heading = next((p for p, taken in reversed(seen) if taken), None)
    if c.value != 1 or heading is None or RANK[heading.style] >= RANK[c.style]:
        return False
    title = text[heading.body:c.start]
    return len(title) <= _TITLE_MAX and not any(ch in _SENTENCE_END for ch in title)


def _followed_by(c: _Candidate, later: list[_Candidate], value: int) -> bool:
    """Whether the list ``c`` opens goes on: its next number follows before a higher level intervenes."""
    for d in later:
        if d.style == c.style and d.dress == c.dress:
            if d.value == value:
                return True
            if d.value == 1:
                return False
        elif d.place == _LINE and RANK[d.style] < RANK[c.style]:
            return False
    return False


def _superseded(c: _Candidate, later: list[_Candidate]) -> bool:
    """Whether a later mark fills the same place in the sequence at least as well (before the next number)."""
    for d in later:
        if d.style != c.style or d.dress != c.dress:
            continue
        if d.value == 1 or (d.value == c.value + 1 and d.place >= c.place):
            return False
        if d.value == c.value and d.place >= c.place:
            return True
    return False
