"""Target escalation across levels of government (层层加码) and the jurisdiction × metric × year panel.

Each jurisdiction's target for a metric and year is set beside its parent's target for the same
metric and year: a province beside the nation, a city beside its province, a county or district
beside its city, a township beside its county. The literature measures this by hand (Li, Liu,
Weng & Zhou 2019, *Economic Journal*; Chang, Wang & Xiong 2025, *BPEA*); here it is a polars query
over the kit's frames.

The parent of a jurisdiction is found from the GB/T 2260 codes of the documents frame
(``region_code``, ``parent_region_code``) when it has them, else from the issuing document's
``level`` and the ``province`` / ``city`` / ``county`` columns the reader fills. A target that no
ingested document states (the national target of a year whose report is not in the corpus) can
be given as a ``references`` frame with a citation, so the comparison stays traceable.

Values stay exact: points, differences and ratios are ``Decimal(38, 6)``.
"""
from __future__ import annotations

from pathlib import Path

import polars as pl

from . import growth, lexicon

__all__ = ["POINTS", "REFERENCE_COLUMNS", "escalation", "read_references", "target_panel"]

_DECIMAL = pl.Decimal(38, 6)
POINTS = ("mid", "low", "high")
_JURISDICTION = ["region", "level"]
_KEYS = [*_JURISDICTION, "metric_key", "year"]
_TARGET = ["value", "value_high", "comparator", "unit", "kind", "hardness", "source", "doc_id"]
_PLACE = ["region_code", "parent_region_code", "province", "city", "county"]
_NATIONAL = "national"
# level → (the parent's level, the documents column naming the parent)
_PARENT_BY_NAME = {"province": (_NATIONAL, None), "city": ("province", "province"),
                   "county": ("city", "city"), "district": ("city", "city"), "township": ("county", "county")}
_COMPARATOR_DIRECTION = {"<=": "down", "<": "down", ">=": "up", ">": "up"}
REFERENCE_COLUMNS = ("region", "level", "metric_key", "year", "value")


def escalation(targets: pl.DataFrame, documents: pl.DataFrame, references: pl.DataFrame | None = None, *,
               point: str = "mid") -> pl.DataFrame:
    """Each jurisdiction's target beside its parent's target for the same metric and year.

    A target is *escalated* when it asks more than the parent's: a higher figure where more is
    more demanding (growth, jobs, a cut in energy intensity), a lower one for a ceiling (CPI,
    unemployment, deficit). The direction comes from the target's comparator (以上 → up,
    以内 → down), then its kind (a decrease: up), then ``lexicon/data/metric_directions.tsv``
    (for 左右 and ranges), then growth-rate and increase kinds (up); otherwise it stays null and
    so does ``escalated``. A range is compared at its midpoint (``point="low"`` or ``"high"``
    take a bound). Targets in different units are not compared (null difference).

    Parameters
    ----------
    targets : polars.DataFrame
        The targets frame (``doc_id, metric_key, year, value, value_high, unit, comparator, kind``;
        ``hardness`` when present).
    documents : polars.DataFrame
        The documents frame: ``doc_id, region, level`` and, when present, ``region_code`` and
        ``parent_region_code`` (preferred), else ``province``, ``city``, ``county``.
    references : polars.DataFrame, optional
        Targets stated in no ingested document, one row each: ``region, level, metric_key, year,
        value`` (and, like targets, ``value_high, unit, comparator, kind, hardness``;
        ``region_code``; ``source``, the citation). A document's target for the same jurisdiction,
        metric and year takes precedence over a reference.
    point : {"mid", "low", "high"}
        Which point of a range is compared.

    Returns
    -------
    polars.DataFrame
        One row per jurisdiction, metric and year whose parent set a target for it:
        ``region, level, region_code, metric_key, year, value, value_high, comparator, unit,
        hardness, source, doc_id``, the same with ``parent_`` in front (and ``parent_level``),
        ``direction`` (up | down), ``difference`` and ``ratio`` (child point − and ÷ parent point,
        Decimal) and ``escalated``. ``source`` is ``"document"`` or the reference's citation.

    Examples
    --------
    >>> docs = pl.DataFrame({"doc_id": ["n", "p"], "year": [2019, 2019], "region": ["全国", "甲省"],
    ...                      "level": ["national", "province"], "province": [None, "甲省"],
    ...                      "doc_type": ["work_report"] * 2})
    >>> tg = pl.DataFrame({"doc_id": ["n", "p", "n", "p"], "metric_key": ["gdp_growth"] * 2 + ["cpi"] * 2,
    ...                    "year": [2019] * 4, "value": ["6", "7", "3", "3.5"], "value_high": ["6.5", None, None, None],
    ...                    "unit": ["%"] * 4, "comparator": ["range", "≈", "≈", "≈"],
    ...                    "kind": ["growth_rate", "growth_rate", "level", "level"]})
    >>> e = escalation(tg, docs)
    >>> [(m, str(d), up) for m, d, up in e.select("metric_key", "difference", "escalated").rows()]
    [('cpi', '0.500000', False), ('gdp_growth', '0.750000', True)]
    """
    return _beside_parent(targets, documents, references, point).filter(pl.col("parent_value").is_not_null())


def target_panel(targets: pl.DataFrame, documents: pl.DataFrame, observations: pl.DataFrame | None = None,
                 references: pl.DataFrame | None = None, *, point: str = "mid") -> pl.DataFrame:
    """The jurisdiction × metric × year panel: target, range, hardness, outcome and escalation.

    One row per jurisdiction, metric and year with a target (from a document or ``references``),
    ready for a regression: the target as written and as one point, the width of a range, the
    parent's target and the escalation measures of :func:`escalation` (null where the parent set
    none), and, with ``observations``, the outcome reported for that year and whether it met
    the target (:func:`policykit.growth.target_vs_outcome`), and the outcome of the year before
    (``previous_outcome``: what the target-setter knew; a 2026 target beside the 2025 result).

    Parameters
    ----------
    targets, documents, references, point
        As for :func:`escalation`.
    observations : polars.DataFrame, optional
        The observations frame; without it the outcome columns are null.

    Returns
    -------
    polars.DataFrame
        ``region, level, region_code, metric_key, year, value, value_high, comparator, unit,
        kind, hardness, source, doc_id, target_point, range_width, parent_region, parent_level,
        parent_value, parent_value_high, parent_target_point, parent_hardness, parent_source,
        direction, difference, ratio, escalated, outcome, outcome_doc_id, gap, met,
        previous_outcome``, sorted by jurisdiction, metric and year.

    Examples
    --------
    >>> docs = pl.DataFrame({"doc_id": ["r19", "r20"], "year": [2019, 2020], "region": ["乙县"] * 2,
    ...                      "level": ["county"] * 2, "doc_type": ["work_report"] * 2})
    >>> tg = pl.DataFrame({"doc_id": ["r19"], "metric_key": ["gdp_growth"], "year": [2019], "value": ["6"],
    ...                    "value_high": ["7"], "unit": ["%"], "comparator": ["range"], "kind": ["growth_rate"]})
    >>> obs = pl.DataFrame({"doc_id": ["r20"], "metric_key": ["gdp_growth"], "value": ["6.4"], "unit": ["%"],
    ...                     "period": ["2019"], "year": [2019]})
    >>> p = target_panel(tg, docs, obs)
    >>> [(str(t), str(w), str(o), m) for t, w, o, m in p.select("target_point", "range_width", "outcome", "met").rows()]
    [('6.500000', '1.000000', '6.400000', True)]
    """
    panel = _beside_parent(targets, documents, references, point)
    outcome_columns = {"outcome": _DECIMAL, "outcome_doc_id": pl.String, "gap": _DECIMAL, "met": pl.Boolean,
                       "previous_outcome": _DECIMAL}
    outcomes = pl.DataFrame(schema={**dict.fromkeys(_KEYS, pl.String), "year": pl.Int64, **outcome_columns})
    if observations is not None:
        previous = (growth.observation_series(observations, documents)
                    .filter(pl.col("period") == pl.col("year").cast(pl.String))
                    .select(*_JURISDICTION, "metric_key", (pl.col("year") + 1).cast(pl.Int64),
                            pl.col("value").cast(_DECIMAL).alias("previous_outcome")))
        outcomes = (growth.target_vs_outcome(targets, observations, documents)
                    .select(*_KEYS, pl.col("outcome").cast(_DECIMAL), "outcome_doc_id", "gap", "met")
                    .with_columns(pl.col("year").cast(pl.Int64))
                    .join(previous, on=_KEYS, how="full", coalesce=True, nulls_equal=True))
    return (
        panel.join(outcomes, on=_KEYS, how="left", nulls_equal=True)
        .with_columns((pl.col("value_high") - pl.col("value")).alias("range_width"))
        .select("region", "level", "region_code", "metric_key", "year", "value", "value_high", "comparator", "unit",
                "kind", "hardness", "source", "doc_id", "target_point", "range_width", "parent_region",
                "parent_level", "parent_value", "parent_value_high", "parent_target_point", "parent_hardness",
                "parent_source", "direction", "difference", "ratio", "escalated", *outcome_columns)
        .sort(_KEYS, nulls_last=True)
    )


def read_references(*paths: str | Path) -> pl.DataFrame:
    """Reference targets from CSV files (UTF-8, with or without BOM), every column read as text.

    Each file needs the columns of :data:`REFERENCE_COLUMNS` and may have the others a
    ``references`` frame takes (``value_high, unit, comparator, kind, hardness, region_code,
    source``); values stay the exact text written. No path gives an empty frame.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "national.csv"
    >>> _ = path.write_text("region,level,metric_key,year,value,comparator,source\\n"
    ...                     "全国,national,gdp_growth,2019,6,range,2019年政府工作报告\\n", encoding="utf-8")
    >>> read_references(path).select("region", "year", "value").rows()
    [('全国', 2019, '6')]
    """
    frames = []
    for path in paths:
        frame = pl.read_csv(path, infer_schema=False, encoding="utf8-lossy")
        growth._require(frame, REFERENCE_COLUMNS, f"references {path}")
        frames.append(frame.with_columns(pl.col("year").cast(pl.Int64)))
    if not frames:
        return pl.DataFrame(schema={c: pl.Int64 if c == "year" else pl.String for c in REFERENCE_COLUMNS})
    return pl.concat(frames, how="diagonal")


def _beside_parent(targets: pl.DataFrame, documents: pl.DataFrame, references: pl.DataFrame | None,
                   point: str) -> pl.DataFrame:
    """Every target of the series with its parent's target of the same metric and year (null when none)."""
    if point not in POINTS:
        raise ValueError(f"point= must be one of {', '.join(POINTS)}, got {point!r}")
    series = _series(targets, documents, references, point)
    parents = _parents(series.select(*_JURISDICTION, *_PLACE).unique(_JURISDICTION, keep="first"))
    parent_targets = series.select(
        pl.col("region").alias("parent_region"), pl.col("level").alias("parent_level"), "metric_key", "year",
        *[pl.col(c).alias(f"parent_{c}") for c in ("region_code", *_TARGET, "target_point")])
    child_direction = pl.col("comparator").replace_strict(_COMPARATOR_DIRECTION, default=None)
    parent_direction = pl.col("parent_comparator").replace_strict(_COMPARATOR_DIRECTION, default=None)
    direction = pl.coalesce(child_direction, parent_direction, _kind_direction())
    difference = pl.col("target_point") - pl.col("parent_target_point")
    same_unit = pl.col("unit").eq_missing(pl.col("parent_unit"))
    comparable = same_unit & pl.col("parent_target_point").is_not_null()
    return (
        series.join(parents, on=_JURISDICTION, how="left", nulls_equal=True)
        .join(parent_targets, on=["parent_region", "parent_level", "metric_key", "year"], how="left",
              nulls_equal=True)
        .with_columns(direction.alias("direction"))
        .with_columns(
            pl.when(comparable).then(difference).alias("difference"),
            pl.when(comparable & (pl.col("parent_target_point") != 0))
            .then(pl.col("target_point") / pl.col("parent_target_point")).cast(_DECIMAL).alias("ratio"),
            pl.when(comparable & (pl.col("direction") == "up")).then(difference > 0)
            .when(comparable & (pl.col("direction") == "down")).then(difference < 0).alias("escalated"),
        )
        .select("region", "level", "region_code", "metric_key", "year", *_TARGET, "target_point", "parent_region",
                "parent_level", "parent_region_code", *[f"parent_{c}" for c in _TARGET], "parent_target_point",
                "direction", "difference", "ratio", "escalated")
        .sort(_KEYS, nulls_last=True)
    )


def _series(targets: pl.DataFrame, documents: pl.DataFrame, references: pl.DataFrame | None,
            point: str) -> pl.DataFrame:
    """One target per jurisdiction, metric and year (documents first, then references), with its point."""
    places = (growth._optional(documents, tuple(_PLACE))
              .select("doc_id", *[pl.col(c).cast(pl.String) for c in _PLACE]).unique("doc_id", keep="first"))
    stated = (growth.target_series(targets, documents).filter(pl.col("status") == "set")
              .join(places, on="doc_id", how="left")
              .with_columns(pl.lit("document").alias("source")))
    frames = [stated]
    if references is not None:
        growth._require(references, REFERENCE_COLUMNS, "references")
        cited = growth._optional(references, ("value_high", "unit", "comparator", "kind", "hardness", "source",
                                              *_PLACE))
        frames.append(cited.with_columns(pl.lit(None, pl.String).alias("doc_id"),
                                         pl.col("source").fill_null("reference")))
    columns = [*_KEYS, *_TARGET, *_PLACE]
    value, high = pl.col("value").cast(_DECIMAL), pl.col("value_high").cast(_DECIMAL)
    target_point = {"low": value, "high": pl.coalesce(high, value), "mid": pl.coalesce((value + high) / 2, value)}
    return (
        pl.concat([f.select([pl.col(c).cast(pl.Int64 if c == "year" else pl.String) for c in columns])
                   for f in frames], how="vertical")
        .filter(pl.col("metric_key").is_not_null() & pl.col("year").is_not_null() & pl.col("value").is_not_null())
        .unique(_KEYS, keep="first", maintain_order=True)
        .with_columns(value, high.alias("value_high"), target_point[point].cast(_DECIMAL).alias("target_point"))
    )


def _parents(jurisdictions: pl.DataFrame) -> pl.DataFrame:
    """``region, level, parent_region, parent_level`` for each jurisdiction: by code, else by name and level."""
    by_code = jurisdictions.filter(pl.col("region_code").is_not_null()).select(
        pl.col("region_code").alias("parent_region_code"), pl.col("region").alias("_code_region"),
        pl.col("level").alias("_code_level")).unique("parent_region_code", keep="first")
    nation = jurisdictions.filter(pl.col("level") == _NATIONAL)["region"].head(1).to_list() or ["全国"]
    level = pl.col("level")
    # A province-level code (dd0000, municipalities included) without a parent code sits under the nation.
    provincial_code = pl.col("region_code").str.contains(r"^\d{2}0000$").fill_null(False) & (level != _NATIONAL)
    name_level = pl.when(provincial_code).then(pl.lit(_NATIONAL))
    name_region = pl.when(provincial_code).then(pl.lit(nation[0]))
    for child, (parent_level, column) in _PARENT_BY_NAME.items():
        name_level = name_level.when(level == child).then(pl.lit(parent_level))
        name_region = name_region.when(level == child).then(pl.col(column) if column else pl.lit(nation[0]))
    return (
        jurisdictions.join(by_code, on="parent_region_code", how="left")
        .with_columns(pl.coalesce("_code_region", name_region).alias("parent_region"),
                      pl.coalesce("_code_level", name_level).alias("parent_level"))
        .with_columns(pl.when(pl.col("parent_region").is_not_null()).then("parent_level").alias("parent_level"))
        .select(*_JURISDICTION, "parent_region", "parent_level")
    )


def _kind_direction() -> pl.Expr:
    """Direction from the kind (a decrease asks more when larger), then the metric table, then growth kinds."""
    table = {row["metric_key"]: row["direction"] for row in lexicon.table("metric_directions").rows}
    kind = pl.coalesce("kind", "parent_kind")
    return (pl.when(kind == "decrease").then(pl.lit("up"))
            .otherwise(pl.coalesce(pl.col("metric_key").replace_strict(table, default=None),
                                   pl.when(kind.is_in(["growth_rate", "increase"])).then(pl.lit("up")))))
