"""Execute the project's notebooks (jupytext ``py:percent`` sources) top to bottom."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from .project import Project, write_atomically


def notebook_sources(project: Project, names: Iterable[str] | None = None) -> list[Path]:
    """The paired ``.py`` sources in ``notebooks/`` (``names`` narrows them by stem or prefix)."""
    sources = sorted(p for p in project.notebooks_dir.glob("*.py") if p.stem[:1].isdigit())
    if names:
        wanted = list(names)
        sources = [p for p in sources if any(p.stem == n or p.stem.startswith(n) for n in wanted)]
    return sources


def execute_notebook(source: Path, *, timeout: int = 600, parameters: dict | None = None) -> Path:
    """Execute one jupytext source and write the ``.ipynb`` with outputs beside it; return its path.

    ``parameters`` replace assignments in the cell tagged ``parameters`` (papermill-style), so a
    notebook can be pointed at another corpus without editing it.
    """
    import jupytext
    import nbformat
    from nbclient import NotebookClient

    nb = jupytext.read(source)
    if parameters:
        cell = next((c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])), None)
        if cell is None:
            raise ValueError(f"{source}: no cell tagged 'parameters' to take {sorted(parameters)}")
        cell.source += "\n# injected parameters\n" + "\n".join(f"{k} = {v!r}" for k, v in parameters.items())
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(source.parent)}})
    client.execute()
    return write_atomically(source.with_suffix(".ipynb"), lambda tmp: nbformat.write(nb, tmp))  # never through a symlink


def run_notebooks(project: Project, names: Iterable[str] | None = None,
                  progress: Callable[[Iterable], Iterable] | None = None) -> list[tuple[str, str]]:
    """Execute the notebooks; return ``(name, problem)`` for each one that failed (the rest still run)."""
    failures = []
    sources = notebook_sources(project, names)
    for source in progress(sources) if progress else sources:
        try:
            execute_notebook(source)
        except Exception as exc:  # noqa: BLE001 - report and go on with the other notebooks
            first_line = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
            failures.append((source.name, first_line))
    return failures
