"""Concurrent writers on each log backend, counted: events/s, and 0 lost, 0 doubled, seq gap-free.

The bigger run of tests/test_concurrency.py (`make test` keeps that one to seconds):

    python benchmarks/log_writers.py --writers 1 4 8 --batches 500 --per-batch 10

PostgreSQL comes from pgserver (``pip install -e '.[test,postgres]'``), started in a temporary folder.
"""
from __future__ import annotations

import argparse
import multiprocessing
import shutil
import sys
import tempfile
import time
import warnings
from collections import Counter
from pathlib import Path

from policykit.log import EventLog, RecordRejected


def _write(location, writer: int, batches: int, per_batch: int, start) -> None:
    start.wait()
    with EventLog(location) as log:
        for batch in range(batches):
            log.append([RecordRejected(reason="load", record_id=f"w{writer}/{batch}/{k}") for k in range(per_batch)],
                       recorded_by=f"writer{writer}", batch_key=f"w{writer}/{batch}")


def run(location, writers: int, batches: int, per_batch: int) -> dict:
    EventLog(location).close()
    context = multiprocessing.get_context("fork")
    start = context.Barrier(writers + 1)
    processes = [context.Process(target=_write, args=(location, w, batches, per_batch, start)) for w in range(writers)]
    for process in processes:
        process.start()
    start.wait()
    began = time.perf_counter()
    for process in processes:
        process.join()
    seconds = time.perf_counter() - began
    with EventLog(location, create=False) as log:
        stored = [(seq, by) for seq, _t, _v, _at, by, *_ in log.raw_rows()]
        ids = Counter(e.event.record_id for e in log.read())
        sound = log.verify().ok
    expected = writers * batches * per_batch
    return {"writers": writers, "events": len(stored), "seconds": round(seconds, 2),
            "events_per_s": round(len(stored) / seconds), "transactions_per_s": round(writers * batches / seconds),
            "lost": expected - len(ids), "doubled": sum(n - 1 for n in ids.values()),
            "gap_free": [s for s, _ in stored] == list(range(1, len(stored) + 1)), "chain_sound": sound,
            "exit_codes": [p.exitcode for p in processes]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--batches", type=int, default=200, help="transactions per writer")
    parser.add_argument("--per-batch", type=int, default=10, help="events per transaction")
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], nargs="+", default=["sqlite", "postgresql"])
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="pk-lw-"))
    server = None
    try:
        if "postgresql" in args.backend:
            import psycopg
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                import pgserver
            server = pgserver.get_server(work / "pg", cleanup_mode="stop")
        ok = True
        for backend in args.backend:
            for n, writers in enumerate(args.writers):
                if backend == "sqlite":
                    location = work / f"events-{n}.sqlite"
                else:
                    with psycopg.connect(server.get_uri(), autocommit=True) as db:
                        db.execute(f"CREATE DATABASE bench_{n}")
                    location = server.get_uri().replace("/postgres?", f"/bench_{n}?", 1)
                result = run(location, writers, args.batches, args.per_batch)
                ok &= not result["lost"] and not result["doubled"] and result["gap_free"] and result["chain_sound"]
                print(backend, result, flush=True)
        return 0 if ok else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
