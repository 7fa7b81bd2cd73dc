"""Human curation: each decision is an event appended to the log with author, reason and time.

Nothing is edited in place. The frames apply curation when they are replayed; a decision whose
record no longer exists after re-extraction is reported as orphaned (``Dataset.orphans``), never
dropped silently.
"""
from __future__ import annotations

import dataclasses
import getpass
import json
import os
import re
import subprocess
from decimal import Context, Decimal, InvalidOperation

import polars as pl

from .extract import COMPARATORS, ROLES, TARGET_KINDS
from .frames import DECIMAL, replay
from .log import (
    EVENT_TYPES, AssignmentAdded, CurationEvent, CurationUndone, EventLog, RecordRejected, RoleCorrected, TargetCorrected,
    TargetReferenced, TaskCorrected, UnitAliasDeclared, UnitSplitDeclared,
)
from .project import Project

TARGET_FIELDS = ("metric", "metric_key", "value", "value_high", "unit", "comparator", "hardness", "kind", "year")
_METRIC_KEY = re.compile(r"[a-z][a-z0-9_]*")
TASK_FIELDS = ("number", "title", "section")


class CurationError(ValueError):
    """A curation request that cannot be recorded as asked (the message says why)."""


def default_author() -> str:
    """``POLICYKIT_AUTHOR``, else git's ``user.name``, else the login name."""
    if os.environ.get("POLICYKIT_AUTHOR"):
        return os.environ["POLICYKIT_AUTHOR"]
    try:
        name = subprocess.run(["git", "config", "user.name"], capture_output=True, text=True, timeout=5).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        name = ""
    return name or getpass.getuser()


def record(project: Project, event: CurationEvent, *, author: str | None = None) -> int:
    """Append one curation event; return its seq."""
    if not event.reason or not event.reason.strip():
        raise CurationError("a curation needs a reason (--reason): whoever replicates the dataset will read it")
    with EventLog(project.log_path, create=False) as log:
        return log.append([event], recorded_by=author or default_author())[0]


HISTORY_SCHEMA = {"seq": pl.Int64, "recorded_at": pl.String, "author": pl.String, "type": pl.String,
                  "reason": pl.String, "details": pl.String, "undone": pl.Boolean}


def history(project: Project) -> pl.DataFrame:
    """Every curation event in log order: who decided what, when and why, and whether it was undone.

    Examples
    --------
    >>> import tempfile
    >>> import policykit as pk
    >>> project = pk.Project.create(tempfile.mkdtemp(), {"plan.txt":
    ...     "成武县2023年重点工作任务\\n一、宣传\\n1.办好新闻。(牵头单位:县融媒体中心)\\n2.讲好故事。(牵头单位:县新闻中心)\\n"})
    >>> pk.ingest(project).ok
    True
    >>> first = alias(project, "县融媒体中心", "县新闻中心", reason="renamed in 2019", author="ana")
    >>> undo(project, first, reason="two bureaus after all", author="bo") > first
    True
    >>> history(project).select("author", "type", "reason", "undone").rows()
    [('ana', 'UnitAliasDeclared', 'renamed in 2019', True), ('bo', 'CurationUndone', 'two bureaus after all', False)]
    """
    kinds = [name for name, cls in EVENT_TYPES.items() if issubclass(cls, CurationEvent)]
    with EventLog(project.log_path, create=False) as log:
        stored = list(log.read(types=kinds))
    undone = replay(stored).undone_seqs()
    rows = []
    for s in stored:
        details = {k: v for k, v in dataclasses.asdict(s.event).items() if k != "reason"}
        rows.append({"seq": s.seq, "recorded_at": s.recorded_at, "author": s.recorded_by, "type": s.type,
                     "reason": s.event.reason, "details": json.dumps(details, ensure_ascii=False),
                     "undone": s.seq in undone})
    return pl.DataFrame(rows, schema=HISTORY_SCHEMA)


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise CurationError(f"role {role!r} is not one of {', '.join(ROLES)}")
    return role


def _check_decimal(name: str, value) -> str | None:
    """``value`` as a decimal string the frames hold exactly, or a refusal saying why it cannot be."""
    if value is None:
        return None
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise CurationError(f"{name} {value!r} is not a decimal number") from None
    if not number.is_finite():
        raise CurationError(f"{name} {value!r} is not a finite number")
    digits, places = DECIMAL.precision - DECIMAL.scale, DECIMAL.scale
    if number.adjusted() >= digits:
        raise CurationError(f"{name} {value!r} is too large: the frames hold at most {digits} digits before the point")
    if number.normalize(Context(prec=80)).as_tuple().exponent < -places:
        raise CurationError(f"{name} {value!r} has more than {places} digits after the point, "
                            "which the frames would round")
    return format(number, "f")


def _check_year(year) -> int:
    if isinstance(year, bool) or not isinstance(year, int) or not 1000 <= year <= 9999:
        raise CurationError(f"year {year!r} is not a four-digit year")
    return year


def alias(project: Project, *names: str, reason: str, jurisdiction: str | None = None,
          author: str | None = None) -> int:
    """Declare that ``names`` denote one department.

    Examples
    --------
    >>> import tempfile
    >>> import policykit as pk
    >>> project = pk.Project.create(tempfile.mkdtemp(), {"plan.txt":
    ...     "成武县2023年重点工作任务\\n一、宣传\\n1.办好新闻。(牵头单位:县融媒体中心)\\n2.讲好故事。(牵头单位:县新闻中心)\\n"})
    >>> pk.ingest(project).ok
    True
    >>> pk.open(project).units.height   # two names, two units
    2
    >>> seq = alias(project, "县融媒体中心", "县新闻中心", reason="renamed in 2019", author="ana")
    >>> pk.open(project).units.select("name", "aliases").rows()
    [('成武县融媒体中心', ['县新闻中心', '县融媒体中心'])]
    """
    if len(set(names)) < 2:
        raise CurationError("an alias needs at least two different names")
    return record(project, UnitAliasDeclared(reason=reason, names=tuple(names), jurisdiction=jurisdiction),
                  author=author)


def reject(project: Project, record_id: str, *, reason: str, author: str | None = None) -> int:
    """Mark an extracted task, assignment, target or observation as false."""
    return record(project, RecordRejected(reason=reason, record_id=record_id), author=author)


def set_role(project: Project, assignment_id: str, role: str, *, reason: str, author: str | None = None) -> int:
    """Correct the role of an assignment (lead | responsible | participant)."""
    return record(project, RoleCorrected(reason=reason, assignment_id=assignment_id, role=_check_role(role)),
                  author=author)


def split_unit(project: Project, assignment_id: str, *parts: str, reason: str, author: str | None = None) -> int:
    """Declare that an assignment's mention runs several unit names together."""
    if len(parts) < 2:
        raise CurationError("a split needs at least two parts")
    return record(project, UnitSplitDeclared(reason=reason, assignment_id=assignment_id, parts=tuple(parts)),
                  author=author)


def add_assignment(project: Project, task_id: str, mention: str, role: str, *, reason: str, clause: int = 0,
                   author: str | None = None) -> int:
    """Add a responsibility the extractor missed."""
    event = AssignmentAdded(reason=reason, task_id=task_id, mention=mention, role=_check_role(role), clause=clause)
    return record(project, event, author=author)


def correct_target(project: Project, target_id: str, *, reason: str, author: str | None = None, **changes) -> int:
    """Replace fields of a target (``value``, ``value_high``, ``unit``, ``metric_key``, ``year``, ``comparator`` …).

    A new value or unit also moves the base values (``base_value`` …) on replay: a value keeps the
    target's scale, a unit the kit cannot scale clears them. Values must be finite decimals the frames
    hold exactly (Decimal(38, 6)).

    Examples
    --------
    >>> correct_target(None, "doc/一/1@ab", reason="misread", value="NaN")
    Traceback (most recent call last):
    ...
    policykit.curation.CurationError: value 'NaN' is not a finite number
    """
    changes = {k: v for k, v in changes.items() if v is not None}
    unknown = set(changes) - set(TARGET_FIELDS)
    if unknown or not changes:
        raise CurationError(f"give one or more of {', '.join(TARGET_FIELDS)}" + (f"; not {sorted(unknown)}" if unknown else ""))
    for name in ("value", "value_high"):
        if name in changes:
            changes[name] = _check_decimal(name, changes[name])
    if "year" in changes:
        changes["year"] = _check_year(changes["year"])
    if "metric_key" in changes and not _METRIC_KEY.fullmatch(changes["metric_key"]):
        raise CurationError(f"metric key {changes['metric_key']!r} is not a snake_case key such as gdp_growth")
    if "unit" in changes and not str(changes["unit"]).strip():
        raise CurationError("unit is empty")
    if changes.get("comparator") not in (None, *COMPARATORS):
        raise CurationError(f"comparator {changes['comparator']!r} is not one of {' '.join(COMPARATORS)}")
    if changes.get("kind") not in (None, *TARGET_KINDS):
        raise CurationError(f"kind {changes['kind']!r} is not one of {', '.join(TARGET_KINDS)}")
    return record(project, TargetCorrected(reason=reason, target_id=target_id, changes=changes), author=author)


LEVELS = ("national", "province", "city", "county", "district", "township")


def add_target(project: Project, *, region: str, level: str, metric_key: str, year: int, value, source: str,
               reason: str, value_high=None, unit: str | None = None, comparator: str | None = None,
               kind: str | None = None, hardness: str | None = None, region_code: str | None = None,
               page: str | None = None, quote: str | None = None, author: str | None = None) -> int:
    """Add a target that no ingested document states, citing where it comes from.

    On replay the target joins the targets frame (``target_id`` and ``doc_id`` ``reference:<seq>``,
    ``curated`` true) with a row in the documents frame standing for its source (``doc_type``
    ``reference``, ``title`` the citation), so :mod:`policykit.growth` and
    :func:`policykit.escalation.escalation` set it beside the documents' targets — a national target
    of a year whose report is not ingested, beside the provinces'. ``undo`` withdraws it.

    Examples
    --------
    >>> import tempfile
    >>> import policykit as pk
    >>> project = pk.Project.create(tempfile.mkdtemp(), {"plan.txt": "某县2026年工作要点\\n一、就业\\n1.稳就业。\\n"})
    >>> _ = pk.ingest(project)
    >>> seq = add_target(project, region="全国", level="national", metric_key="gdp_growth", year=2026, value="4.5",
    ...                  value_high="5", unit="%", comparator="range", source="2026年国务院政府工作报告", page="12",
    ...                  quote="国内生产总值增长4.5%—5%", reason="national target for escalation", author="ana")
    >>> ds = pk.open(project)
    >>> added = ds.targets.filter(pl.col("curated"))
    >>> added["target_id"].item() == f"reference:{seq}", [str(v) for v in added.select("value", "value_high").row(0)]
    (True, ['4.500000', '5.000000'])
    >>> ds.documents.filter(pl.col("doc_type") == "reference").select("region", "year", "title").row(0)
    ('全国', 2026, '2026年国务院政府工作报告; p. 12; 国内生产总值增长4.5%—5%')
    """
    if not source or not source.strip():
        raise CurationError("a reference target needs its source (--source): the document it is read from")
    if level not in LEVELS:
        raise CurationError(f"level {level!r} is not one of {', '.join(LEVELS)}")
    if not region or not region.strip():
        raise CurationError("region is empty")
    if not _METRIC_KEY.fullmatch(metric_key or ""):
        raise CurationError(f"metric key {metric_key!r} is not a snake_case key such as gdp_growth")
    if comparator not in (None, *COMPARATORS):
        raise CurationError(f"comparator {comparator!r} is not one of {' '.join(COMPARATORS)}")
    if kind not in (None, *TARGET_KINDS):
        raise CurationError(f"kind {kind!r} is not one of {', '.join(TARGET_KINDS)}")
    if (comparator == "range") != (value_high is not None):
        raise CurationError("a range needs --value-high, and --value-high needs --comparator range")
    event = TargetReferenced(
        reason=reason, region=region.strip(), level=level, metric_key=metric_key, year=_check_year(year),
        value=_check_decimal("value", value), source=source.strip(), value_high=_check_decimal("value_high", value_high),
        unit=unit, comparator=comparator, kind=kind, hardness=hardness, region_code=region_code, page=page, quote=quote)
    return record(project, event, author=author)


def correct_task(project: Project, task_id: str, *, reason: str, author: str | None = None, **changes) -> int:
    """Replace fields of a task (``number``, ``title``, ``section``)."""
    changes = {k: v for k, v in changes.items() if v is not None}
    if not changes or set(changes) - set(TASK_FIELDS):
        raise CurationError(f"give one or more of {', '.join(TASK_FIELDS)}")
    return record(project, TaskCorrected(reason=reason, task_id=task_id, changes=changes), author=author)


def undo(project: Project, seq: int, *, reason: str, author: str | None = None) -> int:
    """Withdraw the curation event at ``seq`` (it stays in the log; an undo can itself be undone)."""
    with EventLog(project.log_path, create=False) as log:
        target = next(iter(log.read(since_seq=seq - 1, as_of_seq=seq)), None)
    if target is None:
        raise CurationError(f"there is no event at seq {seq}")
    if not isinstance(target.event, CurationEvent):
        raise CurationError(f"seq {seq} is a {target.type}, not a curation event; extractions are superseded, not undone")
    return record(project, CurationUndone(reason=reason, undone_seq=seq), author=author)
