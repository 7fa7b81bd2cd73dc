"""The network layer on the frames the pipeline built, when data/processed holds them."""
from pathlib import Path

import polars as pl
import pytest

from policykit.network import coordination_graph, coordination_load, network_summary

PROCESSED = Path(__file__).resolve().parents[2] / "data" / "processed"
FRAMES = ("assignments", "units", "documents")

pytestmark = pytest.mark.skipif(
    not all((PROCESSED / f"{name}.parquet").exists() for name in FRAMES),
    reason="data/processed/{assignments,units,documents}.parquet not built yet (run `policykit build`)",
)


def test_load_frame_agrees_with_the_assignments_it_came_from():
    assignments, units, documents = (pl.read_parquet(PROCESSED / f"{name}.parquet") for name in FRAMES)
    graph = coordination_graph(assignments, units=units, documents=documents)
    kept = assignments.filter(~pl.col("placeholder").fill_null(False) & pl.col("unit_id").is_not_null())
    assert set(graph) == set(kept["unit_id"].unique())
    load = coordination_load(graph)
    leads = kept.filter(pl.col("role") == "lead").select("task_id", "unit_id").unique().height
    assert load["tasks_led"].sum() == leads
    assert network_summary(graph)["nodes"].item() == load.height
