"""Reading and extraction throughput per CPU-second, beside the floor (decode + one regex pass).

Run: ``.venv/bin/python benchmarks/read_bench.py [--mb 50] [--corpus DIR] [--skip LIST] [--profile N]``.
Reads every ``.txt``/``.md`` file of ``--corpus`` (default: the seeds in data/raw), repeated to about
``--mb`` megabytes, and prints, per stage, CPU seconds and MB per CPU-second (the per-core figure; wall
clock also counts waiting for a core on a shared machine):

- ``read_source``: decode, clean, split, metadata;
- ``extract_document``: every extractor, on the documents read;
- ``floor``: decode plus one pass of a number pattern over the same bytes, the least any reader does.

``--skip`` names a file of corpus-relative paths (one a line) left out, e.g. documents held back for
blind scoring. ``--profile N`` prints the N costliest functions of the extraction (cProfile, cumulative).
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import re
import time
from pathlib import Path

from policykit.extract import extract_document
from policykit.text import read_source

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _files(corpus: Path, skip: set[str]) -> list[tuple[str, bytes]]:
    return [(str(p.relative_to(corpus)), p.read_bytes()) for p in sorted(corpus.rglob("*"))
            if p.is_file() and p.suffix in (".txt", ".md") and str(p.relative_to(corpus)) not in skip]


def _cpu(fn) -> float:
    started = time.process_time()
    fn()
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="total megabytes to read (default 50)")
    parser.add_argument("--corpus", type=Path, default=RAW, help="folder of documents (default data/raw)")
    parser.add_argument("--skip", type=Path, help="file of corpus-relative paths to leave out")
    parser.add_argument("--profile", type=int, default=0, help="print the N costliest extraction functions")
    args = parser.parse_args()
    skip = set(args.skip.read_text().split()) if args.skip else set()
    files = _files(args.corpus, skip)
    size = sum(len(data) for _, data in files)
    rounds = max(1, round(args.mb * 1e6 / size))
    extract_document("力争达到20家以上。")  # patterns and word lists load once, outside the figures
    documents: list = []
    read = _cpu(lambda: [documents.extend(read_source(data, name).documents)
                         for _ in range(rounds) for name, data in files])
    profile = cProfile.Profile() if args.profile else None
    if profile:
        profile.enable()
    extract = _cpu(lambda: [extract_document(d.text, d.metadata) for d in documents])
    if profile:
        profile.disable()
    floor = _cpu(lambda: [len(_NUMBER.findall(data.decode("utf-8", "replace"))) for _ in range(rounds) for _, data in files])
    mb = size * rounds / 1e6
    print(f"{len(files)} files, {mb:.1f} MB ({rounds} rounds), {len(documents)} documents")
    for stage, cpu in (("read_source", read), ("extract_document", extract), ("both", read + extract), ("floor", floor)):
        print(f"{stage:17s} {cpu:8.2f} CPU-s {mb / cpu:8.2f} MB/s per core {cpu / floor:8.0f}x the floor")
    if profile:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(args.profile)


if __name__ == "__main__":
    main()
