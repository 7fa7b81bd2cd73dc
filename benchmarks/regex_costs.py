"""Where the regex engine's time goes: every pattern the kit compiles, ranked by its time over a corpus.

cProfile shows `re.Pattern.search` as one line for all patterns; this script tells them apart. Before
policykit is imported it wraps ``re.compile`` (and the module-level ``re`` functions), so each pattern
records where it was compiled (file:line), and per method: calls, characters scanned, hits, and the time
spent inside the real call. Then it reads and extracts every document of a corpus, as ``ingest`` does.

Run: ``.venv/bin/python benchmarks/regex_costs.py [--corpus DIR] [--files N] [--top K]``; another
checkout's code: ``PYTHONPATH=OTHER/src`` in front. About 5 s for the shared corpus.

Columns: ``ms`` inside the engine (perf_counter_ns minus a calibrated empty timing; rank by it, do not
add it to other figures: the wrapper slows every call), ``estM`` a rough instruction estimate (a call
costs about 3 k instructions before it scans, a scanned character about 55, as measured under valgrind
in the twelfth session), ``calls``, ``chars`` scanned (search: to the match's end, or the window's end
when it misses; match: the match's length; finditer, findall, fullmatch, sub, split: the whole window),
``hits`` (matches found), then the site, the method and the pattern's start. A pattern called thousands
of times with few hits wants a gate; one scanning millions of characters wants a literal first
character or a narrower window; a whole-text finditer repeated per document wants doing once.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

_compile = re.compile
_now = time.perf_counter_ns
_CALL_INSTRUCTIONS, _CHAR_INSTRUCTIONS = 3000, 55

# (site, method) -> [calls, chars scanned, ns inside, hits]
_TALLY: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
_PATTERN_AT: dict[str, str] = {}


class _Counted:
    """A compiled pattern that tallies each call; anything else is the pattern's own."""

    __slots__ = ("_pattern", "_site", "__weakref__")

    def __init__(self, pattern: re.Pattern, site: str) -> None:
        self._pattern = pattern
        self._site = site

    def __getattr__(self, name):
        return getattr(self._pattern, name)

    def __hash__(self) -> int:
        return hash(self._pattern)

    def __eq__(self, other) -> bool:
        return self._pattern == getattr(other, "_pattern", other)

    def _tally(self, method: str, chars: int, ns: int, hits: int) -> None:
        row = _TALLY[(self._site, method)]
        row[0] += 1
        row[1] += max(0, chars)
        row[2] += ns
        row[3] += hits

    def search(self, string, pos=0, endpos=sys.maxsize):
        t = _now()
        m = self._pattern.search(string, pos, endpos)
        t = _now() - t
        self._tally("search", (m.end() if m else min(endpos, len(string))) - pos, t, m is not None)
        return m

    def match(self, string, pos=0, endpos=sys.maxsize):
        t = _now()
        m = self._pattern.match(string, pos, endpos)
        t = _now() - t
        self._tally("match", m.end() - pos if m else 0, t, m is not None)
        return m

    def fullmatch(self, string, pos=0, endpos=sys.maxsize):
        t = _now()
        m = self._pattern.fullmatch(string, pos, endpos)
        t = _now() - t
        self._tally("fullmatch", min(endpos, len(string)) - pos, t, m is not None)
        return m

    def finditer(self, string, pos=0, endpos=sys.maxsize):
        t = _now()
        found = list(self._pattern.finditer(string, pos, endpos))
        t = _now() - t
        self._tally("finditer", min(endpos, len(string)) - pos, t, len(found))
        return iter(found)

    def findall(self, string, pos=0, endpos=sys.maxsize):
        t = _now()
        found = self._pattern.findall(string, pos, endpos)
        t = _now() - t
        self._tally("findall", min(endpos, len(string)) - pos, t, len(found))
        return found

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        t = _now()
        result = self._pattern.subn(repl, string, count)
        t = _now() - t
        self._tally("sub", len(string), t, result[1])
        return result

    def split(self, string, maxsplit=0):
        t = _now()
        parts = self._pattern.split(string, maxsplit)
        t = _now() - t
        self._tally("split", len(string), t, len(parts) - 1)
        return parts


_COUNTED: dict[tuple, _Counted] = {}


def _counted_compile(pattern, flags=0):
    if isinstance(pattern, _Counted):
        return pattern
    if isinstance(pattern, re.Pattern):
        pattern, flags = pattern.pattern, pattern.flags
    key = (type(pattern), pattern, flags)
    if key not in _COUNTED:
        frame = sys._getframe(1)
        while frame.f_code.co_filename in (__file__, re.__file__):
            frame = frame.f_back
        where = Path(frame.f_code.co_filename)
        site = f"{where.parent.name}/{where.name}:{frame.f_lineno}"
        # one line may compile many patterns (a lexicon's, say): number them apart
        site = f"{site}#{sum(s.startswith(site + '#') for s in _PATTERN_AT) + 1}"
        _PATTERN_AT[site] = str(pattern)
        _COUNTED[key] = _Counted(_compile(pattern, flags), site)
    return _COUNTED[key]


def _install() -> None:
    re.compile = _counted_compile
    for name in ("search", "match", "fullmatch", "finditer", "findall", "split"):
        def module_level(pattern, string, *args, _name=name, flags=0, **kwargs):
            return getattr(_counted_compile(pattern, flags), _name)(string, *args, **kwargs)
        setattr(re, name, module_level)
    re.sub = lambda pattern, repl, string, count=0, flags=0: _counted_compile(pattern, flags).sub(repl, string, count)
    re.subn = lambda pattern, repl, string, count=0, flags=0: _counted_compile(pattern, flags).subn(repl, string, count)


def _empty_timing_ns() -> float:
    rounds = 100_000
    start = _now()
    for _ in range(rounds):
        t = _now()
        t = _now() - t
    return (_now() - start) / rounds / 2


def main() -> None:
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=here.parent.parent / "shared" / "corpus")
    parser.add_argument("--files", type=int, default=0, help="only the first N files (0: all)")
    parser.add_argument("--top", type=int, default=60, help="rows to print (0: all)")
    args = parser.parse_args()

    _install()
    sys.path.insert(0, str(here))
    from peers import corpus_files
    from policykit.extract import extract_document
    from policykit.text import read_source

    files = corpus_files(args.corpus)[: args.files or None]
    blobs = [(path, path.read_bytes()) for path in files]
    empty = _empty_timing_ns()
    for path, data in blobs:
        for document in read_source(data, str(path)).documents:
            extract_document(document.text, document.metadata)

    rows = sorted(
        ((max(0.0, ns - calls * empty) / 1e6, (calls * _CALL_INSTRUCTIONS + chars * _CHAR_INSTRUCTIONS) / 1e6,
          calls, chars, hits, site, method)
         for (site, method), (calls, chars, ns, hits) in _TALLY.items()),
        reverse=True)
    print(f"# {args.corpus}: {len(blobs)} files; {sum(r[2] for r in rows)} regex calls, "
          f"{sum(r[0] for r in rows):.0f} ms inside the engine, ≈{sum(r[1] for r in rows):.0f} M instructions estimated")
    print(f"{'ms':>8} {'estM':>8} {'calls':>8} {'chars':>10} {'hits':>7}  site method  pattern")
    for ms, est, calls, chars, hits, site, method in rows[: args.top or None]:
        pattern = _PATTERN_AT[site]
        print(f"{ms:8.1f} {est:8.1f} {calls:8d} {chars:10d} {hits:7d}  {site} {method}  "
              f"{pattern if len(pattern) <= 100 else pattern[:97] + '...'}")


if __name__ == "__main__":
    main()
