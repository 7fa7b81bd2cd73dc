"""Sentence and clause boundaries, shared by the readers of quantities and of their dates.

One :class:`Boundaries` value per text answers every reader (the parsed document holds it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

SENTENCE_END = "。；;！？!?\n"  # a sentence in the sense of one statement: ；-clauses stand alone
CLAUSE_END = SENTENCE_END + "，,：:"
FULL_STOP = "。！？!?\n"  # a whole sentence, across ；
LINE_END = "\n"  # a paragraph


# A stretch longer than this is no sentence (a run-on scrape, a table dumped on one line): capping the
# reach keeps extraction linear in the length of such text instead of quadratic.
MAX_REACH = 2000
# How far back a sentence is read for the words that date and mood a figure (去年, 力争, 到2025年): they
# stand near it, and a shorter reach keeps run-on tables (one "sentence" of thousands of figures) fast.
SENTENCE_REACH = 300


@dataclass(frozen=True)
class Boundaries:
    """Where the stretches of one text (paragraphs, sentences, clauses) begin and end around an offset.

    The text is reversed once, so that looking back for the last stop is one forward search.

    Examples
    --------
    >>> b = Boundaries("甲。乙，丙")
    >>> b.before(5, CLAUSE_END), b.after(0, CLAUSE_END), b.before(5, SENTENCE_END)
    (4, 1, 2)
    """

    text: str

    @cached_property
    def _reversed(self) -> str:
        return self.text[::-1]

    def before(self, pos: int, stops: str, reach: int = MAX_REACH) -> int:
        """Start of the stretch that ends at ``pos``: just after the last character of ``stops`` before it
        (at most ``reach`` characters back)."""
        low = pos - reach if pos > reach else 0
        if len(stops) == 1:  # one character (a line end): str.rfind scans faster than a search
            last = self.text.rfind(stops, low, pos if pos > 0 else 0)  # (a negative end counts from the end)
            return last + 1 if last >= 0 else low
        # The last stop before ``pos`` is the first one at or after ``len - pos`` in the reversed text.
        size = len(self.text)
        last = (_STOP_CLASSES.get(stops) or _stop_class(stops)).search(self._reversed, size - pos, size - low)
        return size - last.start() if last else low

    def before_from(self, pos: int, stops: str, opened: int, reach: int = MAX_REACH) -> int:
        """:meth:`before` for a ``pos`` whose stretch holds ``opened`` (no character of ``stops`` between them),
        answered without a search when the text starts or a stop stands right before ``opened``: a clause a
        sentence's stop opens opens the sentence too.

        >>> b = Boundaries("甲。乙，丙")
        >>> b.before_from(5, SENTENCE_END, 4), b.before_from(5, SENTENCE_END, 2), b.before_from(3, FULL_STOP, 2, 1)
        (2, 2, 2)
        """
        if opened == 0 or self.text[opened - 1] in stops:
            return opened if opened >= pos - reach else pos - reach
        # Else the last stop before ``opened`` is the last before ``pos``: searched from there, within the same reach.
        return self.before(opened, stops, reach - pos + opened) if opened > pos - reach else pos - reach

    def after(self, pos: int, stops: str) -> int:
        """End of the stretch that starts at ``pos``: the first character of ``stops`` at or after it (at most
        ``MAX_REACH`` characters on)."""
        high = pos + MAX_REACH if pos + MAX_REACH < len(self.text) else len(self.text)  # (min() costs a call more)
        if len(stops) == 1:
            first = self.text.find(stops, pos if pos > 0 else 0, high)
            return first if first >= 0 else high
        first = (_STOP_CLASSES.get(stops) or _stop_class(stops)).search(self.text, pos, high)
        return first.start() if first else high


# Keyed by text, yet only the text being read hits (shared corpus: 103 misses, 27104 hits, none from another
# document): the readers of one document all ask about the same text, and a repeated file differs in a line.
@lru_cache(maxsize=4)
def boundaries_of(text: str) -> Boundaries:
    """The :class:`Boundaries` of ``text``, one value per text however many readers ask."""
    return Boundaries(text)


def boundary_before(text: str, pos: int, stops: str, reach: int = MAX_REACH) -> int:
    """Start of the stretch that ends at ``pos``: just after the last character of ``stops`` before it
    (at most ``reach`` characters back).

    >>> boundary_before("甲。乙，丙", 5, CLAUSE_END)
    4
    """
    return boundaries_of(text).before(pos, stops, reach)


def boundary_after(text: str, pos: int, stops: str) -> int:
    """End of the stretch that starts at ``pos``: the first character of ``stops`` at or after it
    (at most ``MAX_REACH`` characters on).

    >>> boundary_after("甲。乙，丙", 0, CLAUSE_END)
    1
    """
    return boundaries_of(text).after(pos, stops)


_STOP_CLASSES: dict[str, re.Pattern] = {}  # looked up for every figure: a dict, not a call


def _stop_class(stops: str) -> re.Pattern:
    """One pattern for any character of ``stops``: a single search instead of one per character."""
    pattern = _STOP_CLASSES[stops] = re.compile("[" + re.escape(stops) + "]")
    return pattern


_LINE_START = "(?m)^"


def line_matches(pattern: re.Pattern, text: str) -> list[re.Match]:
    """``list(pattern.finditer(text))`` for a pattern that opens with ``(?m)^`` and whose matches hold no line end.

    Such a pattern is tried by the regex engine at every character (``^`` gives it nothing to scan for); led by
    the line end before it instead, a pattern whose first character is a literal is scanned for at C speed, and
    each place it finds is matched again by ``pattern`` itself, so the matches are the same objects finditer
    gives. No match holds a line end, so none ends at a line start and the next one starts after a line end.

    >>> heading = re.compile(r"(?m)^[一二三]、[^\\n]{0,9}$")
    >>> [m.group() for m in line_matches(heading, "一、甲\\n正文\\n二、乙\\n三、")]
    ['一、甲', '二、乙', '三、']
    """
    found = []
    m = pattern.match(text)
    pos = m.end() if m else 0
    if m:
        found.append(m)
    seek = _LINE_LED.get(pattern) or _line_led(pattern)
    while (hit := seek.search(text, pos)) is not None:
        m = pattern.match(text, hit.start() + 1)
        found.append(m)
        pos = m.end()
    return found


_LINE_LED: dict[re.Pattern, re.Pattern] = {}  # one per pattern, made on first use


def _line_led(pattern: re.Pattern) -> re.Pattern:
    if not pattern.pattern.startswith(_LINE_START):
        raise ValueError(f"not anchored at line starts: {pattern.pattern!r}")
    led = _LINE_LED[pattern] = re.compile(r"\n(?:" + pattern.pattern[len(_LINE_START):] + ")", pattern.flags)
    return led

