"""Text edits that remember where every character came from.

An edit is ``(start, end, replacement)`` on the current text. Applying a sorted list of
non-overlapping edits yields the new text and anchors from new positions to old ones; anchors
compose across cleaning steps so the final clean text maps straight back to the raw text.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate, chain
from operator import itemgetter, sub

Edit = tuple[int, int, str]
Anchors = list[tuple[int, int]]
_KEY = itemgetter(0)  # an anchor's clean position


def apply_edits(text: str, edits: list[Edit]) -> tuple[str, Anchors]:
    """Apply sorted, non-overlapping ``edits``; return the new text and new→old anchors.

    A replacement of another length gets an anchor at its start (its characters come from the old
    start on) and one after it (the text resumes one to one from the old end); same-length
    replacements need none.
    """
    if not edits:
        return text, [(0, 0)]
    starts, ends, repls = zip(*edits)
    kept = [text[a:b] for a, b in zip((0, *ends), (*starts, len(text)))]
    new_text = "".join(chain.from_iterable(zip(kept, (*repls, ""))))
    # how far each edit's start has moved: what the edits before it added, less what they took away
    shifts = accumulate(map(sub, map(len, repls), map(sub, ends, starts)), initial=0)
    anchors: Anchors = [(0, 0)]
    if not any(repls):  # deletions only (spaces, lines, marks): an anchor after each that takes something
        anchors += [(s + before, e) for s, e, before in zip(starts, ends, shifts) if e > s]
        return new_text, anchors
    for s, e, r, before in zip(starts, ends, repls, shifts):
        if len(r) != e - s:
            if r:
                anchors.append((s + before, s))
            anchors.append((s + before + len(r), e))
    return new_text, anchors


def compose(outer: Anchors, inner: Anchors) -> Anchors:
    """Anchors of ``inner ∘ outer``: new → old by ``outer``, then old → raw by ``inner``.

    Keys never decrease; where two anchors share a position the later one wins, as in
    :meth:`OffsetMap.to_raw` (``bisect_right``).
    """
    if outer == [(0, 0)]:
        return inner
    if len(inner) == 1:
        c0, r0 = inner[0]
        if r0 == c0:  # the usual first step's: nothing to shift, a copy in C
            return list(outer)
        return [(c, o + r0 - c0) for c, o in outer]
    inner_keys = [a[0] for a in inner]
    result: Anchors = []
    for (c, o), next_c in zip(outer, [*(c for c, _ in outer[1:]), None]):
        lo = bisect_right(inner_keys, o)  # the inner anchors after o; the one before maps o itself
        key, raw = inner[max(lo - 1, 0)]
        result.append((c, raw + o - key))
        hi = len(inner_keys) if next_c is None else bisect_left(inner_keys, o + next_c - c)
        if lo < hi:  # most stretches between two outer anchors hold no inner one
            result.extend((c - o + key, raw) for key, raw in inner[lo:hi])
    return result


def shift(anchors: Anchors, start: int, end: int) -> Anchors:
    """Anchors of the slice ``text[start:end]``: positions relative to ``start``, raw positions kept."""
    # bisected by each anchor's key (a dozen probes), where a list of all the keys was built for every document
    i = max(bisect_right(anchors, start, key=_KEY) - 1, 0)
    j = bisect_left(anchors, end, key=_KEY)
    c, r = anchors[i]
    return [(0, r + start - c)] + [(k - start, v) for k, v in anchors[i + 1:j]]
