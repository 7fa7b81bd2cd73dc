"""Every notebook runs top to bottom on the shipped sample and writes its own figures."""
import shutil

import pytest

from conftest import REPO

from policykit.notebooks import execute_notebook, notebook_sources
from policykit.project import Project

NOTEBOOKS = notebook_sources(Project(REPO))
# The figures each notebook exports, as SVG and PNG (a new notebook adds its row here).
FIGURES = {
    "0.01-tour": ["tour-network"],
    "1.01-coordination-load": ["coordination-load", "coordination-network", "shared-tasks-heatmap"],
    "1.02-target-growth": ["target-progress", "target-series"],
    "1.03-data-audit": ["document-warnings", "extraction-quality"],
    "1.04-target-escalation": ["target-escalation"],
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


def test_notebooks_are_paired_py_percent_sources():
    assert NOTEBOOKS, "no notebooks found"
    for source in NOTEBOOKS:
        head = source.read_text(encoding="utf-8")[:400]
        assert "format_name: percent" in head, source.name
