"""Bytes → text: strict probes (BOM, UTF-8, then GB18030 / Big5 / UTF-16 ranked by how plausible the
decoded Chinese is); damaged bytes fall back to the codec with the fewest errors, reported by offset."""
from __future__ import annotations

import codecs
import re

from ._types import TextWarning

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# The most frequent Han characters of government prose, in both scripts, and CJK punctuation: a
# right decoding is dense in them, a wrong one (GB bytes read as Big5 or UTF-16) is not.
_COMMON = re.compile(
    "[的一是在不了有和人这這中大为為上个個国國我以要时時来來们們到作地于於出就分对對成会會可主发發年动動同工也能下过過"
    "子说說产產种種面而方后多定行学學法所民得经經十三之进進着著等部度家力里如水化高自二理起小物现現实實加量都两兩体體制机機"
    "当當使点點从從业業本去把性好应應开開它合还還因由其些然前外天政四日那社义義事平形相全表间間样樣与與关關各重新线線内數数"
    "正心反明看原又么利比或但质質气氣第向道命此变變条條只没結结解问問意建月公无無系军軍很情者最立代想已通并並提直题題党黨程展五果"
    "，。、；：“”（）《》]"
)


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


_PRINTABLE_ASCII = re.compile(r"[ -~\n\r\t]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_PLAUSIBLE = 0.3  # real Chinese prose scores 0.5–0.7, a wrong two-byte decoding under 0.15


def _two_byte_codecs(data: bytes) -> list[str]:
    """Codecs to try after UTF-8, in order of preference on a tie (UTF-16 only for even lengths)."""
    codecs_ = ["gb18030", "big5"]
    return codecs_ + ["utf-16-le", "utf-16-be"] if len(data) % 2 == 0 else codecs_


def _plausibility(text: str) -> float:
    """Share of frequent Han characters, CJK punctuation and printable ASCII in a decoding."""
    sample = text[:8000]
    if not sample:
        return 0.0
    ascii_ok = len(_PRINTABLE_ASCII.findall(sample))
    control = len(_CONTROL.findall(sample))  # a wrong decoding of UTF-16 is full of these
    return (len(_COMMON.findall(sample)) + 0.5 * ascii_ok - 2 * control) / len(sample)


def _decode_reporting(data: bytes, codec: str, source_path: str) -> tuple[str, list[TextWarning]]:
    """Decode with errors, one ``undecodable-bytes`` warning (with its byte offset) per bad run."""
    problems: list[tuple[int, int]] = []

    def record(err: UnicodeDecodeError) -> tuple[str, int]:
        if problems and problems[-1][1] == err.start:
            problems[-1] = (problems[-1][0], err.end)
        else:
            problems.append((err.start, err.end))
        return "\ufffd", err.end

    name = f"policykit-record-{id(problems)}"
    codecs.register_error(name, record)
    text = codecs.decode(data, codec, errors=name)
    warnings = [
        TextWarning("undecodable-bytes", f"{source_path}: bytes {s}-{e} ({data[s:e][:8].hex()}) are not valid {codec}; shown as U+FFFD", s)
        for s, e in problems
    ]
    return text, warnings


def decode_bytes(data: bytes, source_path: str) -> tuple[str, str, list[TextWarning]]:
    """Return ``(text, encoding, warnings)``; never raises.

    Examples
    --------
    >>> decode_bytes("政府工作报告".encode("gb18030"), "x.txt")[1]
    'gb18030'
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _strict(data, codec)
            if text is not None:
                return text, codec, []
            text, warnings = _decode_reporting(data, codec, source_path)
            return text, codec, warnings
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8", []
    candidates = [(codec, text) for codec in _two_byte_codecs(data) if (text := _strict(data, codec)) is not None]
    if candidates:
        codec, text = max(candidates, key=lambda item: _plausibility(item[1]))
        if _plausibility(text) >= _PLAUSIBLE:
            return text, codec, []
    codec = _detect(data)
    text, warnings = _decode_reporting(data, codec, source_path)
    warnings.insert(0, TextWarning("encoding-fallback", f"{source_path}: no codec decodes every byte; decoded as {codec} (best guess)"))
    return text, codec, warnings


def _detect(data: bytes) -> str:
    """For damaged bytes: the codec that leaves the fewest undecodable bytes, UTF-8 first on a tie."""
    return min(("utf-8", "gb18030", "big5"), key=lambda c: data.decode(c, errors="replace").count("\ufffd"))
