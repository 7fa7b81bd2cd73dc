import pytest

from policykit.network import NetworkInputError, coordination_graph, network_diff

from ._frames import DOCUMENTS, PLAN


def test_units_and_ties_gained_lost_strengthened_and_weakened():
    before = coordination_graph(PLAN, documents=DOCUMENTS, year=2021)
    after = coordination_graph(PLAN.filter(PLAN["task_id"] != "t3"))
    diff = network_diff(before, after)
    assert diff.units.select("node", "status").rows() == [
        ("a", "kept"), ("b", "kept"), ("c", "kept"), ("d", "lost"), ("e", "gained"),
    ]
    assert diff.edges.select("source", "target", "weight_before", "weight_after", "change", "status").rows() == [
        ("a", "b", 2, 2, 0, "unchanged"),
        ("a", "c", 1, 1, 0, "unchanged"),
        ("a", "e", None, 1, 1, "gained"),
        ("b", "c", 2, 1, -1, "weakened"),
        ("b", "d", 1, None, -1, "lost"),
        ("c", "d", 1, None, -1, "lost"),
    ]


def test_strengthened_tie_and_labels():
    before = coordination_graph(PLAN, doc_id="d1", role=["lead", "participant"])
    after = coordination_graph(PLAN, doc_id="d1")
    diff = network_diff(before, after)
    assert diff.edges.filter(diff.edges["status"] == "strengthened").select("source", "target").rows() == [("a", "b"), ("b", "c")]
    assert diff.units["label"].to_list() == ["a局", "b局", "c局", "d局"]


def test_diff_rejects_directed_graphs():
    import networkx as nx

    with pytest.raises(NetworkInputError):
        network_diff(nx.DiGraph(), nx.Graph())
