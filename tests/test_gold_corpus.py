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


@pytest.mark.parametrize("folder", [GOLD, GOLD / "sealed", GOLD / "sealed-2", GOLD / "sealed-3"],
                         ids=["open", "sealed", "sealed-2", "sealed-3"])
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
    assert quoted > 30  # each part quotes at least its clauses and targets (sealed-3, the smallest: 36)


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


# The table names the surveyed unemployment rate by a shorter key than the kit's metric table.
_TABLE_KEYS = {"surveyed_unemployment": "surveyed_unemployment_rate"}


def test_every_2026_provincial_headline_target_is_read(tmp_path):
    """All 15 provincial 2026 work reports: each headline target of the hand-read table, exactly."""
    import polars as pl

    import policykit as pk

    project = pk.Project.create(tmp_path, {p.name: p.read_bytes() for p in (CORPUS / "gwr-provincial-2026").glob("*.txt")})
    assert pk.ingest(project).ok
    ds = pk.open(tmp_path)
    targets = ds.targets.join(ds.documents.select("doc_id", "source_path"), on="doc_id").filter(pl.col("year") == 2026)
    with (GOLD / "provincial-2026-main-targets.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    missed = []
    for row in rows:
        found = targets.filter(pl.col("source_path").str.ends_with(row["file"]),
                               pl.col("metric_key") == _TABLE_KEYS.get(row["metric_key"], row["metric_key"]),
                               pl.col("comparator") == row["comparator"])
        high = Decimal(row["value_high"]) if row["value_high"] else None
        if not any(Decimal(str(t["value"])) == Decimal(row["value"]) and
                   (t["value_high"] is None if high is None else Decimal(str(t["value_high"])) == high)
                   for t in found.iter_rows(named=True)):
            missed.append((row["file"], row["metric_key"], row["value"]))
    assert missed == [] and len(rows) == 53
