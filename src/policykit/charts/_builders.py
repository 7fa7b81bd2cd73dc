"""Coordination load bars: the units carrying the most tasks, by role."""
from __future__ import annotations

import altair as alt
import polars as pl

from ._base import WIDTH, empty_chart
from ._labels import chart_title, term, unit_label

_ROLES = {"tasks_led": "lead", "tasks_responsible": "responsible", "tasks_joined": "participant"}


def load_bars(load: pl.DataFrame, *, top: int = 20, label: str | None = None, lang: str = "zh",
              title: str | None = None) -> alt.Chart:
    """Horizontal bars of the most loaded units: tasks led, responsible and joined, stacked.

    Parameters
    ----------
    load : polars.DataFrame
        A coordination-load frame (``policykit.network.coordination_load``) with ``tasks_led``,
        ``tasks_responsible``, ``tasks_joined`` and ``name`` (``name_en`` is used when present).
    top : int
        How many units, by total tasks.
    label : str, optional
        A column to label the units with, instead of the names ``lang`` picks.
    lang : {"zh", "en", "both"}
        Language of the unit labels (English from ``name_en``, falling back to the Chinese
        name), the role names and the title.
    title : str, optional
        Replaces the default title.

    Examples
    --------
    >>> frame = pl.DataFrame({"name": ["科技局"], "tasks_led": [3], "tasks_responsible": [0], "tasks_joined": [1]})
    >>> load_bars(frame).to_dict()["mark"]["type"]
    'bar'
    """
    heading = title or chart_title("title_load", lang, top=top)
    if load.is_empty():
        return empty_chart(heading, "no assignments in the selected documents")
    roles = {column: term(role, lang) for column, role in _ROLES.items()}
    labels = pl.col(label).alias("label") if label else unit_label(
        lang, name_en="name_en" if "name_en" in load.columns else "")
    ranked = (load.select(labels, *roles).with_columns(total=pl.sum_horizontal(*roles))
              .sort(["total", "label"], descending=[True, False]).head(top))
    order = ranked["label"].to_list()
    long = (ranked.unpivot(index=["label", "total"], on=list(roles), variable_name="role", value_name="tasks")
            .with_columns(pl.col("role").replace_strict(roles),
                          role_order=pl.col("role").replace_strict({c: i for i, c in enumerate(roles)},
                                                                   return_dtype=pl.Int64)))
    return alt.Chart(long).mark_bar().encode(
        x=alt.X("tasks:Q", title=term("tasks", lang)),
        y=alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=0)),  # 0: never cut a name
        color=alt.Color("role:N", sort=list(roles.values()), title=term("role", lang),
                        legend=alt.Legend(orient="bottom", direction="horizontal")),
        order=alt.Order("role_order:Q"),
        tooltip=[alt.Tooltip("label:N", title=term("unit", lang)), "role:N", "tasks:Q"],
    ).properties(title=heading, width=WIDTH, height=alt.Step(16))
