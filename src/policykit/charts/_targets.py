"""Targets over time: each series' targets beside the outcomes reported, and progress against target."""
from __future__ import annotations

import altair as alt
import polars as pl

from .. import growth
from ._base import empty_chart, plotted
from ._labels import _plain, chart_title, metric_label, term, unit_in, with_unit, written
from ._theme import PALETTE

_SERIES = ["region", "metric_key"]


def _period_position(period: pl.Expr) -> pl.Expr:
    """Where a period sits on a year axis: a whole year at its middle ("2019" -> 2019.5), a
    part of a year at the end of its last month ("2020-01/2020-04" -> 2020.333)."""
    last = period.str.split("/").list.last()
    year = last.str.slice(0, 4).cast(pl.Float64, strict=False)
    month = last.str.slice(5, 2).cast(pl.Float64, strict=False)
    return pl.when(month.is_not_null()).then(year + month / 12).otherwise(year + 0.5)


def _panel(lang: str) -> pl.Expr:
    """Panel name: the metric (in ``lang``) and the jurisdiction."""
    return pl.concat_str(metric_label(lang, metric="metric"), pl.lit(" · "), pl.col("region").fill_null("?"),
                         pl.lit(" ("), unit_in(lang).fill_null(""), pl.lit(")")).alias("panel")


def _points(targets: pl.DataFrame, observations: pl.DataFrame, documents: pl.DataFrame, lang: str) -> pl.DataFrame:
    """Targets and outcomes of every linked series as one long frame: panel, series, when, value(s)."""
    metric_of = {}  # a Chinese name for each metric key: the first phrase the documents use for it
    for frame in (targets, observations):
        if "metric" in frame.columns:
            for key, metric in frame.filter(pl.col("metric_key").is_not_null()).select("metric_key", "metric").rows():
                metric_of.setdefault(key, metric)
    set_targets = growth.target_series(targets, documents).filter(pl.col("status") == "set").select(
        *_SERIES, "unit", pl.lit(term("target", lang)).alias("series"),
        (pl.col("year") + 0.5).alias("when"), plotted("value").alias("value"), _plain("value").alias("exact"),
        plotted("value_high").alias("value_high"), pl.col("comparator").fill_null(""))
    outcomes = growth.observation_series(observations, documents).select(
        *_SERIES, "unit", pl.lit(term("outcome", lang)).alias("series"), _period_position(pl.col("period")).alias("when"),
        plotted("value").alias("value"), _plain("value").alias("exact"), pl.lit(None, pl.Float64).alias("value_high"), pl.lit("").alias("comparator"))
    points = pl.concat([set_targets, outcomes]).filter(pl.col("when").is_not_null() & pl.col("value").is_not_null())
    return points.with_columns(pl.col("metric_key").replace_strict(metric_of, default=None, return_dtype=pl.String)
                               .alias("metric")).with_columns(_panel(lang)).drop("metric")


def target_series_chart(targets: pl.DataFrame, observations: pl.DataFrame, documents: pl.DataFrame, *,
                        min_points: int = 2, top: int = 12, columns: int = 3, lang: str = "zh",
                        title: str | None = None) -> alt.FacetChart | alt.Chart:
    """Target series across years: the targets set (diamonds, with their range) and the outcomes
    reported (line), one panel per metric, jurisdiction and unit.

    Series come from :func:`policykit.growth.target_series` and
    :func:`policykit.growth.observation_series`, so only linked metrics (``metric_key``) appear.
    A target or a whole-year outcome sits in the middle of its year; a part-year outcome at the
    end of its last month (1–4月 at the end of April).

    Parameters
    ----------
    targets, observations, documents : polars.DataFrame
        The frames of the same names.
    min_points : int
        Panels with fewer dated points are left out (a single figure is not a series).
    top : int
        At most this many panels, those with the most points first.
    columns : int
        Panels per row.
    lang : {"zh", "en", "both"}
        Metric names in English come from the metric key (``gdp_growth`` -> GDP growth).

    Examples
    --------
    >>> docs = pl.DataFrame({"doc_id": ["r"], "year": [2020], "region": ["利津县"]})
    >>> tg = pl.DataFrame({"doc_id": ["r"], "metric": ["地区生产总值增长"], "metric_key": ["gdp_growth"],
    ...                    "year": [2020], "value": ["6.5"], "value_high": [None], "unit": ["%"],
    ...                    "comparator": ["≈"], "kind": ["growth_rate"]})
    >>> obs = pl.DataFrame({"doc_id": ["r"], "metric_key": ["gdp_growth"], "value": ["7.9"],
    ...                     "unit": ["%"], "period": ["2019"]})
    >>> "facet" in target_series_chart(tg, obs, docs).to_dict()
    True
    """
    heading = title or chart_title("title_series", lang)
    points = _points(targets, observations, documents, lang)
    counts = (points.group_by("panel").agg(n=pl.len()).filter(pl.col("n") >= min_points)
              .sort(["n", "panel"], descending=[True, False]).head(top))
    points = points.filter(pl.col("panel").is_in(counts["panel"].implode())).sort("panel", "series", "when")
    if points.is_empty():
        return empty_chart(heading, f"no linked metric with {min_points} or more dated targets or outcomes")
    points = _with_gaps(points, term("outcome", lang))
    series = [term("target", lang), term("outcome", lang)]
    colour = alt.Color("series:N", scale=alt.Scale(domain=series, range=[PALETTE[1], PALETTE[0]]),
                       title=None, legend=alt.Legend(orient="bottom"))
    first, last = int(points["when"].min()), int(points["when"].max())
    x = alt.X("when:Q", title=None, scale=alt.Scale(domain=[first, last + 1], nice=False, zero=False),
              axis=alt.Axis(values=[y + 0.5 for y in range(first, last + 1)], labelExpr="floor(datum.value)",
                            ticks=False))
    y = alt.Y("value:Q", title=None, scale=alt.Scale(zero=False))
    is_target = alt.datum.series == series[0]
    # A year without an outcome breaks the line: no line is drawn across a year nobody reported.
    outcome_line = alt.Chart().mark_line(point=True, invalid="break-paths-filter-domains").encode(
        x=x, y=y, color=colour).transform_filter(~is_target)
    target_marks = alt.Chart().mark_point(shape="diamond", size=90, filled=True).encode(
        x=x, y=y, color=colour, tooltip=["series:N", "exact:N", "value_high:Q", "comparator:N"]
    ).transform_filter(is_target)
    target_range = alt.Chart().mark_rule(strokeWidth=2).encode(x=x, y=y, y2="value_high:Q", color=colour
                                                              ).transform_filter(is_target & (alt.datum.value_high != None))  # noqa: E711 - Vega expression
    return (alt.layer(target_range, outcome_line, target_marks, data=points)
            .properties(width=200, height=120)
            .facet(facet=alt.Facet("panel:N", title=None, header=alt.Header(labelFontSize=11, labelLimit=0)),
                   columns=columns)
            .resolve_scale(y="independent")
            .properties(title=heading))


def _with_gaps(points: pl.DataFrame, outcome: str) -> pl.DataFrame:
    """An empty outcome (null value) in each year between a panel's first and last outcome that has none."""
    years = (points.filter(pl.col("series") == outcome)
             .with_columns(pl.col("when").floor().cast(pl.Int64).alias("_year")))
    spans = years.group_by("panel").agg(pl.col("_year").min().alias("first"), pl.col("_year").max().alias("last"),
                                        pl.col("_year").unique().alias("seen"))
    gaps = [{"panel": panel, "year": year} for panel, first, last, seen in spans.rows()
            for year in range(first, last + 1) if year not in set(seen)]
    if not gaps:
        return points
    empty = (pl.DataFrame(gaps, schema={"panel": pl.String, "year": pl.Int64})
             .join(years.select("panel", *_SERIES, "unit").unique("panel"), on="panel")
             .select(*_SERIES, "unit", pl.lit(outcome).alias("series"), (pl.col("year") + 0.5).alias("when"),
                     pl.lit(None, pl.Float64).alias("value"), pl.lit(None, pl.String).alias("exact"),
                     pl.lit(None, pl.Float64).alias("value_high"), pl.lit("").alias("comparator"), "panel"))
    return pl.concat([points, empty.select(points.columns)], how="vertical_relaxed").sort("panel", "series", "when")


def target_progress_chart(targets: pl.DataFrame, observations: pl.DataFrame, documents: pl.DataFrame, *,
                          per_series: int = 1, top: int = 16, lang: str = "zh",
                          title: str | None = None) -> alt.FacetChart | alt.Chart:
    """Each year's target against the outcome of *that* year, met or missed in the target's direction.

    One strip per series (jurisdiction, metric, unit) and year, for the latest ``per_series`` years
    whose outcome is reported (:func:`policykit.growth.target_vs_outcome`: the full-year figure,
    usually from the next year's report). The strip draws the target as written — a diamond at its
    value, a line for a range — and, shaded, what meets it in its direction: at or above a floor
    (GDP growth 5%左右, jobs 以上), at or under a ceiling (CPI 3%左右, unemployment 以内), within a
    range of a metric with no direction. The outcome is a circle coloured met / missed / no verdict
    (a 左右 target of a metric whose direction the lexicon does not give). The caption above the strip
    says it in words. Each strip has its own scale: no share of the target is computed, for a
    ceiling or a range would make it meaningless.

    A series whose target year has only part-year figures (1–4月) shows the latest of them as
    "reported so far", without a verdict. A year's result beside the *next* year's target is no
    progress: see :func:`policykit.escalation.target_panel` (``previous_outcome``).

    Parameters
    ----------
    targets, observations, documents : polars.DataFrame
        The frames of the same names.
    per_series : int
        Years drawn per series, latest first.
    top : int
        At most this many strips.
    lang : {"zh", "en", "both"}

    Examples
    --------
    >>> docs = pl.DataFrame({"doc_id": ["r20", "r21"], "year": [2020, 2021], "region": ["利津县"] * 2})
    >>> tg = pl.DataFrame({"doc_id": ["r20"], "metric": ["居民消费价格涨幅"], "metric_key": ["cpi"],
    ...                    "year": [2020], "value": ["3"], "value_high": [None], "unit": ["%"],
    ...                    "comparator": ["≈"], "kind": ["level"]})
    >>> obs = pl.DataFrame({"doc_id": ["r21"], "metric_key": ["cpi"], "value": ["2.5"],
    ...                     "unit": ["%"], "period": ["2020"]})
    >>> chart = target_progress_chart(tg, obs, docs, lang="en")
    >>> rows = next(iter(chart.to_dict()["datasets"].values()))
    >>> rows[0]["caption"]
    'CPI · 利津县 2020: target about 3%, ceiling; outcome 2.5% — met'
    """
    heading = title or chart_title("title_progress", lang)
    rows = _progress_rows(targets, observations, documents, per_series, lang).head(top)
    if rows.is_empty():
        return empty_chart(heading, "no target with a reported figure of its own year")
    verdicts = [term(k, lang) for k in ("met", "missed", "undecided", "so_far")]
    colour = alt.Color("verdict:N", title=None, legend=alt.Legend(orient="bottom", columns=2, labelLimit=0),
                       scale=alt.Scale(domain=verdicts, range=[PALETTE[0], PALETTE[3], "#999999", "#555555"]))
    x = alt.X("x:Q", title=None, scale=alt.Scale(zero=False, nice=False),
              axis=alt.Axis(tickCount=4, labelFlush=True, grid=False))
    # An invisible rule over the padded extent, so no mark sits on the edge of its strip.
    extent = alt.Chart().mark_rule(opacity=0).encode(x="edge_low:Q", x2="edge_high:Q")
    zone = alt.Chart().mark_rect(color=PALETTE[0], opacity=0.12).encode(x="zone_low:Q", x2="zone_high:Q")
    target_range = alt.Chart().mark_rule(color="#333333", strokeWidth=2).encode(
        x=alt.X("low:Q"), x2="high:Q").transform_filter(alt.datum.low != alt.datum.high)
    target = alt.Chart().mark_point(shape="diamond", size=80, filled=True, color="#333333").encode(
        x=alt.X("point:Q"), tooltip=["caption:N"])
    outcome = alt.Chart().mark_point(size=90, filled=True, opacity=0.95).encode(
        x=x, color=colour, tooltip=["caption:N"])
    return (alt.layer(extent, zone, target_range, target, outcome, data=rows)
            .properties(width=300, height=16)
            .facet(row=alt.Row("caption:N", title=None, sort=rows["caption"].to_list(),
                               header=alt.Header(labelAngle=0, labelOrient="top", labelAnchor="start",
                                                 labelAlign="left", labelLimit=0, labelFontSize=10)),
                   spacing=6)
            .resolve_scale(x="independent")
            .properties(title=heading))


def _progress_rows(targets: pl.DataFrame, observations: pl.DataFrame, documents: pl.DataFrame, per_series: int,
                   lang: str) -> pl.DataFrame:
    """One row per strip: the target (point, range), the outcome, the verdict, the met zone and the caption."""
    keys = [*_SERIES, "unit"]
    versus = growth.target_vs_outcome(targets, observations, documents)
    full = (versus.filter(pl.col("outcome").is_not_null() & pl.col("unit").eq_missing(pl.col("outcome_unit")))
            .with_columns(pl.when(pl.col("met")).then(pl.lit(term("met", lang)))
                          .when(pl.col("met").not_()).then(pl.lit(term("missed", lang)))
                          .otherwise(pl.lit(term("undecided", lang))).alias("verdict"),
                          pl.col("outcome").alias("reported"), pl.lit(None, pl.String).alias("period")))
    observed = growth.observation_series(observations, documents).filter(pl.col("period").str.contains("/"))
    so_far = (versus.filter(pl.col("outcome").is_null())
              .join(observed.select(*_SERIES, "unit", "year", "period", pl.col("value").alias("reported")),
                    on=[*keys, "year"], how="inner", nulls_equal=True)
              .sort("period").group_by([*keys, "year"], maintain_order=True).last()
              .with_columns(pl.lit(term("so_far", lang)).alias("verdict")))
    columns = [*keys, "year", "value", "value_high", "comparator", "direction", "reported", "period", "verdict"]
    rows = (pl.concat([full.select(columns), so_far.select(columns)], how="vertical_relaxed")
            .sort("year", descending=True).group_by(keys, maintain_order=True).head(per_series))
    if rows.is_empty():
        return rows
    metric_of = {}
    for frame in (targets, observations):
        if "metric" in frame.columns and "metric_key" in frame.columns:
            for key, metric in frame.filter(pl.col("metric_key").is_not_null()).select("metric_key", "metric").rows():
                metric_of.setdefault(key, metric)
    low, high, reported = plotted("value"), pl.coalesce(plotted("value_high"), plotted("value")), plotted("reported")
    left, right = pl.min_horizontal(low, reported), pl.max_horizontal(high, reported)
    pad = pl.max_horizontal((right - left) * 0.25, right.abs() * 0.05, pl.lit(0.1))
    floor, ceiling = _met_side("floor"), _met_side("ceiling")
    return (rows.with_columns(pl.col("metric_key").replace_strict(metric_of, default=None, return_dtype=pl.String)
                              .alias("metric"))
            .with_columns(
                low.alias("low"), high.alias("high"), ((low + high) / 2).alias("point"), reported.alias("x"),
                pl.when(floor).then(low).when(ceiling).then(left - pad).otherwise(low).alias("zone_low"),
                pl.when(floor).then(right + pad).when(ceiling).then(high).otherwise(high).alias("zone_high"),
                (left - pad).alias("edge_low"), (right + pad).alias("edge_high"),
                pl.format("{} · {} {}: {} {}{}; {} {} — {}",
                          metric_label(lang, metric="metric"), pl.col("region").fill_null("?"), pl.col("year"),
                          pl.lit(term("target", lang)), written(lang, unit=unit_in(lang)),
                          pl.when(pl.col("direction").is_not_null())
                          .then(pl.format(", {}", pl.col("direction").replace_strict(
                              {"floor": term("floor", lang), "ceiling": term("ceiling", lang)}, default="")))
                          .otherwise(pl.lit("")),
                          pl.when(pl.col("period").is_null()).then(pl.lit(term("outcome", lang)))
                          .otherwise(pl.format("{} ({})", pl.lit(term("outcome", lang)), pl.col("period"))),
                          with_unit(_plain("reported"), unit_in(lang), lang), pl.col("verdict")).alias("caption"))
            .sort(["region", "metric_key", "year"], descending=[False, False, True], nulls_last=True)
            .select("caption", "verdict", "low", "high", "point", "x", "zone_low", "zone_high", "edge_low", "edge_high"))


def _met_side(direction: str) -> pl.Expr:
    """Whether what meets the target lies above it (floor) or under it (ceiling), as growth decides ``met``."""
    comparator = pl.col("comparator")
    if direction == "floor":
        return comparator.is_in([">=", ">"]) | (~comparator.is_in(["<=", "<"]) & (pl.col("direction") == "floor"))
    return comparator.is_in(["<=", "<"]) | (~comparator.is_in([">=", ">"]) & (pl.col("direction") == "ceiling"))
