"""Split a clean page into documents.

Rules (documented in docs/reading.md):

- aggregator pages (篇1 … 篇N): one document per 篇; the page blurb before 篇1 is dropped;
- otherwise a document opens at each title block (short lines ending in a document noun such as
  计划, 方案, 报告, 情况, 通知) once the previous document has body text;
- a notice that prints a plan (…关于印发X的通知 followed by the title X) is ONE document titled X;
  the notice title is kept for the issuer;
- leading material is dropped, with a warning, when it is writing tips (写作, 范文, 精选N篇) or a
  news item about the document that follows it; other untitled text with a body stays a document.
"""
from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from .. import lexicon
from ._cues import ABOUT, COUNTING, HAO, NOTICE, OF, ORDINAL, OUTLINE, STATE_COUNCIL, D, M, Y, alt, line_pattern, line_search, line_spans, spaced, words
from ._places import opens_with_place

_PIECE_WORDS = words("page_noise", "piece")
_PIECE = lexicon.alternation_of(_PIECE_WORDS)
_PIAN = line_pattern(rf"{_PIECE}\s*[0-9{COUNTING}]{{1,3}}[ \t]*$")
_ENUMERATED = re.compile(rf"^(?:[{COUNTING}]+[、.．]|[（(][{COUNTING}\d]+[)）]|\d+\s*[、.．]|{ORDINAL}[{COUNTING}\d]+{OUTLINE})")
_TITLE_END = re.compile(lexicon.alternation("title_nouns") + r"[”\"》」』]*(?:\s*[（(][^()（）]{1,20}[)）])?$")
# What a line that _TITLE_END finds a title end in can end with: a noun's last character, a closing mark or
# parenthesis, or the line break $ lets through. Most lines end otherwise and are decided without a search.
_TITLE_LAST = frozenset([*(noun[-1] for noun in lexicon.words("title_nouns")), *"”\"》」』)）\n"])
_ANNEX_WORDS = words("document_words", "annex")
_ANNEX_WORD = spaced(_ANNEX_WORDS)
_ATTACHMENT = re.compile(rf"(?:^|\n){_ANNEX_WORD}\s*\d*\s*[:：]?\s*\n\s*$")
_YEAR_OR_ACT = re.compile(rf"(?:19|20)\d{{2}}|{ABOUT}|{STATE_COUNCIL}")
_CONTINUATION = ("—", "--")  # a title line ending in a dash goes on in the next line
_BRACKET_TAG = re.compile(r"^\[[^\]]{1,10}\]\s*")
_HEADLINE_LEAD = re.compile(r"^[^!！]{1,12}[!！]")
_NOTICE = NOTICE
# What a notice title ends with (关于印发…的通知): a str test before the pattern, which is tried at every character.
_NOTICE_ENDS = tuple(OF + noun for noun in words("document_words", "notice_noun"))
_NOTICE_NOUN = alt("document_words", "notice_noun")
_ENDS_NOTICE = re.compile(f"{_NOTICE_NOUN}$")  # compiled once, as _DRESSING: re.search built and looked it up per call
_DRESSING = re.compile(r"[\s《》〈〉“”\"]")
MAX_NOTICE = 200  # a notice title naming several issuers and the plan can be this long
# Lines that sit around a title without being part of it: page marks (— 2 —), dates, document
# numbers (国办发〔2025〕25号), labels (标题：…), and a bare 正文
# A plan period or trial mark under a title; never a 文号 in parentheses (（皖开放办〔2022〕6号）).
_TITLE_TAIL = re.compile(r"^[（(](?![^()（）]*[〔\[［]\s*\d{4}\s*[〕\]］])[^()（）]{0,16}(?:(?:19|20)\d{2}|"
                         + alt("document_words", "trial") + r")[^()（）]{0,16}[)）]$")
_TAIL_FIRST, _TAIL_LAST = "(（", ")）"  # what a line _TITLE_TAIL matches (a parenthesised line) opens and ends with
_HEADER_LINE = re.compile(
    rf"^[—\-－─]+\s*\d+\s*[—\-－─]+$|^.{{0,12}}〔\s*\d{{4}}\s*〕\s*\d+\s*{HAO}$|^\d{{4}}\s*{Y}\s*\d{{1,2}}\s*{M}\s*\d{{1,2}}\s*{D}$"
    r"|^[^：:]{1,8}[：:]")
_SENTENCE_END = "。！？；：!?;:"
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CLAUSE_MARK = re.compile("[。；，：:,;]")  # one search, where a test per mark cost a generator
# 附件 / 附件2 alone on its line opens an annex; its title is the next line
_ANNEX = line_pattern(rf"[ \t\u3000]*{_ANNEX_WORD}\s*[0-9０-９{COUNTING}]{{0,3}}\s*[:：]?[ \t\u3000]*$")
# the printing office's line that closes an official document (山东省人民政府办公厅2020年12月10日印发)
_PRINTED = words("document_words", "printed")
_FOOTER = line_pattern(rf"[^\n。；，]{{2,40}}?\d{{4}}\s*{Y}\s*\d{{1,2}}\s*{M}\s*\d{{1,2}}\s*{D}\s*{lexicon.alternation_of(_PRINTED)}[ \t\u3000]*$")
# How every footer line ends (…日印发): a search led by a literal, where the line pattern's lazy head is tried at
# every line break. A text without this end has no footer line.
_FOOTER_END = re.compile(rf"{D}\s*{lexicon.alternation_of(_PRINTED)}[ \t\u3000]*$", re.M)
_LINE = re.compile(r"[^\n]*\S[^\n]*")
_FORM_NUMBER = re.compile(rf"^.{{0,8}}{Y}?\s*{ORDINAL}\s*\S{{1,5}}\s*{HAO}$")
MAX_WRAPPED = 3  # a title wrapped over more lines than this (before its last) is not read as one
MIN_FRAGMENT = 4  # shorter lines (文件, 正文) are headers, not the start of a wrapped title
# Each word a branch of its own, opening with a literal: the engine scans for their first characters, where a pattern
# opening with a group of words was tried at every character.
_TIPS = re.compile("|".join([*lexicon.branches_of(words("page_noise", "tips")),
                             *(rf"{word}\d+{_PIECE}" for word in lexicon.branches_of(words("page_noise", "selection")))]))
_NEWS = line_pattern(rf"{alt('page_noise', 'news_source')}[:：]|.{{0,12}}\d{{1,2}}{M}\d{{1,2}}{D}{alt('page_noise', 'dateline')}"
                    rf"|.{{0,6}}{alt('page_noise', 'reporter')}")
MIN_BODY = 300  # an untitled lead this long is a document of its own
_SPLIT_TAIL = 4  # at most this many characters on the line that finishes a title broken mid-word
MIN_GAP = 100  # a title block closer than this to the previous title is a subtitle, not a new document
_OPENS_PHRASE = "《“\"(（"
_CLOSES_PHRASE = "》”\")），。、；："


class Segment(NamedTuple):
    """A span ``[start, end)`` of the clean page; ``dropped`` names why it is not a document.

    A named tuple, as _places' records: a page's segments are built two or three times over (split, previews, annexes),
    where a frozen dataclass set its six fields one call each."""

    start: int
    end: int
    title: str | None = None
    notice_title: str | None = None
    dropped: str | None = None
    annex: bool = False  # an annex (附件1 …) of the last document before it that is not an annex


def _is_notice(line: str) -> bool:
    """Whether ``_NOTICE`` finds a notice title in ``line`` (its ``$`` allows one final line break)."""
    return line.removesuffix("\n").endswith(_NOTICE_ENDS) and _NOTICE.search(line) is not None


def _ends_title(line: str) -> re.Match[str] | None:
    """``_TITLE_END.search(line)``, searched for only in a line whose last character can end a title."""
    return _TITLE_END.search(line) if line[-1:] in _TITLE_LAST else None


def _is_title_line(line: str) -> bool:
    if line[-1:] not in _TITLE_LAST:  # most lines: no title end, decided before the other tests
        return False
    # a notice title may be longer than 90 characters: asked only of a line that is
    if len(line) > 90 and not (len(line) <= MAX_NOTICE and _is_notice(line)):
        return False
    if line[-1] in _TAIL_LAST and "(" not in line and "（" not in line:
        return False  # after the noun, _TITLE_END lets a line close only a parenthesis it opens
    # the header test before the numbering one: label lines (牵头单位：…) are the lines it most often turns away
    return (5 <= len(line) and "。" not in line and "；" not in line and not _HEADER_LINE.match(line)
            and not _ENUMERATED.match(line) and bool(_TITLE_END.search(line)))


def _is_fragment(line: str) -> bool:
    """A line that can be the first part of a title wrapped over several lines (青岛市支持… / 奖补政策实施细则)."""
    # the tests that most often fail come first (clause marks; numbered headings 一、 before the Han test most pass)
    return (MIN_FRAGMENT <= len(line) <= 60 and not _CLAUSE_MARK.search(line) and not _ENUMERATED.match(line)
            and bool(_HAN.search(line)) and not (line[0] in _TAIL_FIRST and line[-1] in _TAIL_LAST)
            and not _HEADER_LINE.match(line) and not line.endswith(_CONTINUATION))


def _opens_block(previous: str) -> bool:
    """True when the non-blank line before a wrapped title lets a title start after it (not mid-sentence)."""
    return (not previous or len(previous) < MIN_FRAGMENT or bool(_HEADER_LINE.match(previous))
            or previous[-1] in _SENTENCE_END)


def _title_of(lines: list[str]) -> str:
    """The document title in a block of title lines: the last one, with —— continuations joined."""
    units: list[str] = []
    for line in lines:
        if units and units[-1].endswith(_CONTINUATION):
            units[-1] += line
        else:
            units.append(line)
    title = _BRACKET_TAG.sub("", units[-1])
    return _HEADLINE_LEAD.sub("", title).strip() or title


def _issues(notice_title: str, title: str, before: str) -> bool:
    """True when ``title`` is the plan that the notice ``notice_title`` prints: the notice names
    it (关于印发X的通知), or the title follows an 附件 line right under a notice."""
    if not _ENDS_NOTICE.search(notice_title):
        return False
    return _names(notice_title, title) or bool(_ATTACHMENT.search(before[-60:]))


def _names(notice_title: str, title: str) -> bool:
    """True when the notice names ``title`` among what it issues (关于印发《A》和《B》的通知 names A and B)."""
    inner = _NOTICE.search(notice_title)
    if not inner:
        return False
    named, printed = _compact(inner.group(1)), _compact(title)
    return named == printed or (min(len(named), len(printed)) >= 6 and (named in printed or printed in named))


def _names_a_document(title: str, lines: list[str]) -> bool:
    """A title that can open a second document on a page: it names a place, a year or an act
    (关于…), or it is set as a block of several lines; a lone generic heading cannot."""
    if len(title) < 8:
        return False
    return len(lines) >= 2 or bool(_YEAR_OR_ACT.search(title)) or opens_with_place(title)


def _compact(title: str) -> str:
    # The notice and the title it prints may dress the same name differently: 《》 or 〈〉 or none,
    # full-width or ASCII parentheses.
    return _DRESSING.sub("", unicodedata.normalize("NFKC", title))


def _neighbour(text: str, pos: int, step: int) -> str:
    """The nearest non-space character before (``step=-1``) or after (``step=1``) ``pos``, or ``""``."""
    i = pos - 1 if step < 0 else pos
    while 0 <= i < len(text) and text[i].isspace():
        i += step
    return text[i] if 0 <= i < len(text) else ""


def _split_word_tail(text: str, line: str, end: int) -> tuple[str, int] | None:
    """The short next line that completes a title broken inside its document noun (政府工作报 /
    告), with where that line ends; None when ``line`` is not such a broken title."""
    if not 4 <= len(line) <= 60 or "。" in line or "；" in line or _ends_title(line):
        return None
    next_end = text.find("\n", end + 1)
    next_end = len(text) if next_end < 0 else next_end
    tail = text[end + 1:next_end].strip()
    if not 1 <= len(tail) <= _SPLIT_TAIL or _ENUMERATED.match(line):
        return None
    noun = _ends_title(line + tail)
    # the noun must straddle the break: the first line ends mid-word
    return (tail, next_end) if noun is not None and noun.start() < len(line) else None


def _title_blocks(text: str) -> list[tuple[int, int, list[str]]]:
    """Runs of title lines (blank lines between allowed): ``(start, end, lines)``."""
    blocks: list[tuple[int, int, list[str]]] = []
    consumed = 0  # end of a line already joined to the one before it
    # the short lines since the last paragraph or title, with what came before each: a wrapped title's first parts
    # are sought among them only when a title follows (_fragments), where a test per short line cost more
    pending: list[tuple[int, str, bool, str]] = []
    previous, gap = "", True  # the last non-blank line, and whether a blank line followed it
    dashed = False  # whether the last block's last line ends with a dash (the next line goes on with it)
    pos = 0  # where the next line starts: split() and lengths, with no match object per line
    lines = text.split("\n")
    # Each line with the one after it: _split_word_tail's tail is that line, so a call is made only when it is short.
    for raw, following in zip(lines, [*lines[1:], ""]):
        line_start, pos = pos, pos + len(raw) + 1
        if not raw or line_start < consumed:  # an empty line is no line to the loop (nor a gap)
            continue
        line = raw.strip()
        if not line:
            gap = True
            continue
        if len(line) > 90 and not (len(line) <= MAX_NOTICE and line.endswith(_NOTICE_ENDS) and _is_notice(line)):
            # a paragraph, the common case, decided without any regex: it ends the pending run and is the line before
            # the next; nothing else is taken of it (a new list only when pending holds lines)
            previous, gap = line, False
            if pending:
                pending = []
            continue
        # what came before this line: whether a title may start on it is asked only of a fragment
        before, opened, previous, gap, line_end = previous, gap, line, False, line_start + len(raw)
        short_tail = len(line) <= 60 and len(following.strip()) <= _SPLIT_TAIL
        joined = _split_word_tail(text, line, line_end) if short_tail else None
        if joined is not None:
            line, line_end = line + joined[0], joined[1]
            consumed = line_end
        last = line[-1]  # the cheap tests below ask it before a call: most lines end otherwise
        continues = dashed and not text[blocks[-1][1]:line_start].strip()
        if blocks and last in _TAIL_LAST and line[0] in _TAIL_FIRST and _TITLE_TAIL.match(line) and not text[blocks[-1][1]:line_start].strip():
            # （2021—2025年） / （试行） set on the line under a title belongs to it
            blocks[-1] = (blocks[-1][0], line_end, blocks[-1][2][:-1] + [blocks[-1][2][-1] + line])
            dashed = blocks[-1][2][-1].endswith(_CONTINUATION)
            continue
        if not ((last in _TITLE_LAST and _is_title_line(line)) or continues
                or (5 <= len(line) <= 60 and line.endswith(_CONTINUATION) and not _HEADER_LINE.match(line))):
            pending.append((line_start, line, opened, before))
            continue
        _add_title(text, blocks, _fragments(pending) if not continues else [], line, line_start, line_end)
        pending = []
        dashed = bool(blocks) and blocks[-1][2][-1].endswith(_CONTINUATION)
    return [b for b in blocks if _is_title_line(_title_of(b[2]))]


def _fragments(pending: list[tuple[int, str, bool, str]]) -> list[tuple[int, str]]:
    """``(start, line)`` of the fragments that may open a wrapped title ending on the line after ``pending``: of the
    run of fragments that closes ``pending``, those from the first that may open a block (after a blank line, or a
    line :func:`_opens_block` lets a title follow) on."""
    run = len(pending)
    while run and _is_fragment(pending[run - 1][1]):
        run -= 1
    for i in range(run, len(pending)):
        if pending[i][2] or _opens_block(pending[i][3]):
            return [(start, line) for start, line, _, _ in pending[i:]]
    return []


def _add_title(text: str, blocks: list[tuple[int, int, list[str]]], fragments: list[tuple[int, str]], line: str,
               line_start: int, line_end: int) -> None:
    """Add the title ``line`` to ``blocks``, with the fragments just before it when together they read as one title
    (a wrapped title); to the last block when only blanks lie between."""
    if fragments and len(fragments) <= MAX_WRAPPED and _is_title_line(joined := "".join(f for _, f in fragments) + line):
        start, line = fragments[0][0], joined
    else:
        start = line_start
    before, after = _neighbour(text, start, -1), _neighbour(text, line_end, 1)
    if (before and before in _OPENS_PHRASE) or (after and after in _CLOSES_PHRASE):
        return  # a name quoted inside a sentence that the page broke over lines
    if blocks and not text[blocks[-1][1]:start].strip():
        blocks[-1] = (blocks[-1][0], line_end, blocks[-1][2] + [line])
    else:
        blocks.append((start, line_end, [line]))


def split_documents(text: str) -> list[Segment]:
    """Cut a clean page into document segments (dropped ones included, with the reason).

    Examples
    --------
    >>> page = "篇1\\n" + "甲" * 400 + "\\n篇2\\n" + "乙" * 400
    >>> [(s.start, s.end) for s in split_documents(page)]
    [(3, 404), (407, 807)]
    """
    # Patterns tried at every line start find nothing in a text without the first character of their word.
    markers = line_spans(_PIAN, text) if any(word[:1] in text for word in _PIECE_WORDS) else []
    if len(markers) >= 2:
        segments = [Segment(0, markers[0][0], dropped="aggregator-preamble")] if text[: markers[0][0]].strip() else []
        ends = [start for start, _ in markers[1:]] + [len(text)]
        return segments + [Segment(min(marker_end + 1, end), end) for (_, marker_end), end in zip(markers, ends)]

    starts: list[tuple[int, str, str | None]] = []  # (start, title, notice title)
    for start, end, lines in _title_blocks(text):
        title = _title_of(lines)
        if starts:
            current_start, current_title, notice = starts[-1]
            if notice is None and _issues(current_title, title, text[:start]):
                starts[-1] = (current_start, title, current_title)
                continue
            gap = text[current_start:start]
            if len(gap.strip()) - len(current_title) < MIN_GAP and not line_search(_NEWS, gap):
                if not gap.replace(current_title, "").strip() or len(title) >= 8:
                    starts[-1] = (current_start, title, notice)
                continue
        issued_with = next((n for _, _, n in reversed(starts) if n), None)
        if issued_with and _names(issued_with, title):
            starts.append((start, title, issued_with))  # the second text one notice issues
            continue
        if starts and not _names_a_document(title, lines):
            continue  # a heading inside the current document (具体工作安排), not a new one
        starts.append((start, title, None))

    segments: list[Segment] = []
    first = starts[0][0] if starts else len(text)
    lead = text[:first]
    if lead.strip():
        if _TIPS.search(lead[:800]):
            segments.append(Segment(0, first, dropped="writing-tips"))
        elif len(lead.strip()) >= MIN_BODY or not starts:
            segments.append(Segment(0, first))
        else:
            starts[0] = (0, starts[0][1], starts[0][2])
    for i, (start, title, notice) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        segments.append(Segment(start, end, title, notice))
    return _cut_annexes_and_tails(text, _drop_previews(text, segments))


def _drop_previews(text: str, segments: list[Segment]) -> list[Segment]:
    """Mark writing tips and news items that only introduce the next document as dropped."""
    out: list[Segment] = []
    for i, seg in enumerate(segments):
        body = text[seg.start:seg.end]
        if seg.dropped is None and i + 1 < len(segments) and _TIPS.search(body[:400]):
            seg = Segment(seg.start, seg.end, seg.title, seg.notice_title, "writing-tips")
        elif seg.dropped is None and i + 1 < len(segments) and line_search(_NEWS, body[:600]):
            following = segments[i + 1].title
            if following and _compact(following) in _compact(body):
                seg = Segment(seg.start, seg.end, seg.title, seg.notice_title, "news-about-next-document")
        out.append(seg)
    return out


def _cut_annexes_and_tails(text: str, segments: list[Segment]) -> list[Segment]:
    """Cut each document at its annexes (附件1 on a line of its own, then the annex title) and after
    a closing 印发 footer that more text follows (a second, unrelated text in the same file).

    An 附件 line whose title is the document's own title is the plan a notice issues, not an annex.
    """
    out: list[Segment] = []
    for seg in segments:
        if seg.dropped:
            out.append(seg)
            continue
        cuts: list[tuple[int, str | None, bool]] = []  # (start, title, is an annex)
        annexes = line_spans(_ANNEX, text, seg.start, seg.end) if any(
            text.find(word[:1], seg.start, seg.end) != -1 for word in _ANNEX_WORDS) else []
        for (line_start, line_end), following in zip(annexes, [*annexes[1:], None]):
            title = _next_line(text, line_end, seg.end)
            if title and _compact(title) == _compact(seg.title or "") or len(text[seg.start:line_start].strip()) < MIN_BODY:
                continue
            if _is_table(text[line_end:following[0] if following else seg.end]):
                continue  # a task or indicator table restates the document's own items: the reader links its rows
            cuts.append((line_start, title, True))
        # A footer line holds a 印发 word (a substring test first) at the end that _FOOTER_END finds.
        printed = (any(text.find(word, seg.start, seg.end) != -1 for word in _PRINTED)
                   and _FOOTER_END.search(text, seg.start, seg.end) is not None)
        for _, footer_end in line_spans(_FOOTER, text, seg.start, seg.end) if printed else ():
            if len(text[footer_end:seg.end].strip()) >= MIN_BODY:
                cuts.append((footer_end, None, False))
        start, title, notice, annex = seg.start, seg.title, seg.notice_title, seg.annex
        for cut, cut_title, cut_annex in sorted(cuts):
            if cut <= start:
                continue
            out.append(Segment(start, cut, title, notice, None, annex))
            start, title, notice, annex = cut, cut_title, None, cut_annex
        out.append(Segment(start, seg.end, title, notice, None, annex))
    return out


def _is_table(block: str) -> bool:
    """True when an annex is a table (rows rendered one per line, cells separated by TAB)."""
    rows = [line for line in block.splitlines() if line.strip()]
    return len(rows) >= 3 and sum("\t" in line for line in rows) * 2 >= len(rows)


def _next_line(text: str, pos: int, end: int) -> str | None:
    """The annex title: the first non-blank line after ``pos`` that is not a form number (20XX年第XXX号)
    or another header line, when it reads as a title (short, no sentence end)."""
    for m in _LINE.finditer(text, pos, end):
        line = m.group().strip()
        if _HEADER_LINE.match(line) or _FORM_NUMBER.match(line):
            continue
        return line if len(line) <= 60 and "。" not in line and not _ENUMERATED.match(line) else None
    return None
