"""Burt's constraint and effective size for a whole weighted graph at once, by sparse algebra.

Equal to :func:`networkx.constraint` and :func:`networkx.effective_size` (tested against them),
but computed as matrix products so a projection with hundreds of thousands of edges takes
seconds instead of minutes. Isolates get NaN, as in networkx.
"""
from __future__ import annotations

import networkx as nx
import numpy as np
import scipy.sparse as sp


def _tie_weights(graph: nx.Graph, nodes: list, weight: str | None) -> sp.csr_matrix:
    """Symmetric tie-weight matrix in ``nodes`` order, without self-loops."""
    w = sp.csr_matrix(nx.to_scipy_sparse_array(graph, nodelist=nodes, weight=weight, format="csr"), dtype=np.float64)
    w.setdiag(0)
    w.eliminate_zeros()
    return w


def _row_scaled(matrix: sp.csr_matrix, divisors: np.ndarray) -> sp.csr_matrix:
    """Each row divided by its divisor (rows with divisor 0 become 0)."""
    return sp.csr_matrix(sp.diags(np.divide(1.0, divisors, out=np.zeros_like(divisors), where=divisors > 0)) @ matrix)


def structural_holes(graph: nx.Graph, weight: str | None = "weight") -> tuple[dict, dict]:
    """Burt's constraint and effective size of every node of an undirected graph.

    Parameters
    ----------
    graph : networkx.Graph
        Undirected; self-loops are ignored.
    weight : str or None
        Edge attribute holding tie strength (``None``: every tie counts 1).

    Returns
    -------
    (constraint, effective_size) : tuple of dict
        Node → value; NaN for isolates.

    Examples
    --------
    >>> import networkx as nx
    >>> constraint, esize = structural_holes(nx.star_graph(3), weight=None)
    >>> round(constraint[0], 4), esize[0]
    (0.3333, 3.0)
    """
    nodes = list(graph)
    if not nodes:
        return {}, {}
    w = _tie_weights(graph, nodes, weight)
    mask = w.copy()
    mask.data[:] = 1.0
    degree = np.asarray(mask.sum(axis=1)).ravel()
    p = _row_scaled(w, np.asarray(w.sum(axis=1)).ravel())
    # constraint_i = sum over ties j of (p_ij + sum_q p_iq p_qj)^2
    local = (p + (p @ p).multiply(mask)).power(2)
    constraint = np.asarray(local.sum(axis=1)).ravel()
    # effective size_i = sum over ties j of (1 - sum_q p_iq m_jq), m_jq = w_jq / max_k w_jk
    m = _row_scaled(w, w.max(axis=1).toarray().ravel())
    redundancy = np.asarray((p @ m.T).multiply(mask).sum(axis=1)).ravel()
    effective_size = degree - redundancy
    isolated = degree == 0
    constraint[isolated] = np.nan
    effective_size[isolated] = np.nan
    return dict(zip(nodes, constraint.tolist())), dict(zip(nodes, effective_size.tolist()))
