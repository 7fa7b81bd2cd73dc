"""Bilingual labels: units and metrics in English from the registry, in Chinese, or both."""
from __future__ import annotations

import altair as alt
import polars as pl

LANGS = ("en", "zh", "both")

# Words the charts print, as (English, Chinese).
_TERMS = {
    "lead": ("lead", "牵头"), "responsible": ("responsible", "负责"), "participant": ("participant", "参与/配合"),
    "tasks": ("tasks", "任务数"), "role": ("role", "角色"), "unit": ("unit", "单位"),
    "shared_tasks": ("shared tasks", "共同任务数"), "community": ("community", "社群"),
    "category": ("category", "职能类别"), "weighted_degree": ("weighted degree", "加权度"),
    "target": ("target", "目标"), "outcome": ("outcome", "实际"), "series": ("series", "序列"),
    "value": ("value", "数值"), "period": ("period", "时期"), "share_of_target": ("% of target", "占目标%"),
    "warnings": ("warnings", "警告数"), "document": ("document", "文件"), "score": ("score", "得分"),
    "measure": ("measure", "指标"), "record_type": ("record type", "记录类型"), "other": ("other", "其他"),
    "unclassified": ("unclassified", "未分类"), "same_year": ("same year", "当年"),
    "year_before": ("year before", "上年"),
    "escalated": ("target asks more than the parent's", "目标加码"), "not_escalated": ("target not escalated", "目标未加码"),
    "no_parent": ("target (no parent target known)", "目标（无同年上级目标）"), "parent_target": ("parent's target", "上级目标"),
    "previous_outcome": ("outcome of the year before", "上年实际"),
}
# Acronyms that a metric key spells in lower case (gdp_growth -> GDP growth).
_ACRONYMS = {"gdp": "GDP", "cpi": "CPI", "co2": "CO₂", "ppi": "PPI", "rd": "R&D"}


def check_lang(lang: str) -> str:
    """``lang`` itself, or a ValueError naming the choices."""
    if lang not in LANGS:
        raise ValueError(f"lang={lang!r}: use one of {', '.join(LANGS)}")
    return lang


def term(key: str, lang: str) -> str:
    """A chart word in ``lang`` ("both": English then Chinese).

    >>> term("lead", "en"), term("lead", "zh"), term("lead", "both")
    ('lead', '牵头', 'lead 牵头')
    """
    en, zh = _TERMS[key]
    return {"en": en, "zh": zh, "both": f"{en} {zh}"}[check_lang(lang)]


def chart_title(en: str, zh: str, lang: str) -> alt.Title:
    """A chart title in ``lang``; "both" puts the Chinese title under the English one."""
    check_lang(lang)
    if lang == "both":
        return alt.Title(en, subtitle=zh)
    return alt.Title(en if lang == "en" else zh)


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
