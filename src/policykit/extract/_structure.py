"""Section tree and numbered tasks.

Numbered lines (一、 / （一） / 1. / 1、 / （1） / ① / 01、 / 一是 / 第一章 / 第一节 / table rows ``1<TAB>…``) form
a tree: a style seen before closes the items down to its level, a new style opens a deeper level,
and a top-level style (一、, 01、, 第一章) always returns to the top, so a stray list earlier in the
page cannot push the plan's headings down. Tasks are the items that carry the work:

* a leaf (sub-points 一是 / ① stay inside the item they belong to);
* an item whose responsibility clause stands in its own text (e.g. after its progress sub-items,
  as in progress reports: 一、项目建设 … (牵头单位:市发展改革委)) when no item below it has one.

Sub-points are tasks of their own where the document gives them their own responsibility clauses
(1.稳定粮食生产 / （1）…（责任单位：…） / （2）…（责任单位：…））: then the 1. items are headings.

Items are dropped when they sit under a heading that carries no work (指导思想, 基本原则, 工作回顾 …)
or in a preamble: lower-level numbered lines before the first top-level heading; so are chapters and
closing headings (保障措施) holding only prose while their siblings hold the numbered work, items about
the text itself (本办法自印发之日起施行, 本办法所称…) or its purpose (为…，制定本办法), and numbered lines in
a footer (抄送, the 印发 line, site chrome after the text). The marks themselves come from
:mod:`._numbering`, which reads them from the numbering sequence, so a text without line breaks has the
same tree.

Table rows (``1<TAB>…``) of an annex 分工表 that restate a body task are that task (``TaskRecord.rows``);
a cell spanning rows makes sub-rows that belong to their row; rows of an indicator table are no tasks.
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from ..text import line_pattern, line_spans
from ._lexicon import CONJUNCTIONS, alternation, of_kind
from ._numbering import PARAGRAPH_BREAK, RANK, Mark, alternatives, numeral
from ._parsed import ParsedDocument, parse
from ._records import TaskRecord, built_at_once
from ._sieve import start_gate

_RANK = RANK
_TOP_RANK = 1
# Sub-points stay inside the item above them: under an item they are never tasks of their own
# (a plan made only of （1）（2） or ①② items still has them as tasks).
_SUB_POINTS = frozenset({"pnum", "rnum", "circ", "shi"})


def _section_words(kind: str) -> str:
    return alternatives("section_names", kind)


# Headings whose items set the frame of a plan or look back; they carry no work. A no_work_start word
# names its section only when the heading ends there or goes on with a conjunction or punctuation
# (发展环境, 发展基础与面临形势, 【附则】); a heading that goes on with a verb or noun of its own acts on it
# (发展环境优化行动 is work).
# Two patterns, not one alternation: the words alone are scanned for by their first characters, while a branch
# anchored at the start (^) left the engine none to scan for, and it tried every word at every character.
_NO_WORK_ANYWHERE = re.compile(_section_words("no_work"))
_NO_WORK_START = re.compile(f"[【\\[［]?(?:{_section_words('no_work_start')})(?=$|[】\\]］\\s{CONJUNCTIONS}、，,。：:；;（(])")
_WORK = re.compile(_section_words("work"))
# A heading that is only a word of eligibility, bracketed (【培育对象】…) or alone on its line (申报条件).
_SCOPE = re.compile(f"[【\\[［]?(?:{_section_words('scope')})(?:[】\\]］]|$)")
# The first characters the two patterns anchored at a heading's start can match: one look spares the match for most.
_NO_WORK_START_OPENS, _SCOPE_OPENS = start_gate(_NO_WORK_START), start_gate(_SCOPE)
# Closing or summary headings (三、保障措施, 一、总体进展) that hold a paragraph, not a task, when their
# sibling sections hold the numbered work.
_PROSE_SECTION = re.compile(_section_words("prose"))
# Items about the text itself (本办法自印发之日起施行, 本办法所称…) or its purpose (为…，制定本办法): no work.
_FRAME_ITEM = re.compile(
    f"(?:{_section_words('frame_subject')})[^。；]*?(?:{_section_words('frame_predicate')})"
    f"|(?:{_section_words('purpose_start')})[^。；]*?(?:{_section_words('purpose_end')})")
_FRAME_OPENS = start_gate(_FRAME_ITEM)


def _footer_words(kind: str) -> str:
    return alternatives("footer_words", kind)


# A footer line: 抄送：…, site chrome (相关链接, 上一篇), or the 印发 line (某县人民政府办公室 2024年3月1日印发).
_FOOTER_WORD = rf"[ \t\u3000]*(?:{_footer_words('line_start')})"
_FOOTER_DATE_END = (rf"(?:{_footer_words('day')})\s*(?:{_footer_words('line_end')})[ \t\u3000]*$")
_FOOTER_DATED = (rf"[^\n]{{0,40}}\d{{4}}\s*(?:{_footer_words('year')})\s*\d{{1,2}}\s*(?:{_footer_words('month')})\s*\d{{1,2}}\s*"
                 + _FOOTER_DATE_END)


# Searched from the line breaks (text.line_spans), not with ^ tried at every character.
_FOOTER = line_pattern(f"{_FOOTER_WORD}|{_FOOTER_DATED}")
_FOOTER_UNDATED = line_pattern(_FOOTER_WORD)
# Every dated footer line ends so: a text without this end has no dated footer line to look for.
_DATED_END = re.compile(_FOOTER_DATE_END, re.M)
# Where a title ends: a sentence or clause stop, a run of two spaces (a lost line break), or a bracket opening a
# responsibility clause ((牵头单位…). The class of the three first characters leads, each branch read after it: a
# pattern opened by an alternation is tried at every character, one opened by a class is scanned for at C speed.
_TITLE_STOPS, _TITLE_SPACES, _TITLE_BRACKETS = r"。；;：:！!？?，,\n\t", r" \u3000\u00a0\u2002\u2003", "（("
_TITLE_END = re.compile(f"[{_TITLE_STOPS}{_TITLE_SPACES}{_TITLE_BRACKETS}]"
                        f"(?:(?<=[{_TITLE_STOPS}])|(?<=[{_TITLE_SPACES}])[{_TITLE_SPACES}]"
                        f"|(?<=[{_TITLE_BRACKETS}]){alternation(of_kind('role_context_words', 'clause_opening'))})")


# An item's value by its number, read once (1 and 一 recur in every text); the bound keeps odd texts from growing it.
_value_of = lru_cache(maxsize=4096)(numeral)


# Slots and the fields _markers sets given by position: a node is built for every mark of a text, and a call with
# keywords builds a dict for them.
@dataclass(eq=False, slots=True)  # nodes are compared by identity: they link to parents and children
class _Node:
    style: str
    number: str
    start: int  # start of the marker's line content
    body: int  # first character after the marker
    following: int = 0  # where the next mark starts (or the text ends): its line ends there at the latest
    run_in: bool = False  # found inside a line whose breaks were lost
    depth: int = 0
    end: int = 0
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)
    own_clause: bool = False
    title: str = ""  # set once the span is known
    frame: bool = False  # its first sentence is about the text itself or its purpose, not work
    value: int | None = field(init=False)  # its number's value (numeral(number)), read once

    def __post_init__(self) -> None:
        self.value = _value_of(self.number)


def find_tasks(text: str | ParsedDocument) -> tuple[TaskRecord, ...]:
    """Find the numbered tasks of a plan with their section path, number and title.

    Parameters
    ----------
    text : str or ParsedDocument
        Clean document text, or its parsed value.

    Returns
    -------
    tuple of TaskRecord
        In text order. ``key`` is derived from the section path, the number and the title, so it is
        stable when the same document is read again.

    Examples
    --------
    >>> text = "一、创新\\n1.完善实验室体系。(牵头单位:科技局)\\n2.培育人才。(牵头单位:人社局)\\n二、开放\\n1.扩大出口。"
    >>> [(t.path, t.number, t.title) for t in find_tasks(text)]
    [(('一',), '1', '完善实验室体系'), (('一',), '2', '培育人才'), (('二',), '1', '扩大出口')]
    """
    doc = parse(text)
    text, indicators = doc.text, doc.indicator_rows
    clauses = [(c.start, c.end) for c in doc.clauses]  # the responsibility clauses pick the task levels
    footers = _footer_starts(text)  # one scan, read by the marks and the tree
    nodes = _drop_preamble(_markers(text, doc.marks, indicators, footers))
    run_together = {text.rfind("\n", 0, n.start) + 1 for n in nodes if n.run_in}
    roots = _build_tree(text, nodes, footers)
    for node in nodes if indicators else ():  # a heading over an indicator table alone sets targets, not a task
        if node.style != "row" and not node.children and any(node.body <= a < node.end for a, _ in indicators):
            node.frame = True
    _mark_own_clauses(text, nodes, clauses, run_together)
    tasks: list[_Node] = []
    work_styles = _sub_points_with_work(nodes)
    for root in roots:  # (a walk of the tree in preorder: the tasks come in text order, as the nodes do)
        _select(root, tasks, roots, work_styles)
    tasks, rows = _link_table_rows(text, tasks)
    return _records(text, tasks, rows)


def _markers(text: str, marks: tuple[Mark, ...], indicators: tuple[tuple[int, int], ...], footers: list[int]) -> list[_Node]:
    # Each filter is run only where it can drop a mark: most texts hold no indicator table and no footer line, and
    # only a table row can repeat the row above it.
    kept = list(marks)
    if indicators:
        in_table = _covered(indicators)
        kept = [m for m in kept if not in_table(m.start)]  # table marks: targets, not tasks
    if footers:
        kept = _outside_footers(kept, footers)
    kept = [m for i, m in enumerate(kept) if m.style != "row" or not _sub_row(text, kept[i - 1] if i else None, m)]
    nodes = []
    for i, m in enumerate(kept):
        # A run of spaces inside a line stands for a lost line break; an item run into the next one on the same
        # line ends where that one starts, so the search stops there (no gap holds a mark's first character).
        # Whether its line is a heading's is read only where the tree needs it (_same_level): seldom.
        following = kept[i + 1].start if i + 1 < len(kept) else len(text)
        nodes.append(_Node(m.style, m.number, m.start, m.body, following, m.run_in))
    return nodes


_HEADING_MAX = 30  # characters of a heading's line, spaces around it aside


def _heading_line(text: str, body: int, following: int) -> bool:
    """Whether the item whose text starts at ``body`` is a short line of its own without a sentence end: its line
    ends at a line break, at a run of spaces, or at the ``following`` item."""
    probe = text[body:body + _HEADING_MAX + 1]
    if body + _HEADING_MAX < following and probe.split() == [probe]:
        # No space among the first characters: no break either (each starts with a space or a line end), so the
        # line holds them all and is longer than a heading's, and the search to its end is spared (an item's
        # paragraph runs to hundreds of characters).
        return False
    gap = PARAGRAPH_BREAK.search(text, body, following)
    line = text[body:gap.start() if gap else following]  # (the search ends at following)
    return len(line.strip()) <= _HEADING_MAX and "。" not in line


def _covered(spans: tuple[tuple[int, int], ...]) -> Callable[[int], bool]:
    """A test whether an offset lies in one of ``spans`` (any(a <= x < b)) by bisection: the spans
    sorted by start, each with the furthest end reached so far."""
    ordered = sorted(spans)
    starts, reach = [a for a, _ in ordered], list(accumulate((b for _, b in ordered), max))
    return lambda x: (i := bisect_right(starts, x)) > 0 and reach[i - 1] > x


def _footer_starts(text: str) -> list[int]:
    """Where the footer lines start, in order (as ``finditer`` of ``^(?:word line|dated line)`` finds them)."""
    return [start for start, _ in line_spans(_FOOTER if _DATED_END.search(text) else _FOOTER_UNDATED, text)]


def _outside_footers(marks: list, starts: list[int]) -> list:
    """Marks that are not in a footer (``starts``: where the footer lines start, in order): from a footer line to the
    next top heading (a second text may follow the first one's 抄送 line)."""
    kept, footer = [], False
    for i, m in enumerate(marks):
        previous = marks[i - 1].start if i else 0
        first = bisect_left(starts, previous)  # the first footer line at or after the previous mark
        if i and first < len(starts) and starts[first] < m.start:  # a footer comes after the text began
            footer = True
        if footer and RANK[m.style] <= _TOP_RANK and not m.run_in:
            footer = False
        if not footer:
            kept.append(m)
    return kept


def _sub_row(text: str, previous, mark) -> bool:
    """A table row repeating the number of the row above it (a cell spanning rows, copied into each): a
    sub-row that belongs to its row."""
    return (previous is not None and mark.style == previous.style == "row" and mark.number == previous.number
            and "\n" not in text[previous.start:mark.start].rstrip("\n")
            and text.count("\n", previous.start, mark.start) == 1)


def _row_end(text: str, node: _Node) -> int:
    """End of a table row's last line, its sub-rows included (what follows the table is not the row's)."""
    end = text.find("\n", node.start)
    end = len(text) if end == -1 else end
    prefix = text[node.start:node.body]
    while text.startswith(prefix, end + 1) and end < node.end:
        following = text.find("\n", end + 1)
        end = len(text) if following == -1 else following
    return min(end, node.end)


# Share of a row's 工作事项 characters found in a body task's title for the row to restate it (with the
# same number; with any number).
_SAME_TITLE, _SAME_TITLE_ANY = 0.6, 0.9


def _link_table_rows(text: str, tasks: list[_Node]) -> tuple[list[_Node], dict[int, list[tuple[int, int]]]]:
    """Annex table rows that restate a body task (same title, or same number and a similar title) become
    spans of that task; the other rows stay tasks of their own, ending with their row."""
    if all(t.style != "row" for t in tasks):
        return tasks, {}  # no table row: nothing to link (most texts), and the body titles are not read
    body = [t for t in tasks if t.style != "row"]
    titles = [_WORD_CHARS_ONLY.sub("", t.title) for t in body]  # read once, not once per row
    rows: dict[int, list[tuple[int, int]]] = {}
    kept = []
    for task in tasks:
        if task.style != "row":
            kept.append(task)
            continue
        span = (task.start, _row_end(text, task))
        same = _restated(task, body, titles)
        if same is None:
            task.end = span[1]
            kept.append(task)
        else:
            rows.setdefault(id(same), []).append(span)
    return kept, rows


_WORD_CHARS_ONLY = re.compile(r"\W")  # what a title keeps to be compared: its word characters


def _restated(row: _Node, body: list[_Node], titles: list[str]) -> _Node | None:
    """The body task a table row restates: the one whose title holds the row's 工作事项 (nearly all its
    characters), or, with the same number, most of them (``titles``: the body tasks' titles, word characters
    only)."""
    words = set(_WORD_CHARS_ONLY.sub("", row.title))
    shares = [sum(ch in title for ch in words) / len(words) if words and title else 0.0 for title in titles]
    best = max(range(len(body)), key=lambda i: (shares[i], body[i].number == row.number), default=None)
    if best is None:
        return None
    share, task = shares[best], body[best]
    return task if share >= _SAME_TITLE_ANY or (share >= _SAME_TITLE and task.number == row.number) else None


def _drop_preamble(nodes: list[_Node]) -> list[_Node]:
    """Lower-level items before the first top-level heading belong to a preamble or a page's chrome.

    The nodes are in text order: those before the first heading are the lower-level ones before it, and only the
    first two headings are looked for, not every node's rank twice."""
    tops = (i for i, n in enumerate(nodes) if _RANK[n.style] <= _TOP_RANK)
    first = next(tops, None)
    if first is None or next(tops, None) is None or nodes[first].value != 1:
        return nodes  # when the outline starts at 二、 the items before belong to a lost 一、
    return nodes[first:]


def _build_tree(text: str, nodes: list[_Node], footers: list[int]) -> list[_Node]:
    roots: list[_Node] = []
    stack: list[_Node] = []
    for node in nodes:
        same = _same_level(text, stack, node)
        if same is not None and same >= 0:
            del stack[same:]
        elif same is None and _RANK[node.style] <= _TOP_RANK:
            while stack and _RANK[stack[-1].style] >= _RANK[node.style]:
                stack.pop()
        elif same is None and node.style == "row":  # a table is not inside the paragraph of an item
            while stack and _RANK[stack[-1].style] >= _RANK[node.style]:
                stack.pop()
        if stack:
            node.parent = stack[-1]
            stack[-1].children.append(node)
        else:
            roots.append(node)
        node.depth = len(stack)
        stack.append(node)
    ends = _next_at_or_above(nodes, len(text))
    for i, node in enumerate(nodes):
        end = ends[i]
        if footers:  # an item ends before a footer (most texts have none)
            footer = bisect_right(footers, node.start)
            end = min(end, footers[footer]) if footer < len(footers) else end
        # Most items end with their line, just before the next item: a line break after a character that is no space,
        # the one character _rstrip would drop, told without the call (an item opens with its mark, no line break, so
        # a break that ends it comes after its first character).
        if text[end - 1] == "\n" and not text[end - 2].isspace():
            end -= 1
        else:
            end = _rstrip(text, node.start, end)
        node.end = end
        # A heading run into its first item on one line (一、重点任务1.建设…) ends where the item starts (node.following:
        # _drop_preamble keeps the nodes from one on, so the next mark _markers saw is the next node).
        if node.following < end:
            end = node.following
        node.title = _title(text, node.body, end)
        # (one look at the item's first character spares the match for nearly every item)
        node.frame = text[node.body:node.body + 1] in _FRAME_OPENS and bool(_FRAME_ITEM.match(text, node.body, end))
    return roots


def _next_at_or_above(nodes: list[_Node], default: int) -> list[int]:
    """For each node, the start of the first node after it at its depth or above (``default`` when none):
    one pass with a stack of the nodes still waiting, whose depths rise from its bottom."""
    following = [default] * len(nodes)
    waiting: list[int] = []
    for j, node in enumerate(nodes):
        while waiting and nodes[waiting[-1]].depth >= node.depth:
            following[waiting.pop()] = node.start
        waiting.append(j)
    return following


_NESTED = -1


def _same_level(text: str, stack: list[_Node], node: _Node) -> int | None:
    """Index of the open item ``node`` follows as a sibling; None when its style opens a new level,
    _NESTED when it restarts a list inside the item above.

    A list that restarts at 1 right under an item of its own style is nested in it (三、环境打造 /
    一、工作进展情况); elsewhere a top-level restart starts a new outline. An item continues the list whose last number precedes its own, the outer
    list when it is a short heading line, else the innermost.
    """
    style, number = node.style, node.value
    # One pass over the few open items (no lists built for each item of the document): the first and last open
    # item of the style, and the first and last of them numbered just before this one.
    first = last = first_before = last_before = None
    for i, open_ in enumerate(stack):
        if open_.style == style:
            if first is None:
                first = i
            last = i
            if number is not None and open_.value == number - 1:
                if first_before is None:
                    first_before = i
                last_before = i
    if first is None:
        return None
    if number == 1:
        if stack[-1].style == style:
            return _NESTED
        return first if _RANK[style] <= _TOP_RANK else None
    if first_before is None:
        return last
    if first_before == last_before:
        return first_before  # one open item numbered just before: whether the line is a heading's does not matter
    return first_before if _heading_line(text, node.body, node.following) else last_before


_STRIPPED_AT_ONCE = 16  # characters: more than an item's trailing line ends and indentation, mostly


def _rstrip(text: str, start: int, end: int) -> int:
    """``end`` moved back over the whitespace that ends ``text[start:end]`` (``str.rstrip`` of a short tail at a
    time: one call strips what a loop over the characters reads one by one)."""
    while end > start:
        tail = text[max(start, end - _STRIPPED_AT_ONCE):end]
        kept = len(tail.rstrip())
        end -= len(tail) - kept
        if kept:
            break
    return end


def _mark_own_clauses(text: str, nodes: list[_Node], clauses: list[tuple[int, int]], run_together: set[int]) -> None:
    """A clause belongs to the deepest item whose span holds it, except a clause on a line of its
    own after the last sub-item when no sibling has one: it closes the whole section. A section
    with one sub-item is read that way only when the document closes its sections so elsewhere."""
    owners = []
    starts = [node.start for node in nodes]  # in text order
    for start, end in clauses:
        # A character before the clause that is no space puts text before it on its line (most clauses close a
        # sentence): told without the call, where no line of the text lost its breaks.
        alone = (run_together or not start or text[start - 1].isspace()) and _alone_on_line(
            text, start, end, starts, run_together)
        owners.append((_deepest_holding(nodes, starts, start), alone))
    _mark_owners(owners)


def _deepest_holding(nodes: list[_Node], starts: list[int], offset: int) -> _Node | None:
    """The deepest item whose span holds ``offset`` (``starts``: where the ``nodes`` start, in text order).

    The items holding an offset are the last one starting at or before it and its ancestors: an item ends at the
    next one at its depth or above, so one that is not an ancestor of a later item ends before that item starts.
    Going up from the last one is a walk of the few open levels instead of a pass over every earlier item.
    """
    i = bisect_right(starts, offset)
    node = nodes[i - 1] if i else None
    while node is not None and node.end <= offset:
        node = node.parent
    return node


def _mark_owners(owners: list[tuple[_Node | None, bool]]) -> None:
    """Mark the item each clause belongs to, given each clause's deepest holding item and whether it stands
    alone on its line (:func:`_mark_own_clauses`)."""
    with_clause = {id(o) for o, _ in owners if o is not None}

    def closes_section(owner: _Node | None) -> bool:
        parent = owner.parent if owner is not None else None
        return parent is not None and parent.children[-1] is owner and not any(
            id(sibling) in with_clause for sibling in parent.children if sibling is not owner)

    closers = [i for i, (o, alone) in enumerate(owners) if alone and closes_section(o)]  # (few clauses stand alone)
    document_closes_sections = any(len(owners[i][0].parent.children) > 1 for i in closers)
    for i, (owner, _) in enumerate(owners):
        if owner is None:
            continue
        if i in closers and (document_closes_sections or len(owner.parent.children) > 1):
            owner = owner.parent
        owner.own_clause = True


def _alone_on_line(text: str, start: int, end: int, starts: list[int], run_together: set[int]) -> bool:
    """Whether a clause stands on a line of its own; on a line whose breaks were lost, whether it stands
    between a sentence end and the next item (``starts``: where the nodes start, in text order)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    if line_start in run_together:
        before = text[line_start:start].rstrip()
        following = bisect_left(starts, end)
        next_item = starts[following] if following < len(starts) else line_end
        return (not before or before[-1] in "。；;") and not text[end:min(line_end, next_item)].strip()
    return not text[line_start:start].strip() and not text[end:line_end].strip()


def _has_clause_below(node: _Node) -> bool:
    return any(child.own_clause or _has_clause_below(child) for child in node.children)


def _select(node: _Node, tasks: list[_Node], siblings: list[_Node], work_styles: set[str]) -> None:
    heading = node.title[:24]
    no_work = (_frames_or_looks_back(heading) or heading[:1] in _SCOPE_OPENS and _SCOPE.match(node.title)) and not (
        _WORK.search(heading))  # 总体要求和目标任务 carries work
    if (node.style in _SUB_POINTS and not _carries_work(node, work_styles)) or no_work:
        return
    if not node.children:  # a leaf (most items): a task unless it is about the text itself or a section of prose
        # (a leaf below the top level or with a clause of its own is no section of prose: told without the call)
        if not node.frame and (_RANK[node.style] > _TOP_RANK or node.own_clause or not _prose_section(node, siblings)):
            tasks.append(node)
        return
    parts = node.style == "article" and not _items_carry_work(node)
    if node.frame and parts:
        return
    work_children = [c for c in node.children if not parts and (c.style not in _SUB_POINTS or _carries_work(c, work_styles))]
    if (node.own_clause and not _has_clause_below(node)) or not work_children:
        tasks.append(node)
        return
    for child in work_children:
        _select(child, tasks, node.children, work_styles)


def _frames_or_looks_back(heading: str) -> bool:
    """Whether a heading names a section that sets the frame of a plan or looks back (指导思想, 工作回顾, 【附则】)."""
    return bool(_NO_WORK_ANYWHERE.search(heading) or heading[:1] in _NO_WORK_START_OPENS and _NO_WORK_START.match(heading))


def _items_carry_work(article: _Node) -> bool:
    """Whether the numbered items of an article (第三条 …（一）…（二）…) are tasks: only when two of them each name
    who is responsible. Otherwise they are its parts (项: conditions, cases, amounts), the article is the task."""
    return sum(child.own_clause for child in article.children) >= 2


def _sub_points_with_work(nodes: list[_Node]) -> set[str]:
    """Sub-point styles that carry the work in this document: somewhere two siblings of the style each
    name who is responsible (1.稳定粮食生产 / （1）…（责任单位：…） / （2）…（责任单位：…））."""
    owners: dict[tuple[int, str], int] = {}
    for node in nodes:
        if node.style in _SUB_POINTS and node.style != "shi" and node.own_clause and node.parent is not None:
            key = (id(node.parent), node.style)
            owners[key] = owners.get(key, 0) + 1
    return {style for (_, style), count in owners.items() if count >= 2}


def _carries_work(node: _Node, work_styles: set[str]) -> bool:
    """A sub-point is a task of its own at the top of the outline, or when its style carries the work in
    this document and the item above does not close with a clause of its own (progress sub-items do)."""
    if node.parent is None:
        return True
    return node.style in work_styles and not node.parent.own_clause


def _prose_section(node: _Node, siblings: list[_Node]) -> bool:
    """A chapter, or a closing or summary heading, with only a paragraph under it (三、保障措施 各部门要…)
    while its siblings hold numbered items: a section of prose, not a task, unless it names who is
    responsible. Asked of the top-level leaves without a clause of their own (:func:`_select`)."""
    closing = _RANK[node.style] < _TOP_RANK or bool(_PROSE_SECTION.search(node.title[:24]))  # 第四章 保障措施
    return closing and any(s.children for s in siblings if s is not node)


def _title(text: str, start: int, end: int) -> str:
    m = _TITLE_END.search(text, start, end)
    return text[start:m.start() if m else end].strip()


def _records(text: str, tasks: list[_Node], rows: dict[int, list[tuple[int, int]]]) -> tuple[TaskRecord, ...]:
    out = []
    seen: set[str] = set()
    # By parent: the path, the section and the key's path part, read once for its children (most have siblings).
    under: dict[int, tuple[tuple[str, ...], str | None, str]] = {}
    for node in tasks:
        parent = node.parent
        known = under.get(id(parent))
        if known is None:
            path = _numbers_down_to(parent)
            known = under[id(parent)] = (path, parent.title if parent is not None else None, "".join(n + "/" for n in path))
        path, section, key_path = known
        title = node.title
        key = key_path + node.number + "@" + hashlib.sha1(title.encode()).hexdigest()[:6]
        while key in seen:  # the same numbered title twice under one path: keep keys distinct
            key += "+"
        seen.add(key)
        # Built at once, not by the frozen __init__ (a field at a time through object.__setattr__): one per task.
        out.append(built_at_once(TaskRecord, {"key": key, "number": node.number, "path": path, "section": section,
                                              "title": title, "start": node.start, "end": node.end,
                                              "rows": tuple(rows.get(id(node), ())) if rows else ()}))
    return tuple(out)


def _numbers_down_to(node: _Node | None) -> tuple[str, ...]:
    """The numbers of ``node`` and its ancestors, outermost first (none for no node)."""
    numbers = []
    while node is not None:
        numbers.append(node.number)
        node = node.parent
    return tuple(reversed(numbers))
