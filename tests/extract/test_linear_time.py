"""Reading numbers takes time linear in the input: a long run of numerals (a garbled scrape, a dense table)
costs no more per character than a short one.

The check is a ratio, not a wall-clock threshold: the same text repeated eight times longer must take less
than 24 times as long (linear is 8, quadratic 64). Each timing is the best of three runs with the garbage
collector off, each run on a text of its own (no cache answers), and a floor of a millisecond keeps the
noise of tiny timings out of the ratio; a ratio over the limit is measured again before it fails. Timings
are the process's CPU time, not the wall clock: on a loaded machine (other jobs on both cores) the wall
clock counts the time the test waits for a core, which made the ratio cross the limit for linear code.
"""
from __future__ import annotations

import gc
import time

from hypothesis import example, given, settings
from hypothesis import strategies as st

from policykit.extract import extract_document, find_quantities, numeral_warnings, read_number

SMALL, GROWTH, LIMIT, FLOOR = 1_000, 8, 24, 1e-3
PIECES = st.text(alphabet="〇零一二两三四五六七八九十百千万亿点壹佰仟萬0123456789,.%０１２e-至余多个万元亿家",
                 min_size=1, max_size=12)


def _best(fn, text: str) -> float:
    best = float("inf")
    gc.disable()
    try:
        for run in range(3):
            variant = text + "。" * run  # a text of its own each run: an lru_cache must not answer
            started = time.process_time()
            fn(variant)
            best = min(best, time.process_time() - started)
    finally:
        gc.enable()
    return best


def _ratio(fn, piece: str) -> float:
    """Time on the long text over time on the short one; a high ratio is measured again (at most three
    times, the lowest kept): a busy machine can slow one timing, a super-linear reader slows them all."""
    small = piece * (SMALL // len(piece) + 1)
    ratio = float("inf")
    for _ in range(3):
        ratio = min(ratio, max(_best(fn, small * GROWTH), FLOOR) / max(_best(fn, small), FLOOR))
        if ratio < LIMIT:
            break
    return ratio


def _in_a_document(run: str):
    return extract_document("一、总体\n1.力争达到" + run + "家以上。\n")


@settings(max_examples=6, deadline=None)
@given(PIECES)
@example("一二三四五六七八九十百千万亿")  # a run past MAX_NUMERAL_CHARS, refused
@example("二十三万")
@example("壹贰叁")  # financial numerals
@example("1,2")  # a thousands separator that never closes
def test_reading_numbers_is_linear_in_the_length_of_the_text(piece):
    for fn in (find_quantities, numeral_warnings, read_number):
        assert _ratio(fn, piece) < LIMIT, (fn.__name__, piece)


def test_extraction_of_a_long_numeral_run_is_linear():
    for piece in ("一二三四五六七八九十百千万亿", "九千九百九十九万九千九百九十九亿", "1,234", "壹佰", "一点"):
        assert _ratio(_in_a_document, piece) < LIMIT, piece
