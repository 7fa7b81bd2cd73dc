"""The real-text bench corpus: the shared corpus (../shared/corpus) copied until it is about ``mb`` MB.

Each copy of a file gets one ASCII line of its own at the end (``copy N``), so every copy has its own
raw bytes and its own clean text: ingest cannot skip it as unchanged and the log cannot store its text
once for all copies.

Run: ``.venv/bin/python benchmarks/shared_corpus.py --mb 10 --out /tmp/policykit-bench/shared-10mb``.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import peers

from policykit.notebooks import find_corpus
from policykit.project import Project

REPO = Path(__file__).resolve().parents[1]


def default_corpus() -> Path | None:
    """The development corpus as the notebooks find it: ``POLICYKIT_CORPUS``, else ``shared/corpus``
    beside the checkout; ``None`` when there is none."""
    return find_corpus(Project(REPO))


def corpus_files(shared: Path) -> list[Path]:
    """The shared corpus's text files, the folder's own notes (README, SOURCES) left out."""
    return sorted(p for p in shared.rglob("*") if p.is_file() and p.parent != shared
                  and not p.name.startswith("."))


def make_shared_corpus(out: str | Path, mb: float = 10.0, shared: Path | None = None) -> tuple[int, int]:
    """Write copies of the shared corpus under ``out`` until they hold at least ``mb`` MB; return
    (files, bytes). An existing complete copy of the same size is reused.

    Examples
    --------
    >>> import tempfile
    >>> files, size = make_shared_corpus(tempfile.mkdtemp(), mb=0.2)
    >>> files >= 1 and size >= 200_000
    True
    """
    out = Path(out)
    done = out / f".complete-{mb:g}mb"
    if done.exists():
        files = peers.corpus_files(out)
        return len(files), sum(p.stat().st_size for p in files)
    shared = shared or default_corpus()
    if shared is None:
        raise FileNotFoundError("no development corpus: set POLICYKIT_CORPUS or put shared/corpus beside the checkout")
    sources = [(p.relative_to(shared), p.read_bytes()) for p in corpus_files(shared)]
    if not sources:
        raise FileNotFoundError(f"{shared}: no corpus files")
    n_files = n_bytes = copy = 0
    while n_bytes < mb * 1e6:
        for rel, data in sources:
            # The marker goes in the file's own encoding (ASCII is the same in UTF-8, GB18030 and GBK).
            eol = b"\r\n" if b"\r\n" in data[:4096] else b"\n"
            unique = data + eol + b"copy %d" % copy + eol
            path = out / f"copy-{copy:03d}" / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(unique)
            n_files, n_bytes = n_files + 1, n_bytes + len(unique)
            if n_bytes >= mb * 1e6:
                break
        copy += 1
    done.touch()
    return n_files, n_bytes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    files, size = make_shared_corpus(args.out, args.mb)
    print(f"shared_corpus: {files} files, {size / 1e6:.1f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
