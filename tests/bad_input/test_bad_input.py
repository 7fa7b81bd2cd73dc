"""Bad raw files: each one is named with its problem, the run goes on, the exit code says if any failed."""
from __future__ import annotations

import contextlib
import errno
import importlib
import io
from pathlib import Path

import pytest

import policykit as pk
from policykit.cli import main
from policykit.ingest import UnreadableSource, extraction_batch

from bad_input.cases import GOOD, LINK_PROBLEMS, bad_inputs, write_bad_inputs
from conftest import make_project

# the module, not the function policykit.ingest re-exports
ingest_module = importlib.import_module("policykit.ingest")

CASES = bad_inputs()


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """All bad inputs plus a good file, a file that vanishes after discovery and one that turns
    unreadable, ingested through the command line."""
    project = make_project(tmp_path_factory.mktemp("bad"), {"good.txt": GOOD.encode()})
    raw = project.raw_dir
    write_bad_inputs(raw, CASES)
    (raw / "vanishing.txt").write_bytes(GOOD.encode() + b"x")
    (raw / "locked.txt").write_bytes(GOOD.encode() + b"y")
    mp = pytest.MonkeyPatch()
    read = ingest_module._read_bytes

    def read_racing(path: Path, limits=None) -> bytes:
        if path.name == "vanishing.txt":
            path.unlink()  # gone between listing and reading
        if path.name == "locked.txt":  # chmod 000 does not stop root, so the refusal is simulated
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return read(path, limits)

    mp.setattr(ingest_module, "_read_bytes", read_racing)
    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        code = main(["--project", str(project.root), "ingest"])
    mp.undo()
    return project, code, out.getvalue(), err.getvalue().splitlines()


def _lines_about(lines: list[str], name: str) -> list[str]:
    return [line for line in lines if f"data/raw/{name}" in line or f"{name}:" in line]


def test_exit_code_says_some_files_failed(ingested):
    _, code, out, _ = ingested
    assert code == 1
    assert "ingest: 23 files" in out and "failed" in out


@pytest.mark.parametrize("case", [c for c in CASES if c.outcome in ("warning", "failed")], ids=lambda c: c.name)
def test_bad_file_is_named_with_its_problem(ingested, case):
    _, _, _, err = ingested
    lines = _lines_about(err, case.name)
    assert lines and all(line.startswith("warning: ") for line in lines)
    assert any(case.says in line for line in lines), lines


@pytest.mark.parametrize("name, says", [*LINK_PROBLEMS, ("vanishing.txt", "cannot read (No such file or directory)"),
                                        ("locked.txt", "cannot read (Permission denied)")])
def test_unreadable_paths_are_named(ingested, name, says):
    assert any(says in line for line in _lines_about(ingested[3], name)), ingested[3]


def test_the_run_goes_on_with_the_readable_files(ingested):
    project, _, _, err = ingested
    docs = pk.open(project).documents
    paths = set(docs["source_path"])
    expected_ok = {f"data/raw/{c.name}" for c in CASES if c.outcome == "ok"} | {"data/raw/good.txt"}
    assert expected_ok <= paths
    for case in CASES:
        if case.outcome == "ok":
            assert not _lines_about(err, case.name), case.name


def test_path_with_spaces_and_cjk_keeps_its_name(ingested):
    ds = pk.open(ingested[0])
    doc = ds.documents.filter(ds.documents["source_path"] == "data/raw/计划 文件/成武县 2023年 重点任务.txt")
    assert doc.height == 1


def test_absurd_numbers_are_read_not_fatal():
    case = next(c for c in CASES if c.name == "absurd.txt")
    (extracted,) = extraction_batch(case.data, "absurd.txt").events[1:]
    values = {t["value"] for t in extracted.targets}
    assert values and all(len(v) < 80 for v in values)  # read (or left out) without an exception


def test_no_task_document_is_ingested_with_zero_tasks(ingested):
    docs = pk.open(ingested[0]).documents
    assert docs.filter(docs["source_path"] == "data/raw/no-tasks.txt")["n_tasks"].to_list() == [0]


def test_rejections_are_logged_and_a_rerun_appends_nothing(ingested, capsys):
    project = ingested[0]
    with pk.log.EventLog(project.log_path) as log:
        rejected = [e.event for e in log.read(types=["SourceRejected"])]
        seq = log.last_seq()
    assert "data/raw/report.txt" in {e.source_path for e in rejected}
    assert main(["--project", str(project.root), "ingest"]) == 1  # the unreadable links still fail
    assert "1 ingested" in capsys.readouterr().out  # locked.txt, readable again; nothing else is redone
    with pk.log.EventLog(project.log_path) as log:
        assert log.last_seq() == seq + 2


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_extraction_batch_raises_nothing_but_unreadable_source(case):
    try:
        batch = extraction_batch(case.data, f"data/raw/{case.name}")
    except UnreadableSource as exc:
        assert case.outcome in ("failed", "any") and case.says in str(exc)
    else:
        assert case.outcome != "failed"
        assert batch.events[0].source_path == f"data/raw/{case.name}"
