"""Target escalation (层层加码) and the target panel, on small frames whose answers are worked out by hand."""
from decimal import Decimal

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykit.escalation import escalation, target_panel

DOCS = pl.DataFrame({
    "doc_id": ["n19", "p19", "c19", "x19", "d19", "n20", "p20"],
    "year": [2019, 2019, 2019, 2019, 2019, 2020, 2020],
    "region": ["全国", "甲省", "乙市", "丙县", "丁区", "全国", "甲省"],
    "level": ["national", "province", "city", "county", "district", "national", "province"],
    "province": [None, "甲省", "甲省", "甲省", "甲省", None, "甲省"],
    "city": [None, None, "乙市", "乙市", "乙市", None, None],
    "county": [None, None, None, "丙县", "丁区", None, None],
    "doc_type": ["work_report"] * 7,
})


def targets(*rows):
    """Targets frame from (doc_id, metric_key, year, value, value_high, comparator, kind[, unit, hardness]) tuples."""
    full = [(*r, "%", None) if len(r) == 7 else r for r in rows]
    return pl.DataFrame(full, schema=["doc_id", "metric_key", "year", "value", "value_high", "comparator", "kind",
                                      "unit", "hardness"], orient="row")


def pairs(frame):
    return {(r["region"], r["metric_key"], r["year"]): r for r in frame.iter_rows(named=True)}


def test_each_level_is_compared_with_its_parent_by_name_and_level():
    tg = targets(("n19", "gdp_growth", 2019, "6", "6.5", "range", "growth_rate"),
                 ("p19", "gdp_growth", 2019, "7", None, "≈", "growth_rate"),
                 ("c19", "gdp_growth", 2019, "7.5", None, "≈", "growth_rate"),
                 ("x19", "gdp_growth", 2019, "7", None, ">=", "growth_rate"),
                 ("d19", "gdp_growth", 2019, "8", None, "≈", "growth_rate"))
    got = pairs(escalation(tg, DOCS))
    assert set(got) == {("甲省", "gdp_growth", 2019), ("乙市", "gdp_growth", 2019), ("丙县", "gdp_growth", 2019),
                        ("丁区", "gdp_growth", 2019)}
    province = got[("甲省", "gdp_growth", 2019)]
    assert (province["parent_region"], province["parent_level"]) == ("全国", "national")
    assert province["difference"] == Decimal("0.75")  # 7 against the midpoint of 6–6.5
    assert province["ratio"] == Decimal("1.12")
    assert province["escalated"] is True and province["direction"] == "up"
    assert got[("乙市", "gdp_growth", 2019)]["parent_region"] == "甲省"
    assert got[("乙市", "gdp_growth", 2019)]["difference"] == Decimal("0.5")
    county = got[("丙县", "gdp_growth", 2019)]
    assert (county["parent_region"], county["difference"], county["escalated"]) == ("乙市", Decimal("-0.5"), False)
    assert got[("丁区", "gdp_growth", 2019)]["parent_region"] == "乙市"


@pytest.mark.parametrize("point, difference", [("mid", "0.75"), ("low", "1"), ("high", "0.5")])
def test_a_range_is_compared_at_the_chosen_point(point, difference):
    tg = targets(("n19", "gdp_growth", 2019, "6", "6.5", "range", "growth_rate"),
                 ("p19", "gdp_growth", 2019, "7", None, "≈", "growth_rate"))
    (row,) = escalation(tg, DOCS, point=point).iter_rows(named=True)
    assert row["difference"] == Decimal(difference)


def test_a_lower_ceiling_is_escalation():
    tg = targets(("n19", "cpi", 2019, "3", None, "≈", "level"),  # 3%左右: a ceiling by the metric table
                 ("p19", "cpi", 2019, "2.5", None, "≈", "level"),
                 ("c19", "cpi", 2019, "3.5", None, "<=", "level"),  # 以内: a ceiling by its comparator
                 ("x19", "cpi", 2019, "3", None, "<=", "level"))
    got = pairs(escalation(tg, DOCS))
    assert got[("甲省", "cpi", 2019)]["direction"] == "down"
    assert got[("甲省", "cpi", 2019)]["escalated"] is True
    assert got[("乙市", "cpi", 2019)]["escalated"] is False
    assert got[("丙县", "cpi", 2019)]["escalated"] is True


def test_a_larger_cut_is_escalation_even_for_a_ceiling_metric():
    tg = targets(("n19", "energy_intensity", 2019, "3", None, "≈", "decrease"),
                 ("p19", "energy_intensity", 2019, "3.2", None, "≈", "decrease"))
    (row,) = escalation(tg, DOCS).iter_rows(named=True)
    assert (row["direction"], row["escalated"]) == ("up", True)


def test_a_metric_of_unknown_direction_is_compared_but_not_judged():
    tg = targets(("n19", "some_level", 2019, "3", None, "≈", "level"),
                 ("p19", "some_level", 2019, "4", None, "≈", "level"))
    (row,) = escalation(tg, DOCS).iter_rows(named=True)
    assert row["difference"] == Decimal(1) and row["direction"] is None and row["escalated"] is None


def test_targets_in_different_units_are_not_compared():
    tg = targets(("n19", "new_urban_jobs", 2019, "1100", None, ">=", "level", "万人", None),
                 ("p19", "new_urban_jobs", 2019, "110", None, ">=", "level", "万", None))
    (row,) = escalation(tg, DOCS).iter_rows(named=True)
    assert row["difference"] is None and row["ratio"] is None and row["escalated"] is None


def test_hardness_is_kept_on_both_sides():
    tg = targets(("n19", "gdp_growth", 2019, "6", None, "≈", "growth_rate", "%", None),
                 ("p19", "gdp_growth", 2019, "6.5", None, "≈", "growth_rate", "%", "力争"))
    (row,) = escalation(tg, DOCS).iter_rows(named=True)
    assert (row["hardness"], row["parent_hardness"]) == ("力争", None)


def test_codes_decide_the_parent_before_names():
    # The province column names the wrong province; the codes are right, and a municipality read as a
    # city (310000) sits under the nation because its code is a province-level code.
    docs = pl.DataFrame({
        "doc_id": ["n", "p", "c", "m"], "year": [2019] * 4, "region": ["全国", "甲省", "乙市", "上海市"],
        "level": ["national", "province", "city", "city"], "province": [None, "甲省", "错省", None],
        "region_code": [None, "370000", "370500", "310000"], "parent_region_code": [None, None, "370000", None],
    })
    tg = pl.DataFrame({"doc_id": ["n", "p", "c", "m"], "metric_key": ["gdp_growth"] * 4, "year": [2019] * 4,
                       "value": ["6", "7", "8", "6"], "value_high": [None] * 4, "unit": ["%"] * 4,
                       "comparator": ["≈"] * 4, "kind": ["growth_rate"] * 4})
    got = pairs(escalation(tg, docs))
    assert (got[("乙市", "gdp_growth", 2019)]["parent_region"], got[("乙市", "gdp_growth", 2019)]["region_code"]) \
        == ("甲省", "370500")
    assert got[("乙市", "gdp_growth", 2019)]["parent_region_code"] == "370000"
    assert got[("上海市", "gdp_growth", 2019)]["parent_region"] == "全国"
    assert got[("上海市", "gdp_growth", 2019)]["escalated"] is False


def test_a_reference_fills_a_parent_target_no_document_states():
    tg = targets(("p20", "gdp_growth", 2020, "6", None, "≈", "growth_rate"),
                 ("n19", "gdp_growth", 2019, "6", None, "≈", "growth_rate"),
                 ("p19", "gdp_growth", 2019, "6.5", None, "≈", "growth_rate"))
    references = pl.DataFrame({"region": ["全国", "全国"], "level": ["national"] * 2, "metric_key": ["gdp_growth"] * 2,
                               "year": [2020, 2019], "value": ["5.5", "9"], "unit": ["%", "%"],
                               "comparator": ["≈", "≈"], "kind": ["growth_rate"] * 2,
                               "source": ["2020年政府工作报告 (cited)", "wrong"]})
    got = pairs(escalation(tg, DOCS, references))
    row = got[("甲省", "gdp_growth", 2020)]
    assert (row["parent_value"], row["parent_source"], row["parent_doc_id"]) == \
        (Decimal("5.5"), "2020年政府工作报告 (cited)", None)
    assert row["escalated"] is True and row["source"] == "document"
    # the 2019 national report states its own target: the document wins over the reference
    assert got[("甲省", "gdp_growth", 2019)]["parent_value"] == Decimal("6")
    assert got[("甲省", "gdp_growth", 2019)]["parent_source"] == "document"


def test_a_reference_without_jurisdiction_columns_is_refused():
    tg = targets(("p19", "gdp_growth", 2019, "6.5", None, "≈", "growth_rate"))
    with pytest.raises(ValueError, match="references frame lacks column"):
        escalation(tg, DOCS, pl.DataFrame({"metric_key": ["gdp_growth"], "year": [2019], "value": ["6"]}))


def test_an_unknown_point_is_refused():
    with pytest.raises(ValueError, match="point="):
        escalation(targets(("p19", "gdp_growth", 2019, "6", None, "≈", "growth_rate")), DOCS, point="median")


def test_the_panel_keeps_targets_without_a_parent_and_adds_outcomes():
    tg = targets(("n19", "gdp_growth", 2019, "6", "6.5", "range", "growth_rate"),
                 ("p19", "gdp_growth", 2019, "7", None, "≈", "growth_rate"),
                 ("p19", "new_urban_jobs", 2019, "60", None, ">=", "level", "万人", "确保"))
    observations = pl.DataFrame({"doc_id": ["p20", "n20"], "metric_key": ["new_urban_jobs", "gdp_growth"],
                                 "value": ["65", "6.1"], "unit": ["万人", "%"], "period": ["2019", "2019"],
                                 "year": [2019, 2019]})
    panel = pairs(target_panel(tg, DOCS, observations))
    assert set(panel) == {("全国", "gdp_growth", 2019), ("甲省", "gdp_growth", 2019), ("甲省", "new_urban_jobs", 2019)}
    nation = panel[("全国", "gdp_growth", 2019)]
    assert (nation["range_width"], nation["target_point"], nation["parent_value"]) == (Decimal("0.5"), Decimal("6.25"),
                                                                                        None)
    assert (nation["outcome"], nation["met"]) == (Decimal("6.1"), True)
    jobs = panel[("甲省", "new_urban_jobs", 2019)]
    assert (jobs["hardness"], jobs["outcome"], jobs["met"], jobs["escalated"]) == ("确保", Decimal(65), True, None)
    assert panel[("甲省", "gdp_growth", 2019)]["escalated"] is True
    assert panel[("甲省", "gdp_growth", 2019)]["outcome"] is None


def test_the_panel_without_observations_has_null_outcomes():
    tg = targets(("p19", "gdp_growth", 2019, "7", None, "≈", "growth_rate"))
    panel = target_panel(tg, DOCS)
    assert panel.height == 1 and panel["outcome"].null_count() == 1 and panel["met"].null_count() == 1
    assert panel.schema["outcome"] == pl.Decimal(38, 6)


decimals = st.decimals(min_value=Decimal("-50"), max_value=Decimal("50"), places=1, allow_nan=False)


@settings(max_examples=40, deadline=None)
@given(child=decimals, parent=decimals, comparator=st.sampled_from(["≈", ">=", "<="]))
def test_escalated_follows_the_sign_of_the_difference_in_the_direction(child, parent, comparator):
    tg = targets(("n19", "gdp_growth", 2019, str(parent), None, comparator, "growth_rate"),
                 ("p19", "gdp_growth", 2019, str(child), None, comparator, "growth_rate"))
    (row,) = escalation(tg, DOCS).iter_rows(named=True)
    assert row["difference"] == child - parent
    more_demanding = child < parent if comparator == "<=" else child > parent
    assert row["escalated"] is more_demanding


def test_the_panel_carries_the_previous_years_outcome():
    docs = DOCS.vstack(pl.DataFrame({"doc_id": ["p21"], "year": [2021], "region": ["甲省"], "level": ["province"],
                                     "province": ["甲省"], "city": [None], "county": [None],
                                     "doc_type": ["work_report"]}, schema=DOCS.schema))
    tg = targets(("p20", "gdp_growth", 2020, "6", None, "≈", "growth_rate"),
                 ("p21", "gdp_growth", 2021, "6.5", None, "≈", "growth_rate"))
    observations = pl.DataFrame({"doc_id": ["p21", "p20"], "metric_key": ["gdp_growth"] * 2, "value": ["2.3", "6.2"],
                                 "unit": ["%", "%"], "period": ["2020", "2019"], "year": [2020, 2019]})
    panel = pairs(target_panel(tg, docs, observations))
    assert panel[("甲省", "gdp_growth", 2021)]["previous_outcome"] == Decimal("2.3")
    assert panel[("甲省", "gdp_growth", 2021)]["outcome"] is None
    assert panel[("甲省", "gdp_growth", 2020)]["previous_outcome"] == Decimal("6.2")
    assert panel[("甲省", "gdp_growth", 2020)]["outcome"] == Decimal("2.3")
    assert set(panel) == {("甲省", "gdp_growth", 2020), ("甲省", "gdp_growth", 2021)}
