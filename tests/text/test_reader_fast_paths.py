"""The reader's shortcuts agree with the plain definitions they stand in for."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policykit.text import _reader, read_source

_HEAD_LINES = st.lists(st.sampled_from(["发布日期：2024年3月1日", "发布时间 : 2024-03-01", "发\n布日期", "来源：某某网",
                                        "文号：滨政办发〔2024〕1号", "", "正文"]), max_size=6).map("\n".join)


@settings(max_examples=200, deadline=None)
@given(_HEAD_LINES)
def test_page_dates_of_page_dates_are_the_same(head):
    """What lets the reader take a page's dates once for all its later documents, where it took them again after each."""
    once = _reader._page_dates(head)
    assert _reader._page_dates(once) == once


_BODY = "为推动高质量发展，结合实际，制定本方案。" * 20
_PAGE = ("发布机构：滨州市人民政府办公室\n发布日期：2024年3月1日\n文号：滨政办发〔2024〕1号\n"
         f"滨州市智慧城市建设实施方案\n\n{_BODY}\n一、总体要求\n1.完善网络。\n\n"
         "附件1\n\n重点项目清单\n\n1.数据中心项目。\n2.城市大脑项目。\n\n"
         "附件2\n\n任务分工表\n\n序号 任务 牵头单位\n1 建设数据中心 市大数据局\n")


def test_every_later_document_of_a_page_inherits_its_publication_date_and_nothing_else_of_its_head():
    docs = read_source(_PAGE.encode(), "page.txt").documents
    assert [d.metadata.published_on for d in docs] == ["2024-03-01"] * 3
    assert [d.metadata.doc_number for d in docs] == ["滨政办发〔2024〕1号", None, None]
