"""Held-out styles: hand-written plans in layouts the seed documents do not have, scored against their gold.

Each ``*.txt`` / ``*.html`` here is a realistic plan written from knowledge of real government documents (a
国务院办公厅 分工方案, a provincial 实施方案, a 任务分工表 page, a township plan …) with a gold file made by hand
before the extractor was run on it. The floors guard the general rules that make these styles read; the
scores are printed (``pytest -s``) so a change can be judged per style.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_project
from policykit.evaluate import evaluate, load_gold

STYLES = Path(__file__).resolve().parent
RAW = sorted(p for p in STYLES.iterdir() if p.suffix in (".txt", ".html"))
# Per-file floors (F1) for tasks, unit mentions and unit + role.
FLOORS = {"tasks": 0.95, "mentions": 0.9, "unit_role": 0.85}
ALL_FLOORS = {"tasks": 0.98, "mentions": 0.97, "unit_role": 0.95}


@pytest.fixture(scope="module")
def styles_evaluation(tmp_path_factory):
    import policykit as pk

    project = make_project(tmp_path_factory.mktemp("styles"), {p.name: p.read_bytes() for p in RAW})
    report = pk.ingest(project)
    assert report.ok, report.problems
    ds = pk.open(project)
    return evaluate(load_gold(STYLES), ds.documents, ds.tasks, ds.assignments, ds.targets)


def _f1(evaluation, record_type, file="ALL"):
    return evaluation.row(record_type, file)["f1"] or 0.0


def test_every_style_has_gold():
    assert {p.stem for p in RAW} == {p.stem for p in STYLES.glob("*.json")}
    assert len(RAW) >= 10


def test_gold_quotes_and_mentions_are_verbatim():
    from policykit.text import read_source

    for gold in load_gold(STYLES):
        reading = read_source((STYLES / gold.file).read_bytes(), gold.file)
        text = "\n".join(d.text for d in reading.documents)
        for document in gold.documents:
            for task in document.tasks:
                for clause in task.assignments:
                    assert clause.quote in text, (gold.file, clause.quote)
                    assert all(unit.mention in clause.quote for unit in clause.units), (gold.file, clause.quote)


def test_scores_per_style_file(styles_evaluation):
    lines, low = [], []
    for raw in RAW:
        scores = {t: _f1(styles_evaluation, t, raw.name) for t in FLOORS}
        lines.append(f"{raw.name:40} " + "  ".join(f"{t} {v:.3f}" for t, v in scores.items()))
        low += [f"{raw.name} {t} {v:.3f} < {FLOORS[t]}" for t, v in scores.items() if v < FLOORS[t]]
    print("\n" + "\n".join(lines))
    errors = styles_evaluation.errors.filter(styles_evaluation.errors["record_type"].is_in(list(FLOORS)))
    for row in errors.iter_rows(named=True):
        print(row["file"], row["task"], row["record_type"], row["kind"], row["item"])
    assert not low, low


def test_scores_over_all_styles(styles_evaluation):
    scores = {t: _f1(styles_evaluation, t) for t in ALL_FLOORS}
    assert all(scores[t] >= ALL_FLOORS[t] for t in ALL_FLOORS), scores
