"""Quantitative targets: quantities a document sets out to reach or keep, with what bounds them."""
from __future__ import annotations

from ..text import DocumentMetadata
from ._measures import Measure, read_measures
from ._parsed import ParsedDocument, parse
from ._records import TargetRecord, TaskRecord, built_at_once


def find_targets(text: str | ParsedDocument, tasks: tuple[TaskRecord, ...],
                 metadata: DocumentMetadata | None = None) -> tuple[TargetRecord, ...]:
    """Find the targets of a clean document.

    Every quantity that measures something and that the document sets (rather than reports) is a
    target; subsidies, thresholds, dates, ordinals and names are not.  Values keep the unit as
    written (``"3"``, ``"万千瓦"``); ``base_value``/``base_unit`` apply 万/亿.

    Parameters
    ----------
    text : str or ParsedDocument
        Clean document text, or its parsed value (whose metadata is then used).
    tasks : tuple of TaskRecord
        The document's tasks; a target inside one gets its key, others get ``None``.
    metadata : DocumentMetadata
        ``year`` (or a year in the title) dates targets that state none; ``doc_type`` separates a
        work report's review (observations) from its plan (targets).

    Returns
    -------
    tuple of TargetRecord

    Examples
    --------
    >>> from policykit.text import DocumentMetadata
    >>> ts = find_targets("力争为100余家企业提供转(续)贷1亿元以上。", (), DocumentMetadata(year=2023))
    >>> [(t.value, t.unit, t.comparator, t.kind, t.hardness, t.year) for t in ts]
    [('100', '家', '>=', 'level', '力争', 2023), ('1', '亿元', '>=', 'level', '力争', 2023)]
    """
    return targets_of(read_measures(parse(text, metadata), tasks))


def targets_of(measures: tuple[Measure, ...]) -> tuple[TargetRecord, ...]:
    """The targets among the measures of a document (see :func:`._measures.read_measures`)."""
    return tuple(_target(m) for m in measures if m.role == "target")


def _target(m: Measure) -> TargetRecord:
    """The target record of a measure, built at once (:func:`._records.built_at_once`) from one dict display in the
    fields' declared order: no dict of shared fields laid out again, for every figure."""
    q = m.quantity
    return built_at_once(TargetRecord, {
        "key": m.key, "task_key": m.task_key, "metric": m.metric, "value": str(q.value),
        "value_high": None if q.value_high is None else str(q.value_high), "unit": q.unit,
        "base_value": str(q.base_value), "base_unit": q.base_unit, "comparator": q.comparator, "hardness": m.hardness,
        "kind": m.kind, "year": m.year, "text": m.text, "start": m.start, "end": m.end, "metric_key": m.metric_key,
        "base_value_high": None if q.base_value_high is None else str(q.base_value_high), "year_source": m.year_source})
