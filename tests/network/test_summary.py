import networkx as nx
import pytest

from policykit.network import NetworkInputError, compare_networks, coordination_graph, network_summary

from ._frames import DOCUMENTS, PLAN, UNITS


def test_summary_by_hand():
    graph = coordination_graph(PLAN)
    row = network_summary(graph).row(0, named=True)
    communities = nx.community.louvain_communities(graph, weight="weight", seed=0)
    assert row == pytest.approx({
        "nodes": 5, "edges": 6, "density": 0.6,
        # degrees 3, 3, 3, 2, 1: (0 + 0 + 0 + 1 + 2) / (4 · 3)
        "degree_centralization": 0.25,
        # tasks led 3, 1, 0, 0, 0: shares .75 and .25
        "lead_hhi": 0.625, "lead_gini": 0.7,
        "components": 1, "communities": len(communities),
        "modularity": nx.community.modularity(graph, communities, weight="weight"),
    })


@pytest.mark.parametrize(("graph", "expected"), [(nx.star_graph(4), 1.0), (nx.cycle_graph(6), 0.0), (nx.path_graph(2), None)])
def test_freeman_centralization_extremes(graph, expected):
    assert network_summary(graph)["degree_centralization"].item() == expected


def test_lead_concentration_when_nobody_leads():
    row = network_summary(coordination_graph(PLAN, role="participant")).row(0, named=True)
    assert row["lead_hhi"] is None and row["lead_gini"] is None


def test_empty_graph():
    row = network_summary(nx.Graph()).row(0, named=True)
    assert (row["nodes"], row["components"], row["communities"], row["modularity"]) == (0, 0, 0, None)


def test_compare_jurisdictions_on_categories():
    compared = compare_networks(PLAN, "jurisdiction", documents=DOCUMENTS, units=UNITS)
    assert compared.select("jurisdiction", "nodes", "edges").rows() == [("广东省", 1, 0), ("成都市", 3, 3)]


def test_compare_years_keeps_integer_years():
    compared = compare_networks(PLAN, "year", documents=DOCUMENTS, node="unit_id")
    assert compared.select("year", "nodes", "edges", "lead_hhi").rows() == [(2021, 4, 5, 0.5), (2022, 2, 1, 1.0)]


def test_summary_rejects_directed_graphs():
    with pytest.raises(NetworkInputError, match="undirected"):
        network_summary(nx.DiGraph())
