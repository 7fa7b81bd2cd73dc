import polars as pl
import pytest

from policykit.network import NetworkInputError, coordination_graph, select_assignments

from ._frames import DOCUMENTS, PLAN, UNITS


def nodes(**options) -> list[str]:
    return sorted(select_assignments(PLAN, **options)["node"].unique().to_list())


def nodes_of(frame, **options) -> set[str]:
    return set(select_assignments(frame, **options)["node"].to_list())


def test_placeholders_are_left_out_unless_asked_for():
    assert "x" not in nodes()
    assert "x" in nodes(include_placeholders=True)


def test_placeholder_without_unit_id_falls_back_to_its_mention():
    frame = PLAN.with_columns(unit_id=pl.when(pl.col("placeholder")).then(None).otherwise(pl.col("unit_id")))
    assert "x局" in nodes_of(frame, include_placeholders=True)


def test_rows_outside_any_task_are_left_out():
    frame = pl.concat([PLAN, PLAN.head(1).with_columns(task_id=pl.lit(None, pl.String), unit_id=pl.lit("z"))])
    assert "z" not in nodes_of(frame)


def test_numpy_scalars_filter_like_python_ones():
    import numpy as np

    assert nodes(documents=DOCUMENTS, year=np.int64(2021)) == ["a", "b", "c", "d"]


def test_mention_and_category_nodes():
    assert nodes(node="mention") == ["a局", "b局", "c局", "d局", "e局"]
    assert nodes(node="category", units=UNITS) == ["finance", "industry", "planning"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"doc_id": "d2"}, ["a"]),
        ({"doc_id": ["d2", "d3"]}, ["a", "e"]),
        ({"role": "lead"}, ["a", "b"]),
        ({"year": 2021}, ["a", "b", "c", "d"]),
        ({"year": range(2022, 2030)}, ["a", "e"]),
        ({"jurisdiction": "广东省"}, ["a", "e"]),
        ({"doc_type": "重点工作任务"}, ["a"]),
        ({"level": "province"}, ["a", "e"]),
        ({"year": 2022, "doc_type": "实施方案"}, ["a", "e"]),
    ],
)
def test_filters(filters, expected):
    assert nodes(documents=DOCUMENTS, **filters) == expected


def test_year_column_of_documents_wins_over_issued_on():
    documents = DOCUMENTS.with_columns(year=pl.Series([2030, 2031, 2031]))
    assert nodes(documents=documents, year=2030) == ["a", "b", "c", "d"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: select_assignments(PLAN.drop("role")), "lacks column"),
        (lambda: select_assignments(PLAN, year=2021), "needs documents="),
        (lambda: select_assignments(PLAN, node="category"), "needs units="),
        (lambda: select_assignments(PLAN, node="dept"), "node= must be one of"),
        (lambda: select_assignments(PLAN, role=[]), "empty list"),
        (lambda: select_assignments(PLAN.with_columns(role=pl.lit("boss"))), "boss"),
        (lambda: select_assignments(PLAN, documents=DOCUMENTS.drop("issued_on"), year=2021), "year or issued_on"),
        (lambda: select_assignments("not a frame"), "polars DataFrame"),
        (lambda: coordination_graph(PLAN, region="x"), "unknown filter"),
    ],
)
def test_bad_input_gets_a_clear_message(call, message):
    with pytest.raises(NetworkInputError, match=message):
        call()
