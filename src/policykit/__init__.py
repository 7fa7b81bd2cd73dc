"""policykit: Chinese government plan documents → an auditable event log → frames, networks, charts.

>>> import policykit as pk
>>> ds = pk.open()                                   # doctest: +SKIP  (the project of the current folder)
>>> pk.network.coordination_graph(ds.assignments)    # doctest: +SKIP
"""
from . import extract, log, text
from .dataset import Dataset, open_dataset as open, write_frames
from .ingest import IngestReport, ingest
from .project import Project

__version__ = "0.1.0"

__all__ = ["Dataset", "IngestReport", "Project", "extract", "ingest", "log", "open", "text", "write_frames"]
