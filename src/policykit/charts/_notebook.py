"""Charts in notebooks that read anywhere: the interactive spec beside static PNG and SVG renderings.

Altair's default display needs JavaScript from the network, so an executed notebook shows blank
charts on GitHub, in nbviewer without scripts, or exported to PDF. The ``policykit`` renderer puts
the Vega-Lite spec (interactive where the front end renders it), an SVG and a PNG (drawn by
vl-convert with the CJK font, as :func:`save` draws them) into each chart's output; every viewer
takes the richest one it can show.
"""
from __future__ import annotations

import base64
import struct

import altair as alt
import vl_convert as vlc

from ._fonts import find_cjk_font
from ._save import _canonical_svg, _register_fonts
from ._theme import theme_config

RENDERER_NAME = "policykit"
# Altair 6 names its spec "application/vnd.vegalite.v6.json", which nbformat refuses to store as JSON
# (a JSON output type must end in "+json"): the spec goes under the +json name front ends look for.
SPEC_MIME_TYPE = "application/vnd.vegalite.v6+json"
_PNG_SIZE = struct.Struct(">II")  # width, height in the PNG's IHDR chunk


def static_bundle(spec: dict, *, ppi: int = 144) -> dict[str, str]:
    """``image/png`` (base64) and ``image/svg+xml`` renderings of a Vega-Lite spec, in the kit's theme.

    Examples
    --------
    >>> import altair as alt, polars as pl
    >>> chart = alt.Chart(pl.DataFrame({"单位": ["科技局"], "n": [3]})).mark_bar().encode(x="n", y="单位")
    >>> sorted(static_bundle(chart.to_dict()))   # doctest: +SKIP
    ['image/png', 'image/svg+xml']
    """
    font = find_cjk_font()
    _register_fonts(str(font.directory))
    config = theme_config(font.family)["config"]
    png = vlc.vegalite_to_png(spec, ppi=ppi, config=config)
    return {"image/png": base64.b64encode(png).decode("ascii"),
            "image/svg+xml": _canonical_svg(vlc.vegalite_to_svg(spec, config=config))}


def _render(spec: dict, **options) -> tuple[dict, dict]:
    ppi = options.pop("ppi", 144)
    bundle, metadata = alt.utils.display.default_renderer_base(spec, SPEC_MIME_TYPE, "<policykit chart>", **options)
    bundle.update(static_bundle(spec, ppi=ppi))
    width, height = _PNG_SIZE.unpack(base64.b64decode(bundle["image/png"][:44])[16:24])
    # Shown at its drawn size, not at ppi/72 times it.
    metadata["image/png"] = {"width": round(width * 72 / ppi), "height": round(height * 72 / ppi)}
    return bundle, metadata


def use_notebook_renderer(*, ppi: int = 144) -> None:
    """Display charts in notebooks with static PNG and SVG beside the interactive spec (idempotent).

    Call it once at the top of a notebook, beside :func:`use_theme` (the kit's notebooks do);
    ``ppi`` sets the PNG's sharpness.

    Examples
    --------
    >>> use_notebook_renderer()
    >>> alt.renderers.active
    'policykit'
    >>> _ = alt.renderers.enable("default")
    """
    alt.renderers.register(RENDERER_NAME, _render)
    alt.renderers.enable(RENDERER_NAME, ppi=ppi)
