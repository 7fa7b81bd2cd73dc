"""Saved web pages: text with tags removed (tables as TAB-separated rows), the main-text span, page metadata."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser as HTMLParser, LexborNode as Node

_HTML_START = re.compile(r"\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<div|<p[\s>]|<table)", re.I)
_BLOCK = frozenset(
    "address article aside blockquote body center dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table tbody thead tfoot tr ul caption".split()
)
_SKIP = frozenset("script style noscript template head iframe svg button select option input textarea".split())
_SPACES = re.compile(r"[ \t\r\n\f\u00a0]+")
_META_KEYS = {"articletitle": "title", "pubdate": "published_on", "contentsource": "issuer"}
# Real pages nest well under a hundred blocks deep; Lexbor's parse time grows with the square of
# the depth of block elements (50 000 nested divs take seconds), so deeper block tags are dropped.
MAX_BLOCK_DEPTH = 10_000
_SPAN_NUMBER = re.compile(r"\s*(\d{1,6})")
_MAX_COLSPAN = 1000  # as browsers clamp it; rowspan stops at the table's last row
_SPAN_BUDGET = 100_000  # slots a table's spans may fill beyond one per cell: real tables use hundreds
_BLOCK_TAG = re.compile(
    r"<(/?)(?:div|section|article|aside|main|nav|header|footer|blockquote|fieldset|figure|form|center|ul|ol|dl)\b[^<>]*>", re.I
)


def looks_like_html(text: str) -> bool:
    """True when the text is a saved web page rather than plain text."""
    # Both tests need a tag's "<": a text without one (a memchr, where the two counts read it all) is plain.
    return "<" in text and (bool(_HTML_START.match(text[:2048])) or text.count("</p>") + text.count("</td>") > 5)


@dataclass
class HtmlPage:
    """What a page yields: ``text`` (tags removed), the main-text span in it, metadata candidates."""

    text: str
    main: tuple[int, int]
    meta: dict[str, str] = field(default_factory=dict)
    flattened: int = 0  # block elements nested deeper than MAX_BLOCK_DEPTH whose tags were left out


def _flatten(html: str) -> tuple[str, int]:
    """Drop the tags of block elements nested deeper than :data:`MAX_BLOCK_DEPTH` (their text stays);
    return the page and how many elements were flattened."""
    if html.count("<") <= MAX_BLOCK_DEPTH:
        return html, 0  # too few tags to nest that deep: the common case, no scan
    kept: list[str] = []
    depth = last = dropped = 0
    for m in _BLOCK_TAG.finditer(html):
        closing = bool(m.group(1))
        if not closing:
            depth += 1
        if depth > MAX_BLOCK_DEPTH:
            kept.append(html[last:m.start()])
            last = m.end()
            dropped += not closing
        if closing:
            depth = max(depth - 1, 0)
    if not dropped:
        return html, 0
    kept.append(html[last:])
    return "".join(kept), dropped


def _table_rows(table: Node) -> list[Node]:
    """The rows of ``table`` in order (rows of tables nested in its cells belong to those tables)."""
    rows: list[Node] = []
    for child in table.iter():
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(row for row in child.iter() if row.tag == "tr")
    return rows


def _span(cell: Node, name: str, limit: int) -> int:
    """A cell's ``rowspan`` / ``colspan`` as a count in ``[1, limit]``; ``rowspan="0"`` (to the end) is ``limit``."""
    m = _SPAN_NUMBER.match(cell.attributes.get(name) or "")
    count = int(m.group(1)) if m else 1
    return limit if count == 0 and name == "rowspan" else min(max(count, 1), limit)


def _table_grid(rows: list[Node]) -> dict[int, list[str]]:
    """Each row's cells laid on the table's grid, by row ``mem_id``.

    A cell spanning rows or columns fills every slot it covers with its text, so a 牵头单位 cell
    merged over three rows leads each of them and later cells keep their columns. A row whose only
    cell is its own (a section row spanning all columns, 一、夯实数字基础设施) is that text alone.
    Overlapping spans (broken markup) never overwrite a slot, and a table gets at most
    :data:`_SPAN_BUDGET` slots filled by spans beyond one per cell, so no markup can blow up the page.
    """
    slots: list[dict[int, str]] = [{} for _ in rows]
    budget = _SPAN_BUDGET
    grid: dict[int, list[str]] = {}
    for r, row in enumerate(rows):
        cells = [c for c in row.iter() if c.tag in ("td", "th")]
        carried = bool(slots[r])
        col = 0
        for cell in cells:
            while col in slots[r]:
                col += 1
            text = _SPACES.sub(" ", cell.text(deep=True, separator=" ")).strip()
            colspan = _span(cell, "colspan", _MAX_COLSPAN)
            for dr in range(_span(cell, "rowspan", len(rows) - r)):
                for dc in range(colspan):
                    if (dr or dc) and (budget <= 0 or col + dc in slots[r + dr]):
                        break
                    budget -= bool(dr or dc)
                    slots[r + dr][col + dc] = text
            col += colspan
        if not cells:
            continue  # an empty row under merged cells adds no line of its own
        if len(cells) == 1 and not carried:
            grid[row.mem_id] = [slots[r][min(slots[r])]]
        else:
            grid[row.mem_id] = [slots[r].get(c, "") for c in range(max(slots[r]) + 1)]
    return grid


class _Renderer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.spans: dict[int, tuple[int, int]] = {}
        self.rows: dict[int, list[str]] = {}  # the cells of each table row on its table's grid, by row

    def emit(self, s: str) -> None:
        if s:
            self.parts.append(s)
            self.length += len(s)

    def newline(self) -> None:
        if self.parts and self.parts[-1] == " ":  # layout space before a block break
            self.parts.pop()
            self.length -= 1
        if self.parts and not self.parts[-1].endswith("\n"):
            self.emit("\n")

    def enter(self, node: Node) -> bool:
        """Emit what comes before the node's children; True when they are to be rendered."""
        tag = node.tag
        if tag == "-text":
            text = _SPACES.sub(" ", node.text_content or "")
            if text != " " or (self.parts and not self.parts[-1].endswith("\n")):
                self.emit(text)
            return False
        if tag in _SKIP or tag == "_comment":
            return False
        if tag == "br":
            self.emit("\n")
            return False
        if tag == "table":
            self.rows.update(_table_grid(_table_rows(node)))
        if tag == "tr":
            self.newline()
            self.emit("\t".join(self.rows.pop(node.mem_id, ())))  # the parser keeps every row inside a table
            self.newline()
            return False
        if tag in _BLOCK:
            self.newline()
        return True

    def leave(self, node: Node, start: int) -> None:
        if node.tag in _BLOCK:
            self.newline()
        self.spans[node.mem_id] = (start, self.length)

    def render(self, root: Node) -> None:
        """Depth-first over the tree with an explicit stack: a page nested thousands of levels
        deep (generated or broken markup) must not exhaust Python's recursion limit."""
        start = self.length
        if not self.enter(root):
            return
        stack = [(root, start, root.iter(include_text=True))]
        while stack:
            node, start, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                self.leave(node, start)
                continue
            child_start = self.length
            if self.enter(child):
                stack.append((child, child_start, child.iter(include_text=True)))


def _main_node(body: Node) -> Node:
    """The element whose direct paragraphs and tables hold the most text (a small readability rule),
    or the body when no element holds at least half of that text."""
    scores: dict[int, tuple[int, Node]] = {}
    for block in body.css("p, table, h1, h2, h3"):
        parent = block.parent
        if parent is None:
            continue
        length = len(block.text(deep=True).strip())
        old = scores.get(parent.mem_id, (0, parent))[0]
        scores[parent.mem_id] = (old + length, parent)
    if not scores:
        return body
    best_score, best = max(scores.values(), key=lambda item: item[0])
    # text spread over sibling containers: no single element holds most of it, keep the body
    return best if best_score * 2 >= sum(score for score, _ in scores.values()) else body


def read_html(text: str) -> HtmlPage:
    """Render a page to plain text and find its main text and metadata.

    Examples
    --------
    >>> page = read_html("<html><body><p>一、总体要求</p><table><tr><td>序号</td><td>牵头单位</td></tr></table></body></html>")
    >>> page.text
    '一、总体要求\\n序号\\t牵头单位\\n'
    """
    text, dropped = _flatten(text)
    tree = HTMLParser(text)
    meta: dict[str, str] = {}
    if tree.head is not None:
        title = tree.head.css_first("title")
        if title is not None and title.text(strip=True):
            meta["page_title"] = title.text(strip=True)
        for tag in tree.head.css("meta[name]"):
            key = _META_KEYS.get((tag.attributes.get("name") or "").lower())
            value = (tag.attributes.get("content") or "").strip()
            if key and value:
                meta[key] = value
    body = tree.body or tree.root
    if body is None:
        return HtmlPage("", (0, 0), meta, dropped)
    renderer = _Renderer()
    renderer.render(body)
    rendered = "".join(renderer.parts)
    main = renderer.spans.get(_main_node(body).mem_id, (0, len(rendered)))
    return HtmlPage(rendered, main, meta, dropped)
