"""The memo of metric keys answers as reading each phrase afresh.

The slow definition reads the lexicon's rows for every look-up; the memoised one is asked a stream of phrases and
kinds in which a phrase recurs with another kind, so that a memo keyed by the phrase alone fails.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policykit.extract import _metrics
from policykit.extract._metrics import metric_key

_KINDS = ("level", "increase", "decrease", "growth_rate", "share", None)
_PHRASES = st.lists(st.sampled_from(["国内", "地区", "生产总值", "GDP", "经济", "增长", "单位", "能耗", "城镇", "调查",
                                     "失业率", "居民", "人均", "可支配收入", "消费", "价格", "贡献率", "对", "的", "率", "甲"]),
                    max_size=5).map("".join)


def _metric_key_slow(metric, kind=None):
    if not metric:
        return None
    for key, pattern, is_rate in _metrics._LEXICON:
        m = pattern.search(metric)
        if not m:
            continue
        if _metrics._RATIO_OF.search(metric, m.end()):
            return None
        if is_rate:
            return key
        growth = (kind == "growth_rate" or _metrics._GROWTH_WORDS.search(metric, m.end()) is not None
                  or _metrics._IMPLIED_GROWTH.fullmatch(m.group(0)) is not None)
        return f"{key}_growth" if growth else key
    return None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_PHRASES, st.sampled_from(_KINDS)), max_size=30))
def test_a_memoised_metric_key_is_the_key_read_afresh(asked):
    for metric, kind in asked + asked[::-1]:  # every phrase asked again, after the others
        assert metric_key(metric, kind) == _metric_key_slow(metric, kind), (metric, kind)


def test_a_phrase_keyed_as_a_level_then_as_a_growth_rate():
    assert [metric_key("地区生产总值", kind) for kind in ("level", "growth_rate", "share")] == ["gdp", "gdp_growth", "gdp"]
    assert metric_key("", "growth_rate") is None and metric_key(None) is None


# A phrase of every row, parts of them and words beside them: each row's needs (the gate of its search and a word of
# the gate of all) are met by some phrases and missed by others.
_ROW_PIECES = st.lists(st.sampled_from([
    "单位", "国内生产总值", "能耗", "能源消耗强度", "二氧化碳排放", "用水量", "CPI", "居民消费价格", "调查失业率", "登记失业率",
    "城镇新增就业", "赤字率", "城镇", "农村", "居民人均可支配收入", "农民人均纯收入", "地方", "财政总收入", "一般公共预算收入",
    "公共财政收入", "地方级收入", "固定资产投资", "社会消费品零售总额", "进出口", "粮食", "总产量", "规上工业增加值",
    "研发经费投入强度", "R&D", "PM2.5", "年平均浓度", "优良天数比例", "森林覆盖率", "常住人口城镇化率", "全员劳动生产率",
    "出口", "进口", "人均GDP", "GDP", "经济总量", "经济增速", "收入", "总", "G", "增长", "的", "比重", "贡献率", "甲"]),
    max_size=4).map("".join)


@settings(max_examples=500, deadline=None)
@given(_ROW_PIECES, st.booleans())
def test_a_key_read_past_the_rows_a_phrase_cannot_match_is_the_key_read_from_every_row(metric, growth_rate):
    assert _metrics._key_of.__wrapped__(metric, growth_rate) == _metric_key_slow(metric, "growth_rate" if growth_rate else None)


def test_the_rows_needing_characters_only_are_keyed():
    assert [metric_key(m) for m in ("单位GDP能耗", "一般公共预算收入", "经济增速")] == [
        "energy_intensity", _metric_key_slow("一般公共预算收入"), "gdp_growth"]
