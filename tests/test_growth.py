"""policykit.growth: series, revisions, target vs outcome and explicit absences."""
from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from pathlib import Path

import polars as pl
import pytest

from policykit.extract import find_observations, find_targets, find_tasks
from policykit.growth import observation_series, target_revisions, target_series, target_vs_outcome
from policykit.text import read_source

NATIONAL = {"region": ["全国"], "level": ["national"], "doc_type": ["work_report"]}


def documents(*years: int, region: str = "全国") -> pl.DataFrame:
    return pl.DataFrame({"doc_id": [f"r{y}" for y in years], "year": list(years), "region": [region] * len(years),
                         "level": ["national"] * len(years), "doc_type": ["work_report"] * len(years),
                         "issued_on": [f"{y}-03-05" for y in years]})


def target_frame(*rows: tuple) -> pl.DataFrame:
    names = ("doc_id", "metric_key", "year", "value", "value_high", "unit", "comparator", "kind", "start")
    return pl.DataFrame([dict(zip(names, r)) for r in rows], infer_schema_length=None)


def observation_frame(*rows: tuple) -> pl.DataFrame:
    names = ("doc_id", "metric_key", "year", "period", "value", "unit")
    return pl.DataFrame([dict(zip(names, r)) for r in rows], infer_schema_length=None)


TARGETS = target_frame(
    ("r2018", "gdp_growth", 2018, "6.5", None, "%", "≈", "growth_rate", 10),
    ("r2019", "gdp_growth", 2019, "6", "6.5", "%", "range", "growth_rate", 10),
    ("r2019", "gdp_growth", 2019, "6", "6.5", "%", "range", "growth_rate", 900),  # the explanation repeats it
    ("r2021", "gdp_growth", 2021, "6", None, "%", ">=", "growth_rate", 10),
    ("r2019", "cpi", 2019, "3", None, "%", "≈", "growth_rate", 20),
    ("r2019", None, 2019, "20", None, "家", ">=", "level", 30),  # unlinked: no series
)
OBSERVATIONS = observation_frame(
    ("r2019", "gdp_growth", 2018, "2018", "6.6", "%"),
    ("r2020", "gdp_growth", 2019, "2019", "6.1", "%"),
    ("r2022", "gdp_growth", 2021, "2021", "8.1", "%"),
)


def test_met_respects_the_direction_of_the_metric_and_no_percent_of_a_ceiling():
    targets = target_frame(
        ("r2019", "cpi", 2019, "3", None, "%", "≈", "growth_rate", 10),
        ("r2020", "cpi", 2020, "3.5", None, "%", "≈", "growth_rate", 10),
        ("r2019", "surveyed_unemployment_rate", 2019, "5.5", None, "%", "≈", "share", 20),
        ("r2019", "energy_intensity", 2019, "3", None, "%", "≈", "decrease", 30),
        ("r2019", "new_urban_jobs", 2019, "1100", None, "万人", ">=", "level", 40),
        ("r2020", "gdp_growth", 2020, "6", "6.5", "%", "range", "growth_rate", 10),
    )
    observations = observation_frame(
        ("r2020", "cpi", 2019, "2019", "2.9", "%"),
        ("r2021", "cpi", 2020, "2020", "3.6", "%"),
        ("r2020", "surveyed_unemployment_rate", 2019, "2019", "5.2", "%"),
        ("r2020", "energy_intensity", 2019, "2019", "2.6", "%"),
        ("r2020", "new_urban_jobs", 2019, "2019", "1352", "万人"),
        ("r2021", "gdp_growth", 2020, "2020", "6.8", "%"),
    )
    result = target_vs_outcome(targets, observations, documents(2019, 2020, 2021))
    rows = {(k, y): (d, m, None if p is None else str(p.normalize()))
            for k, y, d, m, p in result.select("metric_key", "year", "direction", "met", "percent_of_target").rows()}
    assert rows[("cpi", 2019)] == ("ceiling", True, None)  # 2.9 under 3%左右
    assert rows[("cpi", 2020)] == ("ceiling", False, None)  # 3.6 over 3.5%左右
    assert rows[("surveyed_unemployment_rate", 2019)] == ("ceiling", True, None)
    assert rows[("energy_intensity", 2019)] == ("floor", False, "86.666667")  # 降低3%左右: 2.6 falls short
    assert rows[("new_urban_jobs", 2019)][:2] == ("floor", True)
    assert rows[("gdp_growth", 2020)][:2] == ("floor", True)  # above the high end of a floor range is met


def test_series_has_one_row_per_year_and_marks_absence():
    series = target_series(TARGETS, documents(2018, 2019, 2020, 2021))
    gdp = series.filter(pl.col("metric_key") == "gdp_growth")
    assert gdp.select("year", "status", "value", "value_high", "comparator").rows() == [
        (2018, "set", "6.5", None, "≈"),
        (2019, "set", "6", "6.5", "range"),
        (2020, "absent", None, None, None),
        (2021, "set", "6", None, ">="),
    ]
    assert series.filter(pl.col("metric_key").is_null()).is_empty()
    assert series.filter(pl.col("metric_key") == "cpi")["status"].to_list() == ["absent", "set", "absent", "absent"]


def test_revisions_compare_with_the_previous_target():
    revisions = target_revisions(TARGETS, documents(2018, 2019, 2020, 2021)).filter(pl.col("metric_key") == "gdp_growth")
    assert revisions.select("year", "previous_year", "previous_comparator", "comparator_changed").rows() == [
        (2018, None, None, None), (2019, 2018, "≈", True), (2021, 2019, "range", True)]
    assert revisions["value_change"].to_list() == [None, Decimal("-0.5"), Decimal("0")]


def test_target_vs_outcome_reads_the_comparator_exactly():
    result = target_vs_outcome(TARGETS, OBSERVATIONS, documents(2018, 2019, 2020, 2021, 2022))
    gdp = result.filter(pl.col("metric_key") == "gdp_growth")
    assert gdp.select("year", "outcome", "met").rows() == [(2018, "6.6", True), (2019, "6.1", True), (2021, "8.1", True)]
    assert gdp["gap"].to_list() == [Decimal("0.1"), Decimal("0.1"), Decimal("2.1")]
    assert result.filter(pl.col("metric_key") == "cpi")["outcome"].to_list() == [None]


def test_observation_series_prefers_the_latest_report():
    obs = observation_frame(("r2019", "gdp", 2019, "2019", "990865", "亿元"),
                            ("r2020", "gdp", 2019, "2019", "990000", "亿元"))
    series = observation_series(obs, documents(2019, 2020))
    assert series.select("year", "value", "doc_id", "n_reports").rows() == [(2019, "990000", "r2020", 2)]


def test_jurisdictions_stay_apart():
    docs = pl.concat([documents(2019), documents(2020, region="利津县").with_columns(pl.lit("county").alias("level"))])
    tg = target_frame(("r2019", "gdp_growth", 2019, "6", "6.5", "%", "range", "growth_rate", 1),
                      ("r2020", "gdp_growth", 2020, "6.5", None, "%", "≈", "growth_rate", 1))
    series = target_series(tg, docs)
    assert series.select("region", "year", "status").rows() == [("全国", 2019, "set"), ("利津县", 2020, "set")]


def test_bad_input_gives_a_clear_message():
    with pytest.raises(ValueError, match="targets frame lacks column"):
        target_series(pl.DataFrame({"doc_id": ["a"]}), documents(2019))
    with pytest.raises(TypeError, match="polars DataFrame"):
        target_series([], documents(2019))


# -- the national government work reports ---------------------------------------------------------

# Read from the reports' 主要预期目标 paragraphs: (value, value_high, comparator) or None for absence.
NATIONAL_TARGETS = {
    "gdp_growth": {2013: ("7.5", None, "≈"), 2014: ("7.5", None, "≈"), 2015: ("7", None, "≈"),
                   2016: ("6.5", "7", "range"), 2018: ("6.5", None, "≈"), 2019: ("6", "6.5", "range"),
                   2020: None, 2021: ("6", None, ">="), 2022: ("5.5", None, "≈"), 2023: ("5", None, "≈"),
                   2024: ("5", None, "≈"), 2025: ("5", None, "≈")},
    "cpi": {2013: ("3.5", None, "≈"), 2014: ("3.5", None, "≈"), 2015: ("3", None, "≈"), 2016: ("3", None, "≈"),
            2018: ("3", None, "≈"), 2019: ("3", None, "≈"), 2020: ("3.5", None, "≈"), 2021: ("3", None, "≈"),
            2022: ("3", None, "≈"), 2023: ("3", None, "≈"), 2024: ("3", None, "≈"), 2025: ("2", None, "≈")},
    "surveyed_unemployment_rate": {2018: ("5.5", None, "<="), 2019: ("5.5", None, "≈"), 2020: ("6", None, "≈"),
                                   2021: ("5.5", None, "≈"), 2022: ("5.5", None, "<="), 2023: ("5.5", None, "≈"),
                                   2024: ("5.5", None, "≈"), 2025: ("5.5", None, "≈")},
    "registered_unemployment_rate": {2013: ("4.6", None, "<"), 2014: ("4.6", None, "<="), 2015: ("4.5", None, "<="),
                                     2016: ("4.5", None, "<="), 2018: ("4.5", None, "<="),
                                     2019: ("4.5", None, "<="), 2020: ("5.5", None, "≈"), 2021: None},
    "new_urban_jobs": {2013: ("900", None, ">="), 2014: ("1000", None, ">="), 2015: ("1000", None, ">="),
                       2016: ("1000", None, ">="), 2018: ("1100", None, ">="), 2019: ("1100", None, ">="),
                       2020: ("900", None, ">="), 2021: ("1100", None, ">="), 2022: ("1100", None, ">="),
                       2023: ("1200", None, "≈"), 2024: ("1200", None, ">="), 2025: ("1200", None, ">=")},
    # 赤字率在2%左右 (2013), 赤字率稳定在2.1% (2014), 从去年的2.1%提高到2.3% (2015), 拟按…安排 (2016-2025)
    "deficit_ratio": {2013: ("2", None, "≈"), 2014: ("2.1", None, "="), 2015: ("2.3", None, "="), 2016: ("3", None, "="),
                      2018: ("2.6", None, "="), 2019: ("2.8", None, "="), 2020: ("3.6", None, ">="),
                      2021: ("3.2", None, "≈"), 2022: ("2.8", None, "≈"), 2023: ("3", None, "="), 2024: ("3", None, "="),
                      2025: ("4", None, "≈")},
    # 能源消耗强度要降低3.9%以上 (2014), 能耗强度下降3.1%以上 (2015), 单位国内生产总值能耗… (2016-2025); none set in
    # 2013, 2020 (继续下降), 2022 (统筹考核) and 2023 (继续下降)
    "energy_intensity": {2013: None, 2014: ("3.9", None, ">="), 2015: ("3.1", None, ">="), 2016: ("3.4", None, ">="),
                         2018: ("3", None, ">="), 2019: ("3", None, "≈"), 2020: None, 2021: ("3", None, "≈"),
                         2022: None, 2023: None, 2024: ("2.5", None, "≈"), 2025: ("3", None, "≈")},
    "grain_output": {2021: ("1.3", None, ">="), 2022: ("1.3", None, ">="), 2023: ("1.3", None, ">="),
                     2024: ("1.3", None, ">="), 2025: ("1.4", None, "≈")},
}


def corpus_frames(folder, region: str, level: str) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Targets, observations and documents frames of a folder of yearly work reports."""
    targets, observations, docs = [], [], []
    for path in sorted(folder.glob("*.txt")):
        year = int(re.match(r"\d{4}", path.name).group(0))
        reading = read_source(path.read_bytes(), str(path))
        for document in reading.documents:
            doc_id = f"{path.stem}#{document.part}"
            metadata = dataclasses.replace(document.metadata, year=year, doc_type="work_report")
            tasks = find_tasks(document.text)
            targets += [dataclasses.asdict(t) | {"doc_id": doc_id} for t in find_targets(document.text, tasks, metadata)]
            observations += [dataclasses.asdict(o) | {"doc_id": doc_id}
                             for o in find_observations(document.text, tasks, metadata)]
            docs.append({"doc_id": doc_id, "year": year, "region": region, "level": level,
                         "doc_type": "work_report", "issued_on": document.metadata.issued_on})
    return (pl.DataFrame(targets, infer_schema_length=None), pl.DataFrame(observations, infer_schema_length=None),
            pl.DataFrame(docs, infer_schema_length=None))


SHARED_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.fixture(scope="module")
def national():
    if not SHARED_CORPUS.is_dir():
        pytest.skip(f"{SHARED_CORPUS} is absent: corpus tests need ../shared/corpus beside the repo")
    return corpus_frames(SHARED_CORPUS / "gwr-national", "全国", "national")


@pytest.mark.corpus
@pytest.mark.parametrize("metric", sorted(NATIONAL_TARGETS))
def test_national_targets_year_by_year(national, metric):
    targets, _, docs = national
    series = target_series(targets, docs).filter(pl.col("metric_key") == metric)
    found = {year: (None if status == "absent" else (value, high, comparator))
             for year, status, value, high, comparator
             in series.select("year", "status", "value", "value_high", "comparator").rows()}
    for year, expected in NATIONAL_TARGETS[metric].items():
        assert found.get(year, "missing") == expected, (metric, year)


@pytest.mark.corpus
def test_national_outcomes_from_the_next_report(national):
    targets, observations, docs = national
    result = target_vs_outcome(targets, observations, docs)
    gdp = {year: (outcome, met) for year, outcome, met
           in result.filter(pl.col("metric_key") == "gdp_growth").select("year", "outcome", "met").rows()}
    # Each read from the next year's review: 国内生产总值增长7.7% (2014 report) … 增长5.2% (2024 report).
    assert gdp[2013] == ("7.7", True) and gdp[2018] == ("6.6", True) and gdp[2023] == ("5.2", True)
    assert gdp[2019] == ("6.1", True) and gdp[2021] == ("8.1", True)
    jobs = dict(result.filter(pl.col("metric_key") == "new_urban_jobs").select("year", "outcome").rows())
    assert jobs[2018] == "1361" and jobs[2022] == "1206"


@pytest.mark.corpus
def test_hailar_gdp_growth_targets(corpus):
    targets, _, docs = corpus_frames(corpus / "gwr-hulunbuir-hailar", "海拉尔区", "district")
    series = target_series(targets, docs).filter(pl.col("metric_key") == "gdp_growth")
    found = dict((y, v) for y, v in series.select("year", "value").rows())
    assert found[2013] == "20" and found[2018] == "6" and found[2019] == "3.5"


def test_frames_without_metric_key_are_linked_from_the_metric():
    tg = TARGETS.drop("metric_key").with_columns(
        pl.Series("metric", ["国内生产总值增长", "国内生产总值增长", "国内生产总值增长", "国内生产总值增长",
                             "居民消费价格涨幅", "市级重点实验室"]))
    series = target_series(tg, documents(2018, 2019, 2020, 2021))
    assert series.filter(pl.col("status") == "set")["metric_key"].unique().sort().to_list() == ["cpi", "gdp_growth"]


def test_outcome_in_another_scale_is_compared_in_base_units():
    tg = target_frame(("r2020", "new_urban_jobs", 2020, "2300", None, "人", ">=", "increase", 1)).with_columns(
        pl.lit("2300").alias("base_value"), pl.lit("人").alias("base_unit"))
    obs = observation_frame(("r2021", "new_urban_jobs", 2020, "2020", "0.2262", "万人")).with_columns(
        pl.lit("2262").alias("base_value"), pl.lit("人").alias("base_unit"))
    result = target_vs_outcome(tg, obs, documents(2020, 2021))
    assert result.select("outcome", "outcome_unit", "met").rows() == [("0.2262", "万人", False)]
    assert result["gap"].to_list() == [Decimal("-38")]
