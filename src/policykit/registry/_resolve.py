"""Mentions of a corpus -> canonical units, vectorised: each distinct name is normalised once."""
from __future__ import annotations

import dataclasses
import operator

import polars as pl

from ..extract.units import ends_with_head
from .. import lexicon
from ._names import JOINT_MARKS, UNKNOWN_PLACE, UnitName, normalise_unit

UNITS_SCHEMA = {
    "unit_id": pl.String, "name": pl.String, "level": pl.String, "jurisdiction": pl.String,
    "category": pl.String, "name_en": pl.String, "aliases": pl.List(pl.String),
}
MENTION_MAP_SCHEMA = {"doc_id": pl.String, "mention": pl.String, "unit_id": pl.String}
# The fields of a UnitName, in order, as columns of name_units (``level`` as ``unit_level``: the context's
# ``level`` column is the document's).
_NAME_FIELDS = tuple(dataclasses.fields(UnitName))
NAME_SCHEMA = {("unit_level" if f.name == "level" else f.name): (pl.Boolean if f.type in (bool, "bool") else pl.String)
               for f in _NAME_FIELDS}
_name_fields = operator.attrgetter(*(f.name for f in _NAME_FIELDS))
_CONTEXT = ("region", "level", "city", "province")
# Region endings that give a level (level_marks.tsv): 成武县 is a county.
_LEVEL_BY_SUFFIX = tuple((suffix, row["level"]) for row in lexicon.table("level_marks").rows
                         for suffix in row["suffixes"].split("|") if suffix)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(self, node: tuple[str, str]) -> tuple[str, str]:
        root = node
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while node != root:  # path compression
            self.parent[node], node = root, self.parent.get(node, node)
        return root

    def union(self, a: tuple[str, str], b: tuple[str, str]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The root gives the unit its name: prefer a name with a head, then the longer, then order.
            keep, drop = sorted((ra, rb), key=lambda n: (not ends_with_head(n[1]), -len(n[1]), n[1]))
            self.parent[drop] = keep


def _level_of(region: str | None) -> str | None:
    return next((level for suffix, level in _LEVEL_BY_SUFFIX if region and region.endswith(suffix)), None)


def resolve_units(mentions: pl.DataFrame, aliases: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Resolve unit mentions to canonical units of a jurisdiction.

    Parameters
    ----------
    mentions : polars.DataFrame
        Columns ``doc_id, mention, placeholder, level, region`` (``level``/``region`` of the
        document); optional ``city``/``province`` name the higher governments of the document.
    aliases : polars.DataFrame
        Columns ``name_a, name_b, jurisdiction`` from curation: the two names are one unit in that
        jurisdiction (null: in every jurisdiction). Applied transitively.

    Returns
    -------
    (mention_map, units)
        ``mention_map`` has ``doc_id, mention, unit_id``; ``units`` the columns of ``UNITS_SCHEMA``.
        ``unit_id`` reads ``"<jurisdiction>/<name>"``, e.g. ``"成武县/科技局"``; collective mentions
        (各镇街 …) resolve to a unit of category ``collective``.

    Examples
    --------
    >>> m = pl.DataFrame({"doc_id": ["d1", "d1"], "mention": ["科技局", "县科技局"],
    ...                   "placeholder": [False, False], "level": ["county"] * 2, "region": ["成武县"] * 2})
    >>> a = pl.DataFrame(schema={"name_a": pl.String, "name_b": pl.String, "jurisdiction": pl.String})
    >>> mention_map, units = resolve_units(m, a)
    >>> mention_map["unit_id"].to_list(), units["name_en"].to_list()
    (['成武县/科技局', '成武县/科技局'], ['County Science & Technology Bureau'])
    """
    mentions = in_context(mentions)
    context = [c for c in _CONTEXT if c in mentions.columns]
    mapped, units = unit_ids(name_units(mentions.select("mention", *context).unique(maintain_order=True)), aliases)
    mention_map = (
        mentions.select("doc_id", "mention", *context)
        .join(mapped.select("mention", *context, "unit_id"), on=["mention", *context], how="left", nulls_equal=True)
        .select(list(MENTION_MAP_SCHEMA)).unique(maintain_order=True)
    )
    return mention_map.cast(MENTION_MAP_SCHEMA), units


def in_context(mentions: pl.DataFrame) -> pl.DataFrame:
    """Mentions (``doc_id``, ``region`` of the document …) whose document of unknown place is its own
    jurisdiction: its 财政局 is no other document's."""
    return mentions.with_columns(region=pl.coalesce(pl.col("region"), pl.lit(f"{UNKNOWN_PLACE}:") + pl.col("doc_id")))


def name_units(contexts: pl.DataFrame) -> pl.DataFrame:
    """Distinct ``mention`` in context (``region``, ``level``, optional ``city``, ``province``; see
    :func:`in_context`) with the columns of each one's :class:`UnitName` (its ``level`` as ``unit_level``):
    the Python work of resolution, one call a name in context (nothing is cached: a build passes each
    name in context once, keeping the ones it has named).

    Examples
    --------
    >>> named = name_units(pl.DataFrame({"mention": ["县科技局"], "region": ["成武县"], "level": ["county"]}))
    >>> named.select("jurisdiction", "key", "unit_level").row(0)
    ('成武县', '科技局', 'county')
    """
    arguments = contexts.select(pl.col(c) if c in contexts.columns else pl.lit(None, pl.String).alias(c)
                                for c in ("mention", *_CONTEXT))
    names = [normalise_unit(*row) for row in arguments.iter_rows()]
    rows = [_name_fields(u) for u in names]
    return pl.concat([contexts, pl.DataFrame(rows, schema=NAME_SCHEMA, orient="row")], how="horizontal")


def unit_ids(named: pl.DataFrame, aliases: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(``named`` with the ``unit_id`` of each name, units): the names of :func:`name_units` that are one unit
    joined (a name whose head the scrape lost, curated aliases). Where two names in context are the same
    unit, the later one's level, category and English name describe it.
    """
    resolved = [UnitName(*row) for row in named.select(list(NAME_SCHEMA)).iter_rows()]
    forest = _UnionFind()
    _join_lost_heads(forest, resolved)
    _apply_aliases(forest, aliases, {u.jurisdiction for u in resolved})
    info = {(u.jurisdiction, u.key): u for u in resolved}
    unit_ids = []
    for u in resolved:
        jurisdiction, key = forest.find((u.jurisdiction, u.key))
        unit_ids.append(f"{jurisdiction}/{key}")
    mapped = named.with_columns(unit_id=pl.Series(unit_ids, dtype=pl.String))
    return mapped, _units_frame(mapped, forest, info)


def _join_lost_heads(forest: _UnionFind, resolved: list[UnitName]) -> None:
    """发展改革 (head lost in the scrape) is the 发展改革局 of its jurisdiction, when exactly one
    named unit there starts with it."""
    headed: dict[str, set[str]] = {}
    for u in resolved:
        if u.has_head and u.category != "collective":
            headed.setdefault(u.jurisdiction, set()).add(u.key)
    for u in resolved:
        if not u.has_head and u.category != "collective":
            candidates = [k for k in headed.get(u.jurisdiction, ()) if k.startswith(u.key)]
            if len(candidates) == 1:
                forest.union((u.jurisdiction, u.key), (u.jurisdiction, candidates[0]))


def _apply_aliases(forest: _UnionFind, aliases: pl.DataFrame, jurisdictions: set[str]) -> None:
    for row in aliases.iter_rows(named=True):
        name_a, name_b, scope = row.get("name_a"), row.get("name_b"), row.get("jurisdiction")
        if not name_a or not name_b:
            continue
        for jurisdiction in ([scope] if scope else sorted(jurisdictions)):
            a = normalise_unit(name_a, jurisdiction, _level_of(jurisdiction))
            b = normalise_unit(name_b, jurisdiction, _level_of(jurisdiction))
            forest.union((a.jurisdiction, a.key), (b.jurisdiction, b.key))


def canonical_name(jurisdiction: str, key: str) -> str:
    """The full name of a unit: its jurisdiction before its key, without saying the level twice.

    >>> canonical_name("成武县", "科技局"), canonical_name("成武县", "县委宣传部"), canonical_name("东营市", "市委政法委")
    ('成武县科技局', '成武县委宣传部', '东营市委政法委')
    """
    if key[:1] and jurisdiction.endswith(key[0]) and key[1:2] in JOINT_MARKS:
        return jurisdiction + key[1:]  # 县委宣传部 of 成武县 is 成武县委宣传部, 县政府办公室 成武县政府办公室
    return jurisdiction + key


def _units_frame(mapped: pl.DataFrame, forest: _UnionFind, info: dict[tuple[str, str], UnitName]) -> pl.DataFrame:
    rows = {}
    for unit_id in mapped["unit_id"].unique().sort().to_list():
        jurisdiction, key = unit_id.split("/", 1)
        u = info.get((jurisdiction, key)) or next(v for (j, k), v in info.items() if forest.find((j, k)) == (jurisdiction, key))
        # National bodies are named as written (海关总署), not after the country (全国海关总署).
        bare = u.category == "collective" or u.level == "national"
        rows[unit_id] = (key if bare else canonical_name(jurisdiction, key), u.level, jurisdiction, u.category,
                         u.name_en)
    aliases = mapped.group_by("unit_id").agg(aliases=pl.col("mention").unique().sort())
    units = pl.DataFrame(
        [(uid, *vals) for uid, vals in rows.items()],
        schema={k: UNITS_SCHEMA[k] for k in ("unit_id", "name", "level", "jurisdiction", "category", "name_en")},
        orient="row",
    )
    return units.join(aliases, on="unit_id", how="left").select(list(UNITS_SCHEMA)).cast(UNITS_SCHEMA).sort("unit_id")
