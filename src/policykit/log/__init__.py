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
    record_payloads,
)
from ._store import GENESIS, EventLog, LogDamaged, LogError, StoredEvent, Verification, chain_hash

__all__ = [
    "AssignmentAdded", "CurationEvent", "CurationUndone", "DocumentExtracted", "Event", "EVENT_TYPES",
    "EventLog", "GENESIS", "LogDamaged", "LogError", "RecordRejected", "RoleCorrected", "SourceRead", "SourceRejected",
    "StoredEvent", "TargetCorrected", "TaskCorrected", "UnitAliasDeclared", "UnitSplitDeclared", "Verification",
    "chain_hash",
    "event_from_payload", "record_payloads",
]
