"""Hand-checked reference facts: main targets and outcomes read from government work reports.

``data/reference/facts.csv`` holds, one row each, a target set or an outcome reported in a work
report — the nation's GDP growth, CPI, jobs, unemployment and deficit targets 2013–2025 with the
outcomes the next year's report gives, and the 2026 provincial main targets with each province's
2025 GDP growth — with the report it comes from, the character span of the figure in the kit's
clean text of that report, the words at that span (``quote``) and who checked it. No other text of
the reports is shipped. ``data/reference/README.md`` says how the table was made and checked.

:func:`read_facts` loads it; :func:`frames` turns it into the kit's documents, targets and
observations frames (one document per report, ``doc_type`` ``"reference"``), so
:mod:`policykit.growth`, :mod:`policykit.escalation` and the charts take it as they take
extracted frames; :func:`with_facts` adds it to a dataset's frames. :func:`verify` re-reads the
reports (``../shared/corpus``) and says, row by row, whether the quote still sits at its span and
whether the kit reads the same figure there; ``python -m policykit.reference verify --corpus DIR``
runs it and ``--write`` rebuilds the spans of rows whose quote moved.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import polars as pl

__all__ = ["FACT_COLUMNS", "ReferenceFrames", "default_path", "frames", "read_facts", "references", "verify",
           "with_facts"]

FACT_COLUMNS = ("fact", "region", "level", "region_code", "metric", "metric_key", "year", "value", "value_high", "unit",
                "comparator", "kind", "hardness", "source_file", "report_year", "start", "end", "quote", "checked_by")
_INTEGER = ("year", "report_year", "start", "end")
_DECIMAL = pl.Decimal(38, 6)
_FACTS = Path("data") / "reference" / "facts.csv"


@dataclass(frozen=True)
class ReferenceFrames:
    """The kit's frames for a set of facts (or a dataset's frames with the facts added)."""

    documents: pl.DataFrame
    targets: pl.DataFrame
    observations: pl.DataFrame


def default_path(root: str | Path | None = None) -> Path:
    """``data/reference/facts.csv`` of ``root`` (a project folder) when it has one, else the kit's own."""
    if root is not None and (Path(root) / _FACTS).is_file():
        return Path(root) / _FACTS
    return Path(__file__).resolve().parents[2] / _FACTS


def read_facts(path: str | Path | None = None) -> pl.DataFrame:
    """The facts table: text columns as written, ``year, report_year, start, end`` as integers.

    Examples
    --------
    >>> facts = read_facts()
    >>> facts.filter(pl.col("region") == "全国", pl.col("metric_key") == "gdp_growth", pl.col("year") == 2019,
    ...              pl.col("fact") == "target").select("value", "value_high", "comparator", "quote").row(0)
    ('6', '6.5', 'range', '国内生产总值增长6%-6.5%')
    """
    path = Path(path) if path is not None else default_path()
    table = pl.read_csv(path, infer_schema=False, encoding="utf8")
    missing = [c for c in FACT_COLUMNS if c not in table.columns]
    if missing:
        raise ValueError(f"{path}: the facts table lacks column(s) {', '.join(missing)}")
    unknown = table.filter(~pl.col("fact").is_in(["target", "outcome"]))["fact"].unique().to_list()
    if unknown:
        raise ValueError(f"{path}: fact must be target or outcome, not {unknown}")
    return table.with_columns(pl.col(c).cast(pl.Int64) for c in _INTEGER)


def _doc_id(source_file: pl.Expr) -> pl.Expr:
    return pl.concat_str(pl.lit("reference:"), source_file)


def frames(facts: pl.DataFrame) -> ReferenceFrames:
    """Documents, targets and observations frames of the facts, in the kit's column names and types.

    Each report cited is a document (``doc_id`` ``reference:<source_file>``, ``doc_type``
    ``"reference"``, so no year of it counts as a report that set no target); a target row becomes
    a target of its year, an outcome row an observation of period ``"YYYY"``. Spans point into the
    kit's clean text of the report.

    Examples
    --------
    >>> ref = frames(read_facts())
    >>> from policykit import growth
    >>> gdp = growth.target_vs_outcome(ref.targets, ref.observations, ref.documents).filter(
    ...     pl.col("region") == "全国", pl.col("metric_key") == "gdp_growth", pl.col("year") == 2019)
    >>> [str(v) for v in gdp.select("value", "value_high", "outcome", "met").row(0)]
    ['6.000000', '6.500000', '6.100000', 'True']
    """
    documents = (facts.select(
        _doc_id(pl.col("source_file")).alias("doc_id"), "source_file", pl.lit(0).alias("part"),
        pl.col("report_year").alias("year"), "region", "level", "region_code",
        pl.when(pl.col("level") == "province").then(pl.col("region")).alias("province"),
        pl.lit("reference").alias("doc_type"))
        .rename({"source_file": "source_path"}).unique("doc_id", keep="first", maintain_order=True))
    record_id = pl.format("{}@{}", _doc_id(pl.col("source_file")), pl.col("start"))
    shared = [_doc_id(pl.col("source_file")).alias("doc_id"), "metric", "metric_key", pl.col("value").cast(_DECIMAL),
              "unit", "year", pl.col("quote").alias("text"), "start", "end"]
    targets = facts.filter(pl.col("fact") == "target").select(
        record_id.alias("target_id"), pl.lit(None, pl.String).alias("task_id"), *shared,
        pl.col("value_high").cast(_DECIMAL), "comparator", "hardness", "kind",
        pl.lit("stated").alias("year_source"), pl.lit(False).alias("curated"))
    observations = facts.filter(pl.col("fact") == "outcome").select(
        record_id.alias("obs_id"), pl.lit(None, pl.String).alias("task_id"), *shared,
        pl.col("value_high").cast(_DECIMAL), "kind", pl.col("year").cast(pl.String).alias("period"))
    return ReferenceFrames(documents, targets, observations)


def with_facts(dataset, facts: pl.DataFrame | None = None) -> ReferenceFrames:
    """A dataset's documents, targets and observations with the facts added after its own rows.

    A report the dataset holds is then there twice (as extracted and as cited); growth series take
    the extracted document first only where both state the same target, so add facts to a dataset
    of other documents (the shipped sample), or compare the two.

    Examples
    --------
    >>> import tempfile
    >>> import policykit as pk
    >>> project = pk.Project.create(tempfile.mkdtemp(), {"plan.txt": "某县2020年工作要点\\n一、就业\\n1.稳就业。\\n"})
    >>> _ = pk.ingest(project)
    >>> both = with_facts(pk.open(project))
    >>> both.documents.height > pk.open(project).documents.height
    True
    """
    ref = frames(facts if facts is not None else read_facts(default_path(getattr(dataset.project, "root", None))))

    def joined(own: pl.DataFrame, cited: pl.DataFrame) -> pl.DataFrame:
        cited = cited.select([c for c in cited.columns if c in own.columns])
        return pl.concat([own, cited.cast({c: own.schema[c] for c in cited.columns})], how="diagonal")

    return ReferenceFrames(joined(dataset.documents, ref.documents), joined(dataset.targets, ref.targets),
                           joined(dataset.observations, ref.observations))


def references(facts: pl.DataFrame) -> pl.DataFrame:
    """The target rows as a ``references`` frame for :func:`policykit.escalation.escalation`, each
    with its citation in ``source`` (report, character span and quote).

    Examples
    --------
    >>> refs = references(read_facts())
    >>> refs.filter(pl.col("region") == "全国", pl.col("year") == 2025, pl.col("metric_key") == "cpi")["source"][0]
    'gwr-national/2025_national-gov-work-report.txt, chars 5029–5041: 居民消费价格涨幅2%左右'
    """
    return facts.filter(pl.col("fact") == "target").select(
        "region", "level", "region_code", "metric_key", "year", "value", "value_high", "unit", "comparator", "kind",
        "hardness", pl.format("{}, chars {}–{}: {}", "source_file", "start", "end", "quote").alias("source"))


def verify(facts: pl.DataFrame, corpus: str | Path) -> pl.DataFrame:
    """Re-read each cited report with the kit and check every row against it.

    ``status`` per row: ``ok`` (the quote sits at its span and the kit reads the row's value there),
    ``kit_differs`` (the quote is in place, the kit reads another value or none: the table, checked
    by hand, stands; the kit has a miss to look at), ``moved`` (the quote is elsewhere in the text:
    ``found_start`` says where; ``--write`` rebuilds the span), ``missing`` (the quote is not in
    the text, or the report is not in ``corpus``).

    Examples
    --------
    >>> verify(read_facts(), "../shared/corpus")  # doctest: +SKIP
    """
    from .extract import extract_document
    from .text import read_source

    corpus = Path(corpus)
    results = []
    readings: dict[str, tuple[str, dict] | None] = {}
    for row in facts.iter_rows(named=True):
        source = row["source_file"]
        if source not in readings:
            path = corpus / source
            if not path.is_file():
                readings[source] = None
            else:
                document = read_source(path.read_bytes(), str(path)).documents[0]
                extraction = extract_document(document.text, document.metadata)
                found = {}
                for kind, records in (("target", extraction.targets), ("outcome", extraction.observations)):
                    for record in records:
                        found.setdefault((kind, record.start), str(record.value))
                readings[source] = (document.text, found)
        reading = readings[source]
        status, at, kit_value = "missing", None, None
        if reading is not None:
            text, found = reading
            at = row["start"] if text[row["start"]:row["end"]] == row["quote"] else text.find(row["quote"])
            at = None if at < 0 else at
            kit_value = found.get((row["fact"], at)) if at is not None else None
            status = ("missing" if at is None else "moved" if at != row["start"]
                      else "ok" if kit_value is not None and _same_number(kit_value, row["value"]) else "kit_differs")
        results.append({"status": status, "found_start": at, "kit_value": kit_value})
    return pl.concat([facts, pl.DataFrame(results, schema={"status": pl.String, "found_start": pl.Int64,
                                                            "kit_value": pl.String})], how="horizontal")


def _same_number(a: str, b: str) -> bool:
    from decimal import Decimal

    return Decimal(a) == Decimal(b)


def main(argv: list[str] | None = None) -> int:
    """``python -m policykit.reference verify --corpus DIR [--facts CSV] [--write]``."""
    parser = argparse.ArgumentParser(prog="python -m policykit.reference", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["verify"])
    parser.add_argument("--corpus", required=True, help="the folder the facts' source_file paths are relative to")
    parser.add_argument("--facts", default=None, help="the facts table (default: data/reference/facts.csv)")
    parser.add_argument("--write", action="store_true", help="rewrite the spans of rows whose quote moved")
    args = parser.parse_args(argv)
    path = Path(args.facts) if args.facts else default_path(Path.cwd())
    checked = verify(read_facts(path), args.corpus)
    print(checked.group_by("status").len().sort("status"))
    for row in checked.filter(pl.col("status") != "ok").iter_rows(named=True):
        print(f"{row['status']}: {row['source_file']} {row['start']}–{row['end']} {row['quote']} "
              f"(table {row['value']}, kit {row['kit_value']})")
    if args.write:
        moved = pl.col("status") == "moved"
        rebuilt = checked.with_columns(
            pl.when(moved).then(pl.col("found_start")).otherwise(pl.col("start")).alias("start"),
            pl.when(moved).then(pl.col("found_start") + pl.col("quote").str.len_chars()).otherwise(pl.col("end"))
            .alias("end")).select(FACT_COLUMNS)
        rebuilt.write_csv(path)
        print(f"wrote {path}")
    return 1 if checked.filter(pl.col("status").is_in(["missing", "moved"])).height and not args.write else 0


if __name__ == "__main__":
    sys.exit(main())
