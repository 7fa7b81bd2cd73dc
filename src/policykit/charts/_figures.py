"""The kit's standard figure set, written from a Dataset in one call."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import altair as alt

from ..network import coordination_graph, coordination_load
from ._audit import warnings_bars
from ._builders import load_bars
from ._labels import check_lang
from ._network import network_chart, shared_tasks_heatmap
from ._save import FORMATS, save
from ._targets import target_progress_chart, target_series_chart


def standard_charts(dataset, *, lang: str = "zh") -> dict[str, alt.TopLevelMixin]:
    """The standard figures of a dataset by file stem, as charts (to customise before saving).

    ``dataset`` is a :class:`policykit.Dataset` (anything with the frames as attributes works).
    """
    check_lang(lang)
    graph = coordination_graph(dataset.assignments, units=dataset.units)
    builders: dict[str, Callable[[], alt.TopLevelMixin]] = {
        "coordination-load": lambda: load_bars(coordination_load(graph), lang=lang),
        "coordination-network": lambda: network_chart(graph, lang=lang),
        "shared-tasks-heatmap": lambda: shared_tasks_heatmap(graph, lang=lang),
        "target-series": lambda: target_series_chart(dataset.targets, dataset.observations, dataset.documents,
                                                     lang=lang),
        "target-progress": lambda: target_progress_chart(dataset.targets, dataset.observations, dataset.documents,
                                                         lang=lang),
        "document-warnings": lambda: warnings_bars(dataset.documents, lang=lang),
    }
    return {name: build() for name, build in builders.items()}


def write_figures(dataset, folder: str | Path | None = None, formats: Iterable[str] = ("svg", "png"), *,
                  ppi: int = 200, lang: str = "zh") -> list[Path]:
    """Write the standard figure set of ``dataset``; return the files written.

    Figures: ``coordination-load``, ``coordination-network``, ``shared-tasks-heatmap``,
    ``target-series``, ``target-progress``, ``document-warnings`` — each in every format of
    ``formats`` (svg, png, pdf). The same frames give the same SVG and PNG bytes.

    Parameters
    ----------
    dataset : policykit.Dataset
    folder : path, optional
        Default: the project's ``reports/figures``.
    formats : iterable of {"svg", "png", "pdf"}
    ppi : int
        PNG resolution.
    lang : {"zh", "en", "both"}
        Label language (English names from the unit registry, falling back to Chinese).

    Examples
    --------
    >>> import tempfile
    >>> import policykit as pk
    >>> project = pk.Project.create(tempfile.mkdtemp(), {"plan.txt":   # data/raw holds the sources
    ...     "成武县2023年重点工作任务\\n一、创新\\n1.建设实验室。力争达到20家以上。(牵头单位:县科技局参与单位:县财政局)\\n"})
    >>> pk.ingest(project).ok
    True
    >>> paths = write_figures(pk.open(project), formats=("svg",), lang="en")
    >>> [path.relative_to(project.figures_dir).as_posix() for path in paths]   # doctest: +NORMALIZE_WHITESPACE
    ['coordination-load.svg', 'coordination-network.svg', 'shared-tasks-heatmap.svg', 'target-series.svg',
     'target-progress.svg', 'document-warnings.svg']
    """
    formats = tuple(formats)
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ValueError(f"unknown figure format {', '.join(unknown)}; use {', '.join(FORMATS)}")
    folder = Path(folder) if folder is not None else dataset.project.figures_dir
    return [save(chart, folder / f"{name}.{fmt}", ppi=ppi)
            for name, chart in standard_charts(dataset, lang=lang).items() for fmt in formats]
