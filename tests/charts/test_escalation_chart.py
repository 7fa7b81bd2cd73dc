"""The escalation figure: what each jurisdiction's row shows, read back from the Vega-Lite spec."""
import polars as pl
import pytest

from policykit import charts

PANEL = pl.DataFrame({
    "region": ["全国", "甲省", "乙省", "丙省", "丁市"],
    "level": ["national", "province", "province", "province", "city"],
    "metric_key": ["gdp_growth"] * 5,
    "year": [2026] * 5,
    "value": [4.5, 5.0, 4.5, 6.0, 7.0],
    "value_high": [5.0, 5.5, 5.0, None, None],
    "target_point": [4.75, 5.25, 4.75, 6.0, 7.0],
    "unit": ["%"] * 5,
    "parent_value": [None, 4.5, 4.5, None, None],
    "parent_value_high": [None, 5.0, 5.0, None, None],
    "parent_target_point": [None, 4.75, 4.75, None, None],
    "escalated": [None, True, False, None, None],
    "previous_outcome": [None, 5.4, None, None, 6.8],
})


def rows(chart):
    spec = chart.to_dict(validate=True)
    points = next(d for d in spec["datasets"].values() if d and "series" in d[0])
    return {(r["region"], r["series"]): (r["low"], r["high"]) for r in points}


def test_each_province_shows_its_target_status_parent_and_last_result():
    got = rows(charts.escalation_chart(PANEL, level="province", lang="en"))
    assert got == {
        ("甲省", "target asks more than the parent's"): (5.0, 5.5),
        ("甲省", "parent's target"): (4.5, 5.0),
        ("甲省", "outcome of the year before"): (5.4, 5.4),
        ("乙省", "target not escalated"): (4.5, 5.0),
        ("乙省", "parent's target"): (4.5, 5.0),
        ("丙省", "target (no parent target known)"): (6.0, 6.0),
    }


def test_by_default_every_level_but_the_nation_and_the_order_follows_the_target():
    chart = charts.escalation_chart(PANEL, lang="zh", metric_name="地区生产总值增长")
    assert {region for region, _ in rows(chart)} == {"甲省", "乙省", "丙省", "丁市"}
    spec = chart.to_dict()
    assert spec["layer"][1]["encoding"]["y"]["sort"] == ["丁市", "丙省", "甲省", "乙省"]
    assert spec["title"]["text"] == "2026年地区生产总值增长：目标与上级目标"


def test_a_reference_line_is_drawn_and_labelled():
    spec = charts.escalation_chart(PANEL, reference=("全国2025年目标", 5)).to_dict(validate=True)
    assert len(spec["layer"]) == 5
    assert {"label": "全国2025年目标", "x": 5.0} in [r for d in spec["datasets"].values() for r in d]


def test_no_target_for_the_year_gives_the_empty_state_and_a_frame_without_targets_is_refused():
    empty = charts.escalation_chart(PANEL, year=1999).to_dict(validate=True)
    assert "no gdp_growth target for 1999" in str(empty["datasets"])
    with pytest.raises(ValueError, match="lacks target_point"):
        charts.escalation_chart(PANEL.drop("target_point"))


def test_by_default_the_round_most_jurisdictions_report_and_the_nation_s_latest_earlier_target():
    # Two provinces also name a 2030 target (a five-year plan's end): the figure stays on 2026's round.
    later = PANEL.filter(pl.col("level") == "province").head(2).with_columns(
        year=pl.lit(2030, pl.Int64), parent_value=None, parent_value_high=None, parent_target_point=None, escalated=None)
    earlier = PANEL.filter(pl.col("level") == "national").with_columns(year=pl.lit(2025, pl.Int64), target_point=5.0)
    no_parent = PANEL.filter(pl.col("level") != "national").with_columns(
        parent_value=None, parent_value_high=None, parent_target_point=None, escalated=None)
    spec = charts.escalation_chart(pl.concat([no_parent, later, earlier], how="vertical_relaxed"), lang="en"
                                   ).to_dict(validate=True)
    assert spec["title"]["text"].endswith("2026")
    assert {"label": "national target 2025", "x": 5.0} in [r for d in spec["datasets"].values() for r in d]
    # With the parent's target of the year drawn, no orientation line.
    assert len(charts.escalation_chart(PANEL).to_dict()["layer"]) == 3
