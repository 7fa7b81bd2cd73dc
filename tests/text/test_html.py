"""A saved page with site chrome and a 任务分工表: main text, TAB-separated rows, metadata, offsets."""
from __future__ import annotations

import pytest

from policykit.text import read_source

PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>某某县人民政府门户网站</title>
<meta name="ArticleTitle" content="某某县2024年优化营商环境重点任务分工方案">
<meta name="PubDate" content="2024-03-15 09:30">
<meta name="ContentSource" content="某某县人民政府办公室">
<style>p {color: red}</style><script>var nav = "首页";</script>
</head><body>
<div class="top"><a href="/">首页</a> &gt; <a>政务公开</a> &gt; <a>通知公告</a></div>
<ul class="nav"><li>登录</li><li>注册</li></ul>
<div class="article">
<h1>某某县2024年优化营商环境重点任务分工方案</h1>
<p>为持续优化营商环境，制定本方案。</p>
<p>一、工作目标</p>
<p>到2024年底，企业开办时间压减至1个工作日以内。</p>
<table>
<tr><th>序号</th><th>工作事项</th><th>牵头单位</th><th>配合单位</th></tr>
<tr><td>1</td><td><p>压减企业开办时间</p></td><td>县行政审批服务局</td><td>县市场监管局、县税务局</td></tr>
<tr><td>2</td><td>推行“一网通办”</td><td>县大数据中心</td><td>县直各部门</td></tr>
</table>
<p>二、保障措施</p>
<p>各单位要<b>高度重视</b>，确保任务落实。</p>
</div>
<div class="footer">版权所有：某某县人民政府　扫一扫在手机打开当前页</div>
</body></html>
"""


def test_table_rows_become_one_tab_separated_line_each_with_the_header_row():
    reading = read_source(PAGE.encode(), "page.html")
    assert len(reading.documents) == 1
    lines = reading.documents[0].text.split("\n")
    assert "序号\t工作事项\t牵头单位\t配合单位" in lines
    assert "1\t压减企业开办时间\t县行政审批服务局\t县市场监管局、县税务局" in lines
    assert "2\t推行“一网通办”\t县大数据中心\t县直各部门" in lines


def test_main_text_keeps_paragraphs_and_drops_chrome_scripts_and_styles():
    reading = read_source(PAGE.encode(), "page.html")
    text = reading.documents[0].text
    assert "为持续优化营商环境，制定本方案。\n一、工作目标\n" in text
    assert "各单位要高度重视，确保任务落实。" in text
    for junk in ("政务公开", "登录", "版权所有", "color", "var nav", "<"):
        assert junk not in text, junk


def test_raw_text_is_the_page_without_tags_and_offsets_map_into_it():
    reading = read_source(PAGE.encode(), "page.html")
    assert "<p>" not in reading.raw_text and "政务公开" in reading.raw_text
    doc = reading.documents[0]
    row = "1\t压减企业开办时间\t县行政审批服务局\t县市场监管局、县税务局"
    start = doc.text.index(row)
    raw_start, raw_end = doc.offsets.raw_span(start, start + len(row))
    assert reading.raw_text[raw_start:raw_end] == row
    assert "cleaned:html-main" in {w.code for w in reading.warnings}


def test_page_meta_tags_are_metadata_candidates():
    meta = read_source(PAGE.encode(), "page.html").documents[0].metadata
    assert meta.title == "某某县2024年优化营商环境重点任务分工方案"
    assert meta.issuer == "某某县人民政府办公室"
    assert meta.published_on == "2024-03-15"
    assert meta.doc_type == "division_of_labour"
    assert meta.year == 2024


def test_page_title_without_site_name_is_the_title_when_the_body_has_none():
    page = (
        "<html><head><title>某某市2024年重点工作任务 - 某某市人民政府</title></head><body>"
        "<div><p>一、稳定经济增长</p><p>1.扩大有效投资。全年完成投资增长8%以上。（牵头单位：市发展改革委）</p></div></body></html>"
    )
    meta = read_source(page.encode(), "p.html").documents[0].metadata
    assert meta.title == "某某市2024年重点工作任务"
    assert (meta.region, meta.level, meta.doc_type, meta.year) == ("某某市", "city", "key_tasks", 2024)


@pytest.mark.parametrize("depth", [5_000, 50_000])
def test_deeply_nested_page_is_rendered_without_recursion(depth):
    page = b"<html><body>" + b"<div>" * depth + "<p>建设实验室</p><table><tr><td>序号</td><td>牵头单位</td></tr></table>".encode() + b"</div>" * depth + b"</body></html>"
    reading = read_source(page, "deep.html")
    assert not [w for w in reading.warnings if w.code == "read-failed"]
    assert reading.raw_text == "建设实验室\n序号\t牵头单位\n"
    # past 10 000 levels the extra block tags are left out (Lexbor's parse slows with depth squared)
    flattened = [w.message for w in reading.warnings if w.code == "html-too-deep"]
    assert flattened == ([] if depth <= 10_000 else [f"deep.html: {depth - 10_000} block elements nested deeper than 10000 levels were flattened (tags left out, text kept)"])


def test_flattening_a_too_deep_page_keeps_the_text_and_the_blocks_above_the_limit():
    page = "<html><body><div><p>一、总体要求</p>" + "<div>" * 12_000 + "深处" + "</div>" * 12_000 + "<p>二、保障措施</p></div></body></html>"
    reading = read_source(page.encode(), "deep.html")
    assert reading.raw_text == "一、总体要求\n深处\n二、保障措施\n"
