"""Observations: figures that progress reports and work-report reviews say were reached."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykit.extract import find_observations, find_targets, find_tasks, parse
from policykit.extract._measures import read_measures
from policykit.text import DocumentMetadata

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"
PROGRESS_2020 = DocumentMetadata(year=2020, doc_type="progress_report")
REPORT_2020 = DocumentMetadata(year=2020, doc_type="work_report")


def observe(text, metadata=PROGRESS_2020):
    return find_observations(text, (), metadata)


@pytest.mark.parametrize("text, period, as_of", [
    ("1至4月份,全市固定资产投资增长7.1%。", "2020-01/2020-04", None),
    ("1—10月份，到市信访批次同比下降33%。", "2020-01/2020-10", None),
    ("前三季度,农林牧渔业总产值达221.1亿元。", "2020-01/2020-09", None),
    ("一季度，签约项目45个。", "2020-01/2020-03", None),
    ("截至10月底,累计完成投资114.26亿元。", "2020-01/2020-10", "2020-10-31"),
    ("截至4月末,全市本外币各项贷款余额3481.95亿元。", "2020-04", "2020-04-30"),
    ("全市近岸海域水质优良面积比例5月份为74.80%。", "2020-05", None),
    ("7月份，居民消费价格同比上涨0.3%。", "2020-07", None),
    ("截止到9月30日，已完成年度投资计划的85%。", "2020-01/2020-09", "2020-09-30"),
])
def test_periods_are_normalised(text, period, as_of):
    (found,) = observe(text)
    assert (found.period, found.as_of, found.year) == (period, as_of, 2020)


def test_period_carries_to_the_next_sentence():
    found = observe("1至4月份,25项重点任务有序推进。首期储备入库项目已开工43个,开工率72.9%。")
    assert [(o.value, o.unit, o.period) for o in found] == [
        ("25", "项", "2020-01/2020-04"), ("43", "个", "2020-01/2020-04"), ("72.9", "%", "2020-01/2020-04")]


def test_progress_figures_without_a_period_are_left_out():
    assert observe("截至目前,全市在库项目1333个。今年以来,开展专项行动7个。") == ()


def test_growth_and_level_kinds_and_metric_keys():
    found = observe("1至4月份,全市固定资产投资增长7.1%,社会消费品零售总额156亿元,下降8.2%。")
    assert [(o.metric_key, o.value, o.kind) for o in found] == [
        ("fixed_asset_investment_growth", "7.1", "growth_rate"),
        ("retail_sales", "156", "level"),
        (None, "8.2", "decrease"),
    ]


def test_work_report_review_reports_the_previous_year():
    text = ("一、2019年工作回顾\n全年实现地区生产总值221.46亿元,同比增长7.9%;去年新增城镇就业2262人。\n"
            "二、2020年总体要求\n主要预期目标是:地区生产总值增长6.5%左右。")
    found = find_observations(text, (), REPORT_2020)
    assert [(o.metric_key, o.value, o.unit, o.period, o.year) for o in found] == [
        ("gdp", "221.46", "亿元", "2019", 2019),
        ("gdp_growth", "7.9", "%", "2019", 2019),
        ("new_urban_jobs", "2262", "人", "2019", 2019),
    ]
    assert [t.value for t in find_targets(text, (), REPORT_2020)] == ["6.5"]


def test_reported_figures_in_a_plan_are_observations_not_targets():
    text = "今年以来，全县新增市场主体2000户。力争全年新增市场主体5000户以上。"
    metadata = DocumentMetadata(year=2023, doc_type="key_tasks")
    assert [o.value for o in find_observations(text, (), metadata)] == ["2000"]
    assert [t.value for t in find_targets(text, (), metadata)] == ["5000"]


def test_future_words_in_a_progress_report_make_a_target():
    text = "下一步,力争全年固定资产投资增长8%以上。"
    assert observe(text) == ()
    (target,) = find_targets(text, (), PROGRESS_2020)
    assert (target.value, target.comparator, target.metric_key) == ("8", ">=", "fixed_asset_investment_growth")


def test_dongying_april_report():
    text = (RAW / "dongying-2020-apr-progress.txt").read_text(encoding="utf-8")
    found = find_observations(text, find_tasks(text), PROGRESS_2020)
    by_text = {o.text: o for o in found}
    fai = by_text["全市固定资产投资增长7.1%"]
    assert (fai.period, fai.kind, fai.metric_key) == ("2020-01/2020-04", "growth_rate", "fixed_asset_investment_growth")
    assert all(o.period and o.period.startswith("2020") for o in found)
    assert find_targets(text, find_tasks(text), PROGRESS_2020) == ()


def test_dongying_october_part():
    text = (RAW / "dongying-2020-oct-progress_fuzhou-mental-health-plan.txt").read_text(encoding="utf-8")
    found = find_observations(text, (), PROGRESS_2020)
    assert any(o.text.endswith("全市固定资产投资同比增长8.8%") and o.period == "2020-01/2020-09" for o in found)


def test_lijin_review_gives_2019_results():
    text = (RAW / "lijin-2020-gov-work-report.txt").read_text(encoding="utf-8")
    found = find_observations(text, (), REPORT_2020)
    gdp = [o for o in found if o.metric_key == "gdp"]
    assert gdp and (gdp[0].value, gdp[0].unit, gdp[0].period) == ("221.46", "亿元", "2019")
    growth = [o for o in found if o.metric_key == "gdp_growth"]
    assert growth[0].value == "7.9"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["1至4月份,", "截至10月底,", "力争", "新增", "增长", "7.1%", "100余家", "3万千瓦以上",
                                 "。", "\n", "一、2019年工作回顾\n", "主要预期目标是:", "“一企一策”", "的", "和",
                                 "分别", "城乡居民收入", "二〇二三年"]), max_size=25).map("".join),
       st.sampled_from([None, "work_report", "progress_report", "key_tasks"]))
def test_any_text_gives_records_with_spans_inside(text, doc_type):
    metadata = DocumentMetadata(year=2020, doc_type=doc_type)
    for record in (*find_targets(text, (), metadata), *find_observations(text, (), metadata)):
        assert 0 <= record.start <= record.end <= len(text)
        assert text[record.start:record.end] == record.text


def test_period_reaches_across_semicolons_to_the_start_of_the_sentence():
    found = observe("截至9月底，新改建农村公路412公里；改造城镇老旧小区56个；新增托位1850个。")
    assert [(o.value, o.period) for o in found] == [
        ("412", "2020-01/2020-09"), ("56", "2020-01/2020-09"), ("1850", "2020-01/2020-09")]


def test_a_review_s_yearly_average_is_no_one_year_s_outcome():
    md = DocumentMetadata(year=2023, doc_type="work_report")
    text = "一、过去五年工作回顾\n城镇新增就业年均1270多万人，居民消费价格年均上涨2.1%。全年PM2.5年均浓度为30微克/立方米。"
    found = {o.value: (o.year, o.period) for o in find_observations(text, (), md)}
    assert found["1270"] == (None, None) and found["2.1"] == (None, None)
    assert found["30"] == (2022, "2022")


def test_a_per_step_rule_is_no_figure():
    md = DocumentMetadata(year=2016, doc_type="work_report")
    text = "一、2015年工作回顾\n现在国内生产总值每增长1个百分点，可带动更多就业。国内生产总值增长6.9%。"
    assert [o.value for o in find_observations(text, (), md)] == ["6.9"]


def test_a_past_word_before_a_semicolon_dates_the_figures_of_the_whole_sentence():
    # The figure's own statement (after ；) holds no past or future word: the whole sentence, up to its full stop, is
    # read; a statement a full stop opens is the whole sentence already.
    meta = DocumentMetadata(year=2023, doc_type="notice")
    text = "上半年，全市新签约项目10个；新开工项目18个。全市新开工项目20个。"
    assert [(m.role, str(m.quantity.value)) for m in read_measures(parse(text, meta), ())] == [
        ("observation", "10"), ("observation", "18"), ("target", "20")]
