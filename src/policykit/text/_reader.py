"""read_source: decode → (HTML main text) → clean → split → metadata, never raising."""
from __future__ import annotations

import hashlib
import re
from collections.abc import Collection
from dataclasses import replace

from .. import lexicon
from ._clean import STEPS, _trim, clean
from ._cues import LABELS
from ._decode import decode_bytes
from ._edits import Edit, shift
from ._html import MAX_BLOCK_DEPTH, looks_like_html, read_html
from ._metadata import PageContext, document_metadata
from ._split import split_documents
from ._types import DocumentMetadata, OffsetMap, SourceDocument, SourceReading, TextWarning

HTML_MAIN = "html-main"
CLEANING_STEPS: tuple[str, ...] = (HTML_MAIN, *STEPS)
_MASK_WORDS = tuple(row["word"] for row in lexicon.table("redaction_marks").rows if row["kind"] == "mask")
_MASK_START = "*×Xx○" + "".join(w[0] for w in _MASK_WORDS)  # a text without any of these has no mask
# What every mask holds (a *, a doubled mark or a mask word): asked second, as a text with one × (3×5) or one X
# (a Latin word) holds a mask's first character but rarely its first two, and a search of the whole text costs more.
_MASK_CUES = ("*", "××", "XX", "Xx", "xX", "xx", "○○", *_MASK_WORDS)
# Symbols repeated to mask (**, ××, XX, ○○) and mask words (某某), longest first. Every branch opens with a
# literal character, so the engine scans for the set of those characters; a branch opening with a repeat or a
# class (or a lookahead before the alternation) has the whole pattern tried at every character.
_REDACTION = re.compile("|".join([r"\*\**", "××+", "X[Xx]+", "x[Xx]+", "○○+",
                                  *map(re.escape, sorted(_MASK_WORDS, key=len, reverse=True))]))
_HAN = re.compile(r"[\u4e00-\u9fff]")
_REDACTED_KIND = tuple((row["word"], row["hides"]) for row in lexicon.table("redaction_marks").rows if row["kind"] == "cue")
_PUBLISHED = re.compile(LABELS["published_on"])


def read_source(data: bytes, source_path: str, *, steps: Collection[str] | None = None,
                sha256: str | None = None) -> SourceReading:
    """Decode one raw file and return the documents it holds.

    Parameters
    ----------
    data : bytes
        The raw file, untouched.
    source_path : str
        Where it came from; named in every warning.
    steps : collection of str, optional
        Cleaning steps to run (see :data:`CLEANING_STEPS`); default all.
    sha256 : str, optional
        The hex SHA-256 of ``data`` when the caller has it (ingest hashes each file to look it up in the
        log): taken as ``SourceReading.sha256`` instead of hashing the bytes again.

    Returns
    -------
    SourceReading
        ``raw_text`` is the decoded text (for HTML, the text with tags removed); each document's
        ``offsets`` maps its clean text back into ``raw_text``. Problems are ``TextWarning`` values,
        never exceptions.

    Examples
    --------
    >>> reading = read_source("２０２０年利津县政府工作报告\\n各位代表：\\n现在，我代表县人民政府向大会作政府工作报告。".encode(), "x.txt")
    >>> doc = reading.documents[0]
    >>> doc.metadata.region, doc.metadata.doc_type, doc.metadata.year
    ('利津县', 'work_report', 2020)
    """
    sha = sha256 or hashlib.sha256(data).hexdigest()
    unknown = sorted(set(steps or ()) - set(CLEANING_STEPS))
    try:
        reading = _read(data, source_path, steps, sha)
    except Exception as exc:  # a reader bug must not stop a batch: report it on the file instead
        return SourceReading(source_path, sha, "unknown", "", (), (TextWarning("read-failed", f"{source_path}: {type(exc).__name__}: {exc}"),))
    if unknown:
        extra = TextWarning("unknown-step", f"{source_path}: unknown cleaning steps ignored: {', '.join(unknown)}")
        reading = SourceReading(reading.source_path, sha, reading.encoding, reading.raw_text, reading.documents, reading.warnings + (extra,))
    return reading


def _read(data: bytes, source_path: str, steps: Collection[str] | None, sha: str) -> SourceReading:
    text, encoding, warnings = decode_bytes(data, source_path)
    context = PageContext()
    first: tuple[str, list[Edit]] | None = None
    if looks_like_html(text):
        page = read_html(text)
        text, context.html_meta = page.text, page.meta
        if page.flattened:
            warnings.append(TextWarning("html-too-deep", f"{source_path}: {page.flattened} block elements nested deeper than {MAX_BLOCK_DEPTH} levels were flattened (tags left out, text kept)"))
        if steps is None or HTML_MAIN in steps:
            first = (HTML_MAIN, [(0, page.main[0], ""), (page.main[1], len(text), "")])
    raw_text = text
    clean_text, anchors, changed = clean(raw_text, steps, first)
    warnings += [TextWarning(f"cleaned:{name}", f"{source_path}: cleaning step {name} changed the text") for name in changed]

    segments = split_documents(clean_text)
    offsets = OffsetMap(tuple(anchors))
    documents: list[SourceDocument] = []
    lead = ""
    issued_by: dict[str, DocumentMetadata] = {}  # notice title -> metadata of the first text it issues
    for seg in segments:
        start, end = _trim(clean_text, seg.start, seg.end)
        if seg.dropped:
            lead = clean_text[start:end]
            warnings.append(TextWarning(f"dropped:{seg.dropped}", f"{source_path}: left out {end - start} characters ({seg.dropped}): {clean_text[start:start + 30]!r}…", offsets.to_raw(start)))
            continue
        if start >= end:
            continue
        raw_start = offsets.to_raw(start)
        if not documents:
            context.head = raw_text[:raw_start] + "\n" + clean_text[:start] + "\n" + raw_text[raw_start:raw_start + 600]
        elif len(documents) == 1:  # what every later document inherits, taken once, when a second one comes
            later_meta = {k: v for k, v in context.html_meta.items() if k == "published_on"}  # the page's title is not theirs
            context = PageContext(head=_page_dates(context.head), html_meta=later_meta)
        doc_text = clean_text[start:end]
        parent = next(((d.part, d.metadata) for d in reversed(documents) if d.metadata.annex_of is None), None) if seg.annex else None
        meta, doc_warnings = document_metadata(doc_text, seg.title, seg.notice_title, context, lead, source_path, parent)
        if seg.notice_title in issued_by:  # a second text of one notice: its 文号 and date are the notice's
            meta, doc_warnings = _issued_with(meta, doc_warnings, issued_by[seg.notice_title])
        elif seg.notice_title:
            issued_by[seg.notice_title] = meta
        doc_map = OffsetMap(tuple(shift(anchors, start, end)))
        doc_warnings += _redactions(doc_text, doc_map, source_path)
        documents.append(SourceDocument(len(documents), doc_text, doc_map, meta, tuple(doc_warnings)))
        lead = ""
    if not documents:
        warnings.append(TextWarning("no-documents", f"{source_path}: no document text found"))
    return SourceReading(source_path, sha, encoding, raw_text, tuple(documents), tuple(warnings))


def _issued_with(meta: DocumentMetadata, warnings: list[TextWarning], first: DocumentMetadata) -> tuple[DocumentMetadata, list[TextWarning]]:
    """The metadata of a later text of a notice: the notice's issuer, 文号 and date where it states none."""
    filled = {name: getattr(first, name) for name in ("issuer", "doc_number", "issued_on") if getattr(meta, name) is None}
    filled = {name: value for name, value in filled.items() if value is not None}
    kept = [w for w in warnings if w.code not in {f"missing-{name}" for name in filled}]
    return replace(meta, **filled), kept


def _page_dates(head: str) -> str:
    """What later documents on a page inherit from its header: only the page's publication date line."""
    if not _PUBLISHED.search(head):  # most heads have none: one search, not one a line
        return ""
    return "\n".join(line for line in head.split("\n") if _PUBLISHED.search(line))


def _redactions(text: str, offsets: OffsetMap, source_path: str) -> list[TextWarning]:
    """One ``redaction`` warning per mask (*, ××, XX, ○○, 某某) that stands next to Chinese text."""
    found: list[TextWarning] = []
    if not any(mark in text for mark in _MASK_START) or not any(cue in text for cue in _MASK_CUES):
        return found
    for m in _REDACTION.finditer(text):
        after = text[m.end():m.end() + 2]
        before = text[m.start() - 1:m.start()] if m.start() else ""
        if (before.isascii() and before.isalnum()) or (after[:1].isascii() and after[:1].isalnum()):
            continue  # part of a Latin word or code, not a mask
        if not (_HAN.match(after[:1]) or _HAN.match(before)):
            continue
        kind = next((what for cue, what in _REDACTED_KIND if after.startswith(cue)), "a name or number")
        found.append(TextWarning("redaction", f"{source_path}: {m.group()!r} masks {kind} (kept as written): …{text[max(m.start() - 8, 0):m.end() + 8]}…", offsets.to_raw(m.start())))
    return found
