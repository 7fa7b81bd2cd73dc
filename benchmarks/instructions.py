"""Instructions, not seconds: an ingest of the shared corpus against the floor, counted by valgrind.

This machine's speed moves by a factor of two from one minute to the next (the floor of `make bench` read
0.13 to 0.25 CPU-s for the same 10 MB within an hour), so a ratio of two CPU-second figures measured a
minute apart can be off by as much. Instructions executed do not depend on the machine's speed or load:
valgrind's cachegrind counts them (50-100x slower than a plain run). Each figure is a run minus a run
that only imports what it uses, with a fixed hash seed, so it repeats to a few parts in a thousand.

Run: ``.venv/bin/python benchmarks/instructions.py [--corpus DIR]`` (about 3 minutes for the shared
corpus; valgrind must be installed). Another checkout's code: ``PYTHONPATH=OTHER/src`` in front.
Prints the instructions of the floor (read, decode, one regex pass: benchmarks/peers.py), of
``read_source`` + ``extract_document`` and of ``ingest`` (one worker, a fresh project), per byte and
against the floor, each beside the count of its imports (with the interpreter's start), which it leaves out.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import peers

HERE = Path(__file__).resolve().parent

# Each job: what it imports besides peers, then what it does with the corpus's files (FILES) and a fresh folder (WORK).
_JOBS = {
    "floor": ("", "peers.floor(FILES)"),
    "extract": ("from policykit.extract import extract_document\nfrom policykit.text import read_source",
                "[extract_document(d.text, d.metadata) for p in FILES for d in read_source(p.read_bytes(), str(p)).documents]"),
    "ingest": ("from policykit.ingest import ingest\nfrom policykit.project import Project",
               "ingest(Project(WORK), [CORPUS], workers=1)"),
}


def _script(job: str, corpus: Path, work: Path, run: bool) -> str:
    imports, action = _JOBS[job]
    lines = [f"import sys; sys.path.insert(0, {str(HERE)!r})", "from pathlib import Path", "import peers", imports,
             f"CORPUS = Path({str(corpus)!r})", f"WORK = Path({str(work)!r})",
             "FILES = peers.corpus_files(CORPUS)"]
    return "\n".join(lines + ([action] if run else [])) + "\n"


def instructions(job: str, corpus: Path, run: bool) -> int:
    """Instructions valgrind counts for ``job`` over ``corpus`` (only its imports when ``run`` is false)."""
    work = Path(tempfile.mkdtemp(prefix="pk-instructions-"))
    try:
        script = work / "job.py"
        script.write_text(_script(job, corpus, work / "project", run), encoding="utf-8")
        done = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                               sys.executable, str(script)], capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": "0"}, check=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    refs = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if refs is None:
        raise SystemExit(f"valgrind printed no instruction count for {job}:\n{done.stderr[-2000:]}")
    return int(refs.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="folder of documents (default: the shared corpus)")
    parser.add_argument("--jobs", nargs="+", choices=list(_JOBS), default=list(_JOBS))
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    corpus = args.corpus
    if corpus is None:
        from policykit.notebooks import find_corpus
        from policykit.project import Project

        corpus = find_corpus(Project(HERE.parent))
        if corpus is None:
            raise SystemExit("no shared corpus found (set POLICYKIT_CORPUS or give --corpus)")
    size = sum(p.stat().st_size for p in peers.corpus_files(corpus))
    # The imports' own count is printed too: a job's figure leaves them out, so a cost added at import (a table
    # built at module level) shows nowhere else (session 16: _units' import 32 -> 98 ms went unseen here).
    counts, imports = {}, {}
    for job in args.jobs:
        imports[job] = instructions(job, corpus, False)
        counts[job] = instructions(job, corpus, True) - imports[job]
    print(f"{corpus}: {size / 1e6:.2f} MB")
    for job, count in counts.items():
        against = f", {count / counts['floor']:.1f}x the floor" if "floor" in counts and job != "floor" else ""
        print(f"  {job:8s} {count / 1e9:7.3f} G instructions = {count / size:8.1f} a byte{against}; "
              f"its imports (and start) {imports[job] / 1e9:.3f} G")


if __name__ == "__main__":
    main()
