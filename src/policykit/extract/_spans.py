"""Sentence and clause boundaries, shared by the readers of quantities and of their dates."""
from __future__ import annotations

SENTENCE_END = "。；;！？!?\n"  # a sentence in the sense of one statement: ；-clauses stand alone
CLAUSE_END = SENTENCE_END + "，,：:"
FULL_STOP = "。！？!?\n"  # a whole sentence, across ；


def boundary_before(text: str, pos: int, stops: str) -> int:
    """Start of the stretch that ends at ``pos``: just after the last character of ``stops`` before it.

    >>> boundary_before("甲。乙，丙", 5, CLAUSE_END)
    4
    """
    i = pos
    while i > 0 and text[i - 1] not in stops:
        i -= 1
    return i


def boundary_after(text: str, pos: int, stops: str) -> int:
    """End of the stretch that starts at ``pos``: the first character of ``stops`` at or after it."""
    i = pos
    while i < len(text) and text[i] not in stops:
        i += 1
    return i
