"""What changed between two coordination networks: units gained and lost, ties strengthened and weakened."""
from __future__ import annotations

from typing import NamedTuple

import networkx as nx
import polars as pl

from ._errors import NetworkInputError


class NetworkDiff(NamedTuple):
    """Two frames: ``units`` (one row per node of either graph) and ``edges`` (one row per tie of either)."""

    units: pl.DataFrame
    edges: pl.DataFrame


def _status(before: pl.Expr, after: pl.Expr, *, rise: str, fall: str) -> pl.Expr:
    return (
        pl.when(before.is_null()).then(pl.lit("gained"))
        .when(after.is_null()).then(pl.lit("lost"))
        .when(after > before).then(pl.lit(rise))
        .when(after < before).then(pl.lit(fall))
        .otherwise(pl.lit("unchanged"))
    )


def _nodes(graph: nx.Graph, suffix: str) -> pl.DataFrame:
    return pl.DataFrame(
        [{"node": str(n), "label": graph.nodes[n].get("label", str(n)), f"weighted_degree_{suffix}": float(graph.degree(n, weight="weight"))}
         for n in graph],
        schema={"node": pl.String, "label": pl.String, f"weighted_degree_{suffix}": pl.Float64},
    )


def _edges(graph: nx.Graph, suffix: str) -> pl.DataFrame:
    # undirected ties are keyed with the smaller id first so both graphs agree on the orientation
    return pl.DataFrame(
        [(*sorted((str(u), str(v))), float(w)) for u, v, w in graph.edges(data="weight", default=1)],
        schema={"source": pl.String, "target": pl.String, f"weight_{suffix}": pl.Float64}, orient="row",
    )


def network_diff(before: nx.Graph, after: nx.Graph) -> NetworkDiff:
    """Compare two coordination graphs (e.g. two years, or a plan and its revision).

    Returns
    -------
    NetworkDiff
        ``units``: ``node, label, status`` (gained | lost | kept), ``weighted_degree_before``,
        ``weighted_degree_after``. ``edges``: ``source, target, weight_before, weight_after,
        change`` and ``status`` (gained | lost | strengthened | weakened | unchanged); a missing
        side is null. Both sorted by key.

    Examples
    --------
    >>> import networkx as nx
    >>> g1, g2 = nx.Graph([("a", "b", {"weight": 1})]), nx.Graph([("a", "b", {"weight": 3}), ("b", "c", {"weight": 1})])
    >>> network_diff(g1, g2).edges.select("source", "target", "status").rows()
    [('a', 'b', 'strengthened'), ('b', 'c', 'gained')]
    """
    for graph in (before, after):
        if not isinstance(graph, nx.Graph) or graph.is_directed():
            raise NetworkInputError("network_diff compares two undirected graphs from coordination_graph")
    units = (
        _nodes(before, "before").join(_nodes(after, "after"), on="node", how="full", coalesce=True)
        .with_columns(
            label=pl.coalesce("label_right", "label"),
            status=pl.when(pl.col("weighted_degree_before").is_null()).then(pl.lit("gained"))
            .when(pl.col("weighted_degree_after").is_null()).then(pl.lit("lost")).otherwise(pl.lit("kept")),
        )
        .select("node", "label", "status", "weighted_degree_before", "weighted_degree_after")
        .sort("node")
    )
    before_w, after_w = pl.col("weight_before"), pl.col("weight_after")
    edges = (
        _edges(before, "before").join(_edges(after, "after"), on=["source", "target"], how="full", coalesce=True)
        .with_columns(change=after_w.fill_null(0) - before_w.fill_null(0),
                      status=_status(before_w, after_w, rise="strengthened", fall="weakened"))
        .sort("source", "target")
    )
    return NetworkDiff(units, edges)
