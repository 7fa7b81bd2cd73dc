"""Extraction: pure functions from a clean document text to records with character spans.

The stage knows nothing of storage. :func:`extract_document` is the one entry point the log uses;
the pieces (section tree, responsibility clauses, unit mentions, numbers, targets, observations,
policy instruments)
live in private modules and are re-exported where they are useful on their own.
"""
from __future__ import annotations

from ..text import DocumentMetadata
from ._clauses import find_assignments
from ._instruments import find_instruments
from ._metrics import metric_direction, metric_key
from ._numbers import Quantity, find_quantities, numeral_warnings, read_number
from ._observations import find_observations
from ._records import (
    AssignmentRecord,
    Extraction,
    InstrumentRecord,
    ObservationRecord,
    TargetRecord,
    TaskRecord,
)
from ._structure import find_tasks
from ._targets import find_targets

# Bump when extraction output may change for the same text: the log then supersedes older
# extractions of a document on `policykit ingest --reextract`.
EXTRACTOR_VERSION = "0.3.0"

__all__ = [
    "EXTRACTOR_VERSION",
    "AssignmentRecord",
    "Extraction",
    "InstrumentRecord",
    "ObservationRecord",
    "Quantity",
    "TargetRecord",
    "TaskRecord",
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
    "read_number",
]


def extract_document(text: str, metadata: DocumentMetadata | None = None) -> Extraction:
    """Extract tasks, responsibility assignments, targets, observations and policy instruments from a clean text.

    Parameters
    ----------
    text : str
        Clean document text (see :func:`policykit.text.read_source`).
    metadata : DocumentMetadata, optional
        Used to resolve implied years (plan period, report year) and the document type.

    Returns
    -------
    Extraction
        Records whose ``start``/``end`` are offsets into ``text``.

    Examples
    --------
    >>> ex = extract_document("一、创新\\n1.完善实验室体系。力争达到20家以上。(牵头单位:科技局参与单位:各镇街)")
    >>> [t.number for t in ex.tasks]
    ['1']
    >>> [(a.mention, a.role) for a in ex.assignments]
    [('科技局', 'lead'), ('各镇街', 'participant')]
    """
    metadata = metadata or DocumentMetadata()
    tasks = find_tasks(text)
    return Extraction(
        tasks=tasks,
        assignments=find_assignments(text, tasks),
        targets=find_targets(text, tasks, metadata),
        observations=find_observations(text, tasks, metadata),
        instruments=find_instruments(text, tasks, metadata),
        warnings=numeral_warnings(text),
    )
