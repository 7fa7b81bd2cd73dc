"""The dyad panel: one row per pair of units and year (or other grouping), ties counted for a regression."""
from __future__ import annotations

import polars as pl

from ._errors import NetworkInputError
from ._graphs import GROUPINGS, group_dtype, selection
from ._select import node_attributes

_ROLE_RANK = {"lead": 0, "responsible": 1, "participant": 2}
_COUNTS = ("shared_tasks", "lead_lead", "lead_participant", "a_leads_b", "b_leads_a")


def dyad_panel(
    assignments: pl.DataFrame,
    documents: pl.DataFrame | None = None,
    *,
    units: pl.DataFrame | None = None,
    by: str = "year",
    node: str = "unit_id",
    complete: bool = False,
    include_placeholders: bool = False,
    **filters,
) -> pl.DataFrame:
    """Unit pair × year: the tasks two units share, and how they are tied on them.

    Each unit takes its strongest role on a task (lead > responsible > participant). For a pair
    (``unit_a`` < ``unit_b``) and a year, ``shared_tasks`` counts the tasks naming both,
    ``lead_lead`` those both lead, ``lead_participant`` those one leads and the other works on
    (as participant or responsible unit), split by direction into ``a_leads_b`` and ``b_leads_a``
    (the edges of :func:`lead_graph`).

    Parameters
    ----------
    assignments : polars.DataFrame
        The assignments frame.
    documents : polars.DataFrame, optional
        The documents frame, for the year (``year`` or ``issued_on``) and the other groupings.
    units : polars.DataFrame, optional
        The units frame: names the units in ``name_a`` / ``name_b``.
    by : {"year", "doc_id", "doc_type", "jurisdiction", "level"}
        The panel's time (or other) dimension; documents without one are left out.
    node : {"unit_id", "mention", "category"}
        What a unit is (see :func:`coordination_graph`).
    complete : bool
        Also give the pairs that share nothing in a year, with zero counts: every pair of units
        named in that year's documents (the risk set of a dyadic regression).
    include_placeholders : bool
        Keep collective mentions (各区县 …).
    **filters
        ``doc_id, doc_type, jurisdiction, level, year, role`` as for :func:`coordination_graph`.

    Returns
    -------
    polars.DataFrame
        ``<by>, unit_a, unit_b, name_a, name_b, shared_tasks, lead_lead, lead_participant,
        a_leads_b, b_leads_a`` sorted by ``<by>`` and pair.

    Examples
    --------
    >>> a = pl.DataFrame({"task_id": ["t1", "t1", "t1"], "doc_id": ["d"] * 3, "clause": [0] * 3,
    ...                   "mention": ["甲", "乙", "丙"], "unit_id": ["a", "b", "c"],
    ...                   "role": ["lead", "lead", "participant"], "placeholder": [False] * 3})
    >>> docs = pl.DataFrame({"doc_id": ["d"], "year": [2020]})
    >>> dyad_panel(a, docs).select("year", "unit_a", "unit_b", "lead_lead", "a_leads_b", "b_leads_a").rows()
    [(2020, 'a', 'b', 1, 0, 0), (2020, 'a', 'c', 0, 1, 0), (2020, 'b', 'c', 0, 1, 0)]
    """
    if by not in GROUPINGS:
        raise NetworkInputError(f"by= must be one of {', '.join(GROUPINGS)}, got {by!r}")
    keep = () if by == "doc_id" else (by,)
    selected = selection(assignments, documents, units, node, include_placeholders, filters, keep=keep)
    roles = (selected.filter(pl.col(by).is_not_null())
             .with_columns(rank=pl.col("role").replace_strict(_ROLE_RANK, return_dtype=pl.Int8))
             .group_by(by, "task_id", "node").agg(lead=pl.col("rank").min() == 0))
    pairs = (roles.join(roles, on=[by, "task_id"], suffix="_b")
             .filter(pl.col("node") < pl.col("node_b"))
             .group_by(by, pl.col("node").alias("unit_a"), pl.col("node_b").alias("unit_b"))
             .agg(shared_tasks=pl.len(),
                  lead_lead=(pl.col("lead") & pl.col("lead_b")).sum(),
                  a_leads_b=(pl.col("lead") & ~pl.col("lead_b")).sum(),
                  b_leads_a=(~pl.col("lead") & pl.col("lead_b")).sum()))
    if complete:
        present = roles.select(by, unit_a="node").unique()
        risk_set = (present.join(present.rename({"unit_a": "unit_b"}), on=by)
                    .filter(pl.col("unit_a") < pl.col("unit_b")))
        pairs = risk_set.join(pairs, on=[by, "unit_a", "unit_b"], how="left").with_columns(
            pl.col("shared_tasks", "lead_lead", "a_leads_b", "b_leads_a").fill_null(0))
    labels = {n: a["label"] for n, a in node_attributes(selected, node, units).items()}
    counts = [pl.col(c).cast(pl.Int64) for c in _COUNTS]
    return (
        pairs.with_columns(lead_participant=pl.col("a_leads_b") + pl.col("b_leads_a"))
        .select(pl.col(by).cast(group_dtype(by)), pl.col("unit_a", "unit_b").cast(pl.String),
                pl.col("unit_a").replace_strict(labels, default=None, return_dtype=pl.String).alias("name_a"),
                pl.col("unit_b").replace_strict(labels, default=None, return_dtype=pl.String).alias("name_b"),
                *counts)
        .sort(by, "unit_a", "unit_b")
    )
