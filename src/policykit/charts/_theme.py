"""The `policykit` altair theme: column-width legible, colour-blind-safe, CJK-capable, no chart junk."""
from __future__ import annotations

import altair as alt

from ._fonts import find_cjk_font

# Okabe–Ito: distinguishable under the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
THEME_NAME = "policykit"


def theme_config(font_family: str | None = None) -> dict:
    """The theme as a Vega-Lite config dict (``font_family`` default: the CJK font found).

    One font weight throughout: hierarchy comes from size, and a PDF that embeds a single font
    face is byte-for-byte reproducible (vl-convert orders several embedded faces at random).

    Examples
    --------
    >>> theme_config("Noto Sans CJK SC")["config"]["title"]["fontWeight"]
    'normal'
    """
    font = font_family or find_cjk_font().family
    plain = {"labelFont": font, "titleFont": font, "labelFontWeight": "normal", "titleFontWeight": "normal"}
    return {
        "config": {
            "font": font,
            "background": "white",
            "view": {"stroke": None, "continuousWidth": 360, "continuousHeight": 240},
            "title": {"fontSize": 14, "font": font, "anchor": "start", "fontWeight": "normal",
                      "subtitleFont": font, "subtitleFontSize": 12, "subtitleFontWeight": "normal",
                      "subtitleColor": "#333"},
            "axis": {**plain, "labelFontSize": 11, "titleFontSize": 11, "grid": False, "domainColor": "#333",
                     "tickColor": "#333", "labelColor": "#222", "titleColor": "#222", "labelLimit": 260},
            "axisY": {"titleAngle": 0, "titleAlign": "left", "titleY": -8, "titleX": 0},
            "legend": {**plain, "labelFontSize": 11, "titleFontSize": 11},
            "header": {**plain, "labelFontSize": 11, "titleFontSize": 11},
            "text": {"font": font, "fontSize": 10, "fontWeight": "normal"},
            "range": {"category": PALETTE, "heatmap": {"scheme": "blues"}, "ramp": {"scheme": "blues"}},
            "bar": {"color": PALETTE[0]},
            "line": {"color": PALETTE[0], "strokeWidth": 2},
            "point": {"color": PALETTE[0], "filled": True},
        }
    }


def use_theme() -> None:
    """Register the theme with altair and enable it (idempotent)."""
    alt.theme.register(THEME_NAME, enable=True)(theme_config)
