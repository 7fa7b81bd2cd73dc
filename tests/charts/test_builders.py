"""Every chart builder gives a valid Vega-Lite spec on the sample and an empty-state chart on empty frames."""
import networkx as nx
import polars as pl
import pytest

from policykit import charts
from policykit.evaluate import evaluate, load_gold
from policykit.network import coordination_graph, coordination_load

from conftest import REPO


def _data(chart) -> list[dict]:
    """The rows a (non-layered) chart draws, read back from its spec."""
    spec = chart.to_dict(validate=True)
    return next(iter(spec["datasets"].values()))


def _is_empty_state(chart) -> bool:
    spec = chart.to_dict(validate=True)
    layers = spec.get("layer", [spec])
    mark = layers[0].get("mark")
    return (len(layers) == 1 and (mark.get("type") if isinstance(mark, dict) else mark) == "text"
            and "message" in str(spec["datasets"]))


@pytest.fixture(scope="module")
def graph(sample):
    return coordination_graph(sample.assignments, units=sample.units)


def test_load_bars_draws_the_top_units_with_their_three_roles(graph):
    load = coordination_load(graph)
    rows = _data(charts.load_bars(load, top=5, lang="en"))
    assert len({r["label"] for r in rows}) == 5 and len(rows) == 15
    assert {r["role"] for r in rows} == {"lead", "responsible", "participant"}
    top = load.sort("tasks", descending=True).row(0, named=True)
    assert any(r["label"] == (top["name_en"] or top["name"]) for r in rows)


def test_load_bars_keeps_the_label_column_option(graph):
    load = coordination_load(graph)
    rows = _data(charts.load_bars(load, top=3, label="unit_id"))
    labels = {r["label"] for r in rows}
    assert len(labels) == 3 and labels <= set(load["unit_id"])


def test_network_chart_places_every_tied_unit_and_every_tie(graph):
    spec = charts.network_chart(graph, lang="both").to_dict(validate=True)
    edges, nodes, labels = (spec["datasets"][layer["data"]["name"]] for layer in spec["layer"])
    tied = [n for n in graph if graph.degree(n) > 0]
    assert len(nodes) == len(tied) and len(edges) == graph.number_of_edges()
    assert 1 <= len(labels) <= 10
    assert all(0 <= row["x"] and row["y"] <= 0 for row in nodes)  # packed from the top-left corner


def test_labels_that_would_overlap_move_or_are_left_out():
    from policykit.charts._network import _place_labels

    same_spot = pl.DataFrame({"label": ["科技局", "财政局", "商务局", "发改局", "统计局"], "x": [0.5] * 5, "y": [0.5] * 5})
    placed = _place_labels(same_spot, [0.0, 1.0], [0.0, 1.0], 400, 400)
    assert placed["label"].to_list() == ["科技局", "财政局", "商务局", "发改局"]  # right, left, above, below
    assert placed["label_x"][0] > 0.5 > placed["label_x"][1] and placed["label_y"][2] > 0.5 > placed["label_y"][3]


def test_network_chart_is_the_same_for_the_same_graph(sample, graph):
    assert not _is_empty_state(charts.network_chart(graph))
    again = coordination_graph(sample.assignments, units=sample.units)
    assert charts.network_chart(graph).to_json() == charts.network_chart(again).to_json()


def test_network_chart_by_category_and_with_isolates(graph):
    spec = charts.network_chart(graph, colour="category", isolates=True).to_dict(validate=True)
    nodes = spec["datasets"][spec["layer"][1]["data"]["name"]]
    assert len(nodes) == graph.number_of_nodes()
    with pytest.raises(ValueError, match="colour"):
        charts.network_chart(graph, colour="size")


def test_heatmap_cells_are_the_shared_task_counts_both_ways():
    g = nx.Graph()
    g.add_nodes_from(["a", "b", "c"], tasks=1)
    g.add_edge("a", "b", weight=3)
    g.add_edge("b", "c", weight=1)
    rows = _data(charts.shared_tasks_heatmap(g))
    assert sorted((r["a"], r["b"], r["shared"]) for r in rows) == [
        ("a", "b", 3), ("b", "a", 3), ("b", "c", 1), ("c", "b", 1)]


def test_heatmap_on_the_sample_keeps_the_top_units(graph):
    rows = _data(charts.shared_tasks_heatmap(graph, top=8, lang="en"))
    assert 1 < len({r["a"] for r in rows}) <= 8


def test_target_series_shows_the_sample_series(sample):
    spec = charts.target_series_chart(sample.targets, sample.observations, sample.documents, lang="en"
                                      ).to_dict(validate=True)
    assert "facet" in spec
    points = next(iter(spec["datasets"].values()))
    panels = {p["panel"] for p in points}
    assert panels and all(sum(p["panel"] == panel for p in points) >= 2 for panel in panels)
    assert {p["series"] for p in points} <= {"target", "outcome"}


def test_target_progress_is_the_reported_share_of_the_target():
    docs = pl.DataFrame({"doc_id": ["r"], "year": [2020], "region": ["利津县"]})
    targets = pl.DataFrame({"doc_id": ["r"], "metric": ["新增城镇就业"], "metric_key": ["new_urban_jobs"],
                            "year": [2020], "value": ["2300"], "value_high": [None], "unit": ["人"],
                            "comparator": [">="], "kind": ["increase"]})
    observations = pl.DataFrame({"doc_id": ["r", "r"], "metric_key": ["new_urban_jobs"] * 2,
                                 "value": ["2262", "1150"], "unit": ["人", "人"], "period": ["2019", "2020-01/2020-06"]})
    spec = charts.target_progress_chart(targets, observations, docs, lang="en").to_dict(validate=True)
    rows = spec["datasets"][spec["layer"][1]["data"]["name"]]
    assert [(r["share"], r["note"], r["basis"]) for r in rows] == [(50.0, "1150 / 2300 人", "same year")]
    assert rows[0]["panel"] == "New urban jobs · 利津县 (人) 2020"


def test_target_progress_on_the_sample_pairs_its_targets_with_last_year_s_figures(sample):
    # Lijin's 2020 report sets targets for 2020 and reports 2019: the figures of the year before.
    spec = charts.target_progress_chart(sample.targets, sample.observations, sample.documents, lang="en"
                                        ).to_dict(validate=True)
    rows = spec["datasets"][spec["layer"][1]["data"]["name"]]
    assert [(r["panel"], r["share"], r["note"], r["basis"]) for r in rows] == [
        ("GDP growth · 利津县 (%) 2020", 121.5, "7.9 / 6.5 %", "year before"),
        ("New urban jobs · 利津县 (人) 2020", 98.3, "2262 / 2300 人", "year before")]


def test_audit_bars(sample):
    rows = _data(charts.warnings_bars(sample.documents, lang="en"))
    assert len(rows) == sample.documents.height and len({r["document"] for r in rows}) == len(rows)
    evaluation = evaluate(load_gold(REPO / "tests" / "gold"), sample.documents, sample.tasks, sample.assignments,
                          sample.targets, sample.observations)
    rows = _data(charts.quality_bars(evaluation.scores))
    assert {r["measure"] for r in rows} == {"precision", "recall", "F1"}
    assert {r["record_type"] for r in rows} == set(evaluation.scores.filter(file="ALL")["record_type"])


def test_empty_frames_give_empty_state_charts(sample):
    empty = {name: getattr(sample, name).clear() for name in ("assignments", "units", "targets", "observations",
                                                              "documents")}
    graph = coordination_graph(empty["assignments"], units=empty["units"])
    built = [
        charts.load_bars(coordination_load(graph)),
        charts.network_chart(graph),
        charts.network_chart(empty["assignments"], units=empty["units"]),
        charts.shared_tasks_heatmap(graph),
        charts.target_series_chart(empty["targets"], empty["observations"], empty["documents"]),
        charts.target_progress_chart(empty["targets"], empty["observations"], empty["documents"]),
        charts.warnings_bars(empty["documents"]),
        charts.quality_bars(pl.DataFrame(schema={"file": pl.String, "record_type": pl.String,
                                                 "precision": pl.Float64, "recall": pl.Float64, "f1": pl.Float64})),
    ]
    assert all(_is_empty_state(chart) for chart in built)


def test_a_graph_without_ties_is_an_empty_network_and_heatmap():
    g = nx.Graph()
    g.add_node("a", tasks=1)
    assert _is_empty_state(charts.network_chart(g)) and _is_empty_state(charts.shared_tasks_heatmap(g))


@pytest.mark.parametrize("lang", ["zh", "en", "both"])
def test_every_standard_chart_is_valid_and_drawn_in_every_language(sample, lang):
    built = charts.standard_charts(sample, lang=lang)
    assert sorted(built) == ["coordination-load", "coordination-network", "document-warnings",
                             "shared-tasks-heatmap", "target-progress", "target-series"]
    assert [name for name, chart in built.items() if _is_empty_state(chart)] == []  # validates each spec


def test_unknown_language_is_a_clear_error(graph):
    with pytest.raises(ValueError, match="lang='fr'"):
        charts.network_chart(graph, lang="fr")
