"""The text readers' fast paths agree with the plain definitions they stand in for."""
from __future__ import annotations

import re
from functools import cache

from hypothesis import example, given, settings
from hypothesis import strategies as st

from policykit import lexicon
from policykit.text import _clean, _cues, _edits, _metadata, _reader, _split

_LATIN_TAIL_BY_DEFINITION = re.compile(r"(?:\n[ \t]*(?:[A-Za-z][A-Za-z .,:;'/()-]*)?[ \t]*)+\Z")
# Lines of Latin words, blanks, Han text and stray marks in any order.
_LINES = st.lists(st.sampled_from(["Public domain", "false", "", "  ", "政策文本", "a1", "(c) x", "\t"]), max_size=8)


@settings(max_examples=300, deadline=None)
@given(_LINES)
def test_latin_tail_is_where_the_single_pattern_finds_it(lines):
    text = "\n".join(lines)
    found = _LATIN_TAIL_BY_DEFINITION.search(text)
    assert _clean._latin_tail(text) == (found.start() if found else len(text))


def test_a_licence_line_after_the_text_is_cut():
    assert _clean.chrome("正文。\nPublic domain\nfalse") == [(3, 23, "")]


_MASKS = [row["word"] for row in lexicon.table("redaction_marks").rows if row["kind"] == "mask"]
_REDACTION_BY_DEFINITION = re.compile(r"\*+|×{2,}|[Xx]{2,}|○{2,}|" + lexicon.alternation_of(_MASKS))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["*", "×", "X", "x", "○", "张", "。", *_MASKS]), max_size=12).map("".join))
def test_redactions_are_those_of_the_plain_alternation(text):
    assert ([m.span() for m in _reader._REDACTION.finditer(text)]
            == [m.span() for m in _REDACTION_BY_DEFINITION.finditer(text)])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["*", "×", "X", "x", "○", "张", "。", "3", *_MASKS]), max_size=12).map("".join))
@example("张xX。")  # each doubled mark alone, beside Chinese text
@example("张Xx。")
@example("张○○。")
def test_the_mask_tests_keep_every_text_that_holds_a_mask(text):
    offsets = _reader.OffsetMap(((0, 0),))
    fast = _reader._redactions(text, offsets, "x.txt")
    kept = _reader._MASK_START, _reader._MASK_CUES
    _reader._MASK_START = _reader._MASK_CUES = ("",)  # "" is in every text: the pattern always runs
    try:
        assert _reader._redactions(text, offsets, "x.txt") == fast
    finally:
        _reader._MASK_START, _reader._MASK_CUES = kept


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("\u200b\u200c\u200d\u2060\ufeff甲 \n"), max_size=12))
def test_every_zero_width_mark_goes(text):
    clean = _clean.apply_edits(text, _clean.whitespace(text))[0]
    assert not any(mark in clean for mark in "\u200b\u200c\u200d\u2060\ufeff")


# A body, a footer line (its parts each there or not) and a second text after it.
_FOOTER_PIECES = st.builds(
    lambda body, office, date, printed, after: f"{body}\n{office}{date}{printed}\n{after}",
    st.sampled_from(["", "甲" * 300]), st.sampled_from(["", "某某市人民政府办公室"]),
    st.sampled_from(["", "2024年3月1日"]), st.sampled_from(["", "印发", "印"]), st.sampled_from(["", "乙" * 300]))


@settings(max_examples=200, deadline=None)
@given(_FOOTER_PIECES)
def test_footer_cuts_are_those_of_the_pattern_tried_everywhere(text):
    fast = _split.split_documents(text)
    printed, _split._PRINTED = _split._PRINTED, ("",)  # "" is found in every segment: the pattern always runs
    try:
        assert _split.split_documents(text) == fast
    finally:
        _split._PRINTED = printed


_PAGE_PIECES = st.one_of(
    st.lists(st.sampled_from(["篇1", "篇2", "附件", "附 件1", "\n", "甲" * 200, "一、总则", "：", " "]), max_size=10).map("".join),
    # an aggregator page: a preamble, then pieces marked 篇N on lines of their own
    st.builds(lambda lead, first, second: f"{lead}\n{first}\n{'乙' * 300}\n{second}\n{'丙' * 300}",
              st.sampled_from(["", "甲" * 250]), st.sampled_from(["篇1", "1"]), st.sampled_from(["篇2", "2"])))


@settings(max_examples=300, deadline=None)
@given(_PAGE_PIECES)
def test_piece_and_annex_lines_are_those_of_the_patterns_tried_everywhere(text):
    fast = _split.split_documents(text)
    kept = _split._PIECE_WORDS, _split._ANNEX_WORDS
    _split._PIECE_WORDS = _split._ANNEX_WORDS = ("",)  # "" is in every text: the patterns always run
    try:
        assert _split.split_documents(text) == fast
    finally:
        _split._PIECE_WORDS, _split._ANNEX_WORDS = kept


_SPACED_LINES = st.text(alphabet=st.sampled_from(" \t\u3000\u00a0\n甲\r"), max_size=16)


@settings(max_examples=400, deadline=None)
@given(_SPACED_LINES)
def test_edge_spaces_are_the_runs_of_spaces_at_a_line_edge(text):
    runs = [m.span() for m in re.finditer(r"[ \t\u3000\u00a0]+", text)]
    at_edge = [(s, e) for s, e in runs if s == 0 or text[s - 1] == "\n" or e == len(text) or text[e] == "\n"]
    assert _clean._edge_spaces(text) == at_edge


def _chrome_by_definition(text: str) -> list:
    """chrome() as first written: short lines found by a multiline pattern."""
    short = list(re.finditer(r"^[^\n]{1,100}$", text, re.M))
    spans = [_clean._line_span(text, m.start(), m.end()) for m in short if _clean._CHROME_LINE.fullmatch(m.group())]
    spans += [_clean._profile_block(text, m.start(), m.end()) for m in short if _clean._POST_LINE.fullmatch(m.group())]
    tail = _clean._latin_tail(text)
    if text[tail:].strip():
        spans.append((tail, len(text)))
    for m in _clean._TAIL_MARKER.at_start.finditer(text):
        rest = text[m.start():]
        if len(rest) <= _clean._TAIL_MAX_CHARS and all(len(line) <= _clean._TAIL_MAX_LINE for line in rest.split("\n")):
            spans.append((m.start(), len(text)))
            break
    return [(s, e, "") for s, e in _clean._merge(spans)]


_PAGE_LINES = st.lists(st.sampled_from(["首页 > 新闻", "正文。", "甲" * 101, "首页 > " + "某" * 95, "首页 > " + "某" * 96, "", "  ", "版权所有 某某网", "相关文章",
                                        "发表于 2020-1-1 显示全部楼层", "楼主", "返回列表",
                                        # a line of each kind, after the marks that may lead one, and lines opening like one
                                        "• 【打印本页】 【关闭窗口】", "\u3000Rank: 3", "·[LV.5] 某", "您 现在的位置：某", "欢迎访问某某网",
                                        "查看: 12 | 回复: 3", "\t一键复制全文", "© 2020", "Powered by X", "设为首页 | 收藏本站",
                                        "一、总则", "返回", "\t", "•"]), max_size=8).map("\n".join)


@settings(max_examples=400, deadline=None)
@given(_PAGE_LINES)
def test_chrome_is_what_the_multiline_patterns_find(text):
    assert _clean.chrome(text) == _chrome_by_definition(text)


# A tail marker line with short lines after it, the whole tail a little under or over _TAIL_MAX_CHARS long
# (or exactly), after a long body: only a marker that starts within the tail may cut.
_LONG_TAILS = st.builds(
    lambda body, marker, lines, pad: "\n".join(["甲" * body, marker, *["某" * 99] * lines, "某" * pad]),
    st.integers(0, 4200), st.sampled_from(["版权所有 某某网", "相关文章", "正文"]), st.integers(35, 41), st.integers(0, 99))


@settings(max_examples=300, deadline=None)
@given(_LONG_TAILS)
@example("\n".join(["甲" * 100, "相关文章", *["某" * 99] * 39, "某" * 95]))  # the tail exactly _TAIL_MAX_CHARS long: cut
@example("\n".join(["甲" * 100, "相关文章", *["某" * 99] * 39, "某" * 96]))  # one character longer: kept
def test_a_tail_marker_cuts_only_within_the_tail_limit(text):
    assert _clean.chrome(text) == _chrome_by_definition(text)


@cache
def _alternation_of_names(suffix: str) -> re.Pattern[str]:
    from policykit.text import _places
    return re.compile(lexicon.alternation_of({d.name for d in _places._spoken_divisions(suffix)}))


def _names_by_alternation(text: str, suffix: str) -> set[str]:
    return {m.group() for m in _alternation_of_names(suffix).finditer(text)}


def _named_text(suffix: str):
    from policykit.text import _places
    names = sorted(_places._division_names(suffix)[0])
    # names that share characters (a name inside a longer one, names run together) and the suffix alone
    pieces = [*names[:40], *(n for n in names if len(n) > 3)][:80] + [suffix, "新", "城", "，", "中"]
    return st.lists(st.sampled_from(pieces), max_size=8).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from("省市县区").flatmap(lambda suffix: st.tuples(st.just(suffix), _named_text(suffix))))
def test_named_divisions_are_those_one_alternation_finds(case):
    from policykit.text import _places
    suffix, text = case
    assert _places.named_divisions(text, suffix) == _names_by_alternation(text, suffix)


_NOTICE_LINES = st.lists(st.sampled_from(["关于", "印发", "《", "计划", "》", "的", "通知", "\n", "意见"]), max_size=8).map("".join)


@settings(max_examples=400, deadline=None)
@given(_NOTICE_LINES)
@example("关于印发《计划》的通知\n")  # the pattern's $ allows one final line break
def test_is_notice_is_the_notice_pattern(line):
    assert _split._is_notice(line) == bool(_split._NOTICE.search(line))


_FULLWIDTH_BY_DEFINITION = re.compile(_clean._FULLWIDTH_CHAR + "+")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("０９Ａｚ％．　，（甲a \n"), max_size=16))
def test_fullwidth_runs_are_those_of_the_repeated_class(text):
    assert [m.span() for m in _clean._FULLWIDTH.finditer(text)] == [m.span() for m in _FULLWIDTH_BY_DEFINITION.finditer(text)]


# Pieces of the lines the line patterns look for (annex, 篇, footer, tail marker lines) and what stands around them.
_LINE_PIECES = st.lists(st.sampled_from(["附件", "附 件", "篇", "2", "：", " ", "\u3000", "\n", "\n\n", "甲",
                                         "某某市人民政府办公室", "2024年3月1日", "印发", "版权所有", "。"]), max_size=12).map("".join)
_LINE_PATTERNS = {"annex": _split._ANNEX, "piece": _split._PIAN, "footer": _split._FOOTER, "tail": _clean._TAIL_MARKER}


@settings(max_examples=400, deadline=None)
@given(_LINE_PIECES, st.sampled_from(sorted(_LINE_PATTERNS)), st.integers(0, 40), st.integers(0, 40))
@example("甲\n附件\n乙", "annex", 2, 10)  # a line that opens right at the start of the search
@example("附件2\n附件", "annex", 0, 10)  # a line at the text's start
def test_line_spans_are_those_of_the_pattern_led_by_a_caret(text, name, start, length):
    pattern = _LINE_PATTERNS[name]
    start = min(start, len(text))
    end = min(start + length, len(text))
    by_caret = [m.span() for m in pattern.at_start.finditer(text, start, end)]
    assert _cues.line_spans(pattern, text, start, end) == by_caret
    assert _cues.line_spans(pattern, text) == [m.span() for m in pattern.at_start.finditer(text)]


def test_a_line_of_spaces_opens_a_wrapped_title_and_an_empty_line_does_not():
    # as when the lines were the matches of [^\n]+: an empty line was no line at all
    after = "这是一个很长的句子，没有句号\n{}青岛市支持企业发展\n奖补政策实施细则"
    assert _split._title_blocks(after.format("\n")) == [(26, 34, ["奖补政策实施细则"])]
    assert _split._title_blocks(after.format("  \n")) == [(18, 36, ["青岛市支持企业发展奖补政策实施细则"])]


_TITLE_NOUNS = lexicon.words("title_nouns")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*_TITLE_NOUNS, "”", "》", "（试行）", "(2021年)", " ", "\n", "甲", "。", "）"]), max_size=6).map("".join))
def test_a_title_end_is_searched_for_only_where_the_last_character_lets_it_be(line):
    fast, slow = _split._ends_title(line), _split._TITLE_END.search(line)
    assert (fast and fast.span()) == (slow and slow.span())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("。；，：:,;甲1 "), max_size=8))
def test_a_clause_mark_is_one_of_the_marks(line):
    assert (_split._CLAUSE_MARK.search(line) is None) == (not any(c in line for c in "。；，：:,;"))


@settings(max_examples=300, deadline=None)
@given(st.integers(2, 30).flatmap(lambda n: st.tuples(st.just(n), st.sets(st.integers(1, n), max_size=10))))
def test_deletions_alone_anchor_as_any_edits_do(case):
    n, cuts = case
    text = "".join(chr(0x4E00 + i) for i in range(n))  # distinct characters: each kept one has one old place
    bounds = sorted(cuts)
    deletions = [(a, b, "") for a, b in zip(bounds[::2], bounds[1::2])]
    new, anchors = _edits.apply_edits(text, deletions)
    # the same edits behind a same-length replacement of the first character, which takes the general path
    assert (new, anchors) == _edits.apply_edits(text, [(0, 1, text[0]), *deletions])
    keys = [k for k, _ in anchors]
    for i, ch in enumerate(new):
        at = max(k for k in range(len(keys)) if keys[k] <= i)
        assert text[anchors[at][1] + i - anchors[at][0]] == ch


def _edits_of(text: str, cuts: set[int], insert: bool) -> list:
    """Edits between sorted cut points: deletions, or (``insert``) replacements two characters longer."""
    bounds = sorted(c for c in cuts if c <= len(text))
    return [(a, b, "＋＋" + text[a:b] if insert else "") for a, b in zip(bounds[::2], bounds[1::2])]


def _to_old(anchors: list, pos: int) -> int:
    """As OffsetMap.to_raw: the last anchor at or before ``pos`` (the later of two at one position)."""
    key, old = [a for a in anchors if a[0] <= pos][-1] if anchors[0][0] <= pos else anchors[0]
    return old + pos - key


@settings(max_examples=300, deadline=None)
@given(st.integers(2, 24), st.sets(st.integers(0, 24), max_size=8), st.sets(st.integers(0, 30), max_size=8), st.booleans(), st.booleans())
def test_composed_anchors_map_as_the_two_steps_in_turn(n, first_cuts, second_cuts, first_inserts, second_inserts):
    raw = "".join(chr(0x4E00 + i) for i in range(n))
    middle, inner = _edits.apply_edits(raw, _edits_of(raw, first_cuts, first_inserts))
    final, outer = _edits.apply_edits(middle, _edits_of(middle, second_cuts, second_inserts))
    composed = _edits.compose(outer, inner)
    for pos in range(len(final)):
        assert _to_old(composed, pos) == _to_old(inner, _to_old(outer, pos))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["发布日期：2024年3月1日", "发\n布日期", "来源：某某网", "", "正文"]), max_size=5).map("\n".join))
def test_page_dates_are_the_lines_that_name_a_publication_date(head):
    lines = [line for line in head.split("\n") if _reader._PUBLISHED.search(line)]
    assert _reader._page_dates(head) == "\n".join(lines)



def _shares_characters(a: str, b: str) -> bool:
    """True when an occurrence of ``a`` and one of ``b`` can overlap in a text: one inside the other, or an end of
    ``a`` that opens ``b``."""
    return a in b or b in a or any(a.endswith(b[:i]) for i in range(1, len(b)))


def test_no_self_reference_word_overlaps_a_word_of_another_level():
    """What lets one scan count every level's words (_metadata._spoken)."""
    spoken = _metadata._SPOKEN
    assert len(_metadata._LEVEL_SPOKEN) == sum(map(len, spoken.values()))  # no word speaks for two levels
    assert not [(a, b) for la in spoken for lb in spoken if la != lb for a in spoken[la] for b in spoken[lb]
                if _shares_characters(a, b)]


def test_words_that_overlap_are_told():
    assert _shares_characters("全省", "省市") and _shares_characters("各省", "省") and not _shares_characters("我市", "全市")


_SPOKEN_WORDS = [w for words in _metadata._SPOKEN.values() for w in words]


@settings(max_examples=300, deadline=None)
# the words, their characters apart, and other text around them
@given(st.lists(st.sampled_from([*_SPOKEN_WORDS, *sorted({c for w in _SPOKEN_WORDS for c in w}), "甲", "人民政府"]),
                max_size=12).map("".join))
def test_self_references_are_counted_as_a_scan_per_level_counts_them(text):
    assert _metadata._spoken(text) == {level: len(re.findall(lexicon.alternation_of(words), text))
                                       for level, words in _metadata._SPOKEN.items()}


_HEAD_LINE_PATTERNS = [_metadata._DATE_LINE, _metadata._ORG_LINE, _metadata._DOC_NUMBER, _metadata._FOOTER, _metadata._REPORT_DATE,
                       _metadata._TITLE_LABEL, _split._NEWS]
# Header, news and signature lines, their parts apart, blank lines and spaces between them
_HEAD_TEXTS = st.lists(st.sampled_from(["\n", "\n\n", " ", "（", "）", "2020年1月1日", "二〇二〇年一月一日", "某某市人民政府", "办公室",
                                        "印发", "国发〔2020〕1号", "在", "甲", "中共", "标题：", "来源：", "3月1日讯", "记者"]),
                       max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(_HEAD_TEXTS, st.sampled_from(_HEAD_LINE_PATTERNS))
def test_lines_found_from_the_line_breaks_are_those_the_pattern_finds_at_each_line_start(text, pattern):
    first = pattern.at_start.search(text)
    found = _cues.line_search(pattern, text)
    assert (found and found.groups()) == (first and first.groups())
    assert [m.groups() for m in _cues.line_matches(pattern, text)] == [m.groups() for m in pattern.at_start.finditer(text)]


_PAREN_LETTERS_BY_DEFINITION = re.compile(r"\(([a-z" + "".join(_clean._TONES.values()) + r"]{1,6})\)")


def _pinyin_by_definition(text: str) -> list[tuple[int, int, str]]:
    """Every group of letters in parentheses, kept where a Han character stands before it and it is a syllable."""
    found = [(m.start(), m.end(), m.group(1).isascii()) for m in _PAREN_LETTERS_BY_DEFINITION.finditer(text)
             if "\u3400" <= text[m.start() - 1:m.start()] <= "\u9fff" and _clean._SYLLABLE.fullmatch(m.group(1))]
    noisy_page = sum(not plain for *_, plain in found) >= 3
    edits = [(start, end, "") for start, end, plain in found if noisy_page or not plain]
    if noisy_page and "?" in text:
        edits += [(m.start(1), m.end(), "") for m in _clean._MANGLED_PINYIN.finditer(text) if _clean._SYLLABLE.fullmatch(m.group(1))]
    return sorted(edits)


# Han characters (of both ends of the range and just outside it), parentheses, syllables with and without tones,
# letters that are no syllable, too many letters, and the remnant of a character lost to mojibake
_PINYIN_PIECES = ["運", "\u3400", "\u9fff", "\u33ff", "\ua000", "a", "(", ")", "?", "yùn", "dòng", "men", "zhuang", "zhuangg",
                  "shuāng", "lǚ", "nü", "qx", "er", "ng", " ", "(zì)", "?cè)", "1"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PINYIN_PIECES), max_size=24).map("".join))
@example("運(yùn)動(dòng)會(huì)他們(men)?cè)")
@example("(a)運(a)(yùn)運(zhuangg)運(zhuang)")
@example("運(yùn)動(dòng)他們(men)")  # two toned syllables: not yet a noisy page
@example("運(yùna)運(dòngx)")  # a syllable and one letter more
def test_pinyin_is_what_the_letters_in_parentheses_checked_after_give(text):
    assert _clean.pinyin(text) == _pinyin_by_definition(text)


# Anchors as apply_edits and shift make them: the first at position 0, so one inner anchor is (0, raw). (An inner
# anchor (key, raw) with key > 0 alone describes the same map as (0, raw - key), written otherwise: compose keeps
# the inner list as given when the outer one is the identity, so no test of one written form can hold there.)
@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 50), st.integers(0, 50)), max_size=5).map(sorted), st.integers(0, 50),
       st.integers(0, 9))
def test_anchors_composed_with_one_inner_anchor_are_shifted_by_it(rest, first_raw, raw):
    outer = [(0, first_raw), *rest]
    assert _edits.compose(outer, [(0, raw)]) == [(c, o + raw) for c, o in outer]
