"""Extraction: pure functions from a clean document text to records with character spans.

The stage knows nothing of storage. :func:`extract_document` is the one entry point the log uses; it
reads top to bottom: parse (:class:`ParsedDocument`: boundaries, headings, years, numbers, each found
once) → structure (tasks) → clauses (assignments) → quantities in context (measures) → targets,
observations, instruments. The pieces live in private modules and are re-exported where they are useful
on their own; each finder takes a clean text or its parsed value.
"""
from __future__ import annotations

from dataclasses import replace

from ..text import DocumentMetadata
from ._clauses import find_assignments
from ._instruments import find_instruments, instruments_of
from ._measures import read_measures
from ._metrics import metric_direction, metric_key
from ._numbers import MAX_DIGITS, Quantity, find_quantities, numeral_warnings, read_number
from ._observations import find_observations, observations_of
from ._parsed import ParsedDocument, parse
from ._records import (
    COMPARATORS,
    INSTRUMENT_KINDS,
    RECORD_TYPES,
    ROLES,
    TARGET_KINDS,
    YEAR_SOURCES,
    AssignmentRecord,
    DecimalText,
    Extraction,
    InstrumentRecord,
    ObservationRecord,
    Offset,
    TargetRecord,
    TaskRecord,
    column_types,
)
from ._spans import SENTENCE_END, boundary_after, boundary_before
from ._structure import find_tasks
from ._targets import find_targets, targets_of

from .._version import EXTRACTOR_VERSION  # bump it there when extraction output may change

# Reading a figure in context costs about 0.1 ms, so a document is refused beyond this many numbers
# (a dense 7.4 MB table holds 500 000 and took minutes); the largest corpus document holds under 2 000.
MAX_NUMBERS = 50_000


class TooManyNumbers(ValueError):
    """A document writes more numbers than :data:`MAX_NUMBERS`: refused before any of them is read."""

__all__ = [
    "COMPARATORS",
    "EXTRACTOR_VERSION",
    "INSTRUMENT_KINDS",
    "RECORD_TYPES",
    "ROLES",
    "TARGET_KINDS",
    "YEAR_SOURCES",
    "AssignmentRecord",
    "DecimalText",
    "Extraction",
    "InstrumentRecord",
    "ObservationRecord",
    "Offset",
    "ParsedDocument",
    "Quantity",
    "TargetRecord",
    "TaskRecord",
    "column_types",
    "extract_document",
    "find_assignments",
    "find_instruments",
    "find_observations",
    "find_targets",
    "find_quantities",
    "find_tasks",
    "metric_direction",
    "metric_key",
    "numeral_warnings",
    "parse",
    "read_number",
    "MAX_DIGITS",
    "MAX_NUMBERS",
    "TooManyNumbers",
    "sentence_span",
]


def extract_document(text: str, metadata: DocumentMetadata | None = None, *,
                     max_numbers: int = MAX_NUMBERS) -> Extraction:
    """Extract tasks, responsibility assignments, targets, observations and policy instruments from a clean text.

    Parameters
    ----------
    text : str
        Clean document text (see :func:`policykit.text.read_source`).
    metadata : DocumentMetadata, optional
        Used to resolve implied years (plan period, report year) and the document type.
    max_numbers : int, optional
        Refuse a text writing more numbers in digits than this (default :data:`MAX_NUMBERS`): a dense
        table of that size is better split than read as one document.

    Returns
    -------
    Extraction
        Records whose ``start``/``end`` are offsets into ``text``.

    Raises
    ------
    TooManyNumbers
        When the text writes more than ``max_numbers`` numbers in digits.

    Examples
    --------
    >>> ex = extract_document("一、创新\\n1.完善实验室体系。力争达到20家以上。(牵头单位:科技局参与单位:各镇街)")
    >>> [t.number for t in ex.tasks]
    ['1']
    >>> [(a.mention, a.role) for a in ex.assignments]
    [('科技局', 'lead'), ('各镇街', 'participant')]
    """
    doc = parse(text, metadata)
    # Runs of digits are kept apart by at least one other character, so a text of n characters writes at
    # most (n + 1) // 2 of them: only a text longer than twice the limit needs them counted.
    if (len(doc.text) + 1) // 2 > max_numbers and doc.digit_runs > max_numbers:
        raise TooManyNumbers(f"{doc.digit_runs} numbers in one document, over the limit of {max_numbers} "
                             "(--max-numbers, POLICYKIT_MAX_NUMBERS); split the file or raise the limit")
    tasks = find_tasks(doc)
    # A table row restating a task is that task: what its cells say belongs to it.
    owners = tasks + tuple(replace(t, start=a, end=b, rows=()) for t in tasks for a, b in t.rows)
    measures = read_measures(doc, owners)
    return Extraction(
        tasks=tasks,
        assignments=find_assignments(doc, owners),
        targets=targets_of(measures),
        observations=observations_of(measures),
        instruments=instruments_of(measures),
        warnings=doc.numeral_warnings,
    )


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]``, by the extractor's own sentence ends, its closing mark included.

    Examples
    --------
    >>> text = "甲。力争达到20家。乙"
    >>> left, right = sentence_span(text, 4, 7)
    >>> text[left:right]
    '力争达到20家。'
    """
    left = boundary_before(text, start, SENTENCE_END)
    right = boundary_after(text, end, SENTENCE_END)
    return left, right + 1 if right < len(text) and text[right] in SENTENCE_END else right
