"""The `policykit` command. Each verb is a thin shell over the library; errors name the file and the problem."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from .project import Project, ProjectError

_VERBS: dict[str, Callable[[argparse.Namespace, Project], int]] = {}


def _verb(name: str):
    def register(fn):
        _VERBS[name] = fn
        return fn
    return register


def _progress(total: int | None = None, desc: str = ""):
    from tqdm import tqdm

    return lambda it: tqdm(it, total=total, desc=desc, unit="file", disable=None, leave=False)


def _say(msg: str) -> None:
    print(msg, file=sys.stderr)


@_verb("ingest")
def _ingest(args: argparse.Namespace, project: Project) -> int:
    from .ingest import discover_sources, ingest

    paths = [Path(p) for p in args.paths] or [project.raw_dir]
    total = len(discover_sources(paths)[0])
    report = ingest(project, paths, reextract=args.reextract, workers=args.workers,
                    progress=_progress(total, "ingest"))
    for problem in report.problems:
        _say(f"warning: {problem}")
    print(f"ingest: {report.files_seen} files, {report.files_ingested} ingested, {report.files_unchanged} unchanged, "
          f"{report.files_failed} failed; {report.documents} documents, {report.events_appended} events appended")
    return 0 if report.ok else 1


@_verb("build")
def _build(args: argparse.Namespace, project: Project) -> int:
    from .dataset import open_dataset, write_frames

    ds = open_dataset(project, as_of_seq=args.as_of_seq, as_of_date=args.as_of_date)
    out = Path(args.out) if args.out else None
    paths = write_frames(ds, out)
    sizes = ", ".join(f"{name} {ds.frames.as_dict()[name].height}" for name in paths)
    print(f"build: log seq {ds.last_seq} → {next(iter(paths.values())).parent}: {sizes}")
    if ds.orphans.height:
        _say(f"warning: {ds.orphans.height} curation events refer to records that no longer exist "
             "(see `policykit status`)")
    return 0


@_verb("status")
def _status(args: argparse.Namespace, project: Project) -> int:
    from .status import status_report

    print(status_report(project, summary=args.summary))
    return 0


@_verb("notebooks")
def _notebooks(args: argparse.Namespace, project: Project) -> int:
    from .notebooks import run_notebooks

    failures = run_notebooks(project, names=args.names, progress=_progress(desc="notebooks"))
    for name, problem in failures:
        _say(f"error: {name}: {problem}")
    return 1 if failures else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="policykit", description=(
        "Chinese government plan documents → an auditable event log → frames, networks and charts."))
    parser.add_argument("--project", metavar="DIR", help="project folder (default: found from the current folder)")
    sub = parser.add_subparsers(dest="verb", required=True, metavar="VERB")

    p = sub.add_parser("ingest", help="read raw files into the event log (unchanged files append nothing)")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: DIR/data/raw, recursively)")
    p.add_argument("--reextract", action="store_true", help="re-extract files read by an older extractor version")
    p.add_argument("--workers", type=int, default=1, metavar="N", help="processes for reading and extraction")

    p = sub.add_parser("build", help="replay the log into data/processed/*.parquet")
    p.add_argument("--as-of-seq", type=int, metavar="N", help="use only events up to log position N")
    p.add_argument("--as-of-date", metavar="YYYY-MM-DD", help="only documents issued by this date")
    p.add_argument("--out", metavar="DIR", help="write the frames here instead of data/processed")

    p = sub.add_parser("status", help="counts per event type and frame, last seq, documents with warnings")
    p.add_argument("--summary", action="store_true", help="the short end-of-run summary only")

    p = sub.add_parser("notebooks", help="execute the notebooks (jupytext .py files) top to bottom")
    p.add_argument("names", nargs="*", help="notebook names (default: all in notebooks/)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        project = Project(Path(args.project).resolve()) if args.project else Project.find()
        return _VERBS[args.verb](args, project)
    except ProjectError as exc:
        _say(f"error: {exc}")
        return 2
    except Exception as exc:  # noqa: BLE001 - the user gets a message, not a traceback; POLICYKIT_DEBUG shows it
        import os

        if os.environ.get("POLICYKIT_DEBUG"):
            raise
        from .log import LogError

        kind = "error" if isinstance(exc, (LogError, OSError)) else f"error ({type(exc).__name__})"
        _say(f"{kind}: {exc}")
        return 2


if __name__ == "__main__":
    sys.exit(main())
