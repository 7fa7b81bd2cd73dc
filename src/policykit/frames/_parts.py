"""Pass 1 of the projection: each chunk of documents read from the log, projected, and its rows spilled to
a parquet part — in worker processes, one a core, when the log is large.

Decoding the payloads' JSON and projecting them is CPU work in polars and Python. On threads of one
process it shared one GIL and one polars pool, and a build used about 1.5 of two cores. Here each worker
(a fresh interpreter, one polars thread) reads its chunk from the log itself — only seqs go to it —,
projects and spills it, and sends back the little the rest of the build needs (:class:`Projected`).

The workers are started with :mod:`subprocess`, not :mod:`multiprocessing`: its ``spawn`` runs the
caller's main script again in every worker (a script calling ``pk.open`` without a ``__main__`` guard
would build in each), and a ``fork`` of a process that already ran polars can deadlock the child.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.reduction import ForkingPickler
from pathlib import Path

import polars as pl

from ..log import DocumentExtracted, EventLog, unpack_payload_bytes
from ._columnar import decode_payloads, project_chunk
from ._curate import split_touched
from ._schema import ID_COLUMNS, SCHEMAS
from ._units import UnitNames

# Below this many chunks starting the workers (a fresh interpreter importing polars, ~0.7 CPU-s each)
# costs about what they save.
_MIN_CHUNKS_FOR_WORKERS = 8


@dataclass(frozen=True)
class Settings:
    """What every chunk of one build shares: where the log and the parts are, the ids curation names,
    the encoding of each source (by its sha256), the date filter, and whether to keep documents' headers."""

    location: str | Path
    workdir: Path
    named: tuple[str, ...]
    encodings: dict[str, str]
    as_of_date: str | None
    headers: bool


@dataclass(frozen=True)
class Projected:
    """A chunk projected and spilled (its other rows are in :func:`spill_path`'s parts): rows extracted, by
    frame; the rows curation names, with ``_row`` counted from 0 in the chunk; the unit names the other
    assignments bring (:meth:`~._units.UnitNames.with_unit_keys`); tasks by document; the documents; their
    headers."""

    rows: dict[str, int]
    touched: dict[str, list[dict]]
    named: pl.DataFrame
    n_tasks: pl.DataFrame
    documents: pl.DataFrame
    headers: list[tuple[int, DocumentExtracted]]


def spill_path(workdir: Path, name: str, number: int) -> Path:
    """The part of frame ``name`` that chunk ``number`` spills."""
    return workdir / f"{name}-{number:06d}.parquet"


def project_part(log: EventLog, settings: Settings, number: int, seqs: list[int], names: UnitNames) -> Projected:
    """Project the ``DocumentExtracted`` events ``seqs`` (chunk ``number``), spill the rows curation does not
    name, and return the rest; ``names`` are the unit names this process met in the chunks before."""
    payloads = [unpack_payload_bytes(stored) for stored in log.stored_payloads(seqs)]
    frames, headers = project_chunk(decode_payloads(seqs, payloads), log.text_bytes_of, settings.encodings,
                                    settings.as_of_date, headers=settings.headers)
    rows, touched = {}, {}
    named = n_tasks = None
    for name in ID_COLUMNS:
        frame = frames.pop(name)
        rows[name] = frame.height
        touched[name], rest = split_touched(frame, name, list(settings.named))
        if name == "assignments":
            rest, named = names.with_unit_keys(rest, frames["documents"])
        elif name == "tasks":
            n_tasks = rest.group_by("doc_id").len("n")
        rest = rest.cast(SCHEMAS[name], strict=False)  # out-of-range decimals become null
        rest.write_parquet(spill_path(settings.workdir, name, number), compression="lz4", statistics=False)
    return Projected(rows, touched, named, n_tasks, frames["documents"], headers)


@contextmanager
def worker_processes(documents: int, chunk: int, workers: int | None = None) -> Iterator[_Workers | None]:
    """Worker processes for a build of ``documents`` in chunks of ``chunk``: ``workers`` of them (default:
    one a core when there are enough chunks), started now so that they load polars and policykit while the
    build reads the log's state; None when the chunks are projected in this process."""
    chunks = -(-documents // chunk)
    if workers is None:
        workers = (os.cpu_count() or 1) if chunks >= _MIN_CHUNKS_FOR_WORKERS else 1
    if min(workers, chunks) <= 1:
        yield None
        return
    pool = _Workers(min(workers, chunks))
    try:
        yield pool
    finally:
        pool.stop()


def projected_parts(log: EventLog, settings: Settings, parts: list[list[int]],
                    workers: _Workers | None) -> Iterator[Projected]:
    """:func:`project_part` of each chunk of seqs in ``parts``, in order, in this process or in ``workers``."""
    if workers is None:
        names = UnitNames()
        for number, seqs in enumerate(parts):
            yield project_part(log, settings, number, seqs, names)
        return
    workers.start(settings, parts)
    for number in range(len(parts)):
        yield workers.result(number)


class _Workers:
    """Worker processes taking chunks as they come free; results are collected by number.

    One thread a worker sends it a chunk's seqs and waits (off the GIL) for the result. The messages go
    over the worker's stdin and stdout as :mod:`multiprocessing` sends them between its own processes.
    """

    def __init__(self, workers: int):
        self._parts, self._next, self._results, self._error = [], 0, {}, None
        self._done = threading.Condition()
        # One polars thread a worker: the workers are the parallelism. The child imports this policykit.
        package_root = str(Path(__file__).resolve().parents[2])
        env = {**os.environ, "POLARS_MAX_THREADS": "1",
               "PYTHONPATH": os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH")) if p)}
        command = [sys.executable, "-c", "from policykit.frames._parts import serve; serve()"]
        self._processes, self._channels = [], []
        for _ in range(workers):
            (worker_reads, we_write), (we_read, worker_writes) = os.pipe(), os.pipe()
            self._processes.append(subprocess.Popen(command, stdin=worker_reads, stdout=worker_writes, env=env))
            os.close(worker_reads)
            os.close(worker_writes)
            self._channels.append((Connection(we_write, readable=False), Connection(we_read, writable=False)))
        self._threads: list[threading.Thread] = []

    def start(self, settings: Settings, parts: list[list[int]]) -> None:
        """Send the workers ``parts``, the chunks of one build."""
        self._parts = parts
        self._threads = [threading.Thread(target=self._drive, args=(process, *channels, settings), daemon=True)
                         for process, channels in zip(self._processes, self._channels)]
        for thread in self._threads:
            thread.start()

    def _take(self) -> int | None:
        with self._done:
            if self._next >= len(self._parts) or self._error is not None:
                return None
            self._next += 1
            return self._next - 1

    def _drive(self, process: subprocess.Popen, send: Connection, receive: Connection, settings: Settings) -> None:
        try:
            send.send(settings)
            while (number := self._take()) is not None:
                send.send((number, self._parts[number]))
                kind, value = receive.recv()
                with self._done:
                    self._results[number] = value
                    if kind == "error" and self._error is None:
                        self._error = value
                    self._done.notify_all()
        except BaseException as exc:  # noqa: BLE001 - the worker died or a pipe broke: the build fails
            with self._done:
                if self._error is None:
                    self._error = RuntimeError(f"a build worker process failed (exit code {process.poll()}): {exc!r}")
                self._done.notify_all()
        finally:
            send.close()  # the worker reads the end of its input and exits

    def result(self, number: int) -> Projected:
        with self._done:
            while number not in self._results and self._error is None:
                self._done.wait()
            value = self._results.pop(number, self._error)
        if isinstance(value, BaseException):
            raise value
        return value

    def stop(self) -> None:
        """End the workers: at once when chunks are left (the build failed), else as they finish."""
        with self._done:
            unfinished = self._next < len(self._parts) or self._error is not None or self._results
            self._next = len(self._parts)
        for process in self._processes:
            if unfinished or not self._threads:
                process.kill()
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for thread in self._threads:
            thread.join()
        for send, receive in self._channels:
            send.close()
            receive.close()


def serve() -> None:
    """A worker's loop: the settings, then chunks (number, seqs) from stdin until it closes; each chunk's
    ``("ok", Projected)`` or ``("error", exception)`` to stdout."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the build stops the workers
    source = Connection(os.dup(sys.stdin.fileno()), writable=False)
    sink = Connection(os.dup(sys.stdout.fileno()), readable=False)
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # whatever else writes to stdout must not reach the pipe
    settings, names = source.recv(), UnitNames()
    with EventLog(settings.location, create=False) as log:
        while True:
            try:
                number, seqs = source.recv()
            except EOFError:
                return
            try:
                outcome = ("ok", project_part(log, settings, number, seqs, names))
            except Exception as exc:  # noqa: BLE001 - sent back and raised in the build
                outcome = ("error", _picklable(exc))
            sink.send(outcome)


def _picklable(exc: Exception) -> Exception:
    """``exc``, or a RuntimeError saying what it was when it would not unpickle in the build's process."""
    try:
        ForkingPickler.loads(ForkingPickler.dumps(exc))
    except Exception:  # noqa: BLE001 - e.g. an exception whose __init__ takes other arguments
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc
