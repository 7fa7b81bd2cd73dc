"""Write coordination graphs in the formats scholars' tools read: Gephi, UCINET, spreadsheets."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import polars as pl

from ._errors import NetworkInputError

FORMATS = ("gexf", "graphml", "dl", "dl-edgelist", "csv")
LABELS = ("name", "name_en", "id")


def _clean(graph: nx.Graph) -> nx.Graph:
    """A copy whose attributes are all scalars the XML writers accept (nulls and lists dropped)."""
    def scalars(data: dict) -> dict:
        return {k: v for k, v in data.items() if isinstance(v, (str, int, float, bool))}

    clean = graph.__class__()
    clean.graph.update(scalars(graph.graph))
    clean.add_nodes_from((str(n), scalars(d)) for n, d in graph.nodes(data=True))
    clean.add_edges_from((str(u), str(v), scalars(d)) for u, v, d in graph.edges(data=True))
    return clean


def _label(graph: nx.Graph, n, labels: str) -> str:
    data = graph.nodes[n]
    if labels == "name_en":
        return data.get("name_en") or data.get("label") or str(n)
    if labels == "name":
        return data.get("name") or data.get("label") or str(n)
    return str(n)


def _dl_label(text: str) -> str:
    return '"' + text.replace('"', "'") + '"'


def _write_dl(graph: nx.Graph, path: Path, labels: str, *, edgelist: bool) -> None:
    # UCINET DL: header, labels (quoted, one a line), data; undirected ties written both ways
    nodes = list(graph)
    index = {n: i for i, n in enumerate(nodes)}
    lines = [f"dl n={len(nodes)}", "format = " + ("edgelist1" if edgelist else "fullmatrix"), "labels:"]
    lines += [_dl_label(_label(graph, n, labels)) for n in nodes]
    lines.append("data:")
    ties = [(index[u], index[v], w) for u, v, w in graph.edges(data="weight", default=1)]
    if not graph.is_directed():
        ties += [(j, i, w) for i, j, w in ties if i != j]
    if edgelist:
        lines += [f"{i + 1} {j + 1} {w:g}" for i, j, w in sorted(ties)]
    else:
        matrix = [[0] * len(nodes) for _ in nodes]
        for i, j, w in ties:
            matrix[i][j] = w
        lines += [" ".join(f"{w:g}" for w in row) for row in matrix]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _node_frame(graph: nx.Graph) -> pl.DataFrame:
    rows = [{"id": str(n), **{k: v for k, v in d.items() if isinstance(v, (str, int, float, bool))}}
            for n, d in graph.nodes(data=True)]
    return pl.DataFrame(rows, infer_schema_length=None) if rows else pl.DataFrame(schema={"id": pl.String})


def _edge_frame(graph: nx.Graph) -> pl.DataFrame:
    def names(n) -> tuple[str, str | None]:
        return _label(graph, n, "name"), graph.nodes[n].get("name_en")

    rows = [(str(u), str(v), *names(u), *names(v), w) for u, v, w in graph.edges(data="weight", default=1)]
    schema = {"source": pl.String, "target": pl.String, "source_name": pl.String, "source_name_en": pl.String,
              "target_name": pl.String, "target_name_en": pl.String, "weight": pl.Float64}
    return pl.DataFrame(rows, schema=schema, orient="row")


def export_network(graph: nx.Graph, path: str | Path, format: str, *, labels: str = "name") -> list[Path]:
    """Write ``graph`` to ``path`` for Gephi (GEXF, GraphML), UCINET (DL) or a spreadsheet (CSV).

    Parameters
    ----------
    graph : networkx.Graph or networkx.DiGraph
        From :func:`coordination_graph`, :func:`lead_graph` … Node and edge attributes that are
        plain values travel along (GEXF, GraphML, CSV); null and list attributes are left out.
    path : str or pathlib.Path
        The file to write. For ``csv`` two files are written next to it: ``<stem>_nodes.csv``
        and ``<stem>_edges.csv`` (UTF-8 with a byte-order mark, so Excel shows Chinese).
    format : {"gexf", "graphml", "dl", "dl-edgelist", "csv"}
        ``dl`` is UCINET's DL fullmatrix, ``dl-edgelist`` its edgelist1 (1-based node numbers).
        UCINET matrices are square: undirected ties are written in both directions.
    labels : {"name", "name_en", "id"}
        Node labels in DL files (Chinese name, English name, or the node id).

    Returns
    -------
    list of pathlib.Path
        The files written.

    Examples
    --------
    >>> import networkx as nx, tempfile, pathlib
    >>> g = nx.Graph([("a", "b", {"weight": 2})])
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "net.dl"
    >>> export_network(g, out, "dl")[0].read_text().splitlines()[-2:]
    ['0 2', '2 0']
    """
    if format not in FORMATS:
        raise NetworkInputError(f"format must be one of {', '.join(FORMATS)}, got {format!r}")
    if labels not in LABELS:
        raise NetworkInputError(f"labels must be one of {', '.join(LABELS)}, got {labels!r}")
    if not isinstance(graph, nx.Graph) or graph.is_multigraph():
        raise NetworkInputError("export_network takes a networkx Graph or DiGraph")
    path = Path(path)
    if not path.parent.is_dir():
        raise NetworkInputError(f"cannot write {path}: folder {path.parent} does not exist")
    if format == "gexf":
        nx.write_gexf(_clean(graph), path)
    elif format == "graphml":
        nx.write_graphml(_clean(graph), path)
    elif format in ("dl", "dl-edgelist"):
        _write_dl(graph, path, labels, edgelist=format == "dl-edgelist")
    else:
        nodes_path, edges_path = (path.with_name(f"{path.stem}_{part}.csv") for part in ("nodes", "edges"))
        _node_frame(graph).write_csv(nodes_path, include_bom=True)
        _edge_frame(graph).write_csv(edges_path, include_bom=True)
        return [nodes_path, edges_path]
    return [path]
