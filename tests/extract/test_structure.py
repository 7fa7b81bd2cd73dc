"""Section tree and tasks: numbering styles, levels, false items, and the seed documents."""
from __future__ import annotations

from pathlib import Path

import pytest

from policykit.extract import find_assignments, find_tasks
from policykit.text import read_source

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"


def outline(text: str) -> list[tuple[tuple[str, ...], str, str]]:
    return [(t.path, t.number, t.title) for t in find_tasks(text)]


def read(name: str) -> list[str]:
    path = RAW / name
    return [d.text for d in read_source(path.read_bytes(), str(path)).documents]


def test_headings_whose_children_are_tasks_are_sections():
    text = "一、创新驱动\n（一）建设平台。内容。\n（二）培养人才。内容。\n二、开放\n（一）扩大出口。内容。"
    assert outline(text) == [(("一",), "一", "建设平台"), (("一",), "二", "培养人才"), (("二",), "一", "扩大出口")]


@pytest.mark.parametrize(("marks", "expected_numbers"), [
    (("1.", "2."), ["1", "2"]),
    (("1、", "2、"), ["1", "2"]),
    (("１．", "２．"), ["1", "2"]),
    (("（1）", "（2）"), ["1", "2"]),
    (("(1)", "(2)"), ["1", "2"]),
    (("01、", "02、"), ["01", "02"]),
])
def test_numbering_styles_and_ascii_numbers(marks, expected_numbers):
    text = f"{marks[0]}建设平台。内容。\n{marks[1]}培养人才。内容。"
    assert [t.number for t in find_tasks(text)] == expected_numbers


def test_four_levels_and_sections():
    text = ("一、总体任务\n（一）产业\n1.建设平台\n（1）引进企业。\n（2）培育企业。\n2.培养人才。\n"
            "（二）开放\n1.扩大出口。")
    tasks = find_tasks(text)
    assert [(t.path, t.number) for t in tasks] == [(("一", "一"), "1"), (("一", "一"), "2"), (("一", "二"), "1")]
    assert tasks[0].section == "产业" and "（2）培育企业。" in text[tasks[0].start:tasks[0].end]


def test_articles_and_closing_parenthesis_numbers():
    assert [t.number for t in find_tasks("第一条 加强领导。\n第二条 完善机制。")] == ["一", "二"]
    assert [t.number for t in find_tasks("1）加强领导。\n2）完善机制。")] == ["1", "2"]


def test_sub_points_stay_inside_their_item():
    text = "一、项目建设\n（一）强化谋划。\n一是推进攻坚。内容。\n二是强化服务。内容。\n①细化清单。\n（二）加强保障。"
    tasks = find_tasks(text)
    assert [t.number for t in tasks] == ["一", "二"]
    assert "二是强化服务" in text[tasks[0].start:tasks[0].end]


def test_task_spans_until_the_next_item_of_same_or_higher_level():
    text = "一、创新\n1.建设平台。\n补充说明。\n2.培养人才。\n二、开放\n1.扩大出口。"
    first, second, third = find_tasks(text)
    assert text[first.start:first.end] == "1.建设平台。\n补充说明。"
    assert text[second.start:second.end] == "2.培养人才。"
    assert third.path == ("二",)


def test_dates_and_figures_at_line_start_are_not_items():
    text = "1.建设平台。\n2023年，完成投资。\n1至4月份，增长7.1%。\n3.5万亩良田。\n2.培养人才。"
    assert [t.number for t in find_tasks(text)] == ["1", "2"]


def test_items_inside_one_paragraph_are_not_split():
    text = "1.建设平台。一是引进企业，二是培育企业，1.完善政策。\n2.培养人才。"
    assert [t.number for t in find_tasks(text)] == ["1", "2"]


def test_preamble_list_before_the_outline_is_dropped():
    text = ("写作核心提示:\n1. 明确目标。\n2. 现状分析。\n福州市行动计划\n01、指导思想\n坚持…\n"
            "02、主要任务\n1.加强队伍建设\n内容。\n2.强化教研\n内容。")
    assert outline(text) == [(("02",), "1", "加强队伍建设"), (("02",), "2", "强化教研")]


def test_headings_that_carry_no_work_have_no_tasks():
    text = "一、2019年工作回顾\n（一）经济平稳。\n二、2020年总体要求\n三、2020年主要工作\n（一）突破项目建设。\n四、加强政府自身建设"
    assert outline(text) == [(("三",), "一", "突破项目建设"), ((), "四", "加强政府自身建设")]


def test_heading_joining_frame_and_tasks_keeps_its_tasks():
    text = "一、过去一年工作回顾\n（一）经济增长。\n二、2012年政府工作总体要求和目标任务\n（一）促进多元发展。\n（二）做强服务业。"
    assert [(t.path, t.number) for t in find_tasks(text)] == [(("二",), "一"), (("二",), "二")]


def test_outline_starting_at_two_keeps_the_items_before():
    text = "1、启动布局调整。\n2、制定专项规划。\n二、抓机制保障\n1、建立经费机制。"
    assert [(t.path, t.number) for t in find_tasks(text)] == [((), "1"), ((), "2"), (("二",), "1")]


def test_clause_closing_a_section_makes_it_the_task():
    text = ("一、项目建设\n今年以来进展顺利。\n(一)项目库建设进一步完善。目前在库项目1333个。\n"
            "(二)项目建设进一步提速。\n(牵头单位:市发展改革委)\n二、双招双引\n(一)指标变化。\n(牵头单位:市投资促进局)")
    tasks = find_tasks(text)
    assert [(t.path, t.number, t.title) for t in tasks] == [((), "一", "项目建设"), ((), "二", "双招双引")]
    assert [(a.mention, a.task_key) for a in find_assignments(text, tasks)] == [
        ("市发展改革委", tasks[0].key), ("市投资促进局", tasks[1].key)]


def test_list_restarting_under_an_item_of_its_own_style_is_nested():
    text = ("二、双招双引\n内容。\n(牵头单位:市投资促进局)\n三、环境打造\n一、工作进展情况。内容。\n"
            "二、存在的主要问题。内容。\n三、下步工作措施。内容。\n(牵头单位:市政府办公室)\n四、金融动能转换\n内容。")
    assert [(t.path, t.number) for t in find_tasks(text)] == [((), "二"), ((), "三"), ((), "四")]


def test_keys_are_stable_and_follow_content_not_position():
    text = "一、创新\n1.建设平台。\n2.培养人才。"
    moved = "前言一段。\n" + text
    assert [t.key for t in find_tasks(text)] == [t.key for t in find_tasks(moved)]
    assert len({t.key for t in find_tasks(text)}) == 2


def test_chengwu_81_tasks_78_with_their_leads():
    (text,) = read("chengwu-2023-key-tasks.txt")
    tasks = find_tasks(text)
    assert [t.number for t in tasks] == [str(n) for n in range(1, 82)]
    assert {t.path for t in tasks} == {(n,) for n in "一 二 三 四 五 六 七 八 九 十 十一".split()}
    found = find_assignments(text, tasks)
    leads = {}
    for a in found:
        if a.role == "lead":
            leads.setdefault(a.task_key, []).append(a.mention)
    number = {t.key: t.number for t in tasks}
    assert sorted(int(number[k]) for k in leads) == list(range(1, 79))
    assert leads[tasks[53].key] == ["县商务局", "县发展改革"]  # task 54 says 牵头部门
    assert leads[tasks[13].key] == ["工业和信息化局", "化工产业园管理服务中心"]
    assert len(found) == 233 and sum(a.placeholder for a in found) == 74


@pytest.mark.parametrize("name", ["dongying-2020-apr-progress.txt", "dongying-2020-oct-progress_fuzhou-mental-health-plan.txt"])
def test_dongying_13_work_areas_with_their_lead(name):
    report = next(t for t in read(name) if "项目建设" in t and "牵头单位" in t)
    tasks = find_tasks(report)
    assert [t.number for t in tasks] == "一 二 三 四 五 六 七 八 九 十 十一 十二 十三".split()
    found = find_assignments(report, tasks)
    assert [a.task_key for a in found] == [t.key for t in tasks]
    assert all(a.role == "lead" for a in found)
    assert found[0].mention == "市发展改革委" and found[-1].mention == "中共东营市委政法委员会"


def test_clause_line_under_each_task_stays_with_the_task():
    text = "一、创新\n1.建设平台。内容。\n（牵头单位：市科技局）\n二、开放\n1.扩大出口。\n（牵头单位：市商务局）"
    tasks = find_tasks(text)
    assert [(t.path, t.number) for t in tasks] == [(("一",), "1"), (("二",), "1")]
    assert [a.task_key for a in find_assignments(text, tasks)] == [t.key for t in tasks]


def test_sub_points_that_each_name_units_are_the_tasks():
    text = ("一、粮食生产\n1.稳定粮食生产\n（1）落实面积。（责任单位：县农业农村局）\n（2）建设农田。（责任单位：县财政局）\n"
            "2.抓好供给\n（1）稳定生猪。（责任单位：县农业农村局）\n（2）发展蔬菜。")
    assert outline(text) == [(("一", "1"), "1", "落实面积"), (("一", "1"), "2", "建设农田"),
                             (("一", "2"), "1", "稳定生猪"), (("一", "2"), "2", "发展蔬菜")]


def test_sub_points_without_their_own_units_stay_inside():
    text = "一、粮食\n1.稳定生产\n（1）落实面积。\n（2）建设农田。\n（责任单位：县农业农村局）"
    assert [number for _, number, _ in outline(text)] == ["1"]


def test_closing_prose_section_is_no_task():
    text = ("一、指导思想\n坚持以人民为中心。\n二、主要任务\n（一）改造小区。（区住建局负责）\n（二）整治城中村。\n"
            "三、保障措施\n各街道、各部门要加强统筹协调。")
    assert [number for _, number, _ in outline(text)] == ["一", "二"]
    # the same heading naming who is responsible is a task
    assert outline(text + "（区政府办负责）")[-1] == ((), "三", "保障措施")


def test_chapters_and_sections_of_a_five_year_plan():
    text = ("第一章 发展基础\n“十三五”时期成效明显。\n第二章 主要任务\n第一节 健全体制\n一、完善指挥体系。（责任单位：省应急管理厅）\n"
            "二、健全预案。\n第二节 提升能力\n一、加强监测预警。\n第三章 保障措施\n各地各部门要加强组织领导。")
    assert outline(text) == [(("二", "一"), "一", "完善指挥体系"), (("二", "一"), "二", "健全预案"),
                             (("二", "二"), "一", "加强监测预警")]
