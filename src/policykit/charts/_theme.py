"""The `policykit` altair theme: column-width legible, colour-blind-safe, CJK-capable, no chart junk."""
from __future__ import annotations

import altair as alt

from ._fonts import find_cjk_font

# Okabe–Ito: distinguishable under the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
THEME_NAME = "policykit"


def theme_config(font_family: str | None = None) -> dict:
    """The theme as a Vega-Lite config dict (``font_family`` default: the CJK font found)."""
    font = font_family or find_cjk_font().family
    return {
        "config": {
            "font": font,
            "background": "white",
            "view": {"stroke": None, "continuousWidth": 360, "continuousHeight": 240},
            "title": {"fontSize": 13, "font": font, "anchor": "start", "fontWeight": "bold"},
            "axis": {"labelFontSize": 11, "titleFontSize": 11, "labelFont": font, "titleFont": font,
                     "grid": False, "domainColor": "#333", "tickColor": "#333", "labelLimit": 260},
            "axisY": {"titleAngle": 0, "titleAlign": "left", "titleY": -8, "titleX": 0},
            "legend": {"labelFontSize": 11, "titleFontSize": 11, "labelFont": font, "titleFont": font},
            "header": {"labelFont": font, "titleFont": font},
            "text": {"font": font, "fontSize": 10},
            "range": {"category": PALETTE},
            "bar": {"color": PALETTE[0]},
            "line": {"color": PALETTE[0], "strokeWidth": 2},
            "point": {"color": PALETTE[0], "filled": True},
        }
    }


def use_theme() -> None:
    """Register the theme with altair and enable it (idempotent)."""
    alt.theme.register(THEME_NAME, enable=True)(theme_config)
