"""The notebook renderer: a chart's output carries a PNG and an SVG beside the spec, so it reads offline."""
import base64

import altair as alt
import polars as pl
import pytest

from policykit import charts
from policykit.charts._notebook import SPEC_MIME_TYPE


@pytest.fixture
def renderer():
    before = alt.renderers.active
    charts.use_notebook_renderer(ppi=144)
    yield
    alt.renderers.enable(before)


def test_a_chart_displays_as_spec_png_and_svg(renderer):
    chart = alt.Chart(pl.DataFrame({"单位": ["科技局", "财政局"], "n": [3, 5]})).mark_bar().encode(x="n", y="单位")
    bundle, metadata = chart._repr_mimebundle_()
    assert set(bundle) == {SPEC_MIME_TYPE, "text/plain", "image/png", "image/svg+xml"}
    png = base64.b64decode(bundle["image/png"])
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width = int.from_bytes(png[16:20], "big")
    assert metadata["image/png"]["width"] == round(width * 72 / 144)
    assert bundle["image/svg+xml"].lstrip().startswith("<svg") and "科技局" in bundle["image/svg+xml"]
    assert bundle[SPEC_MIME_TYPE]["mark"]["type"] == "bar"


def test_an_executed_notebook_keeps_the_static_outputs(renderer, tmp_path):
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    chart = alt.Chart(pl.DataFrame({"x": [1]})).mark_point().encode(x="x")
    bundle, metadata = chart._repr_mimebundle_()
    nb = new_notebook(cells=[new_code_cell("chart", outputs=[new_output("display_data", bundle, metadata=metadata)])])
    path = tmp_path / "n.ipynb"
    nbformat.write(nb, path)  # validates: a JSON output type must be stored under a +json name
    assert "image/png" in nbformat.read(path, as_version=4).cells[0].outputs[0]["data"]
