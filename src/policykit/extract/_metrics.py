"""Metric linking: a normalised key so that one indicator named in different ways is one series.

国内生产总值增长 / 地区生产总值增长 / GDP增长 / 经济增长 are all ``gdp_growth``; 地区生产总值 as a
level is ``gdp``.  Metrics that match no entry of the lexicon stay unlinked (``None``).
"""
from __future__ import annotations

import re

# (key, pattern, is_rate).  Order matters: 单位国内生产总值能耗 is energy intensity, not GDP.
# ``is_rate`` marks indicators that are themselves rates, which take no ``_growth`` suffix.
_LEXICON: tuple[tuple[str, re.Pattern[str], bool], ...] = tuple(
    (key, re.compile(pattern), is_rate)
    for key, pattern, is_rate in (
        ("energy_intensity", r"(?:单位|万元)(?:国内|地区)?(?:生产总值|GDP)(?:综合)?(?:能耗|能源消耗)|能耗强度", True),
        ("co2_intensity", r"(?:单位|万元)(?:国内|地区)?(?:生产总值|GDP)二氧化碳排放|碳排放强度", True),
        ("water_intensity", r"(?:单位|万元)(?:国内|地区)?(?:生产总值|GDP)用水量", True),
        ("cpi", r"居民消费价格|消费价格(?:总水平)?|CPI", True),
        ("surveyed_unemployment_rate", r"调查失业率", True),
        ("registered_unemployment_rate", r"登记失业率", True),
        ("new_urban_jobs", r"城镇新增就业|新增城镇就业", False),
        ("deficit_ratio", r"赤字率", True),
        ("urban_disposable_income", r"城镇(?:常住)?居民人均可支配收入", False),
        ("rural_disposable_income", r"农村(?:常住)?居民人均可支配收入|农民人均(?:可支配|纯)收入", False),
        ("disposable_income", r"居民人均可支配收入|人均可支配收入", False),
        ("fiscal_total_revenue", r"(?:地方)?财政总收入", False),
        ("fiscal_revenue", r"一般公共(?:财政)?预算收入|公共财政(?:预算)?收入|地方财政收入|地方级收入", False),
        ("fixed_asset_investment", r"固定资产投资", False),
        ("retail_sales", r"社会消费品零售总额|社会消费品零售额", False),
        ("foreign_trade", r"进出口(?:总额|总值)?", False),
        ("grain_output", r"粮食(?:总)?产量", False),
        ("industrial_value_added", r"规模以上工业增加值|规上工业增加值|工业增加值", False),
        ("gdp", r"(?:国内|地区)生产总值|生产总值|GDP|经济总量|经济增长|经济增速", False),
    )
)
_GROWTH_WORDS = re.compile(r"增长|增速|增幅|增加")
_IMPLIED_GROWTH = re.compile(r"经济增长|经济增速")
# A ratio of the indicator is another metric: 科技进步对经济增长的贡献率, 占生产总值比重.
_RATIO_OF = re.compile(r"的|贡献|比重|占比|拉动")


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
    if not metric:
        return None
    for key, pattern, is_rate in _LEXICON:
        m = pattern.search(metric)
        if not m:
            continue
        if _RATIO_OF.search(metric, m.end()):
            return None
        if is_rate:
            return key
        growth = (kind == "growth_rate" or _GROWTH_WORDS.search(metric, m.end()) is not None
                  or _IMPLIED_GROWTH.fullmatch(m.group(0)) is not None)
        return f"{key}_growth" if growth else key
    return None
