"""The unit splitter's fast paths agree with the plain definitions they stand in for."""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from policykit.extract import _units

def _merge_stubs_slow(text, pieces):
    merged, carry = [], None
    for k, (s, e) in enumerate(pieces):
        first = s if carry is None else carry
        following = text[pieces[k + 1][0]:pieces[k + 1][1]].strip() if k + 1 < len(pieces) else ""
        if (_units._JURISDICTION_STUB.match(text[s:e]) and (text[s] == _units._EACH or carry is not None or e - s == 1)
                and _units._STUB_END.match(following)):
            carry = first
            continue
        carry = None
        merged.append((first, e))
    return merged


_LIST_BITS = st.lists(st.sampled_from(["各区", "市政府", "州", "县", "（市）", "区人民政府", "市直各部门", "县财政局", "、",
                                       "，", "等", "10个部门", "有关部门", "及", "各", "区"]), max_size=8).map("".join)


@settings(max_examples=800, deadline=None)
@given(_LIST_BITS)
@example("各区、市政府")
@example("州、县（市）数据资源主管部门")
def test_stubs_merge_as_when_every_test_is_made(text):
    pieces = _units.split_outside_parentheses(text, 0, len(text))
    assert _units._merge_stubs(text, pieces) == _merge_stubs_slow(text, pieces)
