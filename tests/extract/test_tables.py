"""Indicator tables (TAB-separated rows): the target column sets, earlier year columns report."""
from __future__ import annotations

from policykit.extract import find_observations, find_targets
from policykit.extract._tables import read_indicator_tables
from policykit.text import DocumentMetadata

TABLE = (
    "“十四五”时期经济社会发展主要指标\n"
    "类别\t指标\t2020年\t2025年\t年均增长〔累计〕\t属性\n"
    "经济发展\t1.地区生产总值增长（%）\t3.8\t—\t6左右\t预期性\n"
    "\t2.常住人口城镇化率（%）\t61.4\t65\t〔3.6〕\t预期性\n"
    "绿色生态\t3.单位地区生产总值能源消耗降低（%）\t—\t—\t〔13.5〕\t约束性\n"
    "\t4.森林覆盖率（%）\t23.1\t≥25\t〔1.9〕\t约束性\n"
    "民生福祉\t5.城镇调查失业率（%）\t5.2\t<5.5\t—\t预期性\n"
    "\t6.每千人口拥有执业（助理）医师数（人/千人）\t2.9\t3.4\t—\t预期性\n"
    "注：〔〕内为五年累计数。\n"
)
PLAN = DocumentMetadata(title="某省“十四五”规划纲要", doc_type="action_plan")


def test_target_column_with_merged_category_cells_and_symbols():
    found = find_targets(TABLE, (), PLAN)
    assert [(t.metric, t.value, t.unit, t.comparator, t.kind, t.year, t.metric_key) for t in found] == [
        ("地区生产总值增长", "6", "%", "≈", "growth_rate", 2025, "gdp_growth"),
        ("常住人口城镇化率", "65", "%", "=", "share", 2025, "urbanisation_rate"),
        ("单位地区生产总值能源消耗降低", "13.5", "%", "=", "decrease", 2025, "energy_intensity"),
        ("森林覆盖率", "25", "%", ">=", "share", 2025, "forest_cover"),
        ("城镇调查失业率", "5.5", "%", "<", "share", 2025, "surveyed_unemployment_rate"),
        ("每千人口拥有执业（助理）医师数", "3.4", "人/千人", "=", "level", 2025, None),
    ]
    assert all(TABLE[t.start:t.end] in ("6左右", "65", "13.5", "25", "5.5", "3.4") for t in found)


def test_base_year_column_reports():
    found = find_observations(TABLE, (), PLAN)
    assert [(o.value, o.period) for o in found] == [
        ("3.8", "2020"), ("61.4", "2020"), ("23.1", "2020"), ("5.2", "2020"), ("2.9", "2020")]


def test_rows_without_header_or_unit_give_nothing():
    assert read_indicator_tables("序号\t项目\t牵头单位\n1\t建设实验室\t市科技局\n") == ()
    assert read_indicator_tables("指标\t2025年\n绿色发展\t显著提升\t约束性\n") == ()


def test_an_aside_in_brackets_is_no_unit():
    rows = "任务内容\t2024年目标\t牵头单位\n推进污水管网建设（市住建局）\t30\t市住建局\n"
    assert read_indicator_tables(rows) == ()


def test_a_table_copied_from_a_pdf_with_spaces_between_cells():
    text = "指标 2020年 2025年 属性\n地区生产总值增长（%） 3.6 6左右 预期性\n森林覆盖率（%） 23.1 25以上 约束性\n注：说明。\n"
    found = find_targets(text, (), PLAN)
    assert [(t.metric, t.value, t.comparator, t.year) for t in found] == [
        ("地区生产总值增长", "6", "≈", 2025), ("森林覆盖率", "25", ">=", 2025)]
    assert [text[t.start:t.end] for t in found] == ["6左右", "25以上"]
