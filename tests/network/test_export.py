import networkx as nx
import polars as pl
import pytest

from policykit.network import NetworkInputError, coordination_graph, export_network, lead_graph

from ._frames import PLAN, UNITS


@pytest.fixture(scope="module")
def graph() -> nx.Graph:
    return coordination_graph(PLAN, units=UNITS)


def edge_weights(graph: nx.Graph) -> dict:
    return {frozenset((u, v)): float(w) for u, v, w in graph.edges(data="weight")}


@pytest.mark.parametrize(("format", "read"), [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_gephi_formats_load_back_with_the_same_nodes_edges_and_weights(graph, tmp_path, format, read):
    path = tmp_path / f"net.{format}"
    assert export_network(graph, path, format) == [path]
    loaded = read(path)
    assert set(loaded) == set(graph)
    assert edge_weights(loaded) == edge_weights(graph)
    assert loaded.nodes["a"]["name_en"] == "Municipal DRC"
    assert loaded.nodes["a"]["tasks_led"] == 3


def test_directed_graph_round_trip(tmp_path):
    graph = lead_graph(PLAN)
    export_network(graph, tmp_path / "lead.graphml", "graphml")
    loaded = nx.read_graphml(tmp_path / "lead.graphml")
    assert loaded.is_directed() and set(loaded.edges) == set(graph.edges)


def test_ucinet_fullmatrix_with_chinese_labels(graph, tmp_path):
    small = graph.subgraph(["a", "b", "e"])
    lines = export_network(small, tmp_path / "net.dl", "dl")[0].read_text(encoding="utf-8").splitlines()
    assert lines == [
        "dl n=3", "format = fullmatrix", "labels:", '"市发展改革委"', '"市财政局"', '"省发展改革委"', "data:",
        "0 2 1", "2 0 0", "1 0 0",
    ]


def test_ucinet_edgelist_with_english_labels(graph, tmp_path):
    small = graph.subgraph(["a", "b", "e"])
    text = export_network(small, tmp_path / "net.dl", "dl-edgelist", labels="name_en")[0].read_text(encoding="utf-8")
    assert text.splitlines()[1:4] == ["format = edgelist1", "labels:", '"Municipal DRC"']
    assert text.split("data:\n")[1].splitlines() == ["1 2 2", "1 3 1", "2 1 2", "3 1 1"]


def test_ucinet_directed_matrix_is_not_symmetrised(tmp_path):
    graph = nx.DiGraph([("p", "q", {"weight": 4})])
    lines = export_network(graph, tmp_path / "lead.dl", "dl", labels="id")[0].read_text().splitlines()
    assert lines[-2:] == ["0 4", "0 0"]


def test_csv_nodes_and_edges_with_chinese_and_english_labels(graph, tmp_path):
    nodes_path, edges_path = export_network(graph, tmp_path / "net.csv", "csv")
    assert (nodes_path.name, edges_path.name) == ("net_nodes.csv", "net_edges.csv")
    assert edges_path.read_bytes().startswith(b"\xef\xbb\xbf")
    edges = pl.read_csv(edges_path)
    row = edges.filter((pl.col("source") == "a") & (pl.col("target") == "e")).row(0, named=True)
    assert row == {"source": "a", "target": "e", "source_name": "市发展改革委", "source_name_en": "Municipal DRC",
                   "target_name": "省发展改革委", "target_name_en": "Provincial DRC", "weight": 1.0}
    nodes = pl.read_csv(nodes_path)
    assert nodes.filter(pl.col("id") == "c").select("name", "category", "tasks").row(0) == ("市经信局", "industry", 2)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"format": "pajek"}, "format must be one of"),
        ({"format": "dl", "labels": "pinyin"}, "labels must be one of"),
        ({"format": "gexf", "path": "/nonexistent/dir/net.gexf"}, "does not exist"),
    ],
)
def test_bad_export_options(graph, tmp_path, options, message):
    options.setdefault("path", tmp_path / "net.out")
    with pytest.raises(NetworkInputError, match=message):
        export_network(graph, **options)
