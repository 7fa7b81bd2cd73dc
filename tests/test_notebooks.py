"""Every notebook runs top to bottom on the shipped sample and writes its figures."""
import shutil

import pytest

from conftest import REPO

from policykit.notebooks import execute_notebook, notebook_sources
from policykit.project import Project

NOTEBOOKS = notebook_sources(Project(REPO))


@pytest.mark.notebook
@pytest.mark.parametrize("source", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_executes_on_the_sample(source, sample_project, tmp_path):
    # Run a copy inside the temporary sample project, so the repo's own figures are not touched.
    notebooks = sample_project.notebooks_dir
    notebooks.mkdir(exist_ok=True)
    copy = notebooks / source.name
    shutil.copy(source, copy)
    before = set(sample_project.figures_dir.glob("*")) if sample_project.figures_dir.exists() else set()
    out = execute_notebook(copy)
    assert out.exists()
    written = set(sample_project.figures_dir.glob("*")) - before
    assert written or before, f"{source.name} wrote no figure to reports/figures"


def test_notebooks_are_paired_py_percent_sources():
    assert NOTEBOOKS, "no notebooks found"
    for source in NOTEBOOKS:
        head = source.read_text(encoding="utf-8")[:400]
        assert "format_name: percent" in head, source.name
