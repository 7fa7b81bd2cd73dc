"""_split's fast paths agree with the definitions they stand in for (_title_blocks: the loop as first written, every test asked of every line)."""
from __future__ import annotations

import re
from dataclasses import field, make_dataclass

from hypothesis import example, given, settings
from hypothesis import strategies as st

from policykit.text import _split, line_spans
from policykit.text._cues import alt, words
from policykit.text._split import (
    _CLAUSE_MARK, _CONTINUATION, _ENUMERATED, _HAN, _HEADER_LINE, _TITLE_TAIL, MAX_NOTICE, MIN_FRAGMENT, _add_title,
    _is_notice, _is_title_line, _opens_block, _split_word_tail, _title_of,
)


def _is_fragment_as_written(line: str) -> bool:
    return (MIN_FRAGMENT <= len(line) <= 60 and not _CLAUSE_MARK.search(line) and bool(_HAN.search(line))
            and not (line[0] in "（(" and line[-1] in ")）")
            and not _ENUMERATED.match(line) and not _HEADER_LINE.match(line) and not line.endswith(_CONTINUATION))


def _title_blocks_as_written(text: str) -> list[tuple[int, int, list[str]]]:
    """The loop of 8c243d1 (its title lines added as there): every line's tests asked through their functions, the
    dash of the last block looked up on each line."""
    blocks: list[tuple[int, int, list[str]]] = []
    consumed = 0
    fragments: list[tuple[int, str]] = []
    previous, gap = "", True
    pos = 0
    for raw in text.split("\n"):
        line_start, pos = pos, pos + len(raw) + 1
        if not raw or line_start < consumed:
            continue
        line, line_end = raw.strip(), line_start + len(raw)
        if not line:
            gap = True
            continue
        before, opened = previous, gap
        previous, gap = line, False
        if len(line) > 90 and not (len(line) <= MAX_NOTICE and _is_notice(line)):
            fragments = []
            continue
        joined = _split_word_tail(text, line, line_end) if len(line) <= 60 else None
        if joined is not None:
            line, line_end = line + joined[0], joined[1]
            consumed = line_end
        continues = bool(blocks) and blocks[-1][2][-1].endswith(_CONTINUATION) and not text[blocks[-1][1]:line_start].strip()
        if blocks and _TITLE_TAIL.match(line) and not text[blocks[-1][1]:line_start].strip():
            blocks[-1] = (blocks[-1][0], line_end, blocks[-1][2][:-1] + [blocks[-1][2][-1] + line])
            continue
        if not (_is_title_line(line) or continues or (5 <= len(line) <= 60 and line.endswith(_CONTINUATION) and not _HEADER_LINE.match(line))):
            if _is_fragment_as_written(line) and (fragments or opened or _opens_block(before)):
                fragments.append((line_start, line))
            else:
                fragments = []
            continue
        _add_title(text, blocks, fragments if not continues else [], line, line_start, line_end)
        fragments = []
    return [b for b in blocks if _is_title_line(_title_of(b[2]))]


_SENTENCE = "各地要加强组织领导，完善工作机制，确保各项任务落到实处。" * 4  # a paragraph of more than 90 characters
# Lines of every kind the loop tells apart: titles, wrapped and dashed titles, tails under a title, titles broken
# inside their noun (and the short line finishing them), numbered headings, headers, paragraphs, long notices, blanks.
_PIECES = ["某某市人民政府关于印发行动计划的通知", "某某市数字经济发展行动计划", "青岛市支持企业发展", "奖补政策实施细则",
           "政府工作报", "告", "实施细", "则", "某某市关于推进——", "产业发展的实施方案", "（2021—2025年）", "（试行）",
           "(2023年)", "（牵头单位）", "一、科技创新", "（一）总体要求", "— 2 —", "标题：行动计划", "2024年3月1日",
           _SENTENCE, "关于印发" + "某某" * 45 + "行动计划的通知", "  ", "\u3000", "", "《", "数字经济", "--", "附件"]
_RUN_ON = "各地要加强组织领导" * 11  # a paragraph the page breaks mid-sentence
_PIECES.append(_RUN_ON)
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=14).map("\n".join)


@settings(max_examples=1500, deadline=None)
@given(_TEXTS)
@example("某某市数字经济发展行动计划\n（2021—2025年）\n" + _SENTENCE)  # a tail under a title
@example("某某市关于推进——\n产业发展的实施方案\n" + _SENTENCE)  # a dashed title going on
@example("某某市数字经济发展行动计划\n（试行）\n某某市关于推进——\n产业发展的实施方案")  # a dash after a tail
@example(_SENTENCE + "\n政府工作报\n告\n" + _SENTENCE)  # a title broken inside its noun
@example(_SENTENCE + "\n某某市人民政府关于实施细\n则\n" + _SENTENCE)
@example("\u3000\n" + _RUN_ON + "\n青岛市支持企业发展\n奖补政策实施细则")  # a paragraph after a blank line is no gap itself
def test_title_blocks_are_those_of_the_loop_as_written(text):
    assert _split._title_blocks(text) == _title_blocks_as_written(text)


# Pieces of footer lines (山东省人民政府办公厅2020年12月10日印发) and of the lines around them.
_FOOTER_PIECES = st.lists(st.sampled_from(["山东省人民政府办公厅", "2020年12月10日", "2020年", "12月", "10日", "印发", " ", "\u3000",
                                           "\t", "\n", "。", "甲"]), max_size=12).map("".join)


@settings(max_examples=500, deadline=None)
@given(_FOOTER_PIECES, st.integers(0, 60), st.integers(0, 60))
@example("办公厅2020年12月10日 印发\u3000\n", 0, 60)  # spaces before the word and after it
@example("甲\n办公厅2020年12月10日印发", 2, 30)  # a footer line at the end of the window
def test_every_footer_line_has_the_end_the_gate_looks_for(text, start, length):
    start = min(start, len(text))
    end = min(start + length, len(text))
    if line_spans(_split._FOOTER, text, start, end):
        assert _split._FOOTER_END.search(text, start, end)


# _TIPS as first written: the tip words as one group, then the selection word before a count of pieces.
_TIPS_AS_WRITTEN = re.compile(rf"{alt('page_noise', 'tips')}|{alt('page_noise', 'selection')}\d+{_split._PIECE}")
_TIP_PIECES = st.lists(st.sampled_from([*words("page_noise", "tips"), *words("page_noise", "selection"), "3", "12",
                                        *_split._PIECE_WORDS, "甲", "\n", "供", "精"]), max_size=10).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TIP_PIECES)
def test_tips_are_found_where_the_pattern_as_first_written_finds_them(text):
    assert [m.span() for m in _split._TIPS.finditer(text)] == [m.span() for m in _TIPS_AS_WRITTEN.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*words("document_words", "notice_noun"), "《", "》", "〈", "“", '"', " ", "\n", "甲"]), max_size=8).map("".join))
def test_patterns_compiled_once_read_as_those_built_per_call(text):
    assert bool(_split._ENDS_NOTICE.search(text)) == bool(re.search(f"{_split._NOTICE_NOUN}$", text))
    assert _split._DRESSING.sub("", text) == re.sub(r"[\s《》〈〉“”\"]", "", text)


def _is_title_line_as_written(line: str) -> bool:
    """As first written: the notice test asked of every line whose last character can end a title."""
    if line[-1:] not in _split._TITLE_LAST:
        return False
    longest = MAX_NOTICE if _is_notice(line) else 90
    return (5 <= len(line) <= longest and "。" not in line and "；" not in line and not _ENUMERATED.match(line)
            and not _HEADER_LINE.match(line) and bool(_split._TITLE_END.search(line)))


# Titles, notices and paragraphs of every length around 90 and MAX_NOTICE characters (the lengths the test turns on).
_NOTICE_LINE = st.integers(0, 100).map(lambda n: "关于印发" + "某" * n + "行动计划的通知")
_PLAIN_LINE = st.tuples(st.sampled_from(["", "某某市", "一、", "标题：", "（一）"]), st.integers(0, 210),
                        st.sampled_from(["行动计划", "实施方案）", "。", "；", "（试行）", "计划\n"])).map(lambda t: t[0] + "甲" * t[1] + t[2])
# Lines closing a parenthesis, with or without one opened in them (参与单位:…) / 行动计划（试行）).
_PAREN_LINE = st.tuples(st.text(st.sampled_from("甲通知计划（）()：: \n"), max_size=30), st.sampled_from("）)")).map("".join)


@settings(max_examples=800, deadline=None)
@given(st.one_of(_NOTICE_LINE, _PLAIN_LINE, _PAREN_LINE))
@example("某某市" + "甲" * 83 + "行动计划")  # 90 characters, no notice
@example("某某市" + "甲" * 84 + "行动计划")  # 91
@example("关于印发" + "某" * 79 + "行动计划的通知")  # 90 characters
@example("关于印发" + "某" * 80 + "行动计划的通知")  # 91: a notice only
@example("关于印发" + "某" * 189 + "行动计划的通知")  # 200
@example("关于印发" + "某" * 190 + "行动计划的通知")  # 201: too long even for a notice
@example("参与单位:县教育局、市财政局)")  # a parenthesis closed, none opened
@example("行动计划(2023年)")
@example("某某市行动计划（试行）")
def test_a_title_line_is_one_by_the_tests_as_written(line):
    assert _is_title_line(line) == _is_title_line_as_written(line)


_SEGMENT_FIELDS = (("start", None), ("end", None), ("title", None), ("notice_title", None), ("dropped", None), ("annex", False))
# The segment as first written: a frozen dataclass of these fields in this order, the last four with these defaults.
_SegmentAsWritten = make_dataclass("Segment", [("start", int), ("end", int)] + [
    (name, object, field(default=default)) for name, default in _SEGMENT_FIELDS[2:]], frozen=True)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 9), st.integers(0, 9), st.lists(st.sampled_from(_SEGMENT_FIELDS[2:]), unique=True).flatmap(
    lambda named: st.fixed_dictionaries({name: st.sampled_from(["甲", None, True]) for name, _ in named})))
def test_a_segment_is_built_read_and_printed_as_the_frozen_record(start, end, given_fields):
    segment, record = _split.Segment(start, end, **given_fields), _SegmentAsWritten(start, end, **given_fields)
    assert segment._asdict() == vars(record)
    assert repr(segment) == repr(record)
