"""Metadata rules: levels from places, document types, periods, dates, and honest gaps."""
from __future__ import annotations

import pytest

from policykit.text import read_source
from policykit.text._places import place_of


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
