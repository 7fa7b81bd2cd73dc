"""Coordination networks: departments linked by the tasks they share, and what each one carries.

Build graphs from the assignments frame, measure them as polars frames, compare them across
years and places, and export them for Gephi, UCINET or a spreadsheet. See docs/network.md.

>>> import polars as pl
>>> import policykit.network as pn
>>> a = pl.DataFrame({"task_id": ["t1", "t1"], "doc_id": ["d", "d"], "clause": [0, 0],
...                   "mention": ["发改委", "财政局"], "unit_id": ["fgw", "czj"],
...                   "role": ["lead", "participant"], "placeholder": [False, False]})
>>> sorted(pn.coordination_graph(a).edges(data="weight"))
[('czj', 'fgw', 1)]
"""
from ._diff import NetworkDiff, network_diff
from ._errors import NetworkInputError
from ._dyads import dyad_panel
from ._export import export_network
from ._graphs import bipartite_graph, coordination_graph, lead_graph
from ._load import coordination_load
from ._reach import lead_reach
from ._select import select_assignments
from ._structural_holes import structural_holes
from ._summary import compare_networks, network_summary

__all__ = [
    "NetworkDiff", "NetworkInputError", "bipartite_graph", "compare_networks", "coordination_graph",
    "coordination_load", "dyad_panel", "export_network", "lead_graph", "lead_reach", "network_diff", "network_summary",
    "select_assignments", "structural_holes",
]
