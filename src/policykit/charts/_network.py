"""The coordination network drawn: a node-link figure and a unit × unit heatmap of shared tasks."""
from __future__ import annotations

import altair as alt
import networkx as nx
import polars as pl

from ..network import coordination_graph, coordination_load
from ._base import WIDTH, empty_chart
from ._labels import chart_title, term, unit_label
from ._theme import PALETTE

_COLOURED = len(PALETTE) - 1  # the largest groups get a palette colour; the rest share grey
_GREY = "#BBBBBB"


def _graph(network: nx.Graph | pl.DataFrame, units: pl.DataFrame | None) -> nx.Graph:
    """The coordination graph itself, or one built from an assignments frame."""
    if isinstance(network, pl.DataFrame):
        return coordination_graph(network, units=units)
    return network


def _nodes(graph: nx.Graph, lang: str, seed: int) -> pl.DataFrame:
    """One row per node: label, weighted degree, community and category."""
    load = coordination_load(graph, seed=seed)
    key = load.columns[0]
    return load.select(pl.col(key).alias("node"), unit_label(lang), "weighted_degree", "tasks", "community",
                       pl.col("category").fill_null(term("unclassified", lang)))


def _group_colours(nodes: pl.DataFrame, colour: str, lang: str) -> tuple[pl.DataFrame, list[str], list[str]]:
    """The colour group of each node: the largest groups keep their name, the others become "other"."""
    if colour not in ("community", "category"):
        raise ValueError(f"colour={colour!r}: use 'community' or 'category'")
    sizes = (nodes.group_by(colour).agg(n=pl.len()).with_columns(pl.col(colour).cast(pl.String))
             .sort(["n", colour], descending=[True, False]))
    kept = sizes[colour].head(_COLOURED).to_list()
    other = term("other", lang)
    grouped = nodes.with_columns(group=pl.col(colour).cast(pl.String)).with_columns(
        group=pl.when(pl.col("group").is_in(kept)).then(pl.col("group")).otherwise(pl.lit(other)))
    domain = kept + ([other] if sizes.height > len(kept) else [])
    return grouped, domain, PALETTE[:len(kept)] + [_GREY] * (len(domain) - len(kept))


def _component_layout(component: nx.Graph, seed: int) -> dict:
    """Spring layout of one connected component, in a box of side sqrt(size) (bigger parts get more room)."""
    ordered = nx.Graph()  # the layout depends on insertion order: fix it
    ordered.add_nodes_from(sorted(component.nodes))
    ordered.add_weighted_edges_from(sorted((min(u, v), max(u, v), w)
                                           for u, v, w in component.edges(data="weight", default=1)))
    n = ordered.number_of_nodes()
    if n == 1:
        return {next(iter(ordered)): (0.5, 0.5)}
    # A longer spring than networkx's default 1/sqrt(n) spreads the dense core so labels can be read.
    raw = nx.spring_layout(ordered, seed=seed, weight="weight", k=2.5 / n ** 0.5, iterations=200)
    xs, ys = [p[0] for p in raw.values()], [p[1] for p in raw.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    side = n ** 0.5
    return {v: ((p[0] - min(xs)) / span * side, (p[1] - min(ys)) / span * side) for v, p in raw.items()}


def _layout(graph: nx.Graph, seed: int) -> dict:
    """Positions of all nodes: each component laid out on its own, then packed in rows, largest first.

    One spring layout of a disconnected graph throws the small components to the edges and
    squeezes the main one; packing keeps every part readable.
    """
    parts = sorted(nx.connected_components(graph), key=lambda c: (-len(c), min(c)))
    row_width = max(len(parts[0]) ** 0.5, (sum(len(c) for c in parts) ** 0.5) * 1.3)
    position, x, y, row_height, gap = {}, 0.0, 0.0, 0.0, 0.6
    for part in parts:
        side = len(part) ** 0.5
        if x > 0 and x + side > row_width:
            x, y, row_height = 0.0, y - row_height - gap, 0.0
        for v, (px, py) in _component_layout(graph.subgraph(part), seed).items():
            position[v] = (round(x + px, 4), round(y - py, 4))
        x, row_height = x + side + gap, max(row_height, side)
    return position


_LABEL_SIZE = 10


def _domain(values: pl.Series) -> list[float]:
    low, high = float(values.min()), float(values.max())
    margin = max(high - low, 1.0) * 0.04
    return [low - margin, high + margin]


def _text_width(text: str) -> float:
    """Rough width in pixels at the label size: CJK glyphs are square, Latin ones about half as wide."""
    return sum(_LABEL_SIZE if ord(c) > 0x2E7F else _LABEL_SIZE * 0.56 for c in text)


def _place_labels(named: pl.DataFrame, x_domain: list[float], y_domain: list[float], width: int,
                  height: int) -> pl.DataFrame:
    """Label positions that do not overlap: right of the node, else left, above or below.

    Labels are placed in order (most connected first); one that fits nowhere is left out rather
    than printed over another.
    """
    def px(x: float, y: float) -> tuple[float, float]:
        return ((x - x_domain[0]) / (x_domain[1] - x_domain[0]) * width,
                (y_domain[1] - y) / (y_domain[1] - y_domain[0]) * height)

    placed: list[tuple[float, float, float, float]] = []
    rows = []
    for row in named.iter_rows(named=True):
        cx, cy = px(row["x"], row["y"])
        w, h, gap = _text_width(row["label"]) + 4, _LABEL_SIZE + 4, 8  # 2 px of air on each side
        for mx, my in ((cx + gap + w / 2, cy), (cx - gap - w / 2, cy), (cx, cy - gap - h / 2), (cx, cy + gap + h / 2)):
            box = (mx - w / 2, my - h / 2, mx + w / 2, my + h / 2)
            if all(box[2] <= b[0] or box[0] >= b[2] or box[3] <= b[1] or box[1] >= b[3] for b in placed):
                placed.append(box)
                rows.append({**row, "label_x": round(x_domain[0] + mx / width * (x_domain[1] - x_domain[0]), 4),
                             "label_y": round(y_domain[1] - my / height * (y_domain[1] - y_domain[0]), 4)})
                break
    return pl.DataFrame(rows, schema={**named.schema, "label_x": pl.Float64, "label_y": pl.Float64})


def network_chart(network: nx.Graph | pl.DataFrame, *, units: pl.DataFrame | None = None, colour: str = "community",
                  top_labels: int = 10, isolates: bool = False, lang: str = "zh", seed: int = 0,
                  title: str | None = None) -> alt.LayerChart:
    """Node-link figure of the coordination network.

    Positions come from networkx's spring layout with a fixed ``seed`` (same graph, same
    figure); node area is the weighted degree, colour the Louvain community or the registry's
    functional category, and up to ``top_labels`` units with the highest weighted degree are
    named (a label that would overlap one already placed is left out).
    Units that share no task are left out unless ``isolates=True`` (their loads are in the load frame).

    Parameters
    ----------
    network : networkx.Graph or polars.DataFrame
        A graph from ``policykit.network.coordination_graph`` (filter it there), or an
        assignments frame to build one from (with ``units``).
    units : polars.DataFrame, optional
        The units frame, when ``network`` is an assignments frame.
    colour : {"community", "category"}
    top_labels : int
    isolates : bool
    lang : {"zh", "en", "both"}
    seed : int
        Seed of the layout and of the communities.
    title : str, optional

    Examples
    --------
    >>> g = nx.Graph([("a", "b", {"weight": 2}), ("b", "c", {"weight": 1})])
    >>> network_chart(g).to_dict()["layer"][1]["mark"]["type"]
    'circle'
    """
    heading = title or chart_title("title_network", lang)
    graph = _graph(network, units)
    if graph.number_of_nodes() == 0:
        return alt.layer(empty_chart(heading, "no units in the selected assignments"))
    # Communities of the whole graph, as coordination_load gives them for the load table beside the figure.
    every = _nodes(graph, lang, seed)
    if not isolates:
        graph = graph.subgraph(n for n in graph if graph.degree(n) > 0)
        if graph.number_of_nodes() == 0:
            return alt.layer(empty_chart(heading, "no two units share a task"))
    xy = _layout(graph, seed)
    nodes, domain, colours = _group_colours(every.filter(pl.col("node").is_in(list(graph.nodes))), colour, lang)
    edges = pl.DataFrame([{"x": xy[u][0], "y": xy[u][1], "x2": xy[v][0], "y2": xy[v][1], "weight": float(w)}
                          for u, v, w in sorted(graph.edges(data="weight", default=1))],
                         schema={"x": pl.Float64, "y": pl.Float64, "x2": pl.Float64, "y2": pl.Float64,
                                 "weight": pl.Float64})
    nodes = nodes.with_columns(x=pl.col("node").replace_strict({n: p[0] for n, p in xy.items()}, return_dtype=pl.Float64),
                               y=pl.col("node").replace_strict({n: p[1] for n, p in xy.items()}, return_dtype=pl.Float64))
    width, height = WIDTH + 120, WIDTH
    # Explicit domains (no nice rounding) so that label boxes can be placed in pixels.
    x_domain, y_domain = _domain(nodes["x"]), _domain(nodes["y"])
    hidden = alt.Axis(title=None, labels=False, ticks=False, domain=False, grid=False)
    x_scale = alt.Scale(domain=x_domain, nice=False, zero=False)
    y_scale = alt.Scale(domain=y_domain, nice=False, zero=False)
    x, y = alt.X("x:Q", axis=hidden, scale=x_scale), alt.Y("y:Q", axis=hidden, scale=y_scale)
    links = alt.Chart(edges).mark_rule(color="#999").encode(
        x=x, y=y, x2="x2:Q", y2="y2:Q",
        strokeWidth=alt.StrokeWidth("weight:Q", scale=alt.Scale(range=[0.4, 3]), legend=None),
        opacity=alt.Opacity("weight:Q", scale=alt.Scale(range=[0.25, 0.7]), legend=None))
    points = alt.Chart(nodes).mark_circle(opacity=0.9, stroke="white", strokeWidth=0.8).encode(
        x=x, y=y,
        size=alt.Size("weighted_degree:Q", scale=alt.Scale(range=[20, 600]), title=term("weighted_degree", lang),
                      legend=None),
        color=alt.Color("group:N", scale=alt.Scale(domain=domain, range=colours), title=term(colour, lang),
                        legend=alt.Legend(orient="bottom", columns=4)),
        tooltip=[alt.Tooltip("label:N", title=term("unit", lang)), "weighted_degree:Q", "tasks:Q", "group:N"])
    named = _place_labels(nodes.sort(["weighted_degree", "label"], descending=[True, False]).head(top_labels),
                          x_domain, y_domain, width, height)
    labels = alt.Chart(named).mark_text(fontSize=_LABEL_SIZE, baseline="middle").encode(
        x=alt.X("label_x:Q", axis=hidden, scale=x_scale), y=alt.Y("label_y:Q", axis=hidden, scale=y_scale), text="label:N")
    return alt.layer(links, points, labels).properties(title=heading, width=width, height=height)


def shared_tasks_heatmap(network: nx.Graph | pl.DataFrame, *, units: pl.DataFrame | None = None, top: int = 25,
                         lang: str = "zh", seed: int = 0, title: str | None = None) -> alt.Chart:
    """Unit × unit heatmap of the number of tasks each pair shares.

    The ``top`` units by weighted degree are shown, ordered by community and then by weighted
    degree, so that groups of departments that work together appear as blocks.

    Examples
    --------
    >>> g = nx.Graph([("a", "b", {"weight": 2}), ("b", "c", {"weight": 1})])
    >>> shared_tasks_heatmap(g).to_dict()["mark"]["type"]
    'rect'
    """
    heading = title or chart_title("title_heatmap", lang, top=top)
    graph = _graph(network, units)
    if graph.number_of_edges() == 0:
        return empty_chart(heading, "no two units share a task")
    nodes = (_nodes(graph, lang, seed).sort(["weighted_degree", "label"], descending=[True, False]).head(top)
             .sort(["community", "weighted_degree", "label"], descending=[False, True, False]))
    label_of = dict(zip(nodes["node"], nodes["label"]))
    cells = pl.DataFrame([{"a": label_of[u], "b": label_of[v], "shared": int(w)}
                          for u, v, w in graph.edges(data="weight") if u in label_of and v in label_of
                          for u, v in ((u, v), (v, u))],
                         schema={"a": pl.String, "b": pl.String, "shared": pl.Int64})
    order = nodes["label"].to_list()
    return alt.Chart(cells).mark_rect().encode(
        x=alt.X("b:N", sort=order, title=None, axis=alt.Axis(labelAngle=-60, labelLimit=0)),  # 0: never cut a name
        y=alt.Y("a:N", sort=order, title=None, axis=alt.Axis(labelLimit=0)),
        color=alt.Color("shared:Q", title=term("shared_tasks", lang), scale=alt.Scale(scheme="blues"),
                        legend=alt.Legend(orient="right")),
        tooltip=["a:N", "b:N", alt.Tooltip("shared:Q", title=term("shared_tasks", lang))],
    ).properties(title=heading, width=alt.Step(16), height=alt.Step(16))
