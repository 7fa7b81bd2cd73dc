"""Where a project's files live. Everything that touches paths goes through :class:`Project`."""
from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
import tomllib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

FRAME_NAMES = ("documents", "tasks", "assignments", "units", "targets", "observations", "instruments")
BUILD_MANIFEST = "_build.json"  # which log position the parquet files were built from
CONFIG_FILE = "policykit.toml"  # optional project settings at the root; ``[log] url`` puts the log on a server


class ProjectError(Exception):
    """The project folder cannot be found or used."""


@dataclass(frozen=True)
class Project:
    """A policykit project folder.

    Layout: ``data/raw/`` (immutable sources), ``data/log/events.sqlite`` (the event log, never
    deleted by any command), ``data/processed/`` (regenerable parquet frames), ``reports/figures/``.
    ``log_url`` (the global ``--log`` option), else ``[log] url`` in ``policykit.toml``, puts the log on
    a PostgreSQL server instead of the SQLite file.
    """

    root: Path
    log_url: str | None = None

    def __post_init__(self) -> None:
        # Project("folder") is the natural call from a notebook; every path below joins onto a Path.
        object.__setattr__(self, "root", Path(self.root))

    @classmethod
    def find(cls, start: str | Path | None = None) -> Project:
        """The project whose root holds ``start`` (default: the current directory).

        A project root is the nearest folder upwards holding ``data/raw`` or a ``data/log`` folder.
        """
        here = Path(start or os.getcwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / "data" / "raw").is_dir() or (folder / "data" / "log").is_dir():
                return cls(folder)
        raise ProjectError(f"{here}: no policykit project here or above (no data/raw folder); pass --project DIR")

    @classmethod
    def create(cls, root: str | Path, sources: Mapping[str, str | bytes] = ()) -> Project:
        """A new project at ``root`` whose ``data/raw`` holds ``sources`` (name → text, written as UTF-8, or bytes).

        A file already in ``data/raw`` is never overwritten: the raw sources are not the kit's to change.

        Examples
        --------
        >>> import tempfile
        >>> project = Project.create(tempfile.mkdtemp(), {"plan.txt": "一、创新\\n1.建实验室。(牵头单位:科技局)"})
        >>> sorted(p.name for p in project.raw_dir.iterdir())
        ['plan.txt']
        """
        project = cls(Path(root))
        project.raw_dir.mkdir(parents=True, exist_ok=True)
        for name, content in dict(sources).items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            with open(project.raw_dir / name, "xb") as f:  # "x": refuse to replace a source
                f.write(data)
        return project

    @property
    def raw_dir(self) -> Path:
        return self.root / "data" / "raw"

    @cached_property
    def log_path(self) -> Path:
        """Where the event log is: the SQLite file, or a :class:`~policykit.log.LogURL` (``EventLog`` opens both).

        Examples
        --------
        >>> Project(Path("/p")).log_path.as_posix()
        '/p/data/log/events.sqlite'
        >>> str(Project(Path("/p"), log_url="postgresql://ana:pw@db/kit").log_path)
        'postgresql://ana:***@db/kit'
        """
        url = self.log_url or self._configured_log_url()
        if url:
            from .log import LogURL

            return LogURL(url)
        return self.root / "data" / "log" / "events.sqlite"

    def _configured_log_url(self) -> str | None:
        config = self.root / CONFIG_FILE
        try:
            with config.open("rb") as fh:
                url = tomllib.load(fh).get("log", {}).get("url")
        except FileNotFoundError:
            return None
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ProjectError(f"{config}: unreadable ({exc})") from None
        if url is not None and not isinstance(url, str):
            raise ProjectError(f"{config}: [log] url must be a string such as \"postgresql://user@host/dbname\"")
        return url

    @property
    def processed_dir(self) -> Path:
        return self.root / "data" / "processed"

    @property
    def figures_dir(self) -> Path:
        return self.root / "reports" / "figures"

    @property
    def notebooks_dir(self) -> Path:
        return self.root / "notebooks"

    def frame_path(self, name: str) -> Path:
        return self.processed_dir / f"{name}.parquet"

    def relative(self, path: Path) -> str:
        """``path`` relative to the root in POSIX form (absolute when outside the project)."""
        absolute = os.path.abspath(path)
        if not absolute.startswith("//") and absolute != self._root_name:
            # abspath's name is the one Path holds (no "." or "..", no doubled or trailing "/"): a prefix test
            # stands in for relative_to, which cost ingest 50-60 µs a file (a ValueError for each outside the root).
            return absolute[len(self._root_prefix):] if absolute.startswith(self._root_prefix) else absolute
        path = Path(absolute)
        try:
            return path.relative_to(self._resolved_root).as_posix()
        except ValueError:
            return path.as_posix()

    @cached_property
    def _resolved_root(self) -> Path:
        # Resolved once: ingest asks for every file's name, and resolving the root each time (a system call
        # per path component) was three quarters of relative()'s 88 µs.
        return self.root.resolve()

    @cached_property
    def _root_name(self) -> str:
        return str(self._resolved_root)

    @cached_property
    def _root_prefix(self) -> str:
        return self._root_name.rstrip("/") + "/"


def write_atomically(path: Path, write: Callable[[Path], object]) -> Path:
    """Run ``write(tmp)`` on a new temporary file beside ``path``, then rename it to ``path``.

    Readers never see half a file, and nothing is written through a symlink: the temporary file
    is created anew (never an existing name an attacker could have planted as a link), and a
    symlink already at ``path`` is replaced by the file, not followed. On any error the
    temporary file is removed and ``path`` is left as it was.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> write_atomically(target, lambda tmp: tmp.write_text("ok")).read_text()
    'ok'
    """
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    umask = os.umask(0)
    os.umask(umask)
    os.fchmod(fd, 0o666 & ~umask)  # the mode a plain open() would give, not mkstemp's private 0600
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


_SCRATCH_PREFIX = ".build-"


@contextmanager
def build_scratch(folder: Path) -> Iterator[Path]:
    """A scratch folder ``.build-XXXX`` inside ``folder`` for one build, removed afterwards.

    A build killed outright leaves its scratch folder behind; the next build removes such leftovers,
    but only when no other build is running in ``folder``: every build holds a shared lock on the
    folder itself (``flock``; no lock file is left behind) while it works, and the sweep needs the
    exclusive one. The kernel drops a killed process's lock, so a leftover never belongs to a live build.
    """
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # another build is running: its scratch folder is not a leftover
            pass
        else:
            for leftover in folder.glob(_SCRATCH_PREFIX + "*"):
                if leftover.is_dir() and not leftover.is_symlink():
                    shutil.rmtree(leftover, ignore_errors=True)
        fcntl.flock(fd, fcntl.LOCK_SH)
        scratch = Path(tempfile.mkdtemp(prefix=_SCRATCH_PREFIX, dir=folder))
        try:
            yield scratch
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    finally:
        os.close(fd)  # releases the lock
