"""Unit registry: canonical departments, with jurisdiction, level, category and English name,
from the names documents use (县发展改革局 = 发展和改革局 = 发展改革局 in one county's documents).

Alias decisions the kit cannot make alone come from curation events and are honoured transitively.
"""
from __future__ import annotations

from ._names import UnitName, normalise_unit
from ._resolve import MENTION_MAP_SCHEMA, UNITS_SCHEMA, resolve_units

__all__ = ["MENTION_MAP_SCHEMA", "UNITS_SCHEMA", "UnitName", "normalise_unit", "resolve_units"]
