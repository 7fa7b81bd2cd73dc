"""Project paths: names relative to the root."""
import os
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

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


def _relative_by_pathlib(project: Project, path) -> str:
    # The slow definition: Path.relative_to on the normalised absolute name.
    path = Path(os.path.abspath(path))
    try:
        return path.relative_to(project.root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


_PARTS = st.lists(st.sampled_from(["", ".", "..", "a", "data", "raw", "x.txt", "/", "//", "ab"]), max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["/", "/a", "/a/", "/ab", "/a/data", "//a"]), _PARTS, st.booleans())
def test_relative_by_prefix_is_relative_to(root, parts, absolute):
    # Roots and names around the prefix test: the root itself, a sibling sharing its first letters, "." and "..",
    # doubled slashes (two leading ones are a name of their own on POSIX), the root "/".
    project = Project(Path(root))
    name = ("/" if absolute else "") + "/".join(parts)
    assert project.relative(name or ".") == _relative_by_pathlib(project, name or ".")
