"""Where a project's files live. Everything that touches paths goes through :class:`Project`."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

FRAME_NAMES = ("documents", "tasks", "assignments", "units", "targets", "observations", "instruments")


class ProjectError(Exception):
    """The project folder cannot be found or used."""


@dataclass(frozen=True)
class Project:
    """A policykit project folder.

    Layout: ``data/raw/`` (immutable sources), ``data/log/events.sqlite`` (the event log, never
    deleted by any command), ``data/processed/`` (regenerable parquet frames), ``reports/figures/``.
    """

    root: Path

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

    @property
    def raw_dir(self) -> Path:
        return self.root / "data" / "raw"

    @property
    def log_path(self) -> Path:
        return self.root / "data" / "log" / "events.sqlite"

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
        path = Path(os.path.abspath(path))
        try:
            return path.relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()
