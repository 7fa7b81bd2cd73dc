"""Figures a plan states that are not aims (scope, basis, label, rule, bound, condition), and the aims beside them.

Each class has a case that drops and a near case that stays, so a rule that drops everything fails too.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykit.extract import find_instruments, find_quantities, find_targets
from policykit.text import DocumentMetadata

REPORT = DocumentMetadata(year=2026, doc_type="key_tasks")
MEASURES = DocumentMetadata(year=2024, doc_type="policy_measures")


def values(text, metadata=REPORT):
    return [(t.value, t.unit) for t in find_targets(text, (), metadata)]


@pytest.mark.parametrize(("text", "expected"), [
    # a working verb on things that exist: the count is the scope of the work
    ("抓好320个市重点项目。", []),
    ("扎实推进25项重大改革、18项科研攻关和9项重点工程。", []),
    ("统筹用好两个市场两种资源。", []),
    ("围绕9条重点产业链，开展对接活动。", []),
    # ... unless the counted phrase names a result, a frame sets the figure or a comparator bounds it
    ("推进12个老旧街区环境整治。", [("12", "个")]),
    ("推进8条河道生态流量达标。", [("8", "条")]),
    ("力争推进30个重大项目。", [("30", "个")]),
    ("推进30个以上重大项目。", [("30", "个")]),
    ("围绕主导产业形成20个应用场景。", [("20", "个")]),
])
def test_a_count_of_things_worked_on_is_scope_unless_framed_as_an_aim(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("每6所中学配备1名法治副校长。", []),  # a staffing ratio
    ("每千人口执业医师数达到3.5人。", [("3.5", "人")]),  # a rate set as an aim
    ("每个乡镇至少建成1所公办幼儿园。", [("1", "所")]),
])
def test_the_basis_of_a_ratio_is_no_target(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("修订一类、二类、三类托育机构建设标准。", []),  # grade labels
    ("科研院所可按照不低于40%的比例用于人员奖励。", []),  # a rule applied
    ("落实研发费用税前100%加计扣除政策。", []),  # a tax rule
    ("研发投入强度达到3%。", [("3", "%")]),
    ("地铁站300米内公交接驳比例达到95%。", [("95", "%")]),  # the 300米 bounds the metric
    ("政务服务事项压缩至5个工作日内办结。", [("5", "个工作日")]),
    ("各高校按师生比不低于1∶3000配备专职教师。", []),  # a ratio
    ("分两期建设。", []),
])
def test_labels_rules_and_bounds_of_a_metric_are_no_targets(text, expected):
    assert values(text) == expected


def test_the_condition_of_a_payment_is_a_threshold_instrument_not_a_target():
    text = "对引进的企业，年营业收入首次达到3000万元、8000万元的，分别给予最高20万元、60万元奖励。"
    assert values(text, MEASURES) == []
    kinds = [(i.kind, i.amount, i.unit) for i in find_instruments(text, (), MEASURES)]
    assert ("threshold", "3000", "万元") in kinds and ("threshold", "8000", "万元") in kinds
    assert [amount for kind, amount, _ in kinds if kind in ("award", "subsidy")] == ["20", "60"]
    # a payment rate followed by 的 is the payment, not a condition of it
    assert [i.kind for i in find_instruments("给予不超过投资额20%的补助。", (), MEASURES)] == ["subsidy"]
    # an aim in the sentence keeps the figure a target
    assert values("力争到2027年，年营业收入达到3000万元的企业增加到50家，给予奖励。") != []


def test_a_list_of_graded_awards_are_payments():
    text = "对获奖项目给予特等奖80万元、一等奖40万元、二等奖20万元奖励。"
    assert values(text, MEASURES) == []
    assert [i.amount for i in find_instruments(text, (), MEASURES)] == ["80", "40", "20"]


def test_items_of_a_quoted_slogan_are_not_items_of_the_list():
    assert values("“一企一策、一室一策”支持东湖、南山、北岭3个省实验室高效运营。") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("在2000个小区设置智能回收设施。", [("2000", "个")]),  # done in so many places
    ("在全市16个区开展宣传。", []),  # the whole of an existing set
    ("建立覆盖主要行业的300个左右实训基地。", [("300", "个")]),  # a bounded count after 的 is an aim
    ("入库的61个项目。", []),
])
def test_where_and_described_sets(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("力争全市软件产业规模过千亿。", [("1000", "亿", ">", "100000000000", None)]),
    ("营业收入超百亿元，", [("100", "亿元", ">", "10000000000", "元")]),
    ("产值突破千亿元。", [("1000", "亿元", ">", "100000000000", "元")]),
    ("死亡率控制在0.5人/百亿元以下", [("0.5", "人/百亿元", "<=", "0.5", "人/百亿元")]),
    ("通过百姓议事会协商。", []),  # 过 inside a word
    ("千方百计稳就业。", []),
])
def test_bare_scale_thresholds_and_per_scale_units(text, expected):
    assert [(str(q.value), q.unit, q.comparator, str(q.base_value), q.base_unit) for q in find_quantities(text)] == expected


def test_a_bare_scale_size_class_keeps_its_noun_in_the_metric():
    found = find_targets("销售收入超亿元的企业达到30家。", (), REPORT)
    assert [(t.value, t.unit) for t in found] == [("30", "家")]
    assert "超亿元" in found[0].metric


def test_a_standard_in_an_earlier_clause_does_not_hide_the_payment_after_it():
    text = "对首次达到限额以上商贸企业标准的，给予3万元支持。"
    assert values(text, MEASURES) == []
    assert [(i.kind, i.amount) for i in find_instruments(text, (), MEASURES)] == [("subsidy", "3")]
    # the standard itself raised in the same clause is the growth of a standard, not a payment
    assert values("生活补助标准提高8%。") == [("8", "%")]


@pytest.mark.parametrize(("text", "expected"), [
    # a sentence of thresholds led by a threshold word and a colon
    ("入库门槛如下：批发业年度销售额3000万元以上，餐饮业年度营业额300万元以上。", []),
    ("申报条件：研发人员占比不低于10%，年销售收入5000万元以上。", []),
    # a definition: its figures draw a line
    ("本措施所称成长型企业，是指上年度营业收入800万元以上的企业。", []),
    # a condition closing with 的 before what follows it
    ("年度考核连续两次不合格的，取消其资格。", []),
    ("自通知之日起15个工作日内未提交材料的，视为放弃。", []),
    # ... while aims stay: a judgement on the figure, an aim year, a plain aim sentence
    ("今年的经济增长目标定为6%左右是适宜的，也是可行的。", [("6", "%")]),
    ("到2027年，年营业收入500万元以上的企业达到80家。", [("80", "家")]),
    ("批发业年度销售额达到3000万元以上。", [("3000", "万元")]),
])
def test_thresholds_of_who_qualifies_are_no_targets(text, expected):
    assert values(text, MEASURES) == expected


def test_a_listed_threshold_is_a_threshold_instrument():
    text = "认定标准如下：年营业收入2000万元以上，从业人员30人以上。"
    assert [(i.kind, i.amount) for i in find_instruments(text, (), MEASURES)] == [("threshold", "2000"), ("threshold", "30")]


@pytest.mark.parametrize(("text", "expected"), [
    ("做好污水管网建设，避免二次污染。", []),  # 二 alone before a classifier and a word: a compound
    ("推动退役电池二次利用。", []),
    ("近期连续4个考核周期未发生事故。", []),  # the length of a run: a condition
    ("连续三次抽检合格后降低频次。", []),
    # counts of occasions stay: 两 counts, a comparator bounds, a multi-digit numeral counts
    ("每年组织两次应急演练。", [("2", "次")]),
    ("每年开展不少于二次联合检查。", [("2", "次")]),
    ("全年举办十二次招聘会。", [("12", "次")]),
])
def test_occasions_named_not_counted_are_no_targets(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a count the document quotes as a name elsewhere names that set
    ("每年发布“四张清单”。健全四张清单动态调整机制。", []),
    ("支持东区、西区、北区创新中心（以下简称“三个中心”）建设。推动三个中心开放共享。", []),
    # ... a count of other things stays, even with the same numeral and classifier
    ("每年发布“四张清单”。新建四张数据网络。", [("4", "张")]),
    ("建成四张清单。", [("4", "张")]),
])
def test_a_count_quoted_as_a_name_elsewhere_names_a_set(text, expected):
    assert values(text) == expected


def test_a_threshold_list_runs_across_semicolons():
    text = "补助标准为：甲类项目每个8万元，乙类项目每个5万元；丙类项目每个2万元。"
    assert values(text, MEASURES) == []


def test_items_of_a_list_a_threshold_line_leads_are_no_targets():
    text = ("第七条 申报企业应具备下列条件：\n（一）上年度营业收入800万元以上；\n\n（二）研发人员不少于15人。\n"
            "第八条 到2026年，培育示范企业30家。\n（一）新增上云企业200家。")
    assert values(text, MEASURES) == [("30", "家"), ("200", "家")]  # the next 第N条 closes the list
    unmarked = "驾驶员应符合以下条件：\n（一）具有5年以上驾龄；\n二、发展目标\n新增充电桩300个。"
    assert values(unmarked, MEASURES) == [("300", "个")]  # a line with no outline mark closes it


_METRICS = st.sampled_from(["年营业收入", "研发投入", "纳税额", "从业人员", "出口额"])
_UNITS = st.sampled_from(["万元", "亿元", "人", "%"])
_CUES = st.sampled_from(["以上", "", "以下"])


@settings(max_examples=60, deadline=None)
@given(_METRICS, st.integers(min_value=1, max_value=99999), _UNITS, _CUES)
def test_a_figure_in_a_condition_or_a_threshold_list_is_never_a_target_but_the_same_aim_is(metric, n, unit, cue):
    figure = f"{metric}{n}{unit}{cue}"
    assert values(f"企业{figure}的，予以通报。", MEASURES) == []
    assert values(f"申报条件如下：{figure}，信用良好。", MEASURES) == []
    assert values(f"到2027年，{metric}达到{n}{unit}{cue}。", MEASURES) == [(str(n), unit)]


def test_every_figure_of_a_list_the_payment_word_closes_is_paid():
    text = "对新认定的中心，分别给予承建单位国家级400万元、省级60万元、市级15万元的资助。"
    assert values(text, MEASURES) == []
    assert [i.amount for i in find_instruments(text, (), MEASURES)] == ["400", "60", "15"]
    # a list with no payment word stays a list of aims
    assert values("建成充电桩4000个、换电站30个。") == [("4000", "个"), ("30", "个")]


def test_an_amount_before_de_and_a_payment_word_is_paid_not_a_qualifier():
    assert [(i.kind, i.amount) for i in find_instruments("对入选的团队给予60万元的奖励。", (), MEASURES)] == [("award", "60")]
    # the figure of a described set is still a threshold
    assert [i.kind for i in find_instruments("营业收入首次突破8亿元的企业，给予奖励。", (), MEASURES)] == ["threshold"]


def test_a_ceiling_on_money_after_a_payment_caps_the_payment():
    text = "按设备投资额的15%给予补助，单个项目不超过80万元。"
    assert values(text, MEASURES) == []
    assert [(i.kind, i.amount) for i in find_instruments(text, (), MEASURES)] == [("subsidy", "15"), ("cap", "80")]
    # a ceiling on money with no payment, or set as an aim, stays a target
    assert values("政府债务余额控制在300亿元以内。") == [("300", "亿元")]
    assert values("给予政策支持，力争年度亏损控制在5亿元以内。") == [("5", "亿元")]
