"""Shared fixtures: a temporary copy of the shipped sample, ingested once per test session."""
from __future__ import annotations

import shutil
from pathlib import Path

import os

import pytest
from hypothesis import settings

# In CI the property tests replay a fixed set of examples (the same run every time: a red CI means a change
# broke something); on a developer's machine they search anew each run. POLICYKIT_HYPOTHESIS overrides.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("dev")
settings.load_profile(os.environ.get("POLICYKIT_HYPOTHESIS", "ci" if os.environ.get("CI") else "dev"))

REPO = Path(__file__).resolve().parents[1]
SHARED_CORPUS = REPO.parent / "shared" / "corpus"


def make_project(root: Path, raw_files: dict[str, bytes] | None = None) -> "Project":
    """A project folder at ``root`` holding the given raw files (default: the shipped sample)."""
    from policykit import Project

    if raw_files is None:
        shutil.copytree(REPO / "data" / "raw", root / "data" / "raw")
        return Project(root)
    return Project.create(root, raw_files)


@pytest.fixture(scope="session")
def sample_project(tmp_path_factory) -> "Project":
    """The shipped sample ingested and built in a temporary folder (read-only for tests)."""
    import policykit as pk

    project = make_project(tmp_path_factory.mktemp("sample"))
    report = pk.ingest(project)
    assert report.ok, report.problems
    pk.write_frames(pk.open(project))
    return project


@pytest.fixture(scope="session")
def sample(sample_project):
    import policykit as pk

    return pk.open(sample_project)


@pytest.fixture
def corpus() -> Path:
    if not SHARED_CORPUS.is_dir():
        pytest.skip(f"{SHARED_CORPUS} is absent: corpus tests need ../shared/corpus beside the repo")
    return SHARED_CORPUS
