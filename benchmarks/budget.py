"""Where ingest's CPU time goes on real text, and what issue 18's two per-byte goals would leave for extraction.

Issue 18 asks for ≥ 10 MB per CPU-second and ≤ 3× a minimal regex extractor. This splits one ingest of a corpus into
its parts, each timed in this process on one core (the fastest of ``--passes`` passes, as the bench times its
peers; the cyclic collector paused), and sets each goal beside them:

- the reader: decode, clean, split and read metadata (``read_source``);
- extraction: ``extract_document`` over the reader's documents;
- the rest of ingest: reading and hashing files, events, JSON, compression, the log (ingest with one worker, minus
  the two above);

then counts what extraction asks of the interpreter per MB (Python-level calls, calls into C, regex calls; one
profiled pass). Imports are not timed, as the bench does not time them.

Run: ``.venv/bin/python benchmarks/budget.py [--corpus DIR] [--passes N]`` (the shared corpus by default; under a
minute on it).
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import os
import pstats
import re
import sys
import tempfile
import time
import timeit
from pathlib import Path

import peers

from policykit.extract import extract_document
from policykit.ingest import ingest
from policykit.project import Project
from policykit.text import read_source

GOAL_MB_PER_CPU_S = 10.0
GOAL_TIMES_REGEX = 3.0


def _fastest(run, passes: int) -> float:
    """CPU seconds of the fastest of ``passes`` calls of ``run``, each with the cyclic collector paused: ingest tunes
    the collector for itself (about 1 % of its time), and the parts timed with the default one would not add up."""
    best = float("inf")
    for _ in range(passes):
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()
            run()
            best = min(best, time.process_time() - started)
        finally:
            gc.enable()
    return best


def _read_all(blobs):
    return [d for path, data in blobs for d in read_source(data, str(path)).documents]


def _extract_all(documents) -> int:
    return sum(len(extract_document(d.text, d.metadata).targets) for d in documents)


def _ingest_once(corpus: Path) -> None:
    with tempfile.TemporaryDirectory() as project:
        ingest(Project(Path(project)), [corpus], workers=1)


def calls_per_pass(documents) -> dict[str, int]:
    """What one extraction pass asks of the interpreter: calls of Python functions, calls into C (builtins and
    methods of C types), and of those the calls of compiled regex methods (``re.Pattern``'s)."""
    profile = cProfile.Profile()
    profile.enable()
    _extract_all(documents)
    profile.disable()
    stats = pstats.Stats(profile).stats
    into_c = sum(calls for (filename, _, _), (_, calls, *_) in stats.items() if filename == "~")
    regex = sum(calls for (filename, _, name), (_, calls, *_) in stats.items() if filename == "~" and "re.Pattern" in name)
    total = sum(calls for _, calls, *_ in stats.values())
    return {"python": total - into_c, "c": into_c, "regex": regex}


def empty_call_ns() -> dict[str, float]:
    """CPU nanoseconds of the cheapest call of each kind, from bytecode, beyond the loop that makes it: an empty Python
    function, ``len`` of a short string (the cheapest C call) and a failed search of a compiled pattern over it."""
    names = {"f": lambda: None, "s": "abcde", "p": re.compile("z")}

    def per_call(statement: str) -> float:
        timer = timeit.Timer(statement, globals=names, timer=time.process_time)
        return 1e9 * min(timer.repeat(number=1_000_000, repeat=5)) / 1_000_000

    loop = per_call("pass")
    return {"python": per_call("f()") - loop, "c": per_call("len(s)") - loop, "regex": per_call("p.search(s)") - loop}


def budget(corpus: Path, passes: int = 3) -> dict:
    """The parts of one ingest of ``corpus`` in CPU seconds, the peers, and the goals' CPU seconds."""
    files = peers.corpus_files(corpus)
    blobs = [(path, path.read_bytes()) for path in files]
    size = sum(len(data) for _, data in blobs)
    documents = _read_all(blobs)
    _extract_all(documents)  # a pass first: patterns compiled on first use and memos of the lexicon are filled once
    figures = {
        "bytes": size, "files": len(files), "documents": len(documents),
        "floor": _fastest(lambda: peers.floor(files), passes),
        "regex": _fastest(lambda: peers.regex_extractor(files), passes),
        "read": _fastest(lambda: _read_all(blobs), passes),
        "read+extract": _fastest(lambda: _extract_all(_read_all(blobs)), passes),
        "ingest": _fastest(lambda: _ingest_once(corpus), passes),
    }
    figures["extract"] = figures["read+extract"] - figures["read"]
    figures["rest"] = figures["ingest"] - figures["read+extract"]
    figures["goal_mb"] = size / 1e6 / GOAL_MB_PER_CPU_S
    figures["goal_regex"] = GOAL_TIMES_REGEX * figures["regex"]
    figures["calls"] = calls_per_pass(documents)
    figures["empty_ns"] = empty_call_ns()
    return figures


def report(b: dict) -> list[str]:
    """The budget as a Markdown table and the arithmetic under it."""
    mb = b["bytes"] / 1e6
    rows = [("floor (decode + one regex pass)", b["floor"]), ("minimal regex extractor", b["regex"]),
            ("reader (read_source)", b["read"]), ("extraction (extract_document)", b["extract"]),
            ("files, hashes, events, JSON, compression, log", b["rest"]), ("ingest, one worker", b["ingest"])]
    lines = [f"{b['files']} files, {b['documents']} documents, {mb:.2f} MB", "",
             "| part | CPU-s | share of ingest | MB per CPU-s |", "| --- | ---: | ---: | ---: |"]
    lines += [f"| {name} | {cpu:.3f} | {100 * cpu / b['ingest']:.0f} % | {mb / cpu:.1f} |" for name, cpu in rows]
    lines.append("")
    for goal, seconds in ((f"≥ {GOAL_MB_PER_CPU_S:g} MB per CPU-s", b["goal_mb"]),
                          (f"≤ {GOAL_TIMES_REGEX:g}× the regex extractor", b["goal_regex"])):
        left = seconds - b["read"] - b["rest"]
        needed = (f"extraction would have {left:.3f} CPU-s: {b['extract'] / left:.1f}× less than today"
                  if left > 0 else "the reader and the log alone take more than that")
        lines.append(f"- {goal}: ingest within {seconds:.3f} CPU-s, {b['ingest'] / seconds:.1f}× less than today; "
                     f"with the reader and the log as they are, {needed}.")
    calls, empty = b["calls"], b["empty_ns"]
    bare = (calls["python"] * empty["python"] + (calls["c"] - calls["regex"]) * empty["c"]
            + calls["regex"] * empty["regex"]) / 1e9
    lines.append(f"- One extraction pass calls {calls['python'] / mb:,.0f} Python functions, {calls['c'] / mb:,.0f} C "
                 f"functions and methods ({calls['regex'] / mb:,.0f} of them regex searches) per MB: at today's "
                 f"{b['extract']:.3f} CPU-s, {1e9 * b['extract'] / (calls['python'] + calls['c']):.0f} ns a call. "
                 f"The same calls made empty (a Python call {empty['python']:.0f} ns, the cheapest C call "
                 f"{empty['c']:.0f} ns, a failed search of a short string {empty['regex']:.0f} ns) take {bare:.3f} CPU-s.")
    return lines


def main(argv: list[str] | None = None) -> int:
    from shared_corpus import default_corpus

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="a folder of documents (default: the shared corpus)")
    parser.add_argument("--passes", type=int, default=3, help="time each part this many times; the fastest counts")
    args = parser.parse_args(argv)
    corpus = args.corpus or default_corpus()
    if corpus is None:
        print("budget: no corpus: give --corpus DIR (the shared corpus is not beside this checkout)", file=sys.stderr)
        return 2
    print(f"budget: timing the parts of ingest on {corpus}, the fastest of {args.passes} passes each ...", flush=True)
    print("\n".join(report(budget(corpus, args.passes))))
    return 0


if __name__ == "__main__":
    if hasattr(os, "sched_setaffinity"):  # one core, as the bench's single-core steps
        os.sched_setaffinity(0, {max(os.sched_getaffinity(0))})
    sys.exit(main())
