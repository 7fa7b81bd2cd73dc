"""What every builder shares: the empty-state chart and the plain-number view of decimal columns."""
from __future__ import annotations

import altair as alt
import polars as pl

WIDTH = 360  # one journal column at the theme's font sizes


def empty_chart(title: alt.Title | str, message: str) -> alt.Chart:
    """A chart that says why there is nothing to draw (an empty frame is not an error)."""
    return (alt.Chart(pl.DataFrame({"message": [message]})).mark_text(fontSize=12, color="#666")
            .encode(text="message:N").properties(title=title, width=WIDTH, height=60))


def plotted(column: str) -> pl.Expr:
    """A decimal column as the float Vega-Lite draws with; the frames keep the exact value."""
    return pl.col(column).cast(pl.Float64)
