"""Fold the log into the state the frames are projected from (latest extraction wins, curation in order)."""
from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass, field

from ..log import CurationEvent, CurationUndone, DocumentExtracted, SourceRead, SourceRejected, StoredEvent


@dataclass
class LogState:
    """What the log says at some seq. Built by :func:`replay`; projections read it, never the log."""

    last_seq: int = 0
    sources: dict[str, tuple[int, SourceRead]] = field(default_factory=dict)  # by source_path
    rejected: dict[str, tuple[int, SourceRejected]] = field(default_factory=dict)
    # by doc_id; from project_log (open_dataset): active documents only, records left in the frames
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


def apply(state: LogState, stored: StoredEvent) -> LogState:
    """Fold one event into ``state`` (mutated and returned, for speed over large logs)."""
    event = stored.event
    state.last_seq = stored.seq
    if isinstance(event, DocumentExtracted):
        state.extractions[event.document_id] = (stored.seq, event)
    elif isinstance(event, SourceRead):
        state.sources[event.source_path] = (stored.seq, event)
        state.rejected.pop(event.source_path, None)
    elif isinstance(event, SourceRejected):
        state.rejected[event.source_path] = (stored.seq, event)
    elif isinstance(event, CurationEvent):
        state.curation.append(stored)
    return state


def replay(events: Iterable[StoredEvent]) -> LogState:
    """The state after ``events``, in order.

    Examples
    --------
    >>> replay([]).last_seq
    0
    """
    state = LogState()
    for stored in events:
        apply(state, stored)
    return state
