"""Project paths: names relative to the root."""
from pathlib import Path

from policykit.project import Project


def test_relative_names_a_file_under_the_root_from_the_root(tmp_path):
    project = Project(tmp_path)
    assert project.relative(tmp_path / "data" / "raw" / "a.txt") == "data/raw/a.txt"


def test_relative_keeps_a_file_outside_the_root_absolute(tmp_path):
    project = Project(tmp_path / "project")
    outside = tmp_path / "elsewhere" / "a.txt"
    assert project.relative(outside) == outside.as_posix()


def test_relative_reads_a_relative_root_against_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    project = Project(Path("project"))
    assert project.relative(tmp_path / "project" / "data" / "raw" / "b.txt") == "data/raw/b.txt"
    assert project.relative(Path("project/data/raw/b.txt")) == "data/raw/b.txt"
