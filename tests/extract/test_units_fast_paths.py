"""The unit splitter's fast paths agree with the plain definitions they stand in for."""
from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from policykit.extract import _clauses, _units
from policykit.extract._lexicon import FUNCTION_STEMS

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


_RUN_BITS = st.lists(st.sampled_from([*_units.UNIT_HEADS[:12], "县", "市", "发展改革", "财政", "和", "及", "以及", "甲", "中",
                                      "心", "局", "科", "乡", "室", "技", "（牵头）", "（县税务局）", "（", "）", "\n"]),
                     max_size=7).map("".join)
_ONE_PARENTHETICAL = re.compile(r"[（(〔][^（()）〔〕]*[)）〕]")


@settings(max_examples=1000, deadline=None)
@given(_RUN_BITS, st.integers(0, 6), st.integers(-1, 12))
@example("财政局科技局", 0, -1)
@example("县科技局", 0, -1)
@example("县住房城乡建设局", 0, -1)
@example("县教育局（牵头）", 0, -1)
@example("县教育局（牵头）\n", 0, -1)  # a line break after it: the cut stays
@example("发展改革（牵头）", 0, 4)
@example("县委（县政府局）办公室", 0, -1)
def test_cuts_are_tried_where_a_test_of_every_offset_tries_them(name, pos, stem_end):
    # Only where _next_cut could take the cut: after a strong head, after a weak one closing more than two
    # characters (县科|技局 is no cut), or at the stem's end.
    # Not before a parenthetical that ends the name (县教育局|（牵头）): see the test below.
    slow = [cut for cut in range(pos + 2, len(name) - 1)
            if (cut == stem_end or name[pos:cut].endswith(_units._STRONG_HEADS)
                or cut - pos > 2 and name[pos:cut].endswith(_units._WEAK_HEADS))
            and not _ONE_PARENTHETICAL.fullmatch(name, cut)]
    assert _units._cut_offsets(name, pos, stem_end) == slow


@settings(max_examples=800, deadline=None)
@given(st.sampled_from(_units.OPENING), st.text(st.sampled_from([*"县局委各市有关部门发展改革牵头甲、，：“”\n "]), max_size=8),
       st.sampled_from(_units.CLOSING))
@example("（", "牵头", "）")
@example("（", "市粮食和物资储备局", "）")
@example("〔", "各有关部门", "〕")
def test_one_parenthetical_is_no_unit_and_opens_none(opening, inside, closing):
    # Why _cut_offsets offers no cut before a parenthetical ending the name: _next_cut would take none there.
    rest = opening + inside + closing
    if _ONE_PARENTHETICAL.fullmatch(rest):
        assert not _units.looks_like_unit(rest) and not _units.starts_unit_name(rest)


def _next_cut_slow(name, pos):
    # _next_cut as it reads, trying every offset after a unit head or at the stem's end.
    stem_end = _units._stem_end(name, pos)
    for cut in range(pos + 2, len(name) - 1):
        left, rest = name[pos:cut], name[cut:]
        if not (cut == stem_end or left.endswith(_units.UNIT_HEADS)) or _units._inside_body_name(name, cut):
            continue
        if left in _units._JURISDICTIONS or left[-1] + rest[0] in _units._WORDS_ACROSS:
            continue
        if (not _units._valid_start(rest) or not (_units.looks_like_unit(rest) or _units.starts_unit_name(rest))
                or _units._organ_of(left, rest)):
            continue
        if left.endswith(_units._STRONG_HEADS) or (left.endswith(_units._WEAK_HEADS) and len(left) > 2
                                                   and _units.starts_unit_name(rest)):
            return cut
        if cut == stem_end and _units.starts_unit_name(rest):
            return cut
    return None


@settings(max_examples=1000, deadline=None)
@given(_RUN_BITS, st.integers(0, 6))
@example("县中学县财政局", 0)
@example("县科技局", 0)
@example("发展改革财政局", 0)
@example("县发展改革委（牵头）", 0)
@example("县财政局（县税务局）", 0)
@example("县财政局（县税务局）", 4)
def test_the_next_cut_is_the_one_a_test_of_every_offset_finds(name, pos):
    assert _units._next_cut(name, pos) == _next_cut_slow(name, pos)


def _conjunction_cuts_slow(name):
    out = []
    for i, ch in enumerate(name):
        if ch in _units.CONJUNCTIONS and 0 < i < len(name) - 1:
            long = next((w for w in _units._LONG_CONJUNCTIONS if w[-1] == ch and name.startswith(w, i + 1 - len(w))), "")
            start = i + 1 - len(long) if long and i + 1 - len(long) > 0 else i
            left, right = name[:start], name[i + 1:]
            if (_units.ends_with_head(left) or left.endswith(_units._DEPARTMENT)) and _units.looks_like_unit(right):
                out.append((start, i + 1))
    return out


@settings(max_examples=800, deadline=None)
@given(_RUN_BITS)
@example("财政局和税务局")
@example("和财政局")
def test_conjunction_cuts_are_those_of_a_walk_over_every_character(name):
    assert _units._conjunction_cuts(name) == _conjunction_cuts_slow(name)


@settings(max_examples=600, deadline=None)
@given(_LIST_BITS)
@example("县财政局、等、区人民政府")
def test_a_piece_without_etc_is_not_trimmed(text):
    # _split_list trims only the pieces of a list holding a 等: the others have nothing trim_list removes.
    pieces = _units._merge_stubs(text, _units.split_outside_parentheses(text, 0, len(text)))
    without_etc = [(s, e) for s, e in pieces if not any(ch in text[s:e] for ch in _units.ETC)]
    assert [_units.trim_list(text, s, e) for s, e in without_etc] == without_etc


# Words of every class a strict unit name may end with, and some that end none (要, 工作, 甲).
_NAME_WORDS = sorted({*_units.UNIT_HEADS, _units._DEPARTMENT, *_units._MINISTRY_ENDS, *_units._ORGAN_HEADS,
                      *FUNCTION_STEMS, *_units.of_kind("unit_collectives", "body")})
_NAME_BITS = st.lists(st.sampled_from([*_NAME_WORDS, "各", "市", "县直", "有关", "（甲）", "甲", "要", "工作"]),
                      min_size=1, max_size=4).map("".join)


@settings(max_examples=800, deadline=None)
@given(_NAME_BITS)
@example("市发展改革")
@example("各有关部门")
@example("市委编办（甲）")
def test_a_name_read_as_a_unit_ends_with_a_strict_name_end(name):
    # no_strict_units rejects a stretch whose last character ends no such name: none may be lost.
    if _units.looks_like_unit(name, strict=True):
        assert name[-1] in _units._STRICT_NAME_ENDS


def test_every_name_word_that_reads_as_a_unit_ends_with_a_strict_name_end():
    names = [prefix + word for word in _NAME_WORDS for prefix in ("", "市", "各")]
    units = [name for name in names if _units.looks_like_unit(name, strict=True)]
    assert units and all(name[-1] in _units._STRICT_NAME_ENDS for name in units)
    # The clause reader looks at the last character outside its glue: no name may end with glue.
    assert not _units._STRICT_NAME_ENDS & set(_clauses._GLUE)


def _split_piece_slow(name):
    # _split_piece as it reads without its shortcuts: every piece tried at each conjunction and each offset.
    if _units.is_placeholder(name):
        cuts = [c for c in _units._conjunction_cuts(name)
                if name[c[1]:].startswith((_units._EACH, *_units._JURISDICTIONS))
                or len(name) - c[1] >= 4 and _units.ends_with_head(name[c[1]:])
                and bool(_units._COLLECTIVE_END.search(name[:c[0]]))]
        return ((0, cuts[0][0]), (cuts[0][1], len(name))) if cuts else ((0, len(name)),)
    spans, pos = [], 0
    for cs, ce in _units._conjunction_cuts(name):
        spans.append((pos, cs))
        pos = ce
    spans.append((pos, len(name)))
    out = []
    for s, e in spans:  # each run between conjunctions, cut where the walk cuts it (a collective is not walked)
        edges = [s, *(s + cut for cut in ([] if _units.is_placeholder(name[s:e]) else
                                          _units._split_run_together(name[s:e]))), e]
        out.extend(zip(edges, edges[1:]))
    return tuple(out)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(_RUN_BITS, st.deferred(lambda: _PLACEHOLDER_BITS)))
@example("法院财政局")
@example("发展改革财政局")
@example("县财政局和税务局")
@example("德源县司法局")  # 司 ends a head (公司) but none here: no offset, no conjunction
@example("县发展和改革局")  # a conjunction joining no two units
@example("县疾控中心及各乡镇卫生院")
@example("省直有关部门和各设区市人民政府")
def test_a_piece_splits_as_when_every_conjunction_and_offset_is_tried(name):
    # _split_piece answers a piece offering no head's end, stem's end or conjunction inside, then one whose head
    # ends offer no cut and holding no conjunction, as one name; and hands the walk the offsets it found.
    assert _units._split_piece.__wrapped__(name) == _split_piece_slow(name)


def test_the_generated_pieces_are_both_cut_and_uncut():
    assert _units._split_piece("县教育局") == ((0, 4),)
    assert _units._split_piece("发展改革财政局") == ((0, 4), (4, 7))
    assert _units._split_piece("法院财政局") == ((0, 2), (2, 5))


def _split_outside_parentheses_slow(text, start, end, separators):
    pieces, depth, piece_start = [], 0, start
    for i in range(start, end):
        if text[i] in _units.OPENING:
            depth += 1
        elif text[i] in _units.CLOSING:
            depth = max(depth - 1, 0)
        elif depth == 0 and text[i] in separators:
            pieces.append((piece_start, i))
            piece_start = i + 1
    pieces.append((piece_start, end))
    return [(s, e) for s, e in pieces if text[s:e].strip()]


_SPLIT_BITS = st.lists(st.sampled_from(["县财政局", "甲", "、", "，", "；", ";", " ", "\u3000", "\t", "\n", "\x1c", "\xa0",
                                        "（", "）", "(", ")", "〔", "〕"]), max_size=10).map("".join)


@settings(max_examples=600, deadline=None)
@given(_SPLIT_BITS, st.sampled_from([_units._SEPARATORS, _clauses._PART_SEPARATORS]), st.integers(0, 12), st.integers(0, 40))
@example("县财政局、\n、甲", _units._SEPARATORS, 0, 40)
@example(" ", _clauses._PART_SEPARATORS, 0, 1)  # a blank stretch is no piece
@example("县财政局（甲）", _clauses._PART_SEPARATORS, 0, 40)  # parentheses and no separator: one piece
def test_pieces_are_those_of_a_walk_over_every_character(text, separators, start, length):
    # A text without parentheses is split at once (_pieces_of); one with them by the count kept at each mark.
    start = min(start, len(text))
    end = min(start + length, len(text))
    assert _units.split_outside_parentheses(text, start, end, separators) == _split_outside_parentheses_slow(
        text, start, end, separators)


def _stem_prefix_slow(name):
    core = name.lstrip(_units._MARKS)
    return max((len(stem) for stem in FUNCTION_STEMS if core.startswith(stem)), default=0)


_STEM_BITS = st.lists(st.sampled_from([*sorted(FUNCTION_STEMS), "县", "市", "省", "发展", "改革", "局", "甲"]),
                      max_size=4).map("".join)


@settings(max_examples=800, deadline=None)
@given(_STEM_BITS)
@example("县发展改革委")
@example("发展和改革局")
@example("")
def test_the_stem_a_name_opens_with_is_the_longest_of_all_stems_it_starts_with(name):
    # _stem_prefix looks up only the stems sharing the name's first two characters.
    assert _units._stem_prefix(name) == _stem_prefix_slow(name)


_COLLECTIVE_WORDS = sorted({word for kind in ("owner", "collective_mark", "mark_owner", "all_levels", "level_owner",
                                              "qualifier", "bare", "ending", "task_force", "force_role", "direct",
                                              "each", "whole") for word in _units.of_kind("unit_collectives", kind)})
_PLACEHOLDER_BITS = st.lists(st.sampled_from([*_COLLECTIVE_WORDS, "县", "市", "区", "财政局", "甲", "（牵头）", "\n"]),
                             max_size=5).map("".join)


# is_placeholder matches the branches anchored at the start there only, and the others only when the last
# character can end them: it answers as one search of every branch at every character does.
_EVERY_PLACEHOLDER_BRANCH = re.compile(_units._PLACEHOLDER_START.pattern + "|" + _units._PLACEHOLDER_END.pattern)


@settings(max_examples=1000, deadline=None)
@given(_PLACEHOLDER_BITS)
@example("市委员会牵头单位\n")
@example("县直各部门")
@example("县直部门")
@example("国务院有关")
@example("各县")
@example("部门\n")
def test_a_placeholder_is_what_a_search_of_every_branch_at_every_character_finds(name):
    slow = bool(_EVERY_PLACEHOLDER_BRANCH.search(_units._strip_parenthetical(name)))
    assert _units.is_placeholder.__wrapped__(name) == slow


_HEAD_BITS = st.lists(st.sampled_from([*_units.UNIT_HEADS, "县", "甲", "（牵头）", "各", "部门", "机关", "\n"]),
                      max_size=3).map("".join)


@settings(max_examples=800, deadline=None)
@given(_HEAD_BITS)
@example("")
@example("县财政局（牵头）")
def test_a_name_ends_with_a_head_as_endswith_over_all_heads_tells(name):
    # _ends_with tries only the heads ending with the name's last character.
    for words, by_last in ((_units.UNIT_HEADS, _units._HEADS_BY_LAST), (_units._STRONG_HEADS, _units._STRONG_BY_LAST),
                           (_units._WEAK_HEADS, _units._WEAK_BY_LAST)):
        assert _units._ends_with(name, by_last) == name.endswith(words)
    core = _units._strip_parenthetical(name)
    assert _units.ends_with_head(name) == (core.endswith(_units.UNIT_HEADS) or _units.is_placeholder(name))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=6), st.integers(0, 10**6), st.integers(0, 10**6), st.booleans(), st.text(max_size=4))
@example("县科技局", 3, 7, False, "")
def test_a_mention_set_slot_by_slot_is_the_one_its_init_builds(mention, start, end, placeholder, shared_head):
    built = _units._mention(mention, start, end, placeholder, shared_head)
    made = _units.UnitMention(mention, start, end, placeholder, shared_head)
    assert built == made and repr(built) == repr(made) and hash(built) == hash(made)
    assert type(built) is _units.UnitMention  # filled in unfrozen, it is then a frozen UnitMention
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.start = end


def _split_list_slow(written):
    # _split_list as it read before its fast paths: the 等 pattern run over every list, each name sliced anew.
    segment = _units._ETC_INSIDE.sub(_units._etc_as_separators, written)
    out = []
    persons = bool(_units._PERSON_TITLE.search(segment))
    etc = any(ch in segment for ch in _units.ETC)
    for s, e in _units._merge_stubs(segment, _units.split_outside_parentheses(segment, 0, len(segment))):
        if etc:
            s, e = _units.trim_list(segment, s, e)
        if e - s < 2:
            continue
        for cs, ce in _units._split_piece(segment[s:e]):
            if persons:
                ce = _units._without_person(segment[s + cs:s + ce], ce)
            name = segment[s + cs:s + ce]
            if len(name) >= 2:
                out.append((name, s + cs, s + ce, _units.is_placeholder(name), ""))
    return _share_heads_slow(out)


_PERSON_BITS = st.sampled_from(["局长张三", "（局长张三）", "副县长", "县委书记"])


@settings(max_examples=800, deadline=None)
@given(st.lists(st.one_of(_LIST_BITS, _PERSON_BITS), max_size=4).map("".join))
@example("县财政局、市科技局等部门及各区")
@example("县财政局局长张三、县科技局")
@example("等")
@example("县财政局")
@example("\n\n")
@example("县财政局局长张三")
@example("县财政局和税务局")
@example("县财政局等部门")
@example("各区（市）政府")
@example("黄埔区、天河区人民政府")
def test_a_list_splits_as_when_the_etc_pattern_reads_every_list(written):
    # A list without 等 skips the 等 pattern and the trim: 等 being one character, one look tells. One without
    # a separator or 等 is one piece (unless blank), not split and walked.
    assert len(_units.ETC) == 1
    assert _units._split_list.__wrapped__(written) == _split_list_slow(written)


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet=_units.NAME_BREAKS + "“”县财政局甲各部门", max_size=7), st.booleans())
@example("县“财政”局", False)
@example("县“财政局", False)
@example("”县财政局", True)
def test_a_name_with_a_break_or_a_lone_quote_is_no_unit(name, strict):
    # looks_like_unit tests breaks and quotes only when one search finds either: a name it lets through has
    # none of the breaks and its quotes paired, and one it rejects is rejected as both tests reject it.
    if not _units._BREAK_OR_QUOTE.search(name):
        assert not _units._NAME_BREAK.search(name) and _units._quotes_paired(name)
    if len(name) < 2 or _units._NAME_BREAK.search(name) or not _units._quotes_paired(name):
        assert not _units.looks_like_unit.__wrapped__(name, strict)


def _looks_like_unit_strict_slow(name):
    """looks_like_unit(name, strict=True) as it read with the organ heads tried one by one at every name."""
    u = _units
    if len(name) < 2 or u._BREAK_OR_QUOTE.search(name) and (u._NAME_BREAK.search(name) or not u._quotes_paired(name)):
        return False
    core = u._strip_parenthetical(name)
    if u._CLAUSE_WORD.search(core) or core.startswith(u._VERB_STARTS):
        return False
    if u.is_placeholder(name):
        first = u._COLLECTIVE_BODY.search(core)
        if not first:
            return False
        if first.group() in u._GENERIC_BODIES:
            return bool(u._COLLECTIVE_TAIL.match(core, first.end()))
        return bool(u._COLLECTIVE_END.search(core)) or u._ends_with(core, u._HEADS_BY_LAST) or core.endswith(u._DEPARTMENT)
    if core.endswith(u._NOT_UNITS):
        return False
    if core.endswith(u._MINISTRY_ENDS) and len(core) >= 3:
        return True
    if organs := next((w for w in u._ORGAN_HEADS if core.endswith(w)), ""):
        return u.ends_with_head(core[:-len(organs)]) or core.startswith(u._JURISDICTIONS)
    if u._ends_with(core, u._WEAK_BY_LAST) and not u._ends_with(core, u._STRONG_BY_LAST):
        return len(core) >= 5 or core.startswith(u._JURISDICTIONS) or u._stem_prefix(core) > 0
    if core.endswith(u._DEPARTMENT) and not u._ends_with(core, u._HEADS_BY_LAST):
        sector = core[:-len(u._DEPARTMENT)]
        return u._stem_prefix(sector) > 0 or sector.startswith(u._JURISDICTIONS) or sector.endswith(u._SECTOR_ROLES)
    bare = name.lstrip(u._MARKS)
    return u.ends_with_head(name) or name.endswith(u._DEPARTMENT) or bool(bare) and u._stem_prefix(name) == len(bare)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from([*_NAME_WORDS[:40], *_units._ORGAN_HEADS, "县", "市直", "纪委", "监委", "实施", "数字",
                                 "（甲）", "甲", "站", "乡"]), min_size=1, max_size=4).map("".join))
@example("市纪委监委机关")
@example("市直机关")
@example("实施数字机关")
@example("机关")
def test_a_strict_unit_is_one_as_when_every_organ_head_is_tried(name):
    assert _units.looks_like_unit.__wrapped__(name, strict=True) == _looks_like_unit_strict_slow(name)


def _share_heads_slow(mentions):
    # _share_heads as it read before its gate: every mention but the last asked whether it looks like a unit, then
    # matched as a bare place or a division without its suffix.
    out = list(mentions)
    for k in range(len(out) - 2, -1, -1):
        mention, start, end, placeholder, _ = out[k]
        following, _, _, following_placeholder, following_head = out[k + 1]
        if placeholder or following_placeholder or _units.looks_like_unit(mention):
            continue
        if shared := _units._place_head(mention, following, following_head):
            out[k] = (mention, start, end, placeholder, shared)
    return tuple(out)


_PLACE_BITS = st.sampled_from(["黄埔区", "天河区", "济南", "青岛", "烟台市", "章丘市", "历城", "德源县", "东阳", "玉沙县",
                               "城关镇", "城关", "解放街道", "解放", "锡林郭勒盟", "阿拉善", "旗", "州", "乡", "甲乙"])
_SHARED_HEAD_BITS = st.sampled_from(["人民政府", "政府", "科技局", "财政局", "各部门", "（牵头）", "县科技局", "市政府",
                                     "区人民政府", "市直各部门", "各区"])


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.lists(st.one_of(_PLACE_BITS, _SHARED_HEAD_BITS), min_size=1, max_size=3).map("".join),
                min_size=2, max_size=5))
@example(["济南", "青岛", "烟台市政府"])  # divisions without their suffix
@example(["越秀区", "黄埔区", "天河区人民政府"])
@example(["解放街道", "城关街道人民政府"])  # a suffix of two characters
@example(["县科技局", "天河区人民政府"])
def test_heads_are_shared_as_when_every_mention_is_asked(names):
    # _share_heads tests a mention's last character and the division stems before the questions it asks of it.
    mentions = [(name, 0, len(name), _units.is_placeholder(name), "") for name in names]
    out = list(mentions)
    _units._share_heads(out)
    assert tuple(out) == _share_heads_slow(mentions)


def _conjunction_cuts_slow(name):
    # _conjunction_cuts asking the name before every conjunction whether it ends with a head or 部门 (no gate).
    out = []
    for i in range(1, len(name) - 1):
        if name[i] in _units.CONJUNCTIONS:
            long = next((w for w in _units._LONG_CONJUNCTIONS
                         if w[-1] == name[i] and name.startswith(w, i + 1 - len(w))), "")
            start = i + 1 - len(long) if long and i + 1 - len(long) > 0 else i
            left = name[:start]
            if ((_units.ends_with_head(left) or left.endswith(_units._DEPARTMENT))
                    and _units.looks_like_unit(name[i + 1:])):
                out.append((start, i + 1))
    return out


_CONJOINED_BITS = st.lists(st.sampled_from(["县", "发展", "各", "有关", "其他", "相关", "各级", "局", "部门", "部", "门", "和",
                                            "及", "以及", "与", "（牵头）", "改革局", "乡镇", "单位", "人民政府", "\n", "街道",
                                            "委", "直", "甲", "财政局"]), min_size=1, max_size=7).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_CONJOINED_BITS)
@example("县发展和改革局")
@example("各县发展和改革局")  # 各县发展 is read as a collective: the cut is taken
@example("县财政局（牵头）和税务局")  # the name before 和 ends with its parenthetical
@example("县有关部门及各乡镇")
@example("市直单位以及各乡镇")
def test_conjunction_cuts_are_those_of_asking_every_conjunction(name):
    # _conjunction_cuts asks the name before a conjunction only when it ends as a head, a collective or 部门 can, or
    # holds a collective's word.
    assert _units._conjunction_cuts(name) == _conjunction_cuts_slow(name)


def _stem_end_slow(name, pos):
    # The longest stem opening the name after its level marks, when long enough to stand for a name.
    stem = _units._stem_prefix(name[pos:])
    marks = len(name[pos:]) - len(name[pos:].lstrip(_units._MARKS))
    return pos + marks + stem if stem >= _units._LOST_HEAD_STEM else -1


_STEM_BITS = st.lists(st.sampled_from([*sorted(FUNCTION_STEMS)[:40], "发展改革", "发展和改革", "发展", "县", "市", "局", "甲",
                                       "人力资源社会保障", "人力资源"]), max_size=4).map("".join)


@settings(max_examples=800, deadline=None)
@given(_STEM_BITS, st.integers(0, 6))
@example("县发展和改革局", 0)
@example("市县发展改革委", 0)
@example("县科技局", 0)
def test_a_stem_ends_where_the_longest_stem_long_enough_ends(name, pos):
    assert _units._stem_end(name, pos) == _stem_end_slow(name, pos)
