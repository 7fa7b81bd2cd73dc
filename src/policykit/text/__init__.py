"""Reading: raw bytes → clean documents with metadata and a map back to the raw characters.

The public entry point is :func:`read_source`; the cleaning steps it can switch are listed in
:data:`CLEANING_STEPS`.
"""
from __future__ import annotations

from ._reader import CLEANING_STEPS, read_source
from ._types import DocumentMetadata, OffsetMap, SourceDocument, SourceReading, TextWarning

__all__ = ["CLEANING_STEPS", "DocumentMetadata", "OffsetMap", "SourceDocument", "SourceReading", "TextWarning", "read_source"]
