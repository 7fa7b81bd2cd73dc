"""Target escalation (层层加码): each jurisdiction's target beside its parent's and its own last result."""
from __future__ import annotations

import altair as alt
import polars as pl

from ._base import WIDTH, empty_chart, plotted
from ._labels import chart_title, metric_name_en, term, unit_in, written
from ._theme import PALETTE

_OFFSET = alt.YOffset("offset:Q", scale=None)  # pixels from the top of the row's band
_STEP = 22  # pixels per jurisdiction
_NEEDED = ("region", "metric_key", "year", "value", "value_high", "target_point")


def escalation_chart(panel: pl.DataFrame, *, metric: str = "gdp_growth", year: int | None = None,
                     level: str | None = None, metric_name: str | None = None,
                     reference: tuple[str, float] | str | None = "auto", lang: str = "zh",
                     title: str | None = None) -> alt.LayerChart:
    """One year's targets for one metric, jurisdiction by jurisdiction, beside the parent's target.

    A diamond is the target (a line its range), coloured by whether it asks more than the parent's
    target of the same year (层层加码, in the metric's direction), does not, or has no parent target
    to compare with; a triangle marks the parent's target (its range a grey line); a circle the
    jurisdiction's own outcome of the year before, when ``panel`` has ``previous_outcome``.

    Parameters
    ----------
    panel : polars.DataFrame
        :func:`policykit.escalation.target_panel` or :func:`policykit.escalation.escalation`.
    metric : str
        The metric key drawn.
    year : int, optional
        The year drawn (default: the year in which most jurisdictions set a target for ``metric``,
        the latest of those: the cross-section of one round of reports, not a five-year plan's
        end year that two of them mention).
    level : str, optional
        Only jurisdictions of this level (``"province"`` …); by default every level but the
        national, which has no parent.
    metric_name : str, optional
        The metric's Chinese name for the title (地区生产总值增长); English comes from the key.
    reference : (label, value), "auto" or None
        A dashed vertical line. ``"auto"``: when no jurisdiction drawn has its parent's target of
        the year, the nation's latest earlier target in ``panel`` ("national target 2025"), for
        orientation only (it is no comparison of the same year); None: no line.
    lang : {"zh", "en", "both"}

    Examples
    --------
    >>> panel = pl.DataFrame({"region": ["甲省"], "metric_key": ["gdp_growth"], "year": [2026], "value": [5.0],
    ...                       "value_high": [5.5], "target_point": [5.25], "parent_value": [4.5],
    ...                       "parent_value_high": [5.0], "parent_target_point": [4.75], "escalated": [True],
    ...                       "previous_outcome": [5.4]})
    >>> len(escalation_chart(panel).to_dict()["layer"])
    3
    """
    missing = [c for c in _NEEDED if c not in panel.columns]
    if missing:
        raise ValueError(f"escalation_chart needs the target panel; the frame lacks {', '.join(missing)}")
    english = metric_name_en(metric)
    rows = panel.filter(pl.col("metric_key") == metric)
    national = rows.filter(pl.col("level") == "national") if "level" in rows.columns else rows.clear()
    if "level" in rows.columns:
        rows = rows.filter(pl.col("level") == level if level else pl.col("level").ne_missing("national"))
    if year is None and not rows.is_empty():
        year = rows.group_by("year").len().sort(["len", "year"], descending=True)["year"][0]
    heading = title or chart_title("title_escalation", lang, name=(english, metric_name or english), year=year)
    rows = rows.filter(pl.col("year") == year)
    if rows.is_empty():
        return alt.layer(empty_chart(heading, f"no {metric} target for {year}"))
    rows = _with_optional(rows)
    order = rows.sort("target_point", "region", descending=[True, False])["region"].to_list()
    status = (pl.when(pl.col("escalated")).then(pl.lit(term("escalated", lang)))
              .when(pl.col("escalated").not_()).then(pl.lit(term("not_escalated", lang)))
              .otherwise(pl.lit(term("no_parent", lang))))
    targets = rows.select("region", status.alias("series"), plotted("target_point").alias("x"),
                          plotted("value").alias("low"), pl.coalesce(plotted("value_high"), plotted("value")).alias("high"))
    parents = rows.filter(pl.col("parent_target_point").is_not_null()).select(
        "region", pl.lit(term("parent_target", lang)).alias("series"), plotted("parent_target_point").alias("x"),
        plotted("parent_value").alias("low"),
        pl.coalesce(plotted("parent_value_high"), plotted("parent_value")).alias("high"))
    previous = rows.filter(pl.col("previous_outcome").is_not_null()).select(
        "region", pl.lit(term("previous_outcome", lang)).alias("series"), plotted("previous_outcome").alias("x"),
        plotted("previous_outcome").alias("low"), plotted("previous_outcome").alias("high"))
    # Pixels from the top of the row: targets a little above its middle, the parent's a little below
    # (their ranges often overlap), the last outcome in the middle.
    middle = _STEP // 2
    points = pl.concat([targets.with_columns(offset=pl.lit(middle - 2)), parents.with_columns(offset=pl.lit(middle + 3)),
                        previous.with_columns(offset=pl.lit(middle))])
    series = [term(k, lang) for k in ("escalated", "not_escalated", "no_parent", "parent_target", "previous_outcome")]
    colour = alt.Color("series:N", title=None, legend=alt.Legend(orient="bottom", columns=2, labelLimit=0),
                       scale=alt.Scale(domain=series, range=[PALETTE[3], PALETTE[0], "#999999", "#555555", "#000000"]))
    shape = alt.Shape("series:N", scale=alt.Scale(domain=series, range=["diamond"] * 3 + ["triangle-down", "circle"]))
    y = alt.Y("region:N", title=None, sort=order, axis=alt.Axis(labelLimit=0))
    x = alt.X("x:Q", title=rows.select(unit_in(lang))["unit"].drop_nulls().first(),
              scale=alt.Scale(zero=False, nice=True), axis=alt.Axis(labelFlush=False))
    ranges = alt.Chart(points).mark_rule(strokeWidth=2, opacity=0.6).encode(
        x=alt.X("low:Q"), x2="high:Q", y=y, yOffset=_OFFSET, color=colour).transform_filter(alt.datum.low != alt.datum.high)
    marks = alt.Chart(points).mark_point(size=80, filled=True, opacity=0.9).encode(
        x=x, y=y, yOffset=_OFFSET, color=colour, shape=shape, tooltip=["region:N", "series:N", "low:Q", "high:Q"])
    layers = [ranges, marks, _labels(rows, points, y, lang)]
    if reference == "auto":
        reference = _latest_national(national, rows, year, lang)
    if reference is not None:
        line = pl.DataFrame({"label": [reference[0]], "x": [float(reference[1])]})
        rule = alt.Chart(line).mark_rule(color="#555555", strokeDash=[4, 3]).encode(x="x:Q")
        layers += [rule, rule.mark_text(align="left", dx=4, dy=-6, fontSize=10, color="#555555", y=0).encode(text="label:N")]
    return alt.layer(*layers).properties(
        title=heading, width=WIDTH, height=alt.Step(_STEP))


def _labels(rows: pl.DataFrame, points: pl.DataFrame, y: alt.Y, lang: str) -> alt.Chart:
    """Each target as written ("目标 5–5.5", "target at least 5") right of the row's last mark, so the
    chart reads without hovering."""
    right = points.group_by("region").agg(pl.col("high").max().alias("right"))
    figure = pl.format("{} {}", pl.lit(term("target", lang)), written(lang))
    text = rows.select("region", figure.alias("figure")).join(right, on="region")
    return alt.Chart(text).mark_text(align="left", dx=14, fontSize=10, color="#333").encode(
        x="right:Q", y=y, text="figure:N")


def _latest_national(national: pl.DataFrame, rows: pl.DataFrame, year: int, lang: str) -> tuple[str, float] | None:
    """The nation's latest target before ``year`` as (label, point), when no row drawn has a parent target."""
    if rows["parent_target_point"].is_not_null().any():
        return None
    earlier = national.filter(pl.col("year") < year).sort("year")
    if earlier.is_empty():
        return None
    last = earlier.row(-1, named=True)
    return term("national_target", lang, year=last["year"]), float(last["target_point"])


def _with_optional(rows: pl.DataFrame) -> pl.DataFrame:
    """Panel columns that an escalation frame or a hand-made one may lack, as nulls."""
    optional = {"escalated": pl.Boolean, "parent_value": pl.Float64, "parent_value_high": pl.Float64,
                "parent_target_point": pl.Float64, "previous_outcome": pl.Float64, "unit": pl.String, "comparator": pl.String}
    return rows.with_columns(pl.lit(None, dtype).alias(c) for c, dtype in optional.items() if c not in rows.columns)
