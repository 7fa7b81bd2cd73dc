"""Document metadata scored against a hand-read table of corpus documents (tests/text/metadata_truth.tsv).

Each cell of the table is what the text states ("-" where it states nothing, ``a|b`` for what is
acceptable). A value the kit gives is *right* when the table accepts it, *wrong* when it is a value the
table does not accept (a wrong inference), *missed* when the kit leaves null what the text states.
The floors below fail the suite when a change makes the reading worse.
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from policykit.text import read_source

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
TRUTH = Path(__file__).with_name("metadata_truth.tsv")
FIELDS = ("title", "issuer", "doc_number", "issued_on", "level", "region", "region_code", "doc_type", "annex_of")
RIGHT_FLOOR = 0.97  # share of all cells right
WRONG_CEILING = 0  # wrong values (inferred or misread) allowed

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent (development corpus not shipped with the repo)"),
]


def truth_rows() -> list[dict[str, str]]:
    lines = [line for line in TRUTH.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@cache
def _documents(file: str):
    return read_source((CORPUS / file).read_bytes(), file).documents


def _given(file: str, part: int, name: str) -> str | None:
    documents = _documents(file)
    if part >= len(documents):
        return None
    value = getattr(documents[part].metadata, name, None)
    return None if value is None else str(value)


def verdict(cell: str, value: str | None, name: str) -> str:
    """``right`` | ``wrong`` | ``missed`` for one value against one cell of the table."""
    accepted = cell.split("|")
    if value is None:
        return "right" if "-" in accepted else "missed"
    if name == "title":
        value, accepted = re.sub(r"\s", "", value), [re.sub(r"\s", "", a) for a in accepted]
    return "right" if value in accepted else "wrong"


def score() -> tuple[Counter, list[str]]:
    """Verdict counts over the table and one line per cell that is not right."""
    counts: Counter = Counter()
    misses: list[str] = []
    for row in truth_rows():
        for name in FIELDS:
            value = _given(row["file"], int(row["part"]), name)
            result = verdict(row[name], value, name)
            counts[result] += 1
            counts[f"{name}:{result}"] += 1
            if result != "right":
                misses.append(f"{result}\t{row['file']}#{row['part']}\t{name}\tgiven {value!r}, text {row[name]!r}")
    return counts, misses


def test_the_table_covers_every_folder_and_thirty_documents():
    rows = truth_rows()
    assert len(rows) >= 30
    assert len({r["file"].split("/")[0] for r in rows}) >= 8
    assert all(set(r) == {"file", "part", *FIELDS} for r in rows)


def test_verdicts():
    assert verdict("-", None, "issuer") == "right"
    assert verdict("济南市|-", None, "region") == "right"
    assert verdict("济南市", None, "region") == "missed"
    assert verdict("-", "济南市人民政府", "issuer") == "wrong"
    assert verdict("某某 办法", "某某办法", "title") == "right"


def test_metadata_against_the_hand_read_table():
    counts, misses = score()
    total = counts["right"] + counts["wrong"] + counts["missed"]
    report = "\n".join(misses)
    assert counts["wrong"] <= WRONG_CEILING, report
    assert counts["right"] / total >= RIGHT_FLOOR, report
