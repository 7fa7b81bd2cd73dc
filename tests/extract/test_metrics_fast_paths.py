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
