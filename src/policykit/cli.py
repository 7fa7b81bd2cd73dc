"""The `policykit` command. Each verb is a thin shell over the library; errors name the file and the problem."""
from __future__ import annotations

import argparse
import gc
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

from .project import Project, ProjectError

# Only argparse and the project's paths are imported here: each verb imports what it uses, so
# `--help` and `status` never pay for the extractor, altair or networkx.

_VERBS: dict[str, Callable[[argparse.Namespace, Project], int]] = {}


def _verb(name: str):
    def register(fn):
        _VERBS[name] = fn
        return fn
    return register


def _progress(total: int | None = None, desc: str = ""):
    from tqdm import tqdm

    return lambda it: tqdm(it, total=total, desc=desc, unit="file", disable=None, leave=False)


# C0 and C1 controls (but newline and tab), DEL, and the bidirectional overrides: text from a document
# or a file name must not move the cursor, recolour the terminal or reorder what is shown.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    r"""``text`` with control characters and escape sequences shown as ``\x1b``-style escapes.

    Examples
    --------
    >>> printable("科技局\x1b[31m红\u202e\n")
    '科技局\\x1b[31m红\\u202e\n'
    """
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text)


def _out(text: str) -> None:
    print(printable(text))


def _say(msg: str) -> None:
    print(printable(msg), file=sys.stderr)


@_verb("ingest")
def _ingest(args: argparse.Namespace, project: Project) -> int:
    from .ingest import discover_sources, ingest

    from .ingest import IngestLimits

    if args.workers < 1:
        raise ValueError(f"--workers {args.workers}: give at least 1")
    limits = IngestLimits.from_env()
    limits = IngestLimits(max_file_mb=args.max_file_mb or limits.max_file_mb,
                          max_event_mb=args.max_event_mb or limits.max_event_mb,
                          max_numbers=args.max_numbers or limits.max_numbers)
    paths = [Path(p) for p in args.paths] or [project.raw_dir]
    total = len(discover_sources(paths)[0])
    report = ingest(project, paths, reextract=args.reextract, workers=args.workers, limits=limits,
                    progress=_progress(total, "ingest"), engine=args.engine, address=args.address)
    for problem in report.problems:
        _say(f"warning: {problem}")
    _out(f"ingest: {report.files_seen} files, {report.files_ingested} ingested, {report.files_unchanged} unchanged, "
          f"{report.files_failed} failed; {report.documents} documents, {report.events_appended} events appended")
    return 0 if report.ok else 1


@_verb("build")
def _build(args: argparse.Namespace, project: Project) -> int:
    from .dataset import write_frames_streaming

    if args.as_of_seq is not None:
        _check_seq(project, args.as_of_seq, "--as-of-seq")
    paths, manifest = write_frames_streaming(project, as_of_seq=args.as_of_seq, as_of_date=args.as_of_date,
                                             folder=Path(args.out) if args.out else None)
    sizes = ", ".join(f"{name} {manifest['rows'][name]}" for name in paths)
    _out(f"build: log seq {manifest['last_seq']} → {next(iter(paths.values())).parent}: {sizes}")
    if manifest["orphans"]:
        _say(f"warning: {manifest['orphans']} curation events refer to records that no longer exist "
             "(see `policykit status`)")
    return 0


@_verb("status")
def _status(args: argparse.Namespace, project: Project) -> int:
    from .status import status_report

    _out(status_report(project, summary=args.summary, warnings=args.warnings))
    return 0


@_verb("notebooks")
def _notebooks(args: argparse.Namespace, project: Project) -> int:
    from .notebooks import run_notebooks

    failures = run_notebooks(project, names=args.names, progress=_progress(desc="notebooks"))
    for name, problem in failures:
        _say(f"error: {name}: {problem}")
    return 1 if failures else 0


@_verb("figures")
def _figures(args: argparse.Namespace, project: Project) -> int:
    from .charts import write_figures
    from .dataset import open_dataset

    paths = write_figures(open_dataset(project), Path(args.out) if args.out else None,
                          formats=args.format or ("svg", "png"), ppi=args.ppi, lang=args.lang)
    _out(f"figures: {len(paths)} files in {paths[0].parent if paths else args.out}")
    return 0


@_verb("curate")
def _curate(args: argparse.Namespace, project: Project) -> int:
    from . import curation as c

    common = {"reason": args.reason, "author": args.author}
    action = args.action
    if action == "alias":
        if not args.force:
            _check_unit_names(project, args.names)
        seq = c.alias(project, *args.names, jurisdiction=args.jurisdiction, **common)
    elif action == "reject":
        seq = c.reject(project, args.record_id, **common)
    elif action == "role":
        seq = c.set_role(project, args.assignment_id, args.role, **common)
    elif action == "unit-split":
        seq = c.split_unit(project, args.assignment_id, *args.parts, **common)
    elif action == "add-assignment":
        seq = c.add_assignment(project, args.task_id, args.mention, args.role, clause=args.clause, **common)
    elif action == "target":
        seq = c.correct_target(project, args.target_id, metric=args.metric, metric_key=args.metric_key, value=args.value,
                               value_high=args.value_high, unit=args.unit, comparator=args.comparator,
                               hardness=args.hardness, kind=args.kind, year=args.year, **common)
    elif action == "add-target":
        seq = c.add_target(project, region=args.region, level=args.level, metric_key=args.metric_key, year=args.year,
                           value=args.value, value_high=args.value_high, unit=args.unit, comparator=args.comparator,
                           kind=args.kind, hardness=args.hardness, region_code=args.region_code, source=args.source,
                           page=args.page, quote=args.quote, **common)
    elif action == "task":
        seq = c.correct_task(project, args.task_id, number=args.number, title=args.title, section=args.section,
                             **common)
    else:
        seq = c.undo(project, args.seq, **common)
    _out(f"curate {action}: recorded as seq {seq} (run `policykit build` to apply)")
    return 0


@_verb("log")
def _log(args: argparse.Namespace, project: Project) -> int:
    from .log import EVENT_TYPES, EventLog

    unknown = sorted(set(args.type or ()) - set(EVENT_TYPES))
    if unknown:
        raise ValueError(f"--type {', '.join(unknown)}: no such event type; the types are {', '.join(sorted(EVENT_TYPES))}")
    with EventLog(project.log_path, create=False) as log:
        shown = 0
        for s in log.read(since_seq=(args.since or 1) - 1, as_of_seq=args.until,
                          types=args.type or None):
            if args.doc and s.event.doc_id != args.doc and args.doc not in str(s.event.payload()):
                continue
            if args.author and s.recorded_by != args.author:
                continue
            payload = s.event.payload()
            brief = {k: v for k, v in payload.items() if not isinstance(v, (list, tuple, dict)) or k in ("names", "parts", "changes", "doc_ids")}
            _out(f"{s.seq:>7}  {s.recorded_at[:19]}  {s.recorded_by:<28} {s.type:<18} {brief}")
            shown += 1
            if args.limit and shown >= args.limit:
                break
    return 0


@_verb("explain")
def _explain(args: argparse.Namespace, project: Project) -> int:
    from .dataset import open_dataset
    from .explain import explain

    try:
        _out(str(explain(open_dataset(project), args.record_id)))
    except KeyError as exc:
        _say(f"error: {exc.args[0]}")
        return 1
    return 0


@_verb("export-log")
def _export_log(args: argparse.Namespace, project: Project) -> int:
    from .replication import export_log

    if args.as_of_seq is not None:
        _check_seq(project, args.as_of_seq, "--as-of-seq")
    manifest = export_log(project, args.out, fmt=args.format, as_of_seq=args.as_of_seq)
    _out(f"export-log: {manifest.parent} ({args.format}); manifest {manifest.name}")
    return 0


@_verb("import-log")
def _import_log(args: argparse.Namespace, project: Project) -> int:
    from .replication import import_log

    n = import_log(project, args.folder)
    _out(f"import-log: {n} events loaded into {project.log_path}; run `policykit build`")
    return 0


@_verb("migrate-log")
def _migrate_log(args: argparse.Namespace, project: Project) -> int:
    from .log import EventLog, is_log_url, migrate_log

    target = args.to if is_log_url(args.to) else Path(args.to).resolve()
    with EventLog(project.log_path, create=False) as source, EventLog(target) as copy:
        checked = migrate_log(source, copy)
    _out(f"migrate-log: {checked.checked} events copied from {project.log_path} to {copy.path} and verified "
         f"(same seqs, same chain head {checked.head[:12]}); put `[log] url = ...` in policykit.toml to use it")
    return 0


@_verb("evaluate")
def _evaluate(args: argparse.Namespace, project: Project) -> int:
    import warnings

    from .dataset import open_dataset
    from .evaluate import evaluate, format_report, load_gold

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        gold = load_gold(args.gold_dir)
    for w in caught:
        _say(f"warning: {w.message}")
    ds = open_dataset(project)
    result = evaluate(gold, ds.documents, ds.tasks, ds.assignments, ds.targets, ds.observations)
    _out(format_report(result, max_errors=args.errors))
    if args.scores_out:
        result.scores.write_csv(args.scores_out)
        result.errors.write_csv(Path(args.scores_out).with_suffix(".errors.csv"))
    return 0


@_verb("export-network")
def _export_network(args: argparse.Namespace, project: Project) -> int:
    from .dataset import open_dataset
    from .network import coordination_graph, export_network, lead_graph

    ds = open_dataset(project)
    filters = {k: v for k, v in (("doc_type", args.doc_type), ("level", args.level), ("year", args.year),
                                 ("jurisdiction", args.jurisdiction)) if v is not None}
    build = lead_graph if args.graph == "lead" else coordination_graph
    graph = build(ds.assignments, documents=ds.documents, units=ds.units, node=args.node,
                  include_placeholders=args.include_placeholders, **filters)
    written = export_network(graph, args.out, args.format, labels=args.labels)
    _out(f"export-network: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges → "
          + ", ".join(str(p) for p in written))
    return 0


@_verb("export-frames")
def _export_frames(args: argparse.Namespace, project: Project) -> int:
    from .dataset import open_dataset
    from .export import export_frames

    written = export_frames(open_dataset(project, as_of_seq=args.as_of_seq), args.out, args.format or ["parquet"])
    print(f"export-frames: {len(written)} files → {args.out} (codebook.csv: variable labels in English and Chinese)")
    return 0


def _lexicon(args: argparse.Namespace) -> int:
    """`policykit lexicon check [DIR …]`: validate the kit's vocabulary files and the user folders."""
    from . import lexicon

    folders = [*args.lexicon_dirs, *(args.lexicon or [])]
    problems = lexicon.check(tuple(folders))
    for problem in problems:
        _say(str(problem))
    checked = ", ".join(folders) if folders else "no user folders"
    _out(f"lexicon: {len(lexicon.topics())} topics of the kit checked ({checked}): {len(problems)} problem(s)")
    return 1 if problems else 0


@_verb("doctor")
def _doctor(args: argparse.Namespace, project: Project) -> int:
    from .doctor import format_checks, run_checks

    checks = run_checks(project)
    _out(format_checks(checks))
    return 0 if all(c.ok for c in checks) else 1


def _check_seq(project: Project, seq: int, option: str) -> None:
    """Refuse a log position the log does not have, rather than silently using all of it."""
    from .log import EventLog

    with EventLog(project.log_path, create=False) as log:
        last = log.last_seq()
    if not 0 <= seq <= last:
        raise ValueError(f"{option} {seq}: the log at {project.log_path} runs from seq 1 to {last}")


def _check_unit_names(project: Project, names: list[str]) -> None:
    """Refuse an alias naming a unit the log has never seen (a typo would otherwise merge nothing, silently)."""
    import polars as pl

    from .dataset import open_dataset

    ds = open_dataset(project)
    known = set(ds.assignments["mention"]) | set(ds.units["name"]) | set(
        ds.units.select(pl.col("aliases").explode()).to_series().drop_nulls())
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ValueError(f"curate alias: {'、'.join(unknown)}: no document mentions such a unit and no unit has "
                         "this name or alias; check the spelling, or pass --force to record the alias anyway")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="policykit", description=(
        "Chinese government plan documents → an auditable event log → frames, networks and charts."))
    parser.add_argument("--project", metavar="DIR", help="project folder (default: found from the current folder)")
    parser.add_argument("--lexicon", metavar="DIR", action="append",
                        help="a folder of your own lexicon files (same topic names as policykit/lexicon/data), "
                             "added to the kit's vocabulary; repeatable")
    parser.add_argument("--log", metavar="URL", help="the event log on a PostgreSQL server, postgresql://user@host/db "
                        "(default: [log] url in policykit.toml, else data/log/events.sqlite)")
    sub = parser.add_subparsers(dest="verb", required=True, metavar="VERB")

    p = sub.add_parser("lexicon", help="check the vocabulary files (the kit's and your own) for errors and clashes")
    p.add_argument("action", choices=["check"])
    p.add_argument("lexicon_dirs", nargs="*", metavar="DIR", help="user lexicon folders to check too")

    p = sub.add_parser("ingest", help="read raw files into the event log (unchanged files append nothing)")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: DIR/data/raw, recursively)")
    p.add_argument("--reextract", action="store_true", help="re-extract files read by an older extractor version")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="processes that read and extract (one writer appends to the log; default 1)")
    p.add_argument("--engine", choices=["processes", "ray"], default="processes",
                   help="ray: read and extract on Ray tasks (pip install 'policykit[ray]'); --workers CPUs locally")
    p.add_argument("--address", metavar="auto|HOST:PORT", help="with --engine ray: a running Ray cluster")
    p.add_argument("--max-file-mb", type=float, metavar="MB",
                   help="refuse raw files larger than this (default: POLICYKIT_MAX_FILE_MB or 64)")
    p.add_argument("--max-event-mb", type=float, metavar="MB",
                   help="refuse a document whose extraction would be a larger event (default: POLICYKIT_MAX_EVENT_MB or 32)")
    p.add_argument("--max-numbers", type=int, metavar="N",
                   help="refuse a document writing more numbers in digits (default: POLICYKIT_MAX_NUMBERS or 50000)")

    p = sub.add_parser("build", help="replay the log into data/processed/*.parquet")
    p.add_argument("--as-of-seq", type=int, metavar="N", help="use only events up to log position N")
    p.add_argument("--as-of-date", metavar="YYYY-MM-DD", help="only documents issued by this date")
    p.add_argument("--out", metavar="DIR", help="write the frames here instead of data/processed")

    p = sub.add_parser("status", help="counts per event type and frame, last seq, documents with warnings")
    p.add_argument("--summary", action="store_true", help="the short end-of-run summary only")
    p.add_argument("--warnings", action="store_true", help="list every warning, not just counts per document")

    p = sub.add_parser("notebooks", help="execute the notebooks (jupytext .py files) top to bottom")
    p.add_argument("names", nargs="*", help="notebook names (default: all in notebooks/)")

    p = sub.add_parser("figures", help="write the standard figure set to reports/figures (same data, same bytes)")
    p.add_argument("--format", action="append", choices=["svg", "png", "pdf"],
                   help="file format (repeatable; default: svg and png)")
    p.add_argument("--ppi", type=int, default=200, metavar="N", help="PNG resolution (default 200)")
    p.add_argument("--lang", choices=["zh", "en", "both"], default="zh",
                   help="label language: English names come from the unit registry (default zh)")
    p.add_argument("--out", metavar="DIR", help="write here instead of reports/figures")

    p = sub.add_parser("curate", help="record a human decision (alias, reject, role, …) as an event")
    p.add_argument("--reason", required=True, help="why (kept in the log for whoever replicates the data)")
    p.add_argument("--author", help="who decides (default: POLICYKIT_AUTHOR, git user.name, login)")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = actions.add_parser("alias", help="these unit names are one department")
    a.add_argument("names", nargs="+", metavar="NAME")
    a.add_argument("--force", action="store_true",
                   help="record it even if a name is unknown to the log (otherwise refused: a typo merges nothing)")
    a.add_argument("--jurisdiction", help="only within this jurisdiction (e.g. 成武县)")
    a = actions.add_parser("reject", help="an extracted record is false")
    a.add_argument("record_id", metavar="ID")
    a = actions.add_parser("role", help="correct an assignment's role")
    a.add_argument("assignment_id", metavar="ASSIGNMENT_ID")
    a.add_argument("role", choices=["lead", "responsible", "participant"])
    a = actions.add_parser("unit-split", help="a mention runs several unit names together")
    a.add_argument("assignment_id", metavar="ASSIGNMENT_ID")
    a.add_argument("parts", nargs="+", metavar="PART")
    a = actions.add_parser("add-assignment", help="a responsibility the extractor missed")
    a.add_argument("task_id", metavar="TASK_ID")
    a.add_argument("mention", metavar="UNIT")
    a.add_argument("role", choices=["lead", "responsible", "participant"])
    a.add_argument("--clause", type=int, default=0)
    a = actions.add_parser("target", help="correct fields of a target")
    a.add_argument("target_id", metavar="TARGET_ID")
    for name in ("metric", "metric-key", "value", "value-high", "unit", "comparator", "hardness", "kind"):
        a.add_argument(f"--{name}")
    a.add_argument("--year", type=int)
    a = actions.add_parser("add-target", help="a target no ingested document states, with its source")
    for name in ("region", "level", "metric-key", "value", "source"):
        a.add_argument(f"--{name}", required=True)
    a.add_argument("--year", type=int, required=True)
    for name in ("value-high", "unit", "comparator", "kind", "hardness", "region-code", "page", "quote"):
        a.add_argument(f"--{name}")
    a = actions.add_parser("task", help="correct fields of a task")
    a.add_argument("task_id", metavar="TASK_ID")
    for name in ("number", "title", "section"):
        a.add_argument(f"--{name}")
    a = actions.add_parser("undo", help="withdraw a curation event (it stays in the log)")
    a.add_argument("seq", type=int, metavar="EVENT_SEQ")

    p = sub.add_parser("log", help="list events (filters by type, document, author, seq range)")
    p.add_argument("--type", action="append", metavar="TYPE", help="event type (repeatable)")
    p.add_argument("--doc", metavar="DOC_ID", help="events about this document")
    p.add_argument("--author", help="events recorded by this author")
    p.add_argument("--since", type=int, metavar="SEQ", help="from this seq")
    p.add_argument("--until", type=int, metavar="SEQ", help="up to this seq")
    p.add_argument("--limit", type=int, metavar="N", help="at most N events")

    p = sub.add_parser("explain", help="provenance of any row: events, source, sentence (clean and raw)")
    p.add_argument("record_id", metavar="ID")

    p = sub.add_parser("export-log", help="write the log with a manifest (a replication package)")
    p.add_argument("--format", choices=["ndjson", "parquet"], default="ndjson")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--as-of-seq", type=int, metavar="N", help="only events up to seq N")

    p = sub.add_parser("import-log", help="load an exported log into an empty project")
    p.add_argument("folder", metavar="DIR")

    p = sub.add_parser("migrate-log", help="copy the log to another backend (a PostgreSQL URL or a SQLite file) and verify it; "
                                               "an older log is written in the current, compressed format with the same hashes")
    p.add_argument("--to", required=True, metavar="URL", help="postgresql://user@host/db (the database must exist) or a new .sqlite file")

    sub.add_parser("doctor", help="check Python, packages, CJK font, write access, log integrity, stale frames")

    p = sub.add_parser("evaluate", help="score the frames against hand-checked gold files (precision, recall, F1)")
    p.add_argument("gold_dir", metavar="GOLD_DIR", help="a folder of gold JSON files (or one file)")
    p.add_argument("--errors", type=int, default=10, metavar="N", help="misses and false hits listed per record type")
    p.add_argument("--scores-out", metavar="CSV", help="also write the scores (and errors beside them) as CSV")

    p = sub.add_parser("export-frames", help="write every frame and panel for Stata, Excel or R, with a codebook")
    p.add_argument("--format", action="append", choices=["parquet", "csv", "dta", "xlsx"],
                   help="file format (repeatable; default parquet; csv is UTF-8 with a BOM for Excel)")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--as-of-seq", type=int, metavar="N", help="the dataset as it was at log position N")

    p = sub.add_parser("export-network", help="write the coordination network for Gephi, UCINET or a spreadsheet")
    p.add_argument("--format", required=True, choices=["gexf", "graphml", "dl", "dl-edgelist", "csv"])
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--graph", choices=["coordination", "lead"], default="coordination",
                   help="units linked by shared tasks, or the directed lead → coordinated graph")
    p.add_argument("--node", choices=["unit_id", "mention", "category"], default="unit_id",
                   help="canonical units (default), names as written, or functional categories")
    p.add_argument("--labels", choices=["name", "name_en", "id"], default="name", help="node labels in DL files")
    p.add_argument("--include-placeholders", action="store_true", help="keep collective mentions (各镇街 …)")
    p.add_argument("--doc-type", metavar="TYPE")
    p.add_argument("--level", metavar="LEVEL")
    p.add_argument("--year", type=int)
    p.add_argument("--jurisdiction", metavar="NAME")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    # The command runs once and exits: the objects made by importing the kit live to the end, so the
    # cyclic collector need not keep re-scanning them (measured: 8–15% of ingest time).
    gc.freeze()
    if args.lexicon:  # before any extractor module is imported: they read the vocabulary once
        from . import lexicon

        lexicon.use_extra_dirs(*args.lexicon)
    if args.verb == "lexicon":  # needs no project
        return _lexicon(args)
    try:
        project = Project(Path(args.project).resolve()) if args.project else Project.find()
        if args.log:
            project = Project(project.root, log_url=args.log)
        return _VERBS[args.verb](args, project)
    except BrokenPipeError:
        # The reader went away (`policykit log | head`): stop quietly, as other command-line tools do,
        # and keep Python from complaining again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, what a shell reports for a tool ended by a closed pipe
    except ProjectError as exc:
        _say(f"error: {exc}")
        return 2
    except ValueError as exc:  # a request that cannot be carried out as asked (bad role, bad value …)
        _say(f"error: {exc}")
        return 2
    except Exception as exc:  # noqa: BLE001 - the user gets a message, not a traceback; POLICYKIT_DEBUG shows it
        if os.environ.get("POLICYKIT_DEBUG"):
            raise
        import sqlite3

        from .log import LogError

        if isinstance(exc, sqlite3.DatabaseError):  # the log is the only SQLite file: name it
            _say(f"error: {project.log_path}: the event log cannot be used ({exc}); run `policykit doctor`")
            return 2
        kind = "error" if isinstance(exc, (LogError, OSError)) else f"error ({type(exc).__name__})"
        _say(f"{kind}: {exc}")
        return 2


if __name__ == "__main__":
    sys.exit(main())
