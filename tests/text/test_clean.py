"""Each cleaning step on small hand-made inputs, switching steps, and the offset map round trip."""
from __future__ import annotations

import opencc
from hypothesis import given, settings
from hypothesis import strategies as st

from policykit.text import CLEANING_STEPS, read_source
from policykit.text._clean import chrome, clean, fullwidth, is_traditional, newlines, pinyin, traditional, whitespace
from policykit.text._edits import apply_edits


def run(step, text: str) -> str:
    return apply_edits(text, step(text))[0]


def test_newlines_turn_crlf_and_cr_into_lf():
    assert run(newlines, "一、总体要求\r\n1.任务\r2.任务") == "一、总体要求\n1.任务\n2.任务"


def test_pinyin_after_characters_is_removed():
    assert run(pinyin, "運(yùn)動(dòng)會(huì)食品安全") == "運動會食品安全"


def test_pinyin_keeps_real_parentheses():
    text = "(牵头单位:县科技局)实施三年行动计划(2023-2025年)，见附件(a)。"
    assert run(pinyin, text) == text


def test_toneless_pinyin_goes_only_on_a_pinyin_noisy_page():
    assert run(pinyin, "他們(men)的工作") == "他們(men)的工作"
    assert run(pinyin, "時(shí)間(jiān)導(dǎo)他們(men)") == "時間導他們"


def test_pinyin_remnants_of_mojibake_go_on_a_pinyin_noisy_page():
    assert run(pinyin, "運(yùn)動(dòng)會(huì)我們?cè)谌國") == "運動會我們?谌國"
    assert run(pinyin, "为何?ab)") == "为何?ab)"


def test_fullwidth_digits_letters_and_ascii_punctuation_become_ascii_one_to_one():
    text = "增长７．５％，ＧＤＰ达到１００亿元；（一）牵头：县局、市局。"
    out = run(fullwidth, text)
    assert out == "增长7.5%，GDP达到100亿元；（一）牵头：县局、市局。"
    assert len(out) == len(text)


def test_traditional_is_converted_only_when_the_text_is_traditional():
    trad = "現在，我代表市人民政府向大會報告工作，請予審議，並請市政協委員和其他列席人員提出意見。"
    assert is_traditional(trad)
    assert run(traditional, trad) == opencc.OpenCC("t2s").convert(trad)
    simple = "现在，我代表市人民政府向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。"
    assert not is_traditional(simple)
    assert traditional(simple) == []


FORUM = """设为首页收藏本站
查看: 1662|回复: 0

[山东] 2020年利津县政府工作报告

[复制链接]
  • TA的每日心情
    开心
    2021-1-21 08:50
  • 签到天数: 2 天

    [LV.1]初来乍到

    1040

    主题

    7020

    积分

    版主

    Rank: 7Rank: 7Rank: 7
    发表于 2021-1-4 15:18:15 | 显示全部楼层 |阅读模式
    2020年利津县政府工作报告
    各位代表:
    现在,我代表县人民政府向大会作政府工作报告。

    您需要登录后才可以回帖 登录 | 立即注册

    本版积分规则
    客服中心
    关闭
    Powered by quyushuju X3.4
"""


def test_chrome_removes_forum_boilerplate_and_keeps_the_text():
    out = run(chrome, FORUM)
    for junk in ("设为首页", "查看:", "复制链接", "TA的每日心情", "开心", "LV.1", "Rank", "积分", "发表于", "登录", "Powered"):
        assert junk not in out, junk
    assert "[山东] 2020年利津县政府工作报告" in out
    assert "现在,我代表县人民政府向大会作政府工作报告。" in out


def test_chrome_removes_site_navigation_and_header_labels():
    page = "首页 > 政务公开 > 正文内容\n字号:  \n发布机构: 成武县人民政府办公室\n文  号: 成政办字〔2023〕9号\n欢迎来到58原创网网\n打印 关闭\n扫一扫在手机打开\n正文第一段。\n"
    assert run(chrome, page) == "正文第一段。\n"


def test_whitespace_strips_line_edges_spaced_titles_and_blank_runs():
    text = "\n\n 政 府 工 作 报 告 \n\n\n\n\u3000\u3000各位代表：\u200b\n"
    assert run(whitespace, text) == "政府工作报告\n\n各位代表："


def test_steps_can_be_switched_and_are_reported():
    data = "運(yùn)動(dòng)會(huì)　２０２３年\n".encode()
    all_steps = read_source(data, "x.txt")
    assert all_steps.documents[0].text == "運動會 2023年"
    assert {"cleaned:pinyin", "cleaned:fullwidth"} <= {w.code for w in all_steps.warnings}
    no_pinyin = read_source(data, "x.txt", steps=[s for s in CLEANING_STEPS if s != "pinyin"])
    assert no_pinyin.documents[0].text == "運(yùn)動(dòng)會(huì) 2023年"
    unknown = read_source(data, "x.txt", steps=["pinyin", "nonsense"])
    assert any(w.code == "unknown-step" and "nonsense" in w.message for w in unknown.warnings)


NOISY = (
    "首页 > 新闻\r\n\r\n"
    "運(yùn)動(dòng)會(huì)食品安全保障方案\r\n"
    "\u3000\u3000一、目标：到２０２３年，抽检合格率达到９８％以上(牵头单位:市场监管局)。\r\n\r\n\r\n"
    "\u3000\u3000二、措施：加強(qiáng)監(jiān)管，確(què)保萬(wàn)無(wú)一失。\r\n"
    "熱門標籤\r\n"
)


def test_offset_map_round_trip_on_a_noisy_page():
    reading = read_source(NOISY.encode(), "noisy.txt")
    doc = reading.documents[0]
    t2s = opencc.OpenCC("t2s")
    for i, ch in enumerate(doc.text):
        raw_start, raw_end = doc.offsets.raw_span(i, i + 1)
        original = reading.raw_text[raw_start:raw_end]
        assert raw_end - raw_start == 1
        assert ch == original or ch == t2s.convert(original) or ch == original.translate({0x3000: 0x20}) or ord(original) - 0xFEE0 == ord(ch), (i, ch, original)


SIMPLIFIED_NOISY = (
    "首页 > 新闻\r\n\r\n"
    "运(yùn)动(dòng)会(huì)食品安全保障方案\r\n"
    "\u3000\u3000一、目标：到２０２３年，抽检合格率达到９８％以上(牵头单位:市场监管局)。\r\n\r\n\r\n"
    "\u3000\u3000二、措施：加强(qiáng)监管，确(què)保万无一失。\r\n"
    "热门标签\r\n"
)
_LAYOUT = str.maketrans("", "", " \n")


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_clean_spans_map_back_to_the_raw_characters_they_came_from(data):
    from policykit.text import OffsetMap

    text, anchors, _ = clean(SIMPLIFIED_NOISY)
    offsets = OffsetMap(tuple(anchors))
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    raw_start, raw_end = offsets.raw_span(start, end)
    # the raw characters a clean span came from clean to that span (line layout aside)
    again, _, _ = clean(SIMPLIFIED_NOISY[raw_start:raw_end], steps=["newlines", "pinyin", "fullwidth"])
    assert again.translate(_LAYOUT) == text[start:end].translate(_LAYOUT)


def test_prepare_builds_the_converter_that_traditional_then_uses():
    from policykit.text import prepare
    from policykit.text._clean import _t2s

    _t2s.cache_clear()
    prepare()
    assert _t2s.cache_info().currsize == 1  # built ahead, before any Traditional text
    trad = "運動會國際經濟發展與環境保護計劃實施辦法，進一步擴大對外開放。" * 2
    assert run(traditional, trad) == opencc.OpenCC("t2s").convert(trad)
    assert _t2s.cache_info().misses == 1  # not built again
