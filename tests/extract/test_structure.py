"""Section tree and tasks: numbering styles, levels, false items, and the seed documents."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# Class 2: numbering in every Unicode dress, decided by the sequence.

@pytest.mark.parametrize(("first", "second", "number"), [
    ("1﹒", "2﹒", "1"), ("１．", "２．", "1"), ("1．", "2．", "1"), ("⑴", "⑵", "1"), ("⒈", "⒉", "1"),
    ("㈠", "㈡", "1"), ("1)", "2)", "1"), ("1）", "2）", "1"), ("①", "②", "1"), ("第一条", "第二条", "一"),
])
def test_every_dress_of_a_number_marks_an_item(first, second, number):
    tasks = find_tasks(f"{first}建设平台。内容。\n{second}培养人才。内容。")
    assert [t.number for t in tasks][:1] == [number] and len(tasks) == 2
    assert tasks[0].title == "建设平台"


@pytest.mark.parametrize("indent", ["\u2003\u2003", "\u00a0\u00a0", "\t", "\u3000\u3000", " "])
def test_indented_items_are_items(indent):
    text = f"一、创新\n{indent}1.建设平台。\n{indent}2.培养人才。"
    assert outline(text) == [(("一",), "1", "建设平台"), (("一",), "2", "培养人才")]


def test_item_run_in_after_the_previous_items_closing_clause():
    text = "一、创新\n1.建设平台。（牵头单位：市科技局；配合单位：市财政局）2.培养人才。\n3.扩大开放。"
    assert outline(text) == [(("一",), "1", "建设平台"), (("一",), "2", "培养人才"), (("一",), "3", "扩大开放")]


def test_number_run_into_digits_is_an_item_where_the_sequence_expects_it():
    items = "\n".join(f"{n}.开展第{n}项工作。" for n in range(1, 11))
    text = f"{items}\n11.121人才工程扩容。\n1.2018年底前完成改造。"
    tasks = find_tasks("一、人才\n" + text.rsplit("\n", 1)[0] + "\n二、改造\n" + text.rsplit("\n", 1)[1])
    assert [(t.path, t.number, t.title) for t in tasks[-2:]] == [
        (("一",), "11", "121人才工程扩容"), (("二",), "1", "2018年底前完成改造")]
    # a decimal at a line start where no item is expected stays text
    assert [t.number for t in find_tasks("1.建设平台。\n3.5万亩良田。\n2.培养人才。")] == ["1", "2"]


def test_more_than_999_items_at_one_level_are_not_merged():
    text = "\n".join(f"{n}.完成第{n}项任务。" for n in range(1, 1003))
    tasks = find_tasks(text)
    assert len(tasks) == 1002 and tasks[-1].number == "1002" and tasks[-1].title == "完成第1002项任务"


def test_enumerations_and_cross_references_are_not_items():
    text = "1.建设地铁，开通3、4号线。\n2.评选一、二、三等奖。按第十二条规定执行。\n3.培养人才。"
    assert [t.number for t in find_tasks(text)] == ["1", "2", "3"]


def test_items_continue_in_the_dress_they_started_in():
    text = "一、交通\n1.建设地铁。内容。\n2.建设公路。内容，推进2、3期工程。3.推进水运。\n二、能源"
    assert [t.number for t in find_tasks(text) if t.path == ("一",)] == ["1", "2", "3"]
    assert [t.number for t in find_tasks("1.建设地铁。内容2、推进3、\n2.建设公路。")] == ["1", "2"]


# Class 3: text whose line breaks a scraper removed.

PLAN = ("某市数字经济行动计划\n为加快发展，制定本方案。\n一、总体要求\n（一）指导思想。坚持创新驱动。\n"
        "（二）主要目标。到2025年，产业规模达到100亿元。\n二、重点任务\n（一）壮大核心产业\n"
        "1.培育龙头企业。支持企业做大做强。（牵头单位：市工业和信息化局）\n"
        "2.建设产业园区。推进园区建设。（牵头单位：市发展改革委；配合单位：各区政府）\n"
        "（二）推进融合应用\n3.发展智能制造。实施改造项目。（牵头单位：市工业和信息化局）\n"
        "4.2025年底前建成平台。内容。\n三、保障措施\n（一）加强组织领导。建立工作机制。\n（二）强化要素保障。加大投入。")


def _flatten(text: str, separator: str) -> str:
    return separator.join(line.strip() for line in text.split("\n"))


@pytest.mark.parametrize("separator", ["", "\u3000\u3000", "  "])
def test_a_plan_on_one_line_has_the_tasks_of_its_line_broken_form(separator):
    flat = _flatten(PLAN, separator)
    assert "\n" not in flat
    assert outline(flat) == outline(PLAN)
    assert [n for _, n, _ in outline(PLAN)] == ["1", "2", "3", "4", "一", "二"]


def test_a_paragraphs_own_inline_list_stays_inside_it():
    text = ("一、重点任务\n（一）建设平台。主要包括：（一）建设实验室；（二）建设中试基地。内容。\n"
            "（二）培养人才。内容。\n二、保障措施\n加强领导。")
    assert [n for _, n, _ in outline(text)] == ["一", "二"]


from hypothesis import given, settings, strategies as st  # noqa: E402

_CN_NUM = "一二三四五六七八九十"


@st.composite
def _outlines(draw):
    """A plan of 2–5 sections, each with 1–6 numbered items numbered on or restarting per section (on one
    line a single item under a single heading shows no sequence to read)."""
    sections = draw(st.lists(st.integers(1, 6), min_size=2, max_size=5))
    restart = draw(st.booleans())
    lines, n = ["某县重点工作任务", "为推进工作，制定本方案。"], 0
    for i, count in enumerate(sections):
        lines.append(f"{_CN_NUM[i]}、第{_CN_NUM[i]}方面工作")
        n = 0 if restart else n
        for _ in range(count):
            n += 1
            lines.append(f"{n}.推进事项{n}。完成建设{n * 7}个。（牵头单位：县发展改革局）")
    return "\n".join(lines)


@settings(max_examples=40, deadline=None)
@given(_outlines(), st.sampled_from(["", "\u3000\u3000"]))
def test_line_breaks_do_not_decide_the_tasks(text, separator):
    assert outline(_flatten(text, separator)) == outline(text)


# Class 7: what never yields tasks.

PAGE = ("首页 > 政务公开 > 政策文件\n1.政府信息公开\n2.政策解读\n索 引 号：11370000/2024-00012\n某县2024年重点工作任务\n"
        "一、产业发展\n1.培育工业企业。（牵头单位：县工信局）\n2.建设产业园区。（牵头单位：县发改局）\n"
        "二、社会民生\n1.完善养老服务。（牵头单位：县民政局）\n抄送：县委办公室。\n1.县委各部门\n2.县人民法院\n"
        "某县人民政府办公室 2024年3月1日印发\n相关链接：\n1.国务院\n2.省政府")


def test_site_chrome_scraper_headers_and_footers_yield_no_tasks():
    tasks = find_tasks(PAGE)
    assert outline(PAGE) == [(("一",), "1", "培育工业企业"), (("一",), "2", "建设产业园区"), (("二",), "1", "完善养老服务")]
    assert PAGE[tasks[-1].start:tasks[-1].end] == "1.完善养老服务。（牵头单位：县民政局）"


def test_a_second_text_after_a_footer_keeps_its_tasks():
    text = PAGE.replace("相关链接：\n1.国务院\n2.省政府", "一、附件任务\n1.推进招商。")
    assert outline(text)[-1] == (("一",), "1", "推进招商")


def test_articles_about_the_text_itself_or_its_purpose_are_no_tasks():
    text = ("第一条 为规范专项资金管理，结合本市实际，制定本办法。\n第二条 本办法所称专项资金是指市财政安排的资金。\n"
            "第三条 市商务局负责资金的申报和审核。\n第四条 本办法由市商务局负责解释。\n第五条 本办法自印发之日起施行。")
    assert [n for _, n, _ in outline(text)] == ["三"]


def test_articles_after_paragraphs_with_spaced_amounts_are_kept():
    from tests.extract.test_tables import SPACED_PROSE

    text = "一、支持创作\n" + SPACED_PROSE + "第七条 【支持版权交易】对交易额达到 100 万元以上的，给予 5 万元奖励。（责任单位：区商务局）\n"
    assert [t.number for t in find_tasks(text)] == ["五", "六", "七"]


def test_supplementary_provisions_are_no_task():
    text = ("一、支持创作\n第一条 支持动画创作。（责任单位：区文化局）\n第二条 支持版权登记。（责任单位：区版权局）\n"
            "二、附则\n本措施自印发之日起施行，有效期三年。同一项目按从高不重复原则支持。\n")
    assert [(t.path, t.number) for t in find_tasks(text)] == [(("一",), "一"), (("一",), "二")]


@pytest.mark.parametrize(("text", "numbers"), [
    # A line wrapped before an amount: 2.5万元 (also spaced, 2.5 万元) is money, never item 2.
    ("1.支持研发。对企业最高奖励\n2.5万元。\n3.加强人才。", ["1", "3"]),
    ("一、总体\n1.支持研发，每家企业奖励\n2.5 万元。\n2.加强人才。", ["一", "1", "2"]),
    ("1.支持研发。给予不超过\n2.5%的贴息。\n2.加强人才。", ["1", "2"]),
    # A count after the number may open an item's title (2.10个重点项目: item 2).
    ("1.推进改造。\n2.10个重点项目开工。", ["1", "2"]),
])
def test_a_number_followed_by_an_amount_or_a_percent_is_no_item_mark(text, numbers):
    from policykit.extract._numbering import find_marks

    marks = find_marks(text)
    assert [m.number for m in marks] == numbers
    assert not any(text.startswith("2.5", m.start) for m in marks)


@pytest.mark.parametrize(("text", "numbers"), [
    # Bare numbers run into their title, in sequence across the sections, are the items.
    ("一、任务\n（一）甲行动\n1推进平台建设。\n2培育骨干企业。\n（二）乙行动\n3建设人才队伍。\n4优化营商环境。\n",
     ["一", "一", "1", "2", "二", "3", "4"]),
    # A glyph of the source's font (a private-use character) between the number and the title.
    ("一、任务\n1\ue010推进平台建设。\n2\ue010培育骨干企业。\n3\ue010优化环境。\n", ["一", "1", "2", "3"]),
    # A list restarted at 1 may be short once the document has shown a run of three.
    ("一、甲\n1推进建设。\n2培育企业。\n3优化环境。\n二、乙\n1扩大开放。\n2深化合作。\n", ["一", "1", "2", "3", "二", "1", "2"]),
    # Two in a row only, or numbers out of sequence: no list.
    ("一、任务\n1推进平台建设。\n2培育骨干企业。\n", ["一"]),
    ("一、任务\n1推进平台建设。\n5培育骨干企业。\n9优化环境。\n", ["一"]),
    # A number with its unit opening a line is a quantity, even in sequence.
    ("一、任务\n1推进建设。\n2培育企业。\n3个项目开工。\n", ["一"]),
    ("一、任务\n10月底前完成。\n11月底前验收。\n12月底前总结。\n", ["一"]),
    # Inside a line a bare number is never a mark.
    ("一、任务\n全年建设1批平台，培育2批企业，引进3批人才。\n", ["一"]),
])
def test_bare_numbers_in_sequence_at_line_starts_are_items(text, numbers):
    from policykit.extract._numbering import find_marks

    assert [m.number for m in find_marks(text)] == numbers


def test_bare_numbered_items_are_tasks_under_their_sections():
    text = "一、任务\n（一）甲行动\n1推进平台建设。\n2培育骨干企业。\n（二）乙行动\n3建设人才队伍。\n"
    assert [(t.path, t.number, t.title) for t in find_tasks(text)] == [
        (("一", "一"), "1", "推进平台建设"), (("一", "一"), "2", "培育骨干企业"), (("一", "二"), "3", "建设人才队伍")]


_VERBS = ["推进", "培育", "建设", "优化", "深化", "扩大"]


@given(st.integers(min_value=1, max_value=30), st.integers(min_value=1, max_value=8),
       st.lists(st.sampled_from(_VERBS), min_size=8, max_size=8))
@settings(max_examples=60, deadline=None)
def test_a_bare_run_is_a_list_only_from_three_in_sequence(first, length, verbs):
    from policykit.extract._numbering import find_marks

    lines = "".join(f"{first + i}{verbs[i]}工作。\n" for i in range(length))
    expected = [str(first + i) for i in range(length)] if length >= 3 else []
    assert [m.number for m in find_marks("一、任务\n" + lines)][1:] == expected


@pytest.mark.parametrize("heading", ["第五条 【附则】", "第五条 附则", "三、附则", "第三章 附则"])
def test_supplementary_provisions_and_their_items_are_no_tasks(heading):
    text = ("一、支持创作\n第一条 支持动画创作。（责任单位：区文化局）\n第二条 支持版权登记。\n"
            f"{heading}\n（一）本措施所称小企业，指年营收低于一百万元的企业。\n（二）有下列情形的不予支持：\n"
            "1.材料造假的；\n2.列入失信名单的。\n（三）申报请登录区服务平台。\n")
    numbers = [t.number for t in find_tasks(text)]
    assert numbers[:2] == ["一", "二"] and len(numbers) == 2


def test_a_heading_that_merely_mentions_provisions_keeps_its_tasks():
    text = "一、任务\n（一）修订附则条款，完善管理办法。\n（二）建设服务平台。\n"
    assert [t.number for t in find_tasks(text)] == ["一", "二"]


def test_the_items_of_an_article_are_its_parts():
    text = ("第一条 【支持研发】对符合下列条件的企业给予奖励：\n（一）年营收达到一千万元以上；\n（二）研发投入增长百分之十以上。\n"
            "第二条 【支持上市】企业上市的，按下列标准奖励：\n1.主板上市的，奖励一百万元；\n2.新三板挂牌的，奖励五十万元。\n"
            "第三条 【加强宣传】通过多种方式宣传政策。\n")
    tasks = find_tasks(text)
    assert [(t.path, t.number) for t in tasks] == [((), "一"), ((), "二"), ((), "三")]
    assert "（二）研发投入" in text[tasks[0].start:tasks[0].end]


def test_items_of_an_article_that_each_name_who_is_responsible_are_tasks():
    text = ("第一条 各部门按分工推进以下工作：\n（一）建设服务平台。（责任单位：区科技局）\n"
            "（二）培育骨干企业。（责任单位：区商务局）\n第二条 加强宣传。\n")
    assert [(t.path, t.number) for t in find_tasks(text)] == [(("一",), "一"), (("一",), "二"), ((), "二")]


def test_an_article_about_the_text_itself_is_no_task_with_its_parts():
    text = "第一条 支持研发。\n第二条 支持上市。\n第三条 本办法所称企业，包括：\n（一）法人企业；\n（二）个体工商户。\n"
    assert [t.number for t in find_tasks(text)] == ["一", "二"]


@pytest.mark.parametrize(("heading", "kept"), [
    ("第一条 【支持对象】在本区登记的小微企业。", False),
    ("第一条 申报条件\n在本区登记的小微企业可以申报。", False),
    ("第一条 【申报条件与奖励标准】符合条件的企业给予奖励。", True),
    ("第一条 【培育优质企业】扶持对象为小微企业，给予奖励。", True),
])
def test_a_heading_that_only_names_who_qualifies_is_no_task(heading, kept):
    text = f"{heading}\n第二条 【支持研发】对研发投入给予奖励。\n第三条 【加强宣传】宣传政策。\n"
    numbers = [t.number for t in find_tasks(text)]
    assert numbers == (["一", "二", "三"] if kept else ["二", "三"])


@pytest.mark.parametrize("heading, tasks_below", [
    ("发展环境", False),            # the background section of a plan: its items look back
    ("发展基础与面临形势", False),   # the same, named with a conjunction
    ("发展环境优化行动", True),       # a heading that acts on the environment carries work
    ("发展基础能力提升工程", True),
])
def test_a_no_work_word_names_a_section_only_when_the_heading_stops_there(heading, tasks_below):
    text = ("二、重点任务\n（一）创新行动。\n1.建设平台。做好工作。（责任单位：市科技局）\n"
            f"（二）{heading}。\n2.培育企业。推进工作。（责任单位：市工业局）\n3.引进人才。开展工作。（责任单位：市人社局）\n")
    numbers = [task.number for task in find_tasks(text)]
    assert numbers == (["1", "2", "3"] if tasks_below else ["1"])


def test_a_heading_over_an_indicator_table_alone_is_no_task():
    text = "一、主要指标\n指标\t2023年\t2025年\n增速（%）\t3\t5\n二、重点任务\n建设平台。\n三、保障\n加强领导。"
    assert [t.number for t in find_tasks(text)] == ["二", "三"]
