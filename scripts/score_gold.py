"""Score the extractor on corpus gold: copy the raw files a gold folder names into a fresh project,
ingest, build, evaluate.

    python scripts/score_gold.py tests/gold-corpus [--corpus ../shared/corpus] [--scores-out scores.csv]

The raw files are looked up by name anywhere under the corpus folder; the project is a temporary
folder, so nothing in this checkout changes. ``--extractor CHECKOUT`` ingests with another checkout's
``src`` (e.g. the commit before an improvement, for a blind first score) and scores with this one.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import polars as pl

from policykit.cli import main as policykit
from policykit.evaluate import load_gold
from policykit.project import Project

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path, help="a gold JSON file or a folder of them")
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--scores-out", type=Path)
    parser.add_argument("--markdown", action="store_true",
                        help="with --scores-out: also print the scores as a Markdown table (docs/accuracy.md)")
    parser.add_argument("--extractor", type=Path, help="a checkout whose src/ ingests and builds (default: this one)")
    args = parser.parse_args(argv)
    gold = load_gold(args.gold)
    by_name = {p.name: p for p in args.corpus.rglob("*") if p.is_file()}
    missing = [g.file for g in gold if g.file not in by_name]
    if missing:
        print(f"error: not in {args.corpus}: {', '.join(missing)}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        Project.create(tmp, {g.file: by_name[g.file].read_bytes() for g in gold})
        env = dict(os.environ)
        if args.extractor:
            env["PYTHONPATH"] = str(args.extractor.resolve() / "src")
        for verb in ("ingest", "build"):
            run = [sys.executable, "-c", "import sys; from policykit.cli import main; sys.exit(main())",
                   "--project", tmp, verb]
            if subprocess.run(run, env=env).returncode != 0:
                return 1
        extra = ["--scores-out", str(args.scores_out.resolve())] if args.scores_out else []
        status = policykit(["--project", tmp, "evaluate", str(args.gold.resolve()), *extra]) or 0
    if args.markdown and args.scores_out:
        print(markdown_table(pl.read_csv(args.scores_out)))
    return status


COLUMNS = ("tasks", "mentions", "unit_role", "targets", "comparator_accuracy", "year_accuracy", "metadata")


def markdown_table(scores: pl.DataFrame) -> str:
    """F1 per file and record type, with (tp/fp/fn) — or (right/matched) for accuracies."""
    def cell(row: dict | None) -> str:
        if not row or row["f1"] is None:
            return "–"
        if row["record_type"].endswith("accuracy"):
            return f"{row['f1']:.3f} ({row['tp']}/{row['tp'] + row['fp']})"
        return f"{row['f1']:.3f} ({row['tp']}/{row['fp']}/{row['fn']})"

    lines = ["| file | " + " | ".join(c.replace("_", " ") for c in COLUMNS) + " |", "|---|" + "---:|" * len(COLUMNS)]
    for file in scores["file"].unique(maintain_order=True):
        rows = {r["record_type"]: r for r in scores.filter(pl.col("file") == file).to_dicts()}
        lines.append(f"| {file.removesuffix('.txt')} | " + " | ".join(cell(rows.get(c)) for c in COLUMNS) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
