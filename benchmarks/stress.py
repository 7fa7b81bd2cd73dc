"""The long fault run: bad inputs (with a 50 MB single line), a long fuzz pass, kill -9 at many
points, full disks at many points, concurrent ingests. Prints what was tried and what was lost.

    .venv/bin/python benchmarks/stress.py [--kills 20] [--full-disks 10] [--fuzz-examples 2000]

Exit status 0 when every run completed and no event was lost, 1 otherwise.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

import policykit as pk  # noqa: E402
from policykit.log import LogError  # noqa: E402

from bad_input.cases import bad_inputs, write_bad_inputs  # noqa: E402
from bad_input.corpus import event_keys, log_growth_capped, log_problems, write_corpus  # noqa: E402


class Tally:
    def __init__(self) -> None:
        self.inputs = self.faults = self.runs = self.lost = self.doubled = 0
        self.problems: list[str] = []

    def compare(self, what: str, log_path: Path, clean: Counter) -> None:
        """Count events of the clean run missing from (or doubled in) the log after faults and a rerun."""
        final = event_keys(log_path)
        self.lost += sum((clean - final).values())
        self.doubled += sum((final - clean).values())
        self.problems += [f"{what}: {p}" for p in log_problems(log_path)]
        self.runs += 1


def _project(root: Path, n_files: int, seed: int) -> pk.Project:
    project = pk.Project(root)
    write_corpus(project.raw_dir, n_files, seed=seed)
    return project


def _ingest_command(project: pk.Project) -> list[str]:
    return [sys.executable, "-m", "policykit.cli", "--project", str(project.root), "ingest"]


def bad_input_run(tally: Tally, work: Path, big_mb: int) -> None:
    cases = bad_inputs(one_line_bytes=big_mb * 2**20)
    project = pk.Project(work / "bad")
    write_bad_inputs(project.raw_dir, cases)
    started = time.perf_counter()
    report = pk.ingest(project)
    tally.inputs += len(cases) + 3
    tally.runs += 1
    print(f"bad inputs: {len(cases) + 3} files ({big_mb} MB single line), {report.files_ingested} ingested, "
          f"{report.files_failed} failed, {len(report.problems)} messages, {time.perf_counter() - started:.1f} s")


def fuzz_run(tally: Tally, examples: int) -> None:
    env = {**os.environ, "POLICYKIT_FUZZ_EXAMPLES": str(examples)}
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(REPO / "tests/test_fuzz.py")],
                            env=env, capture_output=True, text=True, cwd=REPO)
    n_tests = sum(line.startswith("def test_") for line in (REPO / "tests/test_fuzz.py").read_text().splitlines())
    tally.inputs += examples * n_tests
    tally.runs += 1
    if result.returncode:
        tally.problems.append("fuzz: " + result.stdout[-2000:])
    print(f"fuzz: {n_tests} properties × {examples} examples, {'ok' if not result.returncode else 'FAILED'}, "
          f"{time.perf_counter() - started:.1f} s")


def kill_run(tally: Tally, work: Path, kills: int, n_files: int, rng: random.Random) -> None:
    clean = _project(work / "clean", n_files, seed=1)
    started = time.perf_counter()
    pk.ingest(clean)
    clean_keys = event_keys(clean.log_path)
    clean_frames = pk.open(clean).frames.as_dict()
    full = time.perf_counter() - started + 1.5  # a subprocess also pays start-up
    killed_at = []
    for i in range(kills):
        project = _project(work / f"kill{i}", n_files, seed=1)
        for _ in range(rng.randint(1, 3)):  # one to three kills before the run may finish
            proc = subprocess.Popen(_ingest_command(project), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            delay = rng.uniform(0.2, full)
            time.sleep(delay)
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                tally.faults += 1
                killed_at.append(delay)
            proc.wait()
            if project.log_path.exists():
                tally.problems += [f"kill{i} after kill: {p}" for p in log_problems(project.log_path)]
        rerun = subprocess.run(_ingest_command(project), capture_output=True, text=True)
        if rerun.returncode:
            tally.problems.append(f"kill{i}: rerun exit {rerun.returncode}: {rerun.stderr[-500:]}")
        tally.compare(f"kill{i}", project.log_path, clean_keys)
        frames = pk.open(project).frames.as_dict()
        tally.problems += [f"kill{i}: frame {n} differs from a clean run" for n in frames if not frames[n].equals(clean_frames[n])]
        shutil.rmtree(project.root)
    tally.inputs += n_files * (kills + 1)
    spread = f"{min(killed_at):.1f}–{max(killed_at):.1f} s" if killed_at else "none"
    print(f"kill -9: {kills} projects × {n_files} files, {len(killed_at)} kills at {spread}")


def full_disk_run(tally: Tally, work: Path, rounds: int, n_files: int, rng: random.Random) -> None:
    clean = _project(work / "clean-disk", n_files, seed=2)
    pk.ingest(clean)
    clean_keys = event_keys(clean.log_path)
    refused = 0
    for i in range(rounds):
        project = _project(work / f"disk{i}", n_files, seed=2)
        with log_growth_capped(pages=rng.randint(1, n_files)):  # about a page per file: stops part-way
            try:
                pk.ingest(project)
            except LogError as exc:
                refused += "database or disk is full" in str(exc)
        tally.faults += 1
        tally.problems += [f"disk{i} when full: {p}" for p in log_problems(project.log_path)]
        if not pk.ingest(project).ok:
            tally.problems.append(f"disk{i}: rerun with room did not complete")
        tally.compare(f"disk{i}", project.log_path, clean_keys)
        shutil.rmtree(project.root)
    tally.inputs += n_files * (rounds + 1)
    print(f"full disk: {rounds} runs × {n_files} files, {refused} stopped with a clear 'disk is full' error")


def concurrent_run(tally: Tally, work: Path, rounds: int, n_files: int) -> None:
    clean = _project(work / "clean-conc", n_files, seed=3)
    pk.ingest(clean)
    clean_keys = event_keys(clean.log_path)
    for i in range(rounds):
        project = _project(work / f"conc{i}", n_files, seed=3)
        procs = [subprocess.Popen(_ingest_command(project), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                 for _ in range(3)]
        for proc in procs:
            _, err = proc.communicate()
            if proc.returncode:
                tally.problems.append(f"conc{i}: exit {proc.returncode}: {err[-300:]}")
        tally.compare(f"conc{i}", project.log_path, clean_keys)
        shutil.rmtree(project.root)
    tally.inputs += n_files * (rounds + 1)
    print(f"concurrent: {rounds} rounds of 3 ingests into one project × {n_files} files")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20, help="projects killed with SIGKILL (1-3 times each)")
    parser.add_argument("--full-disks", type=int, default=10, help="ingests stopped by a full disk")
    parser.add_argument("--concurrent", type=int, default=3, help="rounds of three concurrent ingests")
    parser.add_argument("--files", type=int, default=200, help="generated files per project")
    parser.add_argument("--fuzz-examples", type=int, default=2000, help="hypothesis examples per property")
    parser.add_argument("--big-mb", type=int, default=50, help="size of the single-line file")
    parser.add_argument("--seed", type=int, default=20261122)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    tally = Tally()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="policykit-stress-") as tmp:
        work = Path(tmp)
        bad_input_run(tally, work, args.big_mb)
        fuzz_run(tally, args.fuzz_examples)
        kill_run(tally, work, args.kills, args.files, rng)
        full_disk_run(tally, work, args.full_disks, args.files // 4, rng)
        concurrent_run(tally, work, args.concurrent, args.files // 4)
    print(f"\ninputs tried {tally.inputs} · faults injected {tally.faults} · runs completed {tally.runs} · "
          f"events lost {tally.lost} · events doubled {tally.doubled} · {time.perf_counter() - started:.0f} s")
    for problem in tally.problems:
        print(f"problem: {problem}")
    return 0 if not tally.problems and not tally.lost and not tally.doubled else 1


if __name__ == "__main__":
    sys.exit(main())
