"""Score extracted frames against gold: match documents, tasks, mentions, roles, targets, observations."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import PurePosixPath

import polars as pl

from ._gold import METADATA_FIELDS, GoldDocument, GoldFile, GoldTarget, GoldTask
from ._keys import comparator_key, decimal_key, number_key, path_key, text_key, unit_key
from ._match import align, pair_multisets

RECORD_TYPES = ("tasks", "mentions", "unit_role", "targets", "comparator_accuracy", "year_accuracy", "metadata",
                "observations")
# Accuracy over matched pairs, not precision/recall over items: fp counts the pairs that disagree.
_ACCURACIES = ("comparator_accuracy", "year_accuracy")
ALL = "ALL"
# Two titles name the same document when this similar (difflib ratio on Simplified text) or nested.
TITLE_SIMILARITY = 0.5

SCORES_SCHEMA = {"file": pl.String, "record_type": pl.String, "tp": pl.Int64, "fp": pl.Int64, "fn": pl.Int64,
                 "precision": pl.Float64, "recall": pl.Float64, "f1": pl.Float64}
ERRORS_SCHEMA = {"file": pl.String, "document": pl.String, "task": pl.String, "record_type": pl.String,
                 "kind": pl.String, "item": pl.String, "text": pl.String}
_REQUIRED = {
    "documents": ("doc_id", "source_path", "title"),
    "tasks": ("task_id", "doc_id", "number", "title", "start"),
    "assignments": ("task_id", "doc_id", "mention", "role"),
    "targets": ("task_id", "doc_id", "value", "unit", "comparator"),
    "observations": ("doc_id", "value", "unit"),
}


@dataclass(frozen=True)
class Evaluation:
    """Scores and the errors behind them.

    ``scores``: file, record_type, tp, fp, fn, precision, recall, f1 — one row per gold file and record type,
    then ``file == "ALL"`` rows micro-averaged over all files. ``errors``: file, document, task, record_type,
    kind (miss | false_hit | mismatch), item, text. ``notes``: what could not be matched at file level.
    """

    scores: pl.DataFrame
    errors: pl.DataFrame
    notes: tuple[str, ...] = ()

    def row(self, record_type: str, file: str = ALL) -> dict:
        """The score row of one record type for one file (default: all files)."""
        rows = self.scores.filter((pl.col("file") == file) & (pl.col("record_type") == record_type)).to_dicts()
        if not rows:
            raise KeyError(f"no score for {record_type!r} in {file!r}")
        return rows[0]


@dataclass
class _ExtractedDocument:
    doc_id: str
    title: str | None
    metadata: dict
    tasks: list[dict]
    assignments: dict[str | None, list[dict]]  # by task_id; None for clauses outside any known task
    targets: dict[str | None, list[dict]]
    observations: list[dict]


@dataclass
class _Tally:
    counts: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    errors: list = field(default_factory=list)

    def add(self, file: str, record_type: str, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        count = self.counts[(file, record_type)]
        count[0] += tp
        count[1] += fp
        count[2] += fn

    def error(self, file: str, document: str, task: str, record_type: str, kind: str, item: str, text: str) -> None:
        self.errors.append({"file": file, "document": document, "task": task, "record_type": record_type,
                            "kind": kind, "item": item, "text": text})


def evaluate(gold: Iterable[GoldFile], documents: pl.DataFrame, tasks: pl.DataFrame, assignments: pl.DataFrame,
             targets: pl.DataFrame, observations: pl.DataFrame | None = None) -> Evaluation:
    """Score extracted frames against gold annotations (matching rules: docs/evaluation.md).

    Parameters
    ----------
    gold : iterable of GoldFile
        From :func:`load_gold`.
    documents, tasks, assignments, targets, observations : polars.DataFrame
        Frames of the DESIGN.md contract; ``documents.source_path`` ends with the gold ``file`` name.
        Without ``observations`` no observation scores are given.

    Returns
    -------
    Evaluation

    Examples
    --------
    >>> import polars as pl
    >>> from policykit.evaluate import GoldClause, GoldDocument, GoldFile, GoldTask, GoldUnit
    >>> task = GoldTask("1", "创新", None, (GoldClause("牵头单位:科技局", (GoldUnit("科技局", "lead"),)),), ())
    >>> gold = [GoldFile("a.txt", (GoldDocument(None, None, None, None, None, (task,), (), ()),))]
    >>> docs = pl.DataFrame({"doc_id": ["d"], "source_path": ["data/raw/a.txt"], "title": [None]})
    >>> tasks = pl.DataFrame({"task_id": ["t"], "doc_id": ["d"], "number": ["1"], "title": ["创新"], "start": [0]})
    >>> units = pl.DataFrame({"task_id": ["t", "t"], "doc_id": ["d", "d"], "mention": ["科技局", "财政局"],
    ...                       "role": ["lead", "lead"]})
    >>> targets = pl.DataFrame({"task_id": [], "doc_id": [], "value": [], "unit": [], "comparator": []},
    ...                        schema={c: pl.String for c in ["task_id", "doc_id", "value", "unit", "comparator"]})
    >>> result = evaluate(gold, docs, tasks, units, targets)
    >>> result.row("mentions")["precision"], result.row("mentions")["recall"]
    (0.5, 1.0)
    """
    frames = {"documents": documents, "tasks": tasks, "assignments": assignments, "targets": targets}
    if observations is not None:
        frames["observations"] = observations
    for name, frame in frames.items():
        missing = [c for c in _REQUIRED[name] if c not in frame.columns]
        if missing:
            raise ValueError(f"evaluate: the {name} frame lacks column(s) {', '.join(missing)}")
    extracted = _extracted_by_source(documents, tasks, assignments, targets, observations)
    record_types = RECORD_TYPES if observations is not None else RECORD_TYPES[:-1]
    scored_metadata = False
    tally, notes, files = _Tally(), [], []
    for gold_file in gold:
        files.append(gold_file.file)
        docs, note = _documents_of(gold_file.file, extracted)
        if note:
            notes.append(note)
        for gold_doc, doc in _pair_documents(gold_file.documents, docs):
            gold_doc = gold_doc or _unmatched_gold(gold_file)
            scored_metadata |= gold_doc.scores("metadata")
            _score_document(tally, gold_file.file, gold_doc, doc, observations is not None)
    if not scored_metadata:
        record_types = tuple(t for t in record_types if t != "metadata")
    return Evaluation(_scores_frame(tally, files, record_types),
                      pl.DataFrame(tally.errors, schema=ERRORS_SCHEMA), tuple(notes))


# --- extracted side --------------------------------------------------------------------------------
def _extracted_by_source(documents, tasks, assignments, targets, observations) -> dict[str, list[_ExtractedDocument]]:
    by_doc: dict[str, _ExtractedDocument] = {}
    by_source: dict[str, list[_ExtractedDocument]] = defaultdict(list)
    order = [c for c in ("source_path", "part") if c in documents.columns]
    for row in documents.sort(order, nulls_last=True).iter_rows(named=True):
        doc = _ExtractedDocument(row["doc_id"], row["title"], {f: row.get(f) for f in METADATA_FIELDS},
                                 [], defaultdict(list), defaultdict(list), [])
        by_doc[row["doc_id"]] = doc
        by_source[row["source_path"] or ""].append(doc)
    known_tasks = set()
    for row in tasks.sort("start", nulls_last=True).iter_rows(named=True):
        if row["doc_id"] in by_doc:
            by_doc[row["doc_id"]].tasks.append(row)
            known_tasks.add(row["task_id"])
    for frame, attribute in ((assignments, "assignments"), (targets, "targets")):
        ordered = frame.sort("start", nulls_last=True) if "start" in frame.columns else frame
        for row in ordered.iter_rows(named=True):
            if row["doc_id"] in by_doc:
                task_id = row["task_id"] if row["task_id"] in known_tasks else None
                getattr(by_doc[row["doc_id"]], attribute)[task_id].append(row)
    if observations is not None:
        for row in observations.iter_rows(named=True):
            if row["doc_id"] in by_doc:
                by_doc[row["doc_id"]].observations.append(row)
    return by_source


def _documents_of(file: str, extracted: dict[str, list[_ExtractedDocument]]):
    sources = sorted(s for s in extracted if s == file or PurePosixPath(s).name == file)
    if not sources:
        return [], f"{file}: no ingested document comes from this file; all its gold items count as misses"
    note = f"{file}: several sources match ({', '.join(sources)}); scored {sources[0]}" if len(sources) > 1 else None
    return extracted[sources[0]], note


def _pair_documents(gold_docs: Sequence[GoldDocument], docs: Sequence[_ExtractedDocument]):
    """(gold, extracted) pairs, with None on the side that has no counterpart."""
    if len(gold_docs) == 1 and len(docs) == 1:
        return [(gold_docs[0], docs[0])]
    candidates = sorted(
        ((-_title_similarity(g.title, d.title), abs(i - j), i, j)
         for i, g in enumerate(gold_docs) for j, d in enumerate(docs)))
    pairs, used_gold, used_docs = [], set(), set()
    for negative_score, _, i, j in candidates:
        if -negative_score >= TITLE_SIMILARITY and i not in used_gold and j not in used_docs:
            pairs.append((i, j))
            used_gold.add(i)
            used_docs.add(j)
    # Without titles on either side there is no evidence against pairing the rest in order.
    rest_gold = [i for i in range(len(gold_docs)) if i not in used_gold]
    rest_docs = [j for j in range(len(docs)) if j not in used_docs]
    for i, j in zip(rest_gold, rest_docs):
        if not gold_docs[i].title or not docs[j].title:
            pairs.append((i, j))
            used_gold.add(i)
            used_docs.add(j)
    result = [(gold_docs[i], docs[j]) for i, j in sorted(pairs)]
    result += [(gold_docs[i], None) for i in range(len(gold_docs)) if i not in used_gold]
    result += [(None, docs[j]) for j in range(len(docs)) if j not in used_docs]
    return result


def _title_similarity(a: str | None, b: str | None) -> float:
    a, b = text_key(a), text_key(b)
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _unmatched_gold(gold_file: GoldFile) -> GoldDocument:
    """The empty gold an extracted document without a gold counterpart is scored against.

    It takes the file's widest scope, so that what the annotator covered in this file counts as false hits.
    """
    scopes = [d.scope for d in gold_file.documents]
    scope = None if not scopes or None in scopes else tuple(sorted({k for s in scopes for k in s}))
    return GoldDocument(None, None, None, None, None, (), (), (), scope=scope)


# --- one document ----------------------------------------------------------------------------------
def _score_document(tally: _Tally, file: str, gold_doc: GoldDocument, doc: _ExtractedDocument | None,
                    with_observations: bool) -> None:
    document = gold_doc.title or (doc.title if doc else None) or ""

    def error(task, record_type, kind, item, text=""):
        tally.error(file, document, task, record_type, kind, item, text or "")

    if gold_doc.scores("metadata"):
        _score_metadata(tally, file, gold_doc, doc, error)
    if not gold_doc.scores("tasks"):
        # Targets of a document annotated without its tasks (a work report's targets, say) are scored as one
        # doc-level pool on both sides.
        if doc:
            doc = _ExtractedDocument(doc.doc_id, doc.title, doc.metadata, [], doc.assignments,
                                     {None: [t for ts in doc.targets.values() for t in ts]}, doc.observations)
        task_pairs = []
    else:
        task_pairs = _pair_tasks(list(gold_doc.tasks), doc.tasks if doc else [])
    _score_tasks(tally, file, gold_doc, doc, task_pairs, error)
    if gold_doc.scores("targets"):
        _score_targets(tally, file, gold_doc, doc, task_pairs, error)
    if with_observations and gold_doc.scores("observations"):
        _score_observations(tally, file, gold_doc, doc, error)


def _score_metadata(tally, file, gold_doc: GoldDocument, doc: _ExtractedDocument | None, error) -> None:
    """Each stated field right (tp), missed or wrong (fn); a value where the text states none, or a wrong one, fp."""
    extracted = doc.metadata if doc else {}
    for name in METADATA_FIELDS:
        gold, value = getattr(gold_doc, name), extracted.get(name)
        gold_text, text = text_key(gold), text_key(None if value is None else str(value))
        if gold_text and gold_text == text:
            tally.add(file, "metadata", tp=1)
            continue
        if not gold_text and not text:  # stated nowhere, and the kit says nothing: right, and not counted
            continue
        tally.add(file, "metadata", fn=int(bool(gold_text)), fp=int(bool(text)))
        kind = "mismatch" if gold_text and text else ("miss" if gold_text else "false_hit")
        error("", "metadata", kind, f"{name}: gold {gold!r}, extracted {value!r}")


def _score_tasks(tally, file, gold_doc: GoldDocument, doc: _ExtractedDocument | None, task_pairs, error) -> None:
    """Tasks (paired only when the gold covers them: ``task_pairs`` is empty otherwise) and their units."""
    with_units = gold_doc.scores("assignments")
    for gold_task, task in task_pairs:
        label = _gold_task_label(gold_task) if gold_task else _task_label(task)
        if gold_task and task:
            tally.add(file, "tasks", tp=1)
        elif gold_task:
            tally.add(file, "tasks", fn=1)
            error(label, "tasks", "miss", f"{label} {gold_task.title or ''}".strip())
        else:
            tally.add(file, "tasks", fp=1)
            error(label, "tasks", "false_hit", f"{label} {task['title'] or ''}".strip(), task.get("text"))
        gold_units = [(unit, clause.quote) for clause in (gold_task.assignments if gold_task else ())
                      for unit in clause.units]
        units = doc.assignments.get(task["task_id"], []) if task else []
        if with_units:
            _score_units(tally, file, label, gold_units, units, error)
    if with_units and doc and doc.assignments.get(None):
        _score_units(tally, file, "", [], doc.assignments[None], error)


def _score_observations(tally, file, gold_doc: GoldDocument, doc: _ExtractedDocument | None, error) -> None:
    gold_obs = list(gold_doc.observations)
    pairs, misses, false_hits = pair_multisets(
        gold_obs, doc.observations if doc else [],
        lambda o: (decimal_key(o.value), unit_key(o.unit)),
        lambda r: (decimal_key(r["value"]), unit_key(r["unit"])),
        lambda o, r: _overlap(o.quote, r.get("text")))
    tally.add(file, "observations", tp=len(pairs), fp=len(false_hits), fn=len(misses))
    for o in misses:
        error("", "observations", "miss", _quantity(o.value, o.unit), o.quote)
    for r in false_hits:
        error("", "observations", "false_hit", _quantity(r["value"], r["unit"]), r.get("text"))


def _pair_tasks(gold_tasks: list[GoldTask], tasks: list[dict]) -> list[tuple[GoldTask | None, dict | None]]:
    """Align by (section path, number) where the gold gives a path; then, between those anchors, by number.

    Both passes keep text order, so a repeated number pairs with its own occurrence and a task never pairs
    across an anchor (gold 一/2 does not meet an extracted 二/2).
    """
    anchors = align([(path_key(g.path), number_key(g.number)) if g.path is not None else object() for g in gold_tasks],
                    [(path_key(t.get("path")), number_key(t["number"])) for t in tasks])
    matched = dict(anchors)
    bounds = [(-1, -1), *anchors, (len(gold_tasks), len(tasks))]
    for (gold_before, before), (gold_after, after) in zip(bounds, bounds[1:]):
        gold_gap, gap = range(gold_before + 1, gold_after), range(before + 1, after)
        gold_numbers = [number_key(gold_tasks[i].number) for i in gold_gap]
        for a, b in align(gold_numbers, [number_key(tasks[j]["number"]) for j in gap]):
            matched[gold_gap[a]] = gap[b]
    used = set(matched.values())
    pairs = [(gold_tasks[i], tasks[matched[i]] if i in matched else None) for i in range(len(gold_tasks))]
    return pairs + [(None, tasks[j]) for j in range(len(tasks)) if j not in used]


def _score_units(tally, file, label, gold_units, units, error) -> None:
    for record_type, gold_key, key in (
        ("mentions", lambda g: text_key(g[0].mention), lambda r: text_key(r["mention"])),
        ("unit_role", lambda g: (text_key(g[0].mention), g[0].role), lambda r: (text_key(r["mention"]), r["role"])),
    ):
        pairs, misses, false_hits = pair_multisets(gold_units, units, gold_key, key)
        tally.add(file, record_type, tp=len(pairs), fp=len(false_hits), fn=len(misses))
        for unit, quote in misses:
            item = unit.mention if record_type == "mentions" else f"{unit.mention}:{unit.role}"
            error(label, record_type, "miss", item, quote)
        for row in false_hits:
            item = row["mention"] if record_type == "mentions" else f"{row['mention']}:{row['role']}"
            error(label, record_type, "false_hit", item, row.get("text"))


def _score_targets(tally, file, gold_doc, doc, task_pairs, error) -> None:
    """Same task (or both doc-level) first; then a doc-level item on either side may meet any leftover.

    Items travel as (label, target); the label "" marks a doc-level target (no task on that side).
    """
    def gold_key(entry):
        return decimal_key(entry[1].value), unit_key(entry[1].unit)

    def key(entry):
        return decimal_key(entry[1]["value"]), unit_key(entry[1]["unit"])

    buckets = [(gold_task.targets if gold_task else (), doc.targets.get(task["task_id"], []) if (doc and task) else [],
                _gold_task_label(gold_task) if gold_task else _task_label(task))
               for gold_task, task in task_pairs]
    buckets.append((gold_doc.doc_targets, doc.targets.get(None, []) if doc else [], ""))

    def prefer(gold_entry, entry):
        return _overlap(gold_entry[1].quote, entry[1].get("text"))

    pairs, lone_gold, lone = [], [], []
    for gold_targets, targets, label in buckets:
        found, misses, false_hits = pair_multisets([(label, t) for t in gold_targets], [(label, t) for t in targets],
                                                   gold_key, key, prefer)
        pairs += found
        lone_gold += misses
        lone += false_hits
    found, rest_gold, rest = pair_multisets([g for g in lone_gold if not g[0]], lone, gold_key, key, prefer)
    pairs += found
    lone_gold = [g for g in lone_gold if g[0]] + rest_gold
    found, lone_gold, rest_doc = pair_multisets(lone_gold, [t for t in rest if not t[0]], gold_key, key, prefer)
    pairs += found
    lone = [t for t in rest if t[0]] + rest_doc
    tally.add(file, "targets", tp=len(pairs), fp=len(lone), fn=len(lone_gold))
    for label, target in lone_gold:
        error(label, "targets", "miss", _target_item(target.value, target.unit, target.comparator), target.quote)
    for label, row in lone:
        item = _target_item(row["value"], row["unit"], row["comparator"])
        error(label, "targets", "false_hit", item, row.get("text"))
    right = [(g, t) for g, t in pairs if comparator_key(g[1].comparator) == comparator_key(t[1]["comparator"])]
    tally.add(file, "comparator_accuracy", tp=len(right), fp=len(pairs) - len(right))
    for (label, target), (_, row) in pairs:
        if comparator_key(target.comparator) != comparator_key(row["comparator"]):
            error(label, "comparator_accuracy", "mismatch",
                  f"{_quantity(target.value, target.unit)}: gold {target.comparator}, extracted {row['comparator']}",
                  target.quote)
    years = [(g, t) for g, t in pairs if g[1].year is not None]
    right = [(g, t) for g, t in years if g[1].year == t[1].get("year")]
    tally.add(file, "year_accuracy", tp=len(right), fp=len(years) - len(right))
    for (label, target), (_, row) in years:
        if target.year != row.get("year"):
            error(label, "year_accuracy", "mismatch",
                  f"{_quantity(target.value, target.unit)}: gold {target.year}, extracted {row.get('year')}", target.quote)


def _overlap(quote: str | None, text: str | None) -> int:
    """Length of the longest run two quotes share: which equal-valued item a gold item most likely means."""
    a, b = text_key(quote), text_key(text)
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


def _gold_task_label(task: GoldTask) -> str:
    return "/".join([*(task.path or ()), task.number])


def _task_label(task: dict) -> str:
    return "/".join([*(task.get("path") or ()), task["number"] or "?"])


def _quantity(value, unit) -> str:
    number = decimal_key(value)
    return f"{number if number is None else format(number, 'f')}{unit or ''}"


def _target_item(value, unit, comparator) -> str:
    return f"{comparator or '?'} {_quantity(value, unit)}"


# --- scores ----------------------------------------------------------------------------------------
def _scores_frame(tally: _Tally, files: list[str], record_types: Sequence[str]) -> pl.DataFrame:
    rows = []
    totals = defaultdict(lambda: [0, 0, 0])
    for file in files:
        for record_type in record_types:
            tp, fp, fn = tally.counts.get((file, record_type), (0, 0, 0))
            rows.append(_score_row(file, record_type, tp, fp, fn))
            total = totals[record_type]
            total[0] += tp
            total[1] += fp
            total[2] += fn
    rows += [_score_row(ALL, record_type, *totals[record_type]) for record_type in record_types]
    return pl.DataFrame(rows, schema=SCORES_SCHEMA)


def _score_row(file: str, record_type: str, tp: int, fp: int, fn: int) -> dict:
    if record_type in _ACCURACIES:
        accuracy = tp / (tp + fp) if tp + fp else None
        return {"file": file, "record_type": record_type, "tp": tp, "fp": fp, "fn": fn,
                "precision": accuracy, "recall": accuracy, "f1": accuracy}
    return {"file": file, "record_type": record_type, "tp": tp, "fp": fp, "fn": fn,
            "precision": tp / (tp + fp) if tp + fp else None,
            "recall": tp / (tp + fn) if tp + fn else None,
            "f1": 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None}
