"""Plain-text report of an :class:`Evaluation` for the command line."""
from __future__ import annotations

import polars as pl

from ._score import ALL, Evaluation

_LABELS = {"tasks": "tasks", "mentions": "unit mentions", "unit_role": "unit + role", "targets": "targets",
           "comparator_accuracy": "comparator accuracy", "year_accuracy": "year accuracy", "metadata": "metadata",
           "observations": "observations"}


def format_report(evaluation: Evaluation, *, max_errors: int = 10) -> str:
    """Score tables (all files, then each file) and the first errors of each record type.

    Parameters
    ----------
    evaluation : Evaluation
        From :func:`evaluate`.
    max_errors : int, default 10
        Errors listed per record type; the rest are counted.

    Returns
    -------
    str

    Examples
    --------
    >>> import polars as pl
    >>> from policykit.evaluate._score import ERRORS_SCHEMA, SCORES_SCHEMA
    >>> scores = pl.DataFrame([{"file": "ALL", "record_type": "tasks", "tp": 3, "fp": 1, "fn": 0,
    ...                         "precision": 0.75, "recall": 1.0, "f1": 3 / 3.5}], schema=SCORES_SCHEMA)
    >>> print(format_report(Evaluation(scores, pl.DataFrame(schema=ERRORS_SCHEMA))))
    Extraction scored against gold: 0 file(s)
    <BLANKLINE>
    ----------------------------------------------------------------
    record type             tp    fp    fn precision  recall      F1
    ----------------------------------------------------------------
    tasks                    3     1     0     0.750   1.000   0.857
    """
    scores, errors = evaluation.scores, evaluation.errors
    files = [f for f in scores["file"].unique(maintain_order=True).to_list() if f != ALL]
    lines = [f"Extraction scored against gold: {len(files)} file(s)", ""]
    lines += _table(scores.filter(pl.col("file") == ALL))
    for file in files:
        lines += ["", file]
        lines += _table(scores.filter(pl.col("file") == file), indent="  ")
    if evaluation.notes:
        lines += ["", "Notes:"] + [f"  - {note}" for note in evaluation.notes]
    if errors.height:
        lines += ["", f"Errors ({errors.height}; first {max_errors} of each record type):"]
        for record_type in _LABELS:
            subset = errors.filter(pl.col("record_type") == record_type)
            if not subset.height:
                continue
            lines.append(f"  {_LABELS[record_type]}: {subset.height}")
            for row in subset.head(max_errors).iter_rows(named=True):
                where = " › ".join(p for p in (row["file"], row["document"], row["task"]) if p)
                lines.append(f"    {row['kind']:<9} {row['item']}  [{where}]")
            if subset.height > max_errors:
                lines.append(f"    … {subset.height - max_errors} more")
    return "\n".join(lines)


def _table(scores: pl.DataFrame, indent: str = "") -> list[str]:
    lines = [f"{indent}{'record type':<20}{'tp':>6}{'fp':>6}{'fn':>6}{'precision':>10}{'recall':>8}{'F1':>8}"]
    if not indent:
        lines.insert(0, "-" * len(lines[0]))
        lines.append("-" * len(lines[1]))
    for row in scores.iter_rows(named=True):
        lines.append(f"{indent}{_LABELS.get(row['record_type'], row['record_type']):<20}{row['tp']:>6}{row['fp']:>6}"
                     f"{row['fn']:>6}{_rate(row['precision']):>10}{_rate(row['recall']):>8}{_rate(row['f1']):>8}")
    return lines


def _rate(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"
