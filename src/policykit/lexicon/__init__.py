"""The kit's domain vocabulary as reviewable data files, and one small loader for them.

Every word the extractors know — unit heads, placeholders, role words, hardness words, comparators,
time words, metrics, units of measure, department functions — lives in a tab-separated file under
``policykit/lexicon/data/<topic>.tsv``: ``#`` starts a comment line, the first other line names the
columns, each further line is one entry. A cell may hold alternatives separated by ``|``. An entry is
known by its first column, unless a comment line ``# key: COLUMN COLUMN …`` names the columns that
identify it (a table such as the codebook, keyed by frame and variable).

A researcher adds words of their own without editing code: put files with the same topic names
(and the same columns) in a folder and name it in the ``POLICYKIT_LEXICON`` environment variable
(several folders separated by ``os.pathsep``) or pass it to ``policykit --lexicon DIR``. Their rows
are added after the kit's own. ``policykit lexicon check`` validates every file and reports clashes.

Examples
--------
>>> from policykit import lexicon
>>> "unit_functions" in lexicon.topics()
True
>>> rows = lexicon.table("unit_functions").rows
>>> rows[0]["category"]
'development_reform'
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

__all__ = ["ENV_VAR", "LexiconError", "Problem", "Table", "alternation", "alternation_of", "by_char", "check", "extra_dirs",
           "table",
           "topics", "use_extra_dirs", "words"]

ENV_VAR = "POLICYKIT_LEXICON"
_BUILTIN = files("policykit.lexicon").joinpath("data")


class LexiconError(ValueError):
    """A lexicon file that cannot be read; the message names the file, the line and the problem."""


@dataclass(frozen=True)
class Table:
    """One topic's entries: the column names and one mapping per row, the kit's rows first."""

    topic: str
    columns: tuple[str, ...]
    rows: tuple[dict[str, str], ...]
    sources: tuple[str, ...]

    def column(self, name: str) -> tuple[str, ...]:
        """Every value of one column, alternatives (``a|b``) split, in file order, without repeats."""
        if name not in self.columns:
            raise LexiconError(f"lexicon {self.topic}: no column {name!r} (columns: {', '.join(self.columns)})")
        return tuple(dict.fromkeys(v for row in self.rows for v in row[name].split("|") if v))


@dataclass(frozen=True)
class Problem:
    """A finding of :func:`check`: the file, the line (0 for the whole file) and what is wrong."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


def extra_dirs() -> tuple[Path, ...]:
    """The user lexicon folders in force (from ``POLICYKIT_LEXICON``)."""
    return tuple(Path(p) for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p)


def use_extra_dirs(*dirs: str | Path) -> None:
    """Add user lexicon folders for this process (and the worker processes it starts).

    Call it before extraction modules are imported: they read the vocabulary once, at import.
    """
    known = [str(p) for p in extra_dirs()]
    os.environ[ENV_VAR] = os.pathsep.join(known + [str(Path(d)) for d in dirs if str(Path(d)) not in known])
    _table.cache_clear()


def topics() -> list[str]:
    """The topic names the kit ships, sorted."""
    return sorted(p.name[:-4] for p in _BUILTIN.iterdir() if p.name.endswith(".tsv"))


def table(topic: str) -> Table:
    """The entries of one topic: the kit's file, then the same topic in each user folder."""
    return _table(topic, os.environ.get(ENV_VAR, ""))


def words(topic: str, column: str | None = None) -> tuple[str, ...]:
    """The values of one column (the first when none is named), alternatives split."""
    t = table(topic)
    return t.column(column or t.columns[0])


def alternation(topic: str, column: str | None = None) -> str:
    """A regular-expression alternation of a column's words, longest first, each escaped.

    >>> alternation("unit_functions", "stems").startswith("(?:")
    True
    """
    return _alternation(topic, column, os.environ.get(ENV_VAR, ""))


@cache
def _alternation(topic: str, column: str | None, _env: str) -> str:
    return alternation_of(words(topic, column))


def branches_of(words: Iterable[str]) -> list[str]:
    """``words`` escaped, longest first (so a longer word wins where a shorter one is its prefix): the
    branches of :func:`alternation_of`, for a pattern that makes each word a branch of its own (a pattern
    whose every branch opens with a literal is scanned for by the set of those first characters; a
    branch opening with a group has the whole pattern tried at every character).

    >>> branches_of(["部门", "单位", "有关部门"])
    ['有关部门', '单位', '部门']
    """
    return [re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))]


def alternation_of(words: Iterable[str]) -> str:
    """A regular-expression alternation of ``words``, longest first (so a longer word wins where a
    shorter one is its prefix), each escaped.

    >>> alternation_of(["部门", "单位", "有关部门"])
    '(?:有关部门|单位|部门)'
    """
    return "(?:" + "|".join(branches_of(words)) + ")"


def by_char(entries: Iterable, at: int, word: Callable[[object], str] = str) -> dict[str, tuple]:
    """``entries`` grouped by the character at ``at`` (0 the first, -1 the last) of each one's ``word``, in
    their order: a text position can only begin (end) a word whose first (last) character stands there, so
    scanning the group of that character answers as scanning all entries would. A word with no characters
    fits everywhere: it is in every group, and under ``""``, the group of a name with no character there.

    Look a name up with ``index.get(name[:1], index[""])`` (``name[-1:]`` for ``at=-1``).

    >>> index = by_char(["市直", "县直", "市属"], 0)
    >>> index["市"], index.get("省", index[""])
    (('市直', '市属'), ())
    """
    entries = tuple(entries)
    empty = [i for i, entry in enumerate(entries) if not word(entry)]
    groups: dict[str, list[int]] = {}
    for i, entry in enumerate(entries):
        if word(entry):
            groups.setdefault(word(entry)[at], []).append(i)
    index = {char: tuple(entries[i] for i in sorted(members + empty)) for char, members in groups.items()}
    index[""] = tuple(entries[i] for i in empty)
    return index


@cache
def _table(topic: str, _env: str) -> Table:
    builtin = _BUILTIN.joinpath(f"{topic}.tsv")
    if not builtin.is_file():
        raise LexiconError(f"lexicon: no topic {topic!r} (topics: {', '.join(topics())})")
    columns, rows, _ = _read(builtin.read_text("utf-8"), f"policykit/lexicon/data/{topic}.tsv")
    sources = [f"policykit/lexicon/data/{topic}.tsv"]
    for folder in extra_dirs():
        path = folder / f"{topic}.tsv"
        if not path.is_file():
            continue
        user_columns, user_rows, _ = _read(path.read_text("utf-8"), str(path))
        if user_columns != columns:
            raise LexiconError(f"{path}: columns {'/'.join(user_columns)} differ from the kit's "
                               f"{'/'.join(columns)} for topic {topic!r}")
        rows += user_rows
        sources.append(str(path))
    return Table(topic, columns, tuple(rows), tuple(sources))


def _read(text: str, where: str) -> tuple[tuple[str, ...], list[dict[str, str]], tuple[str, ...]]:
    """Columns, rows and the key columns of one file."""
    columns: tuple[str, ...] | None = None
    key: tuple[str, ...] = ()
    rows: list[dict[str, str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        comment = line.lstrip()
        if comment.startswith("#") and comment[1:].strip().startswith("key:"):
            key = tuple(comment[1:].strip()[4:].split())
        if not line.strip() or comment.startswith("#"):
            continue
        cells = tuple(c.strip() for c in line.split("\t"))
        if columns is None:
            columns = cells
            continue
        if len(cells) > len(columns):
            raise LexiconError(f"{where}:{number}: {len(cells)} cells for {len(columns)} columns ({'/'.join(columns)})")
        rows.append(dict(zip(columns, cells + ("",) * (len(columns) - len(cells)))))
    if columns is None:
        raise LexiconError(f"{where}: no header line")
    if unknown := [k for k in key if k not in columns]:
        raise LexiconError(f"{where}: key column(s) {', '.join(unknown)} not in the header ({'/'.join(columns)})")
    return columns, rows, key or columns[:1]


def check(dirs: tuple[str | Path, ...] = ()) -> list[Problem]:
    """Validate the kit's lexicon and the given user folders; report unreadable files and clashes.

    A clash is one entry (its first column, or its ``# key:`` columns) listed twice in a topic with
    different values elsewhere in the row (the same word with two meanings), or a user file whose
    topic the kit does not know.

    >>> check()
    []
    """
    problems: list[Problem] = []
    known = set(topics())
    sources = [(t, _BUILTIN.joinpath(f"{t}.tsv").read_text("utf-8"), f"policykit/lexicon/data/{t}.tsv")
               for t in sorted(known)]
    for folder in map(Path, dirs):
        if not folder.is_dir():
            problems.append(Problem(str(folder), 0, "not a folder"))
            continue
        for path in sorted(folder.glob("*.tsv")):
            if path.stem not in known:
                problems.append(Problem(str(path), 0, f"unknown topic {path.stem!r} (topics: {', '.join(sorted(known))})"))
                continue
            sources.append((path.stem, path.read_text("utf-8"), str(path)))
    seen: dict[tuple[str, tuple[str, ...]], tuple[str, tuple[str, ...]]] = {}
    headers: dict[str, tuple[str, ...]] = {}
    for topic, text, where in sources:
        try:
            columns, rows, key = _read(text, where)
        except LexiconError as exc:
            problems.append(Problem(where, 0, str(exc)))
            continue
        if headers.setdefault(topic, columns) != columns:
            problems.append(Problem(where, 0, f"columns {'/'.join(columns)} differ from {'/'.join(headers[topic])}"))
            continue
        for row in rows:
            rest = tuple(row[c] for c in columns if c not in key)
            # A one-column key may list alternatives (a|b): each is an entry of its own.
            entries = ([(w,) for w in row[key[0]].split("|") if w] if len(key) == 1 else [tuple(row[k] for k in key)])
            for entry in entries:
                first = seen.setdefault((topic, entry), (where, rest))
                if first[1] != rest:
                    problems.append(Problem(where, 0, f"{topic}: {'/'.join(entry)!r} is listed again with other values "
                                                      f"({'/'.join(rest)} vs {'/'.join(first[1])} in {first[0]})"))
    return problems
