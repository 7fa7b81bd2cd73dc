"""Unit registry: one unit per department of a jurisdiction, categories across places, curated aliases."""
from __future__ import annotations

import time

import polars as pl
import pytest

from policykit.registry import MENTION_MAP_SCHEMA, UNITS_SCHEMA, normalise_unit, resolve_units

NO_ALIASES = pl.DataFrame(schema={"name_a": pl.String, "name_b": pl.String, "jurisdiction": pl.String})


def mentions(doc_id: str, region: str, level: str, names: list[str], placeholder=None) -> pl.DataFrame:
    placeholder = placeholder or [n.startswith("各") or "各" in n[:3] or n == "镇街" for n in names]
    return pl.DataFrame({"doc_id": doc_id, "mention": names, "placeholder": placeholder,
                         "level": level, "region": region})


def unit_of(mention_map: pl.DataFrame, doc_id: str, mention: str) -> str:
    return mention_map.filter(pl.col("doc_id") == doc_id, pl.col("mention") == mention)["unit_id"].item()


CHENGWU = mentions("cw", "成武县", "county", [
    "县发展改革局", "发展和改革局", "发展改革局", "县发展和改革局", "发展改革", "科技局", "县科技局",
    "市生态环境局成武分局", "生态环境局成武分局", "人行成武分行", "县人行", "委宣传部", "县委宣传部",
    "应急管理局", "县应急局", "各镇街", "各有关镇街", "镇街", "县直各单位", "市发展改革委",
])
DONGYING = mentions("dy", "东营市", "city", [
    "市地方金融监管局", "市地方金融监督管理局", "市发展改革委", "发展和改革委员会", "市科技局",
    "中共东营市委政法委员会", "市政府办公室", "市场监管局",
])


@pytest.fixture(scope="module")
def resolved():
    return resolve_units(pl.concat([CHENGWU, DONGYING]), NO_ALIASES)


def test_frames_follow_the_contract(resolved):
    mention_map, units = resolved
    assert mention_map.schema == pl.Schema(MENTION_MAP_SCHEMA)
    assert units.schema == pl.Schema(UNITS_SCHEMA)
    assert mention_map.height == CHENGWU.height + DONGYING.height
    assert units["unit_id"].is_unique().all()


def test_chengwu_spellings_of_one_bureau_are_one_county_unit(resolved):
    mention_map, units = resolved
    ids = {unit_of(mention_map, "cw", m) for m in ("县发展改革局", "发展和改革局", "发展改革局", "县发展和改革局", "发展改革")}
    assert ids == {"成武县/发展改革局"}
    unit = units.filter(pl.col("unit_id") == "成武县/发展改革局").row(0, named=True)
    assert unit["jurisdiction"] == "成武县" and unit["level"] == "county"
    assert unit["category"] == "development_reform" and unit["name"] == "成武县发展改革局"
    assert set(unit["aliases"]) == {"县发展改革局", "发展和改革局", "发展改革局", "县发展和改革局", "发展改革"}


def test_bare_name_is_a_unit_of_the_document_county(resolved):
    mention_map, units = resolved
    assert unit_of(mention_map, "cw", "科技局") == unit_of(mention_map, "cw", "县科技局") == "成武县/科技局"
    assert units.filter(pl.col("unit_id") == "成武县/科技局")["name_en"].item() == "County Science & Technology Bureau"


def test_city_branch_in_the_county_belongs_to_the_county(resolved):
    mention_map, _ = resolved
    assert unit_of(mention_map, "cw", "市生态环境局成武分局") == unit_of(mention_map, "cw", "生态环境局成武分局")
    assert unit_of(mention_map, "cw", "市生态环境局成武分局").startswith("成武县/")
    assert unit_of(mention_map, "cw", "人行成武分行") == unit_of(mention_map, "cw", "县人行") == "成武县/人民银行"


def test_higher_level_name_in_a_county_document_is_the_city_unit(resolved):
    mention_map, units = resolved
    unit_id = unit_of(mention_map, "cw", "市发展改革委")
    assert unit_id == "成武县上级市/发展改革委"
    assert units.filter(pl.col("unit_id") == unit_id)["level"].item() == "city"
    with_city = CHENGWU.with_columns(city=pl.lit("菏泽市"))
    mention_map, _ = resolve_units(with_city, NO_ALIASES)
    assert unit_of(mention_map, "cw", "市发展改革委") == "菏泽市/发展改革委"


def test_dongying_aliases(resolved):
    mention_map, units = resolved
    assert unit_of(mention_map, "dy", "市地方金融监管局") == unit_of(mention_map, "dy", "市地方金融监督管理局")
    assert unit_of(mention_map, "dy", "市发展改革委") == unit_of(mention_map, "dy", "发展和改革委员会") == "东营市/发展改革委"
    assert unit_of(mention_map, "dy", "中共东营市委政法委员会") == "东营市/市委政法委"
    assert unit_of(mention_map, "dy", "市场监管局") == "东营市/市场监管局"  # 市场 is not the level mark 市
    assert unit_of(mention_map, "dy", "市政府办公室") == "东营市/政府办"


def test_party_organs_with_a_lost_level_mark(resolved):
    mention_map, units = resolved
    assert unit_of(mention_map, "cw", "委宣传部") == unit_of(mention_map, "cw", "县委宣传部") == "成武县/县委宣传部"
    assert units.filter(pl.col("unit_id") == "成武县/县委宣传部")["category"].item() == "party_organs"


def test_categories_are_shared_across_jurisdictions(resolved):
    mention_map, units = resolved
    cat = dict(zip(units["unit_id"], units["category"]))
    assert cat["成武县/科技局"] == cat["东营市/科技局"] == "science_technology"
    assert cat[unit_of(mention_map, "cw", "县应急局")] == "emergency_management"
    assert unit_of(mention_map, "cw", "县应急局") == unit_of(mention_map, "cw", "应急管理局")


def test_placeholders_resolve_to_a_collective_unit(resolved):
    mention_map, units = resolved
    towns = {unit_of(mention_map, "cw", m) for m in ("各镇街", "各有关镇街", "镇街")}
    assert towns == {"成武县/各镇街"}
    collective = units.filter(pl.col("category") == "collective")["unit_id"].to_list()
    assert "成武县/各镇街" in collective and unit_of(mention_map, "cw", "县直各单位") in collective


def test_curated_aliases_are_joined_transitively():
    names = mentions("d", "成武县", "county", ["县返乡创业服务中心", "县人才服务中心", "县人才中心", "县科技局"])
    aliases = pl.DataFrame({"name_a": ["返乡创业服务中心", "县人才中心"], "name_b": ["县人才服务中心", "人才服务中心"],
                            "jurisdiction": ["成武县", None]})
    mention_map, units = resolve_units(names, aliases)
    ids = {unit_of(mention_map, "d", m) for m in ("县返乡创业服务中心", "县人才服务中心", "县人才中心")}
    assert len(ids) == 1
    assert unit_of(mention_map, "d", "县科技局") not in ids
    (unit,) = units.filter(pl.col("unit_id") == ids.pop()).iter_rows(named=True)
    assert set(unit["aliases"]) == {"县返乡创业服务中心", "县人才服务中心", "县人才中心"}


def test_alias_scoped_to_one_jurisdiction_leaves_others_apart():
    names = pl.concat([mentions("a", "成武县", "county", ["县大数据局", "县数据局"]),
                       mentions("b", "单县", "county", ["县大数据局", "县数据局"])])
    aliases = pl.DataFrame({"name_a": ["大数据局"], "name_b": ["数据局"], "jurisdiction": ["成武县"]})
    mention_map, _ = resolve_units(names, aliases)
    assert unit_of(mention_map, "a", "县大数据局") == unit_of(mention_map, "a", "县数据局")
    assert unit_of(mention_map, "b", "县大数据局") != unit_of(mention_map, "b", "县数据局")


def test_normalise_unit_example():
    unit = normalise_unit("县发展和改革局", "成武县", "county")
    assert (unit.jurisdiction, unit.key, unit.category) == ("成武县", "发展改革局", "development_reform")


def test_documents_of_unknown_place_keep_their_units_apart():
    names = pl.DataFrame({"doc_id": ["x", "y"], "mention": ["财政局", "财政局"], "placeholder": [False, False],
                          "level": [None, None], "region": [None, None]},
                         schema_overrides={"level": pl.String, "region": pl.String})
    mention_map, units = resolve_units(names, NO_ALIASES)
    assert mention_map["unit_id"].to_list() == ["未知:x/财政局", "未知:y/财政局"]
    assert units["category"].to_list() == ["finance", "finance"]


def test_corpus_scale_resolves_distinct_names_once():
    bureaus = ["科技局", "县发展和改革局", "财政局", "县工业和信息化局", "各镇街", "市生态环境局成武分局"]
    regions = [f"测试{i}县" for i in range(300)]
    rows = pl.DataFrame({
        "doc_id": [f"d{i}" for i in range(60_000)],
        "mention": [bureaus[i % len(bureaus)] for i in range(60_000)],
        "placeholder": [bureaus[i % len(bureaus)] == "各镇街" for i in range(60_000)],
        "level": "county",
        "region": [regions[(i // len(bureaus)) % len(regions)] for i in range(60_000)],
    })
    started = time.perf_counter()
    mention_map, units = resolve_units(rows, NO_ALIASES)
    assert time.perf_counter() - started < 10
    assert mention_map.height == 60_000 and units.height == 300 * len(bureaus)


@pytest.mark.parametrize(("mention", "region", "level", "expected"), [
    ("牡丹区科技局", "菏泽市牡丹区", "district", ("菏泽市牡丹区", "科技局")),
    ("区科技局", "菏泽市牡丹区", "district", ("菏泽市牡丹区", "科技局")),
    ("东营区人民政府", "东营市", "city", ("东营区", "政府")),
    ("利津县发展改革局", "东营市", "city", ("利津县", "发展改革局")),
    ("开发区管委会", "成武县", "county", ("成武县", "开发区管委会")),
    ("市发改委", "东营市", "city", ("东营市", "发展改革委")),
])
def test_places_named_in_the_mention(mention, region, level, expected):
    unit = normalise_unit(mention, region, level)
    assert (unit.jurisdiction, unit.key) == expected


def test_sector_words_join_their_department_only_when_it_starts_with_them():
    names = mentions("f", "福州市", "city", ["人社", "人社部门", "市人力资源和社会保障局", "编制部门", "编办",
                                             "教育", "高校心理健康教育协作中心"])
    mention_map, _ = resolve_units(names, NO_ALIASES)
    assert len({unit_of(mention_map, "f", m) for m in ("人社", "人社部门", "市人力资源和社会保障局")}) == 1
    assert unit_of(mention_map, "f", "编制部门") == unit_of(mention_map, "f", "编办")
    assert unit_of(mention_map, "f", "教育") != unit_of(mention_map, "f", "高校心理健康教育协作中心")


def test_no_mentions_give_empty_typed_frames():
    empty = pl.DataFrame(schema={"doc_id": pl.String, "mention": pl.String, "placeholder": pl.Boolean,
                                 "level": pl.String, "region": pl.String})
    mention_map, units = resolve_units(empty, NO_ALIASES)
    assert mention_map.height == units.height == 0
    assert units.schema == pl.Schema(UNITS_SCHEMA) and mention_map.schema == pl.Schema(MENTION_MAP_SCHEMA)


def test_national_bodies_keep_their_own_name_and_find_their_function():
    national = mentions("gw", "全国", "national", ["海关总署", "国务院办公厅", "国家知识产权局", "国家外汇局"])
    mention_map, units = resolve_units(national, NO_ALIASES)
    rows = {r["unit_id"]: r for r in units.iter_rows(named=True)}
    assert rows["全国/海关总署"]["name"] == "海关总署"
    assert rows["全国/国务院办公厅"]["category"] == "government_office"
    assert rows["全国/国家知识产权局"]["category"] == "market_regulation"
    assert rows["全国/国家外汇管理局"]["category"] == "financial_regulation"  # 国家外汇局, under its standard name


def test_national_bodies_named_in_a_local_plan_are_national_under_their_standard_name():
    county = mentions("cw", "成武县", "county", ["国家发改委", "国家发展和改革委员会", "科技部", "科学技术部", "发改委"])
    mention_map, units = resolve_units(county, NO_ALIASES)
    assert unit_of(mention_map, "cw", "国家发改委") == unit_of(mention_map, "cw", "国家发展和改革委员会") \
        == "全国/国家发展和改革委员会"
    assert unit_of(mention_map, "cw", "科技部") == "全国/科学技术部"
    assert unit_of(mention_map, "cw", "发改委") == "成武县/发展改革委"  # a local commission writes it too
    rows = {r["unit_id"]: r for r in units.iter_rows(named=True)}
    assert rows["全国/科学技术部"]["name_en"] == "Ministry of Science and Technology"
    assert rows["全国/国家发展和改革委员会"]["category"] == "development_reform"


@pytest.mark.parametrize(("mention", "english"), [
    ("县委网信办", "County Cyberspace Affairs Office"),
    ("县委组织部", "County Party Committee Organization Department"),
    ("县人民法院", "County People's Court"),
    ("县人民检察院", "County People's Procuratorate"),
    ("县总工会", "County Federation of Trade Unions"),
    ("县人武部", "County People's Armed Forces Department"),
    ("人行成武支行", "County Branch, People's Bank of China"),
])
def test_english_names_of_local_bodies_come_from_the_gazetteer(mention, english):
    assert normalise_unit(mention, "成武县", "county").name_en == english


def test_a_bare_place_in_a_list_is_its_government():
    city = mentions("gz", "广州市", "city", ["黄埔区", "天河区人民政府"])
    mention_map, _ = resolve_units(city, NO_ALIASES)
    assert unit_of(mention_map, "gz", "黄埔区") == "黄埔区/政府"
    assert unit_of(mention_map, "gz", "天河区人民政府") == "天河区/政府"


def test_gazetteer_covers_the_state_council_after_the_2023_reform():
    from policykit import lexicon

    rows = {r["name"]: r for r in lexicon.table("government_bodies").rows}
    ministries = {n for n, r in rows.items() if r["kind"] == "ministry"}
    assert len(ministries) == 26  # the 26 组成部门 after the 2018 and 2023 reforms
    assert {"国家数据局", "国家金融监督管理总局", "中央社会工作部", "国家疾病预防控制局"} <= set(rows)
    assert all(r["name_en"] for r in rows.values())


def test_branches_of_national_bodies_are_units_of_their_place():
    county = mentions("cw", "成武县", "county", ["国家税务总局成武县税务局", "县税务局", "中国人民银行成武县支行",
                                                 "人行成武支行"])
    mention_map, units = resolve_units(county, NO_ALIASES)
    assert unit_of(mention_map, "cw", "国家税务总局成武县税务局") == unit_of(mention_map, "cw", "县税务局") \
        == "成武县/税务局"
    assert unit_of(mention_map, "cw", "中国人民银行成武县支行") == unit_of(mention_map, "cw", "人行成武支行")
    province = normalise_unit("中国证监会河北监管局", "河北省", "province")
    assert (province.key, province.category) == (normalise_unit("河北证监局", "河北省", "province").key,
                                                 "financial_regulation")
    assert province.name_en == "Provincial Office, China Securities Regulatory Commission"
    assert normalise_unit("市中级人民法院", "东营市", "city").name_en == "Municipal Intermediate People's Court"
