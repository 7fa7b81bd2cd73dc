import networkx as nx
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from networkx.algorithms import bipartite

from policykit.network import coordination_graph

from ._frames import PLAN, UNITS, assignments


def weights(graph: nx.Graph) -> dict[frozenset, float]:
    return {frozenset((u, v)): w for u, v, w in graph.edges(data="weight")}


def test_tasks_shared_by_hand():
    # a–b share t1 and t2; a–c t1; b–c t1 and t3; b–d, c–d t3; a–e t5
    assert weights(coordination_graph(PLAN)) == {
        frozenset("ab"): 2, frozenset("ac"): 1, frozenset("bc"): 2, frozenset("bd"): 1,
        frozenset("cd"): 1, frozenset("ae"): 1,
    }


def test_clauses_shared_by_hand():
    # t1 has two clauses: a, b in clause 0, c in clause 1, so a–c and b–c no longer share one there
    assert weights(coordination_graph(PLAN, weight="clauses")) == {
        frozenset("ab"): 2, frozenset("bc"): 1, frozenset("bd"): 1, frozenset("cd"): 1, frozenset("ae"): 1,
    }


def test_newman_weights_by_hand():
    # t1 and t3 have three units (each pair gets 1/2), t2 and t5 two (1)
    assert weights(coordination_graph(PLAN, weight="newman")) == pytest.approx({
        frozenset("ab"): 1.5, frozenset("ac"): 0.5, frozenset("bc"): 1.0, frozenset("bd"): 0.5,
        frozenset("cd"): 0.5, frozenset("ae"): 1.0,
    })


def test_nodes_carry_role_counts_and_registry_labels():
    graph = coordination_graph(PLAN, units=UNITS)
    assert graph.nodes["a"] == {
        "label": "市发展改革委", "name": "市发展改革委", "name_en": "Municipal DRC", "category": "planning",
        "level": "city", "jurisdiction": "成都市", "tasks_led": 3, "tasks_responsible": 1, "tasks_joined": 0,
        "tasks": 4,
    }
    assert graph.degree("a") == 3 and "x" not in graph


def test_without_a_registry_a_unit_is_labelled_by_its_most_frequent_mention():
    renamed = PLAN.with_columns(mention=pl.when(pl.col("task_id") == "t4").then(pl.lit("发改委")).otherwise(pl.col("mention")))
    graph = coordination_graph(renamed)
    assert graph.nodes["a"]["label"] == "a局" and graph.nodes["e"]["label"] == "e局"
    assert coordination_graph(renamed, node="category", units=UNITS).nodes["planning"]["label"] == "planning"


def test_a_unit_named_twice_on_a_task_counts_once():
    twice = assignments(("t", "d", 0, "a", "lead"), ("t", "d", 1, "a", "participant"), ("t", "d", 1, "b", "participant"))
    assert weights(coordination_graph(twice)) == {frozenset("ab"): 1}


def test_empty_selection_gives_an_empty_graph():
    assert coordination_graph(PLAN, role="lead", doc_id="d9").number_of_nodes() == 0


incidences = st.lists(
    st.tuples(st.integers(0, 14), st.integers(0, 9)), min_size=1, max_size=60
)


@settings(max_examples=60, deadline=None)
@given(incidences)
def test_sparse_projection_equals_networkx(pairs):
    frame = assignments(*[(f"t{t}", "d", 0, f"u{u}", "participant") for t, u in pairs])
    reference = nx.Graph((f"t{t}", f"u{u}") for t, u in pairs)
    unit_nodes = sorted({f"u{u}" for _, u in pairs})
    expected = bipartite.weighted_projected_graph(reference, unit_nodes)
    projected = coordination_graph(frame)
    assert set(projected) == set(expected)
    assert weights(projected) == weights(expected)
    newman = bipartite.collaboration_weighted_projected_graph(reference, unit_nodes)
    newman_weights = {e: w for e, w in weights(newman).items() if w > 0}
    assert weights(coordination_graph(frame, weight="newman")) == pytest.approx(newman_weights)
