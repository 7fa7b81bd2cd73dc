"""The issue's done-when expectations on the five seed files in data/raw."""
from __future__ import annotations

import re

CHENGWU = "chengwu-2023-key-tasks.txt"
LIJIN = "lijin-2020-gov-work-report.txt"
APRIL = "dongying-2020-apr-progress.txt"
OCTOBER = "dongying-2020-oct-progress_fuzhou-mental-health-plan.txt"
HANT = "sports-games-food-safety-samples-hant-noisy.txt"


def test_chengwu_key_tasks_with_doc_number_date_and_county_level(seed):
    reading = seed(CHENGWU)
    assert len(reading.documents) == 1
    meta = reading.documents[0].metadata
    assert meta.title == "成武县建设绿色低碳高质量发展先行区2023年重点工作任务"
    assert meta.issuer == "成武县人民政府办公室"
    assert meta.doc_number == "成政办字〔2023〕9号"
    assert meta.issued_on == "2023-07-31"
    assert (meta.level, meta.region, meta.doc_type, meta.year) == ("county", "成武县", "key_tasks", 2023)
    text = reading.documents[0].text
    assert "首页 >" not in text and "索 引 号" not in text and "相关下载" not in text
    assert re.search(r"^1\.完善实验室体系。", text, re.M)


def test_lijin_work_report_without_forum_chrome(seed):
    reading = seed(LIJIN)
    assert len(reading.documents) == 1
    doc = reading.documents[0]
    meta = doc.metadata
    assert (meta.level, meta.region, meta.doc_type, meta.year) == ("county", "利津县", "work_report", 2020)
    assert meta.issuer == "利津县人民政府"
    for junk in ("设为首页", "查看:", "TA的每日心情", "[LV.1]", "积分", "Rank:", "发表于", "显示全部楼层", "立即注册", "Powered by"):
        assert junk not in doc.text, junk
    assert doc.text.rstrip().endswith("努力奋斗!")
    assert re.search(r"^四、加强政府自身建设$", doc.text, re.M)


def test_dongying_april_and_october_progress_reports_share_their_place(seed):
    april = seed(APRIL).documents
    october = [d for d in seed(OCTOBER).documents if d.metadata.doc_type == "progress_report"]
    assert len(april) == 1 and len(october) == 1
    a, o = april[0].metadata, october[0].metadata
    # neither names its issuer: speaking as 我市 is no ground to name one
    assert a.issuer is None and o.issuer is None
    assert "missing-issuer" in {w.code for w in april[0].warnings}
    assert (a.level, a.region, a.region_code) == (o.level, o.region, o.region_code) == ("city", "东营市", "370500")
    assert (a.period, o.period) == ("2020-01/2020-04", "2020-01/2020-09")
    assert a.year == o.year == 2020
    assert october[0].text.startswith("和你有关!") or october[0].text.startswith("重点工作攻坚年")
    assert october[0].text.rstrip().endswith("(牵头单位:中共东营市委政法委员会)")


def test_fuzhou_plan_is_its_own_document_and_the_preambles_are_left_out(seed):
    reading = seed(OCTOBER)
    assert len(reading.documents) == 2
    plan = reading.documents[0]
    assert plan.metadata.title == "福州市学校心理健康教育行动计划"
    assert (plan.metadata.doc_type, plan.metadata.level, plan.metadata.region) == ("action_plan", "city", "福州市")
    assert plan.text.startswith("福州市学校心理健康教育行动计划")
    assert "写作核心提示" not in plan.text and "台海网" not in plan.text
    assert "东营" not in plan.text
    assert plan.metadata.published_on is None  # the aggregator's 更新日期 dates the copy, not the plan
    assert {"dropped:writing-tips", "dropped:news-about-next-document"} <= {w.code for w in reading.warnings}


def test_traditional_page_gives_five_simplified_documents_without_pinyin(seed):
    reading = seed(HANT)
    assert len(reading.documents) == 5
    for doc in reading.documents:
        assert not re.search(r"[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)", doc.text)
        assert "運動" not in doc.text and "熱門" not in doc.text and "热门标签" not in doc.text
    assert "运动会" not in reading.documents[0].text[:5]  # the page title went with the blurb
    reports = [d for d in reading.documents if d.metadata.doc_type == "work_report"]
    assert len(reports) == 1 and reports[0].part == 4
    assert reports[0].text.startswith("各位代表:\n现在,我代表市人民政府向大会报告工作")
    assert any(w.code == "redaction" for d in reading.documents for w in d.warnings)
    # gold quotes are written against the Traditional raw text: offsets lead back to it
    doc = reports[0]
    start = doc.text.index("现在,我代表市人民政府")
    raw_start, raw_end = doc.offsets.raw_span(start, start + 6)
    assert reading.raw_text[raw_start:raw_end].startswith("現(xiàn)在")


def test_every_seed_document_maps_back_into_its_raw_text(seed):
    for name in (CHENGWU, LIJIN, APRIL, OCTOBER, HANT):
        reading = seed(name)
        for doc in reading.documents:
            for start in range(0, len(doc.text), 97):
                raw_start, raw_end = doc.offsets.raw_span(start, start + 1)
                assert 0 <= raw_start < raw_end <= len(reading.raw_text)
                ch = doc.text[start]
                if ch.isascii() and ch.isalnum():
                    assert reading.raw_text[raw_start] in (ch, chr(ord(ch) + 0xFEE0))
