"""Reported figures: quantities a progress report or a work report's review says were reached."""
from __future__ import annotations

from ..text import DocumentMetadata
from ._measures import Measure, read_measures
from ._parsed import ParsedDocument, parse
from ._records import ObservationRecord, TaskRecord, built_at_once


def find_observations(text: str | ParsedDocument, tasks: tuple[TaskRecord, ...],
                      metadata: DocumentMetadata | None = None) -> tuple[ObservationRecord, ...]:
    """Find the reported figures of a clean document, with the period they cover.

    A figure is an observation when the document reports it: everything in a work report before
    its plan part (主要预期目标 / 总体要求), figures of a progress report not tied to a future
    word, and figures that past words mark (今年以来, 1至4月份, 截至10月底, 去年) in plans.

    Parameters
    ----------
    text : str or ParsedDocument
        Clean document text, or its parsed value (whose metadata is then used).
    tasks : tuple of TaskRecord
        The document's tasks; an observation inside one gets its key.
    metadata : DocumentMetadata
        ``year`` and ``doc_type`` set the period (a work report reviews the year before it).

    Returns
    -------
    tuple of ObservationRecord
        ``period`` is normalised: ``"2020-01/2020-04"`` for a month range, ``"2020-10"`` for a
        month-end stock, ``"2019"`` for a year.

    Examples
    --------
    >>> from policykit.text import DocumentMetadata
    >>> md = DocumentMetadata(year=2020, doc_type="progress_report")
    >>> obs = find_observations("1至4月份,全市固定资产投资增长7.1%。", (), md)
    >>> [(o.metric, o.value, o.unit, o.kind, o.period, o.metric_key) for o in obs]
    [('固定资产投资增长', '7.1', '%', 'growth_rate', '2020-01/2020-04', 'fixed_asset_investment_growth')]
    """
    return observations_of(read_measures(parse(text, metadata), tasks))


def observations_of(measures: tuple[Measure, ...]) -> tuple[ObservationRecord, ...]:
    """The observations among the measures of a document (see :func:`._measures.read_measures`)."""
    return tuple(_observation(m) for m in measures if m.role == "observation")


def _observation(m: Measure) -> ObservationRecord:
    """The observation record of a measure, built at once (:func:`._records.built_at_once`) from one dict display in
    the fields' declared order, as a target is (see :func:`._targets._target`), for every figure a report gives."""
    q = m.quantity
    return built_at_once(ObservationRecord, {
        "key": m.key, "task_key": m.task_key, "metric": m.metric, "value": str(q.value), "unit": q.unit,
        "kind": m.kind, "period": m.period, "as_of": m.as_of, "text": m.text, "start": m.start, "end": m.end,
        "metric_key": m.metric_key, "year": m.year, "comparator": q.comparator,
        "value_high": None if q.value_high is None else str(q.value_high), "base_value": str(q.base_value),
        "base_unit": q.base_unit})
