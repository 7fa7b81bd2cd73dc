"""Target and observation series across documents and years: pure polars queries over the frames.

The frames are those of the projections: ``targets`` and ``observations`` (one row per record,
with ``doc_id``, ``metric_key``, ``year``, ``value`` … as decimal strings) and ``documents``
(``doc_id``, ``issued_on``, ``year``, ``region``, ``level``, ``doc_type``).  A series is keyed by
jurisdiction (``region`` and ``level`` of the issuing document) and ``metric_key``; rows whose
metric is unlinked (``metric_key`` null) take no part.

Values stay exact: they are compared and subtracted as ``Decimal`` columns, never as floats.
"""
from __future__ import annotations

import polars as pl

from .extract import metric_direction, metric_key

__all__ = ["observation_series", "target_revisions", "target_series", "target_vs_outcome"]

_DECIMAL = pl.Decimal(38, 6)
_KEYS = ["region", "level", "metric_key"]
_TARGET_COLUMNS = ("doc_id", "metric_key", "year", "value", "value_high", "unit", "comparator", "kind")
_OBSERVATION_COLUMNS = ("doc_id", "metric_key", "value", "unit", "period")
_DOCUMENT_COLUMNS = ("doc_id",)


def target_series(targets: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    """One row per jurisdiction, metric and year: the target set for that year, or its absence.

    When several targets name the same metric and year, the one from the document issued for that
    year comes first (a work report over a five-year plan), then the first in the text (the
    主要预期目标 paragraph precedes the explanations that repeat it).  A year for which the
    jurisdiction has a work report that sets no target for a metric it targets in other years
    gets a row with ``status`` ``"absent"`` and null values (the 2020 national GDP target).

    Parameters
    ----------
    targets : polars.DataFrame
        Targets frame with ``doc_id``, ``metric_key``, ``year``, ``value``, ``value_high``,
        ``unit``, ``comparator``, ``kind`` (``hardness``, ``text``, ``start`` when present).
    documents : polars.DataFrame
        Documents frame with ``doc_id`` and, when known, ``region``, ``level``, ``doc_type``,
        ``issued_on``, ``year``.

    Returns
    -------
    polars.DataFrame
        ``region, level, metric_key, year, status, value, value_high, unit, comparator, kind,
        hardness, base_value, base_unit, doc_id, text``, sorted by jurisdiction, metric and year.

    Examples
    --------
    >>> docs = pl.DataFrame({"doc_id": ["a", "b"], "year": [2019, 2020], "region": ["全国", "全国"],
    ...                      "level": ["national"] * 2, "doc_type": ["work_report"] * 2})
    >>> tg = pl.DataFrame({"doc_id": ["a"], "metric_key": ["gdp_growth"], "year": [2019],
    ...                    "value": ["6"], "value_high": ["6.5"], "unit": ["%"],
    ...                    "comparator": ["range"], "kind": ["growth_rate"]})
    >>> target_series(tg, docs).select("year", "status", "value", "value_high").rows()
    [(2019, 'set', '6', '6.5'), (2020, 'absent', None, None)]
    """
    targets = _with_metric_key(targets)
    _require(targets, _TARGET_COLUMNS, "targets")
    docs = _documents(documents)
    rows = (
        _optional(targets, ("hardness", "text", "start", "base_value", "base_unit"))
        .filter(pl.col("metric_key").is_not_null() & pl.col("year").is_not_null())
        .join(docs, on="doc_id", how="left")
        .with_columns((pl.col("doc_year") != pl.col("year")).fill_null(True).alias("_foreign"))
        .sort(["_foreign", "issued_on", "start"], nulls_last=True)
        .group_by([*_KEYS, "year"], maintain_order=True)
        .first()
        .with_columns(pl.lit("set").alias("status"))
    )
    columns = [*_KEYS, "year", "status", "value", "value_high", "unit", "comparator", "kind",
               "hardness", "base_value", "base_unit", "doc_id", "text"]
    rows = rows.select(columns)
    reports = (docs.filter(pl.col("doc_type") == "work_report")
               .select("region", "level", pl.col("doc_year").alias("year"), "doc_id")
               .drop_nulls("year").unique(["region", "level", "year"], keep="first"))
    absent = (
        rows.select(_KEYS).unique()
        .join(reports, on=["region", "level"], how="inner", nulls_equal=True)
        .join(rows.select([*_KEYS, "year"]), on=[*_KEYS, "year"], how="anti", nulls_equal=True)
        .with_columns(pl.lit("absent").alias("status"))
    )
    return (pl.concat([rows, absent], how="diagonal_relaxed")
            .select(columns).sort([*_KEYS, "year"], nulls_last=True))


def observation_series(observations: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    """One row per jurisdiction, metric and period: the reported figure, latest report first.

    A figure reported again by a later document (a year's result in the next work report after a
    progress report) is taken from the latest one; ``n_reports`` counts how often it was reported.

    Parameters
    ----------
    observations : polars.DataFrame
        Observations frame with ``doc_id``, ``metric_key``, ``value``, ``unit``, ``period``
        (``year`` and ``text`` when present).
    documents : polars.DataFrame
        Documents frame (see :func:`target_series`).

    Returns
    -------
    polars.DataFrame
        ``region, level, metric_key, year, period, value, unit, base_value, base_unit, doc_id, text,
        n_reports``.

    Examples
    --------
    >>> docs = pl.DataFrame({"doc_id": ["r2020"], "year": [2020], "region": ["利津县"]})
    >>> obs = pl.DataFrame({"doc_id": ["r2020"], "metric_key": ["gdp_growth"], "value": ["7.9"],
    ...                     "unit": ["%"], "period": ["2019"], "year": [2019]})
    >>> observation_series(obs, docs).select("region", "year", "period", "value").rows()
    [('利津县', 2019, '2019', '7.9')]
    """
    observations = _with_metric_key(observations)
    _require(observations, _OBSERVATION_COLUMNS, "observations")
    docs = _documents(documents)
    frame = _optional(observations, ("year", "text", "start", "base_value", "base_unit"))
    frame = frame.with_columns(
        pl.coalesce(pl.col("year").cast(pl.Int64, strict=False),
                    pl.col("period").str.slice(0, 4).cast(pl.Int64, strict=False)).alias("year"))
    keys = [*_KEYS, "period"]
    return (
        frame.filter(pl.col("metric_key").is_not_null() & pl.col("period").is_not_null())
        .join(docs, on="doc_id", how="left")
        .sort(["issued_on", "doc_year", "start"], descending=[True, True, False], nulls_last=True)
        .with_columns(pl.len().over(keys).alias("n_reports"))
        .group_by(keys, maintain_order=True)
        .first()
        .select([*_KEYS, "year", "period", "value", "unit", "base_value", "base_unit", "doc_id", "text", "n_reports"])
        .sort([*_KEYS, "year", "period"], nulls_last=True)
    )


def target_revisions(targets: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    """Year-over-year changes of each jurisdiction's target for a metric.

    Each set target is compared with the same jurisdiction's target for the same metric in the
    nearest earlier year that set one.

    Parameters
    ----------
    targets, documents : polars.DataFrame
        As for :func:`target_series`.

    Returns
    -------
    polars.DataFrame
        ``region, level, metric_key, year, previous_year, value, value_high, comparator,
        previous_value, previous_value_high, previous_comparator, value_change (Decimal),
        comparator_changed``; the first year of a series has null ``previous_*``.

    Examples
    --------
    >>> docs = pl.DataFrame({"doc_id": ["a", "b"], "year": [2018, 2019], "region": ["全国"] * 2})
    >>> tg = pl.DataFrame({"doc_id": ["a", "b"], "metric_key": ["gdp_growth"] * 2,
    ...                    "year": [2018, 2019], "value": ["6.5", "6"], "value_high": [None, "6.5"],
    ...                    "unit": ["%", "%"], "comparator": ["≈", "range"], "kind": ["growth_rate"] * 2})
    >>> r = target_revisions(tg, docs)
    >>> [(y, str(c), changed) for y, c, changed in r.select("year", "value_change", "comparator_changed").rows()]
    [(2018, 'None', None), (2019, '-0.500000', True)]
    """
    series = target_series(targets, documents).filter(pl.col("status") == "set")
    by = pl.col("year").shift(1).over(_KEYS)
    return (
        series.sort([*_KEYS, "year"], nulls_last=True)
        .with_columns(
            by.alias("previous_year"),
            pl.col("value").shift(1).over(_KEYS).alias("previous_value"),
            pl.col("value_high").shift(1).over(_KEYS).alias("previous_value_high"),
            pl.col("comparator").shift(1).over(_KEYS).alias("previous_comparator"),
            pl.col("base_value").shift(1).over(_KEYS).alias("_previous_base"),
            pl.col("base_unit").shift(1).over(_KEYS).alias("_previous_base_unit"),
        )
        .with_columns(
            _difference(("value", "base_value", "base_unit"), ("previous_value", "_previous_base", "_previous_base_unit"))
            .alias("value_change"),
            pl.when(pl.col("previous_comparator").is_null()).then(None)
            .otherwise(pl.col("comparator") != pl.col("previous_comparator")).alias("comparator_changed"),
        )
        .select([*_KEYS, "year", "previous_year", "value", "value_high", "comparator", "previous_value",
                 "previous_value_high", "previous_comparator", "value_change", "comparator_changed"])
    )


def target_vs_outcome(targets: pl.DataFrame, observations: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    """Each year's target beside the full-year outcome reported for that year, met or missed.

    The outcome is the observation of the same jurisdiction and metric for period ``"YYYY"``,
    taken from the latest document that reports it (usually the next year's work report, whose
    review states 上年/去年 … 增长5.2%).  ``met`` reads the comparator and the metric's direction
    (lexicon ``metrics``; a decrease target such as 能耗降低3% turns a ceiling metric into a floor):

    - ``>=``/``>`` and ``<=``/``<`` are decided exactly, whatever the direction;
    - ``≈``/``=`` bound the side the direction cares about: a ceiling (CPI 3%左右, unemployment) is
      met by staying at or under it, a floor (GDP growth 5%左右, new jobs) by reaching it;
    - ``range`` is met at or above its low end for a floor, at or under its high end for a ceiling,
      within both ends when the metric has no direction;
    - a metric of no known direction with ``≈``/``=`` gives null (how near is near is the
      researcher's call).

    ``gap`` (outcome − target) tells the distance; ``percent_of_target`` (outcome ÷ target × 100) is
    given for floors only: of a ceiling it means nothing.

    Parameters
    ----------
    targets, observations, documents : polars.DataFrame
        As for :func:`target_series` and :func:`observation_series`.

    Returns
    -------
    polars.DataFrame
        ``region, level, metric_key, year, value, value_high, comparator, unit, outcome,
        outcome_unit, outcome_doc_id, gap (Decimal), direction (floor | ceiling | null), met,
        percent_of_target (Decimal)``; targets with no reported outcome keep null outcome columns.

    Examples
    --------
    >>> docs = pl.DataFrame({"doc_id": ["r19", "r20"], "year": [2019, 2020], "region": ["全国"] * 2,
    ...                      "doc_type": ["work_report"] * 2})
    >>> tg = pl.DataFrame({"doc_id": ["r19"], "metric_key": ["gdp_growth"], "year": [2019],
    ...                    "value": ["6"], "value_high": ["6.5"], "unit": ["%"],
    ...                    "comparator": ["range"], "kind": ["growth_rate"]})
    >>> obs = pl.DataFrame({"doc_id": ["r20"], "metric_key": ["gdp_growth"], "value": ["6.1"],
    ...                     "unit": ["%"], "period": ["2019"], "year": [2019]})
    >>> target_vs_outcome(tg, obs, docs).select("year", "outcome", "direction", "met").rows()
    [(2019, '6.1', 'floor', True)]
    """
    series = target_series(targets, documents).filter(pl.col("status") == "set")
    outcomes = (observation_series(observations, documents)
                .filter(pl.col("period") == pl.col("year").cast(pl.String))
                .select(*_KEYS, "year", pl.col("value").alias("outcome"), pl.col("unit").alias("outcome_unit"),
                        pl.col("base_value").alias("outcome_base"), pl.col("base_unit").alias("outcome_base_unit"),
                        pl.col("doc_id").alias("outcome_doc_id")))
    same_base = (pl.col("base_value").is_not_null() & pl.col("outcome_base").is_not_null()
                 & (pl.col("base_unit") == pl.col("outcome_base_unit"))
                 & (pl.col("value").cast(_DECIMAL, strict=False) != 0))
    scale = pl.when(same_base).then(pl.col("base_value").cast(_DECIMAL, strict=False)
                                    / pl.col("value").cast(_DECIMAL, strict=False)).otherwise(None)
    value = pl.col("value").cast(_DECIMAL, strict=False)
    high = pl.col("value_high").cast(_DECIMAL, strict=False)
    outcome = pl.when(same_base).then(pl.col("outcome_base").cast(_DECIMAL, strict=False) / scale).otherwise(
        pl.col("outcome").cast(_DECIMAL, strict=False))
    comparator, direction = pl.col("comparator"), pl.col("direction")
    floor, ceiling = direction == "floor", direction == "ceiling"
    met = (pl.when(outcome.is_null()).then(None)
           .when(comparator == ">=").then(outcome >= value)
           .when(comparator == ">").then(outcome > value)
           .when(comparator == "<=").then(outcome <= value)
           .when(comparator == "<").then(outcome < value)
           .when((comparator == "range") & floor).then(outcome >= value)
           .when((comparator == "range") & ceiling).then(outcome <= high)
           .when(comparator == "range").then((outcome >= value) & (outcome <= high))
           .when(comparator.is_in(["≈", "="]) & floor).then(outcome >= value)
           .when(comparator.is_in(["≈", "="]) & ceiling).then(outcome <= value)
           .otherwise(None))
    is_floor = comparator.is_in([">=", ">"]) | (~comparator.is_in(["<=", "<"]) & floor)
    percent = pl.when(is_floor & (value != 0)).then(outcome * 100 / value).otherwise(None)
    return (
        series.join(outcomes, on=[*_KEYS, "year"], how="left", nulls_equal=True)
        .with_columns(_direction(series).alias("direction"))
        .with_columns((outcome - value).alias("gap"), met.alias("met"), percent.alias("percent_of_target"))
        .select([*_KEYS, "year", "value", "value_high", "comparator", "unit", "outcome", "outcome_unit",
                 "outcome_doc_id", "gap", "direction", "met", "percent_of_target"])
    )


def _direction(series: pl.DataFrame) -> pl.Series:
    """floor or ceiling for each target: the metric's better direction, turned over for a decrease target
    (能耗降低3%左右: more decrease is better) — null where the lexicon gives none."""
    kinds = series["kind"].to_list() if "kind" in series.columns else [None] * series.height
    out = []
    for key, kind in zip(series["metric_key"].to_list(), kinds):
        better = metric_direction(key)
        if better and kind == "decrease":
            better = "higher" if better == "lower" else "lower"
        out.append({"higher": "floor", "lower": "ceiling"}.get(better))
    return pl.Series("direction", out, dtype=pl.String)


def _difference(left: tuple[str, str, str], right: tuple[str, str, str]) -> pl.Expr:
    """left − right as Decimal: in base units when both sides have the same base unit, else as written."""
    (value, base, unit), (other, other_base, other_unit) = left, right
    same_base = pl.col(base).is_not_null() & pl.col(other_base).is_not_null() & (pl.col(unit) == pl.col(other_unit))
    return (pl.when(same_base)
            .then(pl.col(base).cast(_DECIMAL, strict=False) - pl.col(other_base).cast(_DECIMAL, strict=False))
            .otherwise(pl.col(value).cast(_DECIMAL, strict=False) - pl.col(other).cast(_DECIMAL, strict=False)))


def _require(frame: pl.DataFrame, columns: tuple[str, ...], name: str) -> None:
    if not isinstance(frame, pl.DataFrame):
        raise TypeError(f"{name} must be a polars DataFrame, got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name} frame lacks column(s) {', '.join(missing)}")


def _with_metric_key(frame: pl.DataFrame) -> pl.DataFrame:
    """Frames projected before metric linking carry ``metric`` only: link it here."""
    if not isinstance(frame, pl.DataFrame) or "metric_key" in frame.columns or "metric" not in frame.columns:
        return frame
    kinds = frame["kind"] if "kind" in frame.columns else pl.Series([None] * frame.height, dtype=pl.String)
    keys = [metric_key(m, k) for m, k in zip(frame["metric"].to_list(), kinds.to_list())]
    return frame.with_columns(pl.Series("metric_key", keys, dtype=pl.String))


def _optional(frame: pl.DataFrame, columns: tuple[str, ...]) -> pl.DataFrame:
    """Add absent optional columns as nulls so the queries need not branch on them."""
    return frame.with_columns([pl.lit(None).alias(c) for c in columns if c not in frame.columns])


def _documents(documents: pl.DataFrame) -> pl.DataFrame:
    """doc_id, region, level, doc_type, issued_on and doc_year (the year column, else issued_on's)."""
    _require(documents, _DOCUMENT_COLUMNS, "documents")
    docs = _optional(documents, ("region", "level", "doc_type", "issued_on", "year"))
    return docs.select(
        "doc_id",
        pl.col("region").cast(pl.String),
        pl.col("level").cast(pl.String),
        pl.col("doc_type").cast(pl.String),
        pl.col("issued_on").cast(pl.String),
        pl.coalesce(pl.col("year").cast(pl.Int64, strict=False),
                    pl.col("issued_on").cast(pl.String).str.slice(0, 4).cast(pl.Int64, strict=False)).alias("doc_year"),
    ).unique("doc_id", keep="first")
