"""Bytes → text: strict probes (BOM, UTF-32 by its NUL pattern, UTF-8, then GB18030 / Big5 / UTF-16
ranked by how plausible the decoded Chinese is); a UTF-8 / GB18030 concatenation is decoded run by run; damaged bytes fall back
to the codec with the fewest errors, reported by offset."""
from __future__ import annotations

import codecs
import re
from operator import itemgetter

from .. import lexicon
from ._types import TextWarning

# UTF-32 first: its little-endian BOM (FF FE 00 00) begins with UTF-16's (FF FE).
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# The most frequent Han characters of government prose and CJK punctuation (lexicon/data/common_chars.tsv).
_COMMON = re.compile("[" + re.escape("".join(lexicon.words("common_chars"))) + "]")


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_PLAUSIBLE = 0.3  # real Chinese prose scores 0.5–0.7, a wrong two-byte decoding under 0.15


def _utf32_without_bom(data: bytes) -> str | None:
    """``utf-32-le`` or ``utf-32-be`` when the bytes show UTF-32's NUL pattern, else None.

    A code point is at most U+10FFFF, so each four-byte unit has a NUL byte at its high end and a
    byte ≤ 0x10 next to it: the third and fourth byte of every unit (LE) or the first two (BE). Text
    in any other codec has no such column of NULs (UTF-16 text would need every other character
    below U+1100 and every one between them to be NUL). Probed before UTF-8, which reads NUL bytes
    without complaint.
    """
    # whether a NUL is there at all is a memchr; counting them reads every byte
    if len(data) < 4 or len(data) % 4 or 0 not in data or data.count(0) == len(data):
        return None
    fits = [codec for codec, high, plane in (("utf-32-le", 3, 2), ("utf-32-be", 0, 1))
            if not any(data[high::4]) and max(data[plane::4]) <= 0x10]
    # both orders fit when every unit is 00 0X 00 00 (U+20000 BE reads as U+0200 LE): the one whose
    # characters are Chinese or ASCII wins
    return max(fits, key=lambda codec: _likely(_strict(data, codec) or "")) if fits else None


_LIKELY = re.compile(r"[\t\n\r -~\u3000-\u303f\u3400-\u9fff\uff00-\uffef\U00020000-\U0003134f]")


def _likely(text: str) -> int:
    """How many characters of a decoding are ASCII, CJK or CJK punctuation."""
    return len(_LIKELY.findall(text))


def _two_byte_codecs(data: bytes) -> list[str]:
    """Codecs to try after UTF-8, in order of preference on a tie (UTF-16 only for even lengths)."""
    codecs_ = ["gb18030", "big5"]
    return codecs_ + ["utf-16-le", "utf-16-be"] if len(data) % 2 == 0 else codecs_


def _plausibility(text: str) -> float:
    """Share of frequent Han characters, CJK punctuation and printable ASCII in a decoding."""
    sample = text[:8000]
    if not sample:
        return 0.0
    control = len(_CONTROL.findall(sample))  # a wrong decoding of UTF-16 is full of these
    # the printable ASCII characters: all ASCII but the controls (\x7f among them), counted in C without a scan
    ascii_ok = len(sample.encode("ascii", "ignore")) - control - sample.count("\x7f")
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
    return text, [_undecodable(data, s, e, codec, source_path) for s, e in problems]


def _undecodable(data: bytes, start: int, end: int, codec: str, source_path: str) -> TextWarning:
    return TextWarning("undecodable-bytes", f"{source_path}: bytes {start}-{end} ({data[start:end][:8].hex()}) are not valid {codec}; shown as U+FFFD", start)


def decode_bytes(data: bytes, source_path: str) -> tuple[str, str, list[TextWarning]]:
    """Return ``(text, encoding, warnings)``; never raises.

    Examples
    --------
    >>> decode_bytes("政府工作报告".encode("gb18030"), "x.txt")[1]
    'gb18030'
    """
    marked = [codec for bom, codec in _BOMS if data.startswith(bom)]
    for codec in marked:
        text = _strict(data, codec)
        if text is not None:
            return text, codec, []
    if marked:
        text, warnings = _decode_reporting(data, marked[0], source_path)
        return text, marked[0], warnings
    if wide := _utf32_without_bom(data):
        text = _strict(data, wide)
        if text is not None:
            return text, wide, []
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8", []
    # before the whole-file GB18030 probe: UTF-8 Han text often reads as valid GB18030 pairs
    mixed = _decode_runs(data, source_path)
    if mixed is not None:
        return mixed
    if (best := _most_plausible(data)) and best[0] >= _PLAUSIBLE:
        return best[2], best[1], []
    codec = _detect(data)
    text, warnings = _decode_reporting(data, codec, source_path)
    warnings.insert(0, TextWarning("encoding-fallback", f"{source_path}: no codec decodes every byte; decoded as {codec} (best guess)"))
    return text, codec, warnings


def _most_plausible(data: bytes) -> tuple[float, str, str] | None:
    """``(plausibility, codec, text)`` of the two-byte codec whose strict decoding reads most like Chinese (the first
    of the best, in :func:`_two_byte_codecs` order); None when none decodes. Each decoding is scored once."""
    candidates = [(_plausibility(text), codec, text) for codec in _two_byte_codecs(data) if (text := _strict(data, codec)) is not None]
    return max(candidates, key=itemgetter(0)) if candidates else None


def _detect(data: bytes) -> str:
    """For damaged bytes: the codec that leaves the fewest undecodable bytes, UTF-8 first on a tie."""
    return min(("utf-8", "gb18030", "big5"), key=lambda c: data.decode(c, errors="replace").count("\ufffd"))


_MAX_RUNS = 32  # more switches than this is noise, not a concatenation of pages


def _strict_end(data: bytes, start: int, codec: str) -> int:
    """End of the longest run from ``start`` that ``codec`` decodes strictly (whole characters)."""
    try:
        str(memoryview(data)[start:], codec)  # no copy of the tail: this runs once per run
    except UnicodeDecodeError as err:
        return start + err.start
    return len(data)


def _utf8_char_before(data: bytes, end: int, floor: int) -> int:
    """Start of the whole UTF-8 character that ends at ``end`` (not before ``floor``), else ``end``."""
    lead = end - 1
    while lead > floor and end - lead < 4 and 0x80 <= data[lead] <= 0xBF:
        lead -= 1
    return lead if lead >= floor and _strict(data[lead:end], "utf-8") is not None else end


def _utf8_resume(data: bytes, start: int, stop: int) -> int:
    """Where UTF-8 text resumes inside a GB18030 run that failed at ``stop``.

    Many UTF-8 Han characters are also valid GB18030 pairs, so GB18030 reads on into UTF-8 text
    before it fails: the switch lies before ``stop``. Step back over whole UTF-8 characters, then
    forward to the first three-byte one (Han, CJK punctuation) or pinyin letter: ASCII reads the same
    in both codecs and other two-byte UTF-8 letters are more often GB18030 pairs (一 is D2 BB, read
    as һ). The GB18030
    part before the switch must stay whole.
    """
    switch = stop
    while switch > start and stop - switch < 3 and 0x80 <= data[switch] <= 0xBF:
        switch -= 1
    while switch > start and (before := _utf8_char_before(data, switch, start)) < switch:
        switch = before
    utf8_from = switch
    while switch < stop and data[switch] < 0xE0 and not _tone_mark(data, switch, utf8_from):
        switch += 1 if data[switch] < 0x80 else 2
    while switch < stop and _strict(data[start:switch], "gb18030") is None:
        switch += 1
    return min(switch, stop)


def _gb_resume(data: bytes, start: int, stop: int) -> int:
    """Where GB18030 text begins inside a UTF-8 run that failed at ``stop``: before the two-byte
    UTF-8 letters (but pinyin) and ASCII that end the run (a GB18030 pair is often a two-byte UTF-8
    letter: 一 is D2 BB, read as һ), at the first non-ASCII byte after them."""
    switch = stop
    while switch > start and (before := _utf8_char_before(data, switch, start)) < switch and switch - before <= 2:
        if _tone_mark(data, before, start):
            break
        switch = before
    while switch < stop and data[switch] < 0x80:
        switch += 1
    return switch


def _tone_mark(data: bytes, at: int, floor: int) -> bool:
    """A two-byte UTF-8 letter after an ASCII letter: pinyin (jì, qián), so UTF-8 after all. That
    letter must itself follow an ASCII byte: a GBK trail byte can look like one (not after ``(``:
    牵 in ``(牵头单位`` is C7 A3, a two-byte UTF-8 letter too)."""
    before = data[at - 1] if at > floor else 0x80
    return 0xC3 <= data[at] <= 0xC9 and before < 0x80 and chr(before).isalpha() and at >= 2 and data[at - 2] < 0x80


def _stray_utf8(data: bytes, start: int, end: int) -> bool:
    """A UTF-8 run of one or two uncommon characters that GB18030 reads on past: the first pairs of
    a GB18030 text that happen to form a UTF-8 character, not a page of its own."""
    text = data[start:end].decode("utf-8")
    return len(text) - len(text.encode("ascii", "ignore")) <= 2 and not _COMMON.search(text) and _strict_end(data, start, "gb18030") > end


_RUN_CODECS = {"utf-8": "gb18030", "gb18030": "utf-8"}  # each with the codec it is told apart from


def _runs(data: bytes) -> list[tuple[str | None, int, int]] | None:
    """Split bytes into UTF-8 and GB18030 runs that each decode strictly, and runs of bytes neither
    reads (codec None); None when there are more than :data:`_MAX_RUNS` (noise).

    A switch is placed at the first non-ASCII byte of the new codec (ASCII reads the same in both).
    """
    runs: list[tuple[str | None, int, int]] = []
    pos = 0
    while pos < len(data):
        if len(runs) > _MAX_RUNS:
            return None
        end = _strict_end(data, pos, "utf-8")
        if end < len(data):
            end = _gb_resume(data, pos, end)
        codec: str | None = "utf-8"
        if end <= pos or data[pos:end].isascii() or _stray_utf8(data, pos, end):
            stop = _strict_end(data, pos, "gb18030")
            end, codec = (stop if stop == len(data) else _utf8_resume(data, pos, stop)), "gb18030"
        if end <= pos:
            end, codec = pos + 1, None  # a byte neither codec reads
        elif data[pos:end].isascii() and runs:
            codec = runs[-1][0]  # ASCII between runs reads the same in either codec
        if runs and runs[-1][0] == codec:
            runs[-1] = (codec, runs[-1][1], end)
        else:
            runs.append((codec, pos, end))
        pos = end
    return runs


def _reads_as_text(chunks: list[bytes], codec: str) -> bool:
    """The runs of one codec, together, are taken as ``codec`` text when they hold a frequent Han
    character and read at least as plausibly as the same bytes in the other codec (a stray
    two-byte accident does neither). Together: a run cut out of line by damage may be noise."""
    text = "".join(chunk.decode(codec) for chunk in chunks)
    other = "".join(chunk.decode(_RUN_CODECS[codec], errors="replace") for chunk in chunks)
    return _COMMON.search(text) is not None and _plausibility(text) >= _plausibility(other)


def _decode_runs(data: bytes, source_path: str) -> tuple[str, str, list[TextWarning]] | None:
    """Decode a UTF-8 / GB18030 concatenation run by run (scrapers join pages saved in both); bytes
    neither codec reads are U+FFFD, reported by offset.

    Returns None unless there are runs of both codecs and those of each read as Chinese text.
    """
    runs = _runs(data)
    if runs is None:
        return None
    text_runs = [(codec, s, e) for codec, s, e in runs if codec is not None]
    if {codec for codec, _, _ in text_runs} != set(_RUN_CODECS):
        return None
    if not all(_reads_as_text([data[s:e] for c, s, e in text_runs if c == codec], codec) for codec in _RUN_CODECS):
        return None
    text = "".join(data[s:e].decode(codec) if codec else "\ufffd" * (e - s) for codec, s, e in runs)
    switches = [(before, codec, s, e) for (before, _, _), (codec, s, e) in zip(text_runs, text_runs[1:]) if codec != before]
    encoding = "+".join([text_runs[0][0]] + [codec for _, codec, _, _ in switches])
    at = ", ".join(str(s) for _, _, s, _ in switches)
    warnings = [TextWarning("encoding-fallback", f"{source_path}: no codec decodes every byte; decoded in runs as {encoding} (switching at byte {at})")]
    warnings += [TextWarning("mixed-encoding", f"{source_path}: bytes {s}-{e} are {codec} (after {before}); decoded as such", s) for before, codec, s, e in switches]
    warnings += [_undecodable(data, s, e, "utf-8 or gb18030", source_path) for codec, s, e in runs if codec is None]
    return text, encoding, warnings
