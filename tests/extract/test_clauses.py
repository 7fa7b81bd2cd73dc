"""Responsibility clauses: every style on small inputs of our own, and no over-firing on prose."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykit.extract import find_assignments, find_tasks


def units(text: str) -> list[tuple[str, str]]:
    return [(a.mention, a.role) for a in find_assignments(text, find_tasks(text))]


def units_by_clause(text: str) -> list[tuple[str, str, int]]:
    return [(a.mention, a.role, a.clause) for a in find_assignments(text, find_tasks(text))]


def test_labelled_lead_and_participant_with_a_space():
    assert units("1.建平台。(牵头单位:科技局 参与单位:各镇街)") == [("科技局", "lead"), ("各镇街", "participant")]


def test_labels_run_together_by_the_scrape():
    text = "1.建平台。(牵头单位:科技局、工业和信息化局参与单位:市生态环境局成武分局、各镇街)"
    assert units(text) == [("科技局", "lead"), ("工业和信息化局", "lead"),
                           ("市生态环境局成武分局", "participant"), ("各镇街", "participant")]


def test_lead_and_responsible_labels_with_fullwidth_punctuation():
    assert units("1.建平台。（牵头单位：市发展改革委；责任单位：各区县政府）") == [
        ("市发展改革委", "lead"), ("各区县政府", "responsible")]


def test_lead_department_label():
    assert units("54.融入“一带一路”。(牵头部门:县商务局、县发展改革)") == [("县商务局", "lead"), ("县发展改革", "lead")]


def test_lead_label_ending_in_division_of_work_stays_lead():
    text = "47.建设数字政府。(牵头单位:大数据局、司法局按职责分工负责;参与单位:各镇街)"
    assert units(text) == [("大数据局", "lead"), ("司法局", "lead"), ("各镇街", "participant")]


def test_role_verbs_after_unit_lists():
    assert units("1.建平台。（市科技局牵头，市财政局配合）") == [("市科技局", "lead"), ("市财政局", "participant")]


def test_several_leads_participants_and_division_of_work():
    text = "1.建平台。（市发展改革委、市财政局牵头，市统计局配合，各有关部门分工负责）"
    assert units(text) == [("市发展改革委", "lead"), ("市财政局", "lead"), ("市统计局", "participant"),
                           ("各有关部门", "responsible")]


def test_unit_marked_as_lead_inside_a_responsible_list():
    assert units("1.建平台。（责任单位：市商务局（牵头）、市财政局）") == [("市商务局", "lead"), ("市财政局", "responsible")]


def test_single_responsible_unit():
    assert units("1.建平台。（市教育局负责）") == [("市教育局", "responsible")]


def test_parenthesis_inside_a_name_is_not_a_clause():
    text = "1.保障粮食安全。（市发展改革委（市粮食和物资储备局）牵头）"
    found = find_assignments(text, find_tasks(text))
    assert [(a.mention, a.role) for a in found] == [("市发展改革委（市粮食和物资储备局）", "lead")]
    assert len({a.clause_start for a in found}) == 1


def test_prose_lead():
    text = "1.建课程。开发课程资源库,由市辅导站、高校心理健康教育协作中心牵头负责,2021年完成。"
    assert units(text) == [("市辅导站", "lead"), ("高校心理健康教育协作中心", "lead")]


def test_prose_with_partner():
    assert units("1.建机制。市发展改革委会同市财政局制定实施细则。") == [
        ("市发展改革委", "lead"), ("市财政局", "participant")]


def test_prose_sentences_each_their_own_clause():
    text = "1.组织保障。编制部门负责编制工作;人社部门配合推进招录工作;财政部门负责资金投入。"
    assert units_by_clause(text) == [
        ("编制部门", "responsible", 0), ("人社部门", "participant", 1), ("财政部门", "responsible", 2)]


def test_sentence_describing_cooperation_assigns_nothing():
    text = "1.协同育人。建立教育、编办、人社、团委、乡镇(村居)等有关单位部门密切协同的合作机制。"
    assert units(text) == []
    assert units("1.协同监管。形成市场监管、公安、商务等部门协同配合的格局。") == []


def test_listed_sectors_told_to_cooperate_take_part():
    text = "1.协同育人。由教育、编办、人社等有关部门密切配合，推进家校共育。"
    assert units(text) == [("教育", "participant"), ("编办", "participant"), ("人社", "participant")]


def test_role_word_last_covers_the_whole_list():
    text = "1.推进。（市商务局牵头，市发展改革委、市财政局，各区、县级市人民政府按职责分工负责）"
    assert units(text) == [("市商务局", "lead"), ("市发展改革委", "responsible"), ("市财政局", "responsible"),
                           ("各区、县级市人民政府", "responsible")]
    assert units("1.推进。市科技局、市财政局按职责分工负责。") == [
        ("市科技局", "responsible"), ("市财政局", "responsible")]


def test_roles_switch_mid_list_without_a_comma():
    assert units("1.推进。（市科技局牵头、市财政局配合）") == [("市科技局", "lead"), ("市财政局", "participant")]
    assert units("1.推进。（市科技局牵头 市财政局、市商务局配合）") == [
        ("市科技局", "lead"), ("市财政局", "participant"), ("市商务局", "participant")]


def test_lead_mark_inside_a_list_changes_that_name_only():
    text = "1.推进。（责任单位：市发展改革委、市财政局（牵头）、市商务局）"
    assert units(text) == [("市发展改革委", "responsible"), ("市财政局", "lead"), ("市商务局", "responsible")]
    cell = "序号\t任务\t责任单位\n1\t建设平台\t市科技局、市财政局（牵头）、各区政府\n"
    assert units(cell) == [("市科技局", "responsible"), ("市财政局", "lead"), ("各区政府", "responsible")]


def test_shared_head_mentions_stay_as_written():
    found = find_assignments("1.推进。（黄埔区、天河区人民政府负责）", ())
    assert [(a.mention, a.role) for a in found] == [("黄埔区", "responsible"), ("天河区人民政府", "responsible")]


def test_persons_are_not_units():
    text = "1.推进。（责任单位：副县长张三，县财政局、县人社局）"
    assert units(text) == [("县财政局", "responsible"), ("县人社局", "responsible")]
    text = "1.推进。（责任单位：县财政局（局长张三）、县人社局；责任人：李四）"
    assert units(text) == [("县财政局", "responsible"), ("县人社局", "responsible")]
    assert units("1.推进。（县委常委、常务副县长李四牵头，县财政局配合）") == [("县财政局", "participant")]
    assert units("1.推进。（责任单位：县财政局局长张三、县人社局）") == [("县财政局", "responsible"), ("县人社局", "responsible")]


def test_table_columns():
    text = "序号\t工作事项\t牵头单位\t配合单位\n1\t建设平台\t市科技局\t市财政局、各区县\n2\t培养人才\t市人社局\t\n"
    tasks = find_tasks(text)
    found = find_assignments(text, tasks)
    assert [t.number for t in tasks] == ["1", "2"]
    assert [(a.mention, a.role, a.task_key == tasks[0].key) for a in found] == [
        ("市科技局", "lead", True), ("市财政局", "participant", True), ("各区县", "participant", True),
        ("市人社局", "lead", False)]


def test_prose_does_not_over_fire():
    text = ("一、项目建设\n今年以来,项目建设攻坚专班发挥牵头作用,细化分解66项重点任务。党委、政府对学生心理健康"
            "工作负领导责任。安排专人负责,盯靠服务。各方配合,实现城乡协同。各有关部门要各司其职。"
            "学校及心理教师、班主任应积极配合卫生机构。负责人要到位。")
    assert units(text) == []


def test_clause_outside_any_task_has_no_task_key():
    text = "总体要求。(牵头单位:市政府办公室)\n一、创新\n1.建平台。(牵头单位:科技局)"
    found = find_assignments(text, find_tasks(text))
    assert [(a.mention, a.task_key is None) for a in found] == [("市政府办公室", True), ("科技局", False)]


def test_spans_point_at_the_text():
    text = "1.建平台。(牵头单位:科技局参与单位:各镇街)\n2.育人才。（市人社局牵头，各县区配合）"
    found = find_assignments(text, find_tasks(text))
    assert [a.mention for a in found] == ["科技局", "各镇街", "市人社局", "各县区"]
    for a in found:
        assert text[a.start:a.end] == a.mention
        assert a.clause_start <= a.start < a.end <= a.clause_end


def test_list_closed_by_etc_departments():
    assert units("1.建平台。（市商务局牵头，市发展改革委等部门配合）") == [
        ("市商务局", "lead"), ("市发展改革委", "participant")]


def test_labels_on_separate_lines_are_one_clause():
    text = "1.建设平台。\n牵头单位：市发展改革委\n配合单位：市财政局、市自然资源和规划局"
    assert units_by_clause(text) == [
        ("市发展改革委", "lead", 0), ("市财政局", "participant", 0), ("市自然资源和规划局", "participant", 0)]


def test_label_word_in_prose_without_colon_is_not_a_clause():
    assert units("1.建平台。市发展改革委作为牵头单位要加强统筹。") == []


def test_prose_responsibilities_split_by_commas():
    text = "（一）加强领导。市财政局负责资金保障，市发展改革委牵头，市直有关部门配合。分别由市教育局、市卫生健康委负责。"
    assert units(text) == [("市财政局", "responsible"), ("市发展改革委", "lead"), ("市直有关部门", "participant"),
                           ("市教育局", "responsible"), ("市卫生健康委", "responsible")]


def test_national_division_of_labour():
    text = ("一、稳增长\n1.实施积极的财政政策。（财政部、国家发展改革委、人民银行等按职责分工负责）\n"
            "2.扩大开放。（商务部、外交部、海关总署牵头，证监会配合，地方各级人民政府负责）")
    found = find_assignments(text, find_tasks(text))
    assert [(a.mention, a.role, a.placeholder) for a in found] == [
        ("财政部", "responsible", False), ("国家发展改革委", "responsible", False), ("人民银行", "responsible", False),
        ("商务部", "lead", False), ("外交部", "lead", False), ("海关总署", "lead", False),
        ("证监会", "participant", False), ("地方各级人民政府", "responsible", True)]


def test_other_labels_in_the_clause_are_not_units():
    text = "（一）优化营商环境。（牵头单位：市发展改革委；配合单位：市行政审批服务局；完成时限：2023年底）"
    assert units(text) == [("市发展改革委", "lead"), ("市行政审批服务局", "participant")]


def test_words_ending_like_units_are_not_subjects():
    assert units("1.加强干部队伍。全部负责到底。西部地区配合。") == []


_SEED = (Path(__file__).resolve().parents[2] / "data" / "raw" / "chengwu-2023-key-tasks.txt").read_text("utf-8")


@settings(max_examples=40, deadline=None)
@given(st.integers(0, len(_SEED) - 1), st.integers(50, 3000), st.text(alphabet="（）()、，牵头单位:参与负责配合\n各局1.一、", max_size=30))
def test_any_slice_of_a_real_plan_gives_exact_spans(start, length, noise):
    known = "1.建平台。(牵头单位:科技局)\n"  # a clause of our own first: every text has one known assignment
    text = known + noise + _SEED[start:start + length] + noise
    tasks = find_tasks(text)
    found = find_assignments(text, tasks)
    assert (found[0].mention, found[0].start, found[0].role) == ("科技局", known.index("科技局"), "lead")
    for a in found:
        assert text[a.start:a.end] == a.mention and a.role in ("lead", "responsible", "participant")
        assert a.task_key is None or a.task_key in {t.key for t in tasks}
    assert all(0 <= t.start < t.end <= len(text) for t in tasks)


def test_the_whole_plan_gives_its_clauses_with_exact_spans():
    # The slices above may hold no clause; the whole plan holds 78 (233 mentions in its gold).
    tasks = find_tasks(_SEED)
    found = find_assignments(_SEED, tasks)
    assert len({(a.task_key, a.clause) for a in found}) == 78 and len(found) == 233
    assert all(_SEED[a.start:a.end] == a.mention for a in found)


def test_shared_role_mark_covers_the_names_before_it():
    text = "1.更新设备。\n责任单位：省交通运输厅、省农业农村厅（按职责分工牵头）、省财政厅"
    assert units(text) == [("省交通运输厅", "lead"), ("省农业农村厅", "lead"), ("省财政厅", "responsible")]


def test_single_role_mark_covers_its_own_name():
    text = "1.更新设备。\n责任单位：省商务厅（牵头）、省公安厅、省住房城乡建设厅（配合）"
    assert units(text) == [("省商务厅", "lead"), ("省公安厅", "responsible"), ("省住房城乡建设厅", "participant")]


def test_bracketed_office_labels():
    text = "1.推动公立医院发展。【责任科室】体制改革科（牵头）、医政医管科\n2.完善制度。〔牵头处室〕综合处"
    assert units(text) == [("体制改革科", "lead"), ("医政医管科", "responsible"), ("综合处", "lead")]


def test_carrying_out_verbs_name_who_is_responsible():
    text = ("1.降成本。（国家发展改革委、财政部等按职责分工负责，地方各级人民政府负责落实）\n"
            "2.研发。（责任单位：市科技局；各县级市、区人民政府按职责分工落实）")
    assert units(text) == [("国家发展改革委", "responsible"), ("财政部", "responsible"),
                           ("地方各级人民政府", "responsible"), ("市科技局", "responsible"),
                           ("各县级市、区人民政府", "responsible")]


def test_partner_after_a_modal_or_after_by():
    text = "1.管单车。市城市管理局要会同市交通运输局制定办法。\n2.研发。由市科技局会同市财政局制定细则。"
    assert units(text) == [("市城市管理局", "lead"), ("市交通运输局", "participant"),
                           ("市科技局", "lead"), ("市财政局", "participant")]


def test_a_report_telling_who_will_work_with_whom_assigns_nothing():
    assert units("1.湿地城市。下一步，市湿地城市建设工作专班将会同各责任单位加大推进力度。") == []


def test_prose_partner_list_stops_before_the_verb():
    text = "1.管单车。市城市管理局会同市交通运输局、市公安局交通警察支队制定管理办法。"
    assert units(text) == [("市城市管理局", "lead"), ("市交通运输局", "participant"),
                           ("市公安局交通警察支队", "participant")]


def test_table_header_holds_over_section_rows():
    text = ("序号\t重点任务\t牵头单位\t配合单位\n一、夯实基础\n1\t建设政务云。\t市大数据局\t市财政局\n"
            "二、提升服务\n2\t推进一网通办。\t市行政审批服务局\t市直有关部门")
    assert units(text) == [("市大数据局", "lead"), ("市财政局", "participant"),
                           ("市行政审批服务局", "lead"), ("市直有关部门", "participant")]


def test_bare_verbs_as_labels_need_their_colon():
    text = "1.清单管理。（牵头：市司法局；配合：市直各有关单位）\n2.集中许可。牵头县领导：王丽\n责任人：局长"
    assert units(text) == [("市司法局", "lead"), ("市直各有关单位", "participant")]


def test_other_label_words_for_responsible_and_taking_part():
    text = ("1.安全执法。（实施单位：市应急管理局；参加单位：市公安局）\n2.减证。（责任主体：各县市区人民政府）\n"
            "3.通办。（协作单位：市移动公司）\n4.监管。由市市场监管局牵头，市直有关部门参加。")
    assert units(text) == [("市应急管理局", "responsible"), ("市公安局", "participant"),
                           ("各县市区人民政府", "responsible"), ("市移动公司", "participant"),
                           ("市市场监管局", "lead"), ("市直有关部门", "participant")]


def test_second_header_row_splits_the_spanning_column():
    text = ("序号\t重点任务\t责任单位\t完成时限\n牵头单位\t配合单位\n"
            "1\t推行全程网办。\t县市场监管局\t县税务局、县公安局\t2024年6月")
    assert units(text) == [("县市场监管局", "lead"), ("县税务局", "participant"), ("县公安局", "participant")]


def test_more_role_words_of_real_plans():
    text = ("1.甲。（县政府负总责，县应急管理局具体负责）\n2.乙。（主办：市商务局；协办：市财政局）\n"
            "3.丙。（牵头责任单位：市教育局；配合责任单位：市人社局）\n4.丁。市卫健委负责制定方案。\n5.戊。落实安全生产责任制。")
    assert units(text) == [("县政府", "responsible"), ("县应急管理局", "responsible"), ("市商务局", "responsible"),
                           ("市财政局", "participant"), ("市教育局", "lead"), ("市人社局", "participant"),
                           ("市卫健委", "responsible")]


def test_bracketed_short_label_before_the_task_text():
    text = "1.【牵头：街道平安办】推进网格化管理。配合：各社区党委"
    assert units_by_clause(text) == [("街道平安办", "lead", 0), ("各社区党委", "participant", 1)]


def test_prose_clauses_whose_subject_is_a_predicate_assign_nothing():
    assert units("1.改革。鼓励科研院所牵头或参与建设创新创业共同体。") == []
    assert units("1.改革。推动有效市场和有为政府协同发力。") == []
    assert units("1.推进。开展先行先试的地方行业主管部门负责组织实施。") == []


def test_a_collective_after_hui_tong_ends_at_its_body_word():
    text = "1.保障。省级主管部门会同相关部门研究制定具体措施。"
    assert units(text) == [("省级主管部门", "lead"), ("相关部门", "participant")]


def test_quoted_words_inside_a_unit_name():
    text = "1.推进。(省发展改革委、省科技厅、省“十强产业”协调推进机制牵头部门负责)"
    assert units(text) == [("省发展改革委", "responsible"), ("省科技厅", "responsible"),
                           ("省“十强产业”协调推进机制牵头部门", "responsible")]


def test_prose_subject_with_a_parenthesis_in_its_name():
    text = "1.打击。县公安局、县市场监管局按照职责分工负责，各乡镇（街道）配合。"
    assert units(text) == [("县公安局", "responsible"), ("县市场监管局", "responsible"),
                           ("各乡镇（街道）", "participant")]


def test_a_bare_list_with_one_lead_mark():
    text = "1.推进。（市科技局（牵头）、市财政局、市商务局）"
    assert units(text) == [("市科技局", "lead"), ("市财政局", "responsible"), ("市商务局", "responsible")]
    assert units("1.推进。（如科技创新平台（牵头）、孵化器等）") == []


def test_table_headers_with_a_body_or_a_note_and_cells_with_their_own_labels():
    offices = "序号\t工作事项\t市卫健委内牵头处室\t配合单位\n1\t建设平台\t医政医管处\t市财政局、各区县\n"
    assert units(offices) == [("医政医管处", "lead"), ("市财政局", "participant"), ("各区县", "participant")]
    noted = "序号\t工作任务\t牵头单位（部门）\t责任单位及责任人\n1\t建设平台\t市科技局\t市财政局（局长张三）\n"
    assert units(noted) == [("市科技局", "lead"), ("市财政局", "responsible")]
    labelled = "序号\t工作任务\t责任单位\n1\t建设平台\t牵头：市科技局；配合：市财政局、各区县\n"
    assert units(labelled) == [("市科技局", "lead"), ("市财政局", "participant"), ("各区县", "participant")]


def test_paren_clauses_with_you_or_hui_tong():
    assert units("1.推进。（由市科技局负责）") == [("市科技局", "responsible")]
    assert units("1.推进。（省科技厅会同省财政厅负责）") == [("省科技厅", "lead"), ("省财政厅", "participant")]


def test_mechanisms_described_in_prose_assign_nothing():
    assert units("1.健全机制。建立由市科技局牵头、市财政局配合的工作机制。") == []
    assert units("1.健全机制。建立市发展改革委会同市财政局的协调机制。") == []
    assert units("1.健全机制。形成市科技局牵头、市财政局等部门参与的工作格局。") == []
    # A unit told to build the mechanism is assigned.
    assert units("1.健全机制。由市科技局牵头，建立联席会议制度。") == [("市科技局", "lead")]
    assert units("1.健全机制。市科技局要会同市财政局建立协调机制。") == [("市科技局", "lead"), ("市财政局", "participant")]


@pytest.mark.parametrize("clause, expected", [
    # A participant verb after the list, as a responsible one: X牵头，Y、Z按职责分工配合.
    ("（甲市海关牵头，省贸促会、省商务厅按职责分工配合）",
     [("甲市海关", "lead"), ("省贸促会", "participant"), ("省商务厅", "participant")]),
    # 等相关部门 inside the list names the relevant others (a placeholder); the list goes on after 及.
    ("（应急部、公安部等相关部门及各地区按职责分工负责）",
     [("应急部", "responsible"), ("公安部", "responsible"), ("相关部门", "responsible"), ("各地区", "responsible")]),
    ("（农业农村部、水利部等相关部门按职责分工负责）",
     [("农业农村部", "responsible"), ("水利部", "responsible"), ("相关部门", "responsible")]),
    ("（市财政局等部门和各县区政府按职责分工配合）",
     [("市财政局", "participant"), ("各县区政府", "participant")]),
    ("（市发展改革委牵头，各区县、各部门按职能分工负责）",
     [("市发展改革委", "lead"), ("各区县", "responsible"), ("各部门", "responsible")]),
])
def test_role_verbs_last_with_etc_inside_the_list(clause, expected):
    text = f"1.做好通关服务工作。{clause}"
    found = find_assignments(text, find_tasks(text))
    assert [(a.mention, a.role) for a in found] == expected
    assert all(text[a.start:a.end] == a.mention for a in found)


def test_a_note_that_the_first_unit_leads_holds_from_its_clause_on():
    text = ("（一）加强思政。（甲委宣传部、甲团委负责，列第一位者为牵头部门，下同）\n"
            "（二）弘扬价值观。（甲教育厅、甲文明办负责）\n（三）体育。（甲体育局负责）\n"
            "（四）劳动。（甲人社厅牵头，甲教育厅配合）")
    found = [(a.mention, a.role) for a in find_assignments(text, find_tasks(text))]
    assert found == [("甲委宣传部", "lead"), ("甲团委", "responsible"), ("甲教育厅", "lead"),
                     ("甲文明办", "responsible"), ("甲体育局", "lead"), ("甲人社厅", "lead"), ("甲教育厅", "participant")]
    # Without the note nobody is made lead.
    plain = "（一）弘扬价值观。（甲教育厅、甲文明办负责）"
    assert [a.role for a in find_assignments(plain, find_tasks(plain))] == ["responsible", "responsible"]


def test_task_force_collectives_take_their_role():
    text = "1.扩大开放。（市商务局牵头，市开放型经济工作专班牵头单位按职责分工负责）"
    assert units(text) == [("市商务局", "lead"), ("市开放型经济工作专班牵头单位", "responsible")]
    text = "1.扩大开放。（市开放型经济工作专班牵头单位牵头，市开放型经济工作专班成员单位按职责分工配合）"
    assert units(text) == [("市开放型经济工作专班牵头单位", "lead"), ("市开放型经济工作专班成员单位", "participant")]


def test_schools_and_universities_in_a_list_are_units():
    text = "1.推进。（牵头单位：市教育局，配合单位：市第二中学、甲市老年大学、甲市职业学校）"
    assert units(text) == [("市教育局", "lead"), ("市第二中学", "participant"), ("甲市老年大学", "participant"),
                           ("甲市职业学校", "participant")]


def test_a_record_header_of_a_policy_site_assigns_nothing():
    text = ("文件编号：甲府规〔2025〕3号\n生效日期：2025-01-01\n牵头单位：科学技术局\n有效期至：2027-12-31\n"
            "甲市支持科技创新的若干措施\n一、支持研发\n第一条 支持企业建设研发中心。（责任单位：市科技局）\n")
    assert units(text) == [("市科技局", "responsible")]


def test_a_clause_before_field_lines_is_no_part_of_a_record_header():
    # Three field-like lines after a task (a slice of a scraped page, noise) make a header from the second
    # line on; the task's own clause on the first line stays.
    text = "1.建平台。(牵头单位:科技局)\n\n索引号: 1137/2023-07021\n发布机构: 成武县\n分类: 政府办公室文件\n"
    assert units(text) == [("科技局", "lead")]


def test_labelled_lines_inside_a_task_still_assign():
    text = "1.建设平台。\n牵头单位：市科技局\n配合单位：市财政局\n完成时限：2025年底\n"
    assert units(text) == [("市科技局", "lead"), ("市财政局", "participant")]


@pytest.mark.parametrize("text", ["1.深化改革。破除制约数据中心协同创新的体制障碍。", "1.推进应用。政务数据协同应用效果明显。",
                                  "1.区域合作。推动产业园区协同发展，形成合力。"])
def test_a_role_verb_inside_a_noun_compound_assigns_nothing(text):
    assert units(text) == []


def test_a_joint_verb_after_units_still_assigns():
    assert units("1.推进。（市科技局牵头，市财政局协同）") == [("市科技局", "lead"), ("市财政局", "participant")]


@pytest.mark.parametrize("text", ["1.推进。（市发展改革委、市财政局（牵头）、市商务局按职责分工负责）",
                                  "1.推进。市发展改革委、市财政局（牵头）、市商务局按职责分工负责。"])
def test_a_lead_mark_inside_a_list_before_a_role_verb_changes_that_name_only(text):
    found = find_assignments(text, find_tasks(text))
    assert [(a.mention, a.role) for a in found] == [
        ("市发展改革委", "responsible"), ("市财政局", "lead"), ("市商务局", "responsible")]
    assert all(text[a.start:a.end] == a.mention for a in found)
