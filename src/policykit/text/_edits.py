"""Text edits that remember where every character came from.

An edit is ``(start, end, replacement)`` on the current text. Applying a sorted list of
non-overlapping edits yields the new text and anchors from new positions to old ones; anchors
compose across cleaning steps so the final clean text maps straight back to the raw text.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

Edit = tuple[int, int, str]
Anchors = list[tuple[int, int]]


def apply_edits(text: str, edits: list[Edit]) -> tuple[str, Anchors]:
    """Apply sorted, non-overlapping ``edits``; return the new text and new→old anchors."""
    pieces: list[str] = []
    anchors: Anchors = [(0, 0)]
    old = 0
    new = 0
    for start, end, repl in edits:
        pieces.append(text[old:start])
        new += start - old
        if len(repl) != end - start:
            # a replacement of another length: its characters start at the old start,
            # and the text after it resumes one to one from the old end
            if repl:
                anchors.append((new, start))
            anchors.append((new + len(repl), end))
        pieces.append(repl)
        new += len(repl)
        old = end
    pieces.append(text[old:])
    return "".join(pieces), anchors


def compose(outer: Anchors, inner: Anchors) -> Anchors:
    """Anchors of ``inner ∘ outer``: new → old by ``outer``, then old → raw by ``inner``."""
    if len(inner) == 1:
        c0, r0 = inner[0]
        return [(c, o + r0 - c0) for c, o in outer]
    inner_keys = [a[0] for a in inner]

    def inner_at(pos: int) -> int:
        i = max(bisect_right(inner_keys, pos) - 1, 0)
        return inner[i][1] + pos - inner[i][0]

    result: Anchors = []
    for i, (c, o) in enumerate(outer):
        result.append((c, inner_at(o)))
        lo = bisect_right(inner_keys, o)
        hi = bisect_left(inner_keys, o + outer[i + 1][0] - c) if i + 1 < len(outer) else len(inner_keys)
        result.extend((c + inner_keys[j] - o, inner[j][1]) for j in range(lo, hi))
    return simplify(result)


def simplify(anchors: Anchors) -> Anchors:
    """Drop anchors that keep the shift of the one before; a later anchor at the same position wins."""
    out: Anchors = []
    for c, r in anchors:
        if out and out[-1][0] == c:
            out[-1] = (c, r)
        elif not out or r - c != out[-1][1] - out[-1][0]:
            out.append((c, r))
    return out or [(0, 0)]


def shift(anchors: Anchors, start: int, end: int) -> Anchors:
    """Anchors of the slice ``text[start:end]``: positions relative to ``start``, raw positions kept."""
    keys = [a[0] for a in anchors]
    i = max(bisect_right(keys, start) - 1, 0)
    j = bisect_left(keys, end)
    c, r = anchors[i]
    return [(0, r + start - c)] + [(k - start, v) for k, v in anchors[i + 1:j]]
