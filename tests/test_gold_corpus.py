"""The blind corpus gold (tests/gold-corpus): loads, and every quote and mention is verbatim corpus text."""
from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from policykit.evaluate import load_gold

GOLD = Path(__file__).resolve().parent / "gold-corpus"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"{CORPUS} is absent: corpus gold needs ../shared/corpus")


def _raw_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in CORPUS.rglob("*.txt")}


@pytest.mark.parametrize("folder", [GOLD, GOLD / "sealed"], ids=["open", "sealed"])
def test_corpus_gold_is_verbatim(folder):
    gold = load_gold(folder)
    assert not gold.problems and len(gold) >= 3
    texts = _raw_texts()
    quoted = 0
    for gold_file in gold:
        text = texts[gold_file.file]
        for doc in gold_file.documents:
            for task in doc.tasks:
                for clause in task.assignments:
                    assert clause.quote in text, (gold_file.file, clause.quote)
                    assert all(unit.mention in clause.quote for unit in clause.units), clause.quote
                    quoted += 1
            for target in (*(t for task in doc.tasks for t in task.targets), *doc.doc_targets):
                assert target.quote in text, (gold_file.file, target.quote)
                quoted += 1
    assert quoted > 100


def test_open_and_sealed_gold_are_large_enough():
    tasks = sum(len(d.tasks) for folder in (GOLD, GOLD / "sealed") for g in load_gold(folder) for d in g.documents)
    assert tasks >= 300


def test_provincial_main_targets_table_is_verbatim():
    texts = _raw_texts()
    with (GOLD / "provincial-2026-main-targets.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len({r["file"] for r in rows}) == 15
    for row in rows:
        assert row["quote"] in texts[row["file"]], row
        Decimal(row["value"])
