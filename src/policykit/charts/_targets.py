"""Targets over time: each series' targets beside the outcomes reported, and progress against target."""
from __future__ import annotations

import altair as alt
import polars as pl

from .. import growth
from ._base import empty_chart, plotted
from ._labels import chart_title, metric_label, term
from ._theme import PALETTE

_SERIES = ["region", "metric_key"]


def _period_position(period: pl.Expr) -> pl.Expr:
    """Where a period sits on a year axis: a whole year at its middle ("2019" -> 2019.5), a
    part of a year at the end of its last month ("2020-01/2020-04" -> 2020.333)."""
    last = period.str.split("/").list.last()
    year = last.str.slice(0, 4).cast(pl.Float64, strict=False)
    month = last.str.slice(5, 2).cast(pl.Float64, strict=False)
    return pl.when(month.is_not_null()).then(year + month / 12).otherwise(year + 0.5)


def _exact(column: str) -> pl.Expr:
    """A decimal as written for a label: 2262.000000 -> "2262", 6.500000 -> "6.5"."""
    return pl.col(column).cast(pl.String).str.replace(r"(\.\d*?)0+$", "$1").str.replace(r"\.$", "")


def _panel(lang: str) -> pl.Expr:
    """Panel name: the metric (in ``lang``) and the jurisdiction."""
    return pl.concat_str(metric_label(lang, metric="metric"), pl.lit(" · "), pl.col("region").fill_null("?"),
                         pl.lit(" ("), pl.col("unit").fill_null(""), pl.lit(")")).alias("panel")


def _points(targets: pl.DataFrame, observations: pl.DataFrame, documents: pl.DataFrame, lang: str) -> pl.DataFrame:
    """Targets and outcomes of every linked series as one long frame: panel, series, when, value(s)."""
    metric_of = {}  # a Chinese name for each metric key: the first phrase the documents use for it
    for frame in (targets, observations):
        if "metric" in frame.columns:
            for key, metric in frame.filter(pl.col("metric_key").is_not_null()).select("metric_key", "metric").rows():
                metric_of.setdefault(key, metric)
    set_targets = growth.target_series(targets, documents).filter(pl.col("status") == "set").select(
        *_SERIES, "unit", pl.lit(term("target", lang)).alias("series"),
        (pl.col("year") + 0.5).alias("when"), plotted("value").alias("value"), _exact("value").alias("exact"),
        plotted("value_high").alias("value_high"), pl.col("comparator").fill_null(""))
    outcomes = growth.observation_series(observations, documents).select(
        *_SERIES, "unit", pl.lit(term("outcome", lang)).alias("series"), _period_position(pl.col("period")).alias("when"),
        plotted("value").alias("value"), _exact("value").alias("exact"), pl.lit(None, pl.Float64).alias("value_high"), pl.lit("").alias("comparator"))
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
    heading = title or chart_title("Targets and reported outcomes across years", "历年目标与实际完成", lang)
    points = _points(targets, observations, documents, lang)
    counts = (points.group_by("panel").agg(n=pl.len()).filter(pl.col("n") >= min_points)
              .sort(["n", "panel"], descending=[True, False]).head(top))
    points = points.filter(pl.col("panel").is_in(counts["panel"].implode())).sort("panel", "series", "when")
    if points.is_empty():
        return empty_chart(heading, f"no linked metric with {min_points} or more dated targets or outcomes")
    series = [term("target", lang), term("outcome", lang)]
    colour = alt.Color("series:N", scale=alt.Scale(domain=series, range=[PALETTE[1], PALETTE[0]]),
                       title=None, legend=alt.Legend(orient="bottom"))
    first, last = int(points["when"].min()), int(points["when"].max())
    x = alt.X("when:Q", title=None, scale=alt.Scale(domain=[first, last + 1], nice=False, zero=False),
              axis=alt.Axis(values=[y + 0.5 for y in range(first, last + 1)], labelExpr="floor(datum.value)",
                            ticks=False))
    y = alt.Y("value:Q", title=None, scale=alt.Scale(zero=False))
    is_target = alt.datum.series == series[0]
    outcome_line = alt.Chart().mark_line(point=True).encode(x=x, y=y, color=colour).transform_filter(~is_target)
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


def target_progress_chart(targets: pl.DataFrame, observations: pl.DataFrame, documents: pl.DataFrame, *,
                          lang: str = "zh", title: str | None = None) -> alt.LayerChart:
    """Progress against target: each target's latest reported figure as a share of the target.

    For each series (jurisdiction, metric, unit) the latest target that has a reported figure is
    shown: the jurisdiction's most recent figure for the same metric and unit in the target's year
    (progress so far) or, failing that, in the year before (where the plan started from). The bar
    is that figure as % of the target; the rule marks 100 %.

    Examples
    --------
    >>> docs = pl.DataFrame({"doc_id": ["r"], "year": [2020], "region": ["利津县"]})
    >>> tg = pl.DataFrame({"doc_id": ["r"], "metric": ["新增城镇就业"], "metric_key": ["new_urban_jobs"],
    ...                    "year": [2020], "value": ["2300"], "value_high": [None], "unit": ["人"],
    ...                    "comparator": [">="], "kind": ["increase"]})
    >>> obs = pl.DataFrame({"doc_id": ["r"], "metric_key": ["new_urban_jobs"], "value": ["2262"],
    ...                     "unit": ["人"], "period": ["2019"]})
    >>> target_progress_chart(tg, obs, docs).to_dict()["layer"][1]["mark"]["type"]
    'bar'
    """
    heading = title or chart_title("Latest reported figure against the target", "最新实际值与目标之比", lang)
    points = _points(targets, observations, documents, lang).with_columns(
        year=pl.col("when").ceil().cast(pl.Int64) - 1)
    goal = points.filter(pl.col("series") == term("target", lang)).drop("series", "when")
    seen = points.filter(pl.col("series") == term("outcome", lang)).select(
        *_SERIES, "unit", "when", pl.col("year").alias("seen_year"), pl.col("value").alias("reported"),
        pl.col("exact").alias("reported_exact"))
    pairs = (goal.join(seen, on=[*_SERIES, "unit"], how="inner", nulls_equal=True)
             .filter(pl.col("seen_year").is_between(pl.col("year") - 1, pl.col("year")) & (pl.col("value") != 0))
             .sort("year", "when").group_by([*_SERIES, "unit"], maintain_order=True).last()
             .with_columns(share=(pl.col("reported") / pl.col("value") * 100).round(1),
                           basis=pl.when(pl.col("seen_year") == pl.col("year")).then(pl.lit(term("same_year", lang)))
                           .otherwise(pl.lit(term("year_before", lang))),
                           note=pl.format("{} / {} {}", "reported_exact", "exact", pl.col("unit").fill_null("")),
                           panel=pl.format("{} {}", "panel", "year"))
             .sort("panel"))
    if pairs.is_empty():
        return alt.layer(empty_chart(heading, "no target with a reported figure for the same metric and unit"))
    y = alt.Y("panel:N", title=None, sort=pairs["panel"].to_list(), axis=alt.Axis(labelLimit=0))
    bars = alt.Chart(pairs).mark_bar().encode(
        x=alt.X("share:Q", title=term("share_of_target", lang),
                scale=alt.Scale(domain=[0, max(100.0, pairs["share"].max()) * 1.4])), y=y,
        color=alt.Color("basis:N", title=None, legend=alt.Legend(orient="bottom")),
        tooltip=["panel:N", "note:N", "share:Q", "basis:N"])
    labels = alt.Chart(pairs).mark_text(align="left", dx=4, fontSize=10).encode(x="share:Q", y=y, text="note:N")
    hundred = alt.Chart(pl.DataFrame({"share": [100.0]})).mark_rule(color="#333", strokeDash=[4, 3]).encode(x="share:Q")
    return alt.layer(hundred, bars, labels).properties(title=heading, width=300, height=alt.Step(18))
