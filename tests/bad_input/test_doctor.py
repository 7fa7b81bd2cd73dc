"""`policykit doctor`: healthy projects pass; each problem is named with what to do."""
from __future__ import annotations

import tempfile

import pytest

import policykit as pk
from policykit import _version, doctor
from policykit.charts import find_cjk_font
from policykit.cli import main
from policykit.log import EventLog, UnitAliasDeclared

from conftest import make_project


@pytest.fixture
def built(tmp_path, monkeypatch):
    """An ingested and built project; the CJK font is a stand-in so the check does not depend on the host."""
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    (fonts / "NotoSansCJK.ttc").write_bytes(b"stand-in")
    monkeypatch.setenv("POLICYKIT_FONT_DIR", str(fonts))
    find_cjk_font.cache_clear()  # the font lookup is cached per process
    project = make_project(tmp_path / "p", {"plan.txt": "一、总体\n1.建实验室。(牵头单位:科技局)\n".encode()})
    pk.ingest(project)
    pk.write_frames(pk.open(project))
    yield project
    find_cjk_font.cache_clear()  # other tests must not see the stand-in


def _problems(project) -> dict[str, doctor.Check]:
    return {c.name: c for c in doctor.run_checks(project) if not c.ok}


def test_healthy_project_exits_0(built, capsys):
    assert main(["--project", str(built.root), "doctor"]) == 0
    out = capsys.readouterr().out
    assert "PROBLEM" not in out and out.rstrip().endswith("healthy")
    assert "polars" in out and "sound, last seq 2" in out


def test_stale_frames_and_old_extractions_say_what_to_run(built, monkeypatch, capsys):
    with EventLog(built.log_path) as log:
        log.append([UnitAliasDeclared(reason="same bureau", names=("科技局", "科学技术局"))], recorded_by="ana")
    monkeypatch.setattr(_version, "EXTRACTOR_VERSION", "99.0")
    problems = _problems(built)
    assert set(problems) == {"frames", "extractor version"}
    assert problems["frames"].found == "built from seq 2, log at seq 3"
    assert "policykit build" in problems["frames"].advice
    assert "1 of 1 sources" in problems["extractor version"].found
    assert "--reextract" in problems["extractor version"].advice
    assert main(["--project", str(built.root), "doctor"]) == 1
    assert "2 problems found" in capsys.readouterr().out


def test_missing_package_font_and_write_access_are_reported(built, monkeypatch):
    monkeypatch.setattr(doctor, "KEY_PACKAGES", ("polars", "no-such-package-policykit"))
    monkeypatch.setenv("POLICYKIT_FONT_DIR", str(built.root / "no-fonts"))

    def read_only(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", read_only)
    problems = _problems(built)
    assert problems["packages"].found == "missing: no-such-package-policykit"
    assert "POLICYKIT_FONT_DIR" in problems["CJK font"].found and "make fonts" in problems["CJK font"].advice
    assert "not writable (Permission denied)" in problems["data/processed"].found


def test_project_without_log_or_frames(tmp_path):
    project = make_project(tmp_path, {})
    problems = _problems(project)
    assert "policykit ingest" in problems["event log"].advice
    assert "frames" not in problems  # nothing to compare before there is a log


def test_foreign_log_file_is_a_problem_not_a_crash(built):
    built.log_path.unlink()
    built.log_path.write_bytes(b"not a database at all" * 100)
    problem = _problems(built)["event log"]
    assert "not a readable SQLite file" in problem.found and "import-log" in problem.advice
