"""Reading: raw bytes → clean documents with metadata and a map back to the raw characters."""
from __future__ import annotations

import hashlib

from ._types import DocumentMetadata, OffsetMap, SourceDocument, SourceReading, TextWarning

__all__ = ["DocumentMetadata", "OffsetMap", "SourceDocument", "SourceReading", "TextWarning", "read_source"]


def read_source(data: bytes, source_path: str) -> SourceReading:
    """Decode one raw file and return the documents it holds (first cut: UTF-8 then GB18030, one document)."""
    warnings = []
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = data.decode("gb18030", errors="replace"), "gb18030"
        warnings.append(TextWarning("encoding-fallback", f"{source_path}: not UTF-8, decoded as GB18030"))
    doc = SourceDocument(part=0, text=text, offsets=OffsetMap())
    return SourceReading(source_path, hashlib.sha256(data).hexdigest(), encoding, text, (doc,), tuple(warnings))
