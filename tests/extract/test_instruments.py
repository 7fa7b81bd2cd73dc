"""Policy instruments: money handed out and limits imposed, read beside targets and never counted as one."""
from __future__ import annotations

import pytest

from policykit.extract import extract_document, find_instruments, find_targets
from policykit.text import DocumentMetadata

MEASURES = DocumentMetadata(year=2024, doc_type="policy_measures")


def instruments(text: str, metadata: DocumentMetadata = MEASURES):
    return [(i.kind, i.amount, i.amount_high, i.unit) for i in find_instruments(text, (), metadata)]


@pytest.mark.parametrize(("text", "expected"), [
    ("对新建成的市级孵化器给予20万元补助。", ("subsidy", "20", None, "万元")),
    ("按设备购置额的15%给予补贴，单个项目最高80万元。", ("subsidy", "15", None, "%")),
    ("对贷款给予40%贴息。", ("subsidy", "40", None, "%")),
    ("对入选国家级名单的企业一次性奖励200万元。", ("award", "200", None, "万元")),
    ("为科技型小微企业提供信用贷款最高300万元。", ("loan", "300", None, "万元")),
    ("对合作银行发放的贷款提供担保，单户最高1000万元担保。", ("guarantee", "1000", None, "万元")),
    ("每年遴选青年科技人才不超过30名。", ("cap", "30", None, "名")),
    ("各县区推荐名额5个。", ("quota", "5", None, "个")),
    ("对年营业收入首次突破5亿元的企业，按规定予以支持。", ("threshold", "5", None, "亿元")),
    ("考核内容中创新指标权重25%。", ("weight", "25", None, "%")),
])
def test_each_kind_of_instrument(text, expected):
    assert instruments(text)[0] == expected


@pytest.mark.parametrize("text", [
    "对新建成的市级孵化器给予20万元补助。",
    "每年遴选青年科技人才不超过30名。",
    "对年营业收入首次突破5亿元的企业，给予一次性奖励60万元。",
    "考核内容中创新指标权重25%。",
])
def test_instruments_never_count_as_targets(text):
    assert find_targets(text, (), MEASURES) == ()
    assert instruments(text)


def test_the_beneficiary_is_the_phrase_the_payment_goes_to():
    found = find_instruments("对首次认定的专精特新企业给予50万元奖励。", (), MEASURES)
    assert [(i.kind, i.beneficiary) for i in found] == [("award", "首次认定的专精特新企业")]


def test_a_payment_list_after_a_subsidy_word_is_read_as_subsidies():
    found = find_instruments("对国家级、省级中心分别给予100万元、50万元补助。", (), MEASURES)
    assert [(i.kind, i.amount) for i in found] == [("subsidy", "100"), ("subsidy", "50")]


def test_an_aim_beside_an_instrument_stays_a_target():
    text = "力争新增高新技术企业100家，对首次认定的给予10万元奖励。"
    assert [(t.value, t.unit) for t in find_targets(text, (), MEASURES)] == [("100", "家")]
    assert instruments(text) == [("award", "10", None, "万元")]


def test_spans_and_keys():
    text = "一、支持创新\n1.对新认定的企业给予30万元奖励。"
    ex = extract_document(text, MEASURES)
    (found,) = ex.instruments
    assert text[found.start:found.end] == found.text and found.text.endswith("30万元")
    assert found.task_key == ex.tasks[0].key and found.key.startswith(ex.tasks[0].key + "#i")


def test_a_review_reports_payments_rather_than_setting_them():
    text = "一、2023年工作回顾\n发放创业补贴3亿元。\n二、2024年工作安排\n对返乡创业人员给予5000元补贴。"
    found = find_instruments(text, (), DocumentMetadata(year=2024, doc_type="work_report"))
    assert [(i.kind, i.amount) for i in found] == [("subsidy", "5000")]


def test_a_support_rate_stays_an_instrument_when_a_scraper_spaced_the_figure():
    text = "二、支持项目建设\n1.对新建项目，最高可按项目固定资产投资额的 10%给予补助。\n"
    extraction = extract_document(text)
    assert [(i.kind, i.amount, i.unit) for i in extraction.instruments] == [("subsidy", "10", "%")]
    assert extraction.targets == ()


def test_an_instrument_holds_its_fields_in_declared_order():
    from dataclasses import fields

    from policykit.extract import InstrumentRecord
    (found,) = find_instruments("对首次认定的高新技术企业给予30万元奖励。", (), MEASURES)
    assert found == InstrumentRecord(**vars(found))  # the log reads vars() in field order, as __init__ sets them
    assert list(vars(found)) == [f.name for f in fields(InstrumentRecord)]
