"""data/reference/facts.csv: hand-checked facts that agree with the other hand-read tables, and
policykit.reference, which turns them into frames and checks them against the reports."""
from decimal import Decimal

import polars as pl
import pytest

from conftest import REPO
from test_growth import NATIONAL_TARGETS

from policykit import escalation, growth, reference

FACTS = reference.read_facts()


def test_every_fact_cites_a_report_span_and_quote_and_says_who_checked_it():
    assert FACTS.height == 169
    assert FACTS.filter(pl.any_horizontal(pl.col("source_file", "quote", "checked_by", "value", "metric").is_null())).is_empty()
    assert FACTS.filter(pl.col("end") - pl.col("start") != pl.col("quote").str.len_chars()).is_empty()
    # the figure is in its quote: 5 in 增长5%左右, 1200 in 1200万人以上
    assert all(value in quote for value, quote in FACTS.select("value", "quote").rows())
    assert set(FACTS["comparator"].drop_nulls()) <= {"≈", ">=", ">", "<=", "<", "=", "range"}
    assert FACTS.filter(pl.col("fact") == "outcome", pl.col("comparator").is_not_null()).is_empty()
    assert set(FACTS["region_code"]) >= {"100000", "340000", "330000"}
    assert FACTS.filter((pl.col("fact") == "outcome") & (pl.col("report_year") != pl.col("year") + 1)).is_empty()


def test_national_targets_are_those_read_by_hand_from_each_report():
    national = FACTS.filter(pl.col("fact") == "target", pl.col("level") == "national")
    found = {(m, y): (v, h, c) for m, y, v, h, c in national.select("metric_key", "year", "value", "value_high",
                                                                    "comparator").rows()}
    expected = {(m, y): t for m, years in NATIONAL_TARGETS.items() for y, t in years.items()
                if t is not None and (m, y) in found}
    assert len(found) == 62 and found == expected
    assert {m for m, _ in found} == {"gdp_growth", "cpi", "new_urban_jobs", "surveyed_unemployment_rate",
                                     "registered_unemployment_rate", "deficit_ratio"}


def test_provincial_targets_are_the_gold_table_rows():
    gold = pl.read_csv(REPO / "tests" / "gold-corpus" / "provincial-2026-main-targets.csv", infer_schema=False)
    gold = gold.with_columns(pl.col("metric_key").replace({"surveyed_unemployment": "surveyed_unemployment_rate"}))
    provincial = FACTS.filter(pl.col("fact") == "target", pl.col("level") == "province")
    key = ["metric_key", "value", "value_high", "comparator", "quote"]
    assert sorted(provincial.select(key).rows(), key=str) == sorted(gold.select(key).rows(), key=str)
    assert provincial["region"].n_unique() == 15


def test_the_facts_as_frames_give_the_series_outcomes_and_escalation():
    ref = reference.frames(FACTS)
    versus = growth.target_vs_outcome(ref.targets, ref.observations, ref.documents)
    gdp = {y: (str(o), m) for y, o, m in versus.filter(pl.col("region") == "全国", pl.col("metric_key") == "gdp_growth")
           .select("year", "outcome", "met").rows()}
    assert gdp[2013] == ("7.700000", True) and gdp[2022] == ("3.000000", False) and gdp[2025] == ("None", None)
    assert 2020 not in gdp  # the 2020 report set no GDP target
    # a ceiling: CPI under its 3%左右 target is met
    cpi = versus.filter(pl.col("region") == "全国", pl.col("metric_key") == "cpi", pl.col("year") == 2023).row(0, named=True)
    assert (cpi["direction"], cpi["met"], cpi["percent_of_target"]) == ("ceiling", True, None)
    panel = escalation.target_panel(ref.targets, ref.documents, ref.observations).filter(
        pl.col("metric_key") == "gdp_growth", pl.col("year") == 2026)
    anhui = panel.filter(pl.col("region") == "安徽省").row(0, named=True)
    assert (anhui["target_point"], anhui["previous_outcome"]) == (Decimal("5.25"), Decimal("5.5"))
    assert panel.height == 15 and panel["parent_value"].is_null().all()  # no national 2026 target in the table


def test_references_cite_their_span_for_escalation():
    refs = reference.references(FACTS)
    assert refs.height == FACTS.filter(pl.col("fact") == "target").height
    assert refs["source"].str.contains(r", chars \d+–\d+: ").all()
    docs = pl.DataFrame({"doc_id": ["p"], "year": [2025], "region": ["甲省"], "level": ["province"],
                         "doc_type": ["work_report"]})
    tg = pl.DataFrame({"doc_id": ["p"], "metric_key": ["gdp_growth"], "year": [2025], "value": ["5.5"],
                       "value_high": [None], "unit": ["%"], "comparator": ["≈"], "kind": ["growth_rate"]})
    [row] = escalation.escalation(tg, docs, refs).to_dicts()
    assert row["parent_region"] == "全国" and row["escalated"] and "2025_national" in row["parent_source"]


def test_verify_finds_facts_in_place_moved_missing_or_read_otherwise(tmp_path):
    report = "甲省2026年政府工作报告\n主要预期目标：地区生产总值增长5%左右，城镇新增就业50万人以上。\n"
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "r.txt").write_text(report, encoding="utf-8")
    from policykit.text import read_source

    text = read_source(report.encode(), "r.txt").documents[0].text
    at = text.find("地区生产总值增长5%左右")
    row = {c: None for c in reference.FACT_COLUMNS} | {
        "fact": "target", "region": "甲省", "level": "province", "metric_key": "gdp_growth", "year": 2026,
        "value": "5", "source_file": "p/r.txt", "report_year": 2026, "start": at,
        "end": at + len("地区生产总值增长5%左右"), "quote": "地区生产总值增长5%左右", "checked_by": "test"}
    facts = pl.DataFrame([row, row | {"start": at + 1, "end": at + 1 + len(row["quote"])},
                          row | {"value": "6"}, row | {"source_file": "p/gone.txt"}],
                         schema={c: pl.Int64 if c in ("year", "report_year", "start", "end") else pl.String
                                 for c in reference.FACT_COLUMNS})
    checked = reference.verify(facts, tmp_path)
    assert checked.select("status", "found_start").rows() == [("ok", at), ("moved", at), ("kit_differs", at),
                                                              ("missing", None)]


@pytest.mark.corpus
def test_every_fact_is_in_place_and_read_alike_by_the_kit(corpus):
    checked = reference.verify(FACTS, corpus)
    assert checked.filter(pl.col("status") != "ok").select("source_file", "quote", "status").rows() == []
