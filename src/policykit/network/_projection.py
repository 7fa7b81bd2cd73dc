"""Sparse incidence algebra: the unit projection as ``Bᵀ·D·B`` instead of pairwise loops.

``B`` is the 0/1 incidence matrix (rows: tasks or clauses, columns: nodes) and ``D`` a diagonal
row weighting; the off-diagonal entries of the product are the edge weights of the projection.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl
import scipy.sparse as sp

from ._errors import NetworkInputError

WEIGHTINGS = ("tasks", "clauses", "newman")


@dataclass(frozen=True)
class Incidence:
    """A 0/1 incidence matrix with the labels of its rows and columns."""

    matrix: sp.csr_matrix
    rows: list
    columns: list[str]


def incidence(selection: pl.DataFrame, row_keys: list[str], columns: list[str] | None = None) -> Incidence:
    """0/1 matrix with one row per distinct ``row_keys`` tuple and one column per node.

    ``columns`` fixes the column order (to align several matrices); nodes outside it are dropped.
    """
    pairs = selection.select(*row_keys, "node").unique()
    if columns is None:
        columns = sorted(pairs["node"].unique().to_list())
    node_index = pl.DataFrame({"node": columns, "_col": np.arange(len(columns), dtype=np.int64)},
                              schema={"node": pl.String, "_col": pl.Int64})
    rows = pairs.select(row_keys).unique().sort(row_keys).with_row_index("_row")
    indexed = pairs.join(rows, on=row_keys).join(node_index, on="node")
    matrix = sp.csr_matrix(
        (np.ones(indexed.height, dtype=np.int64), (indexed["_row"].to_numpy(), indexed["_col"].to_numpy())),
        shape=(rows.height, len(columns)),
    )
    return Incidence(matrix, rows.select(row_keys).rows(), list(columns))


def project(selection: pl.DataFrame, weighting: str = "tasks") -> tuple[list[str], sp.coo_matrix]:
    """Project assignment rows onto nodes; return the node order and the upper-triangle weights.

    Parameters
    ----------
    selection : polars.DataFrame
        Output of :func:`select_assignments` (``task_id, clause, node``).
    weighting : {"tasks", "clauses", "newman"}
        ``tasks``: number of tasks two nodes share. ``clauses``: number of responsibility clauses
        they share. ``newman``: Newman's (2001) collaboration weight, each shared task adds
        ``1 / (k - 1)`` where ``k`` is the number of nodes on the task.
    """
    if weighting not in WEIGHTINGS:
        raise NetworkInputError(f"weight= must be one of {', '.join(WEIGHTINGS)}, got {weighting!r}")
    row_keys = ["task_id", "clause"] if weighting == "clauses" else ["task_id"]
    b = incidence(selection, row_keys)
    weighted = b.matrix
    if weighting == "newman":
        sizes = np.asarray(weighted.sum(axis=1)).ravel().astype(np.float64)
        row_weight = np.divide(1.0, sizes - 1.0, out=np.zeros_like(sizes), where=sizes > 1)
        weighted = sp.diags(row_weight) @ weighted
    product = (b.matrix.T @ weighted).tocoo()
    upper = product.row < product.col
    weights = sp.coo_matrix((product.data[upper], (product.row[upper], product.col[upper])), shape=product.shape)
    return b.columns, weights
