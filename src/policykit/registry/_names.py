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
from dataclasses import dataclass

from ..extract._lexicon import CATEGORY_NAMES_EN, FUNCTIONS
from ..extract._units import UNIT_HEADS, is_placeholder

LEVEL_MARKS = {"province": "省", "city": "市", "district": "区", "county": "县", "township": "镇"}
_MARK_LEVELS = {"省": "province", "市": "city", "区": "district", "县": "county"}
_HIGHER = {"county": ("市", "省"), "district": ("市", "省"), "city": ("省",), "township": ("县", "市", "省")}
_REGION_SUFFIX = re.compile(r"(?:自治县|自治州|自治区|自治旗|特别行政区|县|市|区|旗|盟|省)$")
# Written forms of one name, mapped onto one key (applied in order, after 和/与 are removed).
_REWRITES = (
    ("委员会", "委"), ("监督管理", "监管"), ("办公室", "办"), ("人民政府", "政府"),
    ("发改", "发展改革"), ("工信", "工业信息化"), ("经信", "经济信息化"), ("人社", "人力资源社会保障"),
    ("住建", "住房城乡建设"), ("卫健", "卫生健康"), ("文旅", "文化旅游"), ("教体", "教育体育"),
    ("中国人民银行", "人民银行"), ("人行", "人民银行"),
)
_WHOLE_REWRITES = {"应急局": "应急管理局", "科学技术局": "科技局", "编制": "编办", "机构编制委办": "编办",
                   "县委机构编制委办": "县委编办", "市委机构编制委办": "市委编办"}
_PBOC_BRANCH = re.compile(r"^人民银行[\u4e00-\u9fff]{1,4}(?:中心)?(?:分行|支行)$")
# 市场监管局 or 市政公用 do not start with the level mark 市 (市政府 does).
_OTHER_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,4}?[县区旗](?!委)")
# Zones and areas are not places with their own government departments.
_ZONES = ("开发区", "高新区", "园区", "示范区", "保税区", "试验区", "经济区", "城区", "社区", "景区", "片区", "辖区",
          "市区", "县区", "新区", "功能区", "合作区", "各区", "全区", "全县", "各县")
_NOT_A_MARK = re.compile(r"^(?:市(?:场|政(?!府)|民|容)|区块|县域)")
_HEADS_EN = (
    ("分局", "Branch Bureau"), ("分行", "Branch"), ("支行", "Branch"), ("管委会", "Management Committee"),
    ("局", "Bureau"), ("委", "Commission"), ("办", "Office"), ("中心", "Center"), ("部", "Department"),
    ("厅", "Department"), ("政府", "Government"), ("专班", "Task Force"), ("街道", "Subdistrict"),
    ("镇", "Town"), ("乡", "Township"), ("院", "Institute"), ("站", "Station"), ("集团", "Group"),
    ("公司", "Company"), ("党校", "Party School"), ("联", "Federation"),
)
# Bodies whose English name is not "<function> <head>".
_SPECIFIC_EN = (
    ("组织部", "Party Committee Organization Department"), ("宣传部", "Party Committee Publicity Department"),
    ("统战部", "Party Committee United Front Work Department"),
    ("政法委", "Party Committee Political and Legal Affairs Commission"), ("编办", "Staffing Office"),
    ("编制", "Staffing Office"), ("党校", "Party School"), ("纪委", "Discipline Inspection Commission"),
    ("文明办", "Civilization Office"), ("团委", "Communist Youth League Committee"),
    ("妇联", "Women's Federation"), ("关工委", "Committee for the Wellbeing of the Next Generation"),
    ("社科联", "Federation of Social Science Circles"), ("科协", "Association for Science and Technology"),
    ("工商联", "Federation of Industry and Commerce"), ("残联", "Disabled Persons' Federation"),
    ("总工会", "Federation of Trade Unions"), ("文联", "Federation of Literary and Art Circles"),
    ("人民银行", "Branch, People's Bank of China"),
)
_LEVELS_EN = {"province": "Provincial", "city": "Municipal", "district": "District", "county": "County",
              "township": "Township", "national": "National"}
_COLLECTIVES = (
    (re.compile(r"镇|街|乡"), "各镇街", "all townships and streets"),
    (re.compile(r"政府"), "各下级政府", "all lower-level governments"),
    (re.compile(r"部门"), "各有关部门", "all relevant departments"),
    (re.compile(r"单位"), "各有关单位", "all relevant units"),
)
# Stems with 和 removed, longest first, to match keys.
_STEMS = sorted(
    ((stem.replace("和", ""), category) for category, _, stems in FUNCTIONS for stem in stems),
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
    return [part for part in re.split(r"(?<=[省市州盟])", region) if part][-1]


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
    region = region or "未知"
    name = re.sub(r"[（(][^（()）]*[)）]$", "", mention.strip()) or mention.strip()
    name = name.removeprefix("中共")
    jurisdiction, unit_level, name = _jurisdiction(name, region, level, city, province)
    if is_placeholder(mention):
        return _collective(jurisdiction, unit_level, name)
    key = _key(name, _own_mark(jurisdiction, unit_level) or "县")
    category = _category(key)
    return UnitName(jurisdiction, key, unit_level, category, _name_en(key, category, unit_level),
                    key.endswith(UNIT_HEADS))


def _jurisdiction(name: str, region: str, level: str | None, city: str | None,
                  province: str | None) -> tuple[str, str | None, str]:
    short = short_region(region)
    for prefix in (region, _last_place(region), short):
        if name.startswith(prefix) and len(name) > len(prefix) + 1:
            rest = name[len(prefix):]
            if prefix == short and rest[0] in "县区旗" and not region.endswith(short + rest[0]):
                return short + rest[0], _MARK_LEVELS.get(rest[0], "county"), rest[1:]  # 东营区 in 东营市
            return region, level, rest
    other = _OTHER_PLACE.match(name)
    if other and not other.group().endswith(_ZONES) and _starts_function(name[other.end():]):  # 利津县发展改革局 in a 东营市 document
        return other.group(), _MARK_LEVELS.get(other.group()[-1], "county"), name[other.end():]
    mark = name[:1]
    if mark in _MARK_LEVELS and not _NOT_A_MARK.match(name) and len(name) > 2:
        rest = name[1:]
        if level and mark in _HIGHER.get(level, ()):
            if short in rest and re.search(r"(?:分局|分行|支行|分中心)$", rest):
                return region, level, rest  # a branch in this place works for this place
            upper = city if mark == "市" else province
            return upper or f"{region}上级{mark}", _MARK_LEVELS[mark], rest
        if level is None or _own_mark(region, level) == mark:
            return region, level, rest
    return region, level, name


def _own_mark(region: str, level: str | None) -> str | None:
    """The mark a place's own units carry: its level's (县, 区 …), but 市 for a province-level
    municipality (北京市 is a province whose bureaus are 市…局)."""
    if level == "province" and region.endswith("市"):
        return "市"
    return LEVEL_MARKS.get(level or "")


def _starts_function(rest: str) -> bool:
    core = rest.replace("和", "")
    return core.startswith(("人民政府", "政府", "委")) or any(core.startswith(stem) for stem, _ in _STEMS if len(stem) >= 2)


def _key(name: str, level_mark: str) -> str:
    key = name.replace("和", "").replace("与", "")
    if key.startswith("委"):  # 委组织部 is 县委组织部 with its level mark stripped or lost
        key = level_mark + key
    for old, new in _REWRITES:
        key = key.replace(old, new)
    if key.endswith("部门") and len(key) > 3:  # 人社部门 is the 人社 department: one key with 人社
        key = key[:-2]
    key = _WHOLE_REWRITES.get(key, key)
    if _PBOC_BRANCH.match(key):
        key = "人民银行"
    return key


def _category(key: str) -> str:
    for stem, category in _STEMS:
        if key.startswith(stem) or key.startswith(stem, 1) and key[0] in "县市区省":
            return category
    for stem, category in _STEMS:
        if len(stem) >= 2 and stem in key:
            return category
    return "other"


def _name_en(key: str, category: str, level: str | None) -> str:
    prefix = _LEVELS_EN.get(level or "", "")
    specific = next((en for stem, en in _SPECIFIC_EN if stem in key), None)
    if specific:
        return f"{prefix} {specific}".strip()
    base = CATEGORY_NAMES_EN.get(category, "") if category != "other" else ""
    head = next((en for h, en in _HEADS_EN if key.endswith(h)), "")
    if head and head.split()[-1].lower() in base.lower():
        head = ""  # Government Office, not Government Office Office
    return " ".join(part for part in (prefix, base, head) if part) or key


def _collective(jurisdiction: str, level: str | None, name: str) -> UnitName:
    for pattern, key, english in _COLLECTIVES:
        if pattern.search(name):
            return UnitName(jurisdiction, key, level, "collective", f"Collective: {english}", True)
    key = name.lstrip("县市区省")
    return UnitName(jurisdiction, key, level, "collective", "Collective", True)
