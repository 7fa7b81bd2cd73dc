"""docs/gallery is what the builders draw now: every figure of the notebooks and of `policykit figures`
is there, decodes, has the size the manifest records, and the README shows only figures that exist."""
import re

import pytest

from conftest import REPO
from test_notebooks import FIGURES

from policykit import charts

GALLERY = REPO / "docs" / "gallery"
# The notebooks' figures as `make gallery` draws them (the escalation figure from data/reference/, not the corpus).
DRAWN = {stem.removesuffix("-corpus") for stems in FIGURES.values() for stem in stems}


@pytest.fixture(scope="module")
def manifest():
    return charts.read_manifest(GALLERY)


def test_the_gallery_holds_every_figure_of_the_notebooks_and_of_policykit_figures(sample, manifest):
    standard = set(charts.standard_charts(sample))
    assert standard <= DRAWN, "the notebooks draw every figure of the standard set"
    assert set(manifest["figures"]) == DRAWN
    assert {p.stem for p in GALLERY.glob("*.png")} == DRAWN


@pytest.mark.parametrize("stem", sorted(DRAWN))
def test_each_gallery_png_decodes_and_is_the_one_the_manifest_records(stem, manifest):
    path = GALLERY / f"{stem}.png"
    width, height = charts.png_size(path.read_bytes())
    # Drawn at 200 ppi for one journal column and more: neither a thumbnail nor a poster.
    assert 600 <= width <= 4000 and 300 <= height <= 4000, (width, height)
    from policykit.charts._gallery import figure_record
    assert figure_record(path) == manifest["figures"][stem]


def test_the_readme_and_the_figures_doc_show_only_gallery_figures_and_every_one_is_shown():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    figures_doc = (REPO / "docs" / "figures.md").read_text(encoding="utf-8")
    shown = set(re.findall(r"docs/gallery/([\w-]+)\.png", readme))
    assert shown and shown <= DRAWN
    assert all(f"`{stem}`" in figures_doc or stem in shown for stem in DRAWN)
