"""Targets: what a plan sets out to reach, with value, unit, comparator, kind, hardness and year."""
from __future__ import annotations

from pathlib import Path

import pytest

from policykit.extract import find_observations, find_targets, find_tasks
from policykit.extract._metrics import metric_key
from policykit.text import DocumentMetadata

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"
PLAN_2023 = DocumentMetadata(year=2023, doc_type="key_tasks")


def targets(text, metadata=PLAN_2023, tasks=()):
    return find_targets(text, tasks, metadata)


def row(t):
    return (t.value, t.value_high, t.unit, t.comparator, t.kind, t.hardness, t.year)


def test_one_clause_two_targets_share_hardness():
    found = targets("力争为100余家企业提供转(续)贷1亿元以上。")
    assert [row(t) for t in found] == [
        ("100", None, "家", ">=", "level", "力争", 2023),
        ("1", None, "亿元", ">=", "level", "力争", 2023),
    ]
    assert found[1].base_value == "100000000" and found[1].base_unit == "元"


@pytest.mark.parametrize("text, expected", [
    ("全县新型储能规模达到3万千瓦以上。", ("3", None, "万千瓦", ">=", "level", None, 2023)),
    ("年度用水总量控制在1.9亿立方米以内。", ("1.9", None, "亿立方米", "<=", "level", None, 2023)),
    ("城市再生水利用率达到50%。", ("50", None, "%", "=", "share", None, 2023)),
    ("营业收入同比增长20%以上。", ("20", None, "%", ">=", "growth_rate", None, 2023)),
    ("新增护理型养老床位400张。", ("400", None, "张", "=", "increase", None, 2023)),
    ("创作1或2部文艺作品。", ("1", "2", "部", "range", "level", None, 2023)),
    ("确保90%以上的乡镇卫生院达到国家基本标准。", ("90", None, "%", ">=", "share", "确保", 2023)),
    ("单位生产总值能耗下降3%。", ("3", None, "%", "=", "decrease", None, 2023)),
    ("到2025年，建成示范村30个。", ("30", None, "个", "=", "level", None, 2025)),
    ("劳动年龄人口平均受教育年限提高到11.2年。", ("11.2", None, "年", "=", "level", None, 2023)),
    ("人均预期寿命达到79岁。", ("79", None, "岁", "=", "level", None, 2023)),
    ("高新技术产业增加值占比提高2个百分点。", ("2", None, "个百分点", "=", "increase", None, 2023)),
    ("常住人口城镇化率提高到65%。", ("65", None, "%", "=", "share", None, 2023)),
    ("PM2.5平均浓度低于32微克/立方米。", ("32", None, "微克/立方米", "<", "level", None, 2023)),
    ("新增三级医院一家。", ("1", None, "家", "=", "increase", None, 2023)),
    ("力争2024年培育三至五家标杆企业。", ("3", "5", "家", "range", "level", "力争", 2024)),
    ("单位地区生产总值能耗比2020年下降14%。", ("14", None, "%", "=", "decrease", None, 2023)),
    ("城镇调查失业率下降至5%。", ("5", None, "%", "=", "share", None, 2023)),
    ("PM2.5浓度下降到35微克/立方米。", ("35", None, "微克/立方米", "=", "level", None, 2023)),
    ("企业开办时间压缩至1个工作日以内。", ("1", None, "个工作日", "<=", "level", None, 2023)),
])
def test_target_fields(text, expected):
    (found,) = targets(text)
    assert row(found) == expected


@pytest.mark.parametrize("text", [
    "对认定的企业最高奖励1000万元。",
    "按设备投资额给予30%补助。",
    "对营业收入首次突破10亿元的企业给予支持。",
    "实施投资500万元以上技术改造项目。",
    "7月底前完成2023年度评估。",
    "根据成政办字〔2023〕9号文件。",
    "开展“一企一平台”创建，落实“十有两禁”，严控“两高”项目。",
    "力争“建成实验室20家”。",  # quoted: a slogan, though its words would set a target
    "第四届博览会在全县13个供电所开展。",
    "指导其他7个镇街打造示范片区。",
    "支持实施《三年行动计划（2023—2025年）》。",
    "培育一批骨干企业，争取我县两个100MW风电项目尽快实施。",
    "持续推进新万福河复航二期，加快零部件进口。",
    "按设备投资额的10%给予补助，单个企业最高补助不超过300万元。",
    "对年研发投入超过500万元且增幅达到20%的企业，给予支持。",
    "对新认定的示范工厂，给予最高50万元奖励。",
    "孕产妇死亡率控制在10/10万以下。",
    "较好完成了县十八届人大二次会议确定的目标任务。",
    "2023年底前完成全部12家钢铁企业超低排放改造。",
    "全市312个省市重点项目累计完成投资865亿元。",
    "3岁以下婴幼儿照护服务纳入民生实事。",
    "地区生产总值增速达到6%的得满分，每低0.1个百分点扣0.5分。",
    "项目开工率低于80%的，扣2分。",
    "其中经济发展指标占40%。",
    "对排名前3位的县区，分别奖励100万元、80万元、50万元。",
    "按每人1000元给予一次性吸纳就业补贴。",
    "扎实办好十件民生实事。",
    "企业诉求通过12345热线受理，24小时内响应。",
    "贷款额度最高不超过300万元，期限不超过3年。",
])
def test_numbers_that_are_not_targets(text):
    assert targets(text) == ()


def test_year_from_the_title_when_metadata_has_none():
    text = "成武县2023年重点工作任务\n1.推动3家企业开展智能化改造。"
    (found,) = find_targets(text, (), DocumentMetadata())
    assert found.year == 2023


def test_keys_are_stable_and_tied_to_the_task():
    text = "一、创新\n1.完善实验室体系。力争达到20家以上。\n2.培育平台。达到20家以上。"
    tasks = find_tasks(text)
    first = find_targets(text, tasks, PLAN_2023)
    again = find_targets(text, tasks, PLAN_2023)
    assert [t.key for t in first] == [t.key for t in again]
    assert len({t.key for t in first}) == 2
    assert [t.task_key for t in first] == [task.key for task in tasks]
    assert all(text[t.start:t.end] == t.text for t in first)


def test_work_report_review_gives_no_targets_and_plan_part_does():
    text = ("一、2019年工作回顾\n全年地区生产总值增长7.9%。\n二、2020年总体要求\n"
            "经济社会发展主要预期目标是:地区生产总值增长6.5%左右;城镇登记失业率控制在3.5%以内。")
    found = find_targets(text, (), DocumentMetadata(year=2020, doc_type="work_report"))
    assert [(t.metric_key, t.value, t.comparator, t.kind, t.year) for t in found] == [
        ("gdp_growth", "6.5", "≈", "growth_rate", 2020),
        ("registered_unemployment_rate", "3.5", "<=", "share", 2020),
    ]
    assert all(t.task_key is None for t in found)


def test_five_year_aims_are_for_the_last_year_of_the_plan_they_name_not_the_report_year():
    text = "二、“十三五”时期主要目标任务\n实现城镇新增就业5000万人以上。"
    (found,) = find_targets(text, (), DocumentMetadata(year=2016, doc_type="work_report"))
    assert (found.year, found.year_source) == (2020, "plan_period")


@pytest.mark.parametrize("metric, kind, key", [
    ("国内生产总值增长", None, "gdp_growth"),
    ("地区生产总值", None, "gdp"),
    ("GDP增长", None, "gdp_growth"),
    ("经济增长预期目标", None, "gdp_growth"),
    ("居民消费价格涨幅", None, "cpi"),
    ("城镇调查失业率", None, "surveyed_unemployment_rate"),
    ("城镇登记失业率", None, "registered_unemployment_rate"),
    ("城镇新增就业", None, "new_urban_jobs"),
    ("一般公共财政预算收入增长", None, "fiscal_revenue_growth"),
    ("地方财政收入", None, "fiscal_revenue"),
    ("社会消费品零售总额增长", None, "retail_sales_growth"),
    ("农村居民人均可支配收入", "growth_rate", "rural_disposable_income_growth"),
    ("单位国内生产总值能耗", None, "energy_intensity"),
    ("粮食产量", None, "grain_output"),
    ("赤字率", None, "deficit_ratio"),
    ("能源消耗强度", None, "energy_intensity"),
    ("单位地区生产总值二氧化碳排放", None, "co2_intensity"),
    ("人均地区生产总值增长", None, "gdp_per_capita_growth"),
    ("全社会研发经费投入强度", None, "rd_intensity"),
    ("研究与试验发展经费占地区生产总值比重", None, "rd_intensity"),
    ("研发经费投入增长", None, "rd_spending_growth"),
    ("PM2.5平均浓度", None, "pm25_concentration"),
    ("细颗粒物年平均浓度", None, "pm25_concentration"),
    ("空气质量优良天数比例", None, "good_air_days_ratio"),
    ("森林覆盖率", None, "forest_cover"),
    ("常住人口城镇化率", None, "urbanisation_rate"),
    ("全员劳动生产率", None, "labour_productivity"),
    ("出口增长", None, "exports_growth"),
    ("进出口总额", None, "foreign_trade"),
    ("出口企业", None, None),
    ("主要进口产品落地加工量", None, None),
    ("市级重点实验室", None, None),
    ("", None, None),
])
def test_metric_keys(metric, kind, key):
    assert metric_key(metric, kind) == key


def test_every_metric_has_an_english_name_a_direction_and_units():
    from policykit import lexicon
    from policykit.extract import metric_direction

    rows = lexicon.table("metrics").rows
    assert len(rows) >= 25
    assert all(row["name_en"] and row["units"] and row["is_rate"] in ("yes", "no") for row in rows)
    assert {row["direction"] for row in rows} <= {"higher", "lower", ""}
    assert (metric_direction("cpi"), metric_direction("gdp_growth"), metric_direction("unknown")) == ("lower", "higher", None)


@pytest.mark.parametrize(("text", "expected"), [
    ("今年主要预期目标是：城镇、农村居民人均可支配收入分别增长4.5%、5.5%左右。",
     [("urban_disposable_income_growth", "4.5", "≈"), ("rural_disposable_income_growth", "5.5", "≈")]),
    ("今年主要预期目标是：进口和出口分别增长3%和6%。", [("imports_growth", "3", "="), ("exports_growth", "6", "=")]),
    ("今年主要预期目标是：森林覆盖率、城镇化率、优良天数比例分别达到31%、66%、88%以上。",
     [("forest_cover", "31", ">="), ("urbanisation_rate", "66", ">="), ("good_air_days_ratio", "88", ">=")]),
])
def test_respectively_splits_one_target_per_metric(text, expected):
    found = find_targets("二、今年工作安排\n" + text, (), DocumentMetadata(year=2026, doc_type="work_report"))
    assert [(t.metric_key, t.value, t.comparator) for t in found] == expected


def test_chengwu_targets_read_by_hand():
    """Spot checks against the text of the Chengwu 2023 task list."""
    text = (RAW / "chengwu-2023-key-tasks.txt").read_text(encoding="utf-8")
    found = find_targets(text, find_tasks(text), PLAN_2023)
    by_quote = {t.text: t for t in found}
    assert 60 <= len(found) <= 72
    assert all(t.year == 2023 for t in found)
    expected = {
        "力争2023市级重点实验室达到20家以上": ("20", "家", ">=", "力争"),
        "积极培育1家左右": ("1", "家", "≈", None),
        "粮食产量稳定在11.5亿斤以上": ("11.5", "亿斤", ">=", None),
        "全能繁母猪保持在1.57万头以上": ("1.57", "万头", ">=", None),
        "至少入选一人": ("1", "人", ">=", None),
        "级()以上绿色低碳产业集群2左右": ("2", None, "≈", None),
    }
    for quote, (value, unit, comparator, hardness) in expected.items():
        t = by_quote[quote]
        assert (t.value, t.unit, t.comparator, t.hardness) == (value, unit, comparator, hardness)
    assert by_quote["推动3家"].metric == "推动企业开展智能化改造"
    values = {(t.value, t.unit) for t in found}
    assert ("500", "万元") not in values and ("10", "亿元") not in values  # thresholds
    assert ("13", "个") not in values and ("168", "个") not in values  # scope counts


def test_respectively_gives_each_figure_its_subject_and_the_shared_bound():
    text = "主要预期目标是：城乡常住居民人均可支配收入分别增长7%和8%左右。"
    found = find_targets(text, (), DocumentMetadata(year=2019, doc_type="work_report"))
    assert [(t.metric_key, t.value, t.comparator) for t in found] == [
        ("urban_disposable_income_growth", "7", "≈"), ("rural_disposable_income_growth", "8", "≈")]


def test_comparison_base_is_not_the_target_year():
    text = "主要预期目标是:一般公共预算收入与上年持平,城镇新增就业4.1万人,万元地区生产总值能耗下降3.5%。"
    found = find_targets(text, (), DocumentMetadata(year=2017, doc_type="work_report"))
    assert [(t.metric_key, t.value, t.unit, t.kind, t.year) for t in found] == [
        ("new_urban_jobs", "4.1", "万人", "increase", 2017), ("energy_intensity", "3.5", "%", "decrease", 2017)]


def test_one_as_an_article_is_no_target_but_one_built_is():
    assert targets("确保不漏一户,使其成为一个示范。") == ()
    assert [t.value for t in targets("建成一个区域创新中心。")] == ["1"]


def test_a_summary_of_unknown_type_reports_rather_than_plans():
    text = "全年共开展了60场宣传活动。累计出动执法人员20400余人次。先后组织开展4次检查。"
    metadata = DocumentMetadata(year=2009, doc_type="other")
    assert find_targets(text, (), metadata) == ()


@pytest.mark.parametrize("text", ["主要预期目标是：城镇常住居民人均可支配收入、农村常住居民人均可支配收入均增长8%。",
                                  "主要预期目标是：城乡居民人均可支配收入分别增长8%。"])
def test_one_figure_for_two_subjects_is_read_for_each(text):
    found = find_targets(text, (), DocumentMetadata(year=2016, doc_type="work_report"))
    assert [(t.metric_key, t.value) for t in found] == [
        ("urban_disposable_income_growth", "8"), ("rural_disposable_income_growth", "8")]
    assert len({t.key for t in found}) == 2


@pytest.mark.parametrize("title, year", [
    ("临江市推进制造业数字化转型行动方案（2023—2024年）", 2024),
    ("中州市“十四五”生态环境保护规划", 2025),
    ("东川省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要", 2025),
])
def test_a_plan_targets_its_last_year_unless_a_year_is_stated(title, year):
    text = f"{title}\n森林覆盖率达到35%。2023年，新建5G基站3000个。"
    found = find_targets(text, (), DocumentMetadata(year=2023, doc_type="action_plan"))
    assert [(t.value, t.year) for t in found] == [("35", year), ("3000", 2023)]


def test_five_year_words_date_targets_by_the_plan_they_name():
    plan = DocumentMetadata(title="某市三年行动方案（2024—2026年）", doc_type="action_plan", year=2024)
    (found,) = find_targets("到“十四五”末，数字经济核心产业增加值占比达到12%。", (), plan)
    assert found.year == 2025
    report = DocumentMetadata(year=2023, doc_type="work_report")
    text = "今后五年的主要目标是：地区生产总值年均增长6%以上，到2027年突破4000亿元。"
    assert [(t.year, t.year_source) for t in find_targets(text, (), report)] == [(2027, "plan_period"), (2027, "stated")]


def test_a_plan_reviewing_years_before_it_reports_them():
    text = ("中州市“十四五”生态环境保护规划\n“十三五”期间，全市生态环境质量明显改善。2020年，全市PM2.5平均浓度"
            "降至42微克/立方米，较2015年下降35.4%；空气质量优良天数比例达到78.1%。\n"
            "到2025年，空气质量优良天数比例达到82%。")
    metadata = DocumentMetadata(doc_type="action_plan")
    assert [(t.value, t.year) for t in find_targets(text, (), metadata)] == [("82", 2025)]
    assert [(o.value, o.year) for o in find_observations(text, (), metadata)] == [
        ("42", 2020), ("35.4", 2020), ("78.1", 2020)]


def test_a_hardness_word_carries_to_the_next_figures_of_its_sentence():
    text = "确保全年地区生产总值增长6%左右，力争规模以上工业增加值增长7%以上，固定资产投资增长8%以上。"
    assert [t.hardness for t in targets(text)] == ["确保", "力争", "力争"]
    text = "努力打造“吨粮县”，全县粮食面积稳定在126万亩以上。"
    assert [t.hardness for t in targets(text)] == [None]


def test_a_yearly_average_is_one_figure_not_one_per_subject():
    (found,) = targets("城乡居民收入年均增长7%。")
    assert found.metric == "城乡居民收入年均增长"


@pytest.mark.parametrize("text, values", [
    ("全员劳动生产率从人均8.7万元提高到12万元以上。", ["12"]),
    ("将科技型中小企业加计扣除比例从75%提高到100%。", ["100"]),
    ("其中奖补资金增幅超过10%。", ["10"]),
])
def test_a_starting_level_is_no_target_and_a_fund_grows(text, values):
    assert [t.value for t in targets(text)] == values


def test_respectively_reads_subjects_the_metric_lost():
    text = "挥发性有机物和氮氧化物排放总量比2020年分别下降10%以上。城乡低保人均补助标准分别提高5%和8%。"
    found = targets(text)
    assert [(t.metric, t.value) for t in found] == [
        ("挥发性有机物下降", "10"), ("氮氧化物排放总量下降", "10"),
        ("城镇低保人均补助标准提高", "5"), ("农村低保人均补助标准提高", "8")]


def test_a_count_of_the_items_just_named_is_no_target():
    assert targets("加快北宋镇、盐窝镇、汀罗镇、明集乡4个乡镇建设。") == ()
    assert [t.value for t in targets("新建、改扩建农村学校餐厅、宿舍4处。")] == ["4"]
    assert [t.value for t in targets("开通国内、国际航线53条。")] == ["53"]


@pytest.mark.parametrize("text", [
    "改造升级24小时心理支持热线。",
    "建设城市社区10分钟健身圈。",
    "严格落实国务院安委会15条措施。",
    "鼓励学生每天至少与家人交流15分钟。",
    "支持企业每年选派2名以上技术骨干参加培训。",
])
def test_names_rules_and_urged_parties_are_no_targets(text):
    assert targets(text) == ()


def test_a_count_of_supported_firms_is_a_target():
    assert [t.value for t in targets("支持3家企业上市。")] == ["3"]


def test_work_report_plan_part_found_by_a_plain_heading_or_a_goal_colon():
    text = ("一、2023年工作回顾\n2023年，全区地区生产总值增长6.2%，新增城镇就业1.1万人。\n二、2024年工作\n"
            "今年全区经济社会发展的主要目标：地区生产总值增长6%左右，城镇新增就业1万人以上。")
    metadata = DocumentMetadata(doc_type="work_report", year=2024)
    assert [(t.value, t.year) for t in find_targets(text, (), metadata)] == [("6", 2024), ("1", 2024)]
    assert [(o.value, o.period) for o in find_observations(text, (), metadata)] == [("6.2", "2023"), ("1.1", "2023")]


def test_a_year_label_at_the_head_of_a_paragraph_dates_its_targets():
    text = ("某市数字经济发展三年行动计划（2023—2025年）\n（一）2023年目标。全市数字经济核心产业增加值达到500亿元。\n"
            "2024年：标杆企业累计达到20家。\n全市5G基站达到1万个。")
    found = find_targets(text, (), DocumentMetadata(doc_type="action_plan", year=2023))
    assert [(t.value, t.kind, t.year) for t in found] == [("500", "level", 2023), ("20", "level", 2024), ("1", "level", 2025)]


def test_an_opening_year_holds_for_its_paragraph_and_across_semicolons():
    text = ("到2025年，全市新能源汽车保有量达到10万辆。建成充电桩2万个。\n"
            "至2023年年底,每校至少配备2名;学生数不足1000的学校至少配备1名兼职心理教师。")
    found = find_targets(text, (), DocumentMetadata(doc_type="policy_measures", year=2021))
    assert [(t.value, t.year) for t in found] == [("10", 2025), ("2", 2025), ("2", 2023), ("1", 2023)]


def test_a_total_investment_closing_a_clause_is_an_aim_and_a_net_gain_an_increase():
    found = targets("实施城市更新项目不少于30个、总投资超过200亿元。规上工业企业净增50家以上。")
    assert [(t.value, t.unit, t.comparator, t.kind) for t in found] == [
        ("30", "个", ">=", "level"), ("200", "亿元", ">", "level"), ("50", "家", ">=", "increase")]
    assert targets("实施总投资10亿元的技术改造项目。") == ()


def test_a_year_in_chinese_numerals_dates_a_target():
    found = find_targets("到二〇二五年，全省森林覆盖率达到25%以上。", (), DocumentMetadata(doc_type="policy_measures", year=2021))
    assert [(t.value, t.year) for t in found] == [("25", 2025)]


# -- the year of a target and where it came from -------------------------------------------------------

WORK_REPORT = DocumentMetadata(year=2026, doc_type="work_report")


def _years(text: str, metadata: DocumentMetadata = WORK_REPORT) -> list[tuple[str, int | None, str]]:
    return [(t.value, t.year, t.year_source) for t in find_targets(text, (), metadata)]


@pytest.mark.parametrize(("text", "expected"), [
    ("二、今年工作安排\n城镇新增就业50万人以上。", [("50", 2026, "report_year")]),
    ("二、今年工作安排\n今年城镇新增就业50万人以上。", [("50", 2026, "relative")]),
    ("二、今年工作安排\n到2028年，新建学校12所。", [("12", 2028, "stated")]),
    ("二、今年工作安排\n明年建成公园3个。", [("3", 2027, "relative")]),
    ("二、今年工作安排\n从2024年起用三年时间，改造老旧小区300个。", [("300", 2026, "relative")]),
    ("二、今年工作安排\n力争到“十五五”末，研发投入强度达到3%。", [("3", 2030, "stated")]),
])
def test_year_and_its_source(text, expected):
    assert _years(text) == expected


def test_a_later_horizon_never_dates_the_report_s_targets():
    text = "二、今年工作安排\n面向2035年，建设高水平实验室10家。"
    assert _years(text) == [("10", 2026, "report_year")]
    assert _years("二、今年工作安排\n按照2035年远景目标，新增绿地80公顷。")[0][1] == 2026


def test_a_plan_s_targets_take_its_last_year_from_the_period():
    md = DocumentMetadata(title="某市产业升级行动计划（2024—2026年）", doc_type="action_plan")
    assert _years("培育专精特新企业30家。", md) == [("30", 2026, "plan_period")]


def test_a_year_in_the_baseline_is_not_the_target_s_year():
    text = "二、今年工作安排\n赤字率从去年的2.1%提高到2.3%。"
    targets = find_targets(text, (), DocumentMetadata(year=2015, doc_type="work_report"))
    assert [(t.metric, t.metric_key, t.value, t.year) for t in targets] == [("赤字率", "deficit_ratio", "2.3", 2015)]


def test_a_ratio_at_a_level_is_a_target_but_a_share_of_places_is_not():
    text = "二、今年工作安排\n赤字率在3%左右。在60%左右的县开展试点。"
    assert [(t.metric_key, t.value) for t in find_targets(text, (), WORK_REPORT)] == [("deficit_ratio", "3")]


def test_the_headline_paragraph_is_found_after_a_review_heading_naming_work():
    text = ("一、2025年主要工作和“十四五”发展成就\n城镇新增就业88万人。\n"
            "二、2026年工作安排\n今年主要预期目标为：地区生产总值增长5%左右，城镇新增就业60万人以上。")
    assert [(t.value, t.year) for t in find_targets(text, (), WORK_REPORT)] == [("5", 2026), ("60", 2026)]


def test_a_section_on_the_new_five_year_outline_dates_its_targets_to_the_outline_s_end():
    text = ("二、“十五五”时期目标任务和2026年工作安排\n"
            "《纲要（草案）》明确了主要指标，其中地区生产总值年均增长5%左右。\n"
            "今年主要预期目标是：地区生产总值增长4.5%左右。")
    assert [(t.value, t.year) for t in find_targets(text, (), WORK_REPORT) if t.metric_key == "gdp_growth"] == [
        ("5", 2030), ("4.5", 2026)]


@pytest.mark.parametrize("text", [
    "纲要从4方面提出了26个主要指标，其中18个预期性指标、8个约束性指标。",
    "举办青年企业家30人论坛。",
    "补贴金额=投资额×20%。",
])
def test_the_document_s_own_outline_names_and_formulas_are_no_targets(text):
    assert find_targets("二、今年工作安排\n" + text, (), DocumentMetadata(year=2026, doc_type="work_report")) == ()


def test_targets_of_a_five_year_section_in_a_work_report_are_for_its_last_year():
    meta = DocumentMetadata(doc_type="work_report", year=2026)
    text = ("一、2025年工作回顾\n地区生产总值增长5.4%。\n"
            "二、“十五五”时期主要目标任务\n主要目标包括：地区生产总值年均增长5%以上，常住人口城镇化率达到69%。\n"
            "今后五年，城镇新增就业累计50万人以上。\n"
            "三、2026年工作安排\n地区生产总值增长5%左右。\n")
    years = {(t.value, t.year, t.year_source) for t in find_targets(text, (), meta)}
    assert {("5", 2030, "plan_period"), ("69", 2030, "plan_period"), ("50", 2030, "plan_period")} <= years
    assert ("5", 2026, "report_year") in years or ("5", 2026, "stated") in years


def test_an_outline_under_a_heading_that_reviews_the_last_plan_is_for_the_new_plan():
    # The heading names 十四五 (the plan just ended); the 《纲要》 of a 2026 report is the 十五五 outline.
    text = ("二、“十四五”圆满收官，“十五五”开局起步\n"
            "《纲要草案》设置了主要指标，包括：地区生产总值年均增速4.5%-5%，研发投入占比6%以上。\n")
    found = find_targets(text, (), DocumentMetadata(doc_type="work_report", year=2026))
    assert {(t.value, t.year) for t in found} == {("4.5", 2030), ("6", 2030)}
