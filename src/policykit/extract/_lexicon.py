"""Lexicon of government functions (发展改革, 财政 …) shared by mention splitting and the unit registry.

The data lives in ``policykit/data/unit_functions.tsv`` so scholars can extend it without code.
"""
from __future__ import annotations

from importlib.resources import files


def _load() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    rows = []
    for line in files("policykit").joinpath("data/unit_functions.tsv").read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        category, name_en, stems = line.split("\t")
        rows.append((category, name_en, tuple(stems.split("|"))))
    return tuple(rows)


# (category, English name, stems as written) rows, in file order.
FUNCTIONS = _load()
CATEGORY_NAMES_EN = {category: name_en for category, name_en, _ in FUNCTIONS}
# Stems that name a department on their own when the scrape lost the head (发展改革 for 发展改革局).
# One-character stems (委, 镇, 乡) are heads, not stems.
FUNCTION_STEMS = frozenset(
    stem for category, _, stems in FUNCTIONS if category not in ("township", "task_force")
    for stem in stems if len(stem) >= 2
)
