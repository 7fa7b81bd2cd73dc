"""The event log: the single source of truth for extractions and human curation."""
from ._events import (
    AssignmentAdded,
    CurationEvent,
    CurationUndone,
    DocumentExtracted,
    Event,
    EVENT_TYPES,
    RecordRejected,
    RoleCorrected,
    SourceRead,
    SourceRejected,
    TargetCorrected,
    TaskCorrected,
    UnitAliasDeclared,
    UnitSplitDeclared,
    event_from_payload,
)
from ._store import EventLog, LogError, StoredEvent

__all__ = [
    "AssignmentAdded", "CurationEvent", "CurationUndone", "DocumentExtracted", "Event", "EVENT_TYPES",
    "EventLog", "LogError", "RecordRejected", "RoleCorrected", "SourceRead", "SourceRejected",
    "StoredEvent", "TargetCorrected", "TaskCorrected", "UnitAliasDeclared", "UnitSplitDeclared",
    "event_from_payload",
]
