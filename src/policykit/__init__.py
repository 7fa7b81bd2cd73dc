"""policykit: Chinese government plan documents → an auditable event log → frames, networks, charts.

>>> import pathlib, tempfile
>>> import policykit as pk
>>> project = pk.Project(pathlib.Path(tempfile.mkdtemp()))   # a project folder: data/raw holds the sources
>>> project.raw_dir.mkdir(parents=True)
>>> _ = (project.raw_dir / "plan.txt").write_text(
...     "成武县2023年重点工作任务\\n一、创新\\n1.建设实验室。力争达到20家以上。(牵头单位:县科技局参与单位:县财政局)\\n",
...     encoding="utf-8")
>>> pk.ingest(project).ok
True
>>> ds = pk.open(project)   # the log replayed into frames
>>> ds.assignments.select("mention", "role").rows()
[('县科技局', 'lead'), ('县财政局', 'participant')]
>>> graph = pk.network.coordination_graph(ds.assignments, units=ds.units)   # units tied by shared tasks
>>> graph.number_of_nodes(), graph.number_of_edges()
(2, 1)
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
