import networkx as nx
import polars as pl
import pytest

from policykit.network import NetworkInputError, coordination_graph, coordination_load, structural_holes

from ._frames import DOCUMENTS, PLAN, UNITS


@pytest.fixture(scope="module")
def load() -> pl.DataFrame:
    return coordination_load(PLAN, units=UNITS)


def column(frame: pl.DataFrame, name: str) -> dict:
    return dict(zip(frame["unit_id"], frame[name]))


def test_task_counts_by_hand(load):
    assert load.select("unit_id", "tasks", "tasks_led", "tasks_responsible", "tasks_joined").rows() == [
        ("a", 4, 3, 1, 0), ("b", 3, 1, 1, 1), ("c", 2, 0, 1, 1), ("d", 1, 0, 0, 1), ("e", 1, 0, 0, 1),
    ]


def test_ties_by_hand(load):
    assert column(load, "partners") == {"a": 3, "b": 3, "c": 3, "d": 2, "e": 1}
    assert column(load, "weighted_degree") == {"a": 4, "b": 5, "c": 4, "d": 2, "e": 1}
    assert column(load, "lead_share") == {"a": 0.75, "b": 0.25, "c": 0, "d": 0, "e": 0}
    assert column(load, "degree_centrality") == {"a": 0.75, "b": 0.75, "c": 0.75, "d": 0.5, "e": 0.25}
    assert column(load, "name")["a"] == "市发展改革委" and column(load, "name_en")["e"] == "Provincial DRC"


def test_betweenness_by_hand(load):
    # e reaches b, c, d only through a; a reaches d through b or c (half each); 6 pairs to normalise
    assert column(load, "betweenness") == pytest.approx({"a": 3 / 6, "b": 1 / 6, "c": 1 / 6, "d": 0, "e": 0})
    assert load["betweenness_pivots"].is_null().all()


def test_betweenness_is_sampled_with_a_seed_above_the_threshold():
    graph = coordination_graph(PLAN)
    sampled = coordination_load(graph, betweenness_pivots=3, seed=5)
    assert sampled["betweenness_pivots"].to_list() == [3] * 5
    assert column(sampled, "betweenness") == nx.betweenness_centrality(graph, k=3, seed=5)


def test_structural_holes_equal_networkx(load):
    graph = coordination_graph(PLAN)
    assert column(load, "constraint") == pytest.approx(nx.constraint(graph, weight="weight"))
    # networkx's per-node formula (nodes=) is the reference for weighted effective size
    assert column(load, "effective_size") == pytest.approx(nx.effective_size(graph, nodes=list(graph), weight="weight"))


def test_structural_holes_on_random_weighted_graphs():
    for seed in range(5):
        graph = nx.gnp_random_graph(25, 0.2, seed=seed)
        nx.set_edge_attributes(graph, {e: 1 + (hash(e) % 4) for e in graph.edges}, "weight")
        graph.add_node("isolate")
        constraint, effective_size = structural_holes(graph)
        assert constraint == pytest.approx(nx.constraint(graph, weight="weight"), nan_ok=True)
        reference = nx.effective_size(graph, nodes=list(graph), weight="weight")
        assert effective_size == pytest.approx(reference, nan_ok=True)


def test_isolates_have_null_structural_holes():
    load = coordination_load(PLAN, doc_id="d2")
    assert load.select("unit_id", "partners", "constraint", "effective_size", "community").rows() == [("a", 0, None, None, 0)]


def test_communities_are_louvain_with_a_fixed_seed(load):
    graph = coordination_graph(PLAN)
    expected = nx.community.louvain_communities(graph, weight="weight", seed=0)
    found = load.group_by("community").agg(pl.col("unit_id")).sort("community")["unit_id"].to_list()
    assert sorted(map(sorted, found)) == sorted(map(sorted, expected))
    assert len(found[0]) >= len(found[-1])
    assert coordination_load(PLAN, units=UNITS).equals(load)


def test_by_year_stacks_one_network_per_year():
    load = coordination_load(PLAN, documents=DOCUMENTS, by="year")
    assert load.select("year", "unit_id", "tasks_led", "partners").rows() == [
        (2021, "a", 1, 2), (2021, "b", 1, 3), (2021, "c", 0, 3), (2021, "d", 0, 2),
        (2022, "a", 2, 1), (2022, "e", 0, 1),
    ]


def test_by_year_with_nothing_selected_keeps_the_columns():
    load = coordination_load(PLAN, documents=DOCUMENTS, by="year", year=1999)
    assert load.height == 0 and load.schema["year"] == pl.Int64 and load.columns[1] == "unit_id"


def test_by_document_and_category_nodes():
    load = coordination_load(PLAN, units=UNITS, node="category", by="doc_id")
    assert load.columns[:2] == ["doc_id", "category"]
    assert load.filter(pl.col("doc_id") == "d1")["category"].to_list() == ["finance", "industry", "planning"]


def test_a_named_backend_is_passed_through_to_networkx(load):
    assert coordination_load(PLAN, units=UNITS, backend="networkx").equals(load)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: coordination_load(nx.DiGraph()), "undirected"),
        (lambda: coordination_load(nx.Graph(), by="year"), "pass the assignments frame"),
        (lambda: coordination_load(nx.Graph(), units=UNITS), "pass them to coordination_graph"),
        (lambda: coordination_load(PLAN, by="month"), "by= must be one of"),
        (lambda: coordination_load(PLAN, backend="no-such-backend"), "no-such-backend"),
    ],
)
def test_bad_input_gets_a_clear_message(call, message):
    with pytest.raises(NetworkInputError, match=message):
        call()
