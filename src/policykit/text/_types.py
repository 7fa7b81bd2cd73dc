"""Value types of the reading stage: what a raw file becomes before extraction."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class TextWarning:
    """Something a reader of the data should know about a file or document.

    ``code`` is a short stable slug (``encoding-fallback``, ``undecodable-bytes``, ``mixed-encoding``,
    ``redaction``, ``missing-title`` …); ``offset`` points into the decoded raw text (or the raw bytes
    for ``undecodable-bytes`` and ``mixed-encoding``) where it applies.
    """

    code: str
    message: str
    offset: int | None = None


@dataclass(frozen=True)
class OffsetMap:
    """Piecewise map from positions in a clean text to positions in the decoded raw text.

    ``anchors`` is a sorted tuple of ``(clean_pos, raw_pos)`` pairs; between two anchors positions
    advance one to one. A clean character inserted by cleaning maps to the raw position of the
    anchor before it.
    """

    anchors: tuple[tuple[int, int], ...] = ((0, 0),)

    @cached_property
    def _clean_keys(self) -> list[int]:
        # cached once per map: to_raw is called for every span the extractors emit
        return [a[0] for a in self.anchors]

    def to_raw(self, clean_pos: int) -> int:
        i = bisect_right(self._clean_keys, clean_pos) - 1
        c, r = self.anchors[max(i, 0)]
        return r + (clean_pos - c)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw-text span covering the clean span ``[start, end)``."""
        if end <= start:
            p = self.to_raw(start)
            return p, p
        return self.to_raw(start), self.to_raw(end - 1) + 1


@dataclass(frozen=True)
class DocumentMetadata:
    """Metadata of one document. ``None`` means not found; the reason is a warning, never a guess."""

    title: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    issued_on: str | None = None  # ISO date, YYYY-MM-DD (or YYYY-MM / YYYY when that is all the text says)
    published_on: str | None = None
    level: str | None = None  # national | province | city | district | county | township
    region: str | None = None  # the jurisdiction as named, e.g. 成武县, 东营市
    province: str | None = None
    city: str | None = None
    county: str | None = None
    region_code: str | None = None  # GB/T 2260 code of the region (six digits); None with a warning saying why
    parent_region_code: str | None = None  # the code of the division above the region
    doc_type: str | None = None  # action_plan | key_tasks | work_report | progress_report | ...
    period: str | None = None  # for progress reports, e.g. "2020-01/2020-04" or as written
    year: int | None = None  # the year the document plans or reports for
    annex_of: int | None = None  # for an annex (附件1 …): the part of the document it belongs to


@dataclass(frozen=True)
class SourceDocument:
    """One document found in a raw file, as clean text with a way back to the raw characters."""

    part: int  # 0-based index among the documents of the file
    text: str  # clean text (chrome removed, 繁→简, pinyin noise removed, normalised punctuation)
    offsets: OffsetMap  # clean position -> position in SourceReading.raw_text
    metadata: DocumentMetadata = field(default_factory=DocumentMetadata)
    warnings: tuple[TextWarning, ...] = ()


@dataclass(frozen=True)
class SourceReading:
    """The result of reading one raw file."""

    source_path: str
    sha256: str  # of the raw bytes
    encoding: str  # the codec used to decode, e.g. utf-8, utf-8-sig, gb18030, big5, utf-16, utf-32-le; utf-8+gb18030 for runs of both
    raw_text: str  # decoded text (for HTML: the text with tags removed), what spans map back to
    documents: tuple[SourceDocument, ...]
    warnings: tuple[TextWarning, ...] = ()
