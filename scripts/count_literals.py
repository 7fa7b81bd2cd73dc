"""Count the Chinese string literals in the package's Python code (docstrings aside).

Vocabulary belongs in ``src/policykit/lexicon/data``; this count says how much of it still sits in
code. A literal counts when it holds at least one Han character; punctuation-only literals (、 ；) are
grammar and do not count. Run ``python scripts/count_literals.py [--per-file]``.
"""
from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
PACKAGE = Path(__file__).resolve().parents[1] / "src" / "policykit"


def _docstring_nodes(tree: ast.AST) -> set[int]:
    owners = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, owners) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def count_file(path: Path) -> int:
    """Chinese string literals in one file, docstrings aside."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = _docstring_nodes(tree)
    return sum(
        1
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and HAN.search(node.value)
    )


def count_package(root: Path = PACKAGE) -> dict[str, int]:
    """Per-file counts (files with none left out), keyed by the path relative to ``root``."""
    counts = {str(p.relative_to(root)): count_file(p) for p in sorted(root.rglob("*.py"))}
    return {name: n for name, n in counts.items() if n}


if __name__ == "__main__":
    counts = count_package()
    if "--per-file" in sys.argv:
        for name, n in sorted(counts.items(), key=lambda item: -item[1]):
            print(f"{n:5d}  {name}")
    print(f"{sum(counts.values())} Chinese string literals in src/policykit (docstrings aside)")
