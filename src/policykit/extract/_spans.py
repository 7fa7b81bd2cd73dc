"""Sentence and clause boundaries, shared by the readers of quantities and of their dates.

Where the stop characters of a text stand is found once per text and kind of stop (:class:`Boundaries`);
each boundary is then a bisection, not a search.
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

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


@dataclass(frozen=True, eq=False)
class Boundaries:
    """The stop characters of one text, by kind of stop, each kind found on first use and then kept.

    Examples
    --------
    >>> b = Boundaries("甲。乙，丙")
    >>> b.before(5, CLAUSE_END), b.after(0, CLAUSE_END), b.before(5, SENTENCE_END)
    (4, 1, 2)
    """

    text: str
    _found: dict[str, array] = field(default_factory=dict, repr=False)

    def positions(self, stops: str) -> array:
        """Offsets of every character of ``stops`` in the text, in order."""
        found = self._found.get(stops)
        if found is None:
            found = self._found[stops] = array("q", [m.start() for m in _stop_class(stops).finditer(self.text)])
        return found

    def before(self, pos: int, stops: str, reach: int = MAX_REACH) -> int:
        """Start of the stretch that ends at ``pos``: just after the last character of ``stops`` before it
        (at most ``reach`` characters back)."""
        low = max(0, pos - reach)
        found = self.positions(stops)
        i = bisect_left(found, pos) - 1
        return found[i] + 1 if i >= 0 and found[i] >= low else low

    def after(self, pos: int, stops: str) -> int:
        """End of the stretch that starts at ``pos``: the first character of ``stops`` at or after it (at most
        ``MAX_REACH`` characters on)."""
        high = min(len(self.text), pos + MAX_REACH)
        found = self.positions(stops)
        i = bisect_left(found, pos)
        return found[i] if i < len(found) and found[i] < high else high


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


@lru_cache(maxsize=32)
def _stop_class(stops: str) -> re.Pattern:
    """One pattern for any character of ``stops``: a single search instead of one per character."""
    return re.compile("[" + re.escape(stops) + "]")
