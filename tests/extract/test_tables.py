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


# Class 4: annex task tables restating the body's items; indicator tables.

from policykit.extract import extract_document, find_tasks  # noqa: E402

ANNEXED = ("一、重点任务\n1.建设数据中心。推进机房建设。\n2.培育软件企业。内容。\n二、保障措施\n加强领导。\n附件：任务分工表\n"
           "序号\t工作事项\t牵头单位\t配合单位\n"
           "1\t建设数据中心\t市大数据局\t市财政局\n"
           "2\t培育软件企业\t市工业和信息化局\t市科技局\n"
           "2\t培育软件企业\t市商务局\t各区政府\n"
           "主要指标\n指标\t2023年\t2025年\n1\t数据中心机架数（个）\t800\t2000\n")


def test_a_table_row_restating_a_body_item_is_that_item():
    tasks = find_tasks(ANNEXED)
    assert [(t.path, t.number, t.title) for t in tasks] == [(("一",), "1", "建设数据中心"), (("一",), "2", "培育软件企业")]
    first_row, = tasks[0].rows
    assert ANNEXED[first_row[0]:first_row[1]] == "1\t建设数据中心\t市大数据局\t市财政局"


def test_sub_rows_of_a_spanning_cell_belong_to_their_row():
    (second,) = find_tasks(ANNEXED)[1].rows
    assert ANNEXED[second[0]:second[1]].splitlines() == ["2\t培育软件企业\t市工业和信息化局\t市科技局",
                                                         "2\t培育软件企业\t市商务局\t各区政府"]


def test_units_in_the_row_cells_are_the_body_tasks_units():
    ex = extract_document(ANNEXED)
    keys = [t.key for t in ex.tasks]
    found = [(keys.index(a.task_key), a.clause, a.mention, a.role) for a in ex.assignments if a.task_key]
    assert found == [(0, 0, "市大数据局", "lead"), (0, 0, "市财政局", "participant"),
                     (1, 0, "市工业和信息化局", "lead"), (1, 0, "市科技局", "participant"),
                     (1, 1, "市商务局", "lead"), (1, 1, "各区政府", "participant")]


def test_indicator_table_rows_give_targets_not_tasks():
    ex = extract_document(ANNEXED)
    assert len(ex.tasks) == 2
    assert [(t.metric, t.value, t.task_key) for t in ex.targets if t.value == "2000"] == [("数据中心机架数", "2000", None)]


def test_rows_restating_nothing_stay_tasks_that_end_with_their_row():
    text = "序号\t工作事项\t牵头单位\n1\t建设数据中心\t市大数据局\n2\t培育软件企业\t市工业和信息化局\n注：按季度报送进展。"
    tasks = find_tasks(text)
    assert [(t.number, t.title, t.rows) for t in tasks] == [("1", "建设数据中心", ()), ("2", "培育软件企业", ())]
    assert text[tasks[1].start:tasks[1].end] == "2\t培育软件企业\t市工业和信息化局"


def test_an_annex_table_right_after_the_last_item_is_not_inside_it():
    text = ("一、重点任务\n1.建设数据中心。内容。\n2.培育软件企业。内容。\n附件：任务分工表\n序号\t工作事项\t牵头单位\n"
            "1\t建设数据中心\t市大数据局\n2\t培育软件企业\t市工业和信息化局")
    tasks = find_tasks(text)
    assert [(t.path, t.number, len(t.rows)) for t in tasks] == [(("一",), "1", 1), (("一",), "2", 1)]


def test_indicator_rows_copied_from_a_pdf_with_spaces_are_no_tasks():
    text = ("一、指标体系\n指标  2020年  2025年  属性\n经济发展  1.地区生产总值增长（%）  3.8  6左右  预期性\n"
            "  2.常住人口城镇化率（%）  61.4  65  预期性\n二、重点任务\n1.扩大有效投资。内容。\n2.培育新兴产业。内容。")
    assert [(t.path, t.number) for t in find_tasks(text)] == [(("二",), "1"), (("二",), "2")]


# Prose whose amounts are set off by spaces (奖励 10 万元) is no table copied from a PDF: a cell 2000 before
# 万元 is an amount, not a year column, and a sentence is no row.
SPACED_PROSE = (
    "第五条 【支持动画创作】对动画内容作品首次获得国家级奖项的，每部奖励 80 万元。对播出收入达到 2000 万元以上的，"
    "再给予 30 万元奖励。（责任单位：区文化局）\n"
    "鼓励系列动画创作，每集奖励 3 万元，每部最高奖励 60 万元；在省级频道播出的，每集奖励 1 万元，每部最高奖励 20 万元。\n"
    "第六条 【支持版权登记】对完成作品登记的企业，每件给予 500 元补贴。（责任单位：区版权局）\n"
)


def test_spaced_amounts_in_prose_are_no_indicator_table():
    from policykit.extract._tables import indicator_row_spans

    assert indicator_row_spans(SPACED_PROSE) == ()
    assert read_indicator_tables(SPACED_PROSE) == ()


def test_a_bare_number_before_a_unit_is_no_year_column_of_a_spaced_table():
    from policykit.extract._tables import indicator_row_spans

    # Short cells, no sentence: a header needs a year, and 2000 before 万元 is an amount.
    text = "项目名称 金额 2000 万元\n甲项目 奖励 30 万元\n乙项目 奖励 20 万元\n"
    assert indicator_row_spans(text) == ()

