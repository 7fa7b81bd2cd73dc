"""Jurisdictions named at the start of an issuer or title, and the government level they imply."""
from __future__ import annotations

import re
from dataclasses import dataclass

_NATIONAL = re.compile(r"^(?:国务院|中共中央|全国人民代表大会|国家[\u4e00-\u9fff]{0,12}(?:委员会|局|部)|[\u4e00-\u9fff]{1,8}部$)")
_HAN = r"[\u4e00-\u9fff]"
# One administrative unit; the lazy stem keeps 成武县建设… from swallowing the rest of a title.
_PROVINCE = re.compile(rf"^(?:中共)?({_HAN}{{1,7}}?(?:省|自治区|特别行政区))")
_CITY = re.compile(rf"^({_HAN}{{1,6}}?(?:自治州|地区|盟|市))")
_COUNTY = re.compile(rf"^({_HAN}{{1,6}}?(?:自治县|自治旗|县|区|旗|市))")
_TOWN = re.compile(rf"^({_HAN}{{1,6}}?(?:镇|乡|街道))")
_NOT_A_PLACE = re.compile(r"^(?:全|各|该|市|县|区|省|城|地|社|园|开发|高新|片|辖|景)|[我本这那是的了在和与及对为把被等]|全|关于|工业|过去|今年|明年")
_LEADING_YEAR = re.compile(r"^[\[【][^\]】]{1,10}[\]】]\s*|^\s*\d{4}(?:\s*[-—至]\s*\d{4})?\s*年度?")


@dataclass(frozen=True)
class Place:
    """Where a document belongs: ``region`` is the most specific unit, ``level`` its rank."""

    region: str | None = None
    level: str | None = None
    province: str | None = None
    city: str | None = None
    county: str | None = None


def _take(pattern: re.Pattern[str], text: str) -> tuple[str | None, str]:
    m = pattern.match(text)
    if m is None or _NOT_A_PLACE.search(m.group(1)) or len(m.group(1)) < 2:
        return None, text
    return m.group(1), text[m.end():]


def place_of(name: str) -> Place:
    """Parse the jurisdiction that opens ``name`` (an issuer or a title).

    Suffixes decide the level: 省/自治区 → province, 市/州/盟 → city, 区 → district, 县/旗 →
    county, 镇/乡/街道 → township. A 市 inside another 市 is a county-level city (county); a lone
    county-level city is indistinguishable from a prefecture without a gazetteer and reads as city.

    Examples
    --------
    >>> place_of("呼伦贝尔市海拉尔区人民政府")
    Place(region='海拉尔区', level='district', province=None, city='呼伦贝尔市', county='海拉尔区')
    >>> place_of("国务院").level
    'national'
    """
    text = _LEADING_YEAR.sub("", name.strip())
    if _NATIONAL.match(text):
        return Place("全国", "national")
    province, text = _take(_PROVINCE, text)
    city, text = _take(_CITY, text)
    county, text = _take(_COUNTY, text)
    town, _ = _take(_TOWN, text)
    if town:
        return Place(town, "township", province, city, county)
    if county:
        level = "district" if county.endswith("区") else "county"
        return Place(county, level, province, city, county)
    if city:
        return Place(city, "city", province, city, None)
    if province:
        return Place(province, "province", province, None, None)
    return Place()
