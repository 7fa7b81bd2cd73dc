"""Every frame and panel of a dataset as files for Stata, Excel, R or Python, with a bilingual codebook.

``export_frames`` writes the six frames and the two regression panels
(:func:`policykit.escalation.target_panel`, :func:`policykit.network.dyad_panel`) in one or
several formats, a ``codebook.csv`` (variable labels in English and Chinese, type, missing values)
and a ``manifest.json`` naming the log position the data come from.

What each format can hold decides what it gets:

- parquet: the frames as they are (exact ``Decimal`` values, lists);
- csv: UTF-8 with a byte-order mark so Excel reads the Chinese text; lists joined by ``"; "``,
  decimals written exactly;
- dta (Stata 14+ via pyreadstat): variable labels; decimals as doubles, booleans as 0/1, lists
  joined, strings cut to Stata's 2045 bytes (the codebook says which variables were cut), and
  missing strings empty, as Stata has no missing string;
- xlsx: one workbook per table; lists joined, cells cut to Excel's 32,767 characters.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import polars as pl

from . import lexicon
from ._version import __version__
from .dataset import Dataset
from .escalation import target_panel
from .network import dyad_panel
from .project import FRAME_NAMES

__all__ = ["FORMATS", "PANEL_NAMES", "codebook", "export_frames", "for_format", "panels"]

FORMATS = ("parquet", "csv", "dta", "xlsx")
PANEL_NAMES = ("target_panel", "dyad_panel")
_STATA_STRING_BYTES = 2045
_STATA_LABEL_CHARS = 80
_EXCEL_CELL_CHARS = 32767
_LIST_SEPARATOR = "; "


def panels(dataset: Dataset, references: pl.DataFrame | None = None) -> dict[str, pl.DataFrame]:
    """The regression panels of a dataset: ``target_panel`` and ``dyad_panel`` (by year)."""
    return {
        "target_panel": target_panel(dataset.targets, dataset.documents, dataset.observations, references),
        "dyad_panel": dyad_panel(dataset.assignments, dataset.documents, units=dataset.units),
    }


def export_frames(dataset: Dataset, out: str | Path, formats: Iterable[str] = ("parquet",), *,
                  references: pl.DataFrame | None = None) -> list[Path]:
    """Write every frame and panel of ``dataset`` to ``out`` in each format, with a codebook.

    Parameters
    ----------
    dataset : Dataset
        From :func:`policykit.open` (pin it with ``as_of_seq`` for a paper).
    out : path
        Folder to write into (created); files are ``<table>.<format>``, ``codebook.csv`` and
        ``manifest.json``.
    formats : iterable of {"parquet", "csv", "dta", "xlsx"}
        One or more formats.
    references : polars.DataFrame, optional
        Reference targets for the target panel (see :func:`policykit.escalation.escalation`).

    Returns
    -------
    list of Path
        The files written.

    Examples
    --------
    >>> import policykit as pk                                                 # doctest: +SKIP
    >>> export_frames(pk.open(as_of_seq=120), "replication/data", ["dta", "csv"])  # doctest: +SKIP
    """
    formats = list(dict.fromkeys(formats))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise ValueError(f"unknown export format(s) {', '.join(unknown) or '(none given)'}; use {', '.join(FORMATS)}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    tables = {name: getattr(dataset, name) for name in FRAME_NAMES} | panels(dataset, references)
    book = codebook(tables)
    written = []
    for name, frame in tables.items():
        for fmt in formats:
            written.append(_write(for_format(frame, fmt), out / f"{name}.{fmt}", fmt, name, book))
    written.append(out / "codebook.csv")
    book.write_csv(written[-1], include_bom=True)
    if "xlsx" in formats:
        written.append(out / "codebook.xlsx")
        book.write_excel(written[-1], worksheet="codebook", autofit=True)
    manifest = {"policykit": __version__, "last_seq": dataset.last_seq, "as_of_seq": dataset.as_of_seq,
                "as_of_date": dataset.as_of_date, "rows": {name: frame.height for name, frame in tables.items()},
                "formats": formats}
    written.append(out / "manifest.json")
    written[-1].write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return written


def codebook(tables: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """One row per table and variable: type, labels (English, Chinese), missing values, notes.

    Labels come from ``lexicon/data/codebook.tsv`` (a table's own row before the ``*`` row);
    a variable it does not know gets null labels, so a new column shows up as unlabelled.

    Examples
    --------
    >>> book = codebook({"targets": pl.DataFrame({"hardness": ["确保"], "value": [None]})})
    >>> book.select("variable", "label_zh", "n_missing").rows()
    [('hardness', '约束强度（确保、力争、争取、努力）', 0), ('value', '目标值（区间下限）', 1)]
    """
    labels = {tuple(row["variable"].split(".", 1)): (row["label_en"], row["label_zh"])
              for row in lexicon.table("codebook").rows}
    rows = []
    for name, frame in tables.items():
        for variable, dtype in frame.schema.items():
            label_en, label_zh = labels.get((name, variable)) or labels.get(("*", variable)) or (None, None)
            rows.append({"table": name, "variable": variable, "type": str(dtype), "label_en": label_en,
                         "label_zh": label_zh, "n": frame.height, "n_missing": frame[variable].null_count(),
                         "note": _note(frame[variable])})
    schema = {"table": pl.String, "variable": pl.String, "type": pl.String, "label_en": pl.String,
              "label_zh": pl.String, "n": pl.Int64, "n_missing": pl.Int64, "note": pl.String}
    return pl.DataFrame(rows, schema=schema)


def for_format(frame: pl.DataFrame, fmt: str) -> pl.DataFrame:
    """``frame`` as the format stores it (see the module docstring); parquet keeps it unchanged.

    Examples
    --------
    >>> f = pl.DataFrame({"path": [["一", "（二）"]], "ok": [True]})
    >>> for_format(f, "dta").rows()
    [('一; （二）', 1)]
    """
    if fmt == "parquet":
        return frame
    lists = [c for c, t in frame.schema.items() if isinstance(t, pl.List)]
    # Elements as text first: a list of spans ([[3, 9], …]) joins as "3-9; …".
    frame = frame.with_columns(
        (pl.col(c).list.eval(pl.element().cast(pl.List(pl.String)).list.join("-"))
         if isinstance(frame.schema[c].inner, pl.List) else pl.col(c).cast(pl.List(pl.String))).list.join(_LIST_SEPARATOR)
        for c in lists)
    if fmt == "csv":
        return frame
    if fmt == "xlsx":
        return frame.with_columns(pl.col(pl.String).str.slice(0, _EXCEL_CELL_CHARS))
    if fmt != "dta":
        raise ValueError(f"unknown export format {fmt!r}; use {', '.join(FORMATS)}")
    return frame.with_columns(
        pl.col(pl.Decimal).cast(pl.Float64),
        pl.col(pl.Boolean).cast(pl.Int8),
        pl.col(pl.String).fill_null("").map_elements(_stata_string, return_dtype=pl.String),
    )


def _write(frame: pl.DataFrame, path: Path, fmt: str, name: str, book: pl.DataFrame) -> Path:
    if fmt == "parquet":
        frame.write_parquet(path, statistics=False)
    elif fmt == "csv":
        frame.write_csv(path, include_bom=True)
    elif fmt == "xlsx":
        frame.write_excel(path, worksheet=name[:31], autofit=False)
    else:
        import pyreadstat

        labels = {v: _stata_label(en, zh) for v, en, zh in
                  book.filter(pl.col("table") == name).select("variable", "label_en", "label_zh").iter_rows()}
        pyreadstat.write_dta(frame, str(path), file_label=f"policykit {name}", column_labels=labels)
    return path


def _stata_string(value: str) -> str:
    """Cut to Stata's longest fixed string (2045 bytes of UTF-8) without splitting a character."""
    data = value.encode("utf-8")
    return value if len(data) <= _STATA_STRING_BYTES else data[:_STATA_STRING_BYTES].decode("utf-8", "ignore")


def _stata_label(label_en: str | None, label_zh: str | None) -> str | None:
    """``English (中文)`` when it fits Stata's 80 characters, else the English label cut to fit."""
    if label_en is None:
        return label_zh[:_STATA_LABEL_CHARS] if label_zh else None
    both = f"{label_en} ({label_zh})" if label_zh else label_en
    return both if len(both) <= _STATA_LABEL_CHARS else label_en[:_STATA_LABEL_CHARS]


def _note(column: pl.Series) -> str | None:
    """What an export format changes in this variable."""
    dtype = column.dtype
    if isinstance(dtype, pl.Decimal):
        return "exact decimal in parquet and csv; a double in dta and xlsx"
    if isinstance(dtype, pl.List):
        return f"a list in parquet; elements joined by '{_LIST_SEPARATOR}' elsewhere"
    if dtype == pl.Boolean:
        return "0/1 in dta"
    if dtype == pl.String and (column.str.len_bytes().max() or 0) > _STATA_STRING_BYTES:
        return f"texts over {_STATA_STRING_BYTES} bytes are cut in dta (full text in parquet, csv, xlsx)"
    return None
