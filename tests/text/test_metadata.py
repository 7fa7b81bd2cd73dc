"""Metadata rules: levels from places, document types, periods, dates, and honest gaps."""
from __future__ import annotations

import pytest

from policykit.text import read_source
from hypothesis import given, settings
from hypothesis import strategies as st

from policykit.text._places import divisions, place_of


@pytest.mark.parametrize(
    ("name", "level", "region"),
    [
        ("国务院", "national", "全国"),
        ("山东省人民政府", "province", "山东省"),
        ("内蒙古自治区呼伦贝尔市", "city", "呼伦贝尔市"),
        ("东营市人民政府", "city", "东营市"),
        ("呼伦贝尔市海拉尔区人民政府", "district", "海拉尔区"),
        ("菏泽市成武县", "county", "成武县"),
        ("泰安市肥城市", "county", "肥城市"),  # a 市 inside a 市 is a county-level city
        ("某某镇人民政府", "township", "某某镇"),
        ("2020年利津县政府工作报告", "county", "利津县"),
        ("全市重点工作", None, None),
        ("城市更新行动方案", None, None),
    ],
)
def test_level_and_region_from_the_name(name, level, region):
    place = place_of(name)
    assert (place.level, place.region) == (level, region)


def meta_of(text: str):
    doc = read_source(text.encode(), "doc.txt").documents[0]
    return doc.metadata, {w.code for w in doc.warnings}


def test_progress_report_period_is_the_most_reported_range():
    body = "今年以来，各项工作扎实推进。1至4月份，全市投资增长7.1%。截至4月底，完成60项。1—3月，新增10家。(牵头单位:市发展改革委)\n"
    meta, _ = meta_of("某某市2020年重点工作推进情况\n\n" + body * 3)
    assert (meta.doc_type, meta.year, meta.period) == ("progress_report", 2020, "2020-01/2020-04")


def test_work_report_issuer_year_and_date_from_the_speech_header():
    text = "政府工作报告\n——二〇一九年三月四日在某某区第十五届人民代表大会第三次会议上\n各位代表：\n现在，我代表区人民政府向大会报告工作。\n"
    meta, _ = meta_of(text)
    assert (meta.issuer, meta.level, meta.issued_on, meta.year, meta.doc_type) == ("某某区人民政府", "district", "2019-03-04", 2019, "work_report")


def test_missing_fields_are_none_with_a_warning_not_a_guess():
    meta, codes = meta_of("一、加强组织领导\n各单位要高度重视，认真抓好落实。\n")
    assert meta.issuer is None and meta.title is None and meta.year is None
    assert {"missing-issuer", "missing-title", "missing-year", "missing-level"} <= codes


def test_redaction_marks_are_kept_and_flagged():
    doc = read_source("*年11月，*市召开会议，××同志出席，XX年完成。\n".encode(), "r.txt").documents[0]
    assert doc.text.startswith("*年11月，*市")
    assert "××同志" in doc.text and "XX年" in doc.text
    redactions = [w for w in doc.warnings if w.code == "redaction"]
    assert len(redactions) == 4
    assert "a year" in redactions[0].message and redactions[0].offset == 0


def test_truncated_text_is_suspected():
    _, codes = meta_of("某某县2023年重点工作任务\n\n" + "推进项目建设，" * 60)
    assert "suspected-truncation" in codes


# --- classes of issue 14: places named only inside the text, opinions, joint signers, effective dates ---
TASKS = "一、主要任务\n（一）加快平台建设。推动数据共享，完善服务体系。\n（二）强化人才支撑。引进高层次人才团队。\n"


def test_a_text_that_hands_work_to_every_region_speaks_for_the_nation():
    meta, codes = meta_of("为推动发展，制定本实施方案。\n" + TASKS + "各地区要抓好落实（工业和信息化部、各地区按职责分工负责）。\n各地区要加强宣传。\n")
    assert (meta.level, meta.region) == ("national", "全国")
    assert "region-inferred" in codes


@pytest.mark.parametrize("regions", [1, 5])
def test_a_province_that_hands_work_to_every_region_is_not_the_nation(regions):
    meta, _ = meta_of("为推动发展，制定本实施方案。\n全省各地要抓好落实。" + "各地区要加强协同。" * regions + "\n" + TASKS)
    assert meta.level != "national"


@pytest.mark.parametrize(
    ("lead", "region"),
    [
        ("我市将加快打造“智慧潍坊”，全市上下共同推进。", "潍坊市"),  # a brand closing a quoted phrase
        ("全市推广“潍坊某某牌”农机。", None),  # a phrase a place opens names a thing of that place
        ("全省加快建设“数字河南”。", "河南省"),
        ("全市学习“智慧潍坊”和“数字烟台”经验。", None),  # two cities named: not inferred
        ("全市推进“数字经济”发展。", None),  # a brand without a place
    ],
)
def test_a_text_named_only_in_a_brand_takes_that_place_at_the_level_it_speaks_as(lead, region):
    meta, codes = meta_of(f"为推动发展，制定本行动计划。\n{lead}\n{TASKS}")
    assert meta.region == region
    assert ("region-inferred" in codes) == (region is not None)


@pytest.mark.parametrize(("brand", "region"), [("数字马鞍山", "马鞍山市"), ("智慧鞍山", "鞍山市")])
def test_the_longest_short_form_closes_a_brand(brand, region):
    assert meta_of(f"全市加快建设“{brand}”。\n{TASKS}")[0].region == region
    assert meta_of(f"{brand}建设行动方案\n\n全市加快推进。\n{TASKS}")[0].region == region


@pytest.mark.parametrize("title", ["学习深圳经验推动临沂发展行动方案", "关于对接青岛港的实施方案"])
def test_a_title_that_mentions_a_place_further_in_names_no_region(title):
    meta, codes = meta_of(f"{title}\n\n全市要加快推进。\n{TASKS}")
    assert meta.region is None and "missing-region" in codes


def test_a_brand_in_the_title_names_the_place():
    meta, codes = meta_of(f"数字临沂建设三年行动方案\n\n全市要加快推进。\n{TASKS}")
    assert (meta.region, meta.level, meta.region_code) == ("临沂市", "city", "371300")
    assert "region-inferred" in codes


def test_a_text_that_speaks_as_our_province_but_names_none_has_no_region_and_says_why():
    doc = read_source(f"为推动发展，制定本行动计划。\n全省上下要加快推进，我省将持续发力。\n{TASKS}".encode(), "p.txt").documents[0]
    assert (doc.metadata.region, doc.metadata.level) == (None, None)
    reasons = [w.message for w in doc.warnings if w.code == "missing-region"]
    assert reasons and "全省" in reasons[0] and "省" in reasons[0]


MONEY = "对新认定的企业，给予最高50万元奖励。对新建项目按投资额的10%给予补贴，最高200万元。对获评的平台给予30万元资助。\n"


@pytest.mark.parametrize(
    ("title", "body", "doc_type"),
    [
        ("关于加快数字经济发展的指导意见", TASKS, "action_plan"),  # sets tasks
        ("关于加快数字经济发展的实施意见", TASKS + "（三）择优给予财政奖补。\n", "action_plan"),  # funding named, no amount granted
        ("关于支持数字经济发展的若干意见", TASKS + MONEY, "policy_measures"),  # articles grant money
        ("关于支持数字经济发展的若干措施", TASKS, "policy_measures"),  # 措施 is measures whatever it holds
    ],
)
def test_an_opinion_is_an_action_plan_unless_its_articles_grant_money(title, body, doc_type):
    meta, _ = meta_of(f"某某市{title}\n\n{body}")
    assert meta.doc_type == doc_type


@pytest.mark.parametrize("spacing", ["", " "])
def test_a_joint_signature_block_is_signed_by_its_first_signer(spacing):
    signers = ["国家发展改革委", "中央网信办", "工业和信息化部", "国家能源局"]
    block = "\n".join(spacing.join(name) for name in signers)
    meta, _ = meta_of(f"各省、自治区、直辖市人民政府：\n{TASKS}各地区要抓好落实。\n\n{block}\n2020年12月23日\n")
    assert (meta.issuer, meta.issued_on, meta.level) == ("国家发展改革委", "2020-12-23", "national")


@pytest.mark.parametrize("gap", ["\u3000\u3000", "    "])
def test_signers_side_by_side_on_one_line_are_signed_by_the_first(gap):
    meta, _ = meta_of(f"各市工业和信息化局：\n{TASKS}\n山东省工业和信息化厅{gap}山东省财政厅\n2023年4月29日\n（此件公开发布）\n")
    assert (meta.issuer, meta.issued_on) == ("山东省工业和信息化厅", "2023-04-29")


@pytest.mark.parametrize("others", ["等5部门", "等五个部门", "等3个单位"])
def test_a_notice_of_several_counted_bodies_is_signed_by_the_first(others):
    meta, _ = meta_of(f"山东省工业和信息化厅{others}关于印发某某行动计划的通知\n\n各市：\n现印发给你们。\n\n某某行动计划\n\n{TASKS}")
    assert (meta.title, meta.issuer, meta.level) == ("某某行动计划", "山东省工业和信息化厅", "province")


def test_a_single_signer_line_above_the_date_still_signs():
    meta, _ = meta_of(f"各县区人民政府：\n{TASKS}\n某某市人民政府办公室\n2023年5月6日\n")
    assert (meta.issuer, meta.issued_on) == ("某某市人民政府办公室", "2023-05-06")


HEADER = "政策文号：某府规〔2025〕3号\n实施日期：2025-09-25\n失效日期：2028-09-25\n"


@pytest.mark.parametrize(
    ("closing", "issued_on", "published_on"),
    [
        ("本措施自印发之日起施行，有效期三年。", "2025-09-25", None),  # in force on issue: the 实施日期 is the issue date
        ("本措施自发布之日起施行。", None, "2025-09-25"),  # in force on publication: the publication date
        ("本措施自2025年10月1日起施行。", None, None),  # a date of its own: 实施日期 says nothing of the issue
    ],
)
def test_an_effective_date_is_an_issue_date_only_when_the_text_takes_effect_on_issue(closing, issued_on, published_on):
    doc = read_source(f"{HEADER}某某区促进文旅产业发展的若干措施\n\n第一条 {TASKS}{closing}\n".encode(), "m.txt").documents[0]
    assert (doc.metadata.issued_on, doc.metadata.published_on) == (issued_on, published_on)
    assert ("issued_on-inferred" in {w.code for w in doc.warnings}) == (issued_on is not None)


_PROVINCES = sorted(d.name for d in divisions()[0].values() if d.level == "province" and d.name.endswith("省"))
_CITIES = sorted(d.name for d in divisions()[0].values() if d.level == "city" and d.name.endswith("市"))


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(_PROVINCES), st.sampled_from(["数字", "智慧", "平安", "健康"]))
def test_any_province_named_in_a_brand_is_the_region_of_a_text_that_speaks_as_the_province(name, prefix):
    meta, codes = meta_of(f"为推动发展，制定本行动计划。\n全省上下加快建设“{prefix}{name[:-1]}”。\n{TASKS}")
    assert (meta.region, meta.level) == (name, "province") and "region-inferred" in codes


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(_CITIES), st.sampled_from(_CITIES))
def test_two_cities_in_brands_name_no_region(first, second):
    meta, _ = meta_of(f"为推动发展，制定本行动计划。\n全市学习“数字{first[:-1]}”“智慧{second[:-1]}”经验。\n{TASKS}")
    assert meta.region == (first if first == second else None)  # 马鞍山 and 鞍山 are two cities: the longest form closes a brand


# Months and days written digit by digit (二〇一九年一一月三日, 截至一一月底) cost the whole file before: the
# patterns take any run of 一…九 and 十, and the reader raised KeyError on 一一 ("read-failed", no documents).
def test_a_date_written_digit_by_digit_is_read_not_a_lost_file():
    notice = "某某市人民政府关于印发某某规划的通知\n\n各区县：\n现将规划印发给你们。\n\n某某市人民政府\n二〇一九年一一月三日\n"
    reading = read_source(notice.encode(), "notice.txt")
    assert not [w for w in reading.warnings if w.code == "read-failed"]
    assert [d.metadata.issued_on for d in reading.documents] == ["2019-11-03"]


def test_a_progress_period_written_digit_by_digit_is_read():
    report = "关于2024年1至11月重点工作进展情况的报告\n\n截至一一月底，全市完成投资100亿元。截至一一月底，完成80%。\n"
    (doc,) = read_source(report.encode(), "progress.txt").documents
    assert doc.metadata.period == "2024-01/2024-11"


_DIGITS_WRITTEN = "〇一二三四五六七八九"


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=99))
def test_a_month_or_day_reads_the_same_in_every_way_it_is_written(n):
    from policykit.text._cues import cn_number

    tens, units = divmod(n, 10)
    conventional = ("" if tens < 2 else _DIGITS_WRITTEN[tens]) + ("十" if tens else "") + (_DIGITS_WRITTEN[units] if units else "")
    digit_by_digit = "".join(_DIGITS_WRITTEN[int(c)] for c in str(n))
    assert cn_number(str(n)) == cn_number(conventional) == cn_number(digit_by_digit) == n


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="一二三四五六七八九十〇零", min_size=1, max_size=3))
def test_every_run_the_date_patterns_take_reads_as_a_number(run):
    from policykit.text._cues import cn_number

    assert cn_number(run) >= 0
