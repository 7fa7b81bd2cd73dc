"""Whole-network figures, and the same figures across years or jurisdictions."""
from __future__ import annotations

import networkx as nx
import polars as pl

from ._errors import NetworkInputError
from ._graphs import group_dtype, grouped_graphs
from ._measures import communities, degree_centralization, gini, herfindahl

SUMMARY_SCHEMA = {
    "nodes": pl.Int64, "edges": pl.Int64, "density": pl.Float64, "degree_centralization": pl.Float64,
    "lead_hhi": pl.Float64, "lead_gini": pl.Float64, "components": pl.Int64, "communities": pl.Int64,
    "modularity": pl.Float64,
}


def _summary_row(graph: nx.Graph, seed: int, backend: str | None) -> dict:
    led = [graph.nodes[n].get("tasks_led") or 0 for n in graph]
    found = communities(graph, seed=seed, backend=backend)
    has_edges = graph.number_of_edges() > 0
    return {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "density": nx.density(graph) if graph.number_of_nodes() > 1 else None,
        "degree_centralization": degree_centralization(graph),
        "lead_hhi": herfindahl(led),
        "lead_gini": gini(led),
        "components": nx.number_connected_components(graph) if graph.number_of_nodes() else 0,
        "communities": len(found),
        "modularity": nx.community.modularity(graph, found, weight="weight") if has_edges else None,
    }


def network_summary(graph: nx.Graph, *, seed: int = 0, backend: str | None = None) -> pl.DataFrame:
    """One row describing a coordination graph as a whole.

    Columns: ``nodes``, ``edges``, ``density``; ``degree_centralization`` (Freeman: how far the
    network is from a star, 0 for a regular graph, 1 for a star; null under 3 nodes); ``lead_hhi``
    and ``lead_gini`` (Herfindahl–Hirschman index and Gini coefficient of tasks led, over all
    units in the graph); ``components`` (connected); ``communities`` and ``modularity`` of the
    seeded Louvain partition (weighted).

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.star_graph(3)
    >>> network_summary(g)["degree_centralization"].item()
    1.0
    """
    if not isinstance(graph, nx.Graph) or graph.is_directed():
        raise NetworkInputError("network_summary takes an undirected networkx graph from coordination_graph")
    return pl.DataFrame([_summary_row(graph, seed, backend)], schema=SUMMARY_SCHEMA)


def compare_networks(
    assignments: pl.DataFrame,
    by: str,
    *,
    documents: pl.DataFrame | None = None,
    units: pl.DataFrame | None = None,
    node: str = "category",
    weight: str = "tasks",
    include_placeholders: bool = False,
    seed: int = 0,
    backend: str | None = None,
    **filters,
) -> pl.DataFrame:
    """:func:`network_summary` of one network per year, jurisdiction, document type, level or document.

    Built on functional categories by default (``node="category"``, needs ``units``), so networks
    of different places, whose departments have different names, can be set side by side.

    Examples
    --------
    >>> import polars as pl
    >>> a = pl.DataFrame({"task_id": ["t1", "t1", "t2", "t2"], "doc_id": ["d1", "d1", "d2", "d2"],
    ...                   "clause": [0] * 4, "mention": ["甲", "乙", "甲", "乙"], "unit_id": ["a", "b", "a", "b"],
    ...                   "role": ["lead", "participant"] * 2, "placeholder": [False] * 4})
    >>> compare_networks(a, "doc_id", node="unit_id").select("doc_id", "nodes", "edges").rows()
    [('d1', 2, 1), ('d2', 2, 1)]
    """
    graphs = grouped_graphs(assignments, by, documents=documents, units=units, node=node, weight=weight,
                            include_placeholders=include_placeholders, filters=filters)
    rows = [{by: value, **_summary_row(graph, seed, backend)} for value, graph in graphs]
    return pl.DataFrame(rows, schema={by: group_dtype(by), **SUMMARY_SCHEMA})
