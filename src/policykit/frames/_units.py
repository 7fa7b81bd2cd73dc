"""Units in a build: each assignment's unit named where its chunk is projected, the names joined once.

A unit mention resolves in its document's context (:func:`policykit.registry.name_units`) to a
jurisdiction and key; only joining names that are one unit (lost heads, curated aliases) needs every
name of the corpus. So each chunk's assignments carry ``unit_id`` = ``jurisdiction/key`` of their own
name, and the few ids that the join changes are replaced as the assignments are read — instead of
joining a map of every (document, mention) onto every assignment at the end of the build.
"""
from __future__ import annotations

import polars as pl

from ..registry import in_context, name_units, unit_ids

CONTEXT = ["mention", "region", "level"]
_OWN_ID = pl.concat_str("jurisdiction", pl.lit("/"), "key")


class UnitNames:
    """The unit names in context one process has named in a build, with their own ids: each chunk names only
    the ones new to it (most of a chunk's names were met before)."""

    def __init__(self) -> None:
        self._known = pl.DataFrame(schema={**dict.fromkeys(CONTEXT, pl.String), "unit_id": pl.String})

    def with_unit_keys(self, assignments: pl.DataFrame, documents: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
        """(``assignments`` with each one's own ``unit_id``, the names in context new to this process, with
        their unit fields and the ``_row`` of their first assignment); ``documents`` give the context
        (``doc_id, level, region``)."""
        contexts = in_context(assignments.select("_row", "doc_id", "mention").join(
            documents.select("doc_id", "level", "region"), on="doc_id", how="left", maintain_order="left"))
        new = (contexts.drop_nulls("mention").join(self._known, on=CONTEXT, how="anti", nulls_equal=True)
               .unique(CONTEXT, keep="first", maintain_order=True).select("_row", *CONTEXT))
        named = name_units(new)
        self._known = pl.concat([self._known, named.select(*CONTEXT, _OWN_ID.alias("unit_id"))], rechunk=True)
        own = contexts.join(self._known, on=CONTEXT, how="left", maintain_order="left", nulls_equal=True)
        return assignments.with_columns(unit_id=own["unit_id"]), named


def resolve_names(named: list[pl.DataFrame], aliases: list[dict]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(``own, unit_id`` of each own id that joining names changes, units) from the names of
    :meth:`UnitNames.with_unit_keys` (``_row`` counted over the whole frame) and the curated aliases."""
    ordered = pl.concat(named).sort("_row").unique(CONTEXT, keep="first", maintain_order=True).drop("_row")
    alias_frame = pl.DataFrame(aliases, schema={"name_a": pl.String, "name_b": pl.String, "jurisdiction": pl.String})
    mapped, units = unit_ids(ordered, alias_frame)
    changed = mapped.select(_OWN_ID.alias("own"), "unit_id").filter(pl.col("own") != pl.col("unit_id"))
    return changed.unique("own", maintain_order=True), units


def with_unit_ids(assignments: pl.LazyFrame, changed: pl.DataFrame) -> pl.LazyFrame:
    """Assignments whose own ``unit_id`` is replaced by the unit's where names were joined."""
    if not changed.height:
        return assignments
    return assignments.with_columns(pl.col("unit_id").replace(changed["own"], changed["unit_id"]))
