"""Cleaning steps. Each is a small pure function ``text -> edits``; :func:`clean` runs the chosen
ones in order and composes their offset maps, so every clean character maps back to the raw text."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Collection
from functools import lru_cache
from itertools import accumulate, repeat

from .. import lexicon
from ._cues import COUNTING, HUNDRED, ORDINAL, OUTLINE, ZEROS, alt, line_pattern, line_spans, spaced, words
from ._edits import Anchors, Edit, apply_edits, compose

# --- newlines -----------------------------------------------------------------------------------
_CR = re.compile(r"\r(\n)?")


def newlines(text: str) -> list[Edit]:
    """CRLF and lone CR → LF (downstream finds numbered items at line starts).

    The CR of a CRLF is deleted rather than the pair replaced, so each clean LF maps to a raw LF.
    """
    if "\r" not in text:  # the usual text: a memchr-led find, where the pattern's scan steps through every character
        return []
    return [(m.start(), m.start() + 1, "" if m.group(1) else "\n") for m in _CR.finditer(text)]


# --- pinyin inserted after characters: 運(yùn)動(dòng) → 運動 ------------------------------------------
_TONES = {"a": "aāáǎà", "e": "eēéěè", "i": "iīíǐì", "o": "oōóǒò", "u": "uūúǔù", "v": "üǖǘǚǜv"}
_FINALS = "iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|vn|ia|ie|iu|ua|uo|ui|ue|ve|er|a|o|e|i|u|v"
_SYLLABLE = re.compile(r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:" + "".join(f"[{_TONES[c]}]" if c in _TONES else c for c in _FINALS) + ")")
_LETTER = "[a-z" + "".join(_TONES.values()) + "]"
# What is left of "字(zì)" after a GBK/UTF-8 mix-up ate the character and the "(": "?cè)".
_MANGLED_PINYIN = re.compile(r"\?(" + _LETTER + r"{1,6})\)")


_CJK_FIRST, _CJK_LAST = chr(0x3400), chr(0x9FFF)  # CJK extension A to the end of the unified block
# Letters in ASCII parentheses right after a Han character, the parentheses in the group: split() hands back text
# and insertions alternately, and their running lengths are the positions. The "(" leads, so the engine skips ahead
# to it; the Han character is asked for behind it.
_INSERTION = re.compile(rf"(\((?<=[{_CJK_FIRST}-{_CJK_LAST}]\(){_LETTER}{{1,6}}\))")


@lru_cache(maxsize=4096)
def _plain_syllable(parenthesised: str) -> bool | None:
    """For ``(letters)``: None when the letters are no syllable, else whether they are without a tone mark."""
    return parenthesised.isascii() if _SYLLABLE.fullmatch(parenthesised, 1, len(parenthesised) - 1) else None


def pinyin(text: str) -> list[Edit]:
    """Delete a parenthesised pinyin syllable right after a Han character.

    A syllable with a tone mark always goes; a toneless one (``們(men)``) only on a page that
    already shows toned insertions, so a real ``(a)`` in ordinary text stays. On such a page the
    remnant ``?cè)`` of a character lost to mojibake loses its pinyin too (the ``?`` stays, marking
    the lost character).
    """
    if "(" not in text:
        return []
    parts = _INSERTION.split(text)
    if len(parts) == 1:
        return []
    # all in C, without a Python step per insertion (a noisy page has one after every character)
    ends = list(accumulate(map(len, parts)))
    plain = list(map(_plain_syllable, parts[1::2]))
    noisy_page = plain.count(False) >= 3
    if noisy_page and None not in plain:  # every insertion goes
        edits = list(zip(ends[0::2], ends[1::2], repeat("")))
    else:
        edits = [(start, end, "") for start, end, p in zip(ends[0::2], ends[1::2], plain) if p is False or (noisy_page and p)]
    if noisy_page and "?" in text:
        edits += [(m.start(1), m.end(), "") for m in _MANGLED_PINYIN.finditer(text) if _plain_syllable(f"({m.group(1)})") is not None]
        edits.sort()
    return edits


# --- full-width forms → ASCII, one to one -----------------------------------------------------------
# Chinese punctuation that is written full-width on purpose stays: ，；：（）！？ and the quotes.
_KEEP_FULLWIDTH = set("，；：（）！？＂＇")
_FULLWIDTH_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if chr(cp) not in _KEEP_FULLWIDTH}
_FULLWIDTH_TABLE[0x3000] = 0x20  # ideographic space
_FULLWIDTH_CHAR = "[" + "".join(map(chr, _FULLWIDTH_TABLE)) + "]"
# A class and then the rest of the run rather than class+: a pattern led by a class is scanned for with
# that class (the engine's charset prefix); a leading repeat is tried at every character.
_FULLWIDTH = re.compile(f"{_FULLWIDTH_CHAR}{_FULLWIDTH_CHAR}*")


def fullwidth(text: str) -> list[Edit]:
    """Full-width digits, letters and ASCII-able punctuation (０-９, Ａ-Ｚ, ％, ．…) → ASCII."""
    return _fullwidth_scan(text)[0]


def _fullwidth_scan(text: str) -> tuple[list[Edit], int]:
    """:func:`fullwidth`'s edits, and the offset of the first Traditional-only character (``len(text)`` when
    there is none): one scan of a class of both, where traditional's test scanned the text a second time. The
    offset holds in fullwidth's output too, as its edits turn non-Han characters into ASCII one to one."""
    edits: list[Edit] = []
    for m in _FULLWIDTH_OR_TRADITIONAL.finditer(text):
        run = m.group()
        if run[0] in _TRADITIONAL_SET:  # the runs after it are the full-width pattern's own from there
            first = m.start()
            return edits + [(r.start(), r.end(), r.group().translate(_FULLWIDTH_TABLE))
                            for r in _FULLWIDTH.finditer(text, first + 1)], first
        edits.append((m.start(), m.end(), run.translate(_FULLWIDTH_TABLE)))
    return edits, len(text)


# --- Traditional → Simplified ----------------------------------------------------------------------


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def prepare() -> None:
    """Build now what the steps otherwise build at first use: the OpenCC t2s converter (about 80 M
    instructions), which processes forked afterwards then share instead of each building it again.

    Examples
    --------
    >>> prepare()  # then fork: the children convert Traditional text without building the converter
    """
    _t2s()


# Frequent characters that exist only in Traditional script: without any of them, no OpenCC call.
_TRADITIONAL_CHARS = "".join(lexicon.words("traditional_chars"))
_TRADITIONAL_SET = frozenset(_TRADITIONAL_CHARS)
_TRADITIONAL_ONLY = re.compile(f"[{_TRADITIONAL_CHARS}]")
# A full-width run, or a Traditional-only character and the full-width run after it: led by one class, scanned for at C speed.
_FULLWIDTH_OR_TRADITIONAL = re.compile(f"[{_FULLWIDTH_CHAR[1:-1]}{_TRADITIONAL_CHARS}]{_FULLWIDTH_CHAR}*")
_NON_HAN = re.compile(r"[^\u4e00-\u9fff]+")


def is_traditional(text: str, sample: int = 2000, first: int | None = None) -> bool:
    """True when a clear share (≥ 3 %) of the Han characters in a sample change under t2s.

    ``first``: the offset of the text's first Traditional-only character (``len(text)`` when none), when a scan
    has found it already; else the text is searched for one."""
    if not (_TRADITIONAL_ONLY.search(text, 0, sample * 4) if first is None else first < min(sample * 4, len(text))):
        return False
    head = _NON_HAN.sub("", text[: sample * 2])[:sample]
    if len(head) < 20:
        return False
    converted = _t2s().convert(head)
    changed = sum(map(str.__ne__, head, converted)) if len(converted) == len(head) else len(head)
    return changed >= 0.03 * len(head)


def traditional(text: str, first: int | None = None) -> list[Edit]:
    """繁→简 with OpenCC, only when the text is actually Traditional (``first`` as for :func:`is_traditional`)."""
    if not is_traditional(text, first=first):
        return []
    converter = _t2s()
    whole = converter.convert(text)
    if len(whole) == len(text):  # the usual case: character for character, no anchors needed
        return [(0, len(text), whole)]
    edits: list[Edit] = []
    pos = 0
    for line in text.split("\n"):
        simple = converter.convert(line)
        if simple != line:
            edits.append((pos, pos + len(line), simple))
        pos += len(line) + 1
    return edits


# --- site chrome and forum boilerplate ------------------------------------------------------------
_SHORT_LINE = 100  # characters: chrome lines are short; long paragraphs are skipped without a regex
_CHROME_WORD = rf"【?{alt('site_chrome', 'line')}】?"
_CHROME_LEAD = "[ \t\u3000•·]*"  # what _CHROME_LINE lets stand before its words
_CHROME_LINE = re.compile(
    _CHROME_LEAD + "(?:"
    rf"{_CHROME_WORD}(?:\s*[|/｜]?\s*{_CHROME_WORD})*|{alt('site_chrome', 'line_start')}.*"
    rf"|{spaced(words('site_chrome', 'label'))}\s*[:：].*|{alt('site_chrome', 'breadcrumb')}\s*[>›»].*"
    rf"|{alt('site_chrome', 'welcome')}.{{1,24}}{alt('site_chrome', 'site')}.*"
    rf"|【?{alt('site_chrome', 'print')}】?\s*【?{alt('site_chrome', 'close')}】?"
    rf"|{alt('site_chrome', 'views')}[:：]\s*\d+\s*[|｜]\s*{alt('site_chrome', 'replies')}[:：]\s*\d+"
    rf"|\[LV\.\d+\].*|(?:Rank:\s*\d+)+|{alt('site_chrome', 'posted')}\s*\d.*"
    r")[ \t]*"
)
# What a chrome line opens with after that lead: 【, the first character of a word of a kind that opens one, or of
# [LV. and Rank:. Most lines open otherwise: the search for these line starts skips them without a Python step.
_CHROME_FIRST = {"【", "[", "R", *(word[0] for kind in ("line", "line_start", "label", "breadcrumb", "welcome", "print",
                                                       "views", "posted") for word in words("site_chrome", kind))}
_CHROME_START = line_pattern(_CHROME_LEAD + "[" + re.escape("".join(sorted(_CHROME_FIRST))) + "]")
# Words that only ever stand alone on a forum profile card between the thread title and the post.
_PROFILE_WORD = re.compile(
    rf"^[ \t•·]*(?:\d+|\d{{4}}-\d{{1,2}}-\d{{1,2}}(?: \d{{1,2}}:\d{{2}}(?::\d{{2}})?)?|{alt('site_chrome', 'profile')}"
    rf"|{alt('site_chrome', 'profile_start')}.*|\[LV\.\d+\].*|(?:Rank:\s*\d+)+)?[ \t]*$"
)
_POSTED = words("site_chrome", "posted")
_POST_LINE = re.compile(rf"[ \t]*{lexicon.alternation_of(_POSTED)}.*{alt('site_chrome', 'post_mark')}.*")
_TAIL_MARKER = line_pattern(rf"[ \t]*(?:{alt('site_chrome', 'tail_start')}.*|{alt('site_chrome', 'tail')})[ \t]*$")
# Licence and flag lines a wiki export leaves after the text ("Public domain", "false"), or blank ones.
_LATIN_LINE = re.compile(r"[ \t]*(?:[A-Za-z][A-Za-z .,:;'/()-]*)?[ \t]*")
_TAIL_MAX_LINE = 120
_TAIL_MAX_CHARS = 4000


def _line_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Extend ``[start, end)`` to whole lines including the line break after them."""
    start = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", end)
    return start, len(text) if stop < 0 else stop + 1


def _profile_block(text: str, post_start: int, post_end: int) -> tuple[int, int]:
    """The forum profile card above a ``发表于 … 显示全部楼层`` line: short profile lines only."""
    start = post_start
    while start > 0:
        prev = text.rfind("\n", 0, start - 1) + 1
        if not _PROFILE_WORD.match(text[prev:start - 1]):
            break
        start = prev
    return _line_span(text, start, post_end)


def _latin_tail(text: str) -> int:
    """Where the trailing run of Latin or blank lines starts (at the line break before them; the end of
    the text when there is none), read from the end: a search from the front would read every Latin
    line on to the end of an English text from each line break."""
    tail = len(text)
    while (line_break := text.rfind("\n", 0, tail)) != -1 and _LATIN_LINE.fullmatch(text, line_break + 1, tail):
        tail = line_break
    return tail


def _short_lines(text: str) -> list[tuple[int, str]]:
    """``(start, line)`` of the lines of 1 to :data:`_SHORT_LINE` characters."""
    short, pos = [], 0
    for line in text.split("\n"):
        if 0 < len(line) <= _SHORT_LINE:
            short.append((pos, line))
        pos += len(line) + 1
    return short


def _chrome_lines(text: str) -> list[tuple[int, int]]:
    """The short lines that :data:`_CHROME_LINE` matches whole (with their line breaks), tried only at the line
    starts :data:`_CHROME_START` finds: a line opening otherwise cannot match."""
    spans = []
    for start, _ in line_spans(_CHROME_START, text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start <= _SHORT_LINE and _CHROME_LINE.fullmatch(text, start, end):
            spans.append(_line_span(text, start, end))
    return spans


def chrome(text: str) -> list[Edit]:
    """Delete site chrome and forum boilerplate lines; cut a trailing block of short link lines."""
    spans = _chrome_lines(text)
    if any(word in text for word in _POSTED):  # a post line holds one: without, no line is tried
        spans += [_profile_block(text, start, start + len(line)) for start, line in _short_lines(text) if _POST_LINE.fullmatch(line)]
    tail = _latin_tail(text)
    if text[tail:].strip():
        spans.append((tail, len(text)))
    # Only a marker within the last _TAIL_MAX_CHARS can cut: the search skips the rest.
    for marker, _ in line_spans(_TAIL_MARKER, text, max(len(text) - _TAIL_MAX_CHARS, 0)):
        rest = text[marker:]
        if len(rest) <= _TAIL_MAX_CHARS and all(len(line) <= _TAIL_MAX_LINE for line in rest.split("\n")):
            spans.append((marker, len(text)))
            break
    return [(s, e, "") for s, e in _merge(spans)]


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


# --- whitespace -----------------------------------------------------------------------------------
_EDGE_SPACES = " \t\u3000\u00a0"
_ZERO_WIDTHS = "\u200b\u200c\u200d\u2060\ufeff"
_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTHS}]+")
_SPACED_TITLE = re.compile(r"[ \t\u3000]*((?:[\u4e00-\u9fff] ){2,}[\u4e00-\u9fff])[ \t\u3000]*")
_SPACE_HAN_SPACE = re.compile(r" [\u4e00-\u9fff] ")  # literal first, so the scan is fast; lines are checked after
_BLANK_RUN = re.compile(r"\n(?:[ \t\u3000\u00a0]*\n){2,}")
_OPENING_SPACES = line_pattern(f"[{_EDGE_SPACES}]+")
# A line break after a space: led by the break, so the engine jumps from break to break; the space is asked behind it.
_SPACE_BEFORE_BREAK = re.compile(f"\n(?<=[{_EDGE_SPACES}]\n)")


def _edge_spaces(text: str) -> list[tuple[int, int]]:
    """The runs of spaces that start or end a line, each found from the line breaks (a loop over the lines cost a few
    statements a line): those that open a line, and those that close one, back from the breaks after a space and from
    the text's end, where a copy of the text reversed was searched as the first. A line of spaces alone is one run,
    found both ways."""
    ends = [m.start() for m in _SPACE_BEFORE_BREAK.finditer(text)]
    if text and text[-1] in _EDGE_SPACES:
        ends.append(len(text))
    closing = []
    for end in ends:
        start = text.rfind("\n", 0, end) + 1
        closing.append((start + len(text[start:end].rstrip(_EDGE_SPACES)), end))
    return sorted({*line_spans(_OPENING_SPACES, text), *closing})


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the blank characters at its edges (``str.isspace``), read from the edges inward:
    ``strip`` copied the span (and scanned the copy for its widest character)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def whitespace(text: str) -> list[Edit]:
    """Strip spaces at line edges and zero-width marks, close up spaced titles (政 府 工 作 报 告), keep at most one blank line."""
    spans = _edge_spaces(text)
    # A blank run is two blank lines in a row, each empty or all spaces (a run found at both its edges): without
    # either, a substring test spares the search.
    blank_run = "\n\n\n" in text or any(text[s - 1:s] == "\n" == text[e:e + 1] for s, e in spans)
    if any(mark in text for mark in _ZERO_WIDTHS):  # a substring test is many times faster than a class scan
        spans += [m.span() for m in _ZERO_WIDTH.finditer(text)]
    lines = {_line_span(text, m.start(), m.end()) for m in _SPACE_HAN_SPACE.finditer(text)}
    for line_start, line_end in lines:
        if m := _SPACED_TITLE.fullmatch(text, line_start, line_end - (text[line_end - 1:line_end] == "\n")):
            spans += [(m.start(1) + i, m.start(1) + i + 1) for i in range(1, len(m.group(1)), 2)]
    if blank_run:
        spans += [(m.start() + 1, m.end() - 1) for m in _BLANK_RUN.finditer(text)]
    first, last = _trim(text, 0, len(text))
    spans += [(0, first), (last, len(text))]  # blank text edges (of a blank text, one span and an empty one)
    return [(s, e, "") for s, e in _merge(spans) if e > s]


# --- hard-wrapped lines (text copied from a PDF) ---------------------------------------------------
# A line copied from a PDF page ends where the page's line ended: "市\n财政局" cuts a name. Such text
# shows many lines of one display width (Han characters count 2, ASCII 1) that end mid-sentence.
_SENTENCE_END = frozenset("。；：！？…;:!?")
_CLOSERS = "”’」』》）)】"  # after a sentence end (。” 。）) the sentence still ends
_ITEM_START = re.compile(
    rf"[{COUNTING}{HUNDRED}]+、|[（(][{COUNTING}{HUNDRED}]+[）)]|\d{{1,3}}(?:[.．、](?!\d)|[）)])|[（(]\d{{1,3}}[）)]|[①-⑳]"
    rf"|{ORDINAL}[{COUNTING}{HUNDRED}{ZEROS}\d]+{OUTLINE}"
)
_LABEL_START = re.compile(rf"{alt('line_labels', 'head')}{alt('line_labels', 'noun')}[:：]")
_MIN_WRAP_WIDTH = 30  # 15 Han characters: narrower "pages" are lists of short items, not wrapped prose
_MIN_WRAPPED_LINES = 5
_MAX_PAREN_LINES = 3  # a parenthesis left open longer than this is a stray mark, not a wrapped clause
_LINE_SPACE = " \u3000\u00a0"
_INDENT = ("  ", "\u3000", "\u00a0\u00a0")  # an indented line opens a paragraph


def _display_width(line: str) -> int:
    return (len(line.encode("utf-8", "replace")) + len(line)) // 2  # Han 3 bytes → 2, ASCII → 1


def _wrap_width(lines: list[str]) -> tuple[int, int] | None:
    """The display width ``lines`` were wrapped at and its tolerance, or None when the
    text is not hard-wrapped.

    Hard-wrapped: at least half the lines long enough to be prose share one width (the most common
    one, give or take justification and a last Latin word), at least :data:`_MIN_WRAPPED_LINES` of
    them end mid-sentence, and hardly any prose line is wider.
    """
    # a width is never below a line's length: a line of 30 characters is wide enough without encoding it
    prose_lines = [line for line in lines if len(line) >= _MIN_WRAP_WIDTH // 2 and not _is_table_row(line)
                   and (len(line) >= _MIN_WRAP_WIDTH or _display_width(line) >= _MIN_WRAP_WIDTH)]
    if len(prose_lines) < _MIN_WRAPPED_LINES or _too_uneven(prose_lines):
        return None
    prose = [(_display_width(line), line) for line in prose_lines]
    counts = Counter(w for w, _ in prose)
    width = max(zip(counts.values(), counts))[1]  # the most common width, the widest of those as common
    tolerance = max(4, width // 10)
    full = [line for w, line in prose if width - tolerance <= w <= width + 2]
    if len(full) * 2 < len(prose) or sum(n for w, n in counts.items() if w > width + 2) * 10 > len(prose):
        return None
    if sum(not _ends_sentence(line) for line in full) < _MIN_WRAPPED_LINES:
        return None
    return width, tolerance


def _too_uneven(prose: list[str]) -> bool:
    """Whether fewer than half the ``prose`` lines can reach the least width :func:`_wrap_width`'s test
    can choose, told from lengths in characters before most widths are computed: a necessary
    condition of the test, whose cost is mostly UTF-8 encoding every line for its width.

    A line's width lies between its length and 2.5 times it (2 without a character beyond the BMP).
    At most a tenth of the lines are wider than the page (width + 2), so the page is at least as
    wide as the length of the line that many places from the longest, less 2; the lines of the
    page's width, half of them or more, are no narrower than that width less its tolerance.
    """
    by_length = sorted(prose, key=len)
    lengths = [*map(len, by_length)]
    least = max(_MIN_WRAP_WIDTH, lengths[len(prose) - 1 - len(prose) // 10] - 2)
    floor = least - max(4, least // 10)
    below = bisect_left(lengths, (floor + 1) // 2)  # lines of 2 * length >= floor may reach it
    need = (len(prose) + 1) // 2 - (len(prose) - below)
    # of the shorter, only a line with a character beyond the BMP can: its width is asked
    band = by_length[bisect_left(lengths, (2 * floor + 4) // 5):below]
    return need > 0 and (len(band) < need or sum(_display_width(line) >= floor for line in band) < need)


def _is_table_row(line: str) -> bool:
    """Cells apart by a TAB or a run of spaces: rows of a table padded to one width are no prose."""
    # two spaces in the stripped line are two in the line: asked first, it spares most lines the strip's copy
    return "\t" in line or ("  " in line and "  " in line.strip(_LINE_SPACE))


def _ends_sentence(line: str) -> bool:
    return line.rstrip(_CLOSERS)[-1:] in _SENTENCE_END


def unwrap(text: str) -> list[Edit]:
    """Join the lines of hard-wrapped text (copied from a PDF) back into paragraphs.

    Only in a text that is hard-wrapped (:func:`_wrap_width`): a line as wide as the wrap width that
    ends mid-sentence is joined to the next, and so is any line inside a parenthesis still open
    (``（牵头单位：市发展改革委，配合单位：市`` / ``财政局）``); never before a blank line or a
    line that opens a numbered item (一、 （一） 1. 1、 （1） ① 第X条), nor before a label
    (牵头单位：) outside a parenthesis. Two Latin words keep a space between them.

    Examples
    --------
    >>> item = "（一）扩大投资。实施重大项目攻坚行动，全年完成固定资产\\n投资增长8%以上，新开工项目200个，带动投资（牵头单位：市\\n发改委）。\\n"
    >>> apply_edits(item * 3, unwrap(item * 3))[0].split("\\n")[0]
    '（一）扩大投资。实施重大项目攻坚行动，全年完成固定资产投资增长8%以上，新开工项目200个，带动投资（牵头单位：市发改委）。'
    """
    lines = text.split("\n")
    page_lines = [*map(str.rstrip, lines, repeat(_LINE_SPACE))]  # an indent is part of the page's line
    wrap = _wrap_width(page_lines) if len(lines) > _MIN_WRAPPED_LINES else None
    if wrap is None:
        return []
    width, tolerance = wrap
    edits: list[Edit] = []
    pos = depth = open_lines = 0
    for i, line in enumerate(page_lines[:-1]):
        end = pos + len(line)
        pos += len(lines[i]) + 1
        following, indented = page_lines[i + 1].lstrip(_LINE_SPACE), lines[i + 1].startswith(_INDENT)
        depth = max(depth + line.count("（") + line.count("(") - line.count("）") - line.count(")"), 0)
        open_lines = open_lines + 1 if depth else 0
        in_paren = 0 < open_lines <= _MAX_PAREN_LINES
        full = width - tolerance <= _display_width(line) <= width + 2 and not _ends_sentence(line)
        if not following or indented or _is_table_row(line) or _is_table_row(following) or _ITEM_START.match(following):
            depth = open_lines = 0
            continue
        if in_paren or (full and not _LABEL_START.match(following)):
            latin = line[-1:].isascii() and line[-1:].isalpha() and following[:1].isascii() and following[:1].isalpha()
            edits.append((end, pos + len(lines[i + 1]) - len(lines[i + 1].lstrip(_LINE_SPACE)), " " if latin else ""))
        else:
            depth = open_lines = 0
    return edits


STEPS: dict[str, Callable[[str], list[Edit]]] = {
    "newlines": newlines,
    "pinyin": pinyin,
    "fullwidth": fullwidth,
    "traditional": traditional,
    "chrome": chrome,
    "unwrap": unwrap,
    "whitespace": whitespace,
}


def clean(
    text: str, steps: Collection[str] | None = None, first: tuple[str, list[Edit]] | None = None
) -> tuple[str, Anchors, list[str]]:
    """Run the chosen steps (default all, in :data:`STEPS` order) on ``text``.

    ``first`` is an optional ``(name, edits)`` step computed by the caller (the HTML main-text cut),
    applied before the others. Returns the clean text, clean → original anchors and the names of
    the steps that changed something.

    Examples
    --------
    >>> clean("運(yùn)動(dòng)會(huì)　２０２３年")[0]
    '運動會 2023年'
    """
    anchors: Anchors = [(0, 0)]
    changed: list[str] = []
    chosen = [(name, step) for name, step in STEPS.items() if steps is None or name in steps]
    if first is not None:
        chosen.insert(0, (first[0], lambda _text: first[1]))
    first_traditional = None  # from the full-width scan, for the traditional step right after it
    for name, step in chosen:
        if name == "fullwidth":
            edits, first_traditional = _fullwidth_scan(text)
        else:
            edits = traditional(text, first_traditional) if name == "traditional" else step(text)
            first_traditional = None
        if not edits:
            continue
        new_text, step_anchors = apply_edits(text, edits)
        if new_text == text:
            continue
        anchors = compose(step_anchors, anchors)
        text = new_text
        changed.append(name)
    return text, anchors, changed
