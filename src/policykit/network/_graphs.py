"""Graphs built from the assignments frame: bipartite task–unit, unit projection, lead → coordinated."""
from __future__ import annotations

import networkx as nx
import polars as pl

from ._errors import NetworkInputError
from ._projection import project
from ._select import node_attributes, select_assignments

FILTERS = ("doc_id", "doc_type", "jurisdiction", "level", "year", "role")
_ROLE_RANK = {"lead": 0, "responsible": 1, "participant": 2}
ROLE_COUNT_COLUMNS = {"lead": "tasks_led", "responsible": "tasks_responsible", "participant": "tasks_joined"}


def selection(assignments: pl.DataFrame, documents, units, node: str, include_placeholders: bool,
              filters: dict, keep=()) -> pl.DataFrame:
    """:func:`select_assignments` with the filter keywords checked (shared by every public builder)."""
    unknown = sorted(set(filters) - set(FILTERS))
    if unknown:
        raise NetworkInputError(f"unknown filter(s) {', '.join(unknown)}; the filters are {', '.join(FILTERS)}")
    return select_assignments(assignments, documents=documents, units=units, node=node,
                              include_placeholders=include_placeholders, keep=keep, **filters)


def role_counts(selected: pl.DataFrame) -> pl.DataFrame:
    """Per node: distinct tasks led, held as responsible unit, joined as participant, and in total."""
    counts = [pl.col("task_id").filter(pl.col("role") == r).n_unique().alias(c) for r, c in ROLE_COUNT_COLUMNS.items()]
    return selected.group_by("node").agg(*counts, tasks=pl.col("task_id").n_unique()).sort("node")


def labelled_nodes(selected: pl.DataFrame, node: str, units: pl.DataFrame | None) -> list[tuple[str, dict]]:
    """Sorted nodes of the selection with labels, registry attributes and role counts."""
    attributes = node_attributes(selected, node, units)
    for row in role_counts(selected).iter_rows(named=True):
        attributes[row.pop("node")].update(row)
    return list(attributes.items())


def graph_from_selection(selected: pl.DataFrame, node: str, units: pl.DataFrame | None, weight: str = "tasks") -> nx.Graph:
    """The weighted unit projection of already selected rows, nodes carrying labels and role counts."""
    nodes, weights = project(selected, weight)
    graph = nx.Graph(node_kind=node, weighting=weight)
    graph.add_nodes_from(labelled_nodes(selected, node, units))
    graph.add_weighted_edges_from(
        (nodes[i], nodes[j], w) for i, j, w in zip(weights.row.tolist(), weights.col.tolist(), weights.data.tolist())
    )
    return graph


def coordination_graph(
    assignments: pl.DataFrame,
    *,
    documents: pl.DataFrame | None = None,
    units: pl.DataFrame | None = None,
    node: str = "unit_id",
    weight: str = "tasks",
    include_placeholders: bool = False,
    **filters,
) -> nx.Graph:
    """Units linked by the tasks they share (the one-mode projection of the task–unit graph).

    Parameters
    ----------
    assignments : polars.DataFrame
        The assignments frame.
    documents : polars.DataFrame, optional
        The documents frame; needed for the ``doc_type``, ``level``, ``jurisdiction`` (the issuing
        document's region) and ``year`` filters.
    units : polars.DataFrame, optional
        The units frame; adds ``name``, ``name_en``, ``category`` … to nodes (``label`` is the
        Chinese name) and is required for ``node="category"``.
    node : {"unit_id", "mention", "category"}
        Canonical units (default), names as written, or functional categories.
    weight : {"tasks", "clauses", "newman"}
        Edge ``weight``: tasks shared (default), responsibility clauses shared, or Newman's
        collaboration weight (each shared task adds ``1/(k-1)``, ``k`` the nodes on the task).
    include_placeholders : bool
        Keep collective mentions such as 各区县人民政府 (left out by default).
    **filters
        ``doc_id, doc_type, jurisdiction, level, year, role``: a value or a list of values.

    Returns
    -------
    networkx.Graph
        Nodes carry ``label``, ``tasks_led``, ``tasks_responsible``, ``tasks_joined``, ``tasks``
        (and registry attributes when ``units`` is given); units only ever named alone are isolates.

    Examples
    --------
    >>> import polars as pl
    >>> a = pl.DataFrame({"task_id": ["t1", "t1", "t2", "t2"], "doc_id": ["d"] * 4, "clause": [0] * 4,
    ...                   "mention": ["甲", "乙", "甲", "乙"], "unit_id": ["a", "b", "a", "b"],
    ...                   "role": ["lead", "participant", "lead", "participant"], "placeholder": [False] * 4})
    >>> coordination_graph(a)["a"]["b"]["weight"]
    2
    """
    selected = selection(assignments, documents, units, node, include_placeholders, filters)
    return graph_from_selection(selected, node, units, weight)


def bipartite_graph(
    assignments: pl.DataFrame,
    *,
    documents: pl.DataFrame | None = None,
    units: pl.DataFrame | None = None,
    node: str = "unit_id",
    include_placeholders: bool = False,
    **filters,
) -> nx.Graph:
    """The two-mode graph: tasks on one side (``bipartite=0``), units on the other (``bipartite=1``).

    Parameters are those of :func:`coordination_graph`. Each edge carries the unit's strongest
    ``role`` on the task (lead > responsible > participant) and ``clauses``, the number of the
    task's responsibility clauses that name it.

    Examples
    --------
    >>> import polars as pl
    >>> a = pl.DataFrame({"task_id": ["t1", "t1"], "doc_id": ["d", "d"], "clause": [0, 1],
    ...                   "mention": ["甲", "乙"], "unit_id": ["a", "b"], "role": ["lead", "participant"],
    ...                   "placeholder": [False, False]})
    >>> g = bipartite_graph(a)
    >>> sorted(g.neighbors("t1")), g["t1"]["a"]["role"]
    (['a', 'b'], 'lead')
    """
    selected = selection(assignments, documents, units, node, include_placeholders, filters)
    ties = (
        selected.with_columns(rank=pl.col("role").replace_strict(_ROLE_RANK, return_dtype=pl.Int8))
        .group_by("task_id", "node")
        .agg(doc_id=pl.col("doc_id").first(), rank=pl.col("rank").min(), clauses=pl.col("clause").n_unique())
        .sort("task_id", "node")
    )
    tasks = ties.unique("task_id", keep="first", maintain_order=True)
    unit_nodes = node_attributes(selected, node, units)
    clash = set(tasks["task_id"].to_list()) & set(unit_nodes)
    if clash:
        raise NetworkInputError(f"task ids and node ids overlap ({sorted(clash)[:3]} …); a bipartite graph needs distinct ids")
    roles = list(_ROLE_RANK)
    graph = nx.Graph(node_kind=node)
    graph.add_nodes_from((t, {"bipartite": 0, "kind": "task", "doc_id": d, "label": t})
                         for t, d in tasks.select("task_id", "doc_id").iter_rows())
    graph.add_nodes_from((n, {"bipartite": 1, "kind": node, **a}) for n, a in unit_nodes.items())
    graph.add_edges_from((t, n, {"role": roles[r], "clauses": c})
                         for t, n, r, c in ties.select("task_id", "node", "rank", "clauses").iter_rows())
    return graph


def lead_graph(
    assignments: pl.DataFrame,
    *,
    documents: pl.DataFrame | None = None,
    units: pl.DataFrame | None = None,
    node: str = "unit_id",
    include_placeholders: bool = False,
    responsible_coordinated: bool = True,
    **filters,
) -> nx.DiGraph:
    """Who coordinates whom: an edge lead → unit for every task the lead leads and the unit works on.

    Participants (参与 / 配合 units) are always coordinated by the task's leads. Responsible units
    (责任单位) count as coordinated only on a task that also names a lead (牵头单位): they then work
    under it; where a task names no lead, its responsible units are peers and give no edge (as co-leads do).
    ``responsible_coordinated=False`` leaves responsible units out altogether.

    Parameters are otherwise those of :func:`coordination_graph`; edge ``weight`` is the number of
    tasks. A unit that is both lead and participant of one task gets no self-loop.

    Examples
    --------
    >>> import polars as pl
    >>> a = pl.DataFrame({"task_id": ["t1"] * 3, "doc_id": ["d"] * 3, "clause": [0] * 3,
    ...                   "mention": ["甲", "乙", "丙"], "unit_id": ["a", "b", "c"],
    ...                   "role": ["lead", "responsible", "participant"], "placeholder": [False] * 3})
    >>> sorted(lead_graph(a).edges(data="weight"))
    [('a', 'b', 1), ('a', 'c', 1)]
    """
    selected = selection(assignments, documents, units, node, include_placeholders, filters)
    coordinated_roles = ["participant", "responsible"] if responsible_coordinated else ["participant"]
    leads = selected.filter(pl.col("role") == "lead").select("task_id", lead="node").unique()
    coordinated = selected.filter(pl.col("role").is_in(coordinated_roles)).select("task_id", "node").unique()
    pairs = (
        leads.join(coordinated, on="task_id")
        .filter(pl.col("lead") != pl.col("node"))
        .group_by("lead", "node")
        .agg(weight=pl.col("task_id").n_unique())
        .sort("lead", "node")
    )
    graph = nx.DiGraph(node_kind=node, responsible_coordinated=responsible_coordinated)
    graph.add_nodes_from(labelled_nodes(selected, node, units))
    graph.add_weighted_edges_from(pairs.iter_rows())
    return graph


GROUPINGS = ("year", "doc_id", "doc_type", "jurisdiction", "level")


def group_dtype(by: str) -> type[pl.DataType]:
    """Polars type of a grouping column: years are integers, the rest text."""
    return pl.Int64 if by == "year" else pl.String


def grouped_graphs(assignments: pl.DataFrame, by: str, *, documents, units, node: str, weight: str,
                   include_placeholders: bool, filters: dict) -> list[tuple[object, nx.Graph]]:
    """One coordination graph per value of ``by`` (year, doc_id, doc_type, jurisdiction, level), sorted."""
    if by not in GROUPINGS:
        raise NetworkInputError(f"by= must be one of {', '.join(GROUPINGS)}, got {by!r}")
    keep = () if by == "doc_id" else (by,)
    selected = selection(assignments, documents, units, node, include_placeholders, filters, keep=keep)
    parts = selected.filter(pl.col(by).is_not_null()).partition_by(by, as_dict=True)
    return [(key[0], graph_from_selection(parts[key], node, units, weight)) for key in sorted(parts)]
