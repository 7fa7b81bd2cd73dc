"""Government functions (发展改革, 财政 …) shared by mention splitting and the unit registry.

The rows live in ``policykit/lexicon/data/unit_functions.tsv`` (see :mod:`policykit.lexicon`).
"""
from __future__ import annotations

from .. import lexicon

# (category, English name, stems as written) rows, in file order.
FUNCTIONS = tuple((row["category"], row["name_en"], tuple(row["stems"].split("|")))
                  for row in lexicon.table("unit_functions").rows)
CATEGORY_NAMES_EN = {category: name_en for category, name_en, _ in FUNCTIONS}
# Stems that name a department on their own when the scrape lost the head (发展改革 for 发展改革局).
# One-character stems (委, 镇, 乡) are heads, not stems.
FUNCTION_STEMS = frozenset(
    stem for category, _, stems in FUNCTIONS if category not in ("township", "task_force")
    for stem in stems if len(stem) >= 2
)
