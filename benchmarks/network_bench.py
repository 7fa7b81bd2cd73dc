"""Time the coordination projection and the load frame on synthetic corpora (10k and 100k tasks).

Run: ``.venv/bin/python benchmarks/network_bench.py [n_tasks ...]``. Units are drawn with a
Zipf-like popularity (a few departments such as 发改委 sit on many tasks, most on few), one
lead and 0–7 other units per task (responsible or participant), about 2 000 units in all,
50 tasks per document.
"""
from __future__ import annotations

import sys
import time

import numpy as np
import polars as pl

from policykit.network import coordination_graph, coordination_load, network_summary

N_UNITS = 2000
TASKS_PER_DOC = 50


def synthetic_assignments(n_tasks: int, seed: int = 7) -> pl.DataFrame:
    """A random assignments frame with the contract's columns."""
    rng = np.random.default_rng(seed)
    popularity = 1.0 / np.arange(1, N_UNITS + 1) ** 0.8
    popularity /= popularity.sum()
    sizes = rng.integers(1, 3, n_tasks) + rng.integers(0, 7, n_tasks)
    task = np.repeat(np.arange(n_tasks), sizes)
    unit = rng.choice(N_UNITS, size=task.size, p=popularity)
    first_of_task = np.r_[True, task[1:] != task[:-1]]
    role = np.where(first_of_task, "lead", np.where(rng.random(task.size) < 0.3, "responsible", "participant"))
    frame = pl.DataFrame({
        "task_id": [f"t{t}" for t in task.tolist()],
        "doc_id": [f"d{t // TASKS_PER_DOC}" for t in task.tolist()],
        "clause": np.zeros(task.size, dtype=np.int64),
        "unit_id": [f"u{u}" for u in unit.tolist()],
        "role": role,
        "placeholder": rng.random(task.size) < 0.02,
    })
    return frame.with_columns(mention=pl.col("unit_id")).unique(["task_id", "unit_id"], keep="first", maintain_order=True)


def timed(action):
    started = time.perf_counter()
    result = action()
    return result, time.perf_counter() - started


def main(sizes: list[int]) -> None:
    print(f"{'tasks':>8} {'rows':>8} {'units':>6} {'edges':>8} {'project s':>10} {'load s':>8} {'summary s':>10}  betweenness")
    for n_tasks in sizes:
        assignments = synthetic_assignments(n_tasks)
        graph, project_s = timed(lambda: coordination_graph(assignments))
        load, load_s = timed(lambda: coordination_load(graph))
        _, summary_s = timed(lambda: network_summary(graph))
        pivots = load["betweenness_pivots"][0]
        how = "exact" if pivots is None else f"sampled, k={pivots}"
        print(f"{n_tasks:>8} {assignments.height:>8} {graph.number_of_nodes():>6} {graph.number_of_edges():>8} "
              f"{project_s:>10.2f} {load_s:>8.2f} {summary_s:>10.2f}  {how}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000, 100_000])
