"""The long fault run (`make stress`): every bad input and fault the kit must survive, each in its own
process, then one table — case, outcome, seconds, peak memory — and the events lost or doubled.

    .venv/bin/python benchmarks/stress.py [--kills 20] [--full-disks 10] [--fuzz-examples 2000] [--only NAME,...]

Cases: bad inputs (with a 50 MB single line), FIFO, symlink to /dev/zero, a file over the size
limit, a file name that is not UTF-8, UTF-32, a dense numeric table (event size limit), a long
numeral run, a killed build's leftovers, symlinks in data/processed and reports/figures, tampered
replication packages, the silent no-ops of the command line (as-of-seq, log --type, alias, broken
pipe, control characters), a long fuzz pass, kill -9 at many points, full disks at many points,
concurrent ingests, and a mixed run of ingest, curate and build processes on one project.

Exit status 0 when every case held and no event was lost or doubled, 1 otherwise.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

import policykit as pk  # noqa: E402
from policykit.log import EventLog, LogError  # noqa: E402

from bad_input.cases import GOOD, bad_inputs, write_bad_inputs  # noqa: E402
from bad_input.corpus import event_keys, log_growth_capped, log_problems, write_corpus  # noqa: E402

CASES: dict[str, Callable[[argparse.Namespace, Path], dict]] = {}


def case(fn: Callable[[argparse.Namespace, Path], dict]) -> Callable:
    """Register a case: it runs in a child process and returns {outcome, ok[, lost, doubled, problems]}."""
    CASES[fn.__name__.replace("_", "-")] = fn
    return fn


def _cli(project: pk.Project, *argv: str, timeout: float = 600, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "policykit.cli", "--project", str(project.root), *argv],
                          capture_output=True, text=True, timeout=timeout, **kwargs)


def _project(root: Path, files: dict[str, bytes] | None = None) -> pk.Project:
    project = pk.Project(root)
    project.raw_dir.mkdir(parents=True, exist_ok=True)
    for name, data in (files or {}).items():
        (project.raw_dir / name).write_bytes(data)
    return project


def _compare(what: str, log_path: Path, clean: Counter, result: dict) -> None:
    """Count events of the clean run missing from (or doubled in) the log after faults and a rerun."""
    final = event_keys(log_path)
    result["lost"] = result.get("lost", 0) + sum((clean - final).values())
    result["doubled"] = result.get("doubled", 0) + sum((final - clean).values())
    result.setdefault("problems", []).extend(f"{what}: {p}" for p in log_problems(log_path))


def _refused(project: pk.Project, name: str, says: str) -> dict:
    """Ingest a project holding one bad entry beside a good file: the bad one named, the good one read."""
    out = _cli(project, "ingest", timeout=60)
    ok = out.returncode == 1 and says in out.stderr and "1 ingested" in out.stdout
    return {"outcome": f"exit {out.returncode}: " + (next((ln for ln in out.stderr.splitlines() if says in ln), "")
                                                      or out.stderr.strip()[-200:]), "ok": ok}


# --- input files ----------------------------------------------------------------------------------


@case
def bad_inputs_run(args, work: Path) -> dict:
    cases = bad_inputs(one_line_bytes=args.big_mb * 2**20)
    project = pk.Project(work / "bad")
    write_bad_inputs(project.raw_dir, cases)
    report = pk.ingest(project)
    return {"outcome": f"{report.files_seen} files ({args.big_mb} MB single line): {report.files_ingested} ingested, "
                       f"{report.files_failed} failed, {len(report.problems)} messages", "ok": report.files_ingested > 0}


@case
def fifo(args, work: Path) -> dict:
    project = _project(work, {"good.txt": GOOD.encode()})
    os.mkfifo(project.raw_dir / "pipe.txt")
    return _refused(project, "pipe.txt", "a FIFO (named pipe), not a regular file")


@case
def symlink_to_dev_zero(args, work: Path) -> dict:
    project = _project(work, {"good.txt": GOOD.encode()})
    (project.raw_dir / "zero.txt").symlink_to("/dev/zero")
    return _refused(project, "zero.txt", "a character device, not a regular file")


@case
def huge_file(args, work: Path) -> dict:
    project = _project(work, {"good.txt": GOOD.encode()})
    with open(project.raw_dir / "huge.txt", "wb") as fh:
        fh.truncate(2**30)  # sparse: 1 GB that costs no disk
    return _refused(project, "huge.txt", "larger than the file size limit of 64 MB")


@case
def non_utf8_file_name(args, work: Path) -> dict:
    project = _project(work, {"good.txt": GOOD.encode()})
    (project.raw_dir / os.fsdecode("成武县".encode("gbk") + b".txt")).write_bytes(GOOD.replace("实验室", "图书馆").encode())
    return _refused(project, "xb3", "the file name is not valid UTF-8")


@case
def utf32_file(args, work: Path) -> dict:
    project = _project(work, {"plan.txt": GOOD.encode("utf-32")})
    pk.ingest(project)
    targets = pk.open(project).targets
    values = sorted(str(v) for v in targets["value"].to_list())
    return {"outcome": f"{targets.height} targets read ({', '.join(values)})", "ok": targets.height > 0}


@case
def dense_numeric_table(args, work: Path) -> dict:
    rng = random.Random(5)
    rows, size = ["一、主要指标\n"], 0
    while size < args.table_mb * 2**20:
        row = (f"{len(rows)}.指标{len(rows)}：" + "，".join(f"{rng.randint(1, 99999)}.{rng.randint(0, 99)}亿元"
                                                     for _ in range(12)) + "，增长" + f"{rng.randint(1, 30)}%。\n")
        rows.append(row)
        size += len(row.encode())
    project = _project(work, {"table.txt": "".join(rows).encode(), "good.txt": GOOD.encode()})
    try:
        out = _cli(project, "ingest", timeout=args.case_timeout)
    except subprocess.TimeoutExpired:
        return {"outcome": f"{args.table_mb} MB: not done in {args.case_timeout:g} s", "ok": False}
    line = next((ln for ln in out.stderr.splitlines() if "table.txt" in ln), "")
    ingested = "2 ingested" in out.stdout
    return {"outcome": f"{args.table_mb} MB: exit {out.returncode}, "
                       + (line.removeprefix("warning: ")[:160] if line else out.stdout.strip()),
            "ok": ingested or "event size limit" in line or "--max-numbers" in line}


@case
def long_numeral_run(args, work: Path) -> dict:
    text = "一、总体\n1.力争达到" + "一二三四五六七八九十百千万亿" * (args.numeral_kb * 1024 // 42) + "家以上。\n"
    project = _project(work, {"numerals.txt": text.encode(), "good.txt": GOOD.encode()})
    try:
        out = _cli(project, "ingest", timeout=args.case_timeout)
    except subprocess.TimeoutExpired:
        return {"outcome": f"{args.numeral_kb} KB: not done in {args.case_timeout:g} s", "ok": False}
    return {"outcome": f"{args.numeral_kb} KB: exit {out.returncode}, {out.stdout.strip()[:120]}",
            "ok": out.returncode in (0, 1)}


# --- outputs ----------------------------------------------------------------------------------------


@case
def killed_build_leftovers(args, work: Path) -> dict:
    project = _project(work, {"good.txt": GOOD.encode()})
    write_corpus(project.raw_dir, 200, seed=4)
    _cli(project, "ingest")
    kills = 0
    for _ in range(5):
        proc = subprocess.Popen([sys.executable, "-m", "policykit.cli", "--project", str(project.root), "build"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while proc.poll() is None and not list(project.processed_dir.glob(".build-*")) and time.monotonic() < deadline:
            time.sleep(0.005)
        if proc.poll() is None:
            proc.kill()
            kills += 1
        proc.wait()
    left = len(list(project.processed_dir.glob(".build-*")))
    out = _cli(project, "build")
    after = len(list(project.processed_dir.glob(".build-*")))
    return {"outcome": f"{kills} builds killed, {left} scratch folders left; next build exit {out.returncode}, "
                       f"{after} left", "ok": out.returncode == 0 and after == 0}


@case
def symlinks_in_outputs(args, work: Path) -> dict:
    project = _project(work / "p", {"good.txt": GOOD.encode()})
    _cli(project, "ingest")
    project.processed_dir.mkdir(parents=True)
    project.figures_dir.mkdir(parents=True)
    victims = []
    for link in (project.processed_dir / "documents.parquet", project.processed_dir / "tasks.parquet.tmp",
                 project.processed_dir / "_build.json", project.figures_dir / "coordination-load.svg"):
        victim = work / f"victim-{link.name}"
        victim.write_text("precious")
        link.symlink_to(victim)
        victims.append(victim)
    build, figures = _cli(project, "build"), _cli(project, "figures", "--format", "svg")
    intact = sum(v.read_text() == "precious" for v in victims)
    return {"outcome": f"build exit {build.returncode}, figures exit {figures.returncode}; "
                       f"{intact}/{len(victims)} link targets untouched",
            "ok": intact == len(victims) and build.returncode == 0}


@case
def tampered_packages(args, work: Path) -> dict:
    sys.path.insert(0, str(REPO / "tests" / "bad_input"))
    from test_import_log import TAMPERED, _tampered

    origin = _project(work / "origin", {"plan.txt": GOOD.encode()})
    pk.ingest(origin)
    seq = pk.curation.alias(origin, "科技局", "财政局", reason="stress", author="stress")
    pk.curation.undo(origin, seq, reason="stress", author="stress")
    package = pk.export_log(origin, work / "pkg").parent
    refused = []
    for i, (name, (changes, says)) in enumerate(TAMPERED.items()):
        folder = work / f"t{i}"
        folder.mkdir()
        replica = _project(folder / "replica")
        try:
            pk.import_log(replica, _tampered(package, folder, **changes))
        except LogError as exc:
            refused.append(says in str(exc) and not replica.log_path.exists())
    genuine = _project(work / "genuine")
    n = pk.import_log(genuine, package)
    return {"outcome": f"{sum(refused)}/{len(TAMPERED)} tampered packages refused by name; genuine: {n} events",
            "ok": sum(refused) == len(TAMPERED) and n > 0}


# --- the command line -------------------------------------------------------------------------------


@case
def silent_no_ops(args, work: Path) -> dict:
    project = _project(work, {"good.txt": GOOD.encode()})
    _cli(project, "ingest")
    checks = {
        "build --as-of-seq 99": (_cli(project, "build", "--as-of-seq", "99"), "the log at"),
        "log --type Bogus": (_cli(project, "log", "--type", "Bogus"), "no such event type"),
        "alias of an unknown unit": (_cli(project, "curate", "--reason", "r", "alias", "科技局", "不存在局"),
                                     "no document mentions such a unit"),
    }
    held = [name for name, (out, says) in checks.items() if out.returncode == 2 and says in out.stderr]
    return {"outcome": f"{len(held)}/{len(checks)} refused with a message", "ok": len(held) == len(checks)}


@case
def broken_pipe(args, work: Path) -> dict:
    project = _project(work, {"good.txt": GOOD.encode()})
    _cli(project, "ingest")
    from policykit.log import UnitAliasDeclared

    with EventLog(project.log_path) as log:
        log.append([UnitAliasDeclared(reason="r", names=("科技局", f"局{i}")) for i in range(5000)], recorded_by="s")
    out = subprocess.run(f"{sys.executable} -m policykit.cli --project {project.root} log | head -1", shell=True,
                         capture_output=True, text=True)
    return {"outcome": f"stderr {out.stderr.strip()[:80]!r}", "ok": out.stderr == "" and out.stdout.count("\n") == 1}


@case
def control_characters(args, work: Path) -> dict:
    hostile = "一、总体\x1b[2J\n1.建实验室\x1b]0;owned\x07。(牵头单位:科技局\u202e)\n"
    project = _project(work, {"plan\x1b[31m.txt": hostile.encode(), "scan\x1b[5m.pdf": b"%PDF-1.4 \x1b[2J"})
    outs = [_cli(project, *argv) for argv in (["ingest"], ["build"], ["status", "--warnings"], ["log"])]
    leaked = sum(("\x1b" in o.stdout + o.stderr) or ("\u202e" in o.stdout + o.stderr) for o in outs)
    return {"outcome": f"{leaked} of {len(outs)} commands let an escape through", "ok": leaked == 0}


# --- faults -----------------------------------------------------------------------------------------


@case
def fuzz_run(args, work: Path) -> dict:
    env = {**os.environ, "POLICYKIT_FUZZ_EXAMPLES": str(args.fuzz_examples)}
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(REPO / "tests/test_fuzz.py")],
                            env=env, capture_output=True, text=True, cwd=REPO)
    n_tests = sum(line.startswith("def test_") for line in (REPO / "tests/test_fuzz.py").read_text().splitlines())
    return {"outcome": f"{n_tests} properties × {args.fuzz_examples} examples: " + result.stdout.strip().splitlines()[-1],
            "ok": result.returncode == 0}


def _generated(root: Path, n_files: int, seed: int) -> pk.Project:
    project = pk.Project(root)
    write_corpus(project.raw_dir, n_files, seed=seed)
    return project


@case
def kill_9(args, work: Path) -> dict:
    rng = random.Random(args.seed)
    clean = _generated(work / "clean", args.files, seed=1)
    started = time.perf_counter()
    pk.ingest(clean)
    clean_keys = event_keys(clean.log_path)
    clean_frames = pk.open(clean).frames.as_dict()
    full = time.perf_counter() - started + 1.5  # a subprocess also pays start-up
    result: dict = {"problems": []}
    killed_at = []
    for i in range(args.kills):
        project = _generated(work / f"kill{i}", args.files, seed=1)
        for _ in range(rng.randint(1, 3)):  # one to three kills before the run may finish
            proc = subprocess.Popen([sys.executable, "-m", "policykit.cli", "--project", str(project.root), "ingest"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            delay = rng.uniform(0.2, full)
            time.sleep(delay)
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                killed_at.append(delay)
            proc.wait()
            if project.log_path.exists():
                result["problems"] += [f"kill{i} after kill: {p}" for p in log_problems(project.log_path)]
        rerun = _cli(project, "ingest")
        if rerun.returncode:
            result["problems"].append(f"kill{i}: rerun exit {rerun.returncode}: {rerun.stderr[-300:]}")
        _compare(f"kill{i}", project.log_path, clean_keys, result)
        frames = pk.open(project).frames.as_dict()
        result["problems"] += [f"kill{i}: frame {n} differs" for n in frames if not frames[n].equals(clean_frames[n])]
        shutil.rmtree(project.root)
    spread = f"{min(killed_at):.1f}–{max(killed_at):.1f} s" if killed_at else "none"
    result.update(outcome=f"{args.kills} projects × {args.files} files, {len(killed_at)} kills at {spread}", ok=True)
    return result


@case
def full_disk(args, work: Path) -> dict:
    rng = random.Random(args.seed + 1)
    n_files = args.files // 4
    clean = _generated(work / "clean", n_files, seed=2)
    pk.ingest(clean)
    clean_keys = event_keys(clean.log_path)
    result: dict = {"problems": []}
    refused = 0
    for i in range(args.full_disks):
        project = _generated(work / f"disk{i}", n_files, seed=2)
        with log_growth_capped(pages=rng.randint(1, n_files)):  # about a page per file: stops part-way
            try:
                pk.ingest(project)
            except LogError as exc:
                refused += "database or disk is full" in str(exc)
        result["problems"] += [f"disk{i} when full: {p}" for p in log_problems(project.log_path)]
        if not pk.ingest(project).ok:
            result["problems"].append(f"disk{i}: rerun with room did not complete")
        _compare(f"disk{i}", project.log_path, clean_keys, result)
        shutil.rmtree(project.root)
    result.update(outcome=f"{args.full_disks} runs × {n_files} files, {refused} stopped with 'disk is full'", ok=True)
    return result


@case
def concurrent_ingests(args, work: Path) -> dict:
    n_files = args.files // 4
    clean = _generated(work / "clean", n_files, seed=3)
    pk.ingest(clean)
    clean_keys = event_keys(clean.log_path)
    result: dict = {"problems": []}
    for i in range(args.concurrent):
        project = _generated(work / f"conc{i}", n_files, seed=3)
        procs = [subprocess.Popen([sys.executable, "-m", "policykit.cli", "--project", str(project.root), "ingest"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for _ in range(3)]
        for proc in procs:
            _, err = proc.communicate()
            if proc.returncode:
                result["problems"].append(f"conc{i}: exit {proc.returncode}: {err[-300:]}")
        _compare(f"conc{i}", project.log_path, clean_keys, result)
        shutil.rmtree(project.root)
    result.update(outcome=f"{args.concurrent} rounds of 3 ingests into one project × {n_files} files", ok=True)
    return result


@case
def mixed_writers(args, work: Path) -> dict:
    """Many writers, many events, then count (as eventsourcing tests its recorders): two ingests, two
    curators appending aliases, and a builder, all on one project at once."""
    project = _generated(work / "mixed", args.files // 2, seed=6)
    n_curations = 40
    curate = ("import sys, policykit as pk\n"
              "from pathlib import Path\np = pk.Project(Path(sys.argv[1]))\n"
              f"for i in range({n_curations}):\n"
              "    pk.curation.alias(p, '科技局', f'科技局{sys.argv[2]}-{i}', reason='stress', author='c' + sys.argv[2])\n")
    with EventLog(project.log_path):  # created up front, so curators need not wait for an ingest
        pass
    cmd = [sys.executable, "-m", "policykit.cli", "--project", str(project.root)]
    procs = [subprocess.Popen(cmd + ["ingest"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True),
             subprocess.Popen(cmd + ["ingest", "--workers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True),
             *(subprocess.Popen([sys.executable, "-c", curate, str(project.root), str(k)], stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True) for k in range(2)),
             subprocess.Popen(cmd + ["build"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)]
    failed = [f"exit {p.returncode}: {p.communicate()[1][-200:]}" for p in procs if p.wait() not in (0,)]
    final_build = _cli(project, "build")
    with EventLog(project.log_path) as log:
        aliases = [e.event.names[1] for e in log.read(types=["UnitAliasDeclared"])]
        reads = Counter(e.event.source_path for e in log.read(types=["SourceRead"]))
    expected = {f"科技局{k}-{i}" for k in range(2) for i in range(n_curations)}
    lost = len(expected - set(aliases)) + (args.files // 2 - len(reads))
    doubled = len(aliases) - len(set(aliases)) + sum(n - 1 for n in reads.values())
    return {"outcome": f"5 processes: {len(aliases)} curations, {len(reads)} files read; "
                       f"final build exit {final_build.returncode}",
            "ok": not failed and final_build.returncode == 0, "lost": lost, "doubled": doubled,
            "problems": failed + log_problems(project.log_path)}


# --- runner -----------------------------------------------------------------------------------------


def _run_case(name: str, argv: list[str], work: Path, timeout: float) -> tuple[dict, float, float]:
    """Run one case in a child process: (its result, wall seconds, peak memory in MiB of the largest
    process of the case: its own process or one that it started)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen([sys.executable, __file__, *argv, "--one", name, "--work", str(work)],
                                stdout=out, stderr=err, text=True)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        lines = [ln for ln in out.read().splitlines() if ln.startswith("{")]
        if proc.returncode == -signal.SIGKILL:
            result = {"outcome": f"did not finish in {timeout:g} s", "ok": False}
        elif lines:
            result = json.loads(lines[-1])
        else:
            result = {"outcome": f"crashed: {err.read().strip()[-200:]}", "ok": False}
    return result, time.perf_counter() - started, result.pop("peak_mib", usage.ru_maxrss / 1024)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20, help="projects killed with SIGKILL (1-3 times each)")
    parser.add_argument("--full-disks", type=int, default=10, help="ingests stopped by a full disk")
    parser.add_argument("--concurrent", type=int, default=3, help="rounds of three concurrent ingests")
    parser.add_argument("--files", type=int, default=200, help="generated files per project")
    parser.add_argument("--fuzz-examples", type=int, default=2000, help="hypothesis examples per property")
    parser.add_argument("--big-mb", type=int, default=50, help="size of the single-line file")
    parser.add_argument("--table-mb", type=float, default=7.4, help="size of the dense numeric table")
    parser.add_argument("--numeral-kb", type=int, default=1024, help="length of the Chinese numeral run")
    parser.add_argument("--case-timeout", type=float, default=600, help="seconds a single case may take")
    parser.add_argument("--seed", type=int, default=20261122)
    parser.add_argument("--only", help="comma-separated case names (default: all)")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--work", help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = _parser().parse_args(argv)
    if args.one:  # inside the child process of one case
        work = Path(args.work)
        work.mkdir(parents=True, exist_ok=True)
        result = CASES[args.one](args, work)
        # the largest process of the case: this one or one it started (each reaped by now)
        result["peak_mib"] = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF,
                                                                                  resource.RUSAGE_CHILDREN)) / 1024
        print(json.dumps(result, ensure_ascii=False))
        return 0
    names = args.only.split(",") if args.only else list(CASES)
    unknown = [n for n in names if n not in CASES]
    if unknown:
        print(f"unknown case {', '.join(unknown)}; the cases are {', '.join(CASES)}", file=sys.stderr)
        return 2
    passthrough = [a for a in argv if not a.startswith("--only")]
    if args.only:
        passthrough = [a for a in passthrough if a != args.only]
    rows, lost, doubled, problems = [], 0, 0, []
    with tempfile.TemporaryDirectory(prefix="policykit-stress-") as tmp:
        for name in names:
            result, seconds, peak = _run_case(name, passthrough, Path(tmp) / name, args.case_timeout + 60)
            shutil.rmtree(Path(tmp) / name, ignore_errors=True)
            lost += result.get("lost", 0)
            doubled += result.get("doubled", 0)
            problems += [f"{name}: {p}" for p in result.get("problems", [])]
            rows.append((name, "ok" if result["ok"] else "FAILED", result["outcome"], f"{seconds:.1f}", f"{peak:.0f}"))
            print(f"{name}: {rows[-1][1]} ({seconds:.1f} s) {result['outcome']}", file=sys.stderr, flush=True)
    print("| case | held | outcome | seconds | peak MiB |\n| --- | --- | --- | ---: | ---: |")
    for row in rows:
        print("| " + " | ".join(str(c).replace("|", "/") for c in row) + " |")
    print(f"\ncases {len(rows)} · held {sum(r[1] == 'ok' for r in rows)} · events lost {lost} · events doubled {doubled}")
    for problem in problems:
        print(f"problem: {problem}")
    return 0 if all(r[1] == "ok" for r in rows) and not lost and not doubled and not problems else 1


if __name__ == "__main__":
    sys.exit(main())
