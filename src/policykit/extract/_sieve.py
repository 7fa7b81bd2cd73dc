"""A cheap test before a costly one: the characters every match of a pattern must contain, read from the
pattern itself, so a window of text that lacks one of them is never searched.

The year and period words are searched in a window before each figure; most windows lack the 年, 每 or 末
those patterns need, and a substring test rejects them at C speed. The characters come from the
grammar, never from a list kept by hand, so the test can never drop a match: a match inside
``text[start:end]`` holds each required character inside it too.
"""
from __future__ import annotations

import re
from collections.abc import Container, Iterator
from functools import wraps
from re import _constants as sre, _parser as sre_parse  # the standard library's own reading of a pattern

from ._spans import LINE_END


# The blocks of Unicode that hold the characters ``\d`` matches (ASCII digits, the other scripts' decimal digits,
# full-width ones, and all beyond the BMP), as ranges for a pattern's opening class: the regex engine tests a
# class of ranges against a bitmap, while a category costs a look-up in the Unicode tables for each character of
# a text it scans for it. They hold no character a Chinese text is made of (CJK, its punctuation, ASCII letters),
# but they hold more than digits: a pattern opening with them tests ``\d`` itself after them.
_DIGIT_RANGES = ((0x30, 0x39), (0x660, 0x1C59), (0xA620, 0xABF9), (0xFF10, 0xFF19), (0x10000, 0x10FFFF))
DIGIT_BLOCKS = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _DIGIT_RANGES)


def _per_pattern(read):
    """``read(pattern)`` computed once per pattern object and looked up by identity: hashing a compiled
    pattern (as ``lru_cache`` does) hashes its whole program, a microsecond per figure. The patterns are
    module constants; each entry keeps its pattern, so an identity is never reused while it is kept."""
    known: dict[int, tuple[re.Pattern, object]] = {}

    @wraps(read)
    def cached(pattern: re.Pattern):
        entry = known.get(id(pattern))
        if entry is None:
            entry = known[id(pattern)] = (pattern, read(pattern))
        return entry[1]
    return cached


@_per_pattern
def required_chars(pattern: re.Pattern) -> str:
    """The characters every match of ``pattern`` contains (lookarounds aside: they match outside it).

    Examples
    --------
    >>> required_chars(re.compile(r"(?:到|至)?20\\d{2}\\s*年(?:底|末)?"))
    '02年'
    >>> required_chars(re.compile("甲乙|乙丙"))
    '乙'
    """
    return "".join(sorted(group for group in requirements(pattern) if len(group) == 1))


@_per_pattern
def requirements(pattern: re.Pattern) -> tuple[str, ...]:
    """Groups of characters every match of ``pattern`` holds one of: a single character it always holds
    (see :func:`required_chars`), or one of a few where its branches differ (季 or 半 for 第一季度|上半年).

    Examples
    --------
    >>> requirements(re.compile("(?:前三季度|上半年|第[一二]季度)"))
    ('上季',)
    >>> requirements(re.compile("(?:截至|到)(?:目前|[0-9]月)"))
    ('到截', '月目')
    """
    if pattern.flags & re.IGNORECASE:
        return ()  # a literal then stands for several characters
    groups = ("".join(sorted(group)) for group in _required(sre_parse.parse(pattern.pattern, pattern.flags)))
    return tuple(sorted(groups, key=lambda group: (len(group), group)))  # one find rejects most windows: singles first


def requirements_of_any(patterns) -> tuple[str, ...]:
    """A group of characters a match of any of ``patterns`` holds one of (a group of each, joined), so one
    test rejects a window for all of them; () when one of them needs nothing.

    >>> requirements_of_any([re.compile("[0-9]月"), re.compile("上半年|第[一二]季度"), re.compile("截至(?:目前|[0-9]月)")])
    ('上截月第',)
    """
    chars = _one_of_each(patterns, requirements)
    return () if chars is None else ("".join(sorted(chars)),)


@_per_pattern
def required_words(pattern: re.Pattern) -> tuple[tuple[str, ...], ...]:
    """Groups of words (runs of literal characters) every match of ``pattern`` holds one of, as :func:`requirements`
    gives groups of characters: tighter where a branch's characters are common alone but rare in a row (上 of
    上半年, 以上, 上年 …). :func:`could_match` takes them as it takes groups of characters.

    Examples
    --------
    >>> required_words(re.compile("(?:前三季度|上半年|第[一二]季度)"))
    (('上半年', '季度'),)
    >>> required_words(re.compile("(?:截至|到)(?:目前|[0-9]月)"))
    (('到', '截至'), ('月', '目前'))
    """
    if pattern.flags & re.IGNORECASE:
        return ()  # a literal then stands for several characters
    groups = (tuple(sorted(group)) for group in _required(sre_parse.parse(pattern.pattern, pattern.flags), words=True))
    return tuple(sorted(groups, key=lambda group: (len(group), group)))  # one find rejects most windows: singles first


def words_of_any(patterns) -> tuple[tuple[str, ...], ...]:
    """A group of words a match of any of ``patterns`` holds one of (a group of :func:`required_words` of each,
    joined), as :func:`requirements_of_any` joins groups of characters; () when one of them needs nothing.

    >>> words_of_any([re.compile("[0-9]月"), re.compile("上半年|第[一二]季度"), re.compile("(?:截至|到)(?:目前|[0-9]月)")])
    (('上半年', '季度', '月', '目前'),)
    """
    words = _one_of_each(patterns, required_words)
    return () if words is None else (tuple(sorted(_shortest(words))),)


def _one_of_each(patterns, needs) -> set[str] | None:
    """The characters or words of a group of ``needs(pattern)`` for each pattern, joined (the group adding the fewest
    first), or None when a pattern needs nothing."""
    joined: set[str] = set()
    for pattern in patterns:
        groups = needs(pattern)
        if not groups:
            return None
        joined.update(min(groups, key=lambda group: (len(set(group) - joined), len(group))))
    return joined


def could_match(needs: str | tuple[str, ...], text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a character of each group of ``needs`` (see :func:`requirements`;
    a string is a group per character, as :func:`required_chars` gives them), or a word of each group of words
    (see :func:`required_words`).

    >>> could_match("年", "到2025年", 0, 6), could_match("年", "到2025年", 0, 5), could_match(("季半",), "上半年", 0, 3)
    (True, False, True)
    """
    for group in needs:  # loops, not all(...): this runs for every figure
        for ch in group:
            if text.find(ch, start, end) >= 0:
                break
        else:
            return False
    return True


def holds(needs: str | tuple[str, ...], piece: str) -> bool:
    """``could_match(needs, piece, 0, len(piece))`` for a piece of text already cut: an ``in`` test of each word costs
    a third of a ``str.find`` call's.

    >>> holds((("年",), ("20", "二〇")), "2025年"), holds("年月", "2025年")
    (True, False)
    """
    for group in needs:
        for word in group:
            if word in piece:
                break
        else:
            return False
    return True


def needs_met_by(needs: str | tuple[str, ...], text: str, start: int, limit: int) -> int:
    """Where, from ``start``, a character or word of each group of ``needs`` has ended (``limit + 1`` when a group
    has none in ``text[start:limit]``): :func:`could_match` of ``text[start:end]`` for every ``end`` up to ``limit``
    is whether this is at most ``end`` (the first of a group's words to end is found by one find of each), so the
    figures of one window ask once, not once each.

    >>> needs_met_by(("年",), "到2025年底", 0, 7), could_match("年", "到2025年底", 0, 5), could_match("年", "到2025年底", 0, 6)
    (6, False, True)
    """
    met = start
    for group in needs:  # loops and comparisons: a list, min() and max() cost more than the finds they follow
        first = -1
        for word in group:
            at = text.find(word, start, limit)
            if at >= 0 and (first < 0 or at + len(word) < first):
                first = at + len(word)
        if first < 0:
            return limit + 1
        if first > met:
            met = first
    return met


def find_next(text: str, next_at: dict[str, int], pos: int) -> None:
    """Move each character or word of ``next_at`` (where each stands next) that stands before ``pos`` to where it
    stands next from ``pos``, dropping those that stand nowhere: a walk over the places of a few words at
    ``str.find`` speed, the earliest being ``min(next_at.values())``.

    >>> next_at = {"年": 0, "月": 2}; find_next("年年月", next_at, 1); next_at
    {'年': 1, '月': 2}
    """
    for word, at in list(next_at.items()):
        if at < pos:
            at = text.find(word, pos)
            if at < 0:
                del next_at[word]
            else:
                next_at[word] = at


def search(pattern: re.Pattern, text: str, start: int = 0, end: int | None = None,
           needs: tuple | None = None) -> re.Match | None:
    """``pattern.search(text, start, end)``, skipped when the window lacks what every match needs (``needs``, read
    once by the caller, :func:`required_words` for instance; else :func:`requirements`).

    >>> search(re.compile("每年"), "全年每季度", 0, 5) is None
    True
    """
    end = len(text) if end is None else end
    return pattern.search(text, start, end) if could_match(needs or requirements(pattern), text, start, end) else None


def last(pattern: re.Pattern, text: str, start: int = 0, end: int | None = None,
         needs: tuple | None = None) -> re.Match | None:
    """The last match of ``pattern.finditer(text, start, end)``, sieved as :func:`search` is.

    >>> last(re.compile(r"\\d年"), "1年2年", 0, 4).group()
    '2年'
    """
    end = len(text) if end is None else end
    return last_match(pattern, text, start, end) if could_match(needs or requirements(pattern), text, start, end) else None


def last_match(pattern: re.Pattern, text: str, start: int, end: int) -> re.Match | None:
    """The last match of ``pattern.finditer(text, start, end)``, unsieved: for a caller that has tested the window's
    needs already (:func:`holds` of the words cut once).

    >>> last_match(re.compile(r"\\d年"), "1年2年", 0, 4).group()
    '2年'
    """
    found = None
    for found in pattern.finditer(text, start, end):
        pass
    return found


@_per_pattern
def first_chars(pattern: re.Pattern) -> re.Pattern | None:
    """A character class of the characters a match of ``pattern`` can begin with, read from the grammar;
    digits stand in it as the blocks that hold them (:data:`DIGIT_BLOCKS`, so the class holds some characters no
    match begins with: a user tests the whole pattern where the class matches), spaces as their category; None
    when any character could (a negated class, a wider category, a match that may be empty).

    Examples
    --------
    >>> first_chars(re.compile(r"(?<!第)(?:[一二]|第?3)条")).pattern
    '[3一二第]'
    >>> opener = first_chars(re.compile(r"\\d?条"))
    >>> [bool(opener.match(ch)) for ch in "7٣条甲"]
    [True, True, True, False]
    >>> first_chars(re.compile(r"\\w?条")) is None
    True
    """
    if pattern.flags & re.IGNORECASE:
        return None
    found = _first(sre_parse.parse(pattern.pattern, pattern.flags))
    if found is None or found[1]:
        return None
    ranges = "".join(_CATEGORIES[hi] if lo == -1 else re.escape(chr(lo)) if lo == hi
                     else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in sorted(found[0]))
    return re.compile(f"[{ranges}]", pattern.flags)


# A class of more characters than this is no cheap test of a string's first or last character.
_MOST_LAST_CHARS = 256


@_per_pattern
def last_chars(pattern: re.Pattern) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can end with, read from the grammar (an end anchor matches nothing:
    the item before it ends the match); None when the grammar gives no small set (a category, a wide class, a
    match that may be empty).

    A pattern anchored at the end (``…$``) finds nothing in a string whose last character (or the one before a
    final line end, where ``$`` also matches) is none of them: one test spares the search.

    >>> sorted(last_chars(re.compile("(?:达到|为|提高至)+$")))
    ['为', '到', '至']
    >>> last_chars(re.compile(r"\\d*$")) is None
    True
    """
    return _edge_chars(pattern, from_end=True)


@_per_pattern
def first_char_set(pattern: re.Pattern) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can begin with, as :func:`last_chars` gives the last ones.

    >>> sorted(first_char_set(re.compile("《[^》]*》|“[^”]*”")))
    ['“', '《']
    """
    return _edge_chars(pattern, from_end=False)


class _AnyCharacter:
    """Holds every character: the gate of a pattern whose grammar gives no small set of edge characters."""

    def __contains__(self, char: object) -> bool:
        return True


def start_gate(pattern: re.Pattern) -> Container[str]:
    """What the first character after a place must be in for ``pattern`` to match there (:func:`first_char_set`),
    or a gate every character passes: one look spares most anchored tries.

    >>> "是" in start_gate(re.compile("的|之")), "是" in start_gate(re.compile(r"\\w+的"))
    (False, True)
    """
    return first_char_set(pattern) or _AnyCharacter()


def end_gate(pattern: re.Pattern) -> Container[str]:
    """What the last character of a window must be in for ``pattern``, anchored at the window's end (``…$``), to
    match in it: a character a match can end with (:func:`last_chars`) or a line end (``$`` matches before a final
    one); a gate every character passes when the grammar gives no small set.

    >>> gate = end_gate(re.compile("(?:达到|为)$"))
    >>> "为" in gate, "\\n" in gate, "了" in gate, "了" in end_gate(re.compile(r"\\d*$"))
    (True, True, False, True)
    """
    chars = last_chars(pattern)
    return _AnyCharacter() if chars is None else chars | {LINE_END}


def _edge_chars(pattern: re.Pattern, from_end: bool) -> frozenset[str] | None:
    if pattern.flags & re.IGNORECASE:
        return None
    found = _first(sre_parse.parse(pattern.pattern, pattern.flags), from_end)
    if found is None or found[1] or any(lo == -1 for lo, _ in found[0]) \
            or sum(hi - lo + 1 for lo, hi in found[0]) > _MOST_LAST_CHARS:
        return None  # (a category holds too many characters to list)
    return frozenset(chr(code) for lo, hi in found[0] for code in range(lo, hi + 1))


# A pattern whose matches begin with fewer characters than this is scanned for by str.find.
_FEWEST_FOUND = 8


def places(text: str, char: str) -> Iterator[int]:
    """Where ``char`` stands in ``text``, in order, found by ``str.find`` (memchr speed), not by the regex engine's test
    of every character. ``char`` may be a word: each place it starts at is found, overlapping ones too.

    >>> list(places("指导，是指", "指"))
    [0, 4]
    """
    at = text.find(char)
    while at >= 0:
        yield at
        at = text.find(char, at + 1)


def found_anywhere(pattern: re.Pattern, text: str) -> bool:
    """``pattern.search(text) is not None`` for a pattern that reads no character beyond its match (no lookaround):
    searched only around each place where a character of the first group of its :func:`requirements` stands (found
    by :func:`places`), within its widest match's reach of it, where the engine's own search would try the pattern at
    every character.

    >>> found_anywhere(re.compile("今后五年|十四五"), "第五条\\n今后五年"), found_anywhere(re.compile("今后五年"), "第五条")
    (True, False)
    """
    sieve_of = _anywhere_sieve(pattern)
    if sieve_of is None:
        return pattern.search(text) is not None
    chars, reach = sieve_of
    for ch in chars:
        for at in places(text, ch):
            if pattern.search(text, at - reach + 1 if at >= reach else 0, at + reach) is not None:
                return True
    return False


def widest(pattern: re.Pattern) -> int | None:
    """The length of the widest match ``pattern`` can make, read from its grammar; None when its matches have no bound
    (an unbounded repeat).

    >>> widest(re.compile("十四五|今后(?:五|十)年")), widest(re.compile("[一二]{1,3}个")), widest(re.compile("年+"))
    (4, 4, None)
    """
    reach = sre_parse.parse(pattern.pattern, pattern.flags).getwidth()[1]
    return reach if reach < sre_parse.MAXREPEAT else None


@_per_pattern
def _anywhere_sieve(pattern: re.Pattern) -> tuple[str, int] | None:
    """The characters a match of ``pattern`` holds one of, and the length of its widest match; None for a pattern
    that needs no character or has no widest match."""
    needs, reach = requirements(pattern), widest(pattern)
    return (needs[0], reach) if needs and reach is not None else None


def all_matches(pattern: re.Pattern, text: str) -> list[re.Match]:
    """``list(pattern.finditer(text))``, each match tried only where one of the few characters a match begins with
    stands (:func:`first_char_set`), found by ``str.find`` at C speed: searching with a class of first characters
    tests every character of a long text against it.

    >>> [m.group() for m in all_matches(re.compile("《[^》]{0,9}》|“[^”]{0,9}”"), "《甲》与“乙”及《丙")]
    ['《甲》', '“乙”']
    """
    chars = first_char_set(pattern)
    if chars is None or len(chars) >= _FEWEST_FOUND:
        return list(pattern.finditer(text))
    starts = sorted(at for ch in chars for at in places(text, ch))
    found: list[re.Match] = []
    pos, match = 0, pattern.match
    for at in starts:
        if at >= pos and (m := match(text, at)) is not None:
            found.append(m)
            pos = m.end()  # never empty: a pattern that may match nothing has no first_char_set
    return found


def opened(pattern: re.Pattern) -> re.Pattern:
    """``pattern`` led by a lookahead on the characters a match can begin with (:func:`first_chars`), when
    the grammar gives them.

    A pattern whose branches open with a lookbehind, an optional item or a class gives the regex engine no
    first character to scan for, so it tries every branch at every character; led by the class, it skips
    at C speed to where a match can begin. A pattern the engine already scans by its first literals only
    gets slower (the lookahead is one more step per try): lead only the others.

    >>> opened(re.compile("(?<!较)去年|上年")).pattern
    '(?=[上去])(?:(?<!较)去年|上年)'
    >>> opened(re.compile(r"\\w年")).pattern  # no class to lead with
    '\\\\w年'
    """
    opener = first_chars(pattern)
    return re.compile(f"(?={opener.pattern})(?:{pattern.pattern})", pattern.flags) if opener else pattern


def finditer(pattern: re.Pattern, text: str, start: int = 0, end: int | None = None,
             opener: re.Pattern | None = None):
    """The matches of ``pattern.finditer(text, start, end)``, tried only where one can begin.

    A pattern of many branches that open with lookbehinds is tried at every character by the regex engine;
    the class of its first characters (:func:`first_chars`) finds the few places worth trying at C speed.
    An ``opener`` given finds them instead: a pattern that matches (at least) wherever a match of
    ``pattern`` begins, such as the alternation of the words every match begins with.

    >>> [m.group() for m in finditer(re.compile(r"(?<![一二])[一二]、"), "一、甲二、乙一二、")]
    ['一、', '二、']
    """
    end = len(text) if end is None else end
    opener = opener or first_chars(pattern)
    if opener is None:
        yield from pattern.finditer(text, start, end)
        return
    seek, match = opener.search, pattern.match
    pos = start
    while (found := seek(text, pos, end)) is not None:
        m = match(text, found.start(), end)
        if m is None:
            pos = found.start() + 1
        else:
            yield m
            pos = m.end()  # never empty: a pattern that may match nothing has no first_chars


def _first(items, from_end: bool = False) -> tuple[set[tuple[int, int]], bool] | None:
    """(ranges of the characters a match of ``items`` can begin with, or end with ``from_end``, whether it may be
    empty), or None."""
    found: set[tuple[int, int]] = set()
    for op, av in reversed(items) if from_end else items:
        if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            continue  # matches nothing: the next item opens the match
        if op is sre.LITERAL:
            item = {(av, av)}, False
        elif op is sre.IN:
            item = _class(av)
        elif op is sre.SUBPATTERN:
            item = _first(av[-1], from_end)
        elif op is sre.ATOMIC_GROUP:
            item = _first(av, from_end)
        elif op is sre.BRANCH:
            branches = [_first(branch, from_end) for branch in av[1]]
            item = None if None in branches else (set().union(*(b[0] for b in branches)), any(b[1] for b in branches))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            inner = _first(av[2], from_end)
            item = None if inner is None else (inner[0], inner[1] or av[0] == 0)
        else:
            return None  # any character, a back reference, …: no class to sieve with
        if item is None:
            return None
        found |= item[0]
        if not item[1]:
            return found, False
    return found, True


# The categories a class of first characters may hold, as a class writes them (by position -1, before any range).
_CATEGORIES = {sre.CATEGORY_SPACE: r"\s"}


def _class(items) -> tuple[set[tuple[int, int]], bool] | None:
    ranges = set()
    for op, av in items:
        if op is sre.LITERAL:
            ranges.add((av, av))
        elif op is sre.RANGE:
            ranges.add(av)
        elif op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            ranges.update(_DIGIT_RANGES)  # tested as a bitmap, not a look-up in the Unicode tables
        elif op is sre.CATEGORY and av in _CATEGORIES:
            ranges.add((-1, int(av)))  # spaces: a category the opener's class holds as it is
        else:
            return None  # a negation or a wide category (\w, \D): too wide to be worth a class
    return ranges, False


# A class of more characters than this, or branches needing more to cover them, is no cheap test.
_MOST_IN_GROUP = 3


def _required(items, words: bool = False) -> list[frozenset[str]]:
    """Groups of characters a match of ``items`` holds one of each of; with ``words``, groups of words: each run of
    literals a match always holds (a run ends at any other item) stands as one word."""
    found: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op is sre.LITERAL:
            run += chr(av)
            if words:
                continue
        if run:
            found.append(frozenset((run,)))
            run = ""
        if op is sre.IN:
            chars = _class_chars(av)
            if chars:
                found.append(chars)
        elif op is sre.SUBPATTERN:
            found += _required(av[-1], words)
        elif op is sre.ATOMIC_GROUP:
            found += _required(av, words)
        elif op is sre.BRANCH:
            branches = [_required(branch, words) for branch in av[1]]
            found += _branches_words(branches) if words else _branches_need(branches)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            found += _required(av[2], words)
    if run:
        found.append(frozenset((run,)))
    return list(dict.fromkeys(found))


def _class_chars(items) -> frozenset[str] | None:
    """The few characters a class (``[一二]``) stands for, or None."""
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < _MOST_IN_GROUP:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:
            return None
    return frozenset(chars) if len(chars) <= _MOST_IN_GROUP else None


def _branches_need(branches: list[list[frozenset[str]]]) -> list[frozenset[str]]:
    """What every match of one of ``branches`` needs: the groups all of them need, else one group that
    holds a group of each branch (chosen greedily, the group that serves most branches first)."""
    common = [group for group in branches[0] if all(group in other for other in branches[1:])]
    if common:
        return common
    cover: set[str] = set()
    left = list(branches)
    while left:
        best = max((group for branch in left for group in branch),
                   key=lambda g: (sum(g in branch for branch in left), -len(g)), default=None)
        if best is None:
            return []  # a branch needs nothing
        cover |= best
        left = [branch for branch in left if best not in branch]
    return [frozenset(cover)] if len(cover) <= _MOST_IN_GROUP else []


def _branches_words(branches: list[list[frozenset[str]]]) -> list[frozenset[str]]:
    """What every match of one of ``branches`` needs: a group holding the group of longest words of each branch."""
    if not all(branches):
        return []  # a branch needs nothing
    words = _shortest(set().union(*(max(branch, key=lambda group: (min(map(len, group)), -len(group)))
                                    for branch in branches)))
    return [frozenset(words)] if len(words) <= _MOST_IN_GROUP else []


def _shortest(words: set[str]) -> set[str]:
    """``words`` without those holding another of them: a text holding one of them holds one of these."""
    return {word for word in words if not any(other != word and other in word for other in words)}
