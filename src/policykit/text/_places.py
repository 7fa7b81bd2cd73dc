"""Jurisdictions named at the start of an issuer or title, the government level and the GB/T 2260 code.

Names are read against the division table (``lexicon/data/divisions.tsv``: provinces, prefectures and
counties with their codes): 北京市 is a province-level municipality, 肥城市 a county-level city, 阿坝州
the prefecture 阿坝藏族羌族自治州. A name the table does not know is read by its suffix only where its
government or a year follows it (某某镇人民政府, 某某市2024年…), and gets no code.
"""
from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from .. import lexicon
from ._cues import Y, alt, words

_HAN = r"[\u4e00-\u9fff]"
_DISTRICT = "区"  # a county-level division so named is a district (GB/T 2260 naming)


def national_bodies() -> tuple[str, ...]:
    """Names and forms of national bodies in the gazetteer (国家发展改革委, 中央网信办, 工业和信息化部),
    without the forms local bodies share (发改委 is also a city's)."""
    rows = [r for r in lexicon.table("government_bodies").rows if r["kind"] != "local"]
    local = {w for r in rows for w in r["local"].split("|")}
    return tuple(dict.fromkeys(w for r in rows for w in (r["name"], *r["forms"].split("|")) if w and w not in local))


NATIONAL_REGION = words("place_national", "region")[0]
_PARTY = lexicon.alternation("name_prefixes")
_PARTY_LEAD = re.compile(f"^{_PARTY}")  # compiled once: re.sub with the pattern built per call looked it up each time
_NATIONAL = re.compile(
    rf"^(?:{lexicon.alternation_of(words('place_national', 'prefix') + national_bodies())}"
    rf"|{alt('place_national', 'body_prefix')}{_HAN}{{0,12}}{alt('place_national', 'body_suffix')}"
    rf"|{_HAN}{{1,8}}{alt('place_national', 'ministry_suffix')}$)")
# One administrative unit; the lazy stem keeps 成武县建设… from swallowing the rest of a title.
_PROVINCE = re.compile(rf"^{_PARTY}?({_HAN}{{1,7}}?{alt('place_suffixes', 'province')})")
_CITY = re.compile(rf"^({_HAN}{{1,6}}?{alt('place_suffixes', 'city')})")
_COUNTY = re.compile(rf"^({_HAN}{{1,6}}?{alt('place_suffixes', 'county')})")
_TOWN = re.compile(rf"^({_HAN}{{1,6}}?{alt('place_suffixes', 'town')})")
_NOT_A_PLACE = re.compile(rf"^{alt('place_not_names', 'start')}|{alt('place_not_names', 'inside')}")
_LEADING_YEAR = re.compile(rf"^[\[【][^\]】]{{1,10}}[\]】]\s*|^\s*\d{{4}}(?:(?:\s*[-—]\s*|\s*{alt('document_words', 'range')}\s*)\d{{4}})?"
                           rf"\s*{lexicon.alternation_of((Y, *words('document_words', 'year_label')))}")
# What follows a place in the name of its government: an unknown name read by suffix must be one.
_YEAR_AFTER = re.compile(rf"^(?:19|20)\d{{2}}\s*{Y}")  # 某某市2024年重点工作任务: a title opened by its place
_GOVERNMENT = re.compile("^" + lexicon.alternation("place_government"))


class Division(NamedTuple):
    """One row of the division table: GB/T 2260 code, standard name, level and the parent's code.

    A named tuple: 3424 are built at first use, where a frozen dataclass's ``__init__`` set each field by a call
    (about three times the time), and hashing or comparing one is a tuple's, in C."""

    code: str
    name: str
    level: str  # province | city | county
    parent: str | None


class Place(NamedTuple):
    """Where a document belongs: ``region`` is the most specific unit, ``level`` its rank.

    ``region_code`` is the GB/T 2260 code of ``region`` and ``parent_region_code`` that of the division
    above it; both stay ``None`` when the table does not know the place or knows several of that name
    (``code_note`` says which). A named tuple, as :class:`Division`: a document's metadata builds several
    (each name read, and an empty one to start from), where a frozen dataclass set its eight fields one call each.
    """

    region: str | None = None
    level: str | None = None
    province: str | None = None
    city: str | None = None
    county: str | None = None
    region_code: str | None = None
    parent_region_code: str | None = None
    code_note: str | None = None


NATIONAL = Place(NATIONAL_REGION, "national", code_note="GB/T 2260 has no code for the whole country")


@cache
def divisions() -> tuple[dict[str, Division], dict[str, tuple[Division, ...]]]:
    """The division table: by code, and by every name it is written under (standard name, short form)."""
    by_code: dict[str, Division] = {}
    by_name: dict[str, list[Division]] = {}
    for row in lexicon.table("divisions").rows:
        division = Division(row["code"], row["name"], row["level"], row["parent"] or None)
        by_code[division.code] = division
        for name in (row["name"], *row["aliases"].split("|")):
            if name:
                by_name.setdefault(name, []).append(division)
    return by_code, {name: tuple(found) for name, found in by_name.items()}


@cache
def _name_lengths() -> dict[str, tuple[int, ...]]:
    """The lengths of the names divisions are written under, by their first character, longest first: a text
    opens with a name only of a length that some name opening with its first character has."""
    lengths: dict[str, set[int]] = {}
    for name in divisions()[1]:
        lengths.setdefault(name[0], set()).add(len(name))
    return {first: tuple(sorted(found, reverse=True)) for first, found in lengths.items()}


def division(code: str) -> Division | None:
    """The division with GB/T 2260 ``code``, or ``None``.

    >>> division("513200").name
    '阿坝藏族羌族自治州'
    """
    return divisions()[0].get(code)


def _ancestors(code: str | None) -> set[str]:
    by_code = divisions()[0]
    found: set[str] = set()
    while code and code in by_code and code not in found:
        found.add(code)
        code = by_code[code].parent
    return found


def _known_chain(text: str) -> tuple[list[tuple[str, tuple[Division, ...]]], str]:
    """The known divisions that open ``text``, each inside the one before: ``[(name as written, candidates)]``."""
    by_name = divisions()[1]
    lengths = _name_lengths()
    chain: list[tuple[str, tuple[Division, ...]]] = []
    while text:
        above = {d.code for d in chain[-1][1]} if chain else None
        step = None
        for size in lengths.get(text[0], ()):  # the sizes a name of the table can have here, longest first
            found = by_name.get(text[:size]) if 1 < size <= len(text) else None
            if not found:
                continue
            if above is not None:
                found = tuple(d for d in found if above & _ancestors(d.parent))
            if found:
                step = (text[:size], found)
                break
        if step is None:
            break
        if chain and len(chain[-1][1]) > 1:  # the lower name settles which of several upper ones is meant
            chain[-1] = (chain[-1][0], tuple(d for d in chain[-1][1] if any(d.code in _ancestors(x.parent) for x in step[1])))
        chain.append(step)
        text = text[len(step[0]):]
    return chain, text


def _take(pattern: re.Pattern[str], text: str) -> tuple[str | None, str]:
    m = pattern.match(text)
    if m is None or _NOT_A_PLACE.search(m.group(1)) or len(m.group(1)) < 2:
        return None, text
    return m.group(1), text[m.end():]


def _level(division: Division) -> str:
    if division.level == "county":
        return "district" if division.name.endswith(_DISTRICT) else "county"
    return division.level


def place_of(name: str) -> Place:
    """Parse the jurisdiction that opens ``name`` (an issuer or a title).

    Known divisions come from the division table, so a county-level city reads as county level and
    the four municipalities as province level. A 镇/乡/街道 after a known place, or an unknown name
    followed by its government (某某镇人民政府), is read by its suffix and has no code.

    Examples
    --------
    >>> place_of("呼伦贝尔市海拉尔区人民政府")
    Place(region='海拉尔区', level='district', province=None, city='呼伦贝尔市', county='海拉尔区', region_code='150702', parent_region_code='150700', code_note=None)
    >>> place_of("北京市经济和信息化局").level, place_of("肥城市").level, place_of("阿坝州人民政府").region_code
    ('province', 'county', '513200')
    >>> place_of("国务院").level
    'national'
    """
    text = _LEADING_YEAR.sub("", name.strip())
    if _NATIONAL.match(text):
        return NATIONAL
    text = _PARTY_LEAD.sub("", text)
    chain, rest = _known_chain(text)
    if chain:
        return _known_place(chain, rest)
    return _suffix_place(text)


def opens_with_place(name: str) -> bool:
    """True when ``name`` opens with a known division or a name shaped like one (某某市…): a weaker
    test than :func:`place_of`, for telling a document's title from a generic heading.

    >>> opens_with_place("某某市重点工作推进情况"), opens_with_place("具体工作安排")
    (True, False)
    """
    text = _PARTY_LEAD.sub("", _LEADING_YEAR.sub("", name.strip()))
    if _NATIONAL.match(text) or _known_chain(text)[0]:
        return True
    return any(_take(pattern, text)[0] for pattern in (_PROVINCE, _CITY, _COUNTY))


def _known_place(chain: list[tuple[str, tuple[Division, ...]]], rest: str) -> Place:
    written, found = chain[-1]
    names = {"province": None, "city": None, "county": None}
    for step_name, step in chain:
        names[step[0].level] = step_name
    town, after = _take(_TOWN, rest)
    if town and _GOVERNMENT.match(after):
        return Place(town, "township", names["province"], names["city"], names["county"],
                     code_note="towns are not in the division table")
    level = _level(found[0]) if len({_level(d) for d in found}) == 1 else None
    if len(found) > 1:
        return Place(written, level, names["province"], names["city"], names["county"],
                     code_note=f"{len(found)} divisions are named {written} ({', '.join(d.code for d in found)})")
    division = found[0]
    province = names["province"] or (written if division.level == "province" else None)
    city = names["city"] or (written if division.level == "city" else None)
    county = written if division.level == "county" else None
    return Place(written, _level(division), province, city, county, division.code, division.parent)


_BRAND_LEVELS = ("province", "city")  # a 省 or 市 is named by its short form in brands; a 县 or 区 hardly


def _spoken_levels(suffix: str) -> tuple[str, ...]:
    """The division levels a text speaking as 我{suffix} can mean (``self_reference.tsv``)."""
    return next((tuple(r["divisions"].split("|")) for r in lexicon.table("self_reference").rows if r["level"] == suffix), ())


def _spoken_divisions(suffix: str) -> list[Division]:
    levels = _spoken_levels(suffix)  # once, not once a division
    return [d for d in divisions()[0].values() if d.name.endswith(suffix) and d.level in levels]


@cache
def _division_names(suffix: str) -> tuple[frozenset[str], dict[str, tuple[int, ...]]]:
    """The names of :func:`_spoken_divisions`, and their lengths (longest first) by the character before the suffix
    (every name is longer than its suffix)."""
    names = frozenset(d.name for d in _spoken_divisions(suffix))
    lengths: dict[str, set[int]] = {}
    for name in names:
        lengths.setdefault(name[-len(suffix) - 1:-len(suffix)], set()).add(len(name))
    return names, {before: tuple(sorted(ns, reverse=True)) for before, ns in lengths.items()}


def named_divisions(text: str, suffix: str) -> set[str]:
    """The standard names of the divisions ending in ``suffix`` (省, 市, 县, 区) that a text speaking as
    我省/我市/我县/我区 can mean (a 市 of province or prefecture level) and ``text`` names.

    They are the names one alternation of them all (longest first) finds, left to right without overlap,
    but found from each ``suffix`` in the text (every name ends with it), trying the lengths of the names
    with the character before it, instead of trying thousands of names at every character.

    >>> sorted(named_divisions("推动全省发展，山东省委部署，河南省", "省"))
    ['山东省', '河南省']
    """
    names, lengths_before = _division_names(suffix)
    found: list[tuple[int, int]] = []  # (start, -length) of every name in the text
    at = text.find(suffix)
    while at != -1:
        # only the lengths of names with the character before this suffix: most (全市, 城市) have none
        if lengths := lengths_before.get(text[at - 1:at]):
            end = at + len(suffix)
            found += [(end - n, -n) for n in lengths if n <= end and text[end - n:end] in names]
        at = text.find(suffix, at + 1)
    named, pos = set(), 0
    for start, minus_length in sorted(found):  # leftmost first, the longest there first
        if start >= pos:
            pos = start - minus_length
            named.add(text[start:pos])
    return named


@cache
def _short_forms(suffix: str) -> dict[str, tuple[Division, ...]]:
    """Short forms of the divisions a text speaking as 我省/我市 can mean: the name without its suffix
    (山东省 → 山东, 济南市 → 济南). Not for 县 and 区: too many of their short forms are common words
    (朝阳, 和平, 新华)."""
    found: dict[str, list[Division]] = {}
    for d in _spoken_divisions(suffix) if set(_spoken_levels(suffix)) <= set(_BRAND_LEVELS) else ():
        if len(d.name) >= 3:
            found.setdefault(d.name[:-1], []).append(d)
    return {short: tuple(ds) for short, ds in found.items()}


_TITLE_BRAND = re.compile(rf"^{lexicon.alternation('brand_heads')}?({_HAN}{{2,8}})")
_QUOTED = re.compile(r"“([^“”\n]{2,16})”")


def brand_place(title: str | None, text: str, suffix: str) -> Place:
    """The place a text names only in a brand, at the level it speaks as (``suffix``: 省 or 市): a short
    form that closes a quoted phrase (加快打造“科创济南”, “工赋山东”: the brand form X + place) or opens
    the title, alone or after a brand word (数字山东2021行动方案, ``brand_heads.tsv``). ``Place()`` unless
    exactly one division is so named. A phrase a place opens names a thing of that place (“上海某某输液针”),
    and a title that mentions a place further in (学习深圳经验…) names nothing.

    >>> brand_place(None, "推动全省发展，建设“工赋山东”。", "省").region
    '山东省'
    >>> brand_place(None, "全市推进“科创济南”和“智造青岛”建设", "市").region is None
    True
    """
    forms = _short_forms(suffix)
    if not forms:
        return Place()
    found: set[Division] = set()
    for m in _QUOTED.finditer(text):
        phrase = m.group(1)
        # the longest form closing the phrase: “数字马鞍山” is 马鞍山, not 鞍山
        closing = next((forms[phrase[-size:]] for size in range(len(phrase), 1, -1) if phrase[-size:] in forms), ())
        found.update(closing)
    if title and (m := _TITLE_BRAND.match(title)):
        # the longest form after the brand word: 数字马鞍山 is 马鞍山
        rest = m.group(1)
        found.update(next((forms[rest[:size]] for size in range(len(rest), 1, -1) if rest[:size] in forms), ()))
    if len(found) != 1:
        return Place()
    return place_of(found.pop().name)


def settle_in(place: Place, text: str) -> Place:
    """A place several divisions share (鼓楼区), settled by the text: when the names of exactly one
    candidate's ancestors occur in ``text`` (福州市 … 鼓楼区), the place is that candidate.

    >>> settle_in(place_of("朝阳区人民政府"), "北京市朝阳区召开会议").region_code
    '110105'
    """
    if place.region_code or not place.region or place.level in (None, "township", "national"):
        return place
    by_code, by_name = divisions()
    found = [d for d in by_name.get(place.region, ()) if any(
        by_code[a].name in text for a in _ancestors(d.parent))]
    if len(found) != 1:
        return place
    d = found[0]
    upper = {by_code[a].level: by_code[a].name for a in _ancestors(d.parent)}
    return Place(place.region, _level(d), upper.get("province"), upper.get("city") if d.level == "county" else None,
                 place.region if d.level == "county" else None, d.code, d.parent)


def _suffix_place(text: str) -> Place:
    """An unknown place read by its suffixes; only where its government or a year follows it."""
    province, text = _take(_PROVINCE, text)
    city, text = _take(_CITY, text)
    county, text = _take(_COUNTY, text)
    town, rest = _take(_TOWN, text)
    after = rest if town else text
    if not (_GOVERNMENT.match(after) or _YEAR_AFTER.match(after)):
        return Place()
    note = "not in the division table"
    if town:
        return Place(town, "township", province, city, county, code_note=note)
    if county:
        level = "district" if county.endswith(_DISTRICT) else "county"
        return Place(county, level, province, city, county, code_note=note)
    if city:
        return Place(city, "city", province, city, None, code_note=note)
    if province:
        return Place(province, "province", province, None, None, code_note=note)
    return Place()
