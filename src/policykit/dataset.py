"""The research dataset: frames replayed from a project's log, at any log position or date."""
from __future__ import annotations

import functools
import json
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from .frames import LogState, StreamedFrames, stream_log
from .log import EventLog
from .project import BUILD_MANIFEST, FRAME_NAMES, Project, build_scratch, write_atomically


@dataclass(frozen=True)
class Frames:
    """The frames of the contract, by name, plus curation events whose record no longer exists."""

    by_name: dict[str, pl.DataFrame]
    orphans: pl.DataFrame

    def __getattr__(self, name: str) -> pl.DataFrame:
        by_name = self.__dict__.get("by_name", {})
        if name not in by_name:
            raise AttributeError(name)
        return by_name[name]

    def as_dict(self) -> dict[str, pl.DataFrame]:
        return dict(self.by_name)


@dataclass(frozen=True)
class Dataset:
    """Frames of one project as of a log position (``as_of_seq``) and a domain date (``as_of_date``).

    Attributes ``documents``, ``tasks``, ``assignments``, ``units``, ``targets``, ``observations``,
    ``instruments`` are polars DataFrames with the columns of DESIGN.md; ``orphans`` lists curation
    events whose record no longer exists.
    """

    project: Project
    state: LogState
    frames: Frames
    as_of_seq: int | None
    as_of_date: str | None

    def __getattr__(self, name: str) -> pl.DataFrame:
        if name in FRAME_NAMES or name == "orphans":
            return getattr(self.frames, name)
        raise AttributeError(name)

    @property
    def last_seq(self) -> int:
        return self.state.last_seq


def open_dataset(project: str | Path | Project | None = None, *, as_of_seq: int | None = None,
                 as_of_date: str | None = None) -> Dataset:
    """Replay a project's event log into frames (the projection `policykit build` runs, held in memory).

    Parameters
    ----------
    project : path or Project, optional
        The project folder; default: found from the current directory.
    as_of_seq : int, optional
        Use only events up to this log position (a pinned dataset version).
    as_of_date : str, optional
        ISO date: only documents issued by then.

    Examples
    --------
    >>> import tempfile
    >>> import policykit as pk
    >>> project = pk.Project.create(tempfile.mkdtemp(), {"plan.txt":   # data/raw holds the sources
    ...     "成武县2023年重点工作任务\\n一、创新\\n1.建设实验室。力争达到20家以上。(牵头单位:县科技局参与单位:县财政局)\\n"})
    >>> pk.ingest(project).ok
    True
    >>> ds = pk.open(project)
    >>> ds.tasks.select("number", "title").rows()
    [('1', '建设实验室')]
    >>> ds.targets.select("text", "comparator", "unit").rows()
    [('力争达到20家以上', '>=', '家')]
    """
    proj = project if isinstance(project, Project) else Project.find(project)
    with _streamed(proj, None, as_of_seq, as_of_date) as streamed:
        frames = Frames({name: streamed.frame(name) for name in FRAME_NAMES}, streamed.orphans)
    return Dataset(proj, streamed.state, frames, as_of_seq, as_of_date)


@contextmanager
def _streamed(project: Project, near: Path | None, as_of_seq: int | None,
              as_of_date: str | None, *, headers: bool = True) -> Iterator[StreamedFrames]:
    """The streamed frames of the project's log, their parts in a scratch folder under ``near`` (the
    system's temporary folder when None), removed on exit (or, after a kill, by the next build); with
    ``headers``, the state holds each document's extraction header."""
    with ExitStack() as stack:
        try:
            if near is not None:
                near.mkdir(parents=True, exist_ok=True)
                workdir = stack.enter_context(build_scratch(near))
            else:
                workdir = Path(tempfile.mkdtemp(prefix=".build-"))
                stack.callback(shutil.rmtree, workdir, ignore_errors=True)
        except OSError as exc:
            raise _unwritable(near or Path(tempfile.gettempdir()), exc) from exc
        with EventLog(project.log_path, create=False) as log:
            try:  # the parts are written as the log is read
                yield stream_log(log, workdir, as_of_seq=as_of_seq, as_of_date=as_of_date, headers=headers)
            except OSError as exc:
                raise _unwritable(near or workdir, exc) from exc


def write_frames(dataset: Dataset, folder: Path | None = None) -> dict[str, Path]:
    """Write the six frames as parquet (deterministic: same frames, same bytes); return the paths."""
    folder = folder or dataset.project.processed_dir
    manifest = _manifest(dataset.last_seq, dataset.as_of_seq, dataset.as_of_date, dataset.orphans.height,
                         {n: getattr(dataset.frames, n).height for n in FRAME_NAMES})
    writers = {name: lambda tmp, name=name: getattr(dataset.frames, name).write_parquet(tmp, statistics=False)
               for name in FRAME_NAMES}
    return _write_atomically(folder, writers, lambda: manifest)


def write_frames_streaming(project: str | Path | Project | None = None, *, as_of_seq: int | None = None,
                           as_of_date: str | None = None, folder: Path | None = None) -> tuple[dict[str, Path], dict]:
    """Replay a project's log straight into its parquet frames, a chunk of documents at a time.

    The frames of ``write_frames(open_dataset(project, …), folder)`` (same rows, same values;
    the bytes of the four record frames differ, their row groups follow the chunks) without
    holding them in memory: what `policykit build` runs. Returns (paths, build manifest).

    Examples
    --------
    >>> import tempfile
    >>> import policykit as pk
    >>> project = pk.Project.create(tempfile.mkdtemp(), {"plan.txt":   # data/raw holds the sources
    ...     "成武县2023年重点工作任务\\n一、创新\\n1.建设实验室。力争达到20家以上。(牵头单位:县科技局参与单位:县财政局)\\n"})
    >>> pk.ingest(project).ok
    True
    >>> paths, manifest = write_frames_streaming(project)
    >>> paths["assignments"].relative_to(project.root).as_posix()
    'data/processed/assignments.parquet'
    >>> manifest["rows"]["tasks"], manifest["rows"]["assignments"], manifest["rows"]["targets"]
    (1, 2, 1)
    """
    proj = project if isinstance(project, Project) else Project.find(project)
    folder = folder or proj.processed_dir
    with _streamed(proj, folder, as_of_seq, as_of_date, headers=False) as streamed:  # only last_seq of the state
        writers = {name: lambda tmp, name=name: streamed.scan(name).sink_parquet(tmp, statistics=False)
                   for name in streamed.parts}
        writers.update(documents=lambda tmp: streamed.documents.write_parquet(tmp, statistics=False),
                       units=lambda tmp: streamed.units.write_parquet(tmp, statistics=False))
        # Assignments and units last: their units are still being resolved while the others are written.
        order = sorted(FRAME_NAMES, key=lambda name: name in ("assignments", "units"))
        manifest = functools.cache(lambda: _manifest(streamed.state.last_seq, as_of_seq, as_of_date,
                                                     streamed.orphans.height, streamed.rows))
        return _write_atomically(folder, {name: writers[name] for name in order}, manifest), manifest()


def _manifest(last_seq: int, as_of_seq: int | None, as_of_date: str | None, orphans: int,
              rows: dict[str, int]) -> dict:
    return {"last_seq": last_seq, "as_of_seq": as_of_seq, "as_of_date": as_of_date, "orphans": orphans,
            "rows": {name: rows[name] for name in FRAME_NAMES}}


def _unwritable(folder: Path, exc: OSError) -> OSError:
    # Full disk, read-only folder: say where, and that nothing else was touched.
    return OSError(exc.errno, f"cannot write the frames to {folder} ({exc.strerror or exc}); "
                   "the event log is untouched: fix this and run `policykit build` again")


def _write_atomically(folder: Path, writers: dict[str, Callable[[Path], object]],
                      manifest: Callable[[], dict]) -> dict[str, Path]:
    """Write each frame with its writer, in order, then the manifest, each through a temporary file."""
    paths = {name: folder / f"{name}.parquet" for name in FRAME_NAMES if name in writers}
    writes = [(folder / f"{name}.parquet", write) for name, write in writers.items()]
    writes.append((folder / BUILD_MANIFEST,
                   lambda tmp: tmp.write_text(json.dumps(manifest(), indent=1) + "\n", encoding="utf-8")))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for path, write in writes:
            write_atomically(path, write)  # readers never see half a file; symlinks are replaced, not followed
    except OSError as exc:
        raise _unwritable(folder, exc) from exc
    return paths
