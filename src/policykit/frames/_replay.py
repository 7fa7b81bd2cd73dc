"""Fold the log into the state the frames are projected from: one function per event type.

The latest reading of a source and the latest extraction of a document win; curation events are
kept in log order (what they decide is :mod:`policykit.frames._curate`'s business).
"""
from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from functools import singledispatch

from ..log import CurationEvent, CurationUndone, DocumentExtracted, Event, SourceRead, SourceRejected, StoredEvent


@dataclass
class LogState:
    """What the log says at some seq. Built by :func:`replay`; projections read it, never the log."""

    last_seq: int = 0
    sources: dict[str, tuple[int, SourceRead]] = field(default_factory=dict)  # by source_path
    rejected: dict[str, tuple[int, SourceRejected]] = field(default_factory=dict)
    # by doc_id; from stream_log (build, open_dataset): active documents only, records left in the frames
    extractions: dict[str, tuple[int, DocumentExtracted]] = field(default_factory=dict)
    curation: list[StoredEvent] = field(default_factory=list)

    def active_document_ids(self, extracted: Container[str]) -> list[str]:
        """Ids, in path order, of the documents of each source's latest reading found in ``extracted``."""
        return [doc_id for path in sorted(self.sources) for doc_id in self.sources[path][1].doc_ids
                if doc_id in extracted]

    def active_documents(self) -> list[tuple[int, DocumentExtracted]]:
        """Latest extraction of each document of each source's latest reading, in path order."""
        return [self.extractions[doc_id] for doc_id in self.active_document_ids(self.extractions)]

    def undone_seqs(self) -> set[int]:
        """Seqs of curation events withdrawn by a later undo (an undo of an undo restores)."""
        undone: set[int] = set()
        for stored in reversed(self.curation):
            if stored.seq not in undone and isinstance(stored.event, CurationUndone):
                undone.add(stored.event.undone_seq)
        return undone

    def effective_curation(self) -> list[StoredEvent]:
        """Curation events in log order, without the undone ones and the undos themselves."""
        undone = self.undone_seqs()
        return [s for s in self.curation if s.seq not in undone and not isinstance(s.event, CurationUndone)]


@singledispatch
def fold(event: Event, stored: StoredEvent, state: LogState) -> None:
    """Fold one event into ``state`` (in place, for speed over large logs); one registration per type.

    An event type without a registration changes nothing but ``last_seq``.
    """


@fold.register
def _(event: DocumentExtracted, stored: StoredEvent, state: LogState) -> None:
    state.extractions[event.document_id] = (stored.seq, event)


@fold.register
def _(event: SourceRead, stored: StoredEvent, state: LogState) -> None:
    state.sources[event.source_path] = (stored.seq, event)
    state.rejected.pop(event.source_path, None)


@fold.register
def _(event: SourceRejected, stored: StoredEvent, state: LogState) -> None:
    state.rejected[event.source_path] = (stored.seq, event)


@fold.register
def _(event: CurationEvent, stored: StoredEvent, state: LogState) -> None:
    state.curation.append(stored)


def apply(state: LogState, stored: StoredEvent) -> LogState:
    """Fold one stored event into ``state`` (mutated and returned)."""
    state.last_seq = stored.seq
    fold(stored.event, stored, state)
    return state


def replay(events: Iterable[StoredEvent]) -> LogState:
    """The state after ``events``, in order.

    Examples
    --------
    >>> from policykit.log import StoredEvent, UnitAliasDeclared
    >>> alias = UnitAliasDeclared(reason="same bureau", names=("发展改革局", "发改局"))
    >>> state = replay([StoredEvent(7, "2026-01-01T00:00:00+00:00", "ana", alias)])
    >>> state.last_seq, [s.event.names for s in state.curation]
    (7, [('发展改革局', '发改局')])
    """
    state = LogState()
    for stored in events:
        apply(state, stored)
    return state
