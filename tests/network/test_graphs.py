from policykit.network import bipartite_graph, lead_graph

from ._frames import PLAN, UNITS, assignments


def test_bipartite_graph_sides_roles_and_clauses():
    graph = bipartite_graph(PLAN)
    tasks = {n for n, side in graph.nodes(data="bipartite") if side == 0}
    assert tasks == {"t1", "t2", "t3", "t4", "t5"}
    assert graph.nodes["t4"]["doc_id"] == "d2"
    assert sorted(graph.neighbors("t3")) == ["b", "c", "d"]
    assert graph["t3"]["c"] == {"role": "responsible", "clauses": 1}
    assert graph["t1"]["a"]["role"] == "lead"


def test_bipartite_edge_keeps_the_strongest_role_and_counts_clauses():
    graph = bipartite_graph(assignments(("t", "d", 0, "a", "participant"), ("t", "d", 2, "a", "lead")))
    assert graph["t"]["a"] == {"role": "lead", "clauses": 2}


def test_bipartite_registry_attributes():
    graph = bipartite_graph(PLAN, units=UNITS)
    assert graph.nodes["b"]["label"] == "市财政局" and graph.nodes["b"]["kind"] == "unit_id"


def test_lead_graph_responsible_units_work_under_a_named_lead_only():
    # t1: a → b, a → c; t2 has no lead (a, b peers); t3: b → c (responsible), b → d; t5: a → e
    assert sorted(lead_graph(PLAN).edges(data="weight")) == [
        ("a", "b", 1), ("a", "c", 1), ("a", "e", 1), ("b", "c", 1), ("b", "d", 1),
    ]


def test_lead_graph_without_responsible_units():
    assert ("b", "c") not in lead_graph(PLAN, responsible_coordinated=False).edges


def test_lead_graph_weights_count_tasks_and_skip_self_loops():
    frame = assignments(
        ("t1", "d", 0, "a", "lead"), ("t1", "d", 0, "b", "participant"),
        ("t2", "d", 0, "a", "lead"), ("t2", "d", 0, "b", "participant"), ("t2", "d", 1, "a", "participant"),
    )
    graph = lead_graph(frame)
    assert list(graph.edges(data="weight")) == [("a", "b", 2)]
    assert graph.is_directed() and graph.nodes["a"]["tasks_led"] == 2
