"""The section reader's fast paths agree with the plain definitions they stand in for."""
from __future__ import annotations

import hashlib
import re
from unittest import mock

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from policykit.extract import _numbering, _structure
from policykit.extract._lexicon import alternation, of_kind
from policykit.extract._parsed import parse
from policykit.extract._records import TaskRecord
from policykit.extract._sieve import start_gate

_SPANS = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 12)).map(lambda s: (s[0], s[0] + s[1])), max_size=6)


@settings(max_examples=300, deadline=None)
@given(_SPANS)
def test_covered_is_any_span_holding_the_offset(spans):
    covered = _structure._covered(tuple(spans))
    for x in range(-1, 45):
        assert covered(x) == any(a <= x < b for a, b in spans)


_OUTLINE_BITS = st.lists(st.sampled_from(["一", "十", "、", "（", "）", "1", "2", ".", "\n", "第", "条", "章", "①", "甲", " ", "\t"]),
                         max_size=14).map("".join)


@settings(max_examples=600, deadline=None)
@given(_OUTLINE_BITS)
def test_the_mark_spans_read_after_their_lead_are_those_of_the_grammar(text):
    grammar = [(m.span(), m.lastgroup, m.group(m.lastgroup)) for m in _numbering._MARK_GRAMMAR.finditer(text)]
    scan = [(m.span(), m.lastgroup, _numbering._number_of(m, m.lastgroup)) for m in _numbering._MARK_SPANS.finditer(text)]
    assert scan == grammar  # the same marks, each read by the same branch with the same number
    reread = [_numbering._MARK_GRAMMAR.match(text, span[0]) for span, _, _ in scan]
    assert [(m.span(), m.lastgroup, m.group(m.lastgroup)) for m in reread] == grammar


_MARK_RUNS = st.lists(st.sampled_from(["一、", "十二、", "（一）", "（二）", "1.", "１．", "2.5", "12.", "3、", "（3）", "4）", "①",
                                       "第一条", "一是", "01、", "5\t", "\n", "  ", "\u3000\u3000", " ", "甲乙", "。", "万元"]),
                      max_size=16).map("".join)


def _paragraph_slow(text: str, line: int, start: int) -> int:
    """Where a candidate's paragraph starts: after the last run of two spaces or more between its line's start and it."""
    gaps = list(re.finditer(r"[ \u3000\u00a0\u2002\u2003]{2,}", text[:start]))
    return max([line] + [g.end() for g in gaps if g.start() >= line])


@settings(max_examples=500, deadline=None)
@given(_MARK_RUNS)
def test_each_candidate_is_read_as_the_grammar_reads_its_mark_alone(text):
    # Readings are kept per mark and branch within a text, and runs of spaces are read on from the last candidate
    # of the line: each candidate is still what reading its mark afresh, and its line from its start, gives.
    for c in _numbering._candidates(text, parse(text).quantities):
        mark = _numbering._MARK_GRAMMAR.match(text, c.start)
        style, number, value, dress = _numbering._reading(mark, mark.lastgroup)
        assert (c.style, c.number, c.value, c.dress) == ("num" if style == "bare" else style, number, value, dress)
        assert c.line == text.rfind("\n", 0, c.start) + 1
        assert c.paragraph == _paragraph_slow(text, c.line, c.start)


def test_the_scan_of_some_branches_finds_the_marks_of_their_grammar_alone():
    branches = tuple(b for b in _numbering._BRANCHES if b.group in ("cn", "num"))
    grammar = re.compile("|".join(b.grammar() for b in branches))
    scan = _numbering._scan_pattern(grammar, branches)
    text = "一、甲（二）乙3.丙第四条"
    assert [(m.span(), m.lastgroup) for m in scan.finditer(text)] == [((0, 2), "cn"), ((7, 9), "num")]


def test_the_generated_runs_hold_recurring_marks_and_paragraphs_inside_lines():
    candidates = _numbering._candidates("1.甲  2.乙  1.丙\n（一）甲  （二）乙", ())
    assert [(c.number, c.paragraph > c.line) for c in candidates] == [
        ("1", False), ("2", True), ("1", True), ("一", False), ("二", True)]


_RUN_PLAIN = re.compile(r"[ \u3000\u00a0\u2002\u2003]{2,}")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["\n", " ", "\u3000", "\u00a0", "\t", "甲"]), max_size=12).map("".join), st.integers(0, 12),
       st.integers(0, 12))
def test_a_run_of_spaces_led_by_a_class_is_the_plain_run(text, pos, end):
    assert [m.span() for m in _numbering._GAP_ANY.finditer(text, pos, end)] == [
        m.span() for m in _RUN_PLAIN.finditer(text, pos, end)]


def test_the_generated_outlines_hold_every_branch_after_a_lead():
    text = "第一章 第二节 第三条 一是推进 二、（三）4\t5.6 甲7.乙（8）9）\n10建设 ①甲 01、"
    styles = [_numbering._MARK_GRAMMAR.match(text, m.start()).lastgroup for m in _numbering._MARK_SPANS.finditer(text)]
    assert styles == ["chap", "sect", "article", "shi", "cn", "pcn", "row", "dnum", "num", "pnum", "rnum", "bare",
                      "glyph", "zero"]
    assert sorted(styles) == sorted(b.group for b in _numbering._BRANCHES)


def test_every_branch_a_digit_opens_refuses_a_number_before_it():
    # What lets the scan turn away a digit run on from a number before trying the branches.
    digits = [c for c in "0123456789０１２３４５６７８９"]
    opened = [b for b in _numbering._BRANCHES if any(re.fullmatch(b.lead, d) for d in digits)]
    assert {b.group for b in opened} == {"zero", "row", "num", "dnum", "rnum", "bare"}
    refused = re.compile(f"[{_numbering._BEFORE_NUMBER}]")
    guarded = [chr(c) for c in range(0x10000) if refused.fullmatch(chr(c))]
    assert len(guarded) == 22  # the digits of both widths and both decimal points
    for b in opened:
        for before in guarded:
            assert re.fullmatch(f"[{b.not_after}]", before), (b.group, before)


def test_each_mark_opens_with_one_character():
    # The scan reads one character, the lead, before each branch: an ordinal word of two would not be read.
    assert all(len(word) == 1 for word in _numbering._ORDINAL.split("|"))


def test_branches_of_leads_sharing_a_character_come_in_the_grammars_order():
    opening = _numbering.first_chars(_numbering._MARK_GRAMMAR)
    chars = [chr(c) for c in range(0x10000) if opening.fullmatch(chr(c))]
    leads = list(dict.fromkeys(b.lead for b in _numbering._BRANCHES))
    opens = {lead: {c for c in chars if re.fullmatch(lead, c)} for lead in leads}
    order = {lead: [i for i, b in enumerate(_numbering._BRANCHES) if b.lead == lead] for lead in leads}
    for i, first in enumerate(leads):
        for second in leads[i + 1:]:
            if opens[first] & opens[second]:
                assert max(order[first]) < min(order[second]), (first, second)



_FOOTER_PLAIN = re.compile(f"^(?:{_structure._FOOTER_WORD})|^(?:{_structure._FOOTER_DATED})", re.M)
_FOOTER_BITS = st.lists(st.sampled_from(["抄送", "上一篇", "2024", "年", "3", "月", "1", "日", "印发", "发布", "\n", " ",
                                         "\u3000", "\t", "某县政府", "。", "2024年3月1日", "2024年\n3月1日"]), max_size=24).map("".join)


@settings(max_examples=600, deadline=None)
@given(_FOOTER_BITS)
def test_footer_starts_are_the_matches_of_the_line_start_pattern(text):
    assert _structure._footer_starts(text) == [m.start() for m in _FOOTER_PLAIN.finditer(text)]


def test_the_generated_texts_hold_footers_of_both_kinds():
    assert _structure._footer_starts("正文\n  抄送：各局\n某县政府 2024年3月1日印发") == [3, 11]
    assert _structure._footer_starts("2024年 3 月\n1日\n发布\n抄送") == [0, 16]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.integers(0, 4), max_size=20))
def test_the_end_of_each_item_is_the_next_item_at_its_depth_or_above(depths):
    nodes = [_structure._Node("num", str(i), 10 * i, 10 * i + 2, depth=d) for i, d in enumerate(depths)]
    assert _structure._next_at_or_above(nodes, 999) == [
        next((n.start for n in nodes[i + 1:] if n.depth <= node.depth), 999) for i, node in enumerate(nodes)]


_GAP_PLAIN = re.compile(r"\n|[ \u3000\u00a0\u2002\u2003]{2}")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["\n", " ", "\u3000", "\u00a0", "\u2002", "\u2003", "\t", "甲", "。"]), max_size=12).map("".join),
       st.integers(0, 12))
def test_the_gap_pattern_led_by_a_class_finds_what_the_plain_one_finds(text, pos):
    found, plain = _numbering.PARAGRAPH_BREAK.search(text, pos), _GAP_PLAIN.search(text, pos)
    assert (found and found.start()) == (plain and plain.start())


_AROUND_A_DECIMAL = st.lists(st.sampled_from(
    ["2", "12", "３", ".", "．", "%", "％", "万", "亿", "千", "十", "百", "元", "万元", "角", "分", "个", "吨", "千米", "平方公里",
     "吨标准煤", "微克", "立方米", "EFLOPS", "TFLOPS", "/", "以上", "及以上", "左右", "-", "--", "至", "余", "成", "半",
     "零", "二", "贰", "拾", "超过", "约", "不低于", "至少", "第", "百分之", "个百分点", " ", "\u3000", "\n", "A", "e",
     ",", "，", "甲"]), max_size=12).map("".join)


# Lower groups, units and per-units that run a quantity up to and across the reach.
_UNIT_RUN = st.lists(st.sampled_from(["万", "亿", "1234.5678", "/", "EFLOPS", "TFLOPS", "PFLOPS", "平方公里", "万吨标准煤",
                                      "千瓦时", "微克", "立方米", "元", "吨", "--", "至", "以上"]), max_size=5).map("".join)


@settings(max_examples=3000, deadline=None)
@given(_AROUND_A_DECIMAL, st.sampled_from(["2.5", "１２．５", "0.75", "3.0"]), _UNIT_RUN, _AROUND_A_DECIMAL)
def test_a_decimal_is_an_amount_by_the_texts_quantities_as_by_reading_it_alone(before, decimal, units, after):
    # The text's quantities answer only where reading the decimal and its reach alone finds the same unit: a
    # quantity has its number there, no space follows it, nothing past the reach was read (a long unit, a
    # per-unit across the reach: 2.5EFLOPS/TFLOPS).
    text = before + decimal + units + after
    quantities = parse(text).quantities
    numbers = [q.number_start for q in quantities]
    start = len(before)
    assert _numbering._amount_at(text, start, quantities, numbers) == _numbering._amount_at(text, start)


def _drop_preamble_slow(nodes):
    """_drop_preamble as first written: every node's rank read, and read again for the nodes kept."""
    top = [n for n in nodes if _structure._RANK[n.style] <= _structure._TOP_RANK]
    if len(top) < 2 or top[0].value != 1:
        return nodes
    return [n for n in nodes if n.start >= top[0].start or _structure._RANK[n.style] <= _structure._TOP_RANK]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["cn", "chap", "zero", "num", "pcn", "sect"]), st.sampled_from(["1", "2", "一"])),
                max_size=8))
def test_the_preamble_dropped_is_the_one_every_node_is_read_for(styles):
    nodes = [_structure._Node(style, number, 10 * i, 10 * i + 2) for i, (style, number) in enumerate(styles)]
    assert _structure._drop_preamble(nodes) == _drop_preamble_slow(nodes)


def _markers_slow(text, marks, indicators, footers):
    """_markers running every filter over every mark."""
    in_table = _structure._covered(indicators)
    marks = [m for m in marks if not in_table(m.start)]
    marks = _outside_footers_slow(marks, footers)
    marks = [m for i, m in enumerate(marks) if not _structure._sub_row(text, marks[i - 1] if i else None, m)]
    return [_structure._Node(m.style, m.number, m.start, m.body, following=marks[i + 1].start if i + 1 < len(marks)
                             else len(text), run_in=m.run_in) for i, m in enumerate(marks)]


def _is_heading_line_slow(text, node):
    """Whether an item's line is a heading's: its gap searched for on to the text's end, then cut at the next item."""
    gap = _numbering.PARAGRAPH_BREAK.search(text, node.body)
    line = text[node.body:min(gap.start() if gap else len(text), node.following)]
    return len(line.strip()) <= 30 and "。" not in line


def _outside_footers_slow(marks, starts):
    """_outside_footers testing every footer line between two marks."""
    kept, footer = [], False
    for i, m in enumerate(marks):
        previous = marks[i - 1].start if i else 0
        if i and any(previous <= f < m.start for f in starts):
            footer = True
        if footer and _structure.RANK[m.style] <= _structure._TOP_RANK and not m.run_in:
            footer = False
        if not footer:
            kept.append(m)
    return kept


def _mark_own_clauses_slow(text, nodes, clauses, run_together):
    """_mark_own_clauses trying every node for every clause, and every node for the item after a clause; the
    owners marked as the code marks them."""
    def alone(start, end):
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end == -1 else line_end
        if line_start in run_together:
            before = text[line_start:start].rstrip()
            next_item = min((n.start for n in nodes if n.start >= end), default=line_end)
            return (not before or before[-1] in "。；;") and not text[end:min(line_end, next_item)].strip()
        return not text[line_start:start].strip() and not text[end:line_end].strip()

    owners = []
    for start, end in clauses:
        owner = None
        for node in nodes:
            if node.start <= start < node.end and (owner is None or node.depth > owner.depth):
                owner = node
        owners.append((owner, alone(start, end)))
    _mark_owners_slow(owners)


def _mark_owners_slow(owners):
    """_mark_owners asking every clause whether it closes its section."""
    with_clause = {id(o) for o, _ in owners if o is not None}

    def closes_section(owner, alone):
        parent = owner.parent if owner is not None else None
        return alone and parent is not None and parent.children[-1] is owner and not any(
            id(sibling) in with_clause for sibling in parent.children if sibling is not owner)

    closers = [i for i, (o, a) in enumerate(owners) if closes_section(o, a)]
    document_closes_sections = any(len(owners[i][0].parent.children) > 1 for i in closers)
    for i, (owner, _) in enumerate(owners):
        if owner is not None:
            if i in closers and (document_closes_sections or len(owner.parent.children) > 1):
                owner = owner.parent
            owner.own_clause = True


def _records_slow(text, tasks, rows):
    """_records walking up from every task to read its path and section, each record built by its constructor."""
    out, seen = [], set()
    for node in tasks:
        ancestors, parent = [], node.parent
        while parent is not None:
            ancestors.insert(0, parent)
            parent = parent.parent
        path = tuple(a.number for a in ancestors)
        key = "/".join((*path, node.number)) + "@" + hashlib.sha1(node.title.encode()).hexdigest()[:6]
        while key in seen:
            key += "+"
        seen.add(key)
        out.append(TaskRecord(key, node.number, path, ancestors[-1].title if ancestors else None, node.title, node.start,
                              node.end, tuple(rows.get(id(node), ()))))
    return tuple(out)


def _restated_slow(row, body, titles):
    """_restated reading both titles again for every pair and the best share twice."""
    def share(task):
        words, title = set(re.sub(r"\W", "", row.title)), re.sub(r"\W", "", task.title)
        return sum(ch in title for ch in words) / len(words) if words and title else 0.0

    best = max(body, key=lambda t: (share(t), t.number == row.number), default=None)
    if best is None:
        return None
    return best if share(best) >= _structure._SAME_TITLE_ANY or (
        share(best) >= _structure._SAME_TITLE and best.number == row.number) else None


_TREE_BITS = st.lists(st.sampled_from(
    ["一、", "二、", "（一）", "（二）", "1.", "2.", "3、", "\n", "  ", "\u3000\u3000", "建设平台", "。", "保障措施",
     "（牵头单位：市科技局）", "（市财政局负责）", "市科技局牵头", "抄送：各局\n", "1\t建设平台\t市科技局\n",
     "序号\t任务\t牵头单位\n", "甲" * 35, "本办法自印发之日起施行", "第一条", "第二条", "①", "指导思想"]),
    max_size=16).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TREE_BITS)
def test_the_tasks_are_those_of_the_slow_definitions(text):
    assert _structure.find_tasks(parse(text)) == _slow_tasks(text)


def _ends_slow(text, nodes, footers):
    """Where each item ends: at the next item at its depth or above, or the footer after it, the spaces and line breaks
    before that stripped by str.rstrip."""
    ends = []
    for node, end in zip(nodes, _structure._next_at_or_above(nodes, len(text))):
        end = min([end] + [f for f in footers if f > node.start])
        ends.append(node.start + len(text[node.start:end].rstrip()))
    return ends


@settings(max_examples=400, deadline=None)
@given(_TREE_BITS)
@example("1.甲\n2.乙 \n3.\n\n4.丙")
def test_each_item_ends_where_its_text_stripped_of_the_spaces_after_it_ends(text):
    # An item ending with a line break after a character that is no space is cut before the break without _rstrip.
    footers = _structure._footer_starts(text)
    nodes = _structure._markers(text, parse(text).marks, (), footers)
    _structure._build_tree(text, nodes, footers)
    assert [n.end for n in nodes] == _ends_slow(text, nodes, footers)


@settings(max_examples=300, deadline=None)
@given(_TREE_BITS)
def test_the_selected_tasks_come_in_text_order(text):
    # find_tasks does not sort them: _select walks the tree in preorder, and the tree keeps the nodes' text order.
    doc = parse(text)
    with mock.patch.object(_structure, "_link_table_rows", side_effect=lambda _, tasks: (tasks, {})) as link:
        _structure.find_tasks(doc)
    tasks = link.call_args.args[1]
    assert [t.start for t in tasks] == sorted(t.start for t in tasks)


@pytest.mark.parametrize("text", [
    "一、建设\n1.甲。\n2.乙。\n二、保障措施\n各部门要加强领导。",  # a leaf that is a section of prose
    "1.本办法自印发之日起施行\n2.甲。",  # a leaf about the text itself
    "第一条 本办法自印发之日起施行。\n（一）甲；\n（二）乙。\n第二条 甲。",  # an article about the text, with parts
])
def test_the_hand_written_tasks_are_those_of_the_slow_definitions(text):
    assert _structure.find_tasks(parse(text)) == _slow_tasks(text)


def _slow_tasks(text):
    slow_parts = {"_markers": _markers_slow, "_mark_own_clauses": _mark_own_clauses_slow, "_restated": _restated_slow,
                  "_records": _records_slow, "_same_level": _same_level_slow, "_select": _select_slow}
    kept = {name: getattr(_structure, name) for name in slow_parts}
    try:
        for name, slow in slow_parts.items():
            setattr(_structure, name, slow)
        return _structure.find_tasks(parse(text))
    finally:
        for name, fast_part in kept.items():
            setattr(_structure, name, fast_part)


def test_the_generated_texts_hold_run_together_items_clauses_and_restated_rows():
    text = "一、建设\n1.建设平台。（牵头单位：市科技局）  2.培养人才。（市财政局负责）\n序号\t任务\t牵头单位\n1\t建设平台\t市科技局\n"
    tasks = _structure.find_tasks(parse(text))
    assert [t.number for t in tasks] == ["1", "2"] and tasks[0].rows


_STARTS = st.lists(st.integers(0, 40), max_size=8).map(lambda xs: sorted(set(xs)))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="甲。；\n ", max_size=40), _STARTS, st.integers(0, 40), st.integers(0, 8))
def test_a_clause_alone_on_its_line_is_found_as_by_trying_every_item(text, starts, start, length):
    start = min(start, len(text))
    end = min(start + length, len(text))
    for run_together in (set(), {text.rfind("\n", 0, start) + 1}):
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end == -1 else line_end
        before = text[line_start:start].rstrip()
        next_item = min((s for s in starts if s >= end), default=line_end)
        slow = ((not before or before[-1] in "。；;") and not text[end:min(line_end, next_item)].strip()
                if line_start in run_together else
                not text[line_start:start].strip() and not text[end:line_end].strip())
        assert _structure._alone_on_line(text, start, end, starts, run_together) == slow


def test_an_item_right_after_a_clause_ends_its_line():
    text = "甲。乙 丙"
    assert _structure._alone_on_line(text, 2, 3, [3, 4], {0})


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["cn", "num", "pcn"]), st.booleans()), max_size=8),
       st.lists(st.integers(0, 90), max_size=4).map(sorted))
def test_marks_after_a_footer_are_those_found_by_trying_every_footer_line(styles, footers):
    marks = [_numbering.Mark(style, "1", 10 * i, 10 * i + 2, run_in) for i, (style, run_in) in enumerate(styles)]
    assert _structure._outside_footers(marks, footers) == _outside_footers_slow(marks, footers)


def test_a_footer_line_at_a_mark_belongs_to_the_text_after_it():
    marks = [_numbering.Mark("num", "1", 0, 2), _numbering.Mark("num", "2", 10, 12), _numbering.Mark("num", "3", 20, 22)]
    assert _structure._outside_footers(marks, [10]) == _outside_footers_slow(marks, [10]) == marks[:2]


_MARKED_LINES = st.lists(st.sampled_from(["1.", "2.", "（一）", "（二）", "  ", "\u3000\u3000", "\n", "甲" * 31, "乙", "。"]),
                         max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(_MARKED_LINES)
def test_heading_lines_are_read_as_by_searching_to_the_texts_end(text):
    marks = _numbering.find_marks(text)
    fast = [(n.start, _structure._heading_line(text, n.body, n.following))
            for n in _structure._markers(text, tuple(marks), (), [])]
    assert fast == [(n.start, _is_heading_line_slow(text, n)) for n in _markers_slow(text, marks, (), [])]


def test_an_item_run_into_the_next_ends_where_the_next_starts():
    text = "1.乙  2.乙" + "甲" * 31 + "\n"
    nodes = _structure._markers(text, tuple(_numbering.find_marks(text)), (), [])
    assert [_structure._heading_line(text, n.body, n.following) for n in nodes] == [True, False]


_TITLES = st.text(alphabet="甲乙丙丁，。 ", max_size=8)


@settings(max_examples=400, deadline=None)
@given(_TITLES, st.sampled_from(["1", "2"]), st.lists(st.tuples(_TITLES, st.sampled_from(["1", "2"])), max_size=5))
def test_the_restated_task_is_the_one_the_pairwise_reading_finds(row_title, row_number, body):
    row = _structure._Node("row", row_number, 0, 0, title=row_title)
    tasks = [_structure._Node("num", number, 0, 0, title=title) for title, number in body]
    titles = [_structure._WORD_CHARS_ONLY.sub("", t.title) for t in tasks]
    assert _structure._restated(row, tasks, titles) is _restated_slow(row, tasks, titles)


_OUTLINE_TEXTS = st.lists(st.sampled_from(["一、", "二、", "1.", "2.", "（一）", "（二）", "\n", "甲乙", "。"]), max_size=14).map("".join)


def _tree(text):
    nodes = _structure._markers(text, tuple(_numbering.find_marks(text)), (), [])
    _structure._build_tree(text, nodes, [])
    return nodes


@settings(max_examples=400, deadline=None)
@given(_OUTLINE_TEXTS, st.lists(st.tuples(st.integers(0, 40), st.integers(0, 6)), max_size=5), st.booleans())
def test_the_owner_of_a_clause_is_the_deepest_item_found_by_trying_every_item(text, spans, at_items):
    nodes = _tree(text)
    if at_items:  # clauses that start where an item starts
        spans = [(n.start, n.start + length) for n, (_, length) in zip(nodes, spans)]
    clauses = sorted((min(s, len(text)), min(s + n, len(text))) for s, n in spans)
    _structure._mark_own_clauses(text, nodes, clauses, set())
    slow = _tree(text)
    _mark_own_clauses_slow(text, slow, clauses, set())
    assert [n.own_clause for n in nodes] == [n.own_clause for n in slow]


def test_a_clause_starting_with_an_item_belongs_to_it():
    text = "一、甲\n1.乙"
    nodes = _tree(text)
    _structure._mark_own_clauses(text, nodes, [(4, 6)], set())
    assert [n.own_clause for n in nodes] == [False, True]


def _heading_line_slow(text, body, following):
    gap = _numbering.PARAGRAPH_BREAK.search(text, body, following)
    line = text[body:gap.start() if gap else following]
    return len(line.strip()) <= 30 and "。" not in line


_LINE_BITS = st.lists(st.sampled_from(["甲", "乙丙丁戊己庚辛壬癸子", "。", " ", "  ", "\u3000", "\n", "\t", "\r", "\u2028"]),
                      max_size=12).map("".join)


@settings(max_examples=600, deadline=None)
@given(_LINE_BITS, st.integers(0, 80), st.integers(0, 80))
def test_a_heading_line_is_told_as_by_reading_its_whole_line(text, body, length):
    # Thirty-one characters without a space are longer than a heading's line wherever the line ends.
    body = min(body, len(text))
    following = min(body + length, len(text))
    assert _structure._heading_line(text, body, following) == _heading_line_slow(text, body, following)


def test_the_generated_lines_hold_headings_and_long_lines():
    text = "甲" * 31 + "\n乙" + "\u3000" * 3 + "丙" * 40
    assert not _structure._heading_line(text, 0, len(text))
    assert _structure._heading_line(text, 32, len(text))
    assert _structure._heading_line("甲" * 30 + "\n乙", 0, 32)  # thirty characters: a heading's line at most
    assert not _structure._heading_line("甲" * 30 + "\r甲", 0, 32)


def _window(text, start, length):
    """A window of ``text`` from ``start`` of at most ``length`` characters, both cut to the text."""
    start = min(start, len(text))
    return start, min(start + length, len(text))


# The title's end as first written: an alternation the regex engine tries at every character.
_TITLE_END_PLAIN = re.compile(r"[。；;：:！!？?，,\n\t]|[ \u3000\u00a0\u2002\u2003]{2}|[（(]"
                              + alternation(of_kind("role_context_words", "clause_opening")))
_TITLE_BITS = st.lists(st.sampled_from(["甲", "。", ",", "\n", "\t", " ", "\u3000", "\u00a0", "（", "(", "牵头", "配合", "牵"]),
                       max_size=12).map("".join)


@settings(max_examples=600, deadline=None)
@given(_TITLE_BITS, st.integers(0, 20), st.integers(0, 20))
def test_the_title_end_led_by_a_class_is_the_plain_alternations(text, start, length):
    start, end = _window(text, start, length)
    fast, plain = _structure._TITLE_END.search(text, start, end), _TITLE_END_PLAIN.search(text, start, end)
    assert (fast and fast.span()) == (plain and plain.span())


def test_the_generated_titles_end_at_each_kind_of_stop():
    assert [_structure._title(t, 0, len(t)) for t in ("甲，乙", "甲  乙", "甲（牵头单位", "甲（乙）", "甲 乙")] == [
        "甲", "甲", "甲", "甲（乙）", "甲 乙"]


_TRAILING = st.lists(st.sampled_from(["甲", " ", "\n", "\u3000", "\t", " " * 20, "\n" * 17]), max_size=8).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TRAILING, st.integers(0, 60), st.integers(0, 60))
def test_an_items_end_is_moved_back_over_its_trailing_whitespace_as_rstrip_does(text, start, length):
    start, end = _window(text, start, length)
    assert _structure._rstrip(text, start, end) == start + len(text[start:end].rstrip())


def _select_slow(node, tasks, siblings, work_styles):
    """_select as first written: a leaf goes through the tests for items with children too."""
    heading = node.title[:24]
    no_work = (_structure._frames_or_looks_back(heading) or heading[:1] in _structure._SCOPE_OPENS
               and _structure._SCOPE.match(node.title)) and not _structure._WORK.search(heading)
    if (node.style in _structure._SUB_POINTS and not _structure._carries_work(node, work_styles)) or no_work:
        return
    parts = node.style == "article" and not _structure._items_carry_work(node)
    if node.frame and (parts or not node.children):
        return
    work_children = [c for c in node.children if not parts and (c.style not in _structure._SUB_POINTS
                                                                or _structure._carries_work(c, work_styles))]
    if not work_children and _prose_section_plain(node, siblings):
        return
    if (node.own_clause and not _structure._has_clause_below(node)) or not work_children:
        tasks.append(node)
        return
    for child in work_children:
        _select_slow(child, tasks, node.children, work_styles)


def _same_level_slow(text, stack, node):
    """_same_level listing the open items of the node's style and those numbered just before it, and reading
    whether the node's line is a heading's for every node."""
    heading_line = _is_heading_line_slow(text, node)
    same = [i for i, open_ in enumerate(stack) if open_.style == node.style]
    if not same:
        return None
    number = node.value
    if number == 1:
        if stack[-1].style == node.style:
            return _structure._NESTED
        return same[0] if _structure.RANK[node.style] <= _structure._TOP_RANK else None
    following = [i for i in same if number is not None and stack[i].value == number - 1]
    if not following:
        return same[-1]
    return following[0] if heading_line else following[-1]


_OPEN_ITEMS = st.lists(st.tuples(st.sampled_from(["cn", "num", "pcn"]), st.sampled_from(["1", "2", "3", "百"])), max_size=6)


@settings(max_examples=600, deadline=None)
@given(_OPEN_ITEMS, st.sampled_from(["cn", "num", "pcn"]), st.sampled_from(["1", "2", "3", "百"]), st.booleans())
def test_the_open_item_an_item_follows_is_the_one_the_listed_reading_finds(stack, style, number, heading_line):
    text = "甲" * (5 if heading_line else 40)  # the node's line: a heading's or a paragraph's
    stack = [_structure._Node(s, n, 0, 0) for s, n in stack]
    node = _structure._Node(style, number, 0, 0, following=len(text))
    assert _structure._same_level(text, stack, node) == _same_level_slow(text, stack, node)


_FRAME_BITS = st.lists(st.sampled_from(["1.", "2.", "一、", "本办法", "自印发之日起施行", "为", "制定本", "甲", "。", "\n"]),
                       max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(_FRAME_BITS)
def test_an_item_about_the_text_itself_is_found_as_by_matching_every_item(text):
    nodes = _tree(text)
    following = [n.start for n in nodes[1:]] + [len(text)]
    assert [n.frame for n in nodes] == [
        bool(_structure._FRAME_ITEM.match(text, n.body, min(n.end, after))) for n, after in zip(nodes, following)]


def test_the_generated_items_hold_items_about_the_text_itself():
    assert [n.frame for n in _tree("1.本办法自印发之日起施行\n2.甲。\n3.为甲制定本")] == [True, False, True]


# The no-work heading as first written: one alternation whose branch anchored at the start gives no first character.
_NO_WORK_PLAIN = re.compile(f"{_structure._NO_WORK_ANYWHERE.pattern}|^{_structure._NO_WORK_START.pattern}")
_HEADING_BITS = st.lists(st.sampled_from(["指导思想", "回顾", "发展环境", "附则", "【", "】", "和", "，", " ", "优化", "甲", "\n"]),
                         max_size=6).map("".join)


@settings(max_examples=600, deadline=None)
@given(_HEADING_BITS)
def test_a_no_work_heading_is_found_by_the_two_patterns_as_by_the_one_alternation(heading):
    assert _structure._frames_or_looks_back(heading) == bool(_NO_WORK_PLAIN.search(heading))


def test_the_generated_headings_hold_both_kinds_of_no_work_heading():
    assert [bool(_NO_WORK_PLAIN.search(h)) for h in ("一是指导思想", "【附则】", "甲附则", "发展环境优化")] == [True, True, False, False]


_MARKED = st.lists(st.tuples(st.sampled_from(["cn", "num", "row"]), st.sampled_from(["1", "2"]), st.booleans()), max_size=8)


@settings(max_examples=600, deadline=None)
@given(_MARKED, _SPANS, st.lists(st.integers(0, 90), max_size=3).map(sorted))
def test_the_items_are_the_marks_every_filter_keeps(styles, indicators, footers):
    text = ("甲" * 9 + "\n") * 9  # a line break between two marks in a row: a repeated row number is a sub-row
    marks = tuple(_numbering.Mark(style, number, 10 * i, 10 * i + 2, run_in) for i, (style, number, run_in) in enumerate(styles))
    fast = _structure._markers(text, marks, tuple(indicators), footers)
    assert [n.start for n in fast] == [n.start for n in _markers_slow(text, marks, tuple(indicators), footers)]


def test_the_generated_marks_meet_each_filter():
    marks = tuple(_numbering.Mark(s, "1", 10 * i, 10 * i + 2) for i, s in enumerate(["cn", "row", "row", "num", "cn"]))
    text = ("甲" * 9 + "\n") * 5
    assert [n.start for n in _structure._markers(text, marks, ((0, 5),), [25])] == [10, 40]  # a table, a sub-row, a footer


def test_readings_kept_across_texts_are_those_of_each_mark_read_afresh(monkeypatch):
    # The readings of marks outlive a text (and the table is emptied past its bound): each candidate of a later
    # text is still what reading its own mark gives.
    texts = ["1.甲\n2.乙\n", "（一）甲\n（二）乙\n", "1.丙\n12.丁\n（一）戊\n2、己\n"]
    for kept in (4096, 1):
        monkeypatch.setattr(_numbering, "_READINGS_KEPT", kept)
        for text in texts + texts:
            for c in _numbering._candidates(text, parse(text).quantities):
                mark = _numbering._MARK_GRAMMAR.match(text, c.start)
                assert (c.style, c.number, c.value, c.dress) == _numbering._reading(mark, mark.lastgroup)
            assert len(_numbering._READINGS) <= max(kept, 1) + len(texts[-1])


# The section reader's gates agree with the work they spare: each result is the one read without them.
_SECTION_TITLES = st.lists(st.sampled_from(["【", "培育对象", "】", "申报条件", "附则", "发展环境", "保障措施", "总体进展", "和", "甲", "，"]),
                   max_size=5).map("".join)
_OUTLINE = st.lists(st.tuples(st.sampled_from(["一、", "二、", "（一）", "（二）", "1.", "2.", "（1）", "（2）", "第一章 ", "第二章 "]), _SECTION_TITLES,
                              st.sampled_from(["", "。各部门要做好工作。", "（牵头单位：市科技局）"])), max_size=8)


def _text(items) -> str:
    return "".join(f"{mark}{title}{tail}\n" for mark, title, tail in items)


def _prose_section_plain(node, siblings):
    """_prose_section as first written: the heading searched before the item's place is looked at."""
    closing = _structure._RANK[node.style] < _structure._TOP_RANK or bool(_structure._PROSE_SECTION.search(node.title[:24]))
    return (_structure._RANK[node.style] <= _structure._TOP_RANK and not node.own_clause and not node.children and closing
            and any(s.children for s in siblings if s is not node))


@settings(max_examples=400, deadline=None)
@given(_OUTLINE)
def test_the_tasks_are_those_read_with_every_heading_pattern_tried(items):
    text = _text(items)
    fast = _structure.find_tasks(text)
    everything = start_gate(re.compile("."))  # a gate every character passes
    with mock.patch.object(_structure, "_SCOPE_OPENS", everything), \
            mock.patch.object(_structure, "_NO_WORK_START_OPENS", everything), \
            mock.patch.object(_structure, "_prose_section", _prose_section_plain):
        assert _structure.find_tasks(text) == fast


def test_the_generated_outlines_hold_scope_and_prose_headings():
    text = _text([("一、", "总体进展", "。各部门要做好工作。"), ("二、", "重点任务", ""), ("（一）", "甲", ""),
                  ("（二）", "【培育对象】", ""), ("（三）", "申报条件", "")])
    assert [t.title for t in _structure.find_tasks(text)] == ["甲"]  # the prose section and both scope headings dropped


_TASKS = st.lists(st.tuples(st.sampled_from(["num", "row", "cn"]), st.sampled_from(["1", "2"]),
                            st.sampled_from(["建设平台", "平台建设", "培育人才", "甲"])), max_size=6)


@settings(max_examples=400, deadline=None)
@given(_TASKS)
def test_tasks_are_linked_to_table_rows_as_by_the_rows_reading(tasks):
    text = "甲\t乙\n" * 8

    def nodes():
        return [_structure._Node(style, number, 4 * i, 4 * i + 2, title=title, end=4 * i + 3)
                for i, (style, number, title) in enumerate(tasks)]

    def keyed(read, rows):
        return {i: rows[id(n)] for i, n in enumerate(read) if id(n) in rows}

    fast_nodes, plain_nodes = nodes(), nodes()
    fast_kept, fast_rows = _structure._link_table_rows(text, fast_nodes)
    with mock.patch.object(_structure, "all", lambda _: False, create=True):  # every list read as if it held a row
        kept, rows = _structure._link_table_rows(text, plain_nodes)
    assert [fast_nodes.index(n) for n in fast_kept] == [plain_nodes.index(n) for n in kept]
    assert [n.end for n in fast_nodes] == [n.end for n in plain_nodes]
    assert keyed(fast_nodes, fast_rows) == keyed(plain_nodes, rows)


_NUMBERS = st.lists(st.sampled_from(["1", "2", "12", "０７", "一", "十", "二十三", "百", "一百零二", "零", "甲"]), max_size=6)


@settings(max_examples=300, deadline=None)
@given(_NUMBERS, st.booleans())
def test_a_node_values_its_number_as_numeral_reads_it(numbers, cleared):
    if cleared:
        _structure._value_of.cache_clear()
    for number in numbers * 2:  # each number read again from the table
        assert _structure._Node("num", number, 0, 0).value == _numbering.numeral(number)


@settings(max_examples=200, deadline=None)
@given(_TREE_BITS)
def test_each_task_record_is_the_one_its_constructor_builds(text):
    # Records are built at once (_records.built_at_once): each equals the constructor's, its fields in the same order.
    for task in _structure.find_tasks(parse(text)):
        built = TaskRecord(**vars(task))
        assert type(task) is TaskRecord and task == built and list(vars(task).items()) == list(vars(built).items())


def _takes_slow(candidates, i, seen, flat, text):
    """_takes as first written: every list walked back for, the candidates after it copied for each candidate asked."""
    c = candidates[i]
    if c.style in ("shi", "row") or c.value is None or (c.place == _numbering._INSIDE and not flat):
        return False
    if c.style == "circ" and c.place != _numbering._LINE and not flat:
        return False
    later = candidates[i + 1:]
    fits = _numbering._continues(c, seen, flat) or (
        (flat or c.place == _numbering._LINE) and _numbering._opens(c, seen, later)) or (
        flat and _numbering._first_under_heading(c, seen, text))
    if c.ambiguous:
        fits = fits and c.place == _numbering._LINE
    return fits and not _numbering._superseded(c, later)


def _flat_lines_slow(text, candidates):
    """_flat_lines as first written: the mark opening each paragraph listed before any line is looked at."""
    flat, last = set(), {}
    opening = {c.paragraph: c for c in candidates if c.place == _numbering._LINE}
    for c in candidates:
        if c.place == _numbering._LINE or _numbering.RANK[c.style] > _numbering._HEADING_RANK or c.value is None:
            continue
        key = (c.line, c.style, c.dress)
        if last.get(key) == c.value - 1:
            line_end = _numbering.PARAGRAPH_BREAK.search(text, c.start)
            long_line = (line_end.start() if line_end else len(text)) - c.paragraph >= _numbering._LONG_LINE
            head = opening.get(c.paragraph)
            if _numbering.RANK[c.style] <= _numbering._TOP_RANK or long_line or (
                    head is not None and _numbering.RANK[head.style] < _numbering.RANK[c.style]):
                flat.add(c.line)
        last[key] = c.value
    return flat


def _find_marks_slow(text):
    """find_marks asking _takes as first written about every candidate, a line-start mark read as always first (the
    test the loop makes without a call), and building each Mark by its constructor, whether text stands before it on
    its line read from the line."""
    candidates = _numbering._candidates(text, parse(text).quantities)
    flat = _flat_lines_slow(text, candidates)
    seen = []
    for i, c in enumerate(candidates):
        as_always = c.place == _numbering._LINE and not c.ambiguous and (c.value is None or c.value < 1000)
        seen.append((c, as_always or _takes_slow(candidates, i, seen, c.line in flat, text)))
    return [_numbering.Mark(c.style, c.number, c.start, c.body, bool(text[c.line:c.start].strip(_numbering._SPACE)))
            for c, taken in seen if taken]


@settings(max_examples=500, deadline=None)
@given(_MARK_RUNS)
def test_the_marks_are_those_of_asking_about_every_candidate(text):
    marks = _numbering.find_marks(text, parse(text).quantities)
    assert marks == _find_marks_slow(text)
    # Marks and candidates are built from their tuples of fields: each is what its constructor builds.
    assert all(type(m) is _numbering.Mark and m == _numbering.Mark(*m) for m in marks)
    assert all(type(c) is _numbering._Candidate and c == _numbering._Candidate(*c)
               for c in _numbering._candidates(text, parse(text).quantities))


@pytest.mark.parametrize("text", [
    "一、总体要求（一）指导思想。（二）基本原则。二、重点任务1.建设。2.培育。",  # a flat line under a higher heading
    "1.建设平台。（牵头单位：市科技局）2.培养人才，建设3、4号线。\n3.扩大开放。",  # a list continued after a sentence end
    "一、任务\n1.甲。（1）乙。（2）丙。\n2.丁。（1）戊。\n  甲  （一）乙  （二）丙",  # never taken; run in after spaces
])
def test_the_marks_of_hand_written_outlines_are_those_of_asking_about_every_candidate(text):
    assert _numbering.find_marks(text, parse(text).quantities) == _find_marks_slow(text)


def _alone_on_line_slow(text, start, end, starts, run_together):
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    if line_start in run_together:
        before = text[line_start:start].rstrip()
        following = [s for s in starts if s >= end]
        next_item = following[0] if following else line_end
        return (not before or before[-1] in "。；;") and not text[end:min(line_end, next_item)].strip()
    return not text[line_start:start].strip() and not text[end:line_end].strip()


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["甲", "。", " ", "\u3000", "\n", "\t"]), max_size=12).map("".join), st.data())
def test_a_clause_alone_on_its_line_is_told_as_by_reading_its_line(text, data):
    # Without a run-together line, a character before the clause that is no space answers without finding the line:
    # _mark_own_clauses asks _alone_on_line about the other clauses only.
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    starts = sorted(data.draw(st.sets(st.integers(0, len(text)), max_size=3)))
    nodes = [_structure._Node("num", "1", s, s, end=s) for s in starts]
    lines = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    for run_together in (set(), set(data.draw(st.sets(st.sampled_from(lines), max_size=2)))):
        slow = _alone_on_line_slow(text, start, end, starts, run_together)
        assert _structure._alone_on_line(text, start, end, starts, run_together) == slow
        with mock.patch.object(_structure, "_mark_owners") as mark_owners:
            _structure._mark_own_clauses(text, nodes, [(start, end)], run_together)
        [(_, alone)] = mark_owners.call_args.args[0]
        assert alone == slow


def test_a_heading_run_into_its_first_item_ends_where_the_item_starts():
    # Its title, the tasks' section, is cut at the item even where no title end comes before it.
    tasks = _structure.find_tasks("一、总体要求（一）指导思想。（二）基本原则。二、重点任务1.建设。2.培育。")
    assert [(t.section, t.title) for t in tasks] == [("重点任务", "建设"), ("重点任务", "培育")]


@settings(max_examples=300, deadline=None)
@given(_TREE_BITS)
def test_each_node_of_the_tree_knows_where_the_next_node_starts(text):
    # _build_tree cuts a heading run into its first item at node.following, where it read the next node's start:
    # _markers sets it from the next mark kept, and _drop_preamble keeps the nodes from one on.
    footers = _structure._footer_starts(text)
    nodes = _structure._drop_preamble(_structure._markers(text, parse(text).marks, (), footers))
    assert [n.following for n in nodes] == [n.start for n in nodes[1:]] + [len(text)] * bool(nodes)
