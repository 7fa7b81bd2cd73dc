"""Reading: raw bytes → clean documents with metadata and a map back to the raw characters.

The public entry point is :func:`read_source`; the cleaning steps it can switch are listed in
:data:`CLEANING_STEPS`. :func:`prepare` builds ahead what the reader otherwise builds at first use (for
processes forked afterwards to share). :func:`line_pattern` and :func:`line_spans` find the lines a pattern
matches from the line breaks, the reader's way, shared with the extractors.
"""
from __future__ import annotations

from ._clean import prepare
from ._cues import LinePattern, line_pattern, line_spans
from ._reader import CLEANING_STEPS, read_source
from ._types import DocumentMetadata, OffsetMap, SourceDocument, SourceReading, TextWarning

__all__ = ["CLEANING_STEPS", "DocumentMetadata", "LinePattern", "OffsetMap", "SourceDocument", "SourceReading",
           "TextWarning", "line_pattern", "line_spans", "prepare", "read_source"]
