"""Metric linking: a normalised key so that one indicator named in different ways is one series.

国内生产总值增长 / 地区生产总值增长 / GDP增长 / 经济增长 are all ``gdp_growth``; 地区生产总值 as a
level is ``gdp``.  Metrics that match no entry of the lexicon stay unlinked (``None``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from ._sieve import opened, required_words, requirements

# (key, pattern, is_rate) from the lexicon's ``metrics`` table.  Order matters: 单位国内生产总值能耗
# is energy intensity, not GDP.  ``is_rate`` marks indicators that are themselves rates, which take no
# ``_growth`` suffix.
_LEXICON: tuple[tuple[str, re.Pattern[str], bool], ...] = tuple(
    (row["key"], re.compile(row["pattern"]), row["is_rate"] == "yes") for row in lexicon.table("metrics").rows
)
# Any row's pattern, in one scan: most metric phrases name no standard indicator, and one search tells.
# Led by the class of the characters a match can begin with, the engine skips by that class instead of trying
# every row at every character (3.7 -> 0.8 µs a phrase).
_ANY_GRAMMAR = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern, _ in _LEXICON))
_ANY = opened(_ANY_GRAMMAR)
# A group of what each row's match holds one of (words where the grammar gives them, else characters; None when the
# row needs nothing), and all of them in one search: a phrase holding none (three in four on the shared corpus, where
# a class of the characters let one in two through) is not searched for every row.
_ROW_NEEDS = [next(iter(required_words(pattern) or requirements(pattern)), None) for _, pattern, _ in _LEXICON]
_ANY_NEEDS = None if None in _ROW_NEEDS else sorted(set().union(*_ROW_NEEDS))
_ANY_NEEDED = re.compile("|".join(map(re.escape, _ANY_NEEDS))) if _ANY_NEEDS else None
# Indicators that are rates themselves (CPI, unemployment rate, deficit ratio …): they take figures in %.
RATE_KEYS = frozenset(row["key"] for row in lexicon.table("metrics").rows if row["is_rate"] == "yes")
_WORDS = lexicon.table("metric_words").rows


def _words(role: str) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(r["word"]) for r in _WORDS if r["role"] == role))


_GROWTH_WORDS = _words("growth")
_IMPLIED_GROWTH = _words("implied_growth")
# A ratio of the indicator is another metric: 科技进步对经济增长的贡献率, 占生产总值比重.
_RATIO_OF = _words("ratio_of")


_ROWS = {row["key"]: row for row in lexicon.table("metrics").rows}


def metric_direction(key: str | None) -> str | None:
    """Which way is better for a metric key: ``"higher"``, ``"lower"`` (a ceiling: CPI, unemployment,
    energy intensity) or ``None`` when the lexicon says neither or does not know the key.

    >>> metric_direction("cpi"), metric_direction("gdp_growth"), metric_direction("made_up")
    ('lower', 'higher', None)
    """
    if not key:
        return None
    row = _ROWS.get(key) or _ROWS.get(key.removesuffix("_growth"))
    return (row["direction"] or None) if row else None


def metric_key(metric: str | None, kind: str | None = None) -> str | None:
    """Normalised key of a metric phrase, or ``None`` when the metric is not in the lexicon.

    A growth rate of a level indicator gets the suffix ``_growth`` (``gdp`` -> ``gdp_growth``);
    indicators that are rates already (CPI, unemployment rates) keep their key.

    Parameters
    ----------
    metric : str
        The noun phrase a target or observation measures, as written.
    kind : str, optional
        ``growth_rate`` marks a growth figure even when the phrase has no growth word.

    Examples
    --------
    >>> [metric_key(m) for m in ("国内生产总值增长", "地区生产总值", "GDP增长", "城镇调查失业率")]
    ['gdp_growth', 'gdp', 'gdp_growth', 'surveyed_unemployment_rate']
    >>> metric_key("单位国内生产总值能耗"), metric_key("科技进步对经济增长的贡献率")
    ('energy_intensity', None)
    """
    return _key_of(metric, kind == "growth_rate") if metric else None


# Kept across documents: a metric phrase recurs (on the shared corpus 7255 look-ups name 5086 phrases; 300 generated
# documents, 7061 name 57), and the key depends on the phrase and on whether the figure is a growth rate alone. The
# bound keeps odd texts from growing the table without end.
@lru_cache(maxsize=4096)
def _key_of(metric: str, growth_rate: bool) -> str | None:
    """:func:`metric_key` of a non-empty ``metric``, ``growth_rate`` telling whether its kind is ``growth_rate``."""
    if _ANY_NEEDED is not None and _ANY_NEEDED.search(metric) is None or _ANY.search(metric) is None:
        return None
    for key, pattern, is_rate in _LEXICON:
        m = pattern.search(metric)
        if not m:
            continue
        if _RATIO_OF.search(metric, m.end()):
            return None
        if is_rate:
            return key
        growth = (growth_rate or _GROWTH_WORDS.search(metric, m.end()) is not None
                  or _IMPLIED_GROWTH.fullmatch(m.group(0)) is not None)
        return f"{key}_growth" if growth else key
    return None
