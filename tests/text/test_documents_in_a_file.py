"""Several documents in one file: two texts issued by one notice, annexes, a second unrelated text."""
from __future__ import annotations

from policykit.text import read_source

BODY = "为推动高质量发展，结合实际，制定本方案。" * 20


def read(page: str):
    return read_source(page.encode(), "page.txt").documents


def test_one_notice_issuing_two_texts_gives_two_documents_that_both_keep_the_notice():
    docs = read(
        "东营市人民政府关于印发《东营市支持数字经济发展若干政策》和《东营市数字经济发展行动计划》的通知\n\n东政发〔2023〕7号\n\n"
        "各县区人民政府：\n现将两个文件印发给你们，请认真贯彻执行。\n\n东营市人民政府\n\n2023年3月1日\n\n"
        f"东营市支持数字经济发展若干政策\n\n{BODY}\n1.支持企业上云。\n2.支持平台建设。\n\n"
        f"东营市数字经济发展行动计划\n\n{BODY}\n1.建设数据中心。\n2.培育产业集群。\n"
    )
    assert [d.metadata.title for d in docs] == ["东营市支持数字经济发展若干政策", "东营市数字经济发展行动计划"]
    for doc in docs:
        meta = doc.metadata
        assert (meta.issuer, meta.doc_number, meta.issued_on) == ("东营市人民政府", "东政发〔2023〕7号", "2023-03-01")
        assert meta.annex_of is None
        assert doc.text.rstrip().endswith("。")
    assert [d.metadata.doc_type for d in docs] == ["policy_measures", "action_plan"]
    assert docs[1].text.startswith("东营市数字经济发展行动计划")


def test_annexes_after_a_plan_are_documents_linked_to_it():
    docs = read(
        f"滨州市智慧城市建设实施方案\n\n{BODY}\n一、总体要求\n1.完善网络。\n\n"
        "附件1\n\n重点项目清单\n\n1.数据中心项目。\n2.城市大脑项目。\n\n"
        "附件2\n\n2024年第3号\n\n任务分工表\n\n序号 任务 牵头单位\n1 建设数据中心 市大数据局\n"
    )
    assert [d.metadata.title for d in docs] == ["滨州市智慧城市建设实施方案", "重点项目清单", "任务分工表"]
    assert [d.metadata.annex_of for d in docs] == [None, 0, 0]
    assert [d.metadata.region_code for d in docs] == ["371600"] * 3  # an annex keeps its parent's place
    assert docs[1].text.startswith("附件1") and "城市大脑" in docs[1].text and "任务分工" not in docs[1].text


def test_an_annex_line_that_prints_the_plan_of_a_notice_is_not_an_annex():
    docs = read(
        "德州市人民政府办公室关于印发德州市数据开放行动方案的通知\n\n德政办字〔2022〕4号\n\n各县市区人民政府：\n现印发给你们。\n\n"
        f"附件\n\n德州市数据开放行动方案\n\n{BODY}\n1.开放公共数据。\n"
    )
    assert len(docs) == 1
    assert (docs[0].metadata.title, docs[0].metadata.annex_of) == ("德州市数据开放行动方案", None)
    assert docs[0].metadata.doc_number == "德政办字〔2022〕4号"


def test_a_list_of_annexes_in_the_body_does_not_cut_the_document():
    docs = read(f"淄博市数字经济促进办法\n\n{BODY}\n附件：1.申报表\n2.承诺书\n{BODY}\n")
    assert len(docs) == 1


def test_text_after_a_closing_footer_is_a_second_document_not_merged_into_the_first():
    docs = read(
        f"烟台市工业互联网发展实施方案\n\n{BODY}\n1.建设平台。\n\n抄送：市委各部门。\n烟台市人民政府办公室2021年5月6日印发\n"
        f"各省、自治区、直辖市有关部门：\n{BODY}\n一、总体要求\n（一）指导思想。坚持创新驱动。\n"
    )
    assert len(docs) == 2
    first, second = (d.metadata for d in docs)
    assert (first.title, first.issuer, first.issued_on) == ("烟台市工业互联网发展实施方案", "烟台市人民政府办公室", "2021-05-06")
    assert second.title is None and second.issuer is None and second.annex_of is None
    assert "烟台" not in docs[1].text


def test_a_second_titled_text_in_the_same_file_is_its_own_document():
    docs = read(f"威海市海洋经济发展规划\n\n{BODY}\n1.发展海洋牧场。\n\n临沂市物流业发展行动计划\n\n{BODY}\n1.建设物流园区。\n")
    assert [(d.metadata.title, d.metadata.region) for d in docs] == [("威海市海洋经济发展规划", "威海市"), ("临沂市物流业发展行动计划", "临沂市")]
    assert [d.metadata.annex_of for d in docs] == [None, None]


def test_notice_names_its_plan_in_another_dress_and_its_number_in_parentheses():
    # The notice writes the plan's name with ASCII parentheses and without 《》, its 文号 in parentheses on
    # the line under it; the issuing body's name quotes a programme.
    page = ("某省推进“双十”建设领导小组办公室关于印发某省关于对接区域合作协定(ABC)新规则实施意见的通知\n\n"
            "（某开放办〔2023〕7号）\n\n省有关单位：\n  现将《某省关于对接〈区域合作协定〉（ABC）新规则实施意见》印发给你们，请认真贯彻执行。\n"
            "某省推进“双十”建设领导小组办公室\n2023年4月5日\n\n"
            "某省关于对接《区域合作协定》（ABC）新规则实施意见\n\n为对接新规则，制定本意见。\n一、主要任务\n"
            "（一）提升通关效率。海关牵头，省商务厅按职责分工配合。\n")
    docs = read_source(page.encode("utf-8"), "notice.txt").documents
    assert len(docs) == 1
    meta = docs[0].metadata
    assert meta.title == "某省关于对接《区域合作协定》（ABC）新规则实施意见"
    assert meta.doc_number == "某开放办〔2023〕7号"
    assert meta.issuer == "某省推进“双十”建设领导小组办公室"
    assert meta.issued_on == "2023-04-05"
