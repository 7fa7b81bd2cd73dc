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


def test_the_network_figure_has_the_communities_of_the_load_table_in_every_language(graph):
    load = coordination_load(graph)
    table = dict(zip(load["unit_id"].to_list(), load["community"].cast(pl.String).to_list()))
    groups = {}
    for lang in ("zh", "en"):
        spec = charts.network_chart(graph, lang=lang).to_dict(validate=True)
        nodes = spec["datasets"][spec["layer"][1]["data"]["name"]]
        groups[lang] = {n["node"]: n["group"] for n in nodes}
        coloured = {node: group for node, group in groups[lang].items() if group not in ("other", "其他")}
        assert coloured and all(table[node] == group for node, group in coloured.items())
    assert groups["zh"].keys() == groups["en"].keys()
    assert [g for g in groups["zh"].values() if g != "其他"] == [g for g in groups["en"].values() if g != "other"]


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


def test_target_series_breaks_the_outcome_line_at_a_year_nobody_reported():
    tg, obs, docs = _frames(("gdp_growth", 2015, "7", None, "%", "≈", "growth_rate"),
                            observations=[("gdp_growth", "2014", "7.4", "%"), ("gdp_growth", "2016", "6.7", "%")])
    spec = charts.target_series_chart(tg, obs, docs, lang="en").to_dict(validate=True)
    points = next(iter(spec["datasets"].values()))
    outcomes = sorted((p["when"], p["value"]) for p in points if p["series"] == "outcome")
    assert outcomes == [(2014.5, 7.4), (2015.5, None), (2016.5, 6.7)]
    line = next(layer for layer in spec["spec"]["layer"] if layer["mark"]["type"] == "line")
    assert line["mark"]["invalid"] == "break-paths-filter-domains"


def _progress_rows(targets, observations, docs, lang="en") -> list[dict]:
    chart = charts.target_progress_chart(targets, observations, docs, lang=lang)
    return next(iter(chart.to_dict(validate=True)["datasets"].values()))


def _frames(*targets, observations=()):
    """Targets (metric_key, year, value, value_high, unit, comparator, kind) of a county's report of their
    year, and outcomes (metric_key, period, value, unit) reported in the next year's report."""
    years = sorted({t[1] for t in targets} | {int(o[1][:4]) + 1 for o in observations})
    docs = pl.DataFrame({"doc_id": [f"r{y}" for y in years], "year": years, "region": ["利津县"] * len(years)})
    tg = pl.DataFrame([dict(zip(("metric_key", "year", "value", "value_high", "unit", "comparator", "kind"), t),
                            doc_id=f"r{t[1]}") for t in targets], infer_schema_length=None)
    obs = pl.DataFrame([dict(zip(("metric_key", "period", "value", "unit"), o),
                             doc_id=f"r{int(o[1][:4]) + (0 if '/' in o[1] else 1)}") for o in observations],
                       schema={"metric_key": pl.String, "period": pl.String, "value": pl.String, "unit": pl.String,
                               "doc_id": pl.String})
    return tg, obs, docs


def test_progress_says_met_in_the_direction_of_the_target_and_draws_what_meets_it():
    tg, obs, docs = _frames(("cpi", 2020, "3", None, "%", "≈", "level"),
                            ("new_urban_jobs", 2020, "2300", None, "人", ">=", "increase"),
                            ("gdp_growth", 2020, "6", "6.5", "%", "range", "growth_rate"),
                            observations=[("cpi", "2020", "3.4", "%"), ("new_urban_jobs", "2020", "2262", "人"),
                                          ("gdp_growth", "2020", "6.1", "%")])
    rows = {r["caption"].split(" ·")[0]: r for r in _progress_rows(tg, obs, docs)}
    cpi, jobs, gdp = rows["CPI"], rows["New urban jobs"], rows["GDP growth"]
    # A ceiling 左右: over it is missed; what meets it lies under the target.
    assert cpi["verdict"] == "missed" and "target about 3%, ceiling; outcome 3.4% — missed" in cpi["caption"]
    assert cpi["zone_high"] == 3.0 and cpi["zone_low"] < 3.0
    # A floor 以上 in its unit, in English.
    assert jobs["verdict"] == "missed" and "target at least 2300 persons, floor; outcome 2262 persons" in jobs["caption"]
    assert jobs["zone_low"] == 2300.0 and jobs["zone_high"] > 2300.0
    # A range of a growth metric is a floor at its low end, drawn as a line from end to end.
    assert gdp["verdict"] == "met" and (gdp["low"], gdp["high"]) == (6.0, 6.5) and "target 6–6.5%" in gdp["caption"]
    # No share of the target is computed, for any target.
    assert not any("share" in key for row in rows.values() for key in row)


def test_progress_never_pairs_a_target_with_the_year_before_and_marks_part_years_as_so_far():
    tg, obs, docs = _frames(("new_urban_jobs", 2020, "2300", None, "人", ">=", "increase"),
                            observations=[("new_urban_jobs", "2019", "2262", "人")])
    assert _is_empty_state(charts.target_progress_chart(tg, obs, docs))
    tg, obs, docs = _frames(("new_urban_jobs", 2020, "2300", None, "人", ">=", "increase"),
                            observations=[("new_urban_jobs", "2020-01/2020-06", "1150", "人"),
                                          ("new_urban_jobs", "2020-01/2020-04", "800", "人")])
    [row] = _progress_rows(tg, obs, docs, lang="zh")
    assert row["verdict"] == "年内进度（不作判定）" and "实际 (2020-01/2020-06) 1150人" in row["caption"]
    assert "目标 2300人以上" in row["caption"]


def test_progress_on_the_sample_says_why_it_draws_nothing(sample):
    # Lijin's 2020 report sets 2020 targets and reports 2019 results: no target has its own year's outcome.
    chart = charts.target_progress_chart(sample.targets, sample.observations, sample.documents, lang="en")
    assert _is_empty_state(chart) and "of its own year" in str(chart.to_dict()["datasets"])


def test_audit_bars(sample):
    rows = _data(charts.warnings_bars(sample.documents, lang="en"))
    assert len(rows) == sample.documents.height and len({r["document"] for r in rows}) == len(rows)
    # labels fit a column (a long title is cut, whole in the tooltip)
    assert all(len(r["document"]) <= 28 for r in rows) and any(r["document"].endswith("…") for r in rows)
    assert {r["title"] for r in rows} >= set(sample.documents["title"].drop_nulls())
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
    # validates each spec; the sample pairs no target with its own year's outcome (see above)
    assert [name for name, chart in built.items() if _is_empty_state(chart)] == ["target-progress"]


def test_unknown_language_is_a_clear_error(graph):
    with pytest.raises(ValueError, match="lang='fr'"):
        charts.network_chart(graph, lang="fr")
