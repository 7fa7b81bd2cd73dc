"""The edits' fast paths agree with the plain definitions they stand in for."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from hypothesis import example, given, settings
from hypothesis import strategies as st

from policykit.text._edits import shift


def _shift_by_keys(anchors, start, end):
    """shift as first written: the anchors' keys listed, then bisected."""
    keys = [a[0] for a in anchors]
    i = max(bisect_right(keys, start) - 1, 0)
    j = bisect_left(keys, end)
    c, r = anchors[i]
    return [(0, r + start - c)] + [(k - start, v) for k, v in anchors[i + 1:j]]


@st.composite
def _anchors(draw):
    """Anchors as clean makes them: from (0, raw), keys and raw positions never decreasing (keys may repeat)."""
    key, raw = 0, draw(st.integers(0, 5))
    anchors = [(key, raw)]
    for step, moved in draw(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 6)), max_size=12)):
        key, raw = key + step, raw + moved
        anchors.append((key, raw))
    return anchors


@settings(max_examples=600, deadline=None)
@given(_anchors(), st.integers(0, 50), st.integers(0, 50))
@example([(0, 0), (3, 5), (3, 7), (6, 9)], 3, 6)  # a slice from a repeated key, to a key
@example([(0, 0), (3, 5), (3, 7), (6, 9)], 2, 3)  # to a repeated key
@example([(0, 2)], 0, 0)
def test_shift_is_the_bisection_of_the_keys(anchors, start, length):
    end = start + length
    assert shift(anchors, start, end) == _shift_by_keys(anchors, start, end)
