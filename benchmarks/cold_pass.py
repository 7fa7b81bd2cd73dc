"""One pass of read_source + extract_document over the shared corpus in a fresh process: MB per CPU-second.

No copies and no warm-up: the figure a first ingest of unseen documents gets, extraction only (the
extractor's memos are kept for one document, so copies would not flatter it either; the text-keyed cache of
``boundaries_of`` is hit only within a document). Kept across documents, each bounded at 4096 entries (least
recently used out): the readings of numbering marks and of task numbers (1., （一） …, a small closed set that
any corpus repeats), and the metric phrases before figures, cleaned and keyed (they recur: on the shared corpus
7317 readings hold 4744 phrases). The bench's copies of the corpus flatter these little: the cleaning cache hits
2565 of 7317 readings in a first pass and 2772 in a second (4 December, 8cb908e), the table being larger than
its bound.
Run: ``.venv/bin/python benchmarks/cold_pass.py`` (prints CPU-s and MB per CPU-s; alternate it with
another checkout's, PYTHONPATH=OTHER/src, on a shared machine: single runs vary by ±15 %).
"""
from __future__ import annotations

import time
from pathlib import Path

from peers import corpus_files

from policykit.extract import extract_document
from policykit.notebooks import find_corpus
from policykit.project import Project
from policykit.text import read_source


def main() -> None:
    corpus = find_corpus(Project(Path(__file__).resolve().parent.parent))
    if corpus is None:
        raise SystemExit("no shared corpus found (set POLICYKIT_CORPUS)")
    blobs = [(p, p.read_bytes()) for p in corpus_files(corpus)]
    size = sum(len(b) for _, b in blobs)
    started = time.process_time()
    for path, data in blobs:
        for document in read_source(data, str(path)).documents:
            extract_document(document.text, document.metadata)
    seconds = time.process_time() - started
    print(f"{len(blobs)} files, {size / 1e6:.2f} MB: {seconds:.2f} CPU-s = {size / 1e6 / seconds:.2f} MB per CPU-s")


if __name__ == "__main__":
    main()
