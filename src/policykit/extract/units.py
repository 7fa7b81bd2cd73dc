"""Unit names, the public surface other packages read (the unit registry, curation, charts).

How mentions are split and which names are collectives is decided in :mod:`._units`; the vocabulary
behind it lives in ``policykit/lexicon/data`` (unit_heads, unit_name_words, unit_collectives, level_marks,
function_words, unit_functions, government_bodies).

Examples
--------
>>> from policykit.extract.units import is_placeholder, ends_with_head
>>> is_placeholder("各有关部门"), ends_with_head("县科技局")
(True, True)
"""
from __future__ import annotations

from ._lexicon import CATEGORY_NAMES_EN, FUNCTIONS
from ._units import UNIT_HEADS, UnitMention, ends_with_head, is_placeholder, looks_like_unit, split_unit_list

__all__ = ["CATEGORY_NAMES_EN", "FUNCTIONS", "UNIT_HEADS", "UnitMention", "ends_with_head", "is_placeholder",
           "looks_like_unit", "split_unit_list"]
