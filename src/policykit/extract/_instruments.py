"""Policy instruments: subsidies, awards, loans and guarantees a text hands out, and the caps, quotas,
eligibility thresholds and score weights it imposes. They are read beside targets and never count as one."""
from __future__ import annotations

from ..text import DocumentMetadata
from ._measures import Measure, read_measures
from ._parsed import ParsedDocument, parse
from ._records import InstrumentRecord, TaskRecord, built_at_once


def find_instruments(text: str | ParsedDocument, tasks: tuple[TaskRecord, ...],
                     metadata: DocumentMetadata | None = None) -> tuple[InstrumentRecord, ...]:
    """Find the policy instruments of a clean document.

    Parameters
    ----------
    text : str or ParsedDocument
        Clean document text, or its parsed value (whose metadata is then used).
    tasks : tuple of TaskRecord
        The document's tasks; an instrument inside one gets its key.
    metadata : DocumentMetadata
        ``doc_type`` tells a work report's review (where payments are reported, not set) from its plan.

    Returns
    -------
    tuple of InstrumentRecord
        ``kind`` is one of subsidy, award, loan, guarantee, cap, quota, threshold, weight; ``amount`` is a
        decimal string as written (Chinese numerals converted), ``unit`` as written.

    Examples
    --------
    >>> from policykit.text import DocumentMetadata
    >>> found = find_instruments("对首次认定的高新技术企业给予30万元奖励。", (), DocumentMetadata(year=2023))
    >>> [(i.kind, i.amount, i.unit, i.beneficiary) for i in found]
    [('award', '30', '万元', '首次认定的高新技术企业')]
    """
    return instruments_of(read_measures(parse(text, metadata), tasks))


def instruments_of(measures: tuple[Measure, ...]) -> tuple[InstrumentRecord, ...]:
    """The instruments among the measures of a document (see :func:`._measures.read_measures`)."""
    return tuple(
        built_at_once(InstrumentRecord, dict(  # at once, in the fields' declared order, as an observation is
            key=m.key, task_key=m.task_key, kind=m.kind, amount=str(m.quantity.value),
            amount_high=None if m.quantity.value_high is None else str(m.quantity.value_high),
            unit=m.quantity.unit, beneficiary=m.beneficiary, text=m.text, start=m.start, end=m.end))
        for m in measures if m.role == "instrument"
    )
