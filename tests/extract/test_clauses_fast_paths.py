"""The responsibility clause reader's fast paths agree with the plain definitions they stand in for."""
from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from policykit.extract import _clauses, _units
from policykit.extract._units import strict_list_ends

# The label and role verb patterns compiled alone (_clauses compiles only the scan for both: _LABEL_OR_VERB).
_LABEL = re.compile(_clauses._LABEL)
_VERB = re.compile(_clauses._VERB)
_PAREN_BITS = st.lists(st.sampled_from(["（", "）", "(", ")", "〔", "〕", "\n", "甲", "乙"]), max_size=16).map("".join)


def _paren_groups_slow(text):
    """Every parenthesis and line break visited in turn; a line break closes the groups open."""
    stack, out = [], []
    for i, ch in enumerate(text):
        if ch in _clauses.OPENING:
            stack.append(i)
        elif ch in _clauses.CLOSING and stack:
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
                                        "甲", "单位", "人", " ", *sorted(_clauses._VERB_ROLES)]), max_size=10).map(lambda s: "（" + "".join(s) + "）")


def _verbs_in(text, start, end):
    """The spans of the matches of _VERB in the whole text that start in ``text[start:end]``."""
    return [m.span() for m in _VERB.finditer(text) if start <= m.start() < end]


def _role_parts_of_slow(text, start, end):
    """_role_parts_of searching each part for its role verbs."""
    parts = []
    for s, e in _clauses.split_outside_parentheses(text, start, end, _clauses._PART_SEPARATORS):
        for m in _VERB.finditer(text, s, e):
            if m.end() < e and text[m.end()] in _clauses._LIST_GLUE and _clauses._trailing_verb(text, s, m.end()):
                parts.append((s, m.end()))
                s = m.end() + 1
        parts.append((s, e))
    return [(s, e) for s, e in parts if text[s:e].strip()]


@settings(max_examples=600, deadline=None)
@given(_GROUP_BITS)
@example("（市科技局牵头、县财政局配合）")
@example("（市科技局牵头 ，县财政局（负责）配合、）")
def test_a_group_without_a_role_verb_match_has_no_clause(text):
    for open_, close in _clauses._paren_groups(text):
        verbs = _verbs_in(text, open_ + 1, close)
        assert _clauses._role_parts_of(text, open_ + 1, close, verbs) == _role_parts_of_slow(text, open_ + 1, close)
        if not verbs:
            assert _clauses._verb_units(text, open_ + 1, close, verbs) == ()
            assert not _clauses._MARK_INSIDE.search(text, open_ + 1, close)


def test_every_role_verb_is_seen_by_the_prefilter():
    for verb in _clauses._VERB_ROLES:
        text = f"（市科技局{verb}）"
        assert _verbs_in(text, 1, len(text) - 1), verb
        assert _clauses._verb_units(text, 1, len(text) - 1, _verbs_in(text, 1, len(text) - 1)), verb


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


# The label pattern as one alternation with named groups (bracket, label word, short label word), before each
# branch opened with a literal.
_GROUPED_LABEL = re.compile(
    r"(?P<bracket>[【〔\[])?(?P<label>" + "|".join(sorted(_clauses._LABEL_ROLES, key=len, reverse=True)) + r")"
    r"(?(bracket)[】〕\]])[ \u3000]*[:：]?"
    r"|(?P<short>" + "|".join(_clauses._SHORT_LABEL_ROLES) + r")[ \u3000]*[:：]"
)


def _grouped_label_role(m):
    return _clauses._LABEL_ROLES[m.group("label")] if m.group("label") else _clauses._SHORT_LABEL_ROLES[m.group("short")]


@settings(max_examples=500, deadline=None)
@given(_LABEL_BITS)
@example("【牵头单位。牵头单位】")  # a bracket closing no label
@example("〔责任单位〕：牵头 ：")
def test_labels_and_their_roles_are_those_of_the_grouped_pattern(text):
    assert ([(m.span(), _clauses._label_role(m.group()), m.group()[0] in _clauses._LABEL_BRACKETS)
             for m in _LABEL.finditer(text)]
            == [(m.span(), _grouped_label_role(m), bool(m.group("bracket"))) for m in _GROUPED_LABEL.finditer(text)])


# The role verb pattern as first written: one flat alternation of the verbs, longest first, then its lookahead.
_FLAT_VERB = re.compile("(?:" + "|".join(sorted(_clauses._VERB_ROLES, key=len, reverse=True)) + ")"
                        + _clauses._VERB[_clauses._VERB.index(")(?!") + 1:])
_VERB_BITS = st.lists(st.sampled_from([*sorted(_clauses._VERB_ROLES), "单位", "作用", "制", "制定", "人", "落实", "负责",
                                       "按职责", "分工", "市科技局", "，", "头"]), max_size=10).map("".join)


@settings(max_examples=500, deadline=None)
@given(_VERB_BITS)
@example("牵头负责人")  # the longest verb refused by the lookahead: the engine goes back to the shorter one
@example("按职责分工负责落实")
def test_role_verbs_are_those_of_the_flat_alternation(text):
    assert [m.span() for m in _VERB.finditer(text)] == [m.span() for m in _FLAT_VERB.finditer(text)]


_LABEL_AND_VERB_BITS = st.lists(st.sampled_from([*sorted(_clauses._VERB_ROLES), "单位", "作用", "人", "制定", "【", "】",
                                                 "〔", "〕", "[", "]", "：", ":", " ", "责任", "科室", "主办", "实施",
                                                 "牵头单位", "配合责任单位", "市科技局", "头"]), max_size=12).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_LABEL_AND_VERB_BITS)
@example("【牵头单位】")  # a label starting inside another
@example("牵头：配合")  # a verb starting where a label does
@example("按职责分工负责")  # verbs starting inside a verb
def test_labels_and_verbs_are_found_as_by_their_own_scans(text):
    assert _clauses._labels_and_verbs(text) == ([m.span() for m in _LABEL.finditer(text)],
                                                [m.span() for m in _VERB.finditer(text)])


def test_a_branch_grouped_by_its_first_character_keeps_its_place():
    assert _clauses._by_first_char([("a", "x"), ("b", "z"), ("a", "")]) == "a(?:x|)|b(?:z)"


def test_every_label_word_gives_its_role_in_every_form():
    assert not set(_clauses._LABEL_ROLES) & set(_clauses._SHORT_LABEL_ROLES)
    for word, role in {**_clauses._LABEL_ROLES, **_clauses._SHORT_LABEL_ROLES}.items():
        forms = [f"{word}：", f"{word} :"] + ([word, f"【{word}】", f"[{word}] ："] if word in _clauses._LABEL_ROLES else [])
        for form in forms:
            m = _LABEL.fullmatch(form)
            assert m and _clauses._label_role(m.group()) == role, form


def _describes_slow(text, start, end):
    """_describes reading back to the text's start for the sentence and on to every clause end."""
    sentence_start = max(text.rfind(ch, 0, start) for ch in "。；;\n") + 1
    if not any(verb in text[sentence_start:start] for verb in _clauses._DESCRIBING):
        return False
    stop = min((i for i in (text.find(ch, end) for ch in "，,。；;\n") if i >= 0), default=len(text))
    return any(word in text[end:stop] for word in _clauses._ATTRIBUTIVE)


_DESCRIBED_BITS = st.lists(st.sampled_from(["建立", "形成", "由", "市科技局", "牵头", "的", "机制", "。", "；", ";", "，",
                                            ",", "\n", "甲"]), max_size=14).map("".join)


@settings(max_examples=500, deadline=None)
@given(_DESCRIBED_BITS, st.integers(0, 60), st.integers(0, 60))
@example("建立;由市科技局牵头的机制", 3, 7)
def test_a_clause_describes_as_when_read_back_to_the_texts_start(text, start, length):
    start = min(start, len(text))
    end = min(start + length, len(text))
    assert _clauses._describes(text, start, end) == _describes_slow(text, start, end)


def test_the_generated_texts_describe_mechanisms():
    text = "甲。建立由市科技局牵头的机制"
    start, end = text.index("由"), text.index("的")
    assert _clauses._describes(text, start, end) and _describes_slow(text, start, end)
    text = "建立;由市科技局牵头的机制"  # a half-width ; ends the sentence of the verb
    start, end = text.index("由"), text.index("的")
    assert not _clauses._describes(text, start, end) and not _describes_slow(text, start, end)


def _subject_units_in_slow(text):
    """_subject_units of a whole text, testing each character of the span against the set of covered positions."""
    from policykit.extract._units import etc_inside, looks_like_unit, split_unit_list, starts_unit_name, trim_list
    start, end = trim_list(text, 0, len(text))
    mentions = split_unit_list(text, start, end)
    if not mentions or not all(looks_like_unit(m.name, strict=True) for m in mentions):
        return None
    if any(m.start > start and text[m.start - 1] not in _clauses._GLUE and not starts_unit_name(m.mention)
           for m in mentions):
        return None
    inside = set()
    for m_start, m_end in (*((m.start, m.end) for m in mentions), *etc_inside(text)):
        inside.update(range(m_start, m_end))
    if any(i not in inside and text[i] not in _clauses._GLUE for i in range(start, end)):
        return None
    return tuple(mentions)


_SUBJECT_BITS = st.lists(st.sampled_from(["市科技局", "市财政局", "各县区", "区政府", "等部门", "等有关部门", "及", "和", "、",
                                          "，", " ", "（", "）", "甲", "要", "负责人"]), max_size=8).map("".join)


@settings(max_examples=600, deadline=None)
@given(_SUBJECT_BITS)
@example("甲、市科技局")  # one mention, not from the stretch's start
@example("市科技局局长张三")  # one mention, not to the stretch's end (a person after it)
def test_subject_units_are_those_of_the_character_by_character_test(text):
    assert _clauses._subject_units(text, 0, len(text)) == _subject_units_in_slow(text)


def test_the_generated_subjects_are_both_units_and_not():
    assert _clauses._subject_units("市科技局、市财政局", 0, 9) and _subject_units_in_slow("市科技局、市财政局")
    assert _clauses._subject_units("市科技局甲市财政局", 0, 9) is None


def _table_clauses_slow(text):
    """_table_clauses reading every line from the text's start."""
    return _clauses._table_clauses_from(text, 0)


_TABLE_BITS = st.lists(st.sampled_from(["序号\t任务\t牵头单位\t配合单位\n", "1\t建设平台\t市科技局\t市财政局\n",
                                        "一、基础设施\n", "正文。" * 20 + "\n", "\t", "\n", "甲", "牵头单位\t配合单位\n"]),
                       max_size=10).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TABLE_BITS)
def test_table_rows_are_those_read_from_the_texts_start(text):
    assert _clauses._table_clauses(text) == _table_clauses_slow(text)


def test_the_generated_tables_assign():
    text = "正文。\n甲序号\t任务\t牵头单位\n1\t建设平台\t市科技局\n"
    assert _clauses._table_clauses(text) == _table_clauses_slow(text) != []


_PROSE_BITS = st.lists(st.sampled_from(["市科技局", "市财政局", "各县区", "区政府", "等部门", "及", "、", "，", "的", "《", "》",
                                        "：", "（", "）", "（的）", "推动", "鼓励", "要", "工作", "发展改革", "外交部",
                                        "市直机关", "等有关", "等10个", "单位", "乡", "切实"]), max_size=7).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_PROSE_BITS)
@example("市科技局（的）")
@example("市科技局《》")
@example("推动市科技局")
@example("市发展改革")
@example("市科技局等有关")
@example("市科技局要切实")
@example("市科技局等10个及")  # a 等 closing part of the list before a conjunction ends the stretch
@example("市科技局等有关及")
@example("市科技局等机构及")
def test_a_stretch_rejected_before_its_split_has_no_subject_units(text):
    start, end = _clauses.trim_list(text, 0, len(text))
    assert _clauses._subject_units(text, 0, len(text)) == _clauses._split_subject(text, start, end, 0, len(text))


def test_the_generated_stretches_are_rejected_before_their_split():
    assert _clauses.no_strict_units("市科技局的工作", 0, 7, "、")
    assert _clauses.no_strict_units("推动市科技局", 0, 6, "、")
    assert not _clauses.no_strict_units("市科技局（的）", 0, 7, "、")
    assert _clauses.no_strict_units("市科技局要切实", 0, 7, "、")
    assert not _clauses.no_strict_units("市发展改革", 0, 5, "、")


def _first_of_overlapping_slow(clauses):
    """Each clause tested against every clause kept before it."""
    found = []
    for clause in clauses:
        if not any(c.start < clause.end and clause.start < c.end for c in found):
            found.append(clause)
    return found


_SPANS = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 6)), max_size=12)
_UNITS = ((None, "lead"),)  # a clause naming no unit is never kept: any stands in


@settings(max_examples=600, deadline=None)
@given(_SPANS, st.integers(0, 30), st.integers(0, 8))
@example([(5, 5), (0, 10)], 5, 0)  # an empty span inside a later one
@example([(3, 0), (3, 4), (2, 2)], 3, 1)
def test_the_clauses_kept_are_those_overlapping_none_kept_before(spans, start, length):
    clauses = [_clauses._Clause(s, s + n, _UNITS) for s, n in spans]
    kept = _clauses._Kept()
    kept.add_all(clauses, (0, 0))
    assert kept.clauses == _first_of_overlapping_slow(clauses)
    assert kept.holds(start, start + length) == any(c.start <= start and start + length <= c.end for c in kept.clauses)


def _paren_verb_clauses_slow(text, kept=lambda start, end: False):
    """_paren_verb_clauses reading every group, whether a role verb stands in it or not, after asking ``kept`` of it:
    the clauses and the groups held."""
    clauses, held = [], []
    for open_, close in _clauses._paren_groups(text):
        if kept(open_, close + 1):
            held.append((open_, close + 1))
            continue
        units = _clauses._verb_units(text, open_ + 1, close, _verbs_in(text, open_ + 1, close))
        if not units and _clauses._MARK_INSIDE.search(text, open_ + 1, close):
            units = _clauses._marked_list(text, open_ + 1, close)
        if units:
            clauses.append(_clauses._Clause(open_, close + 1, units))
    return clauses, held


def _verb_clauses_slow(text):
    """_verb_clauses reading every parenthesis and every subject."""
    clauses, _ = _paren_verb_clauses_slow(text)
    taken = [(c.start, c.end) for c in clauses]
    return [*clauses, *(c for c in _clauses._prose_clauses(text) if not any(s <= c.start < e for s, e in taken))]


def _find_clauses_slow(text):
    """find_clauses reading every parenthesis and every subject, each clause tested against every clause kept
    before it."""
    header_start, header_end = _clauses._record_header(text)
    _clauses.start_document()
    found = (*_clauses._table_clauses(text), *_clauses._label_clauses(text), *_verb_clauses_slow(text))
    found = _first_of_overlapping_slow(c for c in found if not header_start <= c.start < header_end and c.units)
    return tuple(sorted(found, key=lambda c: c.start))


_CLAUSE_BITS = st.lists(st.sampled_from(["（", "）", "牵头单位：", "责任单位：", "配合单位：", "市科技局", "县财政局", "各县区",
                                         "（牵头）", "牵头", "负责", "配合", "，", "、", "；", "。", "\n", "由", "会同", "推进",
                                         "各乡镇（街道）", "（县）", "具体"]),
                        max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(_CLAUSE_BITS)
@example("（责任单位：市科技局（牵头）、县财政局）")
@example("（牵头单位：市科技局，县财政局负责）")
@example("牵头单位：市科技局（县财政局负责）")
@example("（市科技局负责，【牵头单位】县财政局配合）。县教育局负责")  # a group overlapping a clause kept is still read
@example("（牵头单位：市科技局）县财政局负责")  # a subject right after a group held is read
@example("（县科技局牵头）县财政局负责")  # and one right after a group read as a clause
@example("（市科技局、县财政局）\n县教育局负责（县财政局配合）")  # only the lines of role verbs are read
@example("推进（县财政局（牵头）、县教育局）")  # a marked list on a line whose only verb is its mark
@example("（各县区负责）")  # a verb 4 characters into its group
def test_the_clauses_are_those_found_reading_every_parenthesis(text):
    assert _clauses.find_clauses(text) == _find_clauses_slow(text)


def test_every_role_mark_holds_a_role_verb():
    # _verb_clauses reads only the groups on the lines of _VERB matches: a marked list needs one in its mark.
    shared = ("", *_clauses.of_kind("role_context_words", "shared_mark"))
    marks = [f"{open_}{word}{verb}{close}" for word in shared for verb in _clauses.role_words("mark")
             for open_, close in ("（）", "()")]
    # _paren_verb_clauses skips a group in which _VERB matches nowhere: it holds no role mark either.
    assert marks and all(_clauses._ROLE_MARK.search(mark) and _VERB.search(mark) for mark in marks)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["负责", "牵头", "\n", "甲", "负责人"]), max_size=10).map("".join))
def test_the_lines_of_verbs_are_the_lines_holding_one(text):
    verbs = [m.span() for m in _VERB.finditer(text)]
    lines, start = [], 0
    for line in text.split("\n"):
        if any(start <= s < start + len(line) for s, _ in verbs):
            lines.append((start, start + len(line)))
        start += len(line) + 1
    assert _clauses._lines_of(text, verbs) == lines


@settings(max_examples=300, deadline=None)
@given(_PAREN_BITS, st.integers(0, 17))
def test_a_position_is_within_the_groups_when_one_of_them_holds_it(text, pos):
    groups = [(open_, close + 1) for open_, close in _clauses._paren_groups(text)]
    assert _clauses._within(groups)(pos) == any(s <= pos < e for s, e in groups)


def _value_end_slow(text, start, stop):
    """Every character from the value's start tested in turn."""
    depth = 0
    for i in range(start, stop):
        if text[i] in _clauses.OPENING:
            depth += 1
        elif text[i] in _clauses.CLOSING:
            if depth == 0:
                return i
            depth -= 1
        elif text[i] in _clauses._VALUE_END:
            return i
    return stop


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["（", "）", "(", ")", "〔", "〕", "\n", "。", "\t", "】", "甲", "、"]), max_size=14).map("".join),
       st.integers(0, 14), st.integers(0, 14))
def test_a_value_ends_where_a_walk_over_every_character_ends_it(text, start, stop):
    start, stop = min(start, len(text)), min(max(start, stop), len(text))
    assert _clauses._value_end(text, start, stop) == _value_end_slow(text, start, stop)


def test_a_value_ends_at_a_parenthesis_closing_outside_it():
    assert _clauses._value_end("甲（乙）丙）丁", 0, 7) == 5


def test_every_adverb_before_a_role_verb_stays_out_of_the_subject():
    for adverb in _clauses._ADVERBS:
        text = f"一、平台。市科技局{adverb}负责建设。"
        verb = _VERB.search(text, text.index(adverb) + len(adverb))
        clause = _clauses._subject_verb_clause(text, verb.span())
        assert clause is not None and [m.mention for m, _ in clause.units] == ["市科技局"], adverb


def _subject_start_slow(text, end, boundary):
    """_subject_start walking back one character at a time."""
    start = end
    while start > 0:
        ch = text[start - 1]
        if ch in _clauses.CLOSING and boundary is _clauses._SUBJECT_BOUNDARY and _clauses._name_parenthesis(text, start):
            start = _clauses._name_parenthesis(text, start)
            continue
        if ch in boundary:
            break
        start -= 1
    return start


_START_BITS = st.lists(st.sampled_from(["各乡镇", "（街道）", "（", "）", "〔", "〕", "(", ")", "，", "。", "：", "\n", "\t",
                                        "甲", "市科技局", "长" * 30]), max_size=10).map("".join)


@settings(max_examples=800, deadline=None)
@given(_START_BITS, st.booleans(), st.integers(0, 400))
@example("，" + "甲" * 100 + "〕乙", True, 400)  # a closing bracket passed as a character, far back
@example("各乡镇（街道）", True, 400)
@example("甲（街道〕", True, 400)  # a closing bracket that the walk passes over to its opening parenthesis
def test_a_subject_starts_where_a_walk_over_every_character_starts_it(text, subject, end):
    boundary = _clauses._SUBJECT_BOUNDARY if subject else _clauses._SENTENCE_BOUNDARY
    end = min(end, len(text))
    assert _clauses._subject_start(text, end, boundary) == _subject_start_slow(text, end, boundary)


_NOTE = "（列第一位者为牵头部门，下同）"
_ROLES = st.lists(st.sampled_from(["lead", "participant", "responsible"]), max_size=3)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), _ROLES), max_size=4), st.booleans(), st.integers(0, 40))
@example([(30, ["participant", "responsible"])], True, 0)  # a clause naming no lead after the note
def test_the_first_unit_leads_as_when_the_note_is_always_searched(clauses, noted, at):
    text = "甲" * 40 + "\n" + "乙" * 40
    if noted:
        text = text[:at] + _NOTE + text[at:]
    mention = _clauses.UnitMention("市科技局", 0, 4, False)
    found = tuple(_clauses._Clause(start, start + 5, tuple((mention, role) for role in roles)) for start, roles in clauses)
    assert _clauses._first_leads(found, text) == _clauses._led_from_note(found, text)


_SUBJECT_BITS = st.lists(st.sampled_from(["（", "）", "(", ")", "〔", "〕", "市科技局", "各乡镇", "（街道）", "负责", "，", "。",
                                          "、", "\n", "甲", "具体"]), max_size=14).map("".join)


@settings(max_examples=500, deadline=None)
@given(_SUBJECT_BITS)
@example("〔甲负责〕")  # 〔 is no wall: the walk back runs over it
@example("（各乡镇（街道）负责）")  # over a name's short parenthesis, to the wall
def test_a_subject_ending_in_a_group_opened_by_a_wall_starts_in_it(text):
    # _prose_clauses skips the verbs in the groups unread that a wall opens: their subjects start there too.
    for open_, close in _clauses._paren_groups(text):
        if text[open_] in _clauses._WALLS:
            for end in range(open_ + 1, close + 1):
                assert open_ < _clauses._subject_start(text, end) <= end


@settings(max_examples=300, deadline=None)
@given(_CLAUSE_BITS)
@example("（市科技局负责）县财政局负责")
def test_the_prose_clauses_are_those_of_every_verb_walked_back_from(text):
    groups = [(open_, close + 1) for open_, close in _clauses._paren_groups(text)]
    walled = _clauses._within(group for group in groups if text[group[0]] in _clauses._WALLS)
    unread = _clauses._within(groups)
    assert _clauses._prose_clauses(text, unread, None, walled) == _clauses._prose_clauses(text, unread)


_ASSIGNING_TEXTS = [
    "一、平台\n1.建设平台。（市科技局牵头，市财政局、各县区配合）\n2.推进。牵头单位：市发展改革委；配合单位：市财政局",
    "（一）由县综合行政执法局牵头负责，县教育局、县大数据局配合。（责任单位：县水利局（牵头）、县司法局）",
]


def _assignments_slow(text, tasks):
    """find_assignments with each record built by its frozen ``__init__``."""
    from policykit.extract import AssignmentRecord
    clauses = _clauses._first_leads(_clauses.find_clauses(text), text)
    owners = sorted(tasks, key=lambda t: (t.start, -t.end))
    starts = [t.start for t in owners]
    out, counters = [], {}
    for clause in clauses:
        owner = _clauses._owner(owners, starts, clause.start)
        index = counters[owner] = counters.get(owner, -1) + 1
        out.extend(AssignmentRecord(owner, index, m.mention, role, m.placeholder, m.start, m.end, clause.start, clause.end)
                   for m, role in clause.units)
    return tuple(out)


@pytest.mark.parametrize("text", _ASSIGNING_TEXTS)
def test_assignments_are_built_as_their_record_type_builds_them(text):
    from dataclasses import fields

    from policykit.extract import AssignmentRecord, find_tasks
    tasks = find_tasks(text)
    built = _clauses.find_assignments(text, tasks)
    assert len(built) >= 5
    assert built == _assignments_slow(text, tasks)
    # The log reads a record's fields from vars() in their declared order, as __init__ sets them.
    assert all(list(vars(record)) == [f.name for f in fields(AssignmentRecord)] for record in built)


def _may_hold_strict_units(text, glue):
    """What strict_list_ends stands for: the stretch, trimmed by trim_list, is not rejected by no_strict_units."""
    start, end = _clauses.trim_list(text, 0, len(text))
    return not _clauses.no_strict_units(text, start, end, glue)


_GLUES = [_clauses._GLUE, "、", ""]


@pytest.mark.parametrize("glue", _GLUES)
def test_every_strict_list_end_ends_a_stretch_that_may_hold_strict_units(glue):
    assert all(_may_hold_strict_units("市科技局" + ch, glue) or _may_hold_strict_units("市科技局等" + ch, glue)
               for ch in strict_list_ends(glue))


@pytest.mark.parametrize("glue", _GLUES)
def test_no_other_character_of_the_basic_plane_ends_one(glue):
    # After a name and a 等 closing the list: what trim_list takes off (等 and what follows it) stands before it.
    ends = strict_list_ends(glue)
    others = (chr(code) for code in range(0x10000) if chr(code) not in ends)
    assert not [ch for ch in others if _may_hold_strict_units("市科技局等" + ch, glue)]


@settings(max_examples=800, deadline=None)
@given(_PROSE_BITS, st.one_of(st.just(""), st.characters(), st.sampled_from(["等", "等部门", "、", "/", " ", "\t", "）"])),
       st.sampled_from(_GLUES))
@example("市科技局等10个", "", "")
@example("市科技局", "/", "")
@example("市科技局等", "\n", "")
def test_a_stretch_that_may_hold_strict_units_ends_with_a_strict_list_end(text, last, glue):
    text += last
    if _may_hold_strict_units(text, glue):
        assert text[-1] in strict_list_ends(glue)


def test_a_subject_ends_with_a_strict_list_end_of_its_glue():
    assert _clauses._SUBJECT_ENDS == strict_list_ends(_clauses._GLUE)

class _Everything:
    """A set holding every character: the subject's end let through whatever it is."""

    def __contains__(self, ch):
        return True


_VERB_SUBJECT_BITS = st.lists(st.sampled_from(["市科技局", "市财政局", "各乡镇（街道）", "区政府", "等", "等部门", "等10个", "、", "，",
                                               "和", "及", " ", "/", "（", "）", "甲", "要", "工作", "发展改革", "由", *_clauses._ADVERBS,
                                               "负责", "牵头", "配合", "按职责分工负责"]), max_size=10).map("".join)


@settings(max_examples=800, deadline=None)
@given(_VERB_SUBJECT_BITS)
@example("市科技局、市财政局等负责")  # a 等 before the verb: trimmed off the subject
@example("市科技局、市财政局、具体负责")
@example("各乡镇（街道）配合")
@example("市科技局等10个及负责")  # a 等 closing part of the list before a conjunction: glue ends the subject
def test_a_verb_rejected_on_the_character_before_it_has_no_subject(text):
    verbs = [m.span() for m in _VERB.finditer(text)]
    gated = [_clauses._subject_verb_clause(text, verb) for verb in verbs]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_clauses, "_SUBJECT_ENDS", _Everything())
        assert [_clauses._subject_verb_clause(text, verb) for verb in verbs] == gated


def _with_marks_of_units_slow(mentions, role):
    """_with_marks of the mentions that look like units or end with a role mark, kept by a filter before, each
    marked one built anew without its mark by the record type."""
    part, unmarked = [], 0
    for mention in [m for m in mentions if _units.looks_like_unit(m.name) or _clauses._ROLE_MARK.search(m.mention)]:
        mark = _clauses._ROLE_MARK.search(mention.mention)
        if not mark:
            part.append((mention, role))
            unmarked += 1
            continue
        marked = _clauses._VERB_ROLES[mark.group("verb")]
        name = mention.mention[:mark.start()]
        if mark.group("shared"):
            part[len(part) - unmarked:] = [(m, marked) for m, _ in part[len(part) - unmarked:]]
        part.append((_units.UnitMention(name, mention.start, mention.start + len(name), mention.placeholder,
                                        mention.shared_head), marked))
        unmarked = 0
    return part


_MARKED_LIST_BITS = st.lists(st.sampled_from(["市科技局", "县财政局", "黄埔区", "天河区人民政府", "甲", "分管领导", "（牵头）",
                                              "（按职责分工牵头）", "（配合）", "（分别负责）", "、", "（", "）"]),
                             max_size=8).map("".join)


@settings(max_examples=600, deadline=None)
@given(_MARKED_LIST_BITS, st.sampled_from(["responsible", "participant", "lead"]))
@example("市科技局（牵头）、县财政局", "participant")
@example("分管领导、市科技局、黄埔区、天河区人民政府（按职责分工牵头）", "participant")
@example("分管领导（牵头）、甲（配合）", "responsible")
@example("市科技局(牵头)、县财政局(配合)", "responsible")  # half-width marks: the names' last character lets them through
def test_the_units_of_a_list_and_their_marks_are_those_of_a_filter_before_the_marks(text, role):
    mentions = _units.split_unit_list(text, 0, len(text))
    assert _clauses._with_marks(mentions, role, units_only=True) == _with_marks_of_units_slow(mentions, role)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 50), st.integers(0, 50), _MARKED_LIST_BITS, st.sampled_from(["lead", "participant"]))
def test_a_clause_built_at_once_is_the_one_its_init_builds(start, end, text, role):
    units = tuple((m, role) for m in _units.split_unit_list(text, 0, len(text)))
    built, initialised = _clauses._clause(start, end, units), _clauses._Clause(start, end, units)
    assert built == initialised and repr(built) == repr(initialised) and hash(built) == hash(initialised)
    assert list(vars(built).items()) == list(vars(initialised).items())  # fields in declared order too


_HELD_BITS = st.lists(st.sampled_from(["（", "）", "〔", "〕", "牵头单位：", "责任单位：", "市科技局", "县财政局", "（牵头）", "负责",
                                       "配合", "，", "、", "甲", "。", "由", "\n"]), max_size=14).map("".join)


def _verb_clauses_holding_every_group(text, kept):
    """_verb_clauses reading every group not held, and with every group that a clause kept holds among the groups
    held, whether a role verb stands in it or not (as when the clauses kept were asked first)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_clauses, "_paren_verb_clauses", lambda text, kept, lines, verbs: _paren_verb_clauses_slow(text, kept))
        return _clauses._verb_clauses(text, kept)


@settings(max_examples=600, deadline=None)
@given(_HELD_BITS)
@example("（责任单位：市科技局（牵头）、县财政局〔甲，县财政局〕）市科技局负责")
@example("牵头单位：县财政局（市科技局负责）")  # a group held with a verb in it is not read
@example("（市科技局负责）县财政局配合")  # a group with a verb in it and not held is read
@example("牵头单位：（〕市科技局负责")  # a subject starting in a group with no verb: read, and dropped by the clause kept
def test_a_group_without_a_role_verb_need_not_be_held(text):
    labelled = _clauses._label_clauses(text)
    kept = _clauses._Kept()
    kept.add_all(labelled, (0, 0))

    def kept_with(clauses):  # what find_clauses keeps: a clause overlapping one kept is dropped
        after = _clauses._Kept()
        after.add_all(labelled, (0, 0))
        after.add_all(clauses, (0, 0))
        return after.clauses
    assert kept_with(_clauses._verb_clauses(text, kept.holds)) == kept_with(_verb_clauses_holding_every_group(text, kept.holds))


def _role_parts_slow(text, start, end, default_role):
    """_role_parts splitting each part as it stands, spaces after it included, and looking for a role verb at the end
    of each."""
    out = []
    for s, e in _clauses.split_outside_parentheses(text, start, end, _clauses._PART_SEPARATORS):
        verb = _clauses._trailing_verb(text, s, e)
        role = _clauses._VERB_ROLES[verb] if verb else default_role
        if default_role == "lead" and role == "responsible":
            role = "lead"
        out.extend(_clauses._with_marks(_units.split_unit_list(text, s, e - len(verb or "")), role, units_only=True))
    return out


_VALUE_BITS = st.lists(st.sampled_from(["市科技局", "县财政局", "各区", "市政府", "有关部门", "等", "等有关部门", "等部门", " ", "\u3000",
                                        "、", "，", "负责", "配合", "牵头", "（牵头）", "甲"]), max_size=10).map("".join)


@settings(max_examples=800, deadline=None)
@given(_VALUE_BITS, st.sampled_from(["lead", "participant", "responsible"]))
@example("市科技局等有关部门  ", "lead")  # a 等 before the spaces: its words close the list only at its end
@example("市科技局  ", "participant")
@example("市科技局 配合 ", "lead")  # a role verb before a space
def test_the_units_of_a_value_are_those_of_its_parts_read_as_they_stand(text, role):
    _clauses.start_document()
    assert _clauses._role_parts(text, 0, len(text), role) == _role_parts_slow(text, 0, len(text), role)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*_clauses._ADVERBS, "甲", "极", "体", "市科技局"]), max_size=5).map("".join), st.integers(0, 20))
def test_an_adverb_starts_where_the_first_adverb_the_text_ends_with_starts(text, end):
    end = min(end, len(text))
    first = next((adverb for adverb in _clauses._ADVERBS if text.endswith(adverb, 0, end)), "")
    assert _clauses._adverb_start(text, end) == end - len(first)
