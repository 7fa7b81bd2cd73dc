"""Every notebook runs top to bottom on the shipped sample and writes its own figures."""
import shutil

import pytest

from conftest import REPO

from policykit.notebooks import execute_notebook, find_corpus, notebook_sources
from policykit.project import Project

NOTEBOOKS = notebook_sources(Project(REPO))
# The figures each notebook exports, as SVG and PNG (a new notebook adds its row here).
FIGURES = {
    "0.01-tour": ["tour-network"],
    "1.01-coordination-load": ["coordination-load", "coordination-network", "shared-tasks-heatmap"],
    "1.02-target-growth": ["target-progress", "target-series"],
    "1.03-data-audit": ["document-warnings", "extraction-quality"],
    # Drawn from ../shared/corpus when it is there (the kit's checkout finds it), else from the sample.
    "1.04-target-escalation": ["target-escalation-corpus" if find_corpus(Project(REPO)) else "target-escalation"],
}
# What an empty-state chart (charts draw one when their frame holds nothing to draw) leaves in its SVG.
EMPTY_STATE = 'aria-label="message: '


@pytest.fixture
def fresh_project(sample_project, tmp_path) -> Project:
    """A copy of the ingested sample without notebooks or figures: whatever figure appears is new."""
    root = tmp_path / "project"
    shutil.copytree(sample_project.root, root, ignore=shutil.ignore_patterns("notebooks", "reports"))
    return Project(root)


@pytest.mark.notebook
@pytest.mark.parametrize("source", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_executes_on_the_sample_and_writes_its_figures(source, fresh_project):
    # Run a copy inside a fresh copy of the sample project, so the repo's own figures are not touched
    # and no figure an earlier notebook wrote can pass for this one's.
    fresh_project.notebooks_dir.mkdir()
    copy = fresh_project.notebooks_dir / source.name
    shutil.copy(source, copy)
    assert not fresh_project.figures_dir.exists()
    assert execute_notebook(copy).exists()
    written = sorted(p.name for p in fresh_project.figures_dir.glob("*"))
    assert written == sorted(f"{stem}.{fmt}" for stem in FIGURES[source.stem] for fmt in ("png", "svg"))
    empty = [p.name for p in fresh_project.figures_dir.glob("*.svg") if EMPTY_STATE in p.read_text(encoding="utf-8")]
    assert empty == [], f"{source.name} drew empty-state figures"
    assert all((fresh_project.figures_dir / name).stat().st_size > 0 for name in written)
    _matches_the_gallery(fresh_project.figures_dir)
    # Every chart the notebook displays carries a PNG beside its spec: it reads on GitHub and in a PDF.
    charts_shown, pngs = _chart_outputs(copy.with_suffix(".ipynb"))
    assert pngs and pngs == charts_shown, f"{source.name}: {charts_shown} charts displayed, {pngs} with a PNG"


def _matches_the_gallery(figures) -> None:
    """Each PNG drawn that docs/gallery holds has its size there; its bytes too when drawn with the same font
    (`make gallery` redraws the gallery: a figure changed by the code fails here until it is run)."""
    from policykit import charts
    from policykit.charts._gallery import figure_record

    manifest = charts.read_manifest(REPO / "docs" / "gallery")
    same_font = manifest["font"] == charts.find_cjk_font().family
    for png in sorted(figures.glob("*.png")):
        recorded = manifest["figures"].get(png.stem)
        if recorded is None:
            continue  # a figure of the corpus, not of the demo
        drawn = figure_record(png)
        assert (drawn["width"], drawn["height"]) == (recorded["width"], recorded["height"]), \
            f"{png.name} is {drawn['width']}×{drawn['height']} now, docs/gallery has it {recorded['width']}×" \
            f"{recorded['height']}: run make gallery"
        if same_font:
            assert drawn["sha256"] == recorded["sha256"], f"{png.name} differs from docs/gallery: run make gallery"


def _chart_outputs(path) -> tuple[int, int]:
    """(outputs holding a Vega-Lite spec, those of them that also hold a decodable PNG) of an executed notebook."""
    import base64

    import nbformat

    shown = with_png = 0
    for cell in nbformat.read(path, as_version=4).cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if any(key.startswith("application/vnd.vegalite") for key in data):
                shown += 1
                png = base64.b64decode(data.get("image/png", ""))
                with_png += png.startswith(b"\x89PNG\r\n\x1a\n")
    return shown, with_png


def test_notebooks_are_paired_py_percent_sources():
    assert NOTEBOOKS, "no notebooks found"
    for source in NOTEBOOKS:
        head = source.read_text(encoding="utf-8")[:400]
        assert "format_name: percent" in head, source.name


@pytest.mark.notebook
def test_escalation_notebook_draws_from_the_reference_facts_without_the_corpus(fresh_project):
    # What `make demo` shows on a machine without ../shared: the 2026 provincial targets of
    # data/reference/facts.csv beside the national target and each province's 2025 result.
    fresh_project.notebooks_dir.mkdir()
    copy = fresh_project.notebooks_dir / "1.04-target-escalation.py"
    shutil.copy(REPO / "notebooks" / copy.name, copy)
    execute_notebook(copy, parameters={"CORPUS": None})
    svg = (fresh_project.figures_dir / "target-escalation.svg").read_text(encoding="utf-8")
    assert EMPTY_STATE not in svg
    assert "安徽省" in svg and "浙江省" in svg  # two of the fifteen provinces of the table
    _matches_the_gallery(fresh_project.figures_dir)
    assert _chart_outputs(copy.with_suffix(".ipynb"))[1] >= 1
