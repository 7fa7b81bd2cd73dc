"""Network measures shared by the per-unit and the whole-graph frames.

The costly ones (betweenness, Louvain communities) call public networkx functions, so a user can
route them to an installed networkx backend such as nx-parallel with ``backend=`` or ``nx.config``.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

import networkx as nx
import numpy as np

from ._errors import NetworkInputError

BETWEENNESS_PIVOTS = 200


def _dispatch(algorithm: Callable, graph: nx.Graph, backend: str | None, **options):
    """Call a networkx algorithm, on ``backend`` when one is named, with a readable error if it cannot."""
    if backend is not None:
        options["backend"] = backend
    try:
        return algorithm(graph, **options)
    except (ImportError, NotImplementedError, nx.NetworkXNotImplemented) as error:
        raise NetworkInputError(f"networkx backend {backend!r} cannot run {algorithm.__name__}: {error}") from None


def betweenness(graph: nx.Graph, *, pivots: int = BETWEENNESS_PIVOTS, seed: int = 0,
                backend: str | None = None) -> tuple[dict, int | None]:
    """Normalised (hop-count) betweenness; estimated from ``pivots`` sampled sources on larger graphs.

    Returns the values and the number of sampled sources (``None`` when exact: the graph has at
    most ``pivots`` nodes). Sampling follows Brandes & Pich (2007), as in networkx's ``k=``.
    """
    if graph.number_of_nodes() <= pivots:
        return _dispatch(nx.betweenness_centrality, graph, backend), None
    return _dispatch(nx.betweenness_centrality, graph, backend, k=pivots, seed=seed), pivots


def communities(graph: nx.Graph, *, seed: int = 0, backend: str | None = None) -> list[set]:
    """Louvain communities (weighted, fixed seed), numbered largest first, ties by smallest member."""
    if graph.number_of_nodes() == 0:
        return []
    found = _dispatch(nx.community.louvain_communities, graph, backend, weight="weight", seed=seed)
    return sorted(found, key=lambda c: (-len(c), min(map(str, c))))


def degree_centralization(graph: nx.Graph) -> float | None:
    """Freeman's degree centralisation: sum of (max degree − degree) over its maximum, (n−1)(n−2)."""
    n = graph.number_of_nodes()
    if n < 3:
        return None
    degrees = np.array([d for _, d in graph.degree()], dtype=np.float64)
    return float((degrees.max() - degrees).sum() / ((n - 1) * (n - 2)))


def herfindahl(values: Sequence[int]) -> float | None:
    """Herfindahl–Hirschman index of the shares ``value / total`` (1 = one holder of everything)."""
    total = sum(values)
    if total == 0:
        return None
    return float(sum((v / total) ** 2 for v in values))


def gini(values: Sequence[int]) -> float | None:
    """Gini coefficient over all holders, zeros included (0 = equal, → 1 = one holder)."""
    x = np.sort(np.asarray(values, dtype=np.float64))
    if x.size == 0 or x.sum() == 0:
        return None
    ranks = np.arange(1, x.size + 1)
    return float(2 * (ranks * x).sum() / (x.size * x.sum()) - (x.size + 1) / x.size)
