"""`ingest --engine ray` on a local Ray writes the same log, and so the same frames, as the in-process path."""
from __future__ import annotations

import os

import pytest

from conftest import make_project
from policykit.log import EventLog
from policykit.project import FRAME_NAMES


def _content(project) -> list[tuple]:
    """Each stored row but its time: type, version, author, document, batch key, payload."""
    with EventLog(project.log_path, create=False) as log:
        return [(t, v, by, doc, key, payload) for _seq, t, v, _at, by, doc, key, payload in log.raw_rows()]


def test_ray_ingest_logs_the_same_events_and_builds_the_same_frames(tmp_path):
    if not os.environ.get("CI"):  # CI installs the extra: a missing one there is a failure, not a skip
        pytest.importorskip("ray")
    import policykit as pk

    here, there = make_project(tmp_path / "processes"), make_project(tmp_path / "ray")
    assert pk.ingest(here).ok
    assert pk.ingest(there, engine="ray", workers=2).ok
    assert _content(there) == _content(here) and len(_content(here)) > 10
    ours, theirs = pk.open(here), pk.open(there)
    for name in FRAME_NAMES:
        assert getattr(theirs, name).equals(getattr(ours, name)), name
