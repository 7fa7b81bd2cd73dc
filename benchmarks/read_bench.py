"""Reading-stage throughput: MB/s of read_source on the seed files, repeated to about 50 MB.

Run: ``.venv/bin/python benchmarks/read_bench.py [--mb 50]``. Prints one line per seed (wall clock)
and the totals, by wall clock and by CPU time (the per-core figure).
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from policykit.text import read_source

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=50.0, help="total megabytes to read (default 50)")
    args = parser.parse_args()
    seeds = [(p.name, p.read_bytes()) for p in sorted(RAW.glob("*.txt"))]
    seed_bytes = sum(len(data) for _, data in seeds)
    rounds = max(1, round(args.mb * 1e6 / seed_bytes))
    per_seed = {name: 0.0 for name, _ in seeds}
    total_docs = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        for name, data in seeds:
            t0 = time.perf_counter()
            total_docs += len(read_source(data, name).documents)
            per_seed[name] += time.perf_counter() - t0
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    for name, data in seeds:
        print(f"{name:60s} {len(data) * rounds / 1e6 / per_seed[name]:7.2f} MB/s")
    total_mb = seed_bytes * rounds / 1e6
    print(f"read_source: {total_mb:.1f} MB in {elapsed:.2f} s = {total_mb / elapsed:.2f} MB/s wall clock ({total_docs} documents, {rounds} rounds)")
    # CPU time is the per-core figure; wall clock also counts waiting for a core on a shared machine
    print(f"read_source: {total_mb / cpu:.2f} MB/s per core (CPU time {cpu:.2f} s)")


if __name__ == "__main__":
    main()
