import polars as pl

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
