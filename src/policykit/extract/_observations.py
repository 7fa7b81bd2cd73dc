"""Reported progress figures (first cut: none; see the targets and progress issue)."""
from __future__ import annotations

from ..text import DocumentMetadata
from ._records import ObservationRecord, TaskRecord


def find_observations(text: str, tasks: tuple[TaskRecord, ...], metadata: DocumentMetadata) -> tuple[ObservationRecord, ...]:
    return ()
