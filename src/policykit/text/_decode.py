"""Bytes → text: strict probes first (BOM, UTF-8, UTF-16, GB18030, Big5), a detector only when they disagree."""
from __future__ import annotations

import codecs
import re

from ._types import TextWarning

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Han characters common in Simplified text but absent from Big5, and the reverse: decides
# between two strict decodings of the same bytes (both GB18030 and Big5 accept most byte pairs).
_SIMPLIFIED_HINT = re.compile("[的这个们说对时发经动会国与为来过还进长从实现开门问]")
_TRADITIONAL_HINT = re.compile("[這個們說對時發經動會國與為來過還進長從實現開門問]")


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII and CJK leave a telltale pattern of zero bytes on one side."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > len(sample) // 8 and even == 0:
        return "utf-16-le"
    if even > len(sample) // 8 and odd == 0:
        return "utf-16-be"
    return None


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
    utf16 = _looks_utf16(data)
    if utf16 and (text := _strict(data, utf16)) is not None:
        return text, utf16, []
    gb, big5 = _strict(data, "gb18030"), _strict(data, "big5")
    if gb is not None and big5 is not None:
        simp = len(_SIMPLIFIED_HINT.findall(gb)) + len(_TRADITIONAL_HINT.findall(gb))
        trad = len(_SIMPLIFIED_HINT.findall(big5)) + len(_TRADITIONAL_HINT.findall(big5))
        return (gb, "gb18030", []) if simp >= trad else (big5, "big5", [])
    if gb is not None:
        return gb, "gb18030", []
    if big5 is not None:
        return big5, "big5", []
    codec = _detect(data)
    text, warnings = _decode_reporting(data, codec, source_path)
    warnings.insert(0, TextWarning("encoding-fallback", f"{source_path}: no codec decodes every byte; decoded as {codec} (best guess)"))
    return text, codec, warnings


def _detect(data: bytes) -> str:
    """Best codec for damaged bytes: the detector's pick among our codecs, else the one with fewest errors."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536], cp_isolation=["utf_8", "gb18030", "big5"]).best()
    if best is not None:
        return codecs.lookup(best.encoding).name
    return min(("utf-8", "gb18030", "big5"), key=lambda c: data.decode(c, errors="replace").count("\ufffd"))
