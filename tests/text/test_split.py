"""Splitting a page into documents, on hand-made pages."""
from __future__ import annotations

from policykit.text import read_source

BODY = "为推动高质量发展，制定本方案。" * 30


def read(text: str):
    return read_source(text.encode(), "page.txt")


def test_a_page_that_is_one_document_stays_one():
    reading = read(f"某某市2024年重点工作任务\n\n{BODY}\n\n一、加快项目建设\n\n1.推进重点项目。\n")
    assert len(reading.documents) == 1
    assert reading.documents[0].part == 0
    assert reading.documents[0].metadata.title == "某某市2024年重点工作任务"


def test_aggregator_page_gives_one_document_per_pian_and_drops_the_blurb():
    page = "工作报告范文\n导语：精选五篇范文，供你借鉴。\n" + "".join(f"篇{i}\n{BODY}\n" for i in range(1, 6))
    reading = read(page)
    assert [d.part for d in reading.documents] == [0, 1, 2, 3, 4]
    assert all(d.text.startswith("为推动") for d in reading.documents)
    assert any(w.code == "dropped:aggregator-preamble" for w in reading.warnings)


def test_notice_with_its_attached_plan_is_one_document_titled_by_the_plan():
    page = (
        "某某县人民政府办公室关于印发某某县2023年重点工作任务的通知\n\n某政办字〔2023〕5号\n\n各镇人民政府：\n"
        "《某某县2023年重点工作任务》已经县政府同意，现印发给你们，请认真抓好落实。\n\n某某县人民政府办公室\n\n2023年7月31日\n\n"
        f"某某县2023年重点工作任务\n\n{BODY}\n1.完善实验室体系。（牵头单位：县科技局）\n"
    )
    reading = read(page)
    assert len(reading.documents) == 1
    meta = reading.documents[0].metadata
    assert meta.title == "某某县2023年重点工作任务"
    assert meta.issuer == "某某县人民政府办公室"
    assert meta.doc_number == "某政办字〔2023〕5号"
    assert meta.issued_on == "2023-07-31"
    assert (meta.level, meta.region, meta.doc_type, meta.year) == ("county", "某某县", "key_tasks", 2023)


def test_writing_tips_and_a_news_item_about_the_plan_are_left_out_with_warnings():
    page = (
        "一篇文章轻松搞定《行动计划》的写作。(精选5篇)\n写作核心提示：\n1. 明确目标。\n\n"
        "重大消息！某某市5部门印发“行动计划”\n来源：某某网\n某某网3月13日讯 某某市教育局等五部门印发《某某市学校心理健康教育行动计划》。\n\n"
        f"某某市学校心理健康教育行动计划\n\n{BODY}\n\n"
        f"某某市重点工作推进情况\n\n{BODY}\n"
    )
    reading = read(page)
    titles = [d.metadata.title for d in reading.documents]
    assert titles == ["某某市学校心理健康教育行动计划", "某某市重点工作推进情况"]
    codes = {w.code for w in reading.warnings}
    assert {"dropped:writing-tips", "dropped:news-about-next-document"} <= codes
    assert reading.documents[0].metadata.issuer == "某某市教育局"  # a joint act is signed by its first signer


def test_a_document_name_quoted_across_lines_does_not_open_a_document():
    page = f"政府工作报告\n\n{BODY}\n国务院编制了《\n国民经济和社会发展第十四个五年规划纲要（草案）\n》，提请审查。\n{BODY}\n"
    assert len(read(page).documents) == 1


def test_a_generic_heading_inside_a_plan_does_not_open_a_document():
    page = f"某某县2023年重点工作任务\n\n{BODY}\n\n具体工作推进安排\n\n{BODY}\n\n城乡环境整治提升实施方案\n\n{BODY}\n"
    reading = read(page)
    assert len(reading.documents) == 1


def test_a_plan_under_an_attachment_line_belongs_to_its_notice():
    page = (
        "某某区人民政府关于推进城市更新工作的通知\n\n各街道办事处：\n现将有关事项通知如下，请认真贯彻执行。\n"
        + "要高度重视，加强组织领导。" * 10 + "\n\n某某区人民政府\n2022年3月1日\n\n附件\n\n"
        f"某某区城市更新三年行动方案\n\n{BODY}\n"
    )
    reading = read(page)
    assert len(reading.documents) == 1
    meta = reading.documents[0].metadata
    assert (meta.title, meta.issuer, meta.issued_on) == ("某某区城市更新三年行动方案", "某某区人民政府", "2022-03-01")


def test_a_title_broken_inside_its_document_noun_is_joined():
    # the page set the title over two lines, breaking 报告 between 报 and 告
    reading = read(f"某某县人民政府工作报\n告\n\n——2022年1月5日在县第十届人民代表大会上\n\n{BODY}\n")
    assert [d.metadata.title for d in reading.documents] == ["某某县人民政府工作报告"]
    assert reading.documents[0].text.startswith("某某县人民政府工作报\n告")  # the text itself is kept as written


def test_a_short_line_after_a_whole_word_is_not_joined_to_it():
    # 工作 is a whole word: the next line 报告 is not the rest of it, so no title is made up
    reading = read(f"继续做好今年各项工作\n报告\n\n{BODY}\n")
    assert [d.metadata.title for d in reading.documents] == [None]
