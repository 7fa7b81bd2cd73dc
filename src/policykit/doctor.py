"""`policykit doctor`: is this machine and this project fit to run the kit, and what to do if not."""
from __future__ import annotations

import json
import sys
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from .project import BUILD_MANIFEST, Project

# Packages the kit cannot run without (distribution names, as pip knows them).
KEY_PACKAGES = ("polars", "networkx", "scipy", "altair", "vl-convert-python", "opencc", "selectolax")
_REINSTALL = "reinstall the kit: `make test` (or `pip install -e .` in the project's .venv)"


@dataclass(frozen=True)
class Check:
    """One thing the doctor looked at: ``ok``, what it found, and what to do when it is not ok."""

    name: str
    ok: bool
    found: str
    advice: str = ""


def run_checks(project: Project) -> list[Check]:
    """Check the environment and the project: packages, CJK font, write access, log, frames.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from policykit import Project
    >>> checks = run_checks(Project(pathlib.Path(tempfile.mkdtemp())))
    >>> [c.name for c in checks][:2], next(c.ok for c in checks if c.name == "event log")
    (['python', 'packages'], False)
    """
    return [_python(), _packages(), _font(), _writable(project.processed_dir), *_log_checks(project)]


def format_checks(checks: list[Check]) -> str:
    """One line per check (``ok`` or ``PROBLEM``), with what to do under each problem."""
    lines = []
    for check in checks:
        lines.append(f"{'ok     ' if check.ok else 'PROBLEM'}  {check.name}: {check.found}")
        if not check.ok and check.advice:
            lines.append(f"         → {check.advice}")
    bad = sum(not c.ok for c in checks)
    lines.append("healthy" if not bad else f"{bad} problem{'s' * (bad > 1)} found")
    return "\n".join(lines)


def _python() -> Check:
    version = ".".join(map(str, sys.version_info[:3]))
    ok = sys.version_info >= (3, 11)
    return Check("python", ok, version, "" if ok else "use Python 3.11 or newer (`make PYTHON=python3.11 test`)")


def _packages() -> Check:
    found, missing = [], []
    for name in KEY_PACKAGES:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            missing.append(name)
    if missing:
        return Check("packages", False, f"missing: {', '.join(missing)}", _REINSTALL)
    return Check("packages", True, ", ".join(found))


def _font() -> Check:
    from .charts import find_cjk_font

    try:
        font = find_cjk_font()
    except Exception as exc:  # noqa: BLE001 - FontMissingError, or fc-list itself failing
        return Check("CJK font", False, str(exc).split(". ")[0], "run `make fonts`, or set POLICYKIT_FONT_DIR")
    return Check("CJK font", True, f"{font.family} ({font.directory})")


def _writable(folder: Path) -> Check:
    # Probe with a real file: permission bits say nothing when running as root or on a read-only mount.
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        with tempfile.NamedTemporaryFile(dir=probe, prefix=".policykit-doctor-"):
            pass
    except OSError as exc:
        return Check("data/processed", False, f"{probe} is not writable ({exc.strerror or exc})",
                     "make the folder writable or free disk space; `policykit build --out DIR` writes elsewhere")
    return Check("data/processed", True, f"{folder} writable")


def _log_checks(project: Project) -> list[Check]:
    from . import _version
    from .frames import replay
    from .log import EventLog, LogError

    path = project.log_path
    if not path.exists():
        return [Check("event log", False, f"{path}: none yet", "run `policykit ingest`")]
    try:
        with EventLog(path, create=False) as log:
            damage = log.integrity_problems()
            last_seq = log.last_seq()
            sources = replay(log.read(types=["SourceRead"])).sources
    except Exception as exc:  # noqa: BLE001 - LogError, or a damaged file failing anywhere in SQLite
        return [Check("event log", False, str(exc) if isinstance(exc, LogError) else f"{path}: {exc}", _RESTORE)]
    if damage:
        return [Check("event log", False, f"{path}: SQLite integrity check failed ({damage[0]})", _RESTORE)]
    checks = [Check("event log", True, f"{path}: sound, last seq {last_seq}")]

    manifest_path = project.processed_dir / BUILD_MANIFEST
    try:
        built = json.loads(manifest_path.read_text(encoding="utf-8"))["last_seq"]
    except FileNotFoundError:
        checks.append(Check("frames", False, "not built", "run `policykit build`"))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        checks.append(Check("frames", False, f"{manifest_path}: unreadable ({exc})", "run `policykit build`"))
    else:
        ok = built == last_seq
        checks.append(Check("frames", ok, f"built from seq {built}, log at seq {last_seq}",
                            "" if ok else "run `policykit build`"))

    current = _version.EXTRACTOR_VERSION
    old = sorted(p for p, (_, s) in sources.items() if s.extractor_version != current)
    checks.append(Check("extractor version", not old,
                        f"{len(old)} of {len(sources)} sources read by an extractor older than {current}"
                        + (f" (e.g. {old[0]})" if old else ""),
                        "run `policykit ingest --reextract`, then `policykit build`"))
    return checks


_RESTORE = ("do not delete it (curation lives only there): copy it aside, then restore a backup or "
            "an `export-log` package with `policykit import-log` into a fresh project; "
            "try `sqlite3 events.sqlite .recover` on the copy")
