"""Unit mention splitting: separators, run-together names, real names kept whole, placeholders."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policykit.extract import _units
from policykit.extract._lexicon import BODY_NAMES, FUNCTION_STEMS
from policykit.extract._units import is_placeholder, looks_like_unit, split_unit_list


def names(text: str) -> list[str]:
    return [m.mention for m in split_unit_list(text, 0, len(text))]


@pytest.mark.parametrize(("text", "expected"), [
    ("科技局、工业和信息化局", ["科技局", "工业和信息化局"]),
    ("县发展和改革局、县工业和信息化局，县水务局", ["县发展和改革局", "县工业和信息化局", "县水务局"]),
    ("市财政局;市税务局；市商务局", ["市财政局", "市税务局", "市商务局"]),
    ("市财政局 市税务局", ["市财政局", "市税务局"]),
    ("财政局和税务局", ["财政局", "税务局"]),
    ("市场监管局及各镇街", ["市场监管局", "各镇街"]),
    ("市教育局与市卫生健康委", ["市教育局", "市卫生健康委"]),
    ("市教育局等", ["市教育局"]),
])
def test_splits_on_every_separator(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("工业和信息化局化工产业园管理服务中心", ["工业和信息化局", "化工产业园管理服务中心"]),
    ("市生态环境局成武分局应急管理局", ["市生态环境局成武分局", "应急管理局"]),
    ("人力资源社会保障局县返乡创业服务中心", ["人力资源社会保障局", "县返乡创业服务中心"]),
    ("住房城乡建设局县房产服务中心", ["住房城乡建设局", "县房产服务中心"]),
    ("市生态环境局成武分局县综合行政执法局", ["市生态环境局成武分局", "县综合行政执法局"]),
    ("政府办公室行政审批服务局", ["政府办公室", "行政审批服务局"]),
    ("县国有资产和金融中心财政局", ["县国有资产和金融中心", "财政局"]),
    ("县应急局各镇街", ["县应急局", "各镇街"]),
    ("县委组织部县委宣传部", ["县委组织部", "县委宣传部"]),
    ("县政府办公室县发展改革局", ["县政府办公室", "县发展改革局"]),
    ("国家发展改革委财政部", ["国家发展改革委", "财政部"]),
    # a function whose head the scrape lost, run into the next name
    ("发展改革工业和信息化局", ["发展改革", "工业和信息化局"]),
    ("卫生健康发展改革局", ["卫生健康", "发展改革局"]),
])
def test_splits_names_run_together(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("name", [
    "发展和改革委员会", "工业和信息化局", "人力资源和社会保障局", "住房和城乡建设局", "市文化和旅游局",
    "县委宣传部", "委组织部", "市生态环境局成武分局", "人行成武分行", "县政府办公室", "市地方金融监督管理局",
    "中共东营市委政法委员会", "市海洋发展和渔业局", "县国有资产和金融中心", "市发展改革委（市粮食和物资储备局）",
    "市公安局交通警察支队", "市政府国资委", "县经济开发区管委会", "国家税务总局成武县税务局", "市城乡水务局",
    "县委党史研究中心", "县委县政府信访局", "县纪委监委",
])
def test_keeps_real_names_whole(name):
    assert names(name) == [name]


@pytest.mark.parametrize("name", [
    "各镇街", "各有关部门", "县直各单位", "各区、市政府", "各县（市、区）人民政府", "各相关镇街", "各有关镇街",
    "各镇（街道）", "县各有关部门", "有关镇街", "镇街", "乡镇(村居)",
])
def test_collective_mentions_are_one_placeholder(name):
    mentions = split_unit_list(name, 0, len(name))
    assert [(m.mention, m.placeholder) for m in mentions] == [(name, True)]


def test_single_bodies_are_not_placeholders():
    assert not is_placeholder("开发区") and not is_placeholder("县人行") and not is_placeholder("市湿地城市专班")


def test_lone_head_left_by_the_scrape_is_not_a_mention():
    assert names("县科技局、局、工业和信息化局") == ["县科技局", "工业和信息化局"]


def test_strict_unit_reading_rejects_prose_words():
    assert looks_like_unit("编制部门", strict=True)
    assert not looks_like_unit("各方", strict=True)
    assert not looks_like_unit("实现城乡", strict=True)
    assert not looks_like_unit("分管领导")


_NAMES = ["县科技局", "工业和信息化局", "各镇街", "市生态环境局成武分局", "县委宣传部", "发展和改革委员会",
          "县房产服务中心", "各区、市政府", "人行成武分行"]


@given(st.lists(st.sampled_from(_NAMES), min_size=1, max_size=6), st.lists(st.sampled_from(["、", "，", "；", " "]), min_size=6, max_size=6),
       st.text(alphabet="（牵头单位：", max_size=3))
def test_spans_are_exact_and_lists_round_trip(picked, seps, prefix):
    text = prefix + "".join(name + sep for name, sep in zip(picked, seps))
    mentions = split_unit_list(text, len(prefix), len(text))
    assert all(text[m.start:m.end] == m.mention for m in mentions)
    assert [m.mention for m in mentions] == picked


@pytest.mark.parametrize(("text", "expected"), [
    # a second name in parentheses (also 〔〕) belongs to the mention
    ("省发展改革委〔省营商办〕、省财政厅", ["省发展改革委〔省营商办〕", "省财政厅"]),
    ("国务院办公厅、国务院国资委", ["国务院办公厅", "国务院国资委"]),
    ("县水务集团有限公司、市纪委监委机关", ["县水务集团有限公司", "市纪委监委机关"]),
    ("驻委纪检监察组、机关党委", ["驻委纪检监察组", "机关党委"]),
    ("卫生应急办公室、科技教育科", ["卫生应急办公室", "科技教育科"]),
    ("海关总署、南昌海关、省贸促会", ["海关总署", "南昌海关", "省贸促会"]),
    ("镇财政所、镇综合行政执法队", ["镇财政所", "镇综合行政执法队"]),
    # 和/及 between two collectives, or a unit and a collective; one collective stays whole
    ("省直有关部门和各设区市人民政府", ["省直有关部门", "各设区市人民政府"]),
    ("县疾控中心及各乡镇卫生院", ["县疾控中心", "各乡镇卫生院"]),
    ("各有关部门和单位", ["各有关部门和单位"]),
    # 各X、Y政府 is one collective only when Y completes it
    ("各县级市、区人民政府", ["各县级市、区人民政府"]),
    ("各区、市直各部门", ["各区", "市直各部门"]),
])
def test_names_from_other_levels_and_places(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("name", ["国务院各有关部门", "沿线各乡镇人民政府", "市直各部门", "地方各级人民政府",
                                  "省直有关部门", "各村（社区）", "各社区居委会"])
def test_collectives_after_the_body_they_belong_to(name):
    assert is_placeholder(name) and looks_like_unit(name, strict=True)


def test_verb_before_departments_is_no_unit():
    assert not looks_like_unit("健全部门", strict=True)
    assert not looks_like_unit("实施数字机关", strict=True)
    assert looks_like_unit("行业主管部门", strict=True) and looks_like_unit("财政部门", strict=True)


@pytest.mark.parametrize("text", ["省公安厅、省交通运输厅等10个部门", "省公安厅、省交通运输厅等五家单位",
                                  "省公安厅、省交通运输厅等部门", "省公安厅、省交通运输厅等"])
def test_counted_etc_tails_close_the_list(text):
    assert names(text) == ["省公安厅", "省交通运输厅"]


@pytest.mark.parametrize(("text", "expected"), [
    # 等相关部门 / 等有关单位: the relevant others, a placeholder of their own (tests/gold-corpus/README).
    ("甲省农业厅、甲省林业局等相关部门", ["甲省农业厅", "甲省林业局", "相关部门"]),
    ("乙市水务局等有关单位", ["乙市水务局", "有关单位"]),
    ("乙市水务局、乙市气象局等有关部门及各区政府", ["乙市水务局", "乙市气象局", "有关部门", "各区政府"]),
    ("乙市水务局等相关部门，各街道", ["乙市水务局", "相关部门", "各街道"]),
])
def test_qualified_etc_tails_name_the_relevant_others(text, expected):
    found = split_unit_list(text, 0, len(text))
    assert [m.mention for m in found] == expected
    assert [m.placeholder for m in found] == [name in ("相关部门", "有关单位", "有关部门", "各区政府", "各街道")
                                              for name in expected]
    assert all(text[m.start:m.end] == m.mention for m in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("街道综合执法队、街道社区建设科", ["街道综合执法队", "街道社区建设科"]),
    ("街道城市管理科街道平安办", ["街道城市管理科", "街道平安办"]),
])
def test_subdistrict_offices_keep_their_prefix(text, expected):
    assert names(text) == expected


def shared(text: str) -> list[tuple[str, str]]:
    return [(m.mention, m.name) for m in split_unit_list(text, 0, len(text))]


@pytest.mark.parametrize("name", [
    "市文化广电旅游局", "县文化广电和旅游局", "人行石家庄中心支行", "河北银保监局", "国家税务总局成武县税务局",
    "石家庄银保监分局", "县消防救援大队", "烟台市绿色低碳发展先行区建设办公室", "邢台市科技局", "市住房公积金管理中心", "高新区管委会", "中共成武县委组织部",
])
def test_gazetteer_names_and_branches_stay_whole(name):
    assert names(name) == [name]


@pytest.mark.parametrize(("text", "expected"), [
    ("国家税务总局成武县税务局人行成武支行", ["国家税务总局成武县税务局", "人行成武支行"]),
    ("省委组织部省委宣传部省委网信办", ["省委组织部", "省委宣传部", "省委网信办"]),
    ("市中级人民法院市人民检察院", ["市中级人民法院", "市人民检察院"]),
    ("团市委市妇联市科协", ["团市委", "市妇联", "市科协"]),
    ("国务院国资委市场监管总局", ["国务院国资委", "市场监管总局"]),
    ("河北银保监局石家庄银保监分局", ["河北银保监局", "石家庄银保监分局"]),
    ("中国银行成武支行农业银行成武支行", ["中国银行成武支行", "农业银行成武支行"]),
    ("人民银行济南分行营业管理部", ["人民银行济南分行营业管理部"]),  # a department inside the branch
    ("各乡镇人民政府、街道办事处", ["各乡镇人民政府", "街道办事处"]),
    ("市财政部门以及市科技局", ["市财政部门", "市科技局"]),
    ("州、县（市）数据资源主管部门", ["州、县（市）数据资源主管部门"]),  # a bare level shares the rest
])
def test_bodies_at_every_level_split_apart(text, expected):
    assert names(text) == expected


def test_a_shared_head_distributes_over_bare_places():
    assert shared("黄埔区、天河区人民政府") == [("黄埔区", "黄埔区人民政府"), ("天河区人民政府", "天河区人民政府")]
    assert shared("历城区、章丘区、莱芜区人民政府")[0] == ("历城区", "历城区人民政府")
    assert shared("黄埔区、天河区科技局")[0] == ("黄埔区", "黄埔区科技局")
    # A headed name before another keeps its own; a collective shares nothing.
    assert shared("市科技局、天河区人民政府")[0] == ("市科技局", "市科技局")


def test_bare_level_marks_and_jurisdiction_pairs():
    assert not looks_like_unit("市区") and not looks_like_unit("县市区")
    assert names("各有关区、县级市") == ["各有关区、县级市"] and is_placeholder("各有关区、县级市")
    assert names("各有关区、县级市人民政府，市财政局") == ["各有关区、县级市人民政府", "市财政局"]


def test_person_titles_are_not_units():
    assert not any(looks_like_unit(p, strict=True) for p in ("副县长", "分管副市长", "县长", "局长"))


def test_a_researcher_adds_a_body_name_in_a_user_lexicon(tmp_path):
    import os
    import subprocess
    import sys

    from policykit import lexicon

    # A county's merged bureau the kit does not know: without it the run is cut after the function stem.
    assert names("县农业农村水利局") == ["县农业农村", "水利局"]
    columns = lexicon.table("government_bodies").columns
    row = {"name": "农业农村水利局", "name_en": "Agriculture, Rural Affairs and Water Bureau", "kind": "local",
           "local": "农业农村水利局"}
    (tmp_path / "government_bodies.tsv").write_text(
        "# my county's bodies\n" + "\t".join(columns) + "\n" + "\t".join(row.get(c, "") for c in columns) + "\n",
        "utf-8")
    code = ("from policykit.extract._units import split_unit_list; s = '县农业农村水利局';"
            "print([m.mention for m in split_unit_list(s, 0, len(s))])")
    env = {**os.environ, lexicon.ENV_VAR: str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['县农业农村水利局']"
    assert lexicon.check((tmp_path,)) == []


def _local_forms() -> list[str]:
    from policykit import lexicon

    return sorted({f for row in lexicon.table("government_bodies").rows for f in row["local"].split("|") if f})


@given(st.lists(st.tuples(st.sampled_from(["省", "市", "县"]), st.sampled_from(_local_forms())), min_size=2, max_size=4),
       st.sampled_from(["", "、", "，"]))
def test_gazetteer_bodies_run_together_or_listed_split_into_themselves(bodies, sep):
    # Every local counterpart the gazetteer knows, with a level mark, stays whole and is cut from its
    # neighbours whether a separator stands between them or the scrape lost it.
    expected = [level + body for level, body in bodies]
    text = sep.join(expected)
    mentions = split_unit_list(text, 0, len(text))
    assert [m.mention for m in mentions] == expected
    assert all(text[m.start:m.end] == m.mention for m in mentions)


@pytest.mark.parametrize(("text", "expected"), [
    ("各省、自治区、直辖市人民政府", ["各省、自治区、直辖市人民政府"]),
    ("各省、自治区、直辖市和新疆生产建设兵团", ["各省、自治区、直辖市", "新疆生产建设兵团"]),
    ("中央和国家机关有关部门", ["中央和国家机关有关部门"]),
    ("国务院有关部门、各省级人民政府", ["国务院有关部门", "各省级人民政府"]),
])
def test_national_collectives(text, expected):
    assert names(text) == expected
    assert is_placeholder(expected[0])


def test_a_collective_with_a_function_keeps_its_conjunction():
    assert names("各市工业和信息化局") == ["各市工业和信息化局"]


def test_divisions_written_without_their_suffix_share_it_with_the_last_name():
    text = "参加单位：甲省环保厅，济南、青岛、烟台市政府"
    start = text.index("济南")
    mentions = split_unit_list(text, start, len(text))
    assert [(m.mention, m.name) for m in mentions] == [
        ("济南", "济南市政府"), ("青岛", "青岛市政府"), ("烟台市政府", "烟台市政府")]
    assert all(text[m.start:m.end] == m.mention for m in mentions)
    # Not a division of the table: no head is shared, and the piece is no unit of its own.
    other = "东山、烟台市政府"
    assert [m.name for m in split_unit_list(other, 0, len(other))][0] == "东山"


@pytest.mark.parametrize("name", ["市乡村振兴工作专班牵头单位", "县安全生产委员会成员单位", "区数字经济领导小组牵头部门",
                                  "省招商引资联席会议成员单位", "市防汛抗旱指挥部责任单位"])
def test_the_units_of_a_task_force_by_their_role_are_one_collective(name):
    assert [(m.mention, m.placeholder) for m in split_unit_list(name, 0, len(name))] == [(name, True)]
    assert looks_like_unit(name, strict=True)


@pytest.mark.parametrize("name", ["牵头单位", "责任单位", "市科技局牵头单位"])
def test_a_role_label_alone_or_after_one_unit_is_no_collective(name):
    assert not is_placeholder(name)


_BODIES = sorted(BODY_NAMES | {stem for stem in FUNCTION_STEMS if len(stem) >= 4})


def _naive_inside(name: str) -> frozenset[int]:
    """At each offset, the longest body name starting there covers the offsets inside it."""
    inside: set[int] = set()
    for i in range(len(name)):
        longest = max((b for b in _BODIES if name.startswith(b, i)), key=len, default="")
        inside.update(range(i + 1, i + len(longest)))
    return frozenset(inside)


@given(st.lists(st.one_of(st.sampled_from(_BODIES), st.sampled_from(["县", "局", "国", "中", "市", "、"])), max_size=6)
       .map("".join))
def test_offsets_inside_body_names_agree_with_a_scan_of_every_name(name):
    inside = _naive_inside(name)
    assert {cut for cut in range(1, len(name)) if _units._inside_body_name(name, cut)} == inside


@given(st.lists(st.sampled_from([*_units.UNIT_HEADS, "县", "发展", "改革", "和"]), min_size=1, max_size=4).map("".join))
def test_heads_by_last_character_end_what_the_heads_end(name):
    assert name.endswith(_units._HEADS_BY_LAST.get(name[-1], ())) == name.endswith(_units.UNIT_HEADS)


def test_the_unit_memos_do_not_outlive_their_document():
    from policykit.extract._clauses import find_clauses

    find_clauses("1.建设平台。（市科技局牵头，市财政局、各县区配合）")
    assert any(memo.cache_info().currsize for memo in _units._MEMOS)
    find_clauses("")  # the next document starts: nothing of the one before is kept
    assert not any(memo.cache_info().currsize for memo in _units._MEMOS)
