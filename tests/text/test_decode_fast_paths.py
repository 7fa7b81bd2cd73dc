"""The decoder's fast paths agree with the plain definitions they stand in for."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from policykit.text import _decode


def _most_plausible_by_definition(data: bytes):
    """As first written: the decodings ranked by a plausibility computed in the key, then computed again for the winner."""
    candidates = [(codec, text) for codec in _decode._two_byte_codecs(data) if (text := _decode._strict(data, codec)) is not None]
    if not candidates:
        return None
    codec, text = max(candidates, key=lambda item: _decode._plausibility(item[1]))
    return _decode._plausibility(text), codec, text


# Chinese prose, ASCII and control characters in the two-byte codecs, and stray bytes.
_TEXT = st.text(alphabet=st.sampled_from("\u653f\u5e9c\u5de5\u4f5c\u62a5\u544a\u7684\u3002a1 \n\x01"), max_size=30)
_BYTES = st.one_of(st.binary(max_size=40), *(_TEXT.map(lambda t, c=codec: t.encode(c, "ignore")) for codec in ("gb18030", "big5", "utf-16-le", "utf-16-be")))


@settings(max_examples=400, deadline=None)
@given(_BYTES)
def test_the_most_plausible_decoding_is_the_one_ranked_first(data):
    assert _decode._most_plausible(data) == _most_plausible_by_definition(data)


_PRINTABLE_ASCII = re.compile(r"[ -~\n\r\t]")


def _plausibility_by_definition(text: str) -> float:
    sample = text[:8000]
    if not sample:
        return 0.0
    control = len(_decode._CONTROL.findall(sample))
    return (len(_decode._COMMON.findall(sample)) + 0.5 * len(_PRINTABLE_ASCII.findall(sample)) - 2 * control) / len(sample)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.one_of(st.characters(max_codepoint=0x80), st.sampled_from("\u653f\u5e9c\u3002\u00e9")), max_size=40))
def test_plausibility_counts_printable_ascii_as_the_class_does(text):
    assert _decode._plausibility(text) == _plausibility_by_definition(text)


def _utf32_without_bom_by_definition(data: bytes) -> str | None:
    """As first written: the NULs counted before anything else is asked."""
    if len(data) < 4 or len(data) % 4 or data.count(0) in (0, len(data)):
        return None
    fits = [codec for codec, high, plane in (("utf-32-le", 3, 2), ("utf-32-be", 0, 1))
            if not any(data[high::4]) and max(data[plane::4]) <= 0x10]
    return max(fits, key=lambda codec: _decode._likely(_decode._strict(data, codec) or "")) if fits else None


# UTF-32 in both orders, runs of NULs, and the other codecs' bytes, all of lengths that are multiples of four.
_WIDE = st.one_of(_BYTES, st.binary(max_size=24).map(lambda b: b * 4), st.integers(1, 8).map(lambda n: b"\x00" * 4 * n),
                  *(_TEXT.map(lambda t, c=codec: t.encode(c)) for codec in ("utf-32-le", "utf-32-be")))


@settings(max_examples=400, deadline=None)
@given(_WIDE)
def test_utf32_without_bom_is_that_of_the_counted_nuls(data):
    assert _decode._utf32_without_bom(data) == _utf32_without_bom_by_definition(data)
