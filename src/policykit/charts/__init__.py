"""Charts for papers: builders over the kit's frames, a publication theme, and deterministic export.

Every builder returns an altair chart you can still customise (``.properties(width=…)``, ``.encode(…)``);
an empty frame gives a chart that says so. ``lang="en"`` labels units from the registry's English
names (falling back to Chinese), ``"zh"`` in Chinese, ``"both"`` with both. See docs/figures.md.

>>> import tempfile
>>> import policykit as pk
>>> project = pk.Project.create(tempfile.mkdtemp(), {"plan.txt":   # data/raw holds the sources
...     "成武县2023年重点工作任务\\n一、创新\\n1.建设实验室。力争达到20家以上。(牵头单位:县科技局参与单位:县财政局)\\n"})
>>> pk.ingest(project).ok
True
>>> ds = pk.open(project)
>>> chart = pk.charts.network_chart(ds.assignments, units=ds.units, lang="en")
>>> svg = pk.charts.save(chart, project.figures_dir / "network.svg")   # or .png, .pdf
>>> svg.relative_to(project.root).as_posix(), "Finance Bureau" in svg.read_text(encoding="utf-8")
('reports/figures/network.svg', True)
"""
from ._audit import quality_bars, warnings_bars
from ._builders import load_bars
from ._escalation import escalation_chart
from ._figures import standard_charts, write_figures
from ._gallery import png_size, read_manifest, write_gallery
from ._fonts import CjkFont, FontMissingError, find_cjk_font
from ._labels import LANGS, metric_name_en, term, unit_en, unit_label
from ._network import network_chart, shared_tasks_heatmap
from ._notebook import static_bundle, use_notebook_renderer
from ._save import FORMATS, save
from ._targets import target_progress_chart, target_series_chart
from ._theme import PALETTE, THEME_NAME, theme_config, use_theme

__all__ = ["CjkFont", "FORMATS", "FontMissingError", "LANGS", "PALETTE", "THEME_NAME", "escalation_chart", "find_cjk_font", "load_bars",
           "metric_name_en", "network_chart", "png_size", "read_manifest", "quality_bars", "save", "shared_tasks_heatmap", "standard_charts", "static_bundle",
           "target_progress_chart", "target_series_chart", "term", "theme_config", "unit_en", "unit_label", "use_notebook_renderer",
           "use_theme", "warnings_bars", "write_figures", "write_gallery"]
