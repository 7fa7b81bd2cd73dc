"""Unit registry: canonical departments, with jurisdiction, level, category and English name,
from the names documents use (县发展改革局 = 发展和改革局 = 发展改革局 in one county's documents).

Alias decisions the kit cannot make alone come from curation events and are honoured transitively.
"""
from __future__ import annotations

from ._names import UnitName, normalise_unit
from ._resolve import MENTION_MAP_SCHEMA, NAME_SCHEMA, UNITS_SCHEMA, in_context, name_units, resolve_units, unit_ids

__all__ = ["MENTION_MAP_SCHEMA", "NAME_SCHEMA", "UNITS_SCHEMA", "UnitName", "in_context", "name_units", "normalise_unit",
           "resolve_units", "unit_ids"]
