"""Shared paths for the reading-stage tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from policykit.text import SourceReading, read_source

REPO = Path(__file__).resolve().parents[2]
RAW = REPO / "data" / "raw"


@pytest.fixture(scope="session")
def seed():
    """Read a seed file once per session: ``seed("lijin-2020-gov-work-report.txt")``."""
    cache: dict[str, SourceReading] = {}

    def read(name: str) -> SourceReading:
        if name not in cache:
            cache[name] = read_source((RAW / name).read_bytes(), f"data/raw/{name}")
        return cache[name]

    return read
