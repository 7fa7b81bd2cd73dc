import sys
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policykit as pk
from policykit.frames import SCHEMAS
from policykit.log import EventLog

from conftest import make_project


def test_reingesting_unchanged_files_appends_nothing(tmp_path):
    project = make_project(tmp_path)
    first = pk.ingest(project)
    assert first.ok and first.files_ingested == 5
    with EventLog(project.log_path) as log:
        seq = log.last_seq()
    again = pk.ingest(project)
    assert again.files_ingested == 0 and again.files_unchanged == 5 and again.events_appended == 0
    with EventLog(project.log_path) as log:
        assert log.last_seq() == seq


def test_parallel_ingest_gives_the_same_frames(tmp_path, sample):
    project = make_project(tmp_path)
    report = pk.ingest(project, workers=2)
    assert report.ok
    parallel = pk.open(project)
    for name in ("tasks", "assignments", "targets"):
        assert parallel.frames.as_dict()[name].equals(sample.frames.as_dict()[name])


def test_changed_file_supersedes_its_earlier_reading(tmp_path):
    project = make_project(tmp_path, {"plan.txt": "一、总体\n1.建实验室。(牵头单位:科技局)\n".encode()})
    pk.ingest(project)
    (project.raw_dir / "plan.txt").write_bytes("一、总体\n1.建实验室。(牵头单位:工业和信息化局)\n".encode())
    pk.ingest(project)
    ds = pk.open(project)
    assert ds.documents.height == 1
    assert ds.assignments["mention"].to_list() == ["工业和信息化局"]


def test_bad_files_are_reported_and_the_run_goes_on(tmp_path):
    project = make_project(tmp_path, {"good.txt": "一、总体\n1.建实验室。(牵头单位:科技局)\n".encode()})
    (project.raw_dir / "gone.txt").symlink_to(tmp_path / "does-not-exist.txt")
    report = pk.ingest(project)
    assert report.files_ingested == 1
    assert report.files_failed == 1 and "gone.txt" in report.problems[0]
    assert not report.ok


def test_empty_project_builds_frames_with_their_schemas(tmp_path):
    project = make_project(tmp_path, {})
    pk.ingest(project)
    ds = pk.open(project)
    paths = pk.write_frames(ds)
    for name, schema in SCHEMAS.items():
        frame = pl.read_parquet(paths[name])
        assert frame.height == 0
        assert frame.schema == pl.Schema(schema), name


def test_event_size_limit_refuses_the_document_and_a_higher_limit_reads_it(tmp_path):
    from policykit.ingest import IngestLimits

    table = "一、总体\n" + "".join(f"{i}.建设实验室{i}家以上。(牵头单位:科技局)\n" for i in range(1, 200))
    project = make_project(tmp_path, {"table.txt": table.encode(), "small.txt": "一、总体\n1.建实验室。\n".encode()})
    refused = pk.ingest(project, limits=IngestLimits(max_event_mb=0.01))
    assert refused.files_ingested == 1 and refused.files_failed == 1 and not refused.ok
    (problem,) = refused.problems
    assert problem.startswith("data/raw/table.txt: document 0 would be a ") and "199 tasks" in problem
    assert "over the event size limit of 0.01 MB (--max-event-mb, POLICYKIT_MAX_EVENT_MB)" in problem
    again = pk.ingest(project)  # a limit is a setting, not a verdict on the file: nothing was logged against it
    assert again.files_ingested == 1 and again.ok


def test_number_limit_refuses_a_dense_document_and_a_higher_limit_reads_it(tmp_path):
    from policykit.ingest import IngestLimits

    table = "一、主要指标\n" + "".join(f"{i}.产值{i}亿元，增长{i}%。\n" for i in range(1, 40))
    project = make_project(tmp_path, {"table.txt": table.encode(), "small.txt": "一、总体\n1.建实验室。\n".encode()})
    refused = pk.ingest(project, limits=IngestLimits(max_numbers=50))
    assert refused.files_ingested == 1 and refused.files_failed == 1
    (problem,) = refused.problems
    assert problem.startswith("data/raw/table.txt: ") and "over the limit of 50 (--max-numbers" in problem
    again = pk.ingest(project)  # nothing was logged against the file: the default limit reads it
    assert again.files_ingested == 1 and again.ok
    assert pk.open(project).targets.height > 30


def test_limits_come_from_the_environment(tmp_path, monkeypatch):
    from policykit.ingest import IngestLimits

    monkeypatch.setenv("POLICYKIT_MAX_FILE_MB", "0.00001")
    project = make_project(tmp_path, {"plan.txt": "一、总体\n1.建实验室。(牵头单位:科技局)\n".encode()})
    report = pk.ingest(project)
    assert report.problems == ["data/raw/plan.txt: 0.0 MB, larger than the file size limit of 1e-05 MB "
                               "(--max-file-mb, POLICYKIT_MAX_FILE_MB); skipped"]
    monkeypatch.setenv("POLICYKIT_MAX_FILE_MB", "lots")
    with pytest.raises(ValueError, match="POLICYKIT_MAX_FILE_MB='lots'"):
        IngestLimits.from_env()
    with pytest.raises(ValueError, match="a limit must be a positive number"):
        IngestLimits(max_event_mb=float("nan"))


def test_a_file_swapped_for_a_fifo_after_discovery_is_refused_not_waited_on(tmp_path, monkeypatch):
    import importlib
    import os

    ingest_module = importlib.import_module("policykit.ingest")
    project = make_project(tmp_path, {"plan.txt": "一、总体\n1.建实验室。\n".encode()})
    found = ingest_module.discover_sources

    def swap(paths):
        files, problems = found(paths)
        (project.raw_dir / "plan.txt").unlink()
        os.mkfifo(project.raw_dir / "plan.txt")
        return files, problems

    monkeypatch.setattr(ingest_module, "discover_sources", swap)
    report = pk.ingest(project)
    assert report.problems == ["data/raw/plan.txt: a FIFO (named pipe), not a regular file; skipped"]


def test_a_project_given_as_a_string_ingests(tmp_path):
    from policykit.ingest import ingest
    from policykit.project import Project

    project = Project.create(tmp_path, {"plan.txt": "一、创新\n1.建实验室。(牵头单位:科技局)"})
    as_text = Project(str(tmp_path))
    assert as_text == project and as_text.log_path == tmp_path / "data" / "log" / "events.sqlite"
    report = ingest(as_text, [str(project.raw_dir)])
    assert report.files_ingested == 1


def test_workers_log_the_same_events_in_the_same_order_as_one_process(tmp_path, monkeypatch):
    import importlib

    ingest_module = importlib.import_module("policykit.ingest")  # the module, not the function of its name

    sample = sorted(make_project(tmp_path / "sample").raw_dir.iterdir(), key=lambda p: p.stat().st_size)[:4]
    raw = {p.name: p.read_bytes() for p in sample}  # 30-55 KB each
    raw |= {"a-scan.txt": b"%PDF-1.4 not text", "b-empty.txt": b"", "c-gbk.txt": "一、总体\n1.建实验室。\n".encode("gb18030"),
            "z-last.txt": "二、保障\n1.建平台。(责任单位:市发改委)\n".encode()}

    def rows(project):
        with EventLog(project.log_path) as log:  # all but recorded_at
            return [row[:3] + row[4:] for row in log.raw_rows()], sorted(log.texts())

    one = make_project(tmp_path / "one", raw)
    assert not pk.ingest(one, workers=1).ok  # the scan is refused, the run goes on
    # runs of one to four files per task, several in flight; the first file is read by the writer
    monkeypatch.setattr(ingest_module, "_TASK_BYTES", 40_000)
    two = make_project(tmp_path / "two", raw)
    report = pk.ingest(two, workers=2)
    assert report.files_ingested == len(raw) - 1 and report.files_failed == 1
    events, texts = rows(two)
    types = [e[1] for e in events]
    assert types.count("SourceRejected") == 1 and types.count("SourceRead") == len(raw) - 1
    assert (events, texts) == rows(one)


@settings(max_examples=200, deadline=None)
@given(sizes=st.lists(st.integers(0, 300), max_size=40), task_bytes=st.integers(1, 400),
       extra=st.integers(0, 2000), parts=st.integers(1, 8))
def test_runs_keep_every_file_in_order_and_close_at_the_smaller_of_a_task_and_a_share_of_what_is_left(
        sizes, task_bytes, extra, parts):
    import importlib

    ingest_module = importlib.import_module("policykit.ingest")
    items = [(str(i), b"x" * size, "") for i, size in enumerate(sizes)]
    left = sum(sizes) + extra  # the file system may promise more than is read (files skipped, shrunk)
    runs = list(ingest_module._runs(iter(items), task_bytes, left, parts))
    assert [item for run in runs for item in run] == items
    for run in runs:
        held = [len(data) for _, data, _ in run]
        closes_at = min(task_bytes, left / parts)
        assert len(run) == 1 or sum(held[:-1]) < closes_at  # no file more than the run needs
        if run is not runs[-1]:
            assert sum(held) >= closes_at
        left -= sum(held)


def test_the_last_runs_shrink_to_single_files():
    import importlib

    ingest_module = importlib.import_module("policykit.ingest")
    items = [(str(i), b"x" * 10, "") for i in range(40)]
    runs = list(ingest_module._runs(iter(items), 100, left=400, parts=4))
    assert [len(run) for run in runs][:3] == [10, 8, 6] and [len(run) for run in runs][-3:] == [1, 1, 1]
    assert [len(run) for run in ingest_module._runs(iter(items), 100)] == [10] * 4  # nothing said of what is left


@pytest.mark.skipif(sys.platform != "linux", reason="pipe sizes are set on Linux only")
def test_the_pipes_to_and_from_the_workers_hold_a_run_and_its_results_in_one_write():
    import fcntl
    import importlib

    ingest_module = importlib.import_module("policykit.ingest")
    if int(Path("/proc/sys/fs/pipe-max-size").read_text()) < ingest_module._PIPE_BYTES:
        pytest.skip("this system keeps pipes smaller")
    with ingest_module._worker_pool(2) as pool:
        sizes = [fcntl.fcntl(q._reader.fileno(), fcntl.F_GETPIPE_SZ) for q in (pool._call_queue, pool._result_queue)]
    assert sizes == [ingest_module._PIPE_BYTES] * 2


@pytest.fixture
def nothing_frozen():
    """A process with no frozen objects for the test, as frozen as before after it: the CLI's ``main`` freezes
    what it imported, and other tests call it in this process (without this the test below was skipped
    in every whole-suite run)."""
    import gc

    was_frozen = gc.get_freeze_count() > 0
    gc.unfreeze()
    yield
    if was_frozen:
        gc.freeze()


def test_the_writer_freezes_its_objects_only_while_the_workers_run(tmp_path, monkeypatch, nothing_frozen):
    import gc
    import importlib

    ingest_module = importlib.import_module("policykit.ingest")
    bounded_map, frozen = ingest_module._bounded_map, []

    def noting(pool, fn, items, window):
        frozen.append(gc.get_freeze_count())
        return bounded_map(pool, fn, items, window)

    monkeypatch.setattr(ingest_module, "_bounded_map", noting)
    assert pk.ingest(make_project(tmp_path), workers=2).files_ingested == 5
    assert len(frozen) == 1 and frozen[0] > 0 and gc.get_freeze_count() == 0


def test_a_one_process_ingest_freezes_what_its_first_file_leaves_alive_till_it_ends(tmp_path, monkeypatch,
                                                                                     nothing_frozen):
    import gc
    import importlib

    ingest_module = importlib.import_module("policykit.ingest")
    extract, frozen = ingest_module._extract_or_problem, []

    def noting(item, limits):
        frozen.append(gc.get_freeze_count())
        return extract(item, limits)

    monkeypatch.setattr(ingest_module, "_extract_or_problem", noting)
    assert pk.ingest(make_project(tmp_path), workers=1).files_ingested == 5
    assert frozen[0] == 0 and all(count > 0 for count in frozen[1:]) and len(frozen) == 5
    assert gc.get_freeze_count() == 0


@pytest.mark.parametrize("caller, during", [((700, 10, 10), (10_000, 10, 10)), ((500, 3, 4), (10_000, 3, 4)),
                                             ((20_000, 10, 10), (20_000, 10, 10)), ((0, 10, 10), (0, 10, 10))])
@pytest.mark.parametrize("workers", [1, 2])
def test_ingest_looks_at_young_objects_every_10000_till_it_ends(tmp_path, monkeypatch, caller, during, workers):
    # A caller's higher threshold, or collection turned off (0), is left as it is; the caller's is back after.
    import gc
    import importlib

    ingest_module = importlib.import_module("policykit.ingest")
    name = "_extract_or_problem" if workers == 1 else "_bounded_map"
    function, seen = getattr(ingest_module, name), []

    def noting(*args, **kwargs):
        seen.append(gc.get_threshold())
        return function(*args, **kwargs)

    monkeypatch.setattr(ingest_module, name, noting)
    before = gc.get_threshold()
    try:
        gc.set_threshold(*caller)
        assert pk.ingest(make_project(tmp_path), workers=workers).files_ingested == 5
        assert seen and set(seen) == {during} and gc.get_threshold() == caller
    finally:
        gc.set_threshold(*before)


@pytest.mark.parametrize("workers", [1, 2])
def test_objects_a_caller_froze_stay_frozen_through_an_ingest(tmp_path, nothing_frozen, workers):
    import gc

    gc.freeze()
    assert pk.ingest(make_project(tmp_path), workers=workers).files_ingested == 5
    assert gc.get_freeze_count() > 0  # still frozen (the count itself falls as frozen objects are freed)
