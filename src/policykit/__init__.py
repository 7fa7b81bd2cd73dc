"""policykit: Chinese government plan documents → an auditable event log → frames, networks, charts.

>>> import tempfile
>>> import policykit as pk
>>> project = pk.Project.create(tempfile.mkdtemp(), {"plan.txt":   # data/raw holds the sources
...     "成武县2023年重点工作任务\\n一、创新\\n1.建设实验室。力争达到20家以上。(牵头单位:县科技局参与单位:县财政局)\\n"})
>>> pk.ingest(project).ok
True
>>> ds = pk.open(project)   # the log replayed into frames
>>> ds.assignments.select("mention", "role").rows()
[('县科技局', 'lead'), ('县财政局', 'participant')]
>>> graph = pk.network.coordination_graph(ds.assignments, units=ds.units)   # units tied by shared tasks
>>> graph.number_of_nodes(), graph.number_of_edges()
(2, 1)

The names below are imported on first use (PEP 562), so a command loads only what it needs: the
command line's ``--help`` and ``status`` never pay for altair, networkx or the extractor.
"""
from __future__ import annotations

import importlib
import sys
import types

from ._version import __version__

_SUBMODULES = ("charts", "curation", "evaluate", "extract", "growth", "log", "network", "text")
# public name -> (module, attribute in it)
_ATTRIBUTES = {
    "Dataset": ("dataset", "Dataset"), "open": ("dataset", "open_dataset"), "write_frames": ("dataset", "write_frames"),
    "Explanation": ("explain", "Explanation"), "explain": ("explain", "explain"),
    "IngestReport": ("ingest", "IngestReport"), "ingest": ("ingest", "ingest"),
    "Project": ("project", "Project"),
    "export_log": ("replication", "export_log"), "import_log": ("replication", "import_log"),
}

__all__ = sorted([*_SUBMODULES, *_ATTRIBUTES, "__version__"])


def __getattr__(name: str):
    if name in _SUBMODULES:
        value = importlib.import_module(f".{name}", __name__)
    elif name in _ATTRIBUTES:
        module, attribute = _ATTRIBUTES[name]
        value = getattr(importlib.import_module(f".{module}", __name__), attribute)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return __all__


class _Package(types.ModuleType):
    """The package module, kept from letting a submodule hide the function it is named after.

    Importing ``policykit.ingest`` (the module) sets the package attribute ``ingest`` to it; the
    public name ``pk.ingest`` is the function, as it was when this file imported it eagerly.
    """

    def __setattr__(self, name: str, value) -> None:
        if name in ("ingest", "explain") and isinstance(value, types.ModuleType):
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
