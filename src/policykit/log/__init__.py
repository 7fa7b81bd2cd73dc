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
    flat_fields,
    record_payloads,
)
from ._migrate import migrate_log
from ._postgres import LogURL
from ._store import (
    GENESIS, LOG_FORMAT, EncodedEvent, EventLog, LogDamaged, LogError, StoredEvent, Verification, chain_hash,
    decode_text, encode_event, encode_text, is_log_url, pack_payload, unpack_payload, unpack_payload_bytes,
)

__all__ = [
    "AssignmentAdded", "CurationEvent", "CurationUndone", "DocumentExtracted", "EncodedEvent", "Event", "EVENT_TYPES",
    "EventLog", "GENESIS", "LOG_FORMAT", "LogDamaged", "LogError", "LogURL", "RecordRejected", "RoleCorrected", "SourceRead",
    "SourceRejected", "StoredEvent", "TargetCorrected", "TargetReferenced", "TaskCorrected", "UnitAliasDeclared",
    "UnitSplitDeclared", "Verification",
    "chain_hash", "decode_text", "encode_event", "encode_text", "is_log_url", "migrate_log", "pack_payload", "unpack_payload",
    "unpack_payload_bytes", "event_from_payload", "flat_fields", "record_payloads",
]
