"""policykit: Chinese government plan documents → an auditable event log → frames, networks, charts.

>>> import policykit as pk
>>> ds = pk.open()                                   # doctest: +SKIP
>>> pk.network.coordination_graph(ds.assignments)    # doctest: +SKIP
"""
from . import charts, curation, evaluate, extract, growth, log, network, text
from ._version import __version__
from .dataset import Dataset, open_dataset as open, write_frames
from .explain import Explanation, explain
from .ingest import IngestReport, ingest
from .project import Project
from .replication import export_log, import_log

__all__ = [
    "Dataset", "Explanation", "IngestReport", "Project", "__version__", "charts", "curation", "evaluate", "explain",
    "export_log", "extract", "growth", "import_log", "ingest", "log", "network", "open", "text", "write_frames",
]
