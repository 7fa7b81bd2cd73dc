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
