"""Execute the project's notebooks (jupytext ``py:percent`` sources) top to bottom."""
from __future__ import annotations

import os
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
    # The kernel's own warnings (TCP without encryption, on every start) say nothing about the notebook.
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", extra_arguments=["--IPKernelApp.log_level=ERROR"],
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


CORPUS_ENV = "POLICYKIT_CORPUS"


def find_corpus(project: Project) -> Path | None:
    """The development corpus: ``POLICYKIT_CORPUS`` when set (``none``: no corpus, as on a machine
    without one — ``make gallery`` draws so), else ``shared/corpus`` beside the project folder, else
    beside the kit's own checkout; ``None`` if neither.

    Examples
    --------
    >>> import os, tempfile
    >>> os.environ[CORPUS_ENV] = "none"
    >>> find_corpus(Project(Path(tempfile.mkdtemp()))) is None
    True
    >>> del os.environ[CORPUS_ENV]
    """
    chosen = os.environ.get(CORPUS_ENV)
    if chosen:
        return None if chosen.lower() == "none" else Path(chosen)
    kit_checkout = Path(__file__).resolve().parents[2]
    for base in (project.root.parent, kit_checkout.parent):
        if (base / "shared" / "corpus").is_dir():
            return base / "shared" / "corpus"
    return None


def gold_documents(gold_dir: Path) -> list[str]:
    """Name patterns (``stem.*``) of the documents that have gold files under ``gold_dir``.

    Passed as ``exclude`` to :func:`scratch_dataset`, they keep documents whose gold is still being
    scored blind out of an analysis.
    """
    return sorted({f"{p.stem}.*" for p in Path(gold_dir).rglob("*.json")}) if Path(gold_dir).is_dir() else []


def scratch_dataset(paths: Iterable[str | Path], *, exclude: Iterable[str] = ()):
    """Ingest files or folders into a new temporary project and open it; the caller's project is untouched.

    ``exclude`` holds file-name patterns (``fnmatch``) to leave out. Returns ``(dataset, report)``.

    Examples
    --------
    >>> ds, report = scratch_dataset(["../shared/corpus/gwr-national"], exclude=["2020_*"])  # doctest: +SKIP
    """
    import fnmatch
    import tempfile

    from .dataset import open_dataset
    from .ingest import discover_sources, ingest

    files, problems = discover_sources([Path(p) for p in paths])
    patterns = list(exclude)
    kept = [f for f in files if not any(fnmatch.fnmatch(f.name, pattern) for pattern in patterns)]
    scratch = Project.create(tempfile.mkdtemp(prefix="policykit-"))
    report = ingest(scratch, kept)
    report.problems.extend(problems)
    return open_dataset(scratch), report
