"""The parsed document: what the readers of one clean text share, each part computed once and indexed by offset.

Extraction reads top to bottom: parse (this value) → structure (tasks) → clauses (assignments and their
units) → quantities in context → targets, observations, instruments. Every stage after the first reads
this value instead of deriving its own boundaries, years and numbers from the raw text again.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from ..text import DocumentMetadata
from ._non_targets import LeadLines, quote_openings, threshold_cues
from ._numbering import Mark, find_marks
from ._numbers import Quantity, normalise_digits, quantities_in, warnings_in
from ._periods import Headings, ParagraphWords, document_year, five_year_words, headings_of, plan_period
from ._spans import LINE_END, Boundaries, boundaries_of
from ._tables import IndicatorRow, TableFigure, figures_of, indicator_rows, spans_of

_DIGIT_RUN = re.compile(r"\d+")


@dataclass(frozen=True)
class ParsedDocument:
    """A clean text and its metadata with the parts every reader needs, each found on first use and kept.

    Examples
    --------
    >>> doc = parse("一、目标\\n到2025年，建成实验室20家。", DocumentMetadata(year=2023))
    >>> [(str(q.value), q.unit) for q in doc.quantities], doc.year
    ([('2025', '年'), ('20', '家')], 2023)
    >>> pos = doc.text.index("20家")
    >>> doc.text[doc.boundaries.before(pos, "，"):pos]
    '建成实验室'
    """

    text: str
    metadata: DocumentMetadata = field(default_factory=DocumentMetadata)

    @cached_property
    def boundaries(self) -> Boundaries:
        """Paragraph, sentence and clause ends (see :mod:`._spans` for the kinds of stop)."""
        return boundaries_of(self.text)

    @cached_property
    def headings(self) -> Headings:
        """The section headings (一、…) by where they end."""
        return headings_of(self.text)

    @cached_property
    def five_year_words(self) -> ParagraphWords:
        """The five-year words (今后五年, “十四五”时期 …) of each paragraph, searched once per paragraph on first use."""
        return five_year_words(self.text)

    @cached_property
    def year(self) -> int | None:
        """The year the document plans or reports for."""
        return document_year(self.text, self.metadata)

    @cached_property
    def plan(self) -> tuple[int, int] | None:
        """First and last year of the plan the title names."""
        return plan_period(self.text, self.metadata)

    @cached_property
    def digit_runs(self) -> int:
        """How many numbers the text writes in digits: a bound on the work of reading it, known in one pass."""
        return sum(1 for _ in _DIGIT_RUN.finditer(self.text))

    @cached_property
    def digits(self) -> str:
        """The text with full-width and financial numerals written plainly (see :func:`normalise_digits`), offsets
        kept: read once for the quantities and the warnings."""
        return normalise_digits(self.text)

    @cached_property
    def quantities(self) -> tuple[Quantity, ...]:
        """Every number that carries a unit, a percent or a comparator word, in text order."""
        return quantities_in(self.digits)

    @cached_property
    def marks(self) -> tuple[Mark, ...]:
        """The outline marks (一、, （一）, 1. …) in text order, read with the text's quantities at hand."""
        return tuple(find_marks(self.text, self.quantities))

    @cached_property
    def item_styles(self) -> dict[int, str]:
        """The style of the outline mark (（一）, 1., 第五条 …) that opens a line, by the line's start."""
        text, before = self.text, self.boundaries.before
        return {line: m.style for m in self.marks if not text[(line := before(m.start, LINE_END)):m.start].strip()}

    @cached_property
    def lead_lines(self) -> LeadLines:
        """The lines that lead a list of thresholds (应符合下列条件：), found by one search of the whole text."""
        return LeadLines(self.text)

    @cached_property
    def threshold_cues(self) -> tuple[bool, bool]:
        """Whether a definition word and a threshold lead stand anywhere in the text (see :func:`threshold_cues`)."""
        return threshold_cues(self.text)

    @cached_property
    def quote_openings(self) -> dict[str, list[int]]:
        """Where the opening quote marks stand, by the character after the mark (see :func:`quote_openings`)."""
        return quote_openings(self.text)

    @cached_property
    def clauses(self) -> tuple:
        """The responsibility clauses, in text order: read by the section tree and by the assignments."""
        from ._clauses import find_clauses  # imported on use: _clauses reads this value

        return find_clauses(self.text)

    @cached_property
    def numeral_warnings(self) -> tuple[str, ...]:
        """The numbers the text writes that are refused rather than read (see :func:`numeral_warnings`)."""
        return warnings_in(self.digits)

    @cached_property
    def table_rows(self) -> tuple[IndicatorRow, ...]:
        """The rows of indicator tables, read once for their spans and their figures."""
        return indicator_rows(self.text)

    @cached_property
    def indicator_rows(self) -> tuple[tuple[int, int], ...]:
        """Spans of the rows of indicator tables."""
        return spans_of(self.table_rows)

    @cached_property
    def table_figures(self) -> tuple[TableFigure, ...]:
        """The figures of the indicator tables, cell by cell."""
        return figures_of(self.table_rows)


def parse(text: str | ParsedDocument, metadata: DocumentMetadata | None = None) -> ParsedDocument:
    """The parsed value of a clean text (a value already parsed is returned as it is).

    >>> doc = parse("甲。")
    >>> parse(doc) is doc, doc.metadata == DocumentMetadata()
    (True, True)
    """
    if isinstance(text, ParsedDocument):
        return text
    return ParsedDocument(text, metadata or DocumentMetadata())
