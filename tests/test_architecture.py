"""The house as docs/architecture.md draws it: rooms import only what its table allows, never another
package's private module."""
import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src" / "policykit"

# Private imports being moved to public faces on another branch; each entry must still exist (so the
# list cannot go stale) and goes when that branch lands.
MOVING: set[tuple[str, str]] = set()  # private imports being moved out (none left)


def _module_name(path: Path) -> str:
    parts = path.relative_to(SOURCE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, module: str | None = None) -> set[str]:
    """Every policykit module or name ``path`` imports (``from a import b`` gives ``a`` and ``a.b``)."""
    module = module or _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {name for name in found if name == "policykit" or name.startswith("policykit.")}


def _room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "policykit"


def _allowed() -> dict[str, set[str]]:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    table = text.split("## What each room may import", 1)[1]
    rows = re.findall(r"^\| ([\w.]+) \| ([^|]*)\|$", table, re.M)
    return {room: {r.strip() for r in rooms.split(",") if r.strip()} for room, rooms in rows if room != "room"}


def _private_owner(name: str) -> str | None:
    """The package a private module belongs to (``policykit.extract._units`` → ``policykit.extract``)."""
    parts = name.split(".")
    for i, part in enumerate(parts[1:], start=1):
        if part.startswith("_") and not part.startswith("__"):
            return ".".join(parts[:i])
    return None


MODULES = sorted(SOURCE.rglob("*.py"))


def test_the_table_names_every_room():
    rooms = {_room(_module_name(p)) for p in MODULES}
    assert rooms and rooms <= set(_allowed()), sorted(rooms - set(_allowed()))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SOURCE)))
def test_imports_stay_in_the_rooms_the_table_allows(path):
    module, allowed = _module_name(path), _allowed()
    room = _room(module)
    if "*" in allowed[room]:
        return
    others = {_room(name) for name in _imports(path)} - {room, "policykit"}
    assert others <= allowed[room], f"{module} imports {sorted(others - allowed[room])}; see docs/architecture.md"


def test_no_module_imports_another_packages_private_module():
    crossing = set()
    for path in MODULES:
        module = _module_name(path)
        for name in _imports(path):
            owner = _private_owner(name)
            if owner and not (module == owner or module.startswith(owner + ".")):
                crossing.add((module, name.rsplit(".", 1)[0] if _private_owner(name.rsplit(".", 1)[0]) else name))
    assert MOVING <= crossing, f"moved already, drop from MOVING: {sorted(MOVING - crossing)}"
    assert crossing - MOVING == set(), sorted(crossing - MOVING)


def test_the_checks_see_private_imports_in_every_spelling(tmp_path):
    source = tmp_path / "_names.py"
    source.write_text("from ..extract._units import HEADS\nfrom ..extract import _spans\n"
                      "def f():\n    import policykit.log._store\n", encoding="utf-8")
    names = _imports(source, "policykit.registry._names")
    owners = {_private_owner(n) for n in names} - {None, "policykit.registry"}
    assert owners == {"policykit.extract", "policykit.log"}
    assert _private_owner("policykit.extract.find_tasks") is None


# Vocabulary lives in lexicon data files; this ceiling only ever goes down (issue 16's goal is 150).
CHINESE_LITERAL_CEILING = 27


def test_chinese_literals_in_code_stay_under_the_ceiling(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("count_literals", ROOT / "scripts" / "count_literals.py")
    counter = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(counter)
    counts = counter.count_package(SOURCE)
    assert sum(counts.values()) <= CHINESE_LITERAL_CEILING, sorted(counts.items(), key=lambda kv: -kv[1])[:10]
    # The counter itself sees literals and skips docstrings.
    probe = tmp_path / "probe.py"
    probe.write_text('"""文档"""\nWORD = "牵头"\nPUNCT = "、"\n', encoding="utf-8")
    assert counter.count_file(probe) == 1
