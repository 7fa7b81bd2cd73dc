"""The responsibility clause reader's fast paths agree with the plain definitions they stand in for."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policykit.extract import _clauses

_PAREN_BITS = st.lists(st.sampled_from(["（", "）", "(", ")", "〔", "〕", "\n", "甲", "乙"]), max_size=16).map("".join)


def _paren_groups_slow(text):
    """Every parenthesis and line break visited in turn; a line break closes the groups open."""
    stack, out = [], []
    for i, ch in enumerate(text):
        if ch in _clauses._OPEN:
            stack.append(i)
        elif ch in _clauses._CLOSE and stack:
            out.append((stack.pop(), i))
        elif ch == "\n":
            stack.clear()
    return out


@settings(max_examples=500, deadline=None)
@given(_PAREN_BITS)
def test_paren_groups_are_those_of_a_walk_over_every_character(text):
    assert list(_clauses._paren_groups(text)) == _paren_groups_slow(text)


def test_a_line_break_inside_a_group_closes_it():
    assert list(_clauses._paren_groups("（甲\n乙）（丙）")) == [(5, 7)]


_GROUP_BITS = st.lists(st.sampled_from(["市科技局", "市财政局", "各县区", "、", "，", "；", "由", "（", "）", "按",
                                        "甲", *sorted(_clauses._VERB_ROLES)]), max_size=10).map(lambda s: "（" + "".join(s) + "）")


@settings(max_examples=600, deadline=None)
@given(_GROUP_BITS)
def test_a_group_without_a_role_verb_has_no_verb_units(text):
    for open_, close in _clauses._paren_groups(text):
        if not _clauses._ANY_VERB.search(text, open_ + 1, close):
            assert _clauses._verb_units(text, open_ + 1, close) == ()


def test_every_role_verb_is_seen_by_the_prefilter():
    for verb in _clauses._VERB_ROLES:
        text = f"（市科技局{verb}）"
        assert _clauses._ANY_VERB.search(text, 1, len(text) - 1), verb
        assert _clauses._verb_units(text, 1, len(text) - 1), verb


_TASK_SPANS = st.lists(st.tuples(st.integers(0, 20), st.integers(0, 8)), max_size=8)


@settings(max_examples=400, deadline=None)
@given(_TASK_SPANS)
def test_the_owner_of_a_clause_is_the_last_task_holding_it(spans):
    from policykit.extract import TaskRecord
    tasks = [TaskRecord(f"t{i}", str(i), (), None, "", a, a + n) for i, (a, n) in enumerate(spans)]
    owners = sorted(tasks, key=lambda t: (t.start, -t.end))
    starts = [t.start for t in owners]
    for pos in range(-1, 30):
        assert _clauses._owner(owners, starts, pos) == next(
            (t.key for t in reversed(owners) if t.start <= pos < t.end), None)


_WITH_BITS = st.lists(st.sampled_from(["市科技局", "会同", "要", "负责", "，", "。", "（", "\n", "甲" * 20, "乙" * 45, "各区"]),
                      max_size=14).map("".join)


@settings(max_examples=500, deadline=None)
@given(_WITH_BITS)
def test_with_matches_are_those_of_finditer(text):
    assert [m.span() for m in _clauses._with_matches(text)] == [m.span() for m in _clauses._PROSE_WITH.finditer(text)]


def test_a_jointly_word_that_opens_no_match_does_not_hide_the_next():
    text = "会同。" + "甲" * 50 + "市科技局会同市财政局推进"
    assert [m.group("units") for m in _clauses._with_matches(text)] == ["甲" * 36 + "市科技局"]


def test_a_match_may_start_as_far_before_its_jointly_word_as_the_reach():
    text = "乙" * 45 + "应当会同市财政局推进"  # 40 characters of units and the longest modal before 会同
    assert [m.start() for m in _clauses._with_matches(text)] == [text.index("会同") - _clauses._WITH_REACH]


_LABEL_BITS = st.lists(st.sampled_from(["【", "】", "〔", "〕", "[", "]", "：", ":", " ", "牵头", "单位", "责任", "科室", "配合",
                                        "主办", "实施", "市科技局", "（", "。", "牵头单位", "责任科室"]), max_size=14).map("".join)


@settings(max_examples=500, deadline=None)
@given(_LABEL_BITS)
def test_labels_found_from_their_words_are_those_of_finditer(text):
    from policykit.extract import _sieve
    assert ([m.span() for m in _sieve.finditer(_clauses._LABEL, text, opener=_clauses._LABEL_START)]
            == [m.span() for m in _clauses._LABEL.finditer(text)])
