"""Unit registry: canonical departments from the names documents use (first cut: exact names)."""
from __future__ import annotations

import polars as pl

__all__ = ["resolve_units", "UNITS_SCHEMA", "MENTION_MAP_SCHEMA"]

UNITS_SCHEMA = {
    "unit_id": pl.String, "name": pl.String, "level": pl.String, "jurisdiction": pl.String,
    "category": pl.String, "name_en": pl.String, "aliases": pl.List(pl.String),
}
MENTION_MAP_SCHEMA = {"doc_id": pl.String, "mention": pl.String, "unit_id": pl.String}


def resolve_units(mentions: pl.DataFrame, aliases: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Resolve unit mentions to canonical units.

    Parameters
    ----------
    mentions : polars.DataFrame
        Columns ``doc_id, mention, placeholder, level, region`` (``level``/``region`` of the document).
    aliases : polars.DataFrame
        Columns ``name_a, name_b, jurisdiction`` from curation (``jurisdiction`` may be null: any).

    Returns
    -------
    (mention_map, units)
        ``mention_map`` has ``doc_id, mention, unit_id``; ``units`` the columns of ``UNITS_SCHEMA``.
    """
    distinct = mentions.select("doc_id", "mention", "region").unique()
    mapped = distinct.with_columns(
        unit_id=pl.concat_str(pl.col("region").fill_null("?"), pl.lit("/"), pl.col("mention"))
    )
    units = (
        mapped.group_by("unit_id")
        .agg(name=pl.col("mention").first(), jurisdiction=pl.col("region").first(), aliases=pl.col("mention").unique().sort())
        .with_columns(level=pl.lit(None, pl.String), category=pl.lit(None, pl.String), name_en=pl.lit(None, pl.String))
        .select(list(UNITS_SCHEMA))
        .sort("unit_id")
    )
    return mapped.select(list(MENTION_MAP_SCHEMA)), units.cast(UNITS_SCHEMA)
