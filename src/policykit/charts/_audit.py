"""Data-audit figures: warnings per document and extraction quality against gold annotations."""
from __future__ import annotations

import altair as alt
import polars as pl

from ._base import WIDTH, empty_chart
from ._labels import chart_title, term

_LABEL_CHARS = 24  # a document's label at most (about 260 px of CJK at the theme's 11 px)


def warnings_bars(documents: pl.DataFrame, *, lang: str = "zh", title: str | None = None) -> alt.Chart:
    """Reader and extractor warnings per document (documents without warnings shown at zero).

    Examples
    --------
    >>> docs = pl.DataFrame({"doc_id": ["a"], "title": ["计划"], "source_path": ["data/raw/a.txt"], "n_warnings": [2]})
    >>> warnings_bars(docs).to_dict()["mark"]["type"]
    'bar'
    """
    heading = title or chart_title("title_warnings", lang)
    if documents.is_empty():
        return empty_chart(heading, "no documents")
    # A document without a title is named by its file (and its place in the file when that is not unique),
    # so every bar has its own readable label.
    # A long title is cut (the whole one in the tooltip), so the figure fits a column.
    named = pl.coalesce(pl.col("title"), pl.col("source_path").str.split("/").list.last())
    short = pl.when(named.str.len_chars() > _LABEL_CHARS).then(
        pl.concat_str(named.str.slice(0, _LABEL_CHARS - 1), pl.lit("…"))).otherwise(named)
    part = pl.col("part") if "part" in documents.columns else pl.col("doc_id")
    bars = (documents.select(short.alias("document"), named.alias("title"), "doc_id", part.alias("part"),
                             pl.col("n_warnings").fill_null(0))
            .with_columns(pl.when(pl.len().over("document") > 1)
                          .then(pl.format("{} #{}", "document", "part")).otherwise("document").alias("document"))
            .sort(["n_warnings", "doc_id"], descending=[True, False]))
    return alt.Chart(bars).mark_bar().encode(
        x=alt.X("n_warnings:Q", title=term("warnings", lang), axis=alt.Axis(tickMinStep=1)),
        y=alt.Y("document:N", sort=bars["document"].to_list(), title=None, axis=alt.Axis(labelLimit=0)),
        tooltip=["title:N", "doc_id:N", "n_warnings:Q"],
    ).properties(title=heading, width=WIDTH - 80, height=alt.Step(18))


def quality_bars(scores: pl.DataFrame, *, lang: str = "zh", title: str | None = None) -> alt.Chart:
    """Precision, recall and F1 per record type, from ``policykit.evaluate(...).scores``
    (the ``file == "ALL"`` rows: micro-averaged over the gold files).

    Examples
    --------
    >>> scores = pl.DataFrame({"file": ["ALL"], "record_type": ["tasks"], "precision": [0.9], "recall": [0.8],
    ...                        "f1": [0.85]})
    >>> quality_bars(scores).to_dict()["mark"]["type"]
    'bar'
    """
    heading = title or chart_title("title_quality", lang)
    overall = scores.filter(pl.col("file") == "ALL") if "file" in scores.columns else scores
    if overall.is_empty():
        return empty_chart(heading, "no gold annotations scored")
    order = overall["record_type"].to_list()
    long = overall.unpivot(index="record_type", on=["precision", "recall", "f1"], variable_name="measure",
                           value_name="score").with_columns(pl.col("measure").replace({"f1": "F1"}))
    return alt.Chart(long).mark_bar().encode(
        y=alt.Y("record_type:N", sort=order, title=None),
        yOffset=alt.YOffset("measure:N", sort=["precision", "recall", "F1"]),
        x=alt.X("score:Q", title=term("score", lang), scale=alt.Scale(domain=[0, 1])),
        color=alt.Color("measure:N", sort=["precision", "recall", "F1"], title=None,
                        legend=alt.Legend(orient="bottom")),
        tooltip=["record_type:N", "measure:N", alt.Tooltip("score:Q", format=".2f")],
    ).properties(title=heading, width=WIDTH - 60, height=alt.Step(9))
