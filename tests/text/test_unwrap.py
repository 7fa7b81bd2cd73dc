"""Hard-wrapped text (copied from a PDF): lines joined back into paragraphs, items and labels kept apart."""
from __future__ import annotations

import pytest

from policykit.extract import extract_document
from policykit.text import CLEANING_STEPS, read_source
from policykit.text._clean import _display_width, unwrap
from policykit.text._edits import apply_edits

from .conftest import RAW

WIDTH = 56  # 28 Han characters, as on a PDF page


def hard_wrap(paragraph: str, width: int = WIDTH) -> str:
    """Break a paragraph where a PDF page of ``width`` display units would end its lines."""
    lines, line = [], ""
    for ch in paragraph:
        if _display_width(line + ch) > width:
            lines.append(line)
            line = ""
        line += ch
    return "\n".join([*lines, line])


PARAGRAPHS = [
    "一、重点任务",
    "（一）扩大有效投资。实施重大项目攻坚行动，全年完成固定资产投资增长8%以上，新开工亿元以上项目200个，"
    "推动一批打基础、利长远的重大基础设施项目落地见效（牵头单位：市发展改革委，配合单位：市财政局、市自然资源和规划局）。",
    "（二）促进消费提质扩容。开展“消费促进年”系列活动，培育夜间经济、首店经济等消费新场景，打造省级以上特色商业街区5个，"
    "全年社会消费品零售总额增长7%左右（牵头单位：市商务局，配合单位：市文化和旅游局、市市场监管局）。",
    "1.推进商圈改造提升，完成老旧商业街区改造3处，新增城市一刻钟便民生活圈15个，提升居民消费便利度和满意度。",
    "2.发展农村电商，建设县级电子商务公共服务中心和乡镇快递物流站点，畅通工业品下乡和农产品进城双向流通渠道。",
    "二、保障措施",
    "各地各部门要强化责任担当，建立工作台账，细化工作措施，明确时间节点，确保各项任务按期完成，重要情况及时报告。",
]
WRAPPED = "\n".join(hard_wrap(p) for p in PARAGRAPHS)


def joined(text: str) -> str:
    return apply_edits(text, unwrap(text))[0]


def full_line(text: str) -> str:
    assert WIDTH - 4 <= _display_width(text) <= WIDTH, _display_width(text)  # as wide as the page's lines
    return text


def test_the_hand_made_text_is_really_hard_wrapped():
    assert WRAPPED.count("\n") > 2 * len(PARAGRAPHS)
    assert "（牵头单位：市发展改\n革委" in WRAPPED  # a break inside a name


def test_wrapped_paragraphs_are_joined_and_numbered_items_stay_on_their_own_lines():
    assert joined(WRAPPED).split("\n") == PARAGRAPHS


def test_a_clause_wrapped_inside_its_parenthesis_is_joined_even_on_a_short_line():
    lines = ["（一）" + "推进重点项目建设，加快形成实物工作量" * 2 + "。" for _ in range(4)]
    text = "\n".join(hard_wrap(line) for line in lines) + "\n（二）落实项目用地（牵头单位：市发展改革委，配合单位：市\n财政局）。\n（三）下一项。"
    assert joined(text).split("\n")[-2:] == ["（二）落实项目用地（牵头单位：市发展改革委，配合单位：市财政局）。", "（三）下一项。"]


def test_a_label_after_a_full_line_keeps_its_own_line():
    body = "\n".join(hard_wrap("加快推进数字政府建设，" * 12 + "全面提升政务服务效能。") for _ in range(3))
    text = body.replace("全面提升政务服务效能。", "全面提升政务服务效能", 1) + "\n牵头单位：市大数据局\n配合单位：市直各部门"
    out = joined(text).split("\n")
    assert out[-2:] == ["牵头单位：市大数据局", "配合单位：市直各部门"]


@pytest.mark.parametrize(
    "start", ["一、", "（一）", "(二)", "1.", "2、", "（1）", "3)", "①", "第五条"]
)
def test_no_join_before_a_numbered_item(start):
    text = WRAPPED + "\n" + hard_wrap("各单位要加强统筹协调，形成工作合力，" * 3) + "\n" + start + "后续事项。"
    assert joined(text).split("\n")[-1] == start + "后续事项。"


def test_a_decimal_at_a_line_start_is_no_item():
    text = WRAPPED + "\n" + full_line("（三）提升粮食综合生产能力，稳定播种面积，全年总产量达到") + "\n1.5万吨以上。"
    assert joined(text).split("\n")[-1] == "（三）提升粮食综合生产能力，稳定播种面积，全年总产量达到1.5万吨以上。"


def test_latin_words_split_by_a_wrap_keep_a_space():
    text = WRAPPED + "\n" + full_line("（四）推动政务数据共享开放，上线全市城市运行管理 smart") + "\ncity 平台。"
    assert joined(text).endswith("全市城市运行管理 smart city 平台。")


def test_text_with_one_paragraph_per_line_is_not_unwrapped():
    assert unwrap("\n".join(PARAGRAPHS)) == []
    assert unwrap("\n".join(PARAGRAPHS * 4)) == []


def test_a_list_of_short_lines_of_equal_length_is_not_unwrapped():
    names = "\n".join(["市发展改革委", "市财政局局长", "市商务局局长", "市统计局局长", "市教育局局长", "市人社局局长"] * 3)
    assert unwrap(names) == []


def test_read_source_reports_the_step_keeps_offsets_and_can_switch_it_off():
    reading = read_source(WRAPPED.encode(), "wrapped.txt")
    doc = reading.documents[0]
    assert "cleaned:unwrap" in {w.code for w in reading.warnings}
    assert "配合单位：市财政局、市自然资源和规划局" in doc.text
    start = doc.text.index("市财政局")
    raw_start, raw_end = doc.offsets.raw_span(start, start + len("市财政局"))
    assert reading.raw_text[raw_start:raw_end].replace("\n", "") == "市财政局"
    for i, ch in enumerate(doc.text):  # every clean character maps to itself in the raw text
        assert reading.raw_text[doc.offsets.to_raw(i)] == ch
    kept = read_source(WRAPPED.encode(), "wrapped.txt", steps=[s for s in CLEANING_STEPS if s != "unwrap"])
    assert "unwrap" in CLEANING_STEPS and kept.documents[0].text == WRAPPED


def test_wrapped_clauses_assign_the_whole_names_end_to_end():
    doc = read_source(("某市2024年促进经济发展重点任务\n" + WRAPPED).encode(), "wrapped.txt").documents[0]
    extraction = extract_document(doc.text, doc.metadata)
    roles = {(a.mention, a.role) for a in extraction.assignments}
    assert {("市发展改革委", "lead"), ("市财政局", "participant"), ("市自然资源和规划局", "participant"),
            ("市商务局", "lead"), ("市文化和旅游局", "participant"), ("市市场监管局", "participant")} <= roles
    assert not {mention for mention, _ in roles} - {"市发展改革委", "市财政局", "市自然资源和规划局", "市商务局", "市文化和旅游局", "市市场监管局"}


def test_the_seed_documents_are_not_hard_wrapped():
    for path in sorted(RAW.iterdir()):
        reading = read_source(path.read_bytes(), path.name)
        assert "cleaned:unwrap" not in {w.code for w in reading.warnings}, path.name


def test_an_indented_line_opens_a_paragraph_and_spaces_at_a_join_go():
    first = full_line("\u3000\u3000各地各部门要强化责任担当，建立工作台账，细化工作措") + " "
    paragraph = first + "\n施，明确时间节点，确保各项任务按期完成。"
    text = WRAPPED + "\n" + paragraph + "\n" + paragraph
    assert joined(text).split("\n")[-2:] == ["\u3000\u3000各地各部门要强化责任担当，建立工作台账，细化工作措施，明确时间节点，确保各项任务按期完成。"] * 2
    no_full_stop = WRAPPED + "\n" + first.rstrip("。 ") + "\n" + first  # the next line is indented: a new paragraph
    assert joined(no_full_stop).split("\n")[-2:] == no_full_stop.split("\n")[-2:]


def test_rows_of_a_table_padded_with_spaces_to_one_width_are_not_joined():
    rows = [f"{i}  推进重点项目建设工作任务  市发展改革委  市财政局、市商务局" for i in range(1, 9)]
    assert unwrap("\n".join(rows)) == []
    assert joined(WRAPPED + "\n" + full_line("（五）全面推进重点项目建设，加快形成实物工作量，推动") + "\n" + rows[0]).endswith("\n" + rows[0])


def test_of_two_widths_as_common_the_wider_is_the_page_width():
    from policykit.text._clean import _wrap_width

    lines = ["甲" * 20, "乙" * 22] * 6  # widths 40 and 44, six lines each, none ending a sentence
    assert _wrap_width(lines) == (44, 4)
