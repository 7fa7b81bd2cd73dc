"""Scale and speed figures for the pipeline: raw files → log → frames → coordination network.

Run: ``.venv/bin/python benchmarks/run.py [--sizes 1000,10000] [--work /tmp/policykit-bench]``
(``make bench``). For each corpus size it generates (or reuses) a synthetic corpus
(benchmarks/make_corpus.py) and times, each step in its own process so its peak RSS is its own:

- floor: read and decode the raw bytes and run one regular-expression pass over them;
- ingest with one process and with ``--workers 2``; re-ingest of the unchanged corpus;
- build (replay the log → parquet frames); coordination projection and load frame;
  the growth frame when ``policykit.growth`` exists;
- the event log's size on disk.

Wall seconds are what a user waits; CPU seconds (user + system, children included) are less
disturbed by other work on a shared machine. ``--profile N`` adds a profile of reading and
extraction over the first N documents, summed by module.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

STEPS = ("floor", "ingest-1", "reingest-1", "ingest-2", "build", "network", "growth")


# --- steps (each runs in a child process and prints one JSON line) ---------------------------------


def _files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*") if p.is_file() and not p.name.startswith("."))


def step_floor(corpus: Path, project: Path) -> dict:
    """Read, decode and scan the bytes once: the least any ingest must do."""
    import re

    pattern = re.compile(r"牵头|负责|配合|责任单位|\d+(?:\.\d+)?[%％]|[一二三四五六七八九十]+、")
    n_bytes = hits = 0
    started = time.perf_counter()
    for path in _files(corpus):
        data = path.read_bytes()
        n_bytes += len(data)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("gb18030", errors="replace")
        hits += sum(1 for _ in pattern.finditer(text))
    return {"seconds": time.perf_counter() - started, "bytes": n_bytes, "hits": hits}


def _ingest(corpus: Path, project: Path, workers: int) -> dict:
    from policykit.ingest import ingest
    from policykit.log import EventLog
    from policykit.project import Project

    proj = Project(project)
    main_before, workers_before = _cpu_seconds(children=False), _cpu_seconds(self=False)
    started = time.perf_counter()
    report = ingest(proj, [corpus], workers=workers)
    seconds = time.perf_counter() - started
    main_cpu, workers_cpu = _cpu_seconds(children=False) - main_before, _cpu_seconds(self=False) - workers_before
    with EventLog(proj.log_path) as log:
        counts = log.counts_by_type()
    return {"seconds": seconds, "workers": workers, "main_cpu_s": main_cpu, "workers_cpu_s": workers_cpu,
            "files": report.files_seen, "ingested": report.files_ingested,
            "unchanged": report.files_unchanged, "failed": report.files_failed, "documents": report.documents,
            "appended": report.events_appended, "events": sum(counts.values()),
            "log_bytes": sum(p.stat().st_size for p in proj.log_path.parent.glob("events.sqlite*"))}


def step_ingest_1(corpus: Path, project: Path) -> dict:
    return _ingest(corpus, project, 1)


def step_ingest_2(corpus: Path, project: Path) -> dict:
    return _ingest(corpus, project, 2)


step_reingest_1 = step_ingest_1


def step_build(corpus: Path, project: Path) -> dict:
    from policykit.dataset import open_dataset, write_frames

    started = time.perf_counter()
    dataset = open_dataset(project)
    replayed = time.perf_counter()
    write_frames(dataset)
    done = time.perf_counter()
    return {"seconds": done - started, "open_s": replayed - started, "write_s": done - replayed,
            "rows": {n: df.height for n, df in dataset.frames.as_dict().items()}}


GOAL_TASKS = 100_000  # the coordination goal is stated for this many tasks


def _time_network(assignments, documents, units) -> dict:
    from policykit.network import coordination_graph, coordination_load

    started = time.perf_counter()
    graph = coordination_graph(assignments, documents=documents, units=units)
    projected = time.perf_counter()
    load = coordination_load(graph)
    done = time.perf_counter()
    return {"seconds": done - started, "project_s": projected - started, "load_s": done - projected,
            "tasks": assignments["task_id"].n_unique(), "nodes": graph.number_of_nodes(),
            "edges": graph.number_of_edges(), "load_rows": load.height}


def step_network(corpus: Path, project: Path) -> dict:
    """Projection + load on all tasks, and on the first 100k tasks when there are more."""
    import polars as pl

    processed = project / "data" / "processed"
    frames = {n: pl.read_parquet(processed / f"{n}.parquet") for n in ("assignments", "documents", "units")}
    result = _time_network(frames["assignments"], frames["documents"], frames["units"])
    first = frames["assignments"]["task_id"].drop_nulls().unique(maintain_order=True).head(GOAL_TASKS)
    if first.len() == GOAL_TASKS:
        subset = frames["assignments"].filter(pl.col("task_id").is_in(first.implode()))
        result["first_100k_tasks"] = _time_network(subset, frames["documents"], frames["units"])
    return result


def step_growth(corpus: Path, project: Path) -> dict:
    import importlib

    import polars as pl

    try:
        growth = importlib.import_module("policykit.growth")
    except ImportError:
        return {"skipped": "policykit.growth has not landed"}
    processed = project / "data" / "processed"
    frames = {n: pl.read_parquet(processed / f"{n}.parquet") for n in ("targets", "observations", "documents")}
    started = time.perf_counter()
    rows = {
        "target_series": growth.target_series(frames["targets"], frames["documents"]).height,
        "observation_series": growth.observation_series(frames["observations"], frames["documents"]).height,
        "target_revisions": growth.target_revisions(frames["targets"], frames["documents"]).height,
        "target_vs_outcome": growth.target_vs_outcome(
            frames["targets"], frames["observations"], frames["documents"]).height,
    }
    return {"seconds": time.perf_counter() - started, "rows": rows}


def step_profile(corpus: Path, project: Path, n_docs: int) -> dict:
    """Profile read + extract (no log) over the first ``n_docs`` files; time summed by module."""
    import cProfile
    import pstats

    from policykit.ingest import extraction_batch

    files = _files(corpus)[:n_docs]
    profiler = cProfile.Profile()
    profiler.enable()
    for path in files:
        extraction_batch(path.read_bytes(), path.name)
    profiler.disable()
    stats = pstats.Stats(profiler).stats
    total = sum(tt for (_, _, _), (_, _, tt, _, _) in stats.items())
    by_module: dict[str, float] = {}
    by_function: dict[str, float] = {}
    for (filename, line, name), (_, _, tottime, cumtime, _) in stats.items():
        module = filename.split("/src/")[-1] if "/policykit/" in filename else "(python, stdlib, C)"
        by_module[module] = by_module.get(module, 0.0) + tottime
        if "/policykit/" in filename:
            by_function[f"{module}:{line} {name}"] = cumtime
    top = lambda d, k: [(n, round(100 * s / total, 1)) for n, s in sorted(d.items(), key=lambda kv: -kv[1])[:k]]
    return {"seconds": total, "documents": len(files), "self_pct_by_module": top(by_module, 12),
            "cumulative_pct_by_function": top(by_function, 15)}


def _cpu_seconds(*, self: bool = True, children: bool = True) -> float:
    """User + system seconds of this process and (or only) its reaped children (ingest workers)."""
    import resource

    who = [resource.RUSAGE_SELF] * self + [resource.RUSAGE_CHILDREN] * children
    return sum(u.ru_utime + u.ru_stime for u in map(resource.getrusage, who))


# --- driver -----------------------------------------------------------------------------------------


def run_step(name: str, corpus: Path, project: Path, *extra: str) -> dict:
    """Run one step in a child process, reaped with ``wait4`` so its peak RSS and CPU seconds are its own."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--step", name, "--corpus", str(corpus),
           "--project", str(project), *extra]
    with open(os.devnull, "rb") as stdin:
        project.parent.mkdir(parents=True, exist_ok=True)
        out_path = project.parent / f".{name}.out"
        with open(out_path, "w") as out, open(out_path.with_suffix(".err"), "w") as err:
            started = time.perf_counter()
            child = subprocess.Popen(cmd, stdin=stdin, stdout=out, stderr=err)
            _, status, usage = os.wait4(child.pid, 0)
            wall = time.perf_counter() - started
            child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        lines = out_path.with_suffix(".err").read_text().strip().splitlines() or ["(no message)"]
        return {"error": lines[-1], "process_wall_s": wall}
    result = json.loads(out_path.read_text().strip().splitlines()[-1])
    result.update(process_wall_s=wall, peak_rss_mb=usage.ru_maxrss / 1024)
    return result


def ensure_corpus(work: Path, n: int, seed: int) -> Path:
    from make_corpus import make_corpus

    corpus = work / f"corpus-{n}"
    done = corpus / f".complete-seed-{seed}"
    if not done.exists():
        shutil.rmtree(corpus, ignore_errors=True)
        make_corpus(n, corpus, seed, workers=os.cpu_count() or 1)
        done.touch()
    return corpus


def _fresh(project: Path) -> Path:
    shutil.rmtree(project, ignore_errors=True)
    (project / "data").mkdir(parents=True)
    return project


def bench_size(work: Path, n: int, seed: int, steps: tuple[str, ...], single_max: int, profile: int) -> dict:
    corpus = ensure_corpus(work, n, seed)
    one, two = work / str(n) / "ingest-1", work / str(n) / "ingest-2"
    results: dict[str, dict] = {}
    for step in steps:
        if step in ("ingest-1", "reingest-1") and n > single_max:
            results[step] = {"skipped": f"single-process ingest runs only up to {single_max} documents"}
            continue
        if step in ("ingest-1", "ingest-2"):
            _fresh(one if step == "ingest-1" else two)
        project = one if step in ("ingest-1", "reingest-1") else two
        if step in ("build", "network", "growth") and not (two / "data" / "log").exists():
            project = one
        results[step] = run_step(step, corpus, project)
        print(f"  {n:>7} {step:<11} {_brief(results[step])}", flush=True)
    if profile:
        results["profile"] = run_step("profile", corpus, one, "--profile-docs", str(profile))
    return results


def _brief(result: dict) -> str:
    if "skipped" in result or "error" in result:
        return result.get("skipped") or "ERROR " + result["error"]
    return (f"{result['seconds']:.2f} s wall, {result['cpu_s']:.2f} s CPU (process with imports: "
            f"{result['process_wall_s']:.1f} s), peak RSS {result['peak_rss_mb']:.0f} MB")


def summary(n: int, r: dict) -> list[str]:
    """The figures of one corpus size as lines of text."""
    def ok(step):
        return step in r and "seconds" in r[step]

    lines = [f"== {n} documents =="]
    floor = r.get("floor", {})
    mb = floor.get("bytes", 0) / 1e6
    if ok("floor"):
        lines.append(f"floor (read+decode+1 regex pass): {mb:.1f} MB in {floor['seconds']:.2f} s wall "
                     f"= {mb / floor['seconds']:.0f} MB/s ({floor['cpu_s']:.2f} s CPU)")
    for step, workers in (("ingest-1", 1), ("ingest-2", 2)):
        if not ok(step):
            lines.append(f"{step}: {r.get(step, {}).get('skipped') or r.get(step, {}).get('error') or 'not run'}")
            continue
        s = r[step]
        ratio = (f", {s['seconds'] / floor['seconds']:.0f}x the floor's wall time, "
                 f"{s['cpu_s'] / max(floor['cpu_s'], 1e-3):.0f}x its CPU time") if ok("floor") else ""
        lines.append(
            f"{step}: {s['documents']} docs, {s['failed']} failed, {s['seconds']:.1f} s wall "
            f"({mb / s['seconds']:.2f} MB/s, {s['documents'] / s['seconds']:.0f} docs/s); "
            f"{s['cpu_s']:.1f} s CPU ({mb / s['cpu_s']:.2f} MB/s per CPU-second){ratio}; "
            f"peak RSS {s['peak_rss_mb']:.0f} MB; log {s['log_bytes'] / 1e6:.1f} MB")
    if ok("reingest-1"):
        s = r["reingest-1"]
        share = f" = {100 * s['seconds'] / r['ingest-1']['seconds']:.1f}% of first ingest" if ok("ingest-1") else ""
        lines.append(f"re-ingest unchanged: {s['seconds']:.2f} s{share}, {s['appended']} events appended; "
                     f"peak RSS {s['peak_rss_mb']:.0f} MB")
    if ok("build"):
        s = r["build"]
        lines.append(f"build: {s['seconds']:.1f} s (replay+project {s['open_s']:.1f} s, parquet {s['write_s']:.1f} s); "
                     f"peak RSS {s['peak_rss_mb']:.0f} MB; rows {s['rows']}")
    if ok("network"):
        s = r["network"]
        lines.append(f"network: {s['tasks']} tasks, {s['nodes']} units, {s['edges']} edges: projection "
                     f"{s['project_s']:.2f} s + load {s['load_s']:.2f} s = {s['seconds']:.2f} s; "
                     f"peak RSS {s['peak_rss_mb']:.0f} MB")
        if "first_100k_tasks" in s:
            f = s["first_100k_tasks"]
            lines.append(f"network, first {f['tasks']} tasks ({f['nodes']} units, {f['edges']} edges): projection "
                         f"{f['project_s']:.2f} s + load {f['load_s']:.2f} s = {f['seconds']:.2f} s")
    growth = r.get("growth", {"skipped": "not run"})
    lines.append("growth (4 frames): " + (growth.get("skipped") or growth.get("error") or
                                         f"{growth.get('seconds', 0):.2f} s, rows {growth.get('rows')}; "
                                         f"peak RSS {growth.get('peak_rss_mb', 0):.0f} MB"))
    if "profile" in r and "self_pct_by_module" in r["profile"]:
        p = r["profile"]
        lines.append(f"profile of read+extract over {p['documents']} docs ({p['seconds']:.1f} s under cProfile):")
        lines.append("  self time by module: " + ", ".join(f"{m} {pct}%" for m, pct in p["self_pct_by_module"]))
        lines.append("  cumulative by function: " + ", ".join(f"{m} {pct}%" for m, pct in p["cumulative_pct_by_function"]))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes (documents)")
    parser.add_argument("--work", default="/tmp/policykit-bench", help="folder for corpora and projects (not the repo)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--steps", default=",".join(STEPS), help=f"comma-separated subset of {','.join(STEPS)}")
    parser.add_argument("--single-max", type=int, default=10_000,
                        help="largest corpus also ingested by a single process (default 10000)")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="profile read+extract on N documents")
    parser.add_argument("--json", help="also write all figures to this JSON file")
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--project", help=argparse.SUPPRESS)
    parser.add_argument("--profile-docs", type=int, default=200, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.step:  # child process: one step, one JSON line
        step = globals()["step_" + args.step.replace("-", "_")]
        extra = (args.profile_docs,) if args.step == "profile" else ()
        import policykit.dataset, policykit.growth, policykit.ingest, policykit.network  # noqa: E401,F401 - imports are not the step
        cpu_before = _cpu_seconds()
        result = step(Path(args.corpus), Path(args.project), *extra)
        result["cpu_s"] = _cpu_seconds() - cpu_before
        print(json.dumps(result, ensure_ascii=False))
        return 0
    work = Path(args.work).resolve()
    if work.is_relative_to(HERE.parent):
        print("bench: --work must be outside the repository (e.g. /tmp/policykit-bench)", file=sys.stderr)
        return 2
    steps = tuple(s for s in args.steps.split(",") if s)
    unknown = set(steps) - set(STEPS)
    if unknown:
        print(f"bench: unknown steps {sorted(unknown)}; choose from {', '.join(STEPS)}", file=sys.stderr)
        return 2
    print(f"bench: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start; work folder {work}")
    everything = {}
    for n in (int(s) for s in args.sizes.split(",")):
        everything[n] = bench_size(work, n, args.seed, steps, args.single_max, args.profile)
        print("\n".join(summary(n, everything[n])), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(everything, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
