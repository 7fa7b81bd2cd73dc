"""Profile of ``ingest(workers=1)`` of the shared corpus into a fresh project: its CPU seconds unprofiled,
then a cProfile (cumulative top 25, own-time top 15).

Run from a checkout: ``.venv/bin/python benchmarks/profiles/profile_ingest.py OUT`` writes OUT.txt and
OUT.pstats. The two .txt files beside this script are its output before and after the speed work of
issue 18 (the code of 8fc8181, and of the merge that closed the work), made one after the other on a
quiet machine.
"""
from __future__ import annotations

import cProfile
import io
import pstats
import sys
import tempfile
import time
from pathlib import Path

from policykit.ingest import ingest
from policykit.notebooks import find_corpus
from policykit.project import Project


def main(out: str) -> None:
    corpus = find_corpus(Project(Path(tempfile.mkdtemp(prefix="pk-profile-"))))
    if corpus is None:
        raise SystemExit("no shared corpus found (set POLICYKIT_CORPUS)")
    started = time.process_time()
    ingest(Project(Path(tempfile.mkdtemp(prefix="pk-profile-"))), [corpus], workers=1)
    plain = time.process_time() - started
    profiler = cProfile.Profile()
    profiler.enable()
    ingest(Project(Path(tempfile.mkdtemp(prefix="pk-profile-"))), [corpus], workers=1)
    profiler.disable()
    profiler.dump_stats(f"{out}.pstats")
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    stats.sort_stats("cumulative").print_stats(25)
    stats.sort_stats("tottime").print_stats(15)
    Path(f"{out}.txt").write_text(f"unprofiled ingest CPU-s {plain:.2f}\n" + text.getvalue(), encoding="utf-8")
    print(f"unprofiled ingest CPU-s {plain:.2f}")


if __name__ == "__main__":
    main(sys.argv[1])
