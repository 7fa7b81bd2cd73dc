"""The shared development corpus (national and Hailar work reports) reads with sensible metadata."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from policykit.text import read_source

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not (CORPUS / "gwr-national").is_dir(), reason="../shared/corpus is absent (development corpus not shipped with the repo)"),
]


def _read(folder: str):
    for path in sorted((CORPUS / folder).glob("*.txt")):
        yield path, read_source(path.read_bytes(), f"{folder}/{path.name}")


def test_national_work_reports():
    for path, reading in _read("gwr-national"):
        assert len(reading.documents) == 1, path.name
        meta = reading.documents[0].metadata
        assert (meta.issuer, meta.level, meta.doc_type) == ("国务院", "national", "work_report"), path.name
        assert meta.year == int(path.name[:4]), path.name
        assert not reading.documents[0].text.endswith("false")


def test_hailar_district_work_reports_with_crlf_and_a_missing_title():
    for path, reading in _read("gwr-hulunbuir-hailar"):
        assert len(reading.documents) == 1, path.name
        doc = reading.documents[0]
        assert "\r" not in doc.text
        assert re.search(r"^一、", doc.text, re.M), path.name
        meta = doc.metadata
        assert (meta.level, meta.region, meta.doc_type) == ("district", "海拉尔区", "work_report"), path.name
        assert meta.issuer.endswith("海拉尔区人民政府") and meta.year == int(path.name[:4]), path.name
        if path.name.startswith("2017"):
            assert meta.title is None and "missing-title" in {w.code for w in doc.warnings}
