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
    TargetReferenced,
    TaskCorrected,
    UnitAliasDeclared,
    UnitSplitDeclared,
    event_from_payload,
    record_payloads,
)
from ._migrate import migrate_log
from ._postgres import LogURL
from ._store import GENESIS, EventLog, LogDamaged, LogError, StoredEvent, Verification, chain_hash, is_log_url

__all__ = [
    "AssignmentAdded", "CurationEvent", "CurationUndone", "DocumentExtracted", "Event", "EVENT_TYPES",
    "EventLog", "GENESIS", "LogDamaged", "LogError", "LogURL", "RecordRejected", "RoleCorrected", "SourceRead", "SourceRejected",
    "StoredEvent", "TargetCorrected", "TargetReferenced", "TaskCorrected", "UnitAliasDeclared", "UnitSplitDeclared", "Verification",
    "chain_hash", "is_log_url", "migrate_log",
    "event_from_payload", "record_payloads",
]
