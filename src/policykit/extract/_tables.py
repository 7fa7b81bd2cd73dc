"""Indicator tables: the 主要指标 tables of plans, as TAB-separated rows (the text stage writes HTML tables
so) or, in text copied from a PDF, as cells separated by spaces.

A header row names the indicator column and year columns (``指标  2020年  2025年  属性``); each row below
gives one indicator with its unit in brackets (``地区生产总值增长（%）  3.6  6左右  预期性``).  The
latest year's cell is a target for that year; earlier years' cells are reported figures.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .. import lexicon
from ._lexicon import alternation, of_kind
from ._numbers import Quantity, find_quantities
from ._sieve import find_next


def _words(kind: str) -> str:
    """The words of ``indicator_tables.tsv`` of one kind, as an alternation."""
    return alternation(of_kind("indicator_tables", kind))


_YEAR = _words("year")
_YEAR_CELL = re.compile(rf"^\s*(20\d{{2}})\s*{_YEAR}?{_words('year_cell')}?{_words('value')}?\s*$")
_TARGET_CELL = re.compile(rf"^\s*(?:{_words('target_cell')}|\d{{4}}{_YEAR}{_words('year_target_cell')})\s*$")
_METRIC_HEAD = re.compile(_words("metric_head"))
# A text holding a metric head word holds one of these (the words holding none of the others).
_HEAD_WORDS = tuple(word for word in of_kind("indicator_tables", "metric_head")
                    if not any(other != word and other in word for other in of_kind("indicator_tables", "metric_head")))
# Where str.splitlines ends a line (\r\n ends one).
_LINE_END = re.compile(r"\r\n?|[\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_UNIT_HEAD = re.compile(rf"^\s*{_words('unit_head_prefix')}?{_words('unit_head')}\s*$")
# 年均增长〔累计〕: the column that holds the aim of indicators set as a rate over the period.
_RATE_HEAD = re.compile(_words("rate_head"))
_CELL_SUFFIXES = ("", *of_kind("indicator_tables", "cell_suffix"))
# A symbol reads as its comparator word, before or after the figure as the word stands (comparators.tsv).
_POSITIONS = {row["word"]: row["position"] for row in lexicon.table("comparators").rows}
_UNIT_IN_METRIC = re.compile(r"[（(]([^（）()]{1,12})[）)]\s*$")
_SYMBOLS = tuple((row["symbol"], row["word"]) for row in lexicon.table("comparator_symbols").rows)
_CUMULATIVE = re.compile(r"^[〔［\[【](.+)[〕］\]】]$")  # 〔18〕: a five-year total, as plans print it
# A sentence ends inside a line of prose; a row of a table copied from a PDF holds none.
_SENTENCE_END = re.compile(r"[。；;！!？?]")
_NO_FIGURE = re.compile(r"^[\s—\-－–/、]*$")


@dataclass(frozen=True)
class TableFigure:
    """One figure of an indicator table: the quantity, what it measures, and the year column it sits in."""

    quantity: Quantity  # offsets are into the whole text
    metric: str
    year: int | None
    is_target: bool
    row_start: int
    row_end: int


def read_indicator_tables(text: str) -> tuple[TableFigure, ...]:
    """Figures of the indicator tables in a text; rows that are not indicator rows give nothing.

    >>> rows = "指标\\t2020年\\t2025年\\t属性\\n地区生产总值增长（%）\\t3.6\\t6左右\\t预期性\\n"
    >>> [(f.metric, str(f.quantity.value), f.quantity.unit, f.quantity.comparator, f.year, f.is_target)
    ...  for f in read_indicator_tables(rows)]
    [('地区生产总值增长', '3.6', '%', '=', 2020, False), ('地区生产总值增长', '6', '%', '≈', 2025, True)]
    """
    return figures_of(indicator_rows(text))


def figures_of(rows: tuple[IndicatorRow, ...]) -> tuple[TableFigure, ...]:
    """:func:`read_indicator_tables` of the rows :func:`indicator_rows` found."""
    out: list[TableFigure] = []
    for row, row_end, header in rows:
        out += _row_figures(row, row_end, *header)
    return tuple(out)


def indicator_row_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the rows of indicator tables (below a 指标 / 2023年 / 2025年 header): they set targets,
    so the section tree takes no task from them.

    >>> rows = "指标\\t2023年\\t2025年\\n1\\t5G基站数（个）\\t100\\t200\\n"
    >>> indicator_row_spans(rows)
    ((15, 33),)
    """
    return spans_of(indicator_rows(text))


def spans_of(rows: tuple[IndicatorRow, ...]) -> tuple[tuple[int, int], ...]:
    """:func:`indicator_row_spans` of the rows :func:`indicator_rows` found."""
    return tuple((row[0][1], row_end) for row, row_end, _ in rows)


# (cells with offsets, end of the row, (metric column, header cells)) of one indicator table row.
IndicatorRow = tuple[list[tuple[str, int]], int, tuple[int, list[str]]]


def indicator_rows(text: str) -> tuple[IndicatorRow, ...]:
    """The rows of the indicator tables of a text, found once for both their spans and their figures.

    >>> [(cells[1][0], end) for cells, end, _ in indicator_rows("指标\\t2023年\\t2025年\\n增速（%）\\t3\\t5\\n")]
    [('3', 24)]
    """
    return tuple(_indicator_rows(text))


def _indicator_rows(text: str):
    """(cells with offsets, end of the row, (metric column, header cells)) of every indicator table row.

    Outside a table only a header can matter, and a header has a cell holding a metric head word: the lines up to
    the next line holding one (one of ``_HEAD_WORDS``, found by str.find) are skipped, not each of them split and
    read (most lines of a text, most texts)."""
    next_at = {word: at for word in _HEAD_WORDS if (at := text.find(word)) >= 0}
    pos = 0  # the start of the first line not yet read
    while next_at:
        start = _line_start(text, pos, min(next_at.values()))
        header: tuple[int, list[str]] | None = None  # (metric column, cells) of the table being read
        while start < len(text):
            line_end = _LINE_END.search(text, start)
            pos = line_end.end() if line_end else len(text)
            line = text[start:pos]
            row = _cells(line.rstrip("\r\n"), start) if _may_be_row(line) else []
            if len(row) < 3:
                break
            found = _header([cell for cell, _ in row])
            if found is not None:
                header = found
            elif header is None:
                break  # a row of no table
            else:
                yield row, start + len(line.rstrip()), header
            start = pos
        find_next(text, next_at, pos)


def _line_start(text: str, pos: int, at: int) -> int:
    """A line start at or before the start of the line ``at`` stands in, ``pos`` (a line start) or later: after the
    last line feed. A rarer line end (\\r, \\x0c, …) after it only leaves a few lines of no table to read."""
    return max(pos, text.rfind("\n", pos, at) + 1)


def _may_be_row(line: str) -> bool:
    """Whether ``line`` may have three cells: a line without a TAB has as cells at most its runs of
    non-space, which str.split() finds at C speed."""
    return "\t" in line or len(line.split(None, 2)) > 2


def _cells(line: str, start: int) -> list[tuple[str, int]]:
    """(cell, offset) pairs: TAB-separated cells (empty ones kept), else runs of non-space — unless the
    line is prose (a sentence ends inside it: 每集奖励 10 万元，…；…), which has no cells."""
    if "\t" not in line:
        if _SENTENCE_END.search(line.rstrip()[:-1]):
            return []
        return [(m.group(0), start + m.start()) for m in re.finditer(r"[^\s\u3000]+", line)]
    cells, at = [], start
    for cell in line.split("\t"):
        cells.append((cell, at))
        at += len(cell) + 1
    return cells


def _header(cells: list[str]) -> tuple[int, list[str]] | None:
    years = [c for i, c in enumerate(cells)
             if (_YEAR_CELL.match(c) and not _amount(c, cells[i + 1:i + 2])) or _TARGET_CELL.match(c)]
    metric = next((i for i, c in enumerate(cells) if _METRIC_HEAD.search(c) and not _YEAR_CELL.match(c)), None)
    if not years or metric is None:
        return None
    return metric, cells


def _amount(cell: str, following: list[str]) -> bool:
    """Whether a bare number cell is an amount whose unit the next cell holds (2000 | 万元), not a year."""
    if not cell.strip().isdigit() or not following:
        return False
    found = find_quantities(cell.strip() + following[0])
    return bool(found) and found[0].start == 0 and found[0].unit is not None


def _row_figures(row: list[tuple[str, int]], row_end: int, metric_column: int, header: list[str]) -> list[TableFigure]:
    # Merged cells (类别 spanning rows) drop columns on the left: align the row to the header from the right.
    cells, offsets = [cell for cell, _ in row], [at for _, at in row]
    row_start = offsets[0]
    if len(cells) > len(header) and cells[0].strip().isdigit():
        cells, offsets = cells[1:], offsets[1:]  # a 序号 cell the header does not name
    shift = len(header) - len(cells)
    if shift < 0 or metric_column - shift < 0:
        return []
    metric_cell = cells[metric_column - shift]
    unit_match = _UNIT_IN_METRIC.search(metric_cell)
    unit = unit_match.group(1).strip() if unit_match else None
    unit_column = next((i for i, c in enumerate(header) if _UNIT_HEAD.match(c)), None)
    if unit is None and unit_column is not None and unit_column - shift >= 0:
        unit = cells[unit_column - shift].strip() or None
    metric = re.sub(r"^\s*\d{1,2}[.、．]?\s*", "", metric_cell[:unit_match.start()] if unit_match else metric_cell).strip()
    if not metric or unit is None or not _is_unit(unit):
        return []
    year_columns = [(i, _column_year(c)) for i, c in enumerate(header) if _YEAR_CELL.match(c) or _TARGET_CELL.match(c)]
    target_column, target_year = max(year_columns, key=lambda iy: (iy[1] or 9999, iy[0]))
    rate_column = next((i for i, c in enumerate(header) if _RATE_HEAD.search(c) and not _YEAR_CELL.match(c)), None)

    def read(column: int) -> Quantity | None:
        k = column - shift
        if k < 0 or k >= len(cells) or k == metric_column - shift:
            return None
        return _cell_quantity(cells[k], unit, offsets[k])

    figures = []
    for i, year in year_columns:
        quantity = read(i)
        if quantity is not None:
            figures.append(TableFigure(quantity, metric, year, i == target_column, row_start, row_end))
    if rate_column is not None and not any(f.is_target for f in figures):
        quantity = read(rate_column)  # 地区生产总值增长（%） … — … 6左右: the aim is the rate
        if quantity is not None:
            figures.append(TableFigure(quantity, metric, target_year, True, row_start, row_end))
    return figures


def _is_unit(word: str) -> bool:
    """Whether a bracketed word is a unit (%, 万人, 人/千人) rather than an aside (市发展改革委)."""
    found = find_quantities("1" + word)
    return len(found) == 1 and found[0].unit is not None and word.startswith(found[0].unit[:1])


def _column_year(cell: str) -> int | None:
    m = _YEAR_CELL.match(cell) or re.search(r"(20\d{2})", cell)
    return int(m.group(1)) if m else None


def _cell_quantity(cell: str, unit: str, offset: int) -> Quantity | None:
    """The figure of one cell, read with the row's unit: ``6左右`` (%), ``≥95``, ``〔18〕``."""
    raw = cell.strip()
    if _NO_FIGURE.match(raw):
        return None
    lead = len(cell) - len(cell.lstrip())
    bracket = _CUMULATIVE.match(raw)
    body = bracket.group(1) if bracket else raw
    inner = raw.index(body)
    prefix_word = ""
    for symbol, word in _SYMBOLS:
        if body.startswith(symbol):
            prefix_word, body, inner = word, body[len(symbol):].lstrip(), inner + len(symbol)
            break
    # Read "数 + 单位 + 比较词" as one phrase; a symbol becomes the word it stands for.
    suffix = re.match(r"^(\d+(?:\.\d+)?)(.*)$", body)
    if not suffix:
        return None
    number, rest = suffix.groups()
    if rest.strip() not in _CELL_SUFFIXES:
        return None
    position = _POSITIONS.get(prefix_word)
    phrase = number + unit + rest.strip() + (prefix_word if position == "suffix" else "")
    found = find_quantities((prefix_word if position == "prefix" else "") + phrase)
    if len(found) != 1 or found[0].value != Decimal(number):
        return None
    q = found[0]
    start = offset + lead + inner
    if q.base_unit is None or not (q.unit or "").startswith(unit[:1]):
        # A unit the reader does not know (张/千人): keep it as written, unscaled.
        return Quantity(q.value, None, unit, q.value, None, unit, q.comparator, q.cue, start, start + len(body), start)
    return Quantity(q.value, q.value_high, q.unit, q.base_value, q.base_value_high, q.base_unit, q.comparator,
                    q.cue, start, start + len(body), start)
