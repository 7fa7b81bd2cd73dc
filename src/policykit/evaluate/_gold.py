"""Gold annotations (tests/gold/*.json, see GOLD_FORMAT.md) as frozen values, with a forgiving loader."""
from __future__ import annotations

import json
import warnings
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ..extract import COMPARATORS, ROLES


class GoldFormatError(ValueError):
    """A gold file that cannot be read; the message names the file and the offending entry."""


class GoldFormatWarning(UserWarning):
    """A gold file in a folder was skipped because it is malformed."""


@dataclass(frozen=True)
class GoldUnit:
    mention: str
    role: str
    placeholder: bool = False


@dataclass(frozen=True)
class GoldClause:
    quote: str
    units: tuple[GoldUnit, ...]


@dataclass(frozen=True)
class GoldTarget:
    quote: str
    metric: str | None
    value: Decimal
    value_high: Decimal | None
    unit: str | None
    comparator: str
    kind: str | None
    hardness: str | None
    year: int | None


@dataclass(frozen=True)
class GoldObservation:
    quote: str
    metric: str | None
    value: Decimal
    unit: str | None
    period: str | None


@dataclass(frozen=True)
class GoldTask:
    number: str
    title: str | None
    path: tuple[str, ...] | None  # None when the annotator gave no path
    assignments: tuple[GoldClause, ...]
    targets: tuple[GoldTarget, ...]


# What a gold document may annotate; a document's ``scope`` lists the kinds its annotator covered.
SCOPES = ("metadata", "tasks", "assignments", "targets", "observations")
# The metadata fields scored when "metadata" is in scope (null in gold = the text states none).
METADATA_FIELDS = ("title", "issuer", "doc_number", "issued_on", "level", "region", "doc_type")


@dataclass(frozen=True)
class GoldDocument:
    title: str | None
    issuer: str | None
    issued_on: str | None
    level: str | None
    doc_type: str | None
    tasks: tuple[GoldTask, ...]
    doc_targets: tuple[GoldTarget, ...]
    observations: tuple[GoldObservation, ...]
    notes: tuple[str, ...] = ()
    doc_number: str | None = None
    region: str | None = None
    # None: the older gold without a scope, scored for everything but metadata.
    scope: tuple[str, ...] | None = None
    annex_of: str | None = None  # title of the document this one is an annex of

    def scores(self, kind: str) -> bool:
        """Whether this document's annotation covers ``kind`` (one of SCOPES)."""
        return kind != "metadata" if self.scope is None else kind in self.scope


@dataclass(frozen=True)
class GoldFile:
    file: str  # the raw file it annotates, e.g. "chengwu-2023-key-tasks.txt"
    documents: tuple[GoldDocument, ...]
    source: str = ""  # where the gold JSON was read from


class GoldFiles(list):
    """The gold files that loaded, in name order; ``problems`` lists the files that were skipped and why."""

    def __init__(self, files=(), problems: tuple[str, ...] = ()):
        super().__init__(files)
        self.problems = tuple(problems)


def load_gold(path: str | Path) -> GoldFiles:
    """Read one gold JSON file, or every ``*.json`` in a folder.

    A malformed file inside a folder is skipped with a :class:`GoldFormatWarning` naming it (and listed in
    ``problems``); the other files still load. A malformed single file raises :class:`GoldFormatError`.

    Parameters
    ----------
    path : str or Path
        A gold file or a folder of them.

    Returns
    -------
    GoldFiles
        A list of :class:`GoldFile`, with a ``problems`` tuple.

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.json").write_text(json.dumps({"file": "a.txt", "documents": [
    ...     {"tasks": [{"number": "1", "title": "x", "assignments": [], "targets": []}]}]}))
    >>> _ = (folder / "b.json").write_text("{not json")
    >>> import warnings
    >>> with warnings.catch_warnings(record=True):
    ...     gold = load_gold(folder)
    >>> [g.file for g in gold], len(gold.problems)
    (['a.txt'], 1)
    """
    path = Path(path)
    if not path.exists():
        raise GoldFormatError(f"{path}: no such gold file or folder")
    if path.is_file():
        return GoldFiles([_read_file(path)])
    files, problems = [], []
    for item in sorted(path.glob("*.json")):
        try:
            files.append(_read_file(item))
        except GoldFormatError as error:
            problems.append(str(error))
            warnings.warn(str(error), GoldFormatWarning, stacklevel=2)
    return GoldFiles(files, tuple(problems))


def _read_file(path: Path) -> GoldFile:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise GoldFormatError(f"{path}: cannot be read ({error})") from None
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise GoldFormatError(f"{path}: not valid JSON ({where}: {error.msg})") from None
    try:
        return _gold_file(data, str(path))
    except _Malformed as error:
        raise GoldFormatError(f"{path}: {error}") from None


class _Malformed(Exception):
    """Where in the JSON and what is wrong; turned into a GoldFormatError naming the file."""


def _gold_file(data: Any, source: str) -> GoldFile:
    obj = _object(data, "top level")
    name = _text(obj, "file", "top level", required=True)
    docs = _list(obj, "documents", "top level")
    return GoldFile(name, tuple(_document(d, f"documents[{i}]") for i, d in enumerate(docs)), source)


def _document(data: Any, where: str) -> GoldDocument:
    obj = _object(data, where)
    return GoldDocument(
        title=_text(obj, "title", where),
        issuer=_text(obj, "issuer", where),
        issued_on=_text(obj, "issued_on", where),
        level=_text(obj, "level", where),
        doc_type=_text(obj, "doc_type", where),
        tasks=tuple(_task(t, f"{where}.tasks[{i}]") for i, t in enumerate(_list(obj, "tasks", where))),
        doc_targets=tuple(_target(t, f"{where}.doc_targets[{i}]")
                          for i, t in enumerate(_list(obj, "doc_targets", where))),
        observations=tuple(_observation(o, f"{where}.observations[{i}]")
                           for i, o in enumerate(_list(obj, "observations", where))),
        notes=tuple(str(n) for n in _list(obj, "notes", where)),
        doc_number=_text(obj, "doc_number", where),
        region=_text(obj, "region", where),
        scope=_scope(obj, where),
        annex_of=_text(obj, "annex_of", where),
    )


def _scope(obj: dict, where: str) -> tuple[str, ...] | None:
    if "scope" not in obj:
        return None
    scope = _list(obj, "scope", where)
    unknown = [s for s in scope if s not in SCOPES]
    if unknown:
        raise _Malformed(f"{where}.scope: unknown kind(s) {unknown!r} (known: {', '.join(SCOPES)})")
    return tuple(scope)


def _task(data: Any, where: str) -> GoldTask:
    obj = _object(data, where)
    path = obj.get("path")
    if path is not None and not (isinstance(path, list) and all(isinstance(p, str) for p in path)):
        raise _Malformed(f"{where}.path: expected a list of strings, got {path!r}")
    return GoldTask(
        number=_text(obj, "number", where, required=True),
        title=_text(obj, "title", where),
        path=tuple(path) if path is not None else None,
        assignments=tuple(_clause(c, f"{where}.assignments[{i}]")
                          for i, c in enumerate(_list(obj, "assignments", where))),
        targets=tuple(_target(t, f"{where}.targets[{i}]") for i, t in enumerate(_list(obj, "targets", where))),
    )


def _clause(data: Any, where: str) -> GoldClause:
    obj = _object(data, where)
    units = []
    for i, item in enumerate(_list(obj, "units", where)):
        unit = _object(item, f"{where}.units[{i}]")
        role = _text(unit, "role", f"{where}.units[{i}]", required=True)
        if role not in ROLES:
            raise _Malformed(f"{where}.units[{i}].role: {role!r} is not one of {', '.join(ROLES)}")
        units.append(GoldUnit(_text(unit, "mention", f"{where}.units[{i}]", required=True), role,
                              bool(unit.get("placeholder", False))))
    return GoldClause(_text(obj, "quote", where) or "", tuple(units))


def _target(data: Any, where: str) -> GoldTarget:
    obj = _object(data, where)
    comparator = _text(obj, "comparator", where, required=True)
    if comparator not in COMPARATORS:
        raise _Malformed(f"{where}.comparator: {comparator!r} is not one of {' '.join(COMPARATORS)}")
    year = obj.get("year")
    if year is not None and not isinstance(year, int):
        raise _Malformed(f"{where}.year: expected an integer or null, got {year!r}")
    return GoldTarget(
        quote=_text(obj, "quote", where) or "",
        metric=_text(obj, "metric", where),
        value=_decimal(obj, "value", where, required=True),
        value_high=_decimal(obj, "value_high", where),
        unit=_text(obj, "unit", where),
        comparator=comparator,
        kind=_text(obj, "kind", where),
        hardness=_text(obj, "hardness", where),
        year=year,
    )


def _observation(data: Any, where: str) -> GoldObservation:
    obj = _object(data, where)
    return GoldObservation(
        quote=_text(obj, "quote", where) or "",
        metric=_text(obj, "metric", where),
        value=_decimal(obj, "value", where, required=True),
        unit=_text(obj, "unit", where),
        period=_text(obj, "period", where),
    )


def _object(data: Any, where: str) -> dict:
    if not isinstance(data, dict):
        raise _Malformed(f"{where}: expected an object, got {type(data).__name__}")
    return data


def _list(obj: dict, key: str, where: str) -> list:
    value = obj.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list):
        raise _Malformed(f"{where}.{key}: expected a list, got {type(value).__name__}")
    return value


def _text(obj: dict, key: str, where: str, *, required: bool = False) -> str | None:
    value = obj.get(key)
    if value is None:
        if required:
            raise _Malformed(f"{where}.{key}: missing")
        return None
    if not isinstance(value, str):
        raise _Malformed(f"{where}.{key}: expected a string, got {value!r}")
    return value


def _decimal(obj: dict, key: str, where: str, *, required: bool = False) -> Decimal | None:
    raw = _text(obj, key, where, required=required)
    if raw is None:
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise _Malformed(f"{where}.{key}: {raw!r} is not a decimal string") from None
    if not value.is_finite():
        raise _Malformed(f"{where}.{key}: {raw!r} is not a finite decimal")
    return value
