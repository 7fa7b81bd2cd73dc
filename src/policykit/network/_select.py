"""Turn the assignments frame into the rows a network is built from: filtered, one node key per row.

Every graph in this package starts from :func:`select_assignments`, so filters, placeholder
handling and the choice of node (canonical unit, raw mention or functional category) mean the
same thing everywhere.
"""
from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from ._errors import NetworkInputError

ROLES = ("lead", "responsible", "participant")
NODE_KINDS = ("unit_id", "mention", "category")

# filter name -> (column looked for in assignments, then documents; columns tried in order)
_DOCUMENT_FILTERS = {
    "doc_type": ("doc_type",),
    "level": ("level",),
    "jurisdiction": ("jurisdiction", "region"),
    "year": ("year",),
}
_NODE_ATTRIBUTES = ("name", "name_en", "category", "level", "jurisdiction")

Filter = str | int | Iterable[str] | Iterable[int] | None


def _require(frame: pl.DataFrame, columns: Iterable[str], what: str) -> None:
    if not isinstance(frame, pl.DataFrame):
        raise NetworkInputError(f"{what} must be a polars DataFrame, got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise NetworkInputError(f"{what} frame lacks column(s) {', '.join(missing)}; it has {', '.join(frame.columns)}")


def _as_values(name: str, value: Filter) -> list:
    if isinstance(value, str) or not isinstance(value, Iterable):
        return [value]
    values = list(value)
    if not values:
        raise NetworkInputError(f"filter {name}= got an empty list: nothing would be selected")
    return values


def _document_years(documents: pl.DataFrame) -> pl.Expr:
    if "year" in documents.columns:
        return pl.col("year").cast(pl.Int64, strict=False)
    if "issued_on" in documents.columns:
        issued = pl.col("issued_on")
        if documents.schema["issued_on"] in (pl.Date, pl.Datetime):
            return issued.dt.year().cast(pl.Int64)
        return issued.cast(pl.String).str.slice(0, 4).cast(pl.Int64, strict=False)
    raise NetworkInputError("the year filter or by='year' needs a documents frame with a year or issued_on column")


def document_column(assignments: pl.DataFrame, documents: pl.DataFrame | None, name: str) -> pl.DataFrame:
    """Return ``assignments`` with a column ``name`` (doc_type, level, jurisdiction, year) per row.

    The column is taken from ``assignments`` when it is already there, otherwise joined from
    ``documents`` on ``doc_id`` (``jurisdiction`` is the issuing document's ``region``; ``year``
    comes from ``year`` or ``issued_on``).
    """
    if name in assignments.columns:
        return assignments
    if documents is None:
        raise NetworkInputError(f"filtering or grouping by {name} needs documents= (the documents frame)")
    _require(documents, ["doc_id"], "documents")
    if name == "year":
        expr = _document_years(documents)
    else:
        found = [c for c in _DOCUMENT_FILTERS[name] if c in documents.columns]
        if not found:
            raise NetworkInputError(f"the documents frame has no {' or '.join(_DOCUMENT_FILTERS[name])} column for {name}")
        expr = pl.col(found[0])
    looked_up = documents.select(pl.col("doc_id"), expr.alias(name)).unique("doc_id", keep="first")
    return assignments.join(looked_up, on="doc_id", how="left")


def select_assignments(
    assignments: pl.DataFrame,
    *,
    documents: pl.DataFrame | None = None,
    units: pl.DataFrame | None = None,
    node: str = "unit_id",
    include_placeholders: bool = False,
    doc_id: Filter = None,
    doc_type: Filter = None,
    jurisdiction: Filter = None,
    level: Filter = None,
    year: Filter = None,
    role: Filter = None,
    keep: Iterable[str] = (),
) -> pl.DataFrame:
    """Filter assignment rows and give each one a ``node`` key.

    Parameters
    ----------
    assignments : polars.DataFrame
        The assignments frame (``task_id, doc_id, clause, mention, unit_id, role, placeholder`` …).
    documents, units : polars.DataFrame, optional
        Needed only for document filters (``doc_type, level, jurisdiction, year``) and for
        ``node="category"`` respectively.
    node : {"unit_id", "mention", "category"}
        What a node is: the canonical unit, the name as written, or the unit's functional category.
    include_placeholders : bool
        Keep collective mentions (各区县, 各有关部门 …); left out by default because they name no body.
    doc_id, doc_type, jurisdiction, level, year, role
        Keep only rows matching one value or any of a list of values.
    keep : iterable of str
        Further document columns to carry along (e.g. ``("year",)`` for grouping).

    Returns
    -------
    polars.DataFrame
        Columns ``task_id, doc_id, clause, role, node, mention`` plus the ``keep`` columns; rows
        whose node key or task is null are dropped.

    Examples
    --------
    >>> import polars as pl
    >>> a = pl.DataFrame({"task_id": ["t1", "t1"], "doc_id": ["d", "d"], "clause": [0, 0],
    ...                   "mention": ["发改委", "各区"], "unit_id": ["u1", "u2"],
    ...                   "role": ["lead", "participant"], "placeholder": [False, True]})
    >>> select_assignments(a)["node"].to_list()
    ['u1']
    """
    _require(assignments, ["task_id", "doc_id", "role"], "assignments")
    if node not in NODE_KINDS:
        raise NetworkInputError(f"node= must be one of {', '.join(NODE_KINDS)}, got {node!r}")
    frame = assignments
    if "clause" not in frame.columns:
        frame = frame.with_columns(clause=pl.lit(0, pl.Int64))
    if not include_placeholders and "placeholder" in frame.columns:
        frame = frame.filter(~pl.col("placeholder").fill_null(False))
    unknown_roles = set(frame["role"].drop_nulls().unique().to_list()) - set(ROLES)
    if unknown_roles:
        raise NetworkInputError(f"assignments has role(s) {sorted(unknown_roles)}; expected {', '.join(ROLES)}")

    filters = {"doc_id": doc_id, "role": role, "doc_type": doc_type, "jurisdiction": jurisdiction,
               "level": level, "year": year}
    for name, value in filters.items():
        if value is None:
            continue
        if name in _DOCUMENT_FILTERS:
            frame = document_column(frame, documents, name)
        frame = frame.filter(pl.col(name).is_in(_as_values(name, value)))
    for name in keep:
        frame = document_column(frame, documents, name)

    frame = frame.with_columns(node=_node_key(frame, node, units, include_placeholders))
    if "mention" not in frame.columns:
        frame = frame.with_columns(mention=pl.lit(None, pl.String))
    columns = ["task_id", "doc_id", "clause", "role", "node", "mention", *keep]
    # a clause outside any numbered task ties its units to no task, so it cannot link them
    has_task_and_node = pl.col("node").is_not_null() & pl.col("task_id").is_not_null()
    return frame.filter(has_task_and_node).select(list(dict.fromkeys(columns)))


def _node_key(frame: pl.DataFrame, node: str, units: pl.DataFrame | None, include_placeholders: bool) -> pl.Series:
    if node == "mention":
        _require(frame, ["mention"], "assignments")
        return frame["mention"].cast(pl.String)
    _require(frame, ["unit_id"], "assignments")
    unit_ids = frame["unit_id"].cast(pl.String)
    if include_placeholders and "mention" in frame.columns:
        # a placeholder may carry no unit_id; its mention is then the only name it has
        unit_ids = frame.select(pl.coalesce(pl.col("unit_id").cast(pl.String), pl.col("mention"))).to_series()
    if node == "unit_id":
        return unit_ids
    if units is None:
        raise NetworkInputError("node='category' needs units= (the units frame with a category column)")
    _require(units, ["unit_id", "category"], "units")
    categories = units.select(pl.col("unit_id").cast(pl.String), pl.col("category").cast(pl.String)).unique("unit_id")
    return pl.DataFrame({"unit_id": unit_ids}).join(categories, on="unit_id", how="left", maintain_order="left")["category"]


def _usual_mentions(selected: pl.DataFrame) -> dict[str, str]:
    """Each node's most frequent mention (ties: the first in sort order)."""
    counted = selected.drop_nulls("mention").group_by("node", "mention").len()
    usual = counted.sort(["node", "len", "mention"], descending=[False, True, False]).unique("node", keep="first")
    return dict(usual.select("node", "mention").iter_rows())


def node_attributes(selected: pl.DataFrame, node: str, units: pl.DataFrame | None) -> dict[str, dict[str, str]]:
    """Labels and registry attributes for each node of a selection, in sorted order.

    ``label`` is the registry name when the units frame has one, else (for canonical units) the
    name the documents use most often, else the node key itself.
    """
    nodes = sorted(selected["node"].unique().to_list())
    usual = _usual_mentions(selected) if node == "unit_id" else {}
    attributes = {n: {"label": usual.get(n, n)} for n in nodes}
    if units is None or node != "unit_id":
        return attributes
    _require(units, ["unit_id"], "units")
    present = [c for c in _NODE_ATTRIBUTES if c in units.columns]
    for row in units.select("unit_id", *present).unique("unit_id").iter_rows(named=True):
        found = attributes.get(row["unit_id"])
        if found is None:
            continue
        found.update({k: v for k, v in row.items() if k != "unit_id" and v is not None})
        found["label"] = row.get("name") or found["label"]
    return attributes
