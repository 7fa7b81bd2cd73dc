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
        # The last stop before ``pos`` is the first one at or after ``len - pos`` in the reversed text.
        size = len(self.text)
        last = (_STOP_CLASSES.get(stops) or _stop_class(stops)).search(self._reversed, size - pos, size - low)
        return size - last.start() if last else low

    def after(self, pos: int, stops: str) -> int:
        """End of the stretch that starts at ``pos``: the first character of ``stops`` at or after it (at most
        ``MAX_REACH`` characters on)."""
        high = min(len(self.text), pos + MAX_REACH)
        first = (_STOP_CLASSES.get(stops) or _stop_class(stops)).search(self.text, pos, high)
        return first.start() if first else high


@lru_cache(maxsize=4)  # the readers of one document all ask about the same text
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
