"""Sentence and clause boundaries, shared by the readers of quantities and of their dates."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

SENTENCE_END = "。；;！？!?\n"  # a sentence in the sense of one statement: ；-clauses stand alone
CLAUSE_END = SENTENCE_END + "，,：:"
FULL_STOP = "。！？!?\n"  # a whole sentence, across ；


# A stretch longer than this is no sentence (a run-on scrape, a table dumped on one line): capping the
# reach keeps extraction linear in the length of such text instead of quadratic.
MAX_REACH = 2000


def boundary_before(text: str, pos: int, stops: str) -> int:
    """Start of the stretch that ends at ``pos``: just after the last character of ``stops`` before it
    (at most ``MAX_REACH`` characters back).

    >>> boundary_before("甲。乙，丙", 5, CLAUSE_END)
    4
    """
    low = max(0, pos - MAX_REACH)
    positions = _stop_positions(text, stops)
    i = bisect_left(positions, pos) - 1
    return positions[i] + 1 if i >= 0 and positions[i] >= low else low


def boundary_after(text: str, pos: int, stops: str) -> int:
    """End of the stretch that starts at ``pos``: the first character of ``stops`` at or after it
    (at most ``MAX_REACH`` characters on).

    >>> boundary_after("甲。乙，丙", 0, CLAUSE_END)
    1
    """
    high = min(len(text), pos + MAX_REACH)
    positions = _stop_positions(text, stops)
    i = bisect_left(positions, pos)
    return positions[i] if i < len(positions) and positions[i] < high else high


@lru_cache(maxsize=16)  # a document's figures ask about the same few stop sets many times
def _stop_positions(text: str, stops: str) -> list[int]:
    """Offsets of the characters of ``stops`` in ``text``, ascending: one scan serves every look-up."""
    return [m.start() for m in re.finditer("[" + "".join(re.escape(stop) for stop in stops) + "]", text)]
