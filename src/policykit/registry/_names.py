"""One unit name as written -> (jurisdiction, canonical key, level, category) in its document's context.

Decisions (documented because a paper depends on them):

* An unmarked name (科技局) or one marked with the document's own level (县科技局 in a county, 市… in a
  city) or its own name (成武县科技局) is a unit of the document's jurisdiction.
* A name marked with a higher level (市… in a county document, 省… in a city document) is a unit of
  that higher government: the ``city`` / ``province`` of the document when known, else
  ``"<region>上级市"`` / ``"<region>上级省"``.
* A branch named after the document's place (市生态环境局成武分局, 人行成武分行) is run by the higher
  bureau but sits in and works for the county, so it is a unit of the county, keeping its name.
* Keys drop what varies in writing one name: 和/与, 委员会 -> 委, 监督管理 -> 监管, 办公室 -> 办,
  人民政府 -> 政府, common abbreviations (发改, 人社, 住建 …) and 中共.
"""
from __future__ import annotations

import re
from operator import itemgetter
from dataclasses import dataclass

from .. import lexicon
from ..extract.units import CATEGORY_NAMES_EN, FUNCTIONS, UNIT_HEADS, is_placeholder
from ._gazetteer import branch_of, local_english, local_function_english, national_body, starts_local_body



def _of_kind(topic: str, kind: str) -> tuple[str, ...]:
    """The words (first column) of ``topic`` whose ``kinds`` list ``kind``, in file order."""
    table = lexicon.table(topic)
    return tuple(row[table.columns[0]] for row in table.rows if kind in row["kinds"].split("|"))


def _drop(name: str, dropped: tuple[str, ...]) -> str:
    """``name`` without the ``dropped`` characters."""
    for word in dropped:
        name = name.replace(word, "")
    return name


def _word(kind: str) -> str:
    """The one word of ``unit_registry_words.tsv`` of this kind."""
    (word,) = _of_kind("unit_registry_words", kind)
    return word


# Levels and their marks (level_marks.tsv): 县 opens a county's unit names, 市科技局 in a county plan is
# the city's.
_LEVELS = lexicon.table("level_marks").rows
LEVEL_MARKS = {row["level"]: row["mark"] for row in _LEVELS if row["mark"]}
_MARK_LEVELS = {row["mark"]: row["level"] for row in _LEVELS if "unit_mark" in row["kinds"].split("|")}
_UNIT_MARKS = "".join(_MARK_LEVELS)
_DEFAULT_MARK = next(row["mark"] for row in _LEVELS if "default" in row["kinds"].split("|"))
_CITY = next(row["level"] for row in _LEVELS if "upper_city" in row["kinds"].split("|"))
_NATIONAL_PLACE = next(row["place"] for row in _LEVELS if row["level"] == "national")
_HIGHER = {row["level"]: tuple(row["higher"].split("|")) for row in _LEVELS if row["higher"]}
_REGION_SUFFIX = re.compile(lexicon.alternation_of(_of_kind("region_endings", "suffix")) + "$")
_REGION_BREAK = re.compile("(?<=[" + "".join(_of_kind("region_endings", "break")) + "])")
_BELOW_CITY = _of_kind("region_endings", "below_city")
# Words of the registry's own (unit_registry_words.tsv).
_DROPPED = _of_kind("unit_registry_words", "dropped")
_STEM_DROPPED = _of_kind("unit_registry_words", "stem_dropped")
_PARTY_PREFIX = _word("party_prefix")
_COMMITTEE = _word("committee")
_GOVERNMENT = _word("government")
_GOVERNMENT_STARTS = _of_kind("unit_registry_words", "government_start")
_DEPARTMENT = _word("department")
_BANK = _word("bank")
_LOCAL_BRANCH = re.compile(lexicon.alternation_of(_of_kind("unit_registry_words", "local_branch")) + "$")
UNKNOWN_PLACE = _word("unknown")
_HIGHER_UNKNOWN = _word("higher_unknown")
JOINT_MARKS = _of_kind("unit_registry_words", "joint_marks")
# Written forms of one name, mapped onto one key (unit_name_forms.tsv): part rewrites in order, after 和/与
# are removed, then whole-key rewrites.
_FORMS = lexicon.table("unit_name_forms").rows
_REWRITES = tuple((row["written"], row["key"]) for row in _FORMS if row["scope"] == "part")
_WHOLE_REWRITES = {row["written"]: row["key"] for row in _FORMS if row["scope"] == "whole"}
_PBOC_BRANCH = re.compile(rf"^{re.escape(_BANK)}[\u4e00-\u9fff]{{1,4}}"
                          rf"{lexicon.alternation_of(_of_kind('unit_registry_words', 'bank_branch'))}$")
# 市场监管局 or 市政公用 do not start with the level mark 市 (市政府 does).
_OTHER_PLACE = re.compile(rf"^[\u4e00-\u9fff]{{2,4}}?[{''.join(_BELOW_CITY)}](?!{_COMMITTEE})")
_PLACE_WORDS = lexicon.table("jurisdiction_words").rows
# Zones and areas are not places with their own government departments.
_ZONES = tuple(row["word"] for row in _PLACE_WORDS if row["kind"] == "zone")
_NOT_A_MARK = re.compile(
    "^(?:" + "|".join(re.escape(row["word"]) for row in _PLACE_WORDS if row["kind"] == "not_level_mark") + ")"
    f"(?!{_word('government_tail')})"
)
_HEADS_EN = tuple((row["head"], row["name_en"]) for row in lexicon.table("unit_heads_en").rows)
_LEVELS_EN = {"province": "Provincial", "city": "Municipal", "district": "District", "county": "County",
              "township": "Township", "national": "National"}
_COLLECTIVES = tuple(
    (re.compile("|".join(map(re.escape, row["marks"].split("|")))), row["key"], row["name_en"])
    for row in lexicon.table("collective_keys").rows
)
# Stems with 和 removed, longest first, to match keys.
_STEMS = sorted(
    ((_drop(stem, _STEM_DROPPED), category) for category, _, stems in FUNCTIONS for stem in stems),
    key=lambda pair: len(pair[0]), reverse=True,
)


@dataclass(frozen=True)
class UnitName:
    jurisdiction: str
    key: str  # canonical name within the jurisdiction, e.g. 科技局, 县委组织部, 各镇街
    level: str | None
    category: str
    name_en: str
    has_head: bool  # False for a bare function stem (发展改革) whose head the scrape lost


def _last_place(region: str) -> str:
    """菏泽市牡丹区 -> 牡丹区: the government the region names, without the ones above it."""
    return [part for part in _REGION_BREAK.split(region) if part][-1]


def short_region(region: str) -> str:
    """成武县 -> 成武, 东营市 -> 东营, 菏泽市牡丹区 -> 牡丹 (names of two characters stay whole)."""
    last = _last_place(region)
    short = _REGION_SUFFIX.sub("", last)
    return short if len(short) >= 2 else last


def normalise_unit(mention: str, region: str | None, level: str | None,
                   city: str | None = None, province: str | None = None) -> UnitName:
    """Canonical identity of one unit mention within its document's jurisdiction.

    Examples
    --------
    >>> u = normalise_unit("县发展和改革局", "成武县", "county")
    >>> (u.jurisdiction, u.key, u.category)
    ('成武县', '发展改革局', 'development_reform')
    >>> normalise_unit("市生态环境局成武分局", "成武县", "county").jurisdiction
    '成武县'
    """
    region = region or UNKNOWN_PLACE
    name = re.sub(r"[（(][^（()）]*[)）]$", "", mention.strip()) or mention.strip()
    name = name.removeprefix(_PARTY_PREFIX)
    body = national_body(name)
    if body:  # 国家发改委 in a county plan is the national commission, under its standard name
        return UnitName(_NATIONAL_PLACE, body.name, "national", _category(_key(body.name, "")), body.name_en, True)
    branch = branch_of(name)
    if branch:  # 国家税务总局成武县税务局 is the county's tax bureau, a branch of the national administration
        name = branch[1]
    jurisdiction, unit_level, name = _jurisdiction(name, region, level, city, province)
    if is_placeholder(mention):
        return _collective(jurisdiction, unit_level, name)
    key = _key(name, _own_mark(jurisdiction, unit_level) or _DEFAULT_MARK)
    if branch:
        body = branch[0]
        # One branch of a body per jurisdiction, keyed by the body's first local form unless it is written
        # with one (中国人民银行济南分行 and 人行济南分行 are 人民银行 of 济南市, 中国证监会河北监管局 is 证监局).
        if not any(key.endswith(_written_key(form)) for form in body.local):
            key = _written_key(body.local[0]) if body.local else _key(body.name, "")
        category = _category(_key(body.name, ""))
        english = body.local_en or f"Branch, {body.name_en}"
        prefix = _LEVELS_EN.get(unit_level or "", "")
        return UnitName(jurisdiction, key, unit_level, category, f"{prefix} {english}".strip(), True)
    category = _category(key)
    return UnitName(jurisdiction, key, unit_level, category, _name_en(key, category, unit_level),
                    key.endswith(UNIT_HEADS))


def _jurisdiction(name: str, region: str, level: str | None, city: str | None,
                  province: str | None) -> tuple[str, str | None, str]:
    short = short_region(region)
    for prefix in (region, _last_place(region), short):
        if name.startswith(prefix) and len(name) > len(prefix) + 1:
            rest = name[len(prefix):]
            if prefix == short and rest[0] in _BELOW_CITY and not region.endswith(short + rest[0]):
                return short + rest[0], _MARK_LEVELS.get(rest[0], "county"), rest[1:]  # 东营区 in 东营市
            return region, level, rest
    other = _OTHER_PLACE.match(name)
    if other and other.end() == len(name) and not name.endswith(_ZONES):
        # A place written bare in a list (黄埔区 of 黄埔区、天河区人民政府) stands for its government.
        return name, _MARK_LEVELS.get(name[-1], "county"), _GOVERNMENT
    if other and not other.group().endswith(_ZONES) and _starts_function(name[other.end():]):  # 利津县发展改革局 in a 东营市 document
        return other.group(), _MARK_LEVELS.get(other.group()[-1], "county"), name[other.end():]
    mark = name[:1]
    # 市场, 市民 open words, not names; 市民政局 is the city's 民政局 (a function follows the mark).
    if mark in _MARK_LEVELS and len(name) > 2 and not (
            _NOT_A_MARK.match(name) and not _starts_function(name[1:]) and not starts_local_body(name[1:])):
        rest = name[1:]
        if level and mark in _HIGHER.get(level, ()):
            if short in rest and _LOCAL_BRANCH.search(rest):
                return region, level, rest  # a branch in this place works for this place
            upper = city if _MARK_LEVELS[mark] == _CITY else province
            return upper or f"{region}{_HIGHER_UNKNOWN}{mark}", _MARK_LEVELS[mark], rest
        if level is None or _own_mark(region, level) == mark:
            return region, level, rest
    return region, level, name


def _own_mark(region: str, level: str | None) -> str | None:
    """The mark a place's own units carry: its level's (县, 区 …), but 市 for a province-level
    municipality (北京市 is a province whose bureaus are 市…局)."""
    if level == "province" and region.endswith(LEVEL_MARKS[_CITY]):
        return LEVEL_MARKS[_CITY]
    return LEVEL_MARKS.get(level or "")


def _starts_function(rest: str) -> bool:
    core = _drop(rest, _STEM_DROPPED)
    return core.startswith(_GOVERNMENT_STARTS) or any(core.startswith(stem) for stem, _ in _STEMS if len(stem) >= 2)


def _written_key(name: str) -> str:
    """``name`` without what varies in writing it: 和/与 dropped, 委员会 -> 委, 发改 -> 发展改革 …"""
    key = _drop(name, _DROPPED)
    for old, new in _REWRITES:
        key = key.replace(old, new)
    return key


def _key(name: str, level_mark: str) -> str:
    if name.startswith(_COMMITTEE):  # 委组织部 is 县委组织部 with its level mark stripped or lost
        name = level_mark + name
    key = _written_key(name)
    if key.endswith(_DEPARTMENT) and len(key) > 3:  # 人社部门 is the 人社 department: one key with 人社
        key = key[:-2]
    key = _WHOLE_REWRITES.get(key, key)
    if _PBOC_BRANCH.match(key):
        key = _BANK
    return key


_STEMS_BY_FIRST = lexicon.by_char(((stem, category, i) for i, (stem, category) in enumerate(_STEMS)), 0, itemgetter(0))


def _category(key: str) -> str:
    # Only stems opening with the key's first character (or, after a unit mark, its second) can match.
    candidates = _STEMS_BY_FIRST.get(key[:1], _STEMS_BY_FIRST[""])
    if key and key[0] in _UNIT_MARKS:
        candidates = sorted({*candidates, *_STEMS_BY_FIRST.get(key[1:2], _STEMS_BY_FIRST[""])}, key=itemgetter(2))
    for stem, category, _ in candidates:
        if key.startswith(stem) or key.startswith(stem, 1) and key[0] in _UNIT_MARKS:
            return category
    for stem, category in _STEMS:
        if len(stem) >= 2 and stem in key:
            return category
    return "other"


def _name_en(key: str, category: str, level: str | None) -> str:
    prefix = _LEVELS_EN.get(level or "", "")
    specific = local_english(key, _written_key)
    if specific:
        return f"{prefix} {specific}".strip()
    # The gazetteer's function of a standard local body (地震局: Earthquake) before the category's.
    base = local_function_english(key, _written_key) or (CATEGORY_NAMES_EN.get(category, "") if category != "other" else "")
    head = next((en for h, en in _HEADS_EN if key.endswith(h)), "")
    if head and head.split()[-1].lower() in base.lower():
        head = ""  # Government Office, not Government Office Office
    return " ".join(part for part in (prefix, base, head) if part) or key


def _collective(jurisdiction: str, level: str | None, name: str) -> UnitName:
    for pattern, key, english in _COLLECTIVES:
        if pattern.search(name):
            return UnitName(jurisdiction, key, level, "collective", f"Collective: {english}", True)
    key = name.lstrip(_UNIT_MARKS)
    return UnitName(jurisdiction, key, level, "collective", "Collective", True)
