"""The coordination-load frame: one row per unit with its task counts, ties and position."""
from __future__ import annotations

import math

import networkx as nx
import polars as pl

from ._errors import NetworkInputError
from ._graphs import coordination_graph, group_dtype, grouped_graphs
from ._measures import BETWEENNESS_PIVOTS, betweenness, communities
from ._structural_holes import structural_holes

_COUNTS = ("tasks", "tasks_led", "tasks_responsible", "tasks_joined")
LOAD_SCHEMA = {
    "name": pl.String, "name_en": pl.String, "category": pl.String,
    **{c: pl.Int64 for c in _COUNTS},
    "partners": pl.Int64, "weighted_degree": pl.Float64, "lead_share": pl.Float64,
    "degree_centrality": pl.Float64, "betweenness": pl.Float64, "betweenness_pivots": pl.Int64,
    "constraint": pl.Float64, "effective_size": pl.Float64, "community": pl.Int64,
}


def _nan_to_none(value: float) -> float | None:
    return None if value is None or math.isnan(value) else value


def load_of_graph(graph: nx.Graph, *, pivots: int = BETWEENNESS_PIVOTS, seed: int = 0,
                  backend: str | None = None) -> pl.DataFrame:
    """The load frame of one undirected coordination graph (see :func:`coordination_load`)."""
    key = graph.graph.get("node_kind", "unit_id")
    nodes = list(graph)
    total_led = sum(graph.nodes[n].get("tasks_led") or 0 for n in nodes)
    degree = nx.degree_centrality(graph) if nodes else {}
    between, sampled = betweenness(graph, pivots=pivots, seed=seed, backend=backend)
    constraint, effective_size = structural_holes(graph)
    community_of = {n: i for i, members in enumerate(communities(graph, seed=seed, backend=backend)) for n in members}
    # Column by column: one dict per row and polars' row reader cost as much as the measures on 20k units.
    attributes = [graph.nodes[n] for n in nodes]
    led = [a.get("tasks_led") for a in attributes]
    partners = dict(graph.degree(nodes))
    weighted = dict(graph.degree(nodes, weight="weight"))
    columns = {
        key: nodes,
        "name": [a.get("name") or a.get("label") or n for n, a in zip(nodes, attributes)],
        "name_en": [a.get("name_en") for a in attributes],
        "category": nodes if key == "category" else [a.get("category") for a in attributes],
        **{c: [a.get(c) for a in attributes] for c in _COUNTS},
        "partners": [partners[n] for n in nodes],
        "weighted_degree": [float(weighted[n]) for n in nodes],
        "lead_share": [x / total_led if x is not None and total_led else None for x in led],
        "degree_centrality": [degree[n] for n in nodes],
        "betweenness": [between[n] for n in nodes],
        "betweenness_pivots": [sampled] * len(nodes),
        "constraint": [_nan_to_none(constraint[n]) for n in nodes],
        "effective_size": [_nan_to_none(effective_size[n]) for n in nodes],
        "community": [community_of[n] for n in nodes],
    }
    return pl.DataFrame(columns, schema={key: pl.String, **LOAD_SCHEMA}).sort(key)


def coordination_load(
    graph_or_assignments: nx.Graph | pl.DataFrame,
    *,
    documents: pl.DataFrame | None = None,
    units: pl.DataFrame | None = None,
    node: str = "unit_id",
    weight: str = "tasks",
    include_placeholders: bool = False,
    by: str | None = None,
    betweenness_pivots: int = BETWEENNESS_PIVOTS,
    seed: int = 0,
    backend: str | None = None,
    **filters,
) -> pl.DataFrame:
    """How much coordination each unit carries, and where it sits in the network.

    Parameters
    ----------
    graph_or_assignments : networkx.Graph or polars.DataFrame
        A graph from :func:`coordination_graph`, or the assignments frame (then the graph is built
        with ``documents, units, node, weight, include_placeholders`` and ``filters``).
    by : {"year", "doc_id", "doc_type", "jurisdiction", "level"}, optional
        One network per value, rows stacked with the ``by`` column first (assignments input only).
    betweenness_pivots : int
        Betweenness is exact on graphs with at most this many nodes; above, it is estimated from
        this many randomly sampled source nodes (networkx ``k=``, seeded by ``seed``) and the
        ``betweenness_pivots`` column says so.
    seed : int
        Seed of the betweenness sample and of Louvain, so a rerun gives the same frame.
    backend : str, optional
        networkx backend (e.g. ``"parallel"`` with nx-parallel installed) for betweenness and Louvain.

    Returns
    -------
    polars.DataFrame
        One row per node (key column ``unit_id``, or ``mention`` / ``category`` after ``node=``):
        ``name, name_en, category``; ``tasks`` (distinct tasks), ``tasks_led``,
        ``tasks_responsible``, ``tasks_joined`` (as participant); ``partners`` (distinct units
        shared a task with), ``weighted_degree`` (sum of edge weights), ``lead_share`` (share of
        all lead assignments), ``degree_centrality``, ``betweenness`` (normalised, hop count),
        ``betweenness_pivots`` (null when exact), Burt's ``constraint`` and ``effective_size``
        (null for isolates), ``community`` (Louvain, largest community is 0).

    Examples
    --------
    >>> import polars as pl
    >>> a = pl.DataFrame({"task_id": ["t1", "t1", "t2", "t2"], "doc_id": ["d"] * 4, "clause": [0] * 4,
    ...                   "mention": ["甲", "乙", "甲", "丙"], "unit_id": ["a", "b", "a", "c"],
    ...                   "role": ["lead", "participant", "lead", "participant"], "placeholder": [False] * 4})
    >>> coordination_load(a).select("unit_id", "tasks_led", "partners", "betweenness").rows()
    [('a', 2, 2, 1.0), ('b', 0, 1, 0.0), ('c', 0, 1, 0.0)]
    """
    options = {"pivots": betweenness_pivots, "seed": seed, "backend": backend}
    if isinstance(graph_or_assignments, nx.Graph):
        if graph_or_assignments.is_directed() or graph_or_assignments.is_multigraph():
            raise NetworkInputError("coordination_load takes the undirected graph of coordination_graph, not a directed or multi graph")
        if by is not None or filters or documents is not None or units is not None:
            raise NetworkInputError("by=, filters, documents= and units= apply when building the graph: "
                                    "pass them to coordination_graph, or pass the assignments frame here")
        return load_of_graph(graph_or_assignments, **options)
    build = {"documents": documents, "units": units, "node": node, "weight": weight,
             "include_placeholders": include_placeholders}
    if by is None:
        return load_of_graph(coordination_graph(graph_or_assignments, **build, **filters), **options)
    frames = [load_of_graph(graph, **options).select(pl.lit(value, group_dtype(by)).alias(by), pl.all())
              for value, graph in grouped_graphs(graph_or_assignments, by, filters=filters, **build)]
    return pl.concat([pl.DataFrame(schema={by: group_dtype(by), node: pl.String, **LOAD_SCHEMA}), *frames])
