"""Dump every shared-corpus document's reading and extraction, every field, as JSON lines.

A change meant to alter speed only must leave this dump byte-identical:

    .venv/bin/python scripts/dump_extraction.py before.jsonl   # on the old checkout
    .venv/bin/python scripts/dump_extraction.py after.jsonl    # on the new one
    cmp before.jsonl after.jsonl

The corpus is found as the notebooks find it (POLICYKIT_CORPUS, else shared/corpus beside the checkout).
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import sys
from pathlib import Path

from policykit.extract import extract_document
from policykit.notebooks import find_corpus
from policykit.project import Project
from policykit.text import read_source

READ = (".txt", ".html", ".htm", ".md")


def plain(value):
    """A dataclass, sequence or mapping as JSON-ready values; anything else (Decimal, Path) as its str."""
    if dataclasses.is_dataclass(value):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def main(out: str) -> None:
    root = find_corpus(Project(Path(__file__).resolve().parent.parent))
    if root is None:
        raise SystemExit("no shared corpus found (set POLICYKIT_CORPUS)")
    with open(out, "w", encoding="utf-8") as sink:
        for path in sorted(root.rglob("*")):
            if not path.is_file() or path.name.startswith(".") or path.suffix.lower() not in READ:
                continue
            for document in read_source(path.read_bytes(), str(path)).documents:
                record = {"file": str(path.relative_to(root)), "part": document.part,
                          "text_sha": hashlib.sha1(document.text.encode()).hexdigest(),
                          "metadata": plain(document.metadata),
                          "extraction": plain(extract_document(document.text, document.metadata))}
                sink.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
