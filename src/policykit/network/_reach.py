"""How far each unit's leadership reaches: the units it leads and the leads it works under."""
from __future__ import annotations

import networkx as nx
import polars as pl

from ._errors import NetworkInputError


def lead_reach(graph: nx.DiGraph) -> pl.DataFrame:
    """Per unit of a :func:`lead_graph`: distinct units it coordinates and distinct leads over it.

    Parameters
    ----------
    graph : networkx.DiGraph
        From :func:`lead_graph` (edges lead → coordinated unit, ``weight`` = tasks).

    Returns
    -------
    polars.DataFrame
        ``unit_id`` (the graph's node kind), ``coordinates`` (out-degree), ``coordinated_by``
        (in-degree), ``lead_ties`` (tasks over all its outgoing edges), sorted by node.

    Examples
    --------
    >>> from policykit.network import lead_graph
    >>> a = pl.DataFrame({"task_id": ["t1"] * 3, "doc_id": ["d"] * 3, "clause": [0] * 3,
    ...                   "mention": ["甲", "乙", "丙"], "unit_id": ["a", "b", "c"],
    ...                   "role": ["lead", "participant", "participant"], "placeholder": [False] * 3})
    >>> lead_reach(lead_graph(a)).rows()
    [('a', 2, 0, 2), ('b', 0, 1, 0), ('c', 0, 1, 0)]
    """
    if not isinstance(graph, nx.DiGraph):
        raise NetworkInputError("lead_reach takes the directed graph of lead_graph")
    key = graph.graph.get("node_kind", "unit_id")
    nodes = sorted(graph)
    return pl.DataFrame({key: nodes, "coordinates": [graph.out_degree(n) for n in nodes],
                         "coordinated_by": [graph.in_degree(n) for n in nodes],
                         "lead_ties": [int(graph.out_degree(n, weight="weight")) for n in nodes]},
                        schema={key: pl.String, "coordinates": pl.Int64, "coordinated_by": pl.Int64,
                                "lead_ties": pl.Int64})
