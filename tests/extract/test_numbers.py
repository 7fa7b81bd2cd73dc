"""The number reader: exact decimals, Chinese numerals, scales, ranges and comparator words."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykit.extract._numbers import find_quantities, normalise_digits, read_number

DIGITS = "零一二三四五六七八九"


def quantity(text: str):
    """The single quantity of a short text."""
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


# -- regression cases that existing libraries get wrong ------------------------------------------

def test_16_4_yi_is_exact():
    assert read_number("16.4亿") == Decimal(1640000000)
    q = quantity("全年实现收入16.4亿元")
    assert (q.value, q.unit, q.base_value, q.base_unit) == (Decimal("16.4"), "亿元", Decimal(1640000000), "元")
    assert str(q.base_value) == "1640000000"


def test_abbreviated_chinese_numerals():
    assert read_number("三万五") == 35000
    assert read_number("一千二百") == 1200
    assert read_number("两万") == 20000
    assert read_number("十二") == 12
    assert read_number("一亿五") == 150000000
    assert read_number("一百零五") == 105


def test_adjacent_digits_are_a_range_not_a_number():
    q = quantity("建设两三个示范区")
    assert (q.value, q.value_high, q.unit, q.comparator) == (2, 3, "个", "range")


def test_percent_in_words_is_exact():
    assert read_number("百分之一点五七") == Decimal("1.57")
    q = quantity("降低百分之一点五七")
    assert (q.value, q.unit, q.base_unit) == (Decimal("1.57"), "%", "%")


def test_unit_between_number_and_condition():
    q = quantity("接待游客20万人次以上")
    assert (q.value, q.unit, q.comparator) == (20, "万人次", ">=")
    assert (q.base_value, q.base_unit) == (200000, "人次")


# -- units, scales, ranges, approximations -------------------------------------------------------

@pytest.mark.parametrize("text, value, high, unit, comparator", [
    ("增长6-6.5%", "6", "6.5", "%", "range"),
    ("增长6.5%－7%", "6.5", "7", "%", "range"),
    ("创作1或2部作品", "1", "2", "部", "range"),
    ("建设32-36个", "32", "36", "个", "range"),
    ("力争为100余家企业", "100", None, "家", ">="),
    ("投资1400多万元", "1400", None, "万元", ">="),
    ("达到3万千瓦以上", "3", None, "万千瓦", ">="),
    ("控制在1.9亿立方米以内", "1.9", None, "亿立方米", "<="),
    ("实施5项左右", "5", None, "项", "≈"),
    ("约200人", "200", None, "人", "≈"),
    ("近2万亿元", "2", None, "万亿元", "≈"),
    ("失业率低于4.6%", "4.6", None, "%", "<"),
    ("超过6000万人", "6000", None, "万人", ">"),
    ("不少于800户", "800", None, "户", ">="),
    ("至少入选一人", "1", None, "人", ">="),
    ("提高0.5个百分点", "0.5", None, "个百分点", "="),
    ("完成森林抚育0.25万亩", "0.25", None, "万亩", "="),
    ("浓度控制在30微克/立方米以内", "30", None, "微克/立方米", "<="),
    ("能耗降至0.45吨标准煤/万元", "0.45", None, "吨标准煤/万元", "="),
    ("服务企业超过1000家次", "1000", None, "家次", ">"),
    ("举办活动不少于100场次", "100", None, "场次", ">="),
    ("培育三至五家", "3", "5", "家", "range"),
    ("二级医院两至三家", "2", "3", "家", "range"),
    ("打造10至15家", "10", "15", "家", "range"),
    ("建设二三十个", "20", "30", "个", "range"),
    ("就业5万—8万人", "5", "8", "万人", "range"),
])
def test_quantities(text, value, high, unit, comparator):
    q = quantity(text)
    assert str(q.value) == value
    assert (None if q.value_high is None else str(q.value_high)) == high
    assert (q.unit, q.comparator) == (unit, comparator)


def test_fractions_read_as_percent():
    q = quantity("占比超过三成")
    assert (q.value, q.unit, q.base_value, q.base_unit) == (3, "成", 30, "%")
    q = quantity("一半以上")
    assert (q.base_value, q.base_unit, q.comparator) == (50, "%", ">=")


def test_kilowatt_is_a_unit_not_a_thousand():
    q = quantity("装机300千瓦")
    assert (q.value, q.unit, q.base_value) == (300, "千瓦", 300)


def test_full_width_digits_keep_offsets():
    text = "新增１６．４万亩"
    q = quantity(text)
    assert (q.value, q.unit) == (Decimal("16.4"), "万亩")
    assert text[q.number_start:q.end] == "１６．４万亩"
    assert normalise_digits("１２％") == "12%"


@pytest.mark.parametrize("text", ["“一企一平台”", "十有两禁", "一二三产业融合", "十四五", "千家万户", "千方百计", "5G网络"])
def test_names_and_idioms_are_no_quantities(text):
    assert find_quantities(text) == ()


def test_bare_ordinals_and_document_numbers_are_skipped():
    assert find_quantities("1.完善实验室体系") == ()
    assert find_quantities("国发202218") == ()


@pytest.mark.parametrize("numeral", ["十四五", "一二三", "abc", "", "十十", "三百二千"])
def test_not_a_numeral_reads_as_none(numeral):
    assert read_number(numeral) is None


# -- properties ----------------------------------------------------------------------------------

def to_chinese(n: int) -> str:
    """Format a non-negative integer below 10^16 as standard Chinese numerals."""
    if n == 0:
        return "零"

    def below_10000(k: int) -> str:
        out, zero = "", False
        for unit, size in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
            digit = k // size % 10
            if digit:
                if zero and out:
                    out += "零"
                out += DIGITS[digit] + unit
                zero = False
            else:
                zero = True
        return out

    groups = [(n // 10**12) % 10**4, (n // 10**8) % 10**4, (n // 10**4) % 10**4, n % 10**4]
    out = ""
    for group, word in zip(groups, ("万亿", "亿", "万", "")):
        if group:
            if out and group < 1000:
                out += "零"
            out += below_10000(group) + word
    return out.lstrip("零")


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=10**15))
def test_chinese_numerals_round_trip(n):
    assert read_number(to_chinese(n)) == n


@settings(deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=99),
       st.sampled_from(["", "万", "亿"]))
def test_arabic_with_scale_round_trip(whole, cents, scale):
    written = f"{whole}.{cents:02d}{scale}"
    factor = {"": 1, "万": 10**4, "亿": 10**8}[scale]
    assert read_number(written) == Decimal(f"{whole}.{cents:02d}") * factor
    q = quantity(f"完成{written}元")
    assert q.base_value == Decimal(f"{whole}.{cents:02d}") * factor
    assert q.unit == f"{scale}元"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789.%-至或万亿千百十一二两三五零余多约近以上下内左右个家元亩年月“”的第，。 \n")
                                + ["亿元", "百分之", "个百分点"]), max_size=30).map("".join))
def test_any_string_reads_without_error_and_spans_stay_inside(text):
    for q in find_quantities(text):
        assert 0 <= q.start <= q.number_start < q.end <= len(text)
        assert q.value_high is None or q.comparator == "range"
    read_number(text)


@settings(deadline=None)
@given(st.text(max_size=60))
def test_arbitrary_unicode_never_raises(text):
    find_quantities(text)
    read_number(text)


def test_long_numbers_scale_exactly():
    digits = "1234567890" * 2  # the longest a figure may be: with 万亿 it still fits Decimal(38, 6)
    q = quantity(f"共{digits}.5万亿元")
    assert q.base_value == Decimal(digits + "5" + "0" * 11) and str(q.base_value) == digits + "5" + "0" * 11
    assert read_number("9" * 40 + "亿") == Decimal("9" * 40 + "0" * 8)


def test_fractions_in_words_are_no_quantities():
    assert find_quantities("占比超过三分之一") == ()


# -- money as budgets, contracts and statistical tables write it (cases in the spirit of the cn2an and
#    JioNLP money suites, written anew) --------------------------------------------------------------

MONEY = [
    # financial (大写) numerals, with and without 整 / 角 / 分
    ("拨付叁佰万元", "3000000", None),
    ("合同金额伍佰陆拾萬元", "5600000", None),
    ("计贰仟零伍元整", "2005", None),
    ("共捌佰捌拾捌圆整", "888", None),
    ("单价肆拾贰元伍角", "42.5", None),
    ("合计柒仟叁佰零陆圆陆角贰分", "7306.62", None),
    ("总价壹亿贰仟万元", "120000000", None),
    ("经费壹万三千二百元", "13200", None),
    ("伍元", "5", None),
    # plain numerals with 角 / 分 and spoken abbreviations
    ("补助二十三万零五十元六角八分", "230050.68", None),
    ("四万五元", "45000", None),
    ("三千七元", "3700", None),
    ("一万零三元", "10003", None),
    ("两千零一亿三千零二万零四元", "200130020004", None),
    ("一万亿零三亿元", "1000300000000", None),
    # thousands separators, as statistical tables write them
    ("总投资2,468.3亿元", "246830000000", None),
    ("人均63,120.50元", "63120.50", None),
    ("1,000,000元", "1000000", None),
    # ranges
    ("奖励2万元--8万元", "20000", "80000"),
    ("4千元——6千元", "4000", "6000"),
    ("七八百元", "700", "800"),
    ("二十到四十万元", "200000", "400000"),
    ("三千到五千万元", "30000000", "50000000"),
    ("2.5万至3万元", "25000", "30000"),
    # a 亿/万 figure with its lower groups written after it
    ("预算4亿2000万元", "420000000", None),
    ("人均2万750元", "20750", None),
    ("共30万零八千元", "308000", None),
    # a financial figure with many groups
    ("计贰仟叁佰肆拾伍万陆仟柒佰捌拾玖亿壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元", "2345678912345678", None),
]


@pytest.mark.parametrize(("text", "base", "high"), MONEY)
def test_money_is_read_exactly(text, base, high):
    money = [q for q in find_quantities(text) if q.base_unit == "元"]
    assert len(money) == 1, find_quantities(text)
    assert money[0].base_value == Decimal(base)
    assert money[0].base_value_high == (Decimal(high) if high else None)


@pytest.mark.parametrize("text", ["加强人才队伍建设", "推进海陆统筹", "收拾残局", "退伍军人服务", "大陆十大港口"])
def test_words_sharing_a_financial_numeral_are_not_numbers(text):
    assert find_quantities(text) == ()


@pytest.mark.parametrize("text", ["共一二三元", "一一元", "壹壹元"])
def test_digit_lists_are_refused_not_read_in_part(text):
    assert [q for q in find_quantities(text) if q.base_unit == "元"] == []


def test_a_lower_group_followed_by_a_scale_is_not_joined():
    assert [str(q.base_value) for q in find_quantities("增加到1亿3千多万人")] != ["100003000"]


def test_financial_numerals_keep_offsets():
    text = "拨付壹佰万元"
    q = quantity(text)
    assert (q.start, q.end, text[q.number_start:q.end]) == (2, 6, "壹佰万元")


# -- units normalised so that series compare ---------------------------------------------------------

@pytest.mark.parametrize(("text", "base", "unit"), [
    ("粮食产量1.3万亿斤", "650000000", "吨"),
    ("粮食产量6.5亿吨", "650000000", "吨"),
    ("智能算力15万P", "150000", "PFLOPS"),
    ("算力规模3EFLOPS", "3000", "PFLOPS"),
    ("存储容量2EB", "2000000", "TB"),
    ("吞吐量500万标箱", "5000000", "标准箱"),
    ("新增绿地2万公顷", "300000", "亩"),
    ("光伏装机3GW", "3000000", "千瓦"),
    ("风电装机120兆瓦", "120000", "千瓦"),
])
def test_units_are_normalised_to_one_base(text, base, unit):
    q = quantity(text)
    assert (q.base_value, q.base_unit) == (Decimal(base), unit)


def test_latin_units_end_a_word():
    assert find_quantities("于5PM召开") == ()
    assert quantity("实现100%BIM交付").unit == "%"


# -- numbers refused with a warning rather than read wrongly -----------------------------------------

def test_scientific_notation_is_refused_with_a_warning():
    from policykit.extract import numeral_warnings

    assert find_quantities("投资1e308亿元") == ()
    assert numeral_warnings("投资1e308亿元") == ("number not read at 2: scientific notation 1e308",)


def test_forty_digit_number_is_refused_with_a_warning():
    from policykit.extract import numeral_warnings

    text = "金额" + "9" * 40 + "元"
    assert find_quantities(text) == ()
    assert numeral_warnings(text) == ("number not read at 2: 40 digits (limit 20)",)


def test_warnings_reach_the_extraction():
    from policykit.extract import extract_document

    assert extract_document("力争投资1e3亿元。").warnings == ("number not read at 4: scientific notation 1e3",)


def test_an_ordinal_is_never_a_quantity_in_either_script():
    # 第十二条 once gave "2条" (the scan restarted inside the ordinal), 第12条 "12条".
    for text in ("第十二条　支持企业发展。", "依照第12条执行。", "第二十条 附则"):
        assert find_quantities(text) == (), text
    assert [q.value for q in find_quantities("力争第一年新增20家以上")] == [20]


_REFUSABLE = st.lists(st.sampled_from(["1", "2", ",", ".", "e", "E", "+", "一", "亿", "万", "x", "元", "1" * 21, "一" * 65]),
                      max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(_REFUSABLE)
def test_the_sieve_before_refused_numbers_never_hides_one(text):
    from policykit.extract import _numbers
    if any(_numbers._UNREADABLE.finditer(text)):
        assert _numbers._may_be_unreadable(text)
