"""Reading quantities in Chinese text: numerals, scale words, units, ranges and comparator words.

Everything is exact :class:`decimal.Decimal`; no value ever passes through a binary float.
:func:`read_number` reads one numeral (``"16.4亿"``, ``"三万五"``, ``"百分之一点五七"``);
:func:`find_quantities` scans a text for quantities with their unit and the words around them
that bound them (``"20万人次以上"`` is ``>= 20 万人次``, 200000 人次 in base units).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Context, Decimal
from operator import itemgetter
from typing import NamedTuple

from .. import lexicon
from ._records import built_at_once
from ._sieve import DIGIT_BLOCKS, find_next, opened, places

# Chinese numeral characters (lexicon ``chinese_numerals``) and the words around numerals (``numeral_words``).
_NUMERAL_ROWS = lexicon.table("chinese_numerals").rows
_DIGITS = {r["char"]: int(r["value"]) for r in _NUMERAL_ROWS if r["kind"] == "digit"}
_SMALL_UNITS = {r["char"]: int(r["value"]) for r in _NUMERAL_ROWS if r["kind"] == "small_unit"}
_BIG_UNITS = {r["char"]: int(r["value"]) for r in _NUMERAL_ROWS if r["kind"] == "big_unit"}
_CN_CHARS = "".join(r["char"] for r in _NUMERAL_ROWS)
_CN_DIGIT_CHARS = "".join(_DIGITS)
_ZEROS = "".join(ch for ch, value in _DIGITS.items() if value == 0)
_NONZERO_DIGITS = "".join(ch for ch, value in _DIGITS.items() if value)
_ONE_CHAR = next(ch for ch, value in _DIGITS.items() if value == 1)
_TEN = next(ch for ch, value in _SMALL_UNITS.items() if value == 10)
_BIG_CHARS = "".join(_BIG_UNITS)  # 万亿, smallest first
_WAN, _YI = sorted(_BIG_UNITS, key=_BIG_UNITS.get)
_SCALE_CHARS = "".join(_SMALL_UNITS) + _BIG_CHARS
# Scale words: a unit alone, a small unit before a big one (十万, 千亿), a big one before a larger (万亿).
_SCALES = {**_SMALL_UNITS, **_BIG_UNITS,
           **{small + big: a * b for small, a in _SMALL_UNITS.items() for big, b in _BIG_UNITS.items()},
           **{low + high: a * b for low, a in _BIG_UNITS.items() for high, b in _BIG_UNITS.items() if a < b}}
_WORD_ROWS = lexicon.table("numeral_words").rows


def _words(role: str) -> tuple[str, ...]:
    """The words of one role of lexicon ``numeral_words`` in file order, alternatives (a|b) split."""
    return tuple(w for r in _WORD_ROWS if r["role"] == role for w in r["word"].split("|"))


_PERCENT_WORDS = {r["word"]: r["means"] for r in _WORD_ROWS if r["role"] == "percent_word"}
(_POINT,), (_FRACTION_OF,), (_ZERO_JOINER,) = _words("decimal_point"), _words("fraction_of"), _words("zero_joiner")
(_TENTHS,), (_HALF,), (_JIAO,), (_FEN,) = _words("tenths"), _words("half"), _words("jiao"), _words("fen")
_YUAN, _MONEY_AFTER, _NOT_CUES = _words("yuan"), _words("money_after"), _words("not_a_cue")
(_GENERAL_CLASSIFIER,) = _words("general_classifier")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]*")

_FULL_WIDTH_CHARS = "０１２３４５６７８９．％－～"
_FULL_WIDTH = str.maketrans(_FULL_WIDTH_CHARS, "0123456789.%-~")
# Financial numerals (壹佰万元) map one character to one, so offsets hold; see lexicon ``numerals``.
_FINANCIAL_ROWS = lexicon.table("numerals").rows
_FINANCIAL = str.maketrans({r["char"]: r["means"] for r in _FINANCIAL_ROWS})
_FIRM_FINANCIAL = "".join(r["char"] for r in _FINANCIAL_ROWS if r["ambiguous"] != "yes")
_FINANCIAL_CHARS = "".join(r["char"] for r in _FINANCIAL_ROWS)
_TO_PLAIN_CHARS = _FULL_WIDTH_CHARS + _FINANCIAL_CHARS
# A run of numeral characters; one holding a financial character is read as a numeral when it holds an
# unambiguous financial character or two financial ones, or stands before a currency (伍元).
_NUMERAL_RUN = re.compile(f"[{_CN_CHARS}{_FINANCIAL_CHARS}]+")

# Units of measure (lexicon ``measure_units``), longest first so that 千瓦时 wins over 千瓦 and 人次 over 人.
_UNIT_ROWS = lexicon.table("measure_units").rows
_UNITS = sorted((row["unit"] for row in _UNIT_ROWS), key=len, reverse=True)
UNIT_ROLES = {row["unit"]: row["role"] for row in _UNIT_ROWS}
# Compound units that begin with the measure word 个.
_GE_UNITS = frozenset(unit for unit in _UNITS if unit.startswith(_GENERAL_CLASSIFIER))
_PERCENT_UNITS = {row["unit"]: row["base"] for row in _UNIT_ROWS if row["role"] == "percent"}
# unit -> (base unit, what one unit is in it): 斤 -> (吨, 0.0005), so series in 亿吨 and 万亿斤 compare.
_ONE = Decimal(1)
_BASE_OF = {row["unit"]: (row["base"] or row["unit"], Decimal(row["factor"]) if row["factor"] not in ("", "1") else _ONE)
            for row in _UNIT_ROWS}  # one object for the factor 1, so that a reader can ask ``factor is _ONE``


def _unit_alternation(units: list[str]) -> str:
    """Every unit in one alternation, longest first: the regex takes the first alternative that matches. A Latin
    unit must end a word: the P of 15万P, not of 5PM.

    The units are grouped by their first character (个(?:百分点|月|)|吨(?:标准煤|)…) behind the class of first
    characters: the regex engine compares a character with the branches of an alternation one by one, so it now
    rejects a character no unit begins with at once, and compares one with one branch per first character, not per
    unit. Two units of different first characters never match at one place, and within a first character the
    units keep their order: the unit matched is the one the plain alternation of ``units`` matches.

    The characters that are a unit alone and begin no other (年, 元, 项, of the commonest units; most units) are one
    class, the first branch: the engine tests a character against a class at once, where it passed over every
    branch before theirs (年 was the 88th).
    """
    rests: dict[str, list[str]] = {}
    for unit in units:
        word_end = "(?![A-Za-z])" if unit[-1].isascii() and unit[-1].isalpha() else ""
        rests.setdefault(unit[0], []).append(re.escape(unit[1:]) + word_end)
    alone = "".join(first for first, rest in rests.items() if rest == [""])
    grouped = [f"{re.escape(first)}(?:{'|'.join(rest)})" for first, rest in rests.items() if rest != [""]]
    branches = ([f"[{re.escape(alone)}]"] if alone else []) + grouped
    return f"(?=[{re.escape(''.join(rests))}])(?:{'|'.join(branches)})"


_UNIT = re.compile(_unit_alternation(_UNITS))
_UNIT_FIRST = frozenset(unit[0] for unit in _UNITS)  # a character no unit begins with ends the alternation's tries
_RANGE_DASH = "-—–~" + "".join(_words("range_word"))
# Two digits side by side are a range (两三个, 七八百) when their values follow each other, or a loose pair.
_ADJACENT_PAIRS = {**{a + b: (x, y) for a, x in _DIGITS.items() for b, y in _DIGITS.items() if x and y == x + 1},
                   **{pair: (_DIGITS[pair[0]], _DIGITS[pair[1]]) for pair in _words("loose_pair")}}

# Comparator words (lexicon ``comparators``) in file order.  Suffix words follow the unit, prefix
# words precede the number.
_COMPARATOR_ROWS = lexicon.table("comparators").rows
_SUFFIX_COMPARATORS = tuple((r["word"], r["comparator"]) for r in _COMPARATOR_ROWS if r["position"] == "suffix")
_SUFFIXES_BY_FIRST = lexicon.by_char(_SUFFIX_COMPARATORS, 0, itemgetter(0))
_PREFIX_COMPARATORS = tuple((r["word"], r["comparator"]) for r in _COMPARATOR_ROWS if r["position"] == "prefix")
# Before a bare scale word (过千亿, 突破千亿) a threshold word means one of it: words that may stand only there,
# then the prefix words, longest first.
_SCALE_PREFIXES = tuple(sorted([(r["word"], r["comparator"]) for r in _COMPARATOR_ROWS if r["position"] == "scale_prefix"]
                               + list(_PREFIX_COMPARATORS), key=lambda wc: -len(wc[0])))
# The prefix cues (word + optional 在/到/至) in the order they are tried, grouped by their last
# character: only the cues ending with the character before a number can precede it.
def _cues_by_last_char() -> dict[str, tuple[tuple[str, str, str], ...]]:
    grouped: dict[str, list[tuple[str, str, str]]] = {}
    for word, comparator in _PREFIX_COMPARATORS:
        for filler in ("", *_words("cue_filler")):
            grouped.setdefault((word + filler)[-1], []).append((word + filler, word, comparator))
    return {last: tuple(cues) for last, cues in grouped.items()}


_PREFIX_CUES_BY_LAST = _cues_by_last_char()


def _cues_by_last_two() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """The cues that can end with each two characters a longer cue ends with (its own, and a one-character cue
    ending with the second), in the order they are tried; a cue of one character is all that two others can end."""
    return {key: tuple(cue for cue in _PREFIX_CUES_BY_LAST[key[-1]] if key.endswith(cue[0][-2:]))
            for key in {cue[-2:] for cues in _PREFIX_CUES_BY_LAST.values() for cue, _, _ in cues if len(cue) > 1}}


# The cues worth trying before a number, by the two characters before it: most numbers after 到, 至 or 在 follow
# none of the words a cue ending with it begins with (到2025年), and one look spares a test of each.
_PREFIX_CUES_BY_LAST_TWO = _cues_by_last_two()
# The cues a word that is no cue ends with (近 of 最近): only after these are the words read (a set test for the others).
_SPOILED_CUES = frozenset(cue for cues in _PREFIX_CUES_BY_LAST.values() for cue, _, _ in cues
                          if any(w.endswith(cue) for w in _NOT_CUES))
_ONE_CHARACTER_CUES = {last: tuple(cue for cue in cues if len(cue[0]) == 1) for last, cues in _PREFIX_CUES_BY_LAST.items()}
_APPROX_MARKS = "".join(_words("approx"))
_SENTENCE_CLOSE = frozenset("，,；;。！？!?\n")
# What may follow a numeral to make it a quantity besides a unit: an approximation, a range, a
# fraction word, a comparator.
_QUANTITY_FOLLOWERS = frozenset(_APPROX_MARKS + _RANGE_DASH + _TENTHS + _HALF + "".join(word[0] for word, _ in _SUFFIX_COMPARATORS))
_WORD_BEFORE_NUMERAL = set(_words("word_before"))  # 数十, 几百: vague, not 10 or 100
_ORDINAL_MARKS = frozenset(_words("ordinal"))
# 至少 may govern a number across a short verb of at most _GAP characters: 至少入选一人.
_GAPPED_PREFIXES, _GAP = _words("gapped_prefix"), 2

# (,ddd)+ written ,ddd(,ddd)*: a comma right after the leading digits, so the engine tests it before each try of
# a group (most figures have none), where a repeated group is entered to find out.
# An optional item is written (?:X|), not X? (the same matches: X is tried first, then nothing): the engine runs X?
# as a repeat, which sets up a context and saves the marks, for every numeral the scan reads; a branch to nothing
# costs a fraction of it. So are the percent word, the unit lookahead and the suffix comparator below.
_ARABIC = r"\d{1,3},\d{3}(?:,\d{3})*(?:\.\d+|)(?![\d,])|\d+(?:\.\d+|)"
_CHINESE = rf"[{_CN_CHARS}]+(?:{_POINT}[{_CN_DIGIT_CHARS}]+[{_BIG_CHARS}]*|)"  # 三点五万: a decimal may take a scale
# The lookahead on the first character lets the scan skip positions where no numeral can start. The group
# ``numeral`` is the whole match: a match of _SCAN, which holds it in a lookaround, spans only its first character.
_NUMBER = re.compile(
    rf"(?P<numeral>(?=[\d{_CN_CHARS}])(?:(?P<pct>{'|'.join(_PERCENT_WORDS)})|)"
    rf"(?:(?P<arabic>{_ARABIC})(?P<scale>[{_SCALE_CHARS}]*)|(?P<chinese>{_CHINESE})))"
)

# Limits past which a numeral is refused (with a warning) rather than read: no amount in a plan is
# written with more Chinese numeral characters (a numeral below 10^24, 亿亿 included, takes at most about
# 55) or Arabic digits, and with the largest scale (万亿) a figure of MAX_DIGITS digits (in either script)
# still fits the frames' Decimal(38, 6), which holds 32 before the point. The limit on characters also
# keeps reading linear in the length of any text: a longer run is skipped, never read.
MAX_NUMERAL_CHARS = 64
MAX_DIGITS = 20
_MAX_WARNINGS = 10
_LONG_DIGITS = rf"\d(?:,?\d){{{MAX_DIGITS},}}(?:\.\d+)?"
_LONG_NUMERAL = rf"[{_CN_CHARS}]{{{MAX_NUMERAL_CHARS + 1},}}"
# Led by the class of its first characters (see _sieve.opened): a text that may hold one is searched all through,
# and the alternation alone tries its three branches at every character.
_UNREADABLE = opened(re.compile(
    rf"(?P<sci>(?<![A-Za-z0-9.])\d+(?:\.\d+)?[eE][+-]?\d+(?![A-Za-z0-9]))|(?P<digits>{_LONG_DIGITS})|{_LONG_NUMERAL}"))
# What a text holds wherever _UNREADABLE matches (a digit into e/E, a digit and MAX_DIGITS more, a run of more
# than MAX_NUMERAL_CHARS numeral characters), in one pattern that opens with a class: the regex engine scans
# for its first character at C speed (a lookbehind then says which it was), while _UNREADABLE, led by a lookahead,
# is still tried at every character (see _may_be_unreadable).
_MAY_BE_UNREADABLE = re.compile(rf"[{DIGIT_BLOCKS}{_CN_CHARS}](?:(?<=\d)(?:[eE]|(?:,?\d){{{MAX_DIGITS}}})"
                                rf"|(?<=[{_CN_CHARS}])[{_CN_CHARS}]{{{MAX_NUMERAL_CHARS}}})")
# Where _MAY_BE_UNREADABLE can match in a long text, found without its scan of every character: the run of digits
# and commas (or of numeral characters) a match of one of its last two branches lies in spans more than MAX_DIGITS
# (MAX_NUMERAL_CHARS) characters, so it holds at least _SAMPLED_DIGITS (_SAMPLED_NUMERALS) of the characters at
# multiples of _STRIDE: side by side in the text of every _STRIDE-th character, _STRIDE times shorter to scan (see
# _may_be_unreadable). Scanned with the branches' own classes, so every run of them there is found whole.
_STRIDE = 7
_SAMPLED_DIGITS, _SAMPLED_NUMERALS = (MAX_DIGITS + 1) // _STRIDE, (MAX_NUMERAL_CHARS + 1) // _STRIDE
_SAMPLED_RUN = re.compile(rf"[{DIGIT_BLOCKS},{_CN_CHARS}](?:(?<=[\d,])[\d,]{{{_SAMPLED_DIGITS - 1},}}"
                          rf"|(?<=[{_CN_CHARS}])[{_CN_CHARS}]{{{_SAMPLED_NUMERALS - 1},}})")
_CN_RUN = re.compile(rf"[{_CN_CHARS}]+")
# Chinese numerals from which the scan's loop would read nothing (most numerals of a text: the 一 of 一是, 十四五,
# 二十大, 万众, 千方百计), skipped by the regex engine instead:
# - a run of numeral characters not ending with 万/亿 (which would be its unit), after no cue of a prefix
#   comparator, no threshold word (过千亿) and no gapped prefix within _GAP characters, with nothing after it
#   that reads on (a numeral character, a decimal, a fraction word, a follower, a unit);
# - a run of scale characters not led by 十 (never a number: 百, 千万) after no threshold word and no ordinal
#   mark, before no numeral character, decimal or fraction word.
# The loop steps past such a run by one character, or past all of it (an ordinal, digits only, a run too long
# to read): each shorter run that ends with a run of the first kind is one too, and skipped the same (the
# loop steps past a run of the second kind after an ordinal mark, and 十个 in 第亿十个 is no such run). The
# runs are at most MAX_NUMERAL_CHARS long, so that the tries at each character of a long run take linear time.
_THRESHOLD_ENDS = "".join(word[-1] for word, _ in _SCALE_PREFIXES)
# The gapped prefixes of each length as one alternation: one lookbehind (of fixed width) tests them all.
_GAPPED_OF_LENGTH = {len(word): "|".join(re.escape(other) for other in _GAPPED_PREFIXES if len(other) == len(word))
                     for word in _GAPPED_PREFIXES}
_READS_ON = rf"[{_CN_CHARS}]|{_POINT}[{_CN_DIGIT_CHARS}]|{_FRACTION_OF}"
_NO_GAPPED_PREFIX = "".join(rf"(?<!(?:{words})[\s\S]{{{gap}}})" for words in _GAPPED_OF_LENGTH.values()
                            for gap in range(_GAP + 1))
# The Chinese kinds open with a numeral character, tested first: the lookbehinds before it would be tried in vain
# before every Arabic numeral. A third kind is Arabic: a run of digits after no cue of a prefix comparator and no
# gapped prefix, with nothing after it that reads on or that the full reader may refuse (a digit, a grouping comma,
# an exponent, a decimal, a scale or numeral character, a fraction word, a follower, a unit): the （1）, 1、 and 1.
# of a list, from which the loop reads nothing and steps past the run. Each shorter run that ends it is one too (no
# cue ends with a digit), so the engine stepping by one character skips the same. At most MAX_DIGITS long (a longer
# one is refused), so the tries at each digit of a long run take linear time. Its run and what follows are tested
# first: most Arabic numerals have a unit, which fails it there.
_NOTHING_TO_READ = (
    rf"(?=[{_CN_CHARS}])(?:(?<![{''.join(_PREFIX_CUES_BY_LAST)}{_THRESHOLD_ENDS}])" + _NO_GAPPED_PREFIX
    + rf"[{_CN_CHARS}]{{1,{MAX_NUMERAL_CHARS}}}(?<![{_BIG_CHARS}])"
    + rf"(?!{_READS_ON}|[{re.escape(''.join(_QUANTITY_FOLLOWERS))}]|{_UNIT.pattern})"
    + rf"|(?<![{_THRESHOLD_ENDS}{''.join(_ORDINAL_MARKS)}])[{_SCALE_CHARS.replace(_TEN, '')}][{_SCALE_CHARS}]{{0,{MAX_NUMERAL_CHARS - 1}}}"
    + rf"(?!{_READS_ON}))"
    + rf"|(?=\d{{1,{MAX_DIGITS}}}+(?![\d,eE]|\.\d|{_READS_ON}|[{re.escape(''.join(_QUANTITY_FOLLOWERS))}]|{_UNIT.pattern}))"
    + rf"(?<![{''.join(_PREFIX_CUES_BY_LAST)}])" + _NO_GAPPED_PREFIX)
# The scan of a whole text: a numeral as _NUMBER reads it (same groups) where there is something to read, and
# in a lookahead the unit that stands right after it and the suffix comparator right after that unit, matched in
# C: the common quantity (12个, 3.5万吨以上) is read from these groups without the full reader (see
# _common_quantity). The unit group is atomic, so the optional suffix never makes the engine try a shorter unit.
# The scan opens with the class of a numeral's first character and reads the rest in a lookahead from it (inside
# a lookbehind of that one character): a pattern opening with a class is scanned for at C speed, while one opening
# with a lookaround is tried at every character of the text. So a match spans the numeral's first character
# only; the numeral is the group ``numeral``.
_SUFFIX_COMPARATOR_OF = dict(reversed(_SUFFIX_COMPARATORS))  # a word listed twice means what it means first
_SUFFIX_WORDS = "|".join(re.escape(word) for word, _ in _SUFFIX_COMPARATORS)
_READ_AT = (rf"(?!{_NOTHING_TO_READ})" + _NUMBER.pattern  # what the scan reads where a numeral's first character stands
            + rf"(?=(?P<unit>(?>{_UNIT.pattern}))(?:(?P<suffix>{_SUFFIX_WORDS})|)|)")
_SCAN = re.compile(rf"[{DIGIT_BLOCKS}{_CN_CHARS}](?<=(?={_READ_AT})[\s\S])")  # _NUMBER opens with (?=[\d…])


@dataclass(frozen=True)
class Quantity:
    """A number in a text with what bounds it.

    ``value``/``value_high`` are as written with Chinese numerals converted and without a trailing
    scale word, which goes to ``unit`` (``"3万千瓦"`` -> 3, ``"万千瓦"``); ``base_value``/
    ``base_value_high``/``base_unit`` apply the scale (30000, ``"千瓦"``).  ``comparator`` is one of
    ``>= > <= < ≈ = range``; ``cue`` holds the words it was read from (``"以上"``, ``"余"``…).
    ``start``/``end`` span the whole mention including comparator words; ``number_start`` is where
    the digits begin.
    """

    value: Decimal
    value_high: Decimal | None
    unit: str | None
    base_value: Decimal
    base_value_high: Decimal | None
    base_unit: str | None
    comparator: str
    cue: str | None
    start: int
    end: int
    number_start: int


def _quantity(value, value_high, unit, base_value, base_value_high, base_unit, comparator, cue, start, end,
              number_start) -> Quantity:
    """``Quantity(...)``, built at once (:func:`._records.built_at_once`), for every figure of a text: the fields
    in a dict display, half the time of zipping them with their names."""
    return built_at_once(Quantity, {"value": value, "value_high": value_high, "unit": unit, "base_value": base_value,
                                    "base_value_high": base_value_high, "base_unit": base_unit,
                                    "comparator": comparator, "cue": cue, "start": start, "end": end,
                                    "number_start": number_start})


def normalise_digits(text: str) -> str:
    """Map full-width digits, point, percent and dash to ASCII, keeping every offset.

    >>> normalise_digits("１６．４％")
    '16.4%'
    """
    plain, full_width = _financial_to_plain(text)
    return plain.translate(_FULL_WIDTH) if full_width else plain  # most texts have none


def _financial_to_plain(text: str) -> tuple[str, bool]:
    """壹佰万元 -> 一百万元 where a run of numerals is financial (see ``_NUMERAL_RUN``), offsets kept; and whether
    the text holds a full-width character, found by the same search (most texts hold neither, and many a financial
    character in a word, 陆续, 队伍). A full-width character is never in a run: mapping them first or last gives the
    same text."""
    pieces, last, full_width = [], 0, False
    # Where each character to map stands next, from where the last run ended: found by str.find, a pass over the
    # text at memchr speed for each, where a search for the class of them all tests every character against it.
    # From the first financial character of a run to the run's end: the plain numerals before it change nothing.
    next_at = {ch: at for ch in _TO_PLAIN_CHARS if (at := text.find(ch)) >= 0}
    while next_at:
        start = min(next_at.values())
        if text[start] in _FULL_WIDTH_CHARS:
            full_width = True  # one is enough: all are mapped at once
            for ch in _FULL_WIDTH_CHARS:
                next_at.pop(ch, None)
            continue
        end = _NUMERAL_RUN.match(text, start).end()
        run = text[start:end]
        financial = sum(ch in _FINANCIAL_CHARS for ch in run)
        if any(ch in _FIRM_FINANCIAL for ch in run) or financial > 1 or text.startswith(_MONEY_AFTER, end):
            pieces += [text[last:start], run.translate(_FINANCIAL)]
        else:
            pieces.append(text[last:end])
        last = end
        find_next(text, next_at, end)
    return ("".join(pieces) + text[last:] if pieces else text), full_width


def read_number(numeral: str) -> Decimal | None:
    """Read one numeral: Arabic or Chinese digits, 万/亿 scales, decimals and percent forms.

    Returns ``None`` (never raises) when the string is not one numeral or is a Chinese numeral longer
    than ``MAX_NUMERAL_CHARS`` characters.

    >>> read_number("16.4亿")
    Decimal('1640000000')
    >>> [read_number(s) for s in ("三万五", "一千二百", "两万", "十二", "百分之一点五七", "十四五")]
    [Decimal('35000'), Decimal('1200'), Decimal('20000'), Decimal('12'), Decimal('1.57'), None]
    """
    s = normalise_digits(numeral.strip())
    m = _NUMBER.fullmatch(s)
    if not m or m.group("chinese") and len(m.group("chinese")) > MAX_NUMERAL_CHARS:
        return None
    if m.group("arabic"):
        scale = _scale_of(m.group("scale"))
        if scale is None:
            return None
        return _scaled(Decimal(m.group("arabic").replace(",", "")), scale)
    return _read_chinese(m.group("chinese"))


def _scale_of(word: str) -> int | None:
    if not word:
        return 1
    return _SCALES.get(word)


def _read_chinese(numeral: str) -> Decimal | None:
    integer, _, fraction = numeral.partition(_POINT)
    digits = fraction.rstrip(_BIG_CHARS)
    scale = _SCALES.get(fraction[len(digits):], 1) if fraction[len(digits):] else 1
    if fraction and (not digits or scale == 1 and digits != fraction or any(ch not in _DIGITS for ch in digits)):
        return None
    whole = _read_chinese_integer(integer)
    if whole is None:
        return None
    if fraction:
        return _scaled(Decimal(f"{whole}." + "".join(str(_DIGITS[ch]) for ch in digits)), scale)
    return Decimal(whole)


def _read_chinese_integer(numeral: str) -> int | None:
    """One Chinese integer, in one pass over its characters (linear in its length).

    Within a group of 万 or 亿 the small units fall (三千二百, not 三百二千). A 万 or 亿 scales what
    came before it that is smaller: the groups it closes are kept on a stack with their magnitude, so
    一万亿零三亿 is 10^12 + 3 × 10^8 (万亿 is one unit) while 一亿亿 and 三千万亿亿 read on (10^16 and up).
    """
    if not numeral or not (any(ch in _DIGITS for ch in numeral) or numeral[0] == _TEN):
        return None  # a bare 百 / 千 / 万 is an idiom (千方百计, 千家万户), not a number
    if len(numeral) > 1 and all(ch in _DIGITS for ch in numeral):
        # Digit-by-digit numerals (二〇二三) only with a zero; 一二三 is a list, not 123.
        if not any(ch in _ZEROS for ch in numeral):
            return None
        return int("".join(str(_DIGITS[ch]) for ch in numeral))
    groups: list[tuple[int, int]] = []  # (value, magnitude) of the groups a 万 or 亿 has closed
    section = number = 0  # the small units read since the last 万/亿, and the digit not yet placed
    last_unit = 0  # multiplier of the unit just read, for abbreviations such as 三万五 = 35000
    section_unit = 10**5  # small units must fall within a section: 三千二百, not 三百二千
    after_digit = False
    for ch in numeral:
        if ch in _DIGITS:
            if after_digit and number and ch not in _ZEROS:
                return None  # two digits with no unit between them: 十四五, 一二
            if ch in _ZEROS:
                last_unit = 0
            number = _DIGITS[ch] or number
            after_digit = True
            continue
        if ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            if unit >= section_unit:
                return None
            section += (number or 1) * unit  # 一千零十: after 零 a bare 十 is one ten
            section_unit = unit
        else:
            unit = _BIG_UNITS[ch]
            value = section + number
            if value == 0 and groups and groups[-1][1] > unit:
                top, magnitude = groups.pop()  # 一万亿亿: a 亿 right after 万亿 scales it
                groups.append((top * unit, magnitude * unit))
            else:
                closed = 1
                while groups and groups[-1][1] <= unit:
                    lower, lower_magnitude = groups.pop()
                    value += lower
                    closed = max(closed, lower_magnitude)
                # right after a unit the two are one unit (万亿); after a figure the unit scales the figure
                groups.append((value * unit, unit * closed if section + number == 0 else unit))
            section = 0
            section_unit = 10**5
        last_unit = unit
        number = 0
        after_digit = False
    if number and last_unit >= 10:
        number *= last_unit // 10
    return sum(value for value, _ in groups) + section + number


def find_quantities(text: str) -> tuple[Quantity, ...]:
    """Find the quantities in a text: numbers that carry a unit, a percent or a comparator word.

    Bare numbers (list ordinals, document numbers) are skipped; dates come out with their
    unit (年, 月, 日) so that callers can drop them.

    >>> q = find_quantities("力争为100余家企业提供转(续)贷1亿元以上")
    >>> [(str(x.value), x.unit, x.comparator, str(x.base_value), x.base_unit) for x in q]
    [('100', '家', '>=', '100', '家'), ('1', '亿元', '>=', '100000000', '元')]
    >>> q = find_quantities("国内生产总值增长6-6.5%，新增两三个")
    >>> [(str(x.value), str(x.value_high), x.unit, x.comparator) for x in q]
    [('6', '6.5', '%', 'range'), ('2', '3', '个', 'range')]
    """
    if not isinstance(text, str):
        return ()
    return quantities_in(normalise_digits(text))


def quantities_in(norm: str) -> tuple[Quantity, ...]:
    """:func:`find_quantities` of a text already passed through :func:`normalise_digits` (a parsed document
    normalises its text once for its quantities and its warnings).

    >>> quantities_in(normalise_digits("１６．４％"))[0].unit
    '%'
    """
    return tuple(_quantities(norm))


def first_quantity(text: str) -> Quantity | None:
    """The first quantity of a text (``find_quantities(text)[0]``), reading no further than it.

    >>> first_quantity("2.5万元，3个").unit
    '万元'
    """
    return next(_quantities(normalise_digits(text)), None)


def _quantities(norm: str, fast: bool = True) -> Iterator[Quantity]:
    """The quantities of a normalised text in order, each read when asked for; ``fast=False`` reads every
    numeral with the full reader, the definition the common-form path (:func:`_common_quantity`) agrees with."""
    gapped, fractions = _gapped_reach(norm), _fraction_places(norm)
    search = _SCAN.search if fast else _NUMBER.search
    pos = 0
    while (m := search(norm, pos)) is not None:
        groups = m.groups()  # in one call, by position: every numeral of the text passes here
        start = m.start()
        end = start + len(groups[0])  # the group ``numeral`` (the whole match of _NUMBER, from its start)
        chinese = groups[4]
        before = norm[start - 1] if start else ""
        if before in _ORDINAL_MARKS:
            pos = end  # 第十二条, 第12条: an ordinal, in either script, and no part of it a quantity
            continue
        if chinese and before in _WORD_BEFORE_NUMERAL:
            pos = start + 1  # 统一, 唯一, 之一: words, not numerals
            continue
        if end in fractions and not groups[1]:  # no percent word
            fraction = _NUMBER.match(norm, end + 2)
            pos = fraction.end() if fraction else end + len(_FRACTION_OF)  # 三分之一: a fraction no decimal holds exactly
            continue
        quantity = _common_quantity(norm, groups, start, end, before, gapped) if fast else _FULL_READING  # never refused
        if quantity is _FULL_READING:
            m = _NUMBER.match(norm, start) if fast else m  # the numeral as a match spanning it, as the readers take it
            if _unreadable(norm, m):
                pos = _unreadable_end(norm, m)  # refused, never misread: see numeral_warnings
                continue
            quantity = _read_quantity(norm, m, gapped)
        if quantity is None:
            if chinese and len(chinese) > 1 and not chinese.strip(_CN_DIGIT_CHARS):
                pos = end  # 一二三元: digits with no unit between them are a list, not 3元
            else:
                pos = start + 1 if chinese and len(chinese) > 1 else end
            continue
        yield quantity
        pos = quantity.end if quantity.end > end else end  # max() costs a call of a builtin for every quantity


def _fraction_places(norm: str) -> frozenset[int]:
    """Where the fraction word (分之) starts in ``norm``, found once per text: a number is asked whether one follows it
    by a set test, where a startswith call for every numeral costs seven times as much."""
    return frozenset(places(norm, _FRACTION_OF))


def numeral_warnings(text: str) -> tuple[str, ...]:
    """Numbers :func:`find_quantities` refuses to read rather than read wrongly, one message each.

    A Chinese numeral longer than ``MAX_NUMERAL_CHARS`` characters (a garbled run, not an amount), a
    number of more than ``MAX_DIGITS`` digits in either script (more than any frame column holds) and a
    number in scientific notation (1e308亿元 is not 308亿元).

    >>> numeral_warnings("投资1e308亿元，共" + "一" * 70 + "。")
    ('number not read at 2: scientific notation 1e308', 'number not read at 11: a run of 70 numeral characters (limit 64)')
    >>> numeral_warnings("一万亿亿元")
    ('number not read at 0: a numeral of 21 digits (limit 20)',)
    """
    if not isinstance(text, str):
        return ()
    return warnings_in(normalise_digits(text))


def warnings_in(norm: str) -> tuple[str, ...]:
    """:func:`numeral_warnings` of a text already passed through :func:`normalise_digits`.

    >>> warnings_in(normalise_digits("共" + "一" * 70))
    ('number not read at 1: a run of 70 numeral characters (limit 64)',)
    """
    found = []
    unreadable = _UNREADABLE.finditer(norm) if _may_be_unreadable(norm) else ()
    for m in unreadable:
        if m.group("sci"):
            found.append((m.start(), f"scientific notation {m.group()}"))
        elif m.group("digits"):
            found.append((m.start(), f"{len(re.sub(r'[^0-9]', '', m.group()))} digits (limit {MAX_DIGITS})"))
        else:
            found.append((m.start(), f"a run of {len(m.group())} numeral characters (limit {MAX_NUMERAL_CHARS})"))
    for start, run in _runs_with_two_yi(norm):  # only a run with two 亿 can be too large
        if len(run) <= MAX_NUMERAL_CHARS and _too_large(run):
            found.append((start, f"a numeral of {len(str(_read_chinese(run).to_integral_value()))} digits "
                                  f"(limit {MAX_DIGITS})"))
    found.sort()
    messages = [f"number not read at {start}: {what}" for start, what in found[:_MAX_WARNINGS]]
    if len(found) > _MAX_WARNINGS:
        messages.append(f"number not read: {len(found) - _MAX_WARNINGS} more")
    return tuple(messages)


def _may_be_unreadable(norm: str) -> bool:
    """Whether ``_MAY_BE_UNREADABLE`` matches in ``norm`` (so ``_UNREADABLE`` may): most texts hold none of what it
    needs. Tried only where a match can stand: before each e/E (few in a Chinese text, found by ``str.find``) and in
    the stretch of text around each run the every-_STRIDE-th characters show (see ``_SAMPLED_RUN``)."""
    for mark in "eE":
        at = norm.find(mark, 1)
        while at != -1:
            if _MAY_BE_UNREADABLE.match(norm, at - 1) is not None:
                return True
            at = norm.find(mark, at + 1)
    for run in _SAMPLED_RUN.finditer(norm[::_STRIDE]):
        # The run in the text holds no sampled character beyond the sampled run: it starts after the one before it.
        if _MAY_BE_UNREADABLE.search(norm, max(0, (run.start() - 1) * _STRIDE + 1), run.end() * _STRIDE) is not None:
            return True
    return False


def _runs_with_two_yi(norm: str) -> Iterator[tuple[int, str]]:
    """(start, run) of the Chinese numeral runs that hold 亿 twice, found from each 亿 (a substring search)
    instead of from every run of the text."""
    pos = 0
    while (first := norm.find(_YI, pos)) != -1:
        end = _CN_RUN.match(norm, first).end()
        if norm.find(_YI, first + 1, end) != -1:
            start = first
            while start > pos and norm[start - 1] in _CN_CHARS:
                start -= 1
            yield start, norm[start:end]
        pos = end


def _unreadable(norm: str, m: re.Match) -> bool:
    if m.group("chinese"):
        return len(m.group("chinese")) > MAX_NUMERAL_CHARS or _too_large(m.group("chinese"))
    if _plainly_readable(norm, m.group("arabic"), m.end("arabic")):
        return False
    return bool(_UNREADABLE.match(norm, m.start()))


def _plainly_readable(norm: str, arabic: str, end: int) -> bool:
    """Too short for a long run, and neither an exponent nor more digit groups follow (``end`` is where it ends)."""
    return len(arabic) <= MAX_DIGITS and norm[end:end + 1] not in "eE,"


def _too_large(chinese: str) -> bool:
    """A Chinese numeral of 10^MAX_DIGITS or more (一万亿亿): only one with two 亿 can be."""
    if chinese.count(_YI) < 2:
        return False
    value = _read_chinese(chinese)
    return value is not None and value >= 10**MAX_DIGITS


def _unreadable_end(norm: str, m: re.Match) -> int:
    if m.group("chinese"):
        return m.end()
    return _UNREADABLE.match(norm, m.start()).end()


class _Number(NamedTuple):  # a tuple: built for every numeral read, a frozen dataclass costs 3x as much
    value: Decimal  # as written, without a trailing scale word
    scale_word: str
    percent: str | None  # "%" or "‰" for 百分之 / 千分之
    end: int


def _number_at(norm: str, m: re.Match, implied_one: bool = False) -> _Number | None:
    """The number ``m`` matched; ``implied_one`` reads a bare scale word as one of it (千亿 -> 1000亿)."""
    pct, arabic, scale_word = m.group("pct", "arabic", "scale")
    percent = _PERCENT_WORDS.get(pct or "")
    if arabic:
        value = Decimal(arabic.replace(",", ""))
        # 千瓦 / 千米 / 百分点 are units, not the scales 千 / 百.
        if scale_word and _SMALL_UNITS.get(scale_word[-1], 0) >= 100 and _unit_at(norm, m.end("scale") - 1):
            scale_word = scale_word[:-1]
        if _scale_of(scale_word) is None:
            return None
        return _Number(value, scale_word, percent, m.start("scale") + len(scale_word))
    chinese = (_ONE_CHAR if implied_one else "") + m.group("chinese")
    stripped = chinese.rstrip(_BIG_CHARS)
    scale_word = chinese[len(stripped):]
    if _POINT in chinese:
        if scale_word in _SCALES and (value := _read_chinese(stripped)) is not None:
            return _Number(value, scale_word, percent, m.end())  # 三点五万 is 3.5 万
    else:
        # 一万亿零一亿 is one number: a trailing scale is split off only when no larger or equal one precedes it.
        larger = _YI if scale_word.endswith(_YI) else _WAN + _YI
        if stripped and scale_word in _SCALES and not any(ch in larger for ch in stripped):
            value = _read_chinese(stripped)
            if value is not None:
                return _Number(value, scale_word, percent, m.end())
    value = _read_chinese(chinese)
    if value is None:
        return None
    return _Number(value, "", percent, m.end())


def _with_lower_groups(norm: str, number: _Number) -> _Number:
    """3亿5000万, 1万600, 100万零三千: a 亿/万 figure followed by its lower groups is one number, kept in
    the first scale (3.5亿)."""
    scale = _scale_of(number.scale_word)
    if number.scale_word not in (_WAN, _YI, _WAN + _YI) or number.percent:
        return number
    pos = number.end + (len(_ZERO_JOINER) if norm.startswith(_ZERO_JOINER, number.end) else 0)
    m = _NUMBER.match(norm, pos)
    if not m or m.group("pct"):
        return number
    lower = _number_at(norm, m)
    if lower is None or lower.percent:
        return number
    lower_value = lower.value * (_scale_of(lower.scale_word) or 1)
    after = lower.end + (1 if norm[lower.end:lower.end + 1] in _APPROX_MARKS else 0)
    if lower_value >= scale or lower_value == 0 or pos == number.end and lower_value < 10 or norm[after:after + 1] in _BIG_UNITS:
        return number  # 2万3 is spoken for 23000 or a list: not read as one number

    return _Number(number.value + lower_value / scale, number.scale_word, None, lower.end)


def _unit_at(norm: str, pos: int) -> str | None:
    unit = _UNIT.match(norm, pos) if norm[pos:pos + 1] in _UNIT_FIRST else None
    return unit.group() if unit else None


_DIGIT_VALUES = {ch: Decimal(value) for ch, value in _DIGITS.items()}  # 三 as _read_chinese reads it
# The value of each short figure read so far (2025, 12, 3.5: most figures of a text), kept for the next time it is
# written: a Decimal is immutable, and the look-up costs a fraction of reading it. Only figures of at most _SHORT
# characters are kept, so the dict stays small.
_SHORT, _SHORT_VALUES = 4, {}
_EXPONENT_OF_SCALE = {scale: len(str(scale)) - 1 for scale in (1, *_SCALES.values())}
_FULL_READING = object()  # what _common_quantity answers for a numeral it leaves to the full reader
# What after a unit may read on: a per-unit, a range, an approximation (one test rejects every other character).
_READS_ON_AFTER_UNIT = frozenset("/" + _RANGE_DASH + _APPROX_MARKS)
_APPROXIMATION_ONLY = _READS_ON_AFTER_UNIT - frozenset("/" + _RANGE_DASH)  # reads on after any unit but a percent sign
# A unit starting with one of these may continue the numeral (a 零 or digit read on by _with_lower_groups) or
# be an approximation mark: a figure before it is left to the full reader. Such a unit never stands right
# after a numeral of today's lexicon (the scan reads 百分点's 百 as a scale), but a lexicon directory may add one.
_UNIT_STARTS_WITH_MORE = frozenset(unit for unit in _UNITS if unit[0] in _CN_CHARS + _APPROX_MARKS + _ZERO_JOINER
                                   or unit[0].isdecimal())


def _common_quantity(norm: str, groups: tuple, start: int, end: int, before: str,
                     gapped: frozenset[int]) -> Quantity | None | object:
    """What :func:`_read_quantity` reads for a numeral matched by ``_SCAN`` (``groups``: the match's groups), from the
    unit and suffix its lookahead found, when it is of the common form: an Arabic number or one Chinese digit, bare (no quantity, ``None``) or
    with a scale word (Arabic only), a unit and a suffix comparator (12个, 三年, 3.5万吨以上, 超过5亿元).
    Anything else (a percent word, a longer Chinese numeral, a number that may be refused, an approximation, a
    range, 元 with 角/分, a per-unit, a scale that may be part of the unit) answers ``_FULL_READING``. ``start`` and
    ``end`` are the span of the group ``numeral``, ``before`` the character before it ("" at the text's start)."""
    _, pct, arabic, scale_word, chinese, unit, suffix = groups  # the groups of _SCAN, in order: no look-up by name
    number_start = start  # where the digits begin; start moves to a prefix comparator's word
    if pct:
        return _FULL_READING
    if arabic:
        if not _plainly_readable(norm, arabic, end - len(scale_word)):
            return _FULL_READING  # which may refuse it
        if not arabic.isascii():
            return _FULL_READING  # digits of another script (٣.٥٠): the shortcuts below know the ASCII zero only
        value = None  # read below, once it is a quantity
    elif chinese in _DIGIT_VALUES:
        value, scale_word = _DIGIT_VALUES[chinese], ""
    else:
        return _FULL_READING
    if unit is None:
        if scale_word or norm[end:end + 1] in _QUANTITY_FOLLOWERS or _prefix_comparator(norm, start, gapped)[0]:
            return _FULL_READING
        return None  # _plainly_bare: a plain digit run with nothing around it
    if unit in _UNIT_STARTS_WITH_MORE:
        return _FULL_READING
    if scale_word:
        if (_SMALL_UNITS.get(scale_word[-1], 0) >= 100 and _unit_at(norm, end - 1)) or scale_word not in _SCALES:
            return _FULL_READING  # 3千瓦: the 千 belongs to the unit; 3十百: no scale, no number
        scale = _SCALES[scale_word]
    else:
        scale = 1
    pos = end + len(unit)
    after = norm[pos:pos + 1]
    if after in _READS_ON_AFTER_UNIT and (unit != "%" or after not in _APPROXIMATION_ONLY):
        return _FULL_READING  # a per-unit, a range, an approximation after the unit (not after a percent sign)
    if unit in _YUAN and not scale_word and _JIAO_FEN.match(norm, pos).group():
        return _FULL_READING  # 元 and then 角/分
    if before in _PREFIX_CUES_BY_LAST or start in gapped:
        comparator, cue, start = _prefix_comparator(norm, start, gapped)  # its start stands with a suffix too
    else:
        comparator = cue = None  # no cue can end before it: _prefix_comparator's answer, without the call
    if suffix is not None:
        comparator, cue, pos = _SUFFIX_COMPARATOR_OF[suffix], suffix, pos + len(suffix)
    elif comparator is None:
        comparator = "="
    base_unit, factor = _BASE_OF[unit]
    if value is not None:  # one Chinese digit: no scale
        base_value = value if factor is _ONE else _scaled(value, scale, factor)
    elif factor is _ONE:
        plain = arabic.replace(",", "")
        value = _SHORT_VALUES.get(plain)
        if value is None:
            value = Decimal(plain)
            if len(plain) <= _SHORT:
                _SHORT_VALUES[plain] = value
        # Unscaled, a figure is its own base value unless a fraction ends with a zero (2.50 is based 2.5): the digits
        # _shifted would write are the figure's own.
        base_value = (value if scale == 1 and (plain[-1] != "0" or plain.isdigit())
                      else _shifted(plain, _EXPONENT_OF_SCALE[scale]))
    else:
        value = Decimal(arabic.replace(",", ""))
        base_value = _scaled(value, scale, factor)
    return _quantity(value, None, scale_word + unit, base_value, None, base_unit, comparator, cue, start, pos, number_start)


def _shifted(plain: str, places: int) -> Decimal:
    """``_scaled(Decimal(plain), 10 ** places)`` for digits with at most one point, written from the digits: the
    point moved ``places`` to the right and the zeros that end a fraction dropped, as :func:`_scaled` writes its
    result, without its decimal context (most figures of a text are so scaled: 3.5万吨 is 35000 吨).

    >>> _shifted("3.5", 4), _shifted("2.50", 0), _shifted("12", 8)
    (Decimal('35000'), Decimal('2.5'), Decimal('1200000000'))
    """
    whole, _, fraction = plain.partition(".")
    digits = whole + fraction.ljust(places, "0")
    point = len(whole) + places
    fraction = digits[point:].rstrip("0")
    return Decimal(f"{digits[:point]}.{fraction}" if fraction else digits[:point])


def _read_quantity(norm: str, m: re.Match, gapped: frozenset[int]) -> Quantity | None:
    if _plainly_bare(norm, m, gapped):
        return None
    start = m.start()
    threshold = None
    if m.group("chinese") and not m.group("pct"):
        pair = _adjacent_pair(norm, m)
        if pair is not None:
            return pair
        threshold = _bare_scale_threshold(norm, m)  # only a Chinese numeral with no percent word can be one
    first = _number_at(norm, m, implied_one=threshold is not None)
    if first is None:
        return None
    first = _with_lower_groups(norm, first)
    pos = first.end
    approx = None
    if pos < len(norm) and norm[pos] in _APPROX_MARKS and first.percent is None:
        approx, pos = norm[pos], pos + 1
    scale_word = first.scale_word
    if not scale_word and approx:
        scale_word, pos = _scale_word_at(norm, pos)
    unit, pos = _unit_after(norm, pos, first.percent)
    if unit in _YUAN and not scale_word and approx is None:
        cents, pos = _jiao_fen(norm, pos)
        if cents:
            first = first._replace(value=first.value + cents)  # 六十四元一角七分 = 64.17元
    if approx is None and pos < len(norm) and norm[pos] in _APPROX_MARKS and unit and unit != "%":
        approx, pos = norm[pos], pos + 1
    high = None
    high_end = _range_end(norm, pos, unit)
    if high_end is not None:
        high, pos, unit = high_end
        if high.scale_word and not scale_word:
            scale_word = high.scale_word
    fraction = _fraction(norm, pos, first, m.start()) if unit is None and high is None else None
    if fraction is not None:
        return fraction
    written_unit = (scale_word + unit) if unit else (scale_word or None)
    suffix_cmp, suffix_word, pos = _suffix_comparator(norm, pos)
    prefix_cmp, prefix_word, start = threshold or _prefix_comparator(norm, start, gapped)
    if written_unit is None and suffix_cmp is None and prefix_cmp is None:
        return None
    if high is not None:
        comparator, cue = "range", None
    elif suffix_cmp:
        comparator, cue = suffix_cmp, suffix_word
    elif prefix_cmp:
        comparator, cue = prefix_cmp, prefix_word
    elif approx:
        comparator, cue = ">=", approx
    else:
        comparator, cue = "=", None
    scale = _scale_of(scale_word) or 1
    base_unit, factor = _BASE_OF.get(unit, (unit, _ONE)) if unit else (None, _ONE)
    return _quantity(  # value, value_high, unit, base_value, base_value_high, base_unit, comparator, cue, start, end, number_start
        first.value, high.value if high else None, written_unit,
        _scaled(first.value, scale, factor), _scaled(high.value, scale, factor) if high else None,
        base_unit, comparator, cue, start, pos, m.start(),
    )


def _bare_scale_threshold(norm: str, m: re.Match) -> tuple[str, str, int] | None:
    """(comparator, word, start) when a bare scale word after a threshold word closes a clause (规模过千亿。,
    超百亿元，): it means one of it. Elsewhere a bare 百/千/万 is an idiom (千方百计, 千家万户) and no number."""
    chinese = m.group("chinese")
    if not chinese or m.group("pct") or chinese.strip(_SCALE_CHARS) or chinese[0] == _TEN:
        return None
    unit = _unit_at(norm, m.end()) or ""
    after = norm[m.end() + len(unit):m.end() + len(unit) + 1]
    if after and after not in _SENTENCE_CLOSE:
        return None  # 通过百姓: a word; 超亿元的企业, 过亿元项目: a size class, read with its noun
    for word, comparator in _SCALE_PREFIXES:
        if norm.endswith(word, 0, m.start()):
            return comparator, word, m.start() - len(word)
    return None


def _plainly_bare(norm: str, m: re.Match, gapped: frozenset[int]) -> bool:
    """A plain digit run or one Chinese digit with no unit, approximation, range, fraction or comparator
    around it (the 1 of 1., the 一 of 一是): most numerals of a text, rejected without the full reading."""
    pct, arabic, scale = m.group("pct", "arabic", "scale")  # one call: every numeral of a text is asked
    start, end = m.span()
    if pct or (scale if arabic else end - start != 1 or norm[start] not in _CN_DIGIT_CHARS):
        return False
    return (norm[end:end + 1] not in _QUANTITY_FOLLOWERS and not _unit_at(norm, end)
            and _prefix_comparator(norm, start, gapped)[0] is None)


def _scaled(value: Decimal, scale: int, factor: Decimal = Decimal(1)) -> Decimal:
    """``value × scale × factor`` (scale a power of ten, factor a unit conversion), exact at any length,
    in plain notation when whole.

    The context is as precise as the result needs, so a 40-digit figure in a garbled file neither
    raises nor rounds.
    """
    if scale == 1 and factor == _ONE and value.as_tuple().exponent == 0:
        return value  # an integer written without a point is its own plain notation: most figures
    exponent = len(str(scale)) - 1
    context = Context(prec=len(value.as_tuple().digits) + len(factor.as_tuple().digits) + exponent + 2)
    result = context.multiply(value, factor).scaleb(exponent, context)
    if result == result.to_integral_value(context=context):
        return result.quantize(Decimal(1), context=context)
    return result.normalize(context)


def _scale_word_at(norm: str, pos: int) -> tuple[str, int]:
    for word in sorted(_SCALES, key=len, reverse=True):
        if norm.startswith(word, pos) and not _unit_at(norm, pos):
            return word, pos + len(word)
    return "", pos


def _unit_after(norm: str, pos: int, percent: str | None) -> tuple[str | None, int]:
    if percent:
        return percent, pos
    unit = _unit_at(norm, pos)
    if unit is None:
        return None, pos
    pos += len(unit)
    per = _per_unit_at(norm, pos)
    return (unit + per, pos + len(per)) if per else (unit, pos)


def _per_unit_at(norm: str, pos: int) -> str:
    """The divisor of a compound unit (微克/立方米, 千克/亩, 吨/万元), or ""."""
    if not norm.startswith("/", pos):
        return ""
    scale, after_scale = _scale_word_at(norm, pos + 1)
    unit = _unit_at(norm, after_scale)
    return f"/{scale}{unit}" if unit and unit not in _GE_UNITS and unit not in _PERCENT_UNITS else ""


_JIAO_FEN = re.compile(rf"(?:([{_NONZERO_DIGITS}]|\d){_JIAO})?(?:{_ZERO_JOINER}?([{_NONZERO_DIGITS}]|\d){_FEN})?")


def _jiao_fen(norm: str, pos: int) -> tuple[Decimal, int]:
    """The 角 (tenths) and 分 (hundredths) after an amount in 元, and where they end."""
    m = _JIAO_FEN.match(norm, pos)
    if not m.group():
        return Decimal(0), pos
    jiao, fen = (Decimal(_DIGITS.get(d, d)) if d else Decimal(0) for d in m.groups())
    return jiao / 10 + fen / 100, m.end()


def _range_end(norm: str, pos: int, unit: str | None) -> tuple[_Number, int, str | None] | None:
    """Read the upper end of N-M / N至M / N或M, which must share the first unit (or supply it)."""
    if pos >= len(norm) or norm[pos] not in _RANGE_DASH:
        return None
    if norm[pos] in "-—–~" and norm[pos + 1:pos + 2] == norm[pos]:
        pos += 1  # 1万元--5万元, 3——5个: a doubled dash
    m = _NUMBER.match(norm, pos + 1)
    if not m or (m.group("pct") and unit != "%"):
        return None
    high = _number_at(norm, m)
    if high is None:
        return None
    high_unit, end = _unit_after(norm, high.end, "%" if m.group("pct") else None)
    if unit is not None and high_unit not in (None, unit):
        return None
    if unit is None and high_unit is None:
        return None
    return high, end, unit or high_unit


def _fraction(norm: str, pos: int, number: _Number, start: int) -> Quantity | None:
    """三成 (30%) and 一半 (50%), with the fraction word right after the numeral."""
    if number.percent or number.scale_word or number.value > 10:
        return None
    if norm.startswith(_TENTHS, pos):
        unit, percent = _TENTHS, _scaled(number.value, 10)
    elif norm.startswith(_HALF, pos) and number.value == 1:
        unit, percent = _HALF, Decimal(50)
    else:
        return None
    suffix_cmp, suffix_word, end = _suffix_comparator(norm, pos + 1)
    return _quantity(number.value, None, unit, percent, None, "%", suffix_cmp or "=", suffix_word,
                    start, end, start)


def _suffix_comparator(norm: str, pos: int) -> tuple[str | None, str | None, int]:
    for word, comparator in _SUFFIXES_BY_FIRST.get(norm[pos:pos + 1], _SUFFIXES_BY_FIRST[""]):  # in file order
        if norm.startswith(word, pos):
            return comparator, word, pos + len(word)
    return None, None, pos


def _prefix_comparator(norm: str, start: int, gapped: frozenset[int]) -> tuple[str | None, str | None, int]:
    """The comparator word before the number at ``start``; ``gapped`` is ``_gapped_reach(norm)``."""
    two = norm[max(0, start - 2):start]
    cues = _PREFIX_CUES_BY_LAST_TWO.get(two) or _ONE_CHARACTER_CUES.get(two[-1:], ())
    for cue, word, comparator in cues:
        if norm.endswith(cue, 0, start) and not (cue in _SPOILED_CUES and any(
                w.endswith(cue) and norm.endswith(w, 0, start) for w in _NOT_CUES)):
            return comparator, word, start - len(cue)
    if start not in gapped:
        return None, None, start
    for word in _GAPPED_PREFIXES:
        found = norm.rfind(word, max(0, start - len(word) - _GAP), start)
        if found != -1 and _HAN_RUN.fullmatch(norm, found + len(word), start):
            return ">=", word, found
    return None, None, start


def _gapped_marks() -> dict[str, tuple[tuple[str, int], ...]]:
    """The gapped prefixes (word, offset) by a character of theirs, the second where they have one (至少 and 不少于 by
    少, at 1): a text is searched for a character at memchr speed, where a word's search compares character after
    character, and the prefixes sharing it are found by one search."""
    marks: dict[str, list[tuple[str, int]]] = {}
    for word in _GAPPED_PREFIXES:
        offset = min(1, len(word) - 1)
        marks.setdefault(word[offset], []).append((word, offset))
    return {mark: tuple(words) for mark, words in marks.items()}


_GAPPED_MARKS = _gapped_marks()


def _gapped_reach(norm: str) -> frozenset[int]:
    """Where a number may start to be governed by a gapped prefix (至少入选一人): up to
    ``_GAP`` characters after one, found once per text instead of searched for before every number."""
    reach = set()
    for mark, words in _GAPPED_MARKS.items():
        for at in places(norm, mark):
            for word, offset in words:  # (at 0, a word of two or more read from -1 finds one character: no match)
                if norm.startswith(word, at - offset):
                    end = at - offset + len(word)
                    reach.update(range(end, end + _GAP + 1))
    return frozenset(reach)


def _adjacent_pair(norm: str, m: re.Match) -> Quantity | None:
    """两三个 is the range 2–3, not 23."""
    chinese = m.group("chinese")
    pair = _ADJACENT_PAIRS.get(chinese[:2])
    if pair is None or len(chinese) not in (2, 3):
        return None
    scale_word = chinese[2:]
    if scale_word and scale_word not in _SCALES:
        return None
    unit, end = _unit_after(norm, m.end(), None)
    if unit is None:
        return None
    scale = _scale_of(scale_word) or 1
    low, high = Decimal(pair[0]), Decimal(pair[1])
    if scale_word in _SMALL_UNITS:  # 二三十个 is 20–30 个: only 万/亿 stay in the unit
        low, high, scale_word, scale = low * scale, high * scale, "", 1
    base_unit, factor = _BASE_OF.get(unit, (unit, _ONE))
    return _quantity(low, high, scale_word + unit, _scaled(low, scale, factor), _scaled(high, scale, factor), base_unit,
                    "range", None, m.start(), end, m.start())
