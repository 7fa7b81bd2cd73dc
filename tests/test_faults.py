"""Faults: kill -9 mid-ingest, concurrent ingests, a full disk, an unwritable data/processed,
corrupt or foreign log files. Each leaves the log sound and says what happened.

The longer loop (many kill points) is ``benchmarks/stress.py``.
"""
from __future__ import annotations

import contextlib
import errno
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest

import policykit as pk
from policykit.cli import main
from policykit.log import EventLog, LogError, UnitAliasDeclared

from bad_input.corpus import event_keys, log_growth_capped, log_problems, write_corpus
from conftest import make_project


def _ingest_command(root: Path) -> list[str]:
    return [sys.executable, "-m", "policykit.cli", "--project", str(root), "ingest"]


def _frames(project) -> dict[str, pl.DataFrame]:
    return pk.open(project).frames.as_dict()


def _wait_for_events(proc: subprocess.Popen, log_path: Path) -> None:
    """Until the log holds an event (so a kill lands mid-run on fast machines too) or ``proc`` ends."""
    while proc.poll() is None:
        try:
            with contextlib.closing(sqlite3.connect(f"file:{log_path}?mode=ro", uri=True)) as db:
                if db.execute("SELECT COUNT(*) FROM events").fetchone()[0]:
                    return
        except sqlite3.Error:  # not created yet
            pass
        time.sleep(0.02)


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory):
    """A corpus of 80 generated plans ingested without faults: what every faulty run must end as."""
    root = tmp_path_factory.mktemp("clean")
    project = make_project(root, {})
    write_corpus(project.raw_dir, 80)
    assert pk.ingest(project).ok
    return project


def test_kill_9_mid_ingest_leaves_whole_batches_and_a_rerun_completes(clean_run, tmp_path):
    project = make_project(tmp_path, {})
    write_corpus(project.raw_dir, 80)
    rng = random.Random(7)
    kills = 0
    for _ in range(2):
        proc = subprocess.Popen(_ingest_command(project.root), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait_for_events(proc, project.log_path)  # the second round finds events at once: killed earlier in its run
        time.sleep(rng.uniform(0.0, 0.8))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
        if project.log_path.exists():
            assert log_problems(project.log_path) == []
    assert kills, "the ingest finished before it could be killed; raise the corpus size"
    rerun = subprocess.run(_ingest_command(project.root), capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert log_problems(project.log_path) == []
    assert event_keys(project.log_path) == event_keys(clean_run.log_path)  # no event lost, none doubled
    for name, frame in _frames(clean_run).items():
        assert _frames(project)[name].equals(frame), name


def test_two_concurrent_ingests_log_each_file_once(tmp_path):
    project = make_project(tmp_path, {})
    write_corpus(project.raw_dir, 24, seed=3)
    runs = [subprocess.Popen(_ingest_command(project.root), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    outputs = [p.communicate() for p in runs]
    assert [p.returncode for p in runs] == [0, 0], outputs
    assert log_problems(project.log_path) == []
    with EventLog(project.log_path) as log:
        assert len(list(log.read(types=["SourceRead"]))) == 24


def test_full_disk_during_ingest_is_a_clear_error_and_the_log_stays_whole(tmp_path, capsys):
    project = make_project(tmp_path, {})
    write_corpus(project.raw_dir, 30, seed=5)
    with EventLog(project.log_path) as log:
        log.append([UnitAliasDeclared(reason="earlier curation", names=("发改局", "发展改革委"))], recorded_by="ana")
    before = event_keys(project.log_path)
    with log_growth_capped(pages=2):  # two 16 KB pages: room for a few compressed batches, far from all 30
        assert main(["--project", str(project.root), "ingest"]) == 2
    err = capsys.readouterr().err
    assert "events.sqlite: cannot write to the event log (database or disk is full)" in err
    assert log_problems(project.log_path) == []
    after = event_keys(project.log_path)
    assert after >= before and after[("SourceRead", None)] >= 1  # the batches that fitted are whole
    assert main(["--project", str(project.root), "ingest"]) == 0  # room again: the run completes
    assert event_keys(project.log_path)[("SourceRead", None)] == 30


@pytest.mark.parametrize("error", [OSError(errno.ENOSPC, "No space left on device"),
                                   PermissionError(errno.EACCES, "Permission denied")])
def test_unwritable_processed_folder_is_a_clear_error_and_keeps_old_frames(tmp_path, capsys, monkeypatch, error):
    project = make_project(tmp_path, {"plan.txt": "一、总体\n1.建实验室。(牵头单位:科技局)\n".encode()})
    assert main(["--project", str(project.root), "ingest"]) == 0
    assert main(["--project", str(project.root), "build"]) == 0
    old = {p.name: p.read_bytes() for p in project.processed_dir.iterdir()}
    with EventLog(project.log_path) as log:
        seq = log.last_seq()

    def failing_write(frame, path, **kwargs):
        Path(path).write_bytes(b"PAR1 half a file")  # a partial write before the error
        raise error

    monkeypatch.setattr(pl.DataFrame, "write_parquet", failing_write)
    capsys.readouterr()
    assert main(["--project", str(project.root), "build"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and str(project.processed_dir) in err and error.strerror in err
    assert {p.name: p.read_bytes() for p in project.processed_dir.iterdir()} == old  # no partial files left
    with EventLog(project.log_path) as log:
        assert log.last_seq() == seq and log.integrity_problems() == []


def test_foreign_sqlite_file_is_refused_by_every_verb(tmp_path, capsys):
    project = make_project(tmp_path, {"plan.txt": "一、总体\n1.建实验室。\n".encode()})
    project.log_path.parent.mkdir(parents=True)
    db = sqlite3.connect(project.log_path)
    db.execute("CREATE TABLE thesis_notes (x)")
    db.commit()
    db.close()
    before = project.log_path.read_bytes()
    for verb in ("ingest", "status", "build"):
        assert main(["--project", str(project.root), verb]) == 2
        assert "not a policykit event log; refusing to touch it" in capsys.readouterr().err
    assert project.log_path.read_bytes() == before


def test_corrupt_log_is_refused_or_reported(tmp_path, capsys):
    project = make_project(tmp_path, {})
    write_corpus(project.raw_dir, 20)
    pk.ingest(project)
    data = bytearray(project.log_path.read_bytes())
    data[4096 * 2: 4096 * 4] = bytes(range(256)) * 32  # scribble over pages in the middle
    project.log_path.write_bytes(bytes(data))
    assert main(["--project", str(project.root), "ingest"]) == 2
    assert capsys.readouterr().err.startswith(f"error: {project.log_path}: the event log cannot be used (")
    assert main(["--project", str(project.root), "doctor"]) == 1
    assert f"PROBLEM  event log: {project.log_path}: " in capsys.readouterr().out


def test_garbage_log_file_gives_a_clear_error(tmp_path, capsys):
    project = make_project(tmp_path, {"plan.txt": "一、总体\n1.建实验室。\n".encode()})
    project.log_path.parent.mkdir(parents=True)
    project.log_path.write_bytes(b"these are my notes, not a database" * 200)
    assert main(["--project", str(project.root), "ingest"]) == 2
    assert "not a readable SQLite file" in capsys.readouterr().err


def _built_project(tmp_path):
    project = make_project(tmp_path, {"plan.txt": "一、总体\n1.建实验室。(牵头单位:科技局)\n".encode()})
    assert main(["--project", str(project.root), "ingest"]) == 0
    return project


def test_a_killed_builds_scratch_folder_is_removed_by_the_next_build(tmp_path):
    project = _built_project(tmp_path)
    proc = subprocess.Popen([sys.executable, "-c", (
        "import os, sys, policykit.dataset as d\n"
        "real = d.stream_log\n"
        "def stuck(log, workdir, **kw):\n"
        "    (workdir / 'part.parquet').write_bytes(b'x' * 1000); print(workdir, flush=True); os.kill(os.getpid(), 9)\n"
        "d.stream_log = stuck\n"
        f"d.write_frames_streaming({str(project.root)!r})\n")], stdout=subprocess.PIPE, text=True)
    left = Path(proc.stdout.readline().strip())
    assert proc.wait() == -signal.SIGKILL and left.name.startswith(".build-") and left.is_dir()
    assert main(["--project", str(project.root), "build"]) == 0
    assert not left.exists() and not list(project.processed_dir.glob(".build-*"))


def test_the_sweep_leaves_a_running_builds_scratch_folder_alone(tmp_path):
    import fcntl
    import os

    project = _built_project(tmp_path)
    project.processed_dir.mkdir(parents=True)
    running = project.processed_dir / ".build-running"
    running.mkdir()
    fd = os.open(project.processed_dir, os.O_RDONLY | os.O_DIRECTORY)
    fcntl.flock(fd, fcntl.LOCK_SH)  # as a build in progress holds it
    try:
        assert main(["--project", str(project.root), "build"]) == 0
        assert running.is_dir()
    finally:
        os.close(fd)
    assert main(["--project", str(project.root), "build"]) == 0  # that build is gone now: its folder is a leftover
    assert not running.exists()


def test_build_never_writes_through_a_symlink(tmp_path):
    project = _built_project(tmp_path / "p")
    project.processed_dir.mkdir(parents=True)
    outside = {name: tmp_path / f"victim-{name}" for name in ("frame", "tmp", "manifest")}
    for path in outside.values():
        path.write_text("precious")
    (project.processed_dir / "documents.parquet").symlink_to(outside["frame"])
    (project.processed_dir / "tasks.parquet.tmp").symlink_to(outside["tmp"])  # the temporary name builds used to use
    (project.processed_dir / "_build.json").symlink_to(outside["manifest"])
    assert main(["--project", str(project.root), "build"]) == 0
    assert all(path.read_text() == "precious" for path in outside.values())
    for name in ("documents.parquet", "tasks.parquet", "_build.json"):
        assert not (project.processed_dir / name).is_symlink()
    assert pl.read_parquet(project.processed_dir / "documents.parquet").height == 1


def test_figures_never_write_through_a_symlink(tmp_path):
    import altair as alt

    from policykit.charts import FontMissingError, save

    victim = tmp_path / "victim.svg"
    victim.write_text("precious")
    link = tmp_path / "figures" / "chart.svg"
    link.parent.mkdir()
    link.symlink_to(victim)
    chart = alt.Chart(pl.DataFrame({"单位": ["科技局"], "n": [3]})).mark_bar().encode(x="n", y="单位")
    try:
        save(chart, link)
    except FontMissingError:
        pytest.skip("no CJK font installed (`make fonts`)")
    assert victim.read_text() == "precious" and not link.is_symlink() and link.read_text().startswith("<svg")


def test_export_log_never_writes_through_a_symlink(tmp_path):
    project = _built_project(tmp_path / "p")
    out = tmp_path / "pkg"
    out.mkdir()
    victims = {name: tmp_path / f"victim-{name}" for name in ("manifest.json", "events.ndjson", "texts.ndjson")}
    for name, victim in victims.items():
        victim.write_text("precious")
        (out / name).symlink_to(victim)
    assert main(["--project", str(project.root), "export-log", "--out", str(out)]) == 0
    assert all(v.read_text() == "precious" for v in victims.values())
    assert not any((out / name).is_symlink() for name in victims)
    assert pk.import_log(make_project(tmp_path / "replica", {}), out) == 2


def test_stress_cases_run_and_print_their_table(capsys):
    """`make stress` is too slow for `make test`; two of its quick cases keep the runner from rotting."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import stress

    assert stress.main(["--only", "fifo,tampered-packages"]) == 0
    out = capsys.readouterr().out
    assert "| fifo | ok | exit 1: warning: data/raw/pipe.txt: a FIFO" in out
    assert "| tampered-packages | ok | 15/15 tampered packages refused by name" in out
    assert "events lost 0 · events doubled 0" in out
