"""Provenance: for any row of any frame, the events that made it and the sentence it came from."""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass

import polars as pl

from .dataset import Dataset
from .extract import sentence_span
from .frames import ID_COLUMNS as RECORD_ID_COLUMNS
from .log import EventLog, StoredEvent
from .text import read_source

ID_COLUMNS = {"documents": "doc_id", **RECORD_ID_COLUMNS, "units": "unit_id"}


@dataclass(frozen=True)
class Explanation:
    record_id: str
    frame: str
    row: dict
    events: tuple[StoredEvent, ...]  # extraction events of its document, then curation events naming it
    source_path: str | None
    clean_sentence: str | None  # the sentence with the span marked 【…】
    raw_sentence: str | None  # the same place in the raw file, original characters
    raw_note: str | None  # why the raw view is missing, when it is

    def __str__(self) -> str:
        lines = [f"{self.frame[:-1] if self.frame.endswith('s') else self.frame} {self.record_id}"]
        lines += [f"  {k}: {v}" for k, v in self.row.items() if k not in ("text",)]
        lines.append("events:")
        for s in self.events:
            lines.append(f"  seq {s.seq} {s.recorded_at} {s.recorded_by}: {s.type}"
                         + (f" — {s.event.reason}" if hasattr(s.event, "reason") else ""))
        if self.source_path:
            lines.append(f"source: {self.source_path}")
        if self.clean_sentence:
            lines.append(f"clean text: {self.clean_sentence}")
        if self.raw_sentence:
            lines.append(f"raw text:   {self.raw_sentence}")
        if self.raw_note:
            lines.append(f"raw text:   ({self.raw_note})")
        return "\n".join(lines)


def _sentence(text: str, start: int, end: int) -> str:
    left, right = sentence_span(text, start, end)
    return (text[left:start] + "【" + text[start:end] + "】" + text[end:right]).strip()


def _find_row(ds: Dataset, record_id: str) -> tuple[str, dict]:
    for frame, column in ID_COLUMNS.items():
        hit = getattr(ds, frame).filter(pl.col(column) == record_id)
        if hit.height:
            return frame, hit.row(0, named=True)
    raise KeyError(f"no row with id {record_id!r} in any frame (rejected records leave the frames; "
                   "see `policykit log` for their history)")


def _names(event, record_id: str) -> bool:
    values = dataclasses.asdict(event).values()
    return any(v == record_id or (isinstance(v, (list, tuple)) and record_id in v) for v in values)


def explain(ds: Dataset, record_id: str) -> Explanation:
    """Where a row came from: its events, its source and its sentence, in clean and raw text.

    Examples
    --------
    >>> import tempfile
    >>> import policykit as pk
    >>> project = pk.Project.create(tempfile.mkdtemp(), {"plan.txt":   # data/raw holds the sources
    ...     "成武县2023年重点工作任务\\n一、创新\\n1.建设实验室。力争达到20家以上。(牵头单位:县科技局参与单位:县财政局)\\n"})
    >>> pk.ingest(project).ok
    True
    >>> ds = pk.open(project)
    >>> why = pk.explain(ds, ds.assignments["assignment_id"][0])
    >>> [stored.type for stored in why.events], why.source_path
    (['SourceRead', 'DocumentExtracted'], 'data/raw/plan.txt')
    >>> print(why)   # doctest: +ELLIPSIS
    assignment ...:县科技局
    ...
      mention: 县科技局
    ...
      role: lead
    ...
    clean text: (牵头单位:【县科技局】参与单位:县财政局)
    raw text:   (牵头单位:【县科技局】参与单位:县财政局)
    """
    frame, row = _find_row(ds, record_id)
    doc_id = row.get("doc_id")
    events: list[StoredEvent] = []
    clean = raw = note = source_path = None
    with EventLog(ds.project.log_path, create=False) as log:
        if doc_id is not None and doc_id in ds.state.extractions:
            seq, extraction = ds.state.extractions[doc_id]
            source_seq = ds.state.sources.get(extraction.source_path, (None,))[0]
            events = [s for s in log.read(since_seq=min(seq, source_seq or seq) - 1, as_of_seq=seq)
                      if s.seq in (seq, source_seq)]
            source_path = extraction.source_path
            start, end = row.get("start"), row.get("end")
            if start is not None and end is not None:
                text = log.text(extraction.text_sha256)
                clean = _sentence(text, start, end)
                raw, note = _raw_view(ds, extraction, start, end)
    names = {record_id, row.get("task_id"), row.get("mention")} - {None}
    events += [s for s in ds.state.curation if any(_names(s.event, n) for n in names)]
    return Explanation(record_id, frame, row, tuple(events), source_path, clean, raw, note)


def _raw_view(ds: Dataset, extraction, start: int, end: int) -> tuple[str | None, str | None]:
    path = ds.project.root / extraction.source_path
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, f"{extraction.source_path} cannot be read: {exc.strerror or exc}"
    if hashlib.sha256(data).hexdigest() != extraction.source_sha256:
        return None, f"{extraction.source_path} has changed since it was ingested"
    reading = read_source(data, extraction.source_path)
    if extraction.part >= len(reading.documents):
        return None, "the reader no longer finds this document in the file"
    document = reading.documents[extraction.part]
    if hashlib.sha256(document.text.encode("utf-8")).hexdigest() != extraction.text_sha256:
        # The offset map belongs to the reader that made the logged text; another reader's would lie.
        return None, "the reader has changed since this was ingested; `policykit ingest --reextract` restores the raw view"
    raw_start, raw_end = document.offsets.raw_span(start, end)
    return _sentence(reading.raw_text, raw_start, raw_end), None
