"""Jurisdictions named at the start of an issuer or title, and the government level they imply."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lexicon

_HAN = r"[\u4e00-\u9fff]"


def _words(topic: str, key_column: str, key: str) -> str:
    """The ``|``-joined words of the row whose ``key_column`` is ``key``, escaped, in file order."""
    row = next(r for r in lexicon.table(topic).rows if r[key_column] == key)
    return "|".join(re.escape(w) for w in row[lexicon.table(topic).columns[-1]].split("|") if w)


_NATIONAL = re.compile(
    rf"^(?:{_words('place_national', 'kind', 'prefix')}|(?:{_words('place_national', 'kind', 'body_prefix')}){_HAN}{{0,12}}"
    rf"(?:{_words('place_national', 'kind', 'body_suffix')})|{_HAN}{{1,8}}(?:{_words('place_national', 'kind', 'ministry_suffix')})$)")
# One administrative unit; the lazy stem keeps 成武县建设… from swallowing the rest of a title.
_PROVINCE = re.compile(rf"^(?:中共)?({_HAN}{{1,7}}?(?:{_words('place_suffixes', 'rank', 'province')}))")
_CITY = re.compile(rf"^({_HAN}{{1,6}}?(?:{_words('place_suffixes', 'rank', 'city')}))")
_COUNTY = re.compile(rf"^({_HAN}{{1,6}}?(?:{_words('place_suffixes', 'rank', 'county')}))")
_TOWN = re.compile(rf"^({_HAN}{{1,6}}?(?:{_words('place_suffixes', 'rank', 'town')}))")
_NOT_A_PLACE = re.compile(rf"^(?:{_words('place_not_names', 'position', 'start')})|{_words('place_not_names', 'position', 'inside')}")
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
