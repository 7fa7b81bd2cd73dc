"""Bilingual labels: units and metrics in English from the registry, in Chinese, or both."""
from __future__ import annotations

from functools import cache

import altair as alt
import polars as pl

from .. import lexicon

LANGS = ("en", "zh", "both")

# Acronyms that a metric key spells in lower case (gdp_growth -> GDP growth).
_ACRONYMS = {"gdp": "GDP", "cpi": "CPI", "co2": "CO₂", "ppi": "PPI", "rd": "R&D"}


def check_lang(lang: str) -> str:
    """``lang`` itself, or a ValueError naming the choices."""
    if lang not in LANGS:
        raise ValueError(f"lang={lang!r}: use one of {', '.join(LANGS)}")
    return lang


@cache
def _words() -> dict[str, tuple[str, str]]:
    """Every chart word and title by key, as (English, Chinese), from ``lexicon/data/chart_words.tsv``."""
    return {row["key"]: (row["en"], row["zh"]) for row in lexicon.table("chart_words").rows}


def term(key: str, lang: str, **fields) -> str:
    """A chart word in ``lang`` ("both": English then Chinese); ``fields`` fill its ``{name}`` slots.

    >>> term("lead", "en"), term("lead", "zh"), term("lead", "both")
    ('lead', '牵头', 'lead 牵头')
    >>> term("national_target", "en", year=2025)
    'national target 2025'
    """
    en, zh = (text.format(**fields) if fields else text for text in _words()[key])
    return {"en": en, "zh": zh, "both": f"{en} {zh}"}[check_lang(lang)]


def chart_title(key: str, lang: str, **fields) -> alt.Title:
    """The chart title ``key`` of ``chart_words.tsv`` in ``lang``; "both" puts the Chinese under the English.

    A field given as a pair ``(english, chinese)`` fills each language's title with its own text.

    >>> chart_title("title_load", "both", top=5).to_dict()
    {'text': 'Coordination load: the 5 units with most tasks', 'subtitle': '协调负担：任务最多的5个单位'}
    """
    check_lang(lang)
    en, zh = (text.format(**{k: v[i] if isinstance(v, tuple) else v for k, v in fields.items()})
              for i, text in enumerate(_words()[key]))
    if lang == "both":
        return alt.Title(en, subtitle=zh)
    return alt.Title(en if lang == "en" else zh)


@cache
def _units_en() -> tuple[dict[str, str], dict[str, str]]:
    """(units, scale words) in English, from ``lexicon/data/chart_units.tsv``."""
    rows = lexicon.table("chart_units").rows
    return ({r["unit"]: r["en"] for r in rows if r["scale"] != "yes"},
            {r["unit"]: r["en"] for r in rows if r["scale"] == "yes"})


def unit_en(unit: str | None) -> str | None:
    """A unit of measure in English: listed (人 → persons), a scale before a listed unit (万人 → 10k
    persons; 亿元 → 100m yuan), else as written.

    >>> unit_en("%"), unit_en("万人"), unit_en("亿元"), unit_en(None)
    ('%', '10k persons', '100m yuan', None)
    """
    if not unit:
        return unit
    units, scales = _units_en()
    if unit in units or unit in scales:
        return units.get(unit) or scales[unit]
    for scale, word in scales.items():
        if unit.startswith(scale) and unit[len(scale):] in units:
            return f"{word} {units[unit[len(scale):]]}"
    return unit


def unit_in(lang: str, column: str = "unit") -> pl.Expr:
    """Expression for a unit of measure in ``lang`` (English from :func:`unit_en`; "both": English, then
    the Chinese where it differs)."""
    zh = pl.col(column)
    en = zh.map_elements(unit_en, return_dtype=pl.String)
    expr = {"en": en, "zh": zh,
            "both": pl.when(en != zh).then(pl.concat_str(en, pl.lit(" "), zh)).otherwise(zh)}
    return expr[check_lang(lang)]


def written(lang: str, *, value: str = "value", value_high: str = "value_high", comparator: str = "comparator",
            unit: pl.Expr | None = None) -> pl.Expr:
    """Expression for a target as written, with its modifier and (given ``unit``) its unit:
    5%左右 / about 5%, 1200万人以上 / at least 1200 10k persons, 5–5.5%.

    Values are shown without trailing zeros (6.500000 → 6.5).

    >>> frame = pl.DataFrame({"value": ["5", "5.5", "3"], "value_high": [None, "6", None], "comparator": ["≈", "range", "<="],
    ...                       "unit": ["%", "%", "万人"]})
    >>> frame.select(written("en", unit=unit_in("en"))).to_series().to_list()
    ['about 5%', '5.5–6%', 'at most 3 10k persons']
    >>> frame.select(written("zh", unit=pl.col("unit"))).to_series().to_list()
    ['5%左右', '5.5–6%', '3万人以内']
    """
    check_lang(lang)
    language = "zh" if lang == "zh" else "en"
    low, high = with_unit(_plain(value), unit, lang), with_unit(_plain(value_high), unit, lang)
    forms = {"≈": "written_about", ">=": "written_at_least", ">": "written_above", "<=": "written_at_most",
             "<": "written_below", "=": "written_equal"}
    expr = pl.when(pl.col(comparator) == "range").then(pl.format(term("written_range", language), _plain(value), high))
    for symbol, key in forms.items():
        expr = expr.when(pl.col(comparator) == symbol).then(pl.format(term(key, language), low))
    return expr.otherwise(low).alias("written")


def with_unit(number: pl.Expr, unit: pl.Expr | None, lang: str) -> pl.Expr:
    """A number followed by its unit: 5%, 1200万人 (zh), 1200 10k persons (en: a space before a word
    unit, none before %, ‰)."""
    if unit is None:
        return number
    space = pl.lit(" ") if lang != "zh" else pl.lit("")
    suffix = (pl.when(unit.is_null() | (unit == "")).then(pl.lit("")).when(unit.str.contains(r"^[%‰]")).then(unit)
              .otherwise(pl.concat_str(space, unit)))
    return pl.concat_str(number, suffix)


def _plain(column: str) -> pl.Expr:
    """A decimal as written for a label: 2262.000000 -> "2262", 6.500000 -> "6.5"."""
    return pl.col(column).cast(pl.String).str.replace(r"(\.\d*?)0+$", "$1").str.replace(r"\.$", "")


def unit_label(lang: str, *, name: str = "name", name_en: str = "name_en") -> pl.Expr:
    """Expression for a unit's label: the registry's English name (falling back to the Chinese one),
    the Chinese name, or both.

    >>> frame = pl.DataFrame({"name": ["科技局", "某中心"], "name_en": ["Science Bureau", None]})
    >>> frame.select(unit_label("both")).to_series().to_list()
    ['Science Bureau 科技局', '某中心']
    """
    zh = pl.col(name)
    en = pl.col(name_en) if name_en else pl.lit(None, pl.String)
    expr = {"en": pl.coalesce(en, zh), "zh": zh,
            "both": pl.when(en.is_not_null() & (en != zh)).then(pl.concat_str(en, pl.lit(" "), zh)).otherwise(zh)}
    return expr[check_lang(lang)].alias("label")


def metric_name_en(metric_key: str | None) -> str | None:
    """An English name for a linked metric key (``gdp_growth`` -> ``GDP growth``); None when unlinked.

    >>> metric_name_en("gdp_growth"), metric_name_en("surveyed_unemployment_rate"), metric_name_en(None)
    ('GDP growth', 'Surveyed unemployment rate', None)
    """
    if not metric_key:
        return None
    words = [_ACRONYMS.get(w, w) for w in metric_key.split("_")]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def metric_label(lang: str, *, metric: str = "metric", metric_key: str = "metric_key") -> pl.Expr:
    """Expression for a metric's label: English from the metric key (else the metric as written), Chinese, or both."""
    zh = pl.col(metric)
    en = pl.col(metric_key).map_elements(metric_name_en, return_dtype=pl.String)
    expr = {"en": pl.coalesce(en, zh, pl.col(metric_key)), "zh": pl.coalesce(zh, en),
            "both": pl.when(en.is_not_null() & zh.is_not_null()).then(pl.concat_str(en, pl.lit(" "), zh))
            .otherwise(pl.coalesce(en, zh))}
    return expr[check_lang(lang)].alias("metric_label")
