"""Chart builders for the kit's frames; each returns an altair Chart users can still customise."""
from __future__ import annotations

import altair as alt
import polars as pl


def _empty(title: str, message: str) -> alt.Chart:
    return (alt.Chart(pl.DataFrame({"message": [message]})).mark_text(fontSize=12, color="#666")
            .encode(text="message:N").properties(title=title, width=360, height=60))


def load_bars(load: pl.DataFrame, *, top: int = 20, label: str = "name", title: str | None = None) -> alt.Chart:
    """Horizontal bars of the most loaded units: tasks led, responsible and joined, stacked.

    Parameters
    ----------
    load : polars.DataFrame
        A coordination-load frame (``policykit.network.coordination_load``) with ``tasks_led``,
        ``tasks_responsible``, ``tasks_joined`` and a label column.
    top : int
        How many units, by total tasks.
    label : str
        Column used for the unit labels (``name`` for Chinese, ``name_en`` for English).

    Examples
    --------
    >>> frame = pl.DataFrame({"name": ["科技局"], "tasks_led": [3], "tasks_responsible": [0], "tasks_joined": [1]})
    >>> load_bars(frame).to_dict()["mark"]["type"]
    'bar'
    """
    title = title or f"Coordination load: the {top} units with most tasks"
    roles = {"tasks_led": "lead 牵头", "tasks_responsible": "responsible 负责", "tasks_joined": "participant 参与/配合"}
    if load.is_empty():
        return _empty(title, "no assignments in the selected documents")
    ranked = (load.select(label, *roles).with_columns(total=sum(pl.col(c) for c in roles))
              .sort(["total", label], descending=[True, False]).head(top))
    order = ranked[label].to_list()
    long = ranked.unpivot(index=[label, "total"], on=list(roles), variable_name="role", value_name="tasks").with_columns(
        pl.col("role").replace_strict(roles))
    return (alt.Chart(long).mark_bar().encode(
        x=alt.X("tasks:Q", title="tasks"),
        y=alt.Y(f"{label}:N", sort=order, title=None),
        color=alt.Color("role:N", sort=list(roles.values()), title="role",
                        legend=alt.Legend(orient="bottom", direction="horizontal")),
        order=alt.Order("role_order:Q"),
        tooltip=[f"{label}:N", "role:N", "tasks:Q"],
    ).transform_calculate(role_order="indexof(" + str(list(roles.values())) + ", datum.role)")
        .properties(title=title, width=360, height=alt.Step(16)))
