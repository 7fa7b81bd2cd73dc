"""Reading: raw bytes → clean documents with metadata and a map back to the raw characters.

The public entry point is :func:`read_source`; the cleaning steps it can switch are listed in
:data:`CLEANING_STEPS`. :func:`prepare` builds ahead what the reader otherwise builds at first use
(for processes forked afterwards to share).
"""
from __future__ import annotations

from ._clean import prepare
from ._reader import CLEANING_STEPS, read_source
from ._types import DocumentMetadata, OffsetMap, SourceDocument, SourceReading, TextWarning

__all__ = ["CLEANING_STEPS", "DocumentMetadata", "OffsetMap", "SourceDocument", "SourceReading", "TextWarning", "prepare", "read_source"]
