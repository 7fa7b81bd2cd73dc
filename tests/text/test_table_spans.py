"""HTML tables with merged cells: rowspan / colspan laid on a grid, and who leads each row end to end."""
from __future__ import annotations

from policykit.extract import extract_document
from policykit.text import read_source
from policykit.text._html import read_html


def page(*rows: str) -> str:
    return "<html><body><div><p>某市2024年重点任务分工表</p><table>" + "".join(rows) + "</table></div></body></html>"


HEADER = "<tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr>"
LEAD_OVER_THREE_ROWS = page(
    HEADER,
    '<tr><td colspan="5">一、扩大有效投资</td></tr>',
    '<tr><td>1</td><td>实施重大项目攻坚行动。</td><td rowspan="3">市发展改革委</td><td>市财政局</td><td>2024年底</td></tr>',
    "<tr><td>2</td><td>推进专项债券项目建设。</td><td>市自然资源局</td><td>2024年6月</td></tr>",
    "<tr><td>3</td><td>扩大民间投资。</td><td>市工商联</td><td>持续推进</td></tr>",
    '<tr><td colspan="5">二、促进消费</td></tr>',
    "<tr><td>4</td><td>开展消费促进活动。</td><td>市商务局</td><td>市文旅局</td><td>2024年底</td></tr>",
)
TWO_ROW_HEADER = page(
    '<tr><td rowspan="2">序号</td><td rowspan="2">重点任务</td><td colspan="2">责任单位</td><td rowspan="2">完成时限</td></tr>',
    "<tr><td>牵头单位</td><td>配合单位</td></tr>",
    "<tr><td>1</td><td>推行企业开办全程网办。</td><td>县市场监管局</td><td>县税务局、县公安局</td><td>2024年6月</td></tr>",
    "<tr><td>2</td><td>开展涉企违规收费专项整治。</td><td>县发改委</td><td>县财政局</td><td>2024年12月</td></tr>",
)


def lines(html: str) -> list[str]:
    return read_html(html).text.strip("\n").split("\n")


def roles_per_task(html: str) -> dict[str, list[tuple[str, str]]]:
    doc = read_source(html.encode(), "table.html").documents[0]
    extraction = extract_document(doc.text, doc.metadata)
    return {t.number: [(a.mention, a.role) for a in extraction.assignments if a.task_key == t.key] for t in extraction.tasks}


def test_a_lead_cell_merged_over_three_rows_is_repeated_in_each_and_later_cells_keep_their_column():
    assert lines(LEAD_OVER_THREE_ROWS)[3:6] == [
        "1\t实施重大项目攻坚行动。\t市发展改革委\t市财政局\t2024年底",
        "2\t推进专项债券项目建设。\t市发展改革委\t市自然资源局\t2024年6月",
        "3\t扩大民间投资。\t市发展改革委\t市工商联\t持续推进",
    ]


def test_a_row_spanning_all_columns_is_a_heading_line_without_tabs():
    rendered = lines(LEAD_OVER_THREE_ROWS)
    assert rendered[2] == "一、扩大有效投资"
    assert rendered[6] == "二、促进消费"


def test_a_two_row_header_repeats_the_merged_header_cells_so_the_second_row_is_a_full_header():
    assert lines(TWO_ROW_HEADER)[1:3] == ["序号\t重点任务\t责任单位\t责任单位\t完成时限", "序号\t重点任务\t牵头单位\t配合单位\t完成时限"]


def test_a_merged_cell_in_the_middle_of_a_row_fills_every_column_it_covers():
    html = page("<tr><td>a</td><td>b</td><td>c</td><td>d</td></tr>", '<tr><td>1</td><td colspan="2">合并</td><td>4</td></tr>')
    assert lines(html)[2] == "1\t合并\t合并\t4"


def test_spans_with_missing_cells_overlaps_or_odd_values_stay_on_the_grid():
    html = page(
        '<tr><td rowspan="0">甲</td><td colspan="x">乙</td><td rowspan="9">丙</td></tr>',
        '<tr><td colspan="3">丁</td></tr>',  # overlaps 丙's column: 丙 keeps its slot
        "<tr></tr>",
    )
    assert lines(html)[1:] == ["甲\t乙\t丙", "甲\t丁\t丙"]


def test_huge_spans_are_bounded():
    html = page('<tr><td rowspan="65534" colspan="100000">甲</td><td>乙</td></tr>', *["<tr><td>1</td></tr>"] * 2000)
    rendered = lines(html)
    assert rendered[1].startswith("甲\t甲") and rendered[1].endswith("\t乙")
    assert len(read_html(html).text) < 2_000_000


def test_merged_rows_map_back_to_the_rendered_raw_text():
    reading = read_source(LEAD_OVER_THREE_ROWS.encode(), "table.html")
    doc = reading.documents[0]
    row = "3\t扩大民间投资。\t市发展改革委\t市工商联\t持续推进"
    start = doc.text.index(row)
    raw_start, raw_end = doc.offsets.raw_span(start, start + len(row))
    assert reading.raw_text[raw_start:raw_end] == row


def test_each_row_under_a_merged_lead_cell_gets_that_lead_end_to_end():
    assert roles_per_task(LEAD_OVER_THREE_ROWS) == {
        "1": [("市发展改革委", "lead"), ("市财政局", "participant")],
        "2": [("市发展改革委", "lead"), ("市自然资源局", "participant")],
        "3": [("市发展改革委", "lead"), ("市工商联", "participant")],
        "4": [("市商务局", "lead"), ("市文旅局", "participant")],
    }


def test_a_two_row_header_assigns_lead_and_participants_end_to_end():
    assert roles_per_task(TWO_ROW_HEADER) == {
        "1": [("县市场监管局", "lead"), ("县税务局", "participant"), ("县公安局", "participant")],
        "2": [("县发改委", "lead"), ("县财政局", "participant")],
    }
