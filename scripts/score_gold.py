"""Score the extractor on corpus gold: copy the raw files a gold folder names into a fresh project,
ingest, build, evaluate.

    python scripts/score_gold.py tests/gold-corpus [--corpus ../shared/corpus] [--scores-out scores.csv] [--false-hits]

The raw files are looked up by name anywhere under the corpus folder; the project is a temporary
folder, so nothing in this checkout changes. ``--extractor CHECKOUT`` ingests with another checkout's
``src`` (e.g. the commit before an improvement, for a blind first score) and scores with this one.
``--false-hits`` prints the extracted targets no gold target matches (non-targets), counted by class
(a rough reading of their quote: a count, a payment, a threshold, a ratio, a label, a rule, other) and
their share of all extracted targets.
"""
from __future__ import annotations

import argparse
import os
import re
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
    parser.add_argument("--false-hits", action="store_true",
                        help="print the targets no gold target matches, counted by class, and their share")
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
        scores_out = args.scores_out.resolve() if args.scores_out else Path(tmp) / "scores.csv"
        extra = ["--scores-out", str(scores_out)] if args.scores_out or args.false_hits else []
        status = policykit(["--project", tmp, "evaluate", str(args.gold.resolve()), *extra]) or 0
        if args.false_hits:
            print(false_hits_table(pl.read_csv(scores_out), pl.read_csv(scores_out.with_suffix(".errors.csv"))))
    if args.markdown and args.scores_out:
        print(markdown_table(pl.read_csv(args.scores_out)))
    return status


# Rough classes of a false hit, read from its quote (the first that matches; checked in this order).
_CLASSES = (
    ("payment", re.compile(r"给予|奖励|补助|补贴|资助|奖补|贴息|[特一二三]等奖")),
    ("threshold", re.compile(r"首次|营业收入|销售收入|纳税|面积|的$")),
    ("ratio", re.compile(r"每|比不|∶|:")),
    ("rule", re.compile(r"按照|按|税前|加计扣除|比例")),
    ("label", re.compile(r"[一二三四五六七八九十\d]+[类级期]$")),
    ("count", re.compile(r"\d+(?:个|项|条|家|所|名|种|处|批)$|[两二三四五六七八九十]+(?:个|项|条|种)$")),
)


def false_hit_class(quote: str | None) -> str:
    """The rough class of a non-target from its quote (see ``_CLASSES``), ``other`` if none fits.

    >>> false_hit_class("抓好550个"), false_hit_class("一等奖50万元"), false_hit_class("二类")
    ('count', 'payment', 'label')
    """
    quote = quote or ""
    return next((name for name, pattern in _CLASSES if pattern.search(quote)), "other")


def false_hits_table(scores: pl.DataFrame, errors: pl.DataFrame) -> str:
    """Extracted targets without a gold match, by class, and their share of all extracted targets."""
    total = scores.filter((pl.col("file") == "ALL") & (pl.col("record_type") == "targets")).row(0, named=True)
    extracted = total["tp"] + total["fp"]
    hits = errors.filter((pl.col("record_type") == "targets") & (pl.col("kind") == "false_hit"))
    classes = [false_hit_class(q) for q in hits["text"].to_list()]
    lines = [f"non-targets: {len(classes)} of {extracted} extracted targets "
             f"({len(classes) / extracted:.1%})" if extracted else "non-targets: no extracted targets"]
    for name in [c for c, _ in _CLASSES] + ["other"]:
        if name in classes:
            lines.append(f"  {name:10} {classes.count(name)}")
    lines += [f"    {c:10} {item}  {text}" for c, item, text in zip(classes, hits["item"].to_list(), hits["text"].to_list())]
    return "\n".join(lines)


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
