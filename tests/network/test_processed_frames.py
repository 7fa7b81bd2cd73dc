"""The network layer on the parquet frames `policykit build` writes from the shipped sample."""
import polars as pl
import pytest

from policykit.dataset import write_frames_streaming
from policykit.network import coordination_graph, coordination_load, network_summary

FRAMES = ("assignments", "units", "documents")


@pytest.fixture(scope="session")
def processed(sample_project, tmp_path_factory):
    """The sample's frames as `policykit build` writes them (the streaming build), in a folder of their own."""
    paths, _ = write_frames_streaming(sample_project, folder=tmp_path_factory.mktemp("processed"))
    return {name: pl.read_parquet(paths[name]) for name in FRAMES}


def test_load_frame_agrees_with_the_assignments_it_came_from(processed):
    assignments, units, documents = (processed[name] for name in FRAMES)
    graph = coordination_graph(assignments, units=units, documents=documents)
    kept = assignments.filter(~pl.col("placeholder").fill_null(False) & pl.col("unit_id").is_not_null())
    assert kept.height > 0 and set(graph) == set(kept["unit_id"].unique())
    load = coordination_load(graph)
    leads = kept.filter(pl.col("role") == "lead").select("task_id", "unit_id").unique().height
    assert leads > 0 and load["tasks_led"].sum() == leads
    assert network_summary(graph)["nodes"].item() == load.height
