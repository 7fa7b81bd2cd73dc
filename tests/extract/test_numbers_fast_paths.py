"""The number reader's fast paths agree with the plain definitions they stand in for."""
from __future__ import annotations

import re
from decimal import Context, Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from policykit.extract import _numbers

_FIN, _CN = _numbers._FINANCIAL_CHARS, _numbers._CN_CHARS
_AMBIGUOUS = "".join(r["char"] for r in _numbers._FINANCIAL_ROWS if r["ambiguous"] == "yes")
# Firm and ambiguous financial numerals and plain ones mixed with a currency and other characters, so
# runs of every kind occur.
_TEXT = st.text(alphabet=st.sampled_from(_FIN[:2] + _AMBIGUOUS + _CN[:5] + "元年，a1１．"), max_size=24)
_PLAIN_WIDTH = str.maketrans(_numbers._FULL_WIDTH_CHARS, "0123456789.%-~")


def _financial_by_definition(text: str) -> str:
    """The financial runs as a single pattern finds them: numeral runs that hold a financial character."""
    pieces, last = [], 0
    for m in re.finditer(f"[{_CN}{_FIN}]*[{_FIN}][{_CN}{_FIN}]*", text):
        run = m.group()
        firm = any(ch in _numbers._FIRM_FINANCIAL for ch in run) or sum(ch in _FIN for ch in run) > 1
        if firm or text.startswith(_numbers._MONEY_AFTER, m.end()):
            pieces += [text[last:m.start()], run.translate(_numbers._FINANCIAL)]
            last = m.end()
    return "".join(pieces) + text[last:]


@settings(max_examples=400, deadline=None)
@given(_TEXT)
@example("１伍元．２，壹")
def test_financial_runs_are_those_of_the_single_pattern(text):
    """One scan finds both kinds: the same text as mapping the full-width characters, then the financial runs."""
    assert _numbers.normalise_digits(text) == _financial_by_definition(text.translate(_PLAIN_WIDTH))


def test_financial_runs_cover_a_run_on_both_sides():
    assert _numbers.normalise_digits("共一佰二拾元，伍陆年") == "共一百二十元，五六年"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_numbers._FRACTION_OF + "三一%"), max_size=16))
@example(_numbers._FRACTION_OF * 2 + _numbers._FRACTION_OF[0])
def test_fraction_places_are_where_the_fraction_word_starts(text):
    # The loop over numerals asks whether the fraction word follows a numeral by a set test of these places.
    assert _numbers._fraction_places(text) == frozenset(
        at for at in range(len(text) + 1) if text.startswith(_numbers._FRACTION_OF, at))


_GAPPED = "".join(_numbers._GAPPED_PREFIXES)
_NEAR_GAPPED = st.text(alphabet=st.sampled_from(_GAPPED + "入选一人5"), max_size=16)


@settings(max_examples=300, deadline=None)
@given(_NEAR_GAPPED)
def test_gapped_reach_never_hides_a_gapped_prefix(text):
    everywhere = frozenset(range(len(text) + 1))
    reach = _numbers._gapped_reach(text)
    for start in range(len(text) + 1):
        assert _numbers._prefix_comparator(text, start, reach) == _numbers._prefix_comparator(text, start, everywhere)


@settings(max_examples=400, deadline=None)
@given(_NEAR_GAPPED)
@example("不低于不低于5，低于至少少")
def test_gapped_reach_is_the_reach_of_every_place_of_every_gapped_prefix(text):
    # The prefixes are found from one character of theirs (the second), searched once for the prefixes sharing it.
    assert _numbers._gapped_reach(text) == frozenset(
        at + len(word) + gap for word in _numbers._GAPPED_PREFIXES for at in range(len(text)) if text.startswith(word, at)
        for gap in range(_numbers._GAP + 1))


_CUE_CHARS = "".join(sorted({ch for cues in _numbers._PREFIX_CUES_BY_LAST.values() for cue, _, _ in cues for ch in cue}))


def _prefix_by_definition(text: str, start: int) -> tuple[str | None, str | None, int]:
    """The first cue, of all those ending with the character before ``start``, that the text ends with there."""
    for cue, word, comparator in _numbers._PREFIX_CUES_BY_LAST.get(text[start - 1], ()) if start else ():
        if text.endswith(cue, 0, start) and not any(w.endswith(cue) and text.endswith(w, 0, start)
                                                    for w in _numbers._NOT_CUES):
            return comparator, word, start - len(cue)
    return None, None, start


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=st.sampled_from(_CUE_CHARS + "最甲5"), max_size=8), st.integers(0, 8))
@example("控制在在5", 4)
@example("约5", 1)
def test_the_cues_tried_by_the_last_two_characters_are_those_tried_by_the_last(text, start):
    start = min(start, len(text))
    assert _numbers._prefix_comparator(text, start, frozenset()) == _prefix_by_definition(text, start)


def test_a_gapped_prefix_governs_across_a_short_verb():
    assert [(q.comparator, q.cue) for q in _numbers.find_quantities("至少入选一人")] == [(">=", "至少")]


# Coefficient and exponent drawn apart, so that whole values written with a point (1.00) occur; the
# reader never makes a positive exponent.
_DECIMALS = st.builds(lambda digits, exponent: Decimal(digits).scaleb(exponent),
                      st.integers(0, 10**12), st.integers(-6, 0))


def _scaled_by_definition(value, scale, factor):
    """value × scale × factor, exact, as an integer (exponent 0) when whole and without trailing zeros else."""
    result = Context(prec=80).multiply(Context(prec=80).multiply(value, scale), factor)
    return result.quantize(1) if result == result.to_integral_value() else result.normalize(Context(prec=80))


@settings(max_examples=300, deadline=None)
@given(_DECIMALS, st.sampled_from([1, 10, 10000, 10**8]), st.sampled_from(["1", "1.0", "0.0005", "15"]))
def test_scaled_is_the_exact_product_in_plain_notation(value, scale, factor):
    got = _numbers._scaled(value, scale, Decimal(factor))
    want = _scaled_by_definition(value, scale, Decimal(factor))
    assert (got, got.as_tuple().exponent) == (want, want.as_tuple().exponent)


_FIGURES = st.lists(st.sampled_from(["2.5", "3", "万", "元", "个", "以上", "至", "一", "，", "第", "%", "年"]),
                    max_size=8).map("".join)


@settings(max_examples=300, deadline=None)
@given(_FIGURES)
def test_first_quantity_is_the_first_found(text):
    found = _numbers.find_quantities(text)
    assert _numbers.first_quantity(text) == (found[0] if found else None)


_NEAR_UNITS = st.lists(st.sampled_from(["万", "千", "瓦", "时", "元", "人", "次", "P", "M", "平方", "米", "1", "甲"]),
                       max_size=6).map("".join)


@settings(max_examples=300, deadline=None)
@given(_NEAR_UNITS)
def test_unit_at_is_the_unit_alternation(text):
    for pos in range(len(text) + 1):
        found = _numbers._UNIT.match(text, pos)
        assert _numbers._unit_at(text, pos) == (found.group() if found else None)


@settings(max_examples=500, deadline=None)
@given(st.from_regex(r"\A[0-9]{1,8}(?:\.[0-9]{1,8})?\Z"), st.sampled_from(sorted(set(_numbers._EXPONENT_OF_SCALE.values()))))
def test_a_figure_shifted_by_its_digits_is_the_scaled_figure(plain, places):
    scaled = _numbers._scaled(Decimal(plain), 10 ** places)
    assert str(_numbers._shifted(plain, places)) == str(scaled)  # the same value, written the same way


# The definition of the unit alternation: every unit, longest first, a Latin one ending a word.
_PLAIN_UNIT = re.compile("|".join(re.escape(unit) + ("(?![A-Za-z])" if unit[-1].isascii() and unit[-1].isalpha() else "")
                                  for unit in _numbers._UNITS))
# Units, their first characters and first halves, Latin letters: texts where units begin, overlap and are cut short.
_UNIT_PIECES = st.lists(st.sampled_from(sorted({*_numbers._UNITS, *(u[:max(1, len(u) // 2)] for u in _numbers._UNITS),
                                               "s", "M", "甲", "1"})), max_size=4).map("".join)


@settings(max_examples=500, deadline=None)
@given(_UNIT_PIECES, st.integers(0, 3))
@example("个月年%", 0)  # a unit that begins longer ones, then units alone (the class of them)
@example("个月年%", 2)
def test_the_grouped_unit_alternation_matches_as_the_plain_one(text, pos):
    grouped, plain = _numbers._UNIT.match(text, pos), _PLAIN_UNIT.match(text, pos)
    assert (grouped and grouped.group()) == (plain and plain.group())


_DIGIT_RUNS = st.lists(st.sampled_from(["1", "23", "4567890123", "4567890123,", ",", ".", "e", "E", "+", "a", "亿", "%"]),
                       max_size=12).map("".join)


@settings(max_examples=500, deadline=None)
@given(_DIGIT_RUNS)
def test_unreadable_is_the_refusal_pattern(text):
    for m in _numbers._NUMBER.finditer(text):
        if m.group("arabic"):
            assert _numbers._unreadable(text, m) == bool(_numbers._UNREADABLE.match(text, m.start()))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("一亿万三元1甲"), max_size=16))
def test_runs_with_two_yi_are_the_numeral_runs_holding_two(text):
    runs = [(m.start(), m.group()) for m in _numbers._CN_RUN.finditer(text) if m.group().count(_numbers._YI) > 1]
    assert list(_numbers._runs_with_two_yi(text)) == runs


def test_an_upper_case_exponent_is_refused_too():
    assert _numbers.numeral_warnings("投资1E308亿元") == ("number not read at 2: scientific notation 1E308",)


_NEAR_SUFFIXES = st.lists(st.sampled_from(["及", "以", "上", "下", "内", "左右", "之", "1"]), max_size=6).map("".join)


@settings(max_examples=300, deadline=None)
@given(_NEAR_SUFFIXES)
def test_suffix_comparator_is_the_first_word_in_file_order(text):
    for pos in range(len(text) + 1):
        first = next(((c, w, pos + len(w)) for w, c in _numbers._SUFFIX_COMPARATORS if text.startswith(w, pos)),
                     (None, None, pos))
        assert _numbers._suffix_comparator(text, pos) == first


_FIELD_VALUES = st.tuples(
    st.decimals(allow_nan=False, allow_infinity=False), st.none() | st.decimals(allow_nan=False, allow_infinity=False),
    st.none() | st.text(max_size=3), st.decimals(allow_nan=False, allow_infinity=False),
    st.none() | st.decimals(allow_nan=False, allow_infinity=False), st.none() | st.text(max_size=3),
    st.sampled_from((">=", "=", "range")), st.none() | st.text(max_size=3), st.integers(0, 99), st.integers(0, 99),
    st.integers(0, 99))


@settings(max_examples=200, deadline=None)
@given(_FIELD_VALUES)
def test_a_quantity_built_fast_is_the_dataclass_built_by_its_init(values):
    fast, slow = _numbers._quantity(*values), _numbers.Quantity(*values)
    assert type(fast) is _numbers.Quantity
    assert vars(fast) == vars(slow) and list(vars(fast)) == list(vars(slow))  # same fields, same order
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)


# Figures and their near misses built from the lexicon's own pieces: a word before (comparator prefixes with
# their fillers, ordinals, words that make a numeral a word), a numeral in either script, scale characters
# (valid scale words and not), a unit (with those that begin with a scale character) and what may follow it
# (suffix comparators, approximations, ranges, 角/分, per-units, fractions, more figures).
_BEFORE = st.sampled_from(sorted({"", "，", "的", "a", *_numbers._ORDINAL_MARKS, *_numbers._WORD_BEFORE_NUMERAL,
                                  *(word + gap for word in _numbers._GAPPED_PREFIXES for gap in ("", "选", "入选", "入选了")),
                                  *_numbers._NOT_CUES, *(word for word, _ in _numbers._SCALE_PREFIXES),
                                  *(word + filler for word, _ in _numbers._PREFIX_COMPARATORS
                                    for filler in ("", *_numbers._words("cue_filler")))}))
_NUMERALS = st.sampled_from(sorted({"1", "12", "3.5", "0", "1,000", "123456789012345678901", "１２", "1e5", "十", "三十",
                                    "两三", "三点五", "十四五", "三万五", "二〇二三", "一二三", "十百", "千万", "万亿",
                                    *_numbers._DIGITS, *_numbers._SCALE_CHARS,
                                    *(word + "五" for word in _numbers._PERCENT_WORDS)}))
_SCALE = st.lists(st.sampled_from(_numbers._SCALE_CHARS), max_size=3).map("".join)
_SOME_UNITS = sorted({*_numbers._UNITS[:12], *_numbers._UNITS[-12:], *_numbers._UNIT_STARTS_WITH_MORE, *_numbers._YUAN,
                      "瓦", "米", "%", "个", "年", "亿元", "EB", "立方米", "吨"})
_UNIT_OR_NONE = st.sampled_from(["", *_SOME_UNITS])
_AFTER = st.lists(st.sampled_from(sorted({
    *(word for word, _ in _numbers._SUFFIX_COMPARATORS), *_numbers._APPROX_MARKS, *_numbers._RANGE_DASH, "--", "/",
    "1", "三", "5个", "零", _numbers._JIAO, _numbers._FEN, "1" + _numbers._JIAO, "七" + _numbers._FEN, "/立方米", "/万元",
    _numbers._TENTHS, _numbers._HALF, _numbers._FRACTION_OF,
    "万", "，", "e", *_SOME_UNITS})), max_size=3).map("".join)
_FIGURE = st.tuples(_BEFORE, _NUMERALS, _SCALE, _UNIT_OR_NONE, _AFTER).map("".join)
# The example holds a case of each thing the scan's skips and the common form must leave to the full reader.


@settings(max_examples=1500, deadline=None)
@given(st.lists(_FIGURE, min_size=1, max_size=3).map("".join))
@example("共64元1角7分，5吨/万元，3个-5个，3千瓦，3十百个，约3余吨以上，至少入选三，三分之5个，三成，三点五亿元，第亿十个，超百，第十二届")
@example("（1）推进，2、3.加强，500强，12.5，1,000，1e5个，1E5个，3点五，3分之1，至少入选3，在3。12345678901234567890，" + "1" * 21)
@example("2.50吨，3.0个，10.20元，120个，2.5万吨，0.05%，1,000.50元")  # unscaled figures whose fraction ends with a zero
@example("共有٣.٥٠个，۲.۰吨，३.५०万元，超过٣٠个，٣.٥٠%")  # digits of other scripts: their zero is no ASCII zero
def test_the_common_form_is_read_as_the_full_reader_reads_it(text):
    norm = _numbers.normalise_digits(text)
    # Compared as written (repr), not only by value: Decimal('2.50') == Decimal('2.5'), and the records keep the digits.
    assert [repr(q) for q in _numbers._quantities(norm)] == [repr(q) for q in _numbers._quantities(norm, fast=False)]


def _scanned(text: str) -> list[re.Match]:
    """The scan's matches, each searched for after the numeral before (a match spans a numeral's first character)."""
    found, pos = [], 0
    while (m := _numbers._SCAN.search(text, pos)) is not None:
        found.append(m)
        pos = m.end("numeral")
    return found


@given(st.text(alphabet=st.sampled_from("٣৪\u0700\U0001F600\U0001D7CE个年%e1,一"), max_size=30))
def test_the_scan_and_the_refusal_sieve_test_a_digit_class_after_the_blocks(text):
    by_definition = re.compile(rf"(?=[\d{_CN}]){_numbers._READ_AT}")
    assert [m.span("numeral") for m in _scanned(text)] == [m.span() for m in by_definition.finditer(text)]
    assert _numbers._may_be_unreadable(text) == bool(re.search(rf"\d(?:[eE]|(?:,?\d){{{_numbers.MAX_DIGITS}}})"
                                                               rf"|[{_CN}]{{{_numbers.MAX_NUMERAL_CHARS + 1}}}", text))


def test_the_scan_skips_the_numerals_with_nothing_to_read():
    text = "“十四五”时期，一是加强，万众一心，第十二届，千方百计，3个，三年，超过一，（1）推进，2、完善，3.加强，500强，12.5"
    assert [m.group("numeral") for m in _scanned(text)] == ["3", "三", "一", "12.5"]


@settings(max_examples=500, deadline=None)
@given(st.lists(_FIGURE, min_size=1, max_size=3).map("".join), st.integers(0, 8))
def test_the_scan_finds_the_numeral_a_scan_from_each_character_finds(text, pos):
    """The scan opening with a class matches where, and as, the scan opening with lookarounds (its definition) does."""
    by_definition = re.compile(rf"(?=[\d{_CN}]){_numbers._READ_AT}")
    fast, slow = _numbers._SCAN.search(text, pos), by_definition.search(text, pos)
    assert (fast and (fast.start(), fast.groupdict())) == (slow and (slow.start(), slow.groupdict()))
    # The loop takes the numeral's span from the match's start and the first group.
    assert not fast or fast.span("numeral") == (fast.start(), fast.start() + len(fast.groups()[0]))


def test_the_common_form_covers_figures_with_scale_unit_and_comparators():
    norm = "超过3.5万吨以上，三年，在1.完善"  # after 在 (the end of a cue) the scan leaves the 1 to the loop
    common = [_numbers._common_quantity(norm, m.groups(), *m.span("numeral"), norm[m.start() - 1:m.start()], frozenset())
              for m in _scanned(norm)]
    assert [(str(q.value), q.unit, q.comparator, q.cue, q.start, q.end) for q in common[:2]] == [
        ("3.5", "万吨", ">=", "以上", 0, 9), ("3", "年", "=", None, 10, 12)]
    assert common[2] is None  # a bare numeral, read as no quantity


# Runs of digits and commas, and of numeral characters, a little shorter and longer than those refused, at any
# offset among other characters: the runs the sampled characters must show, wherever the samples fall.
_RUN_OF_DIGITS = st.text(alphabet=st.sampled_from("1234567890,٣"), min_size=_numbers.MAX_DIGITS - 3,
                         max_size=_numbers.MAX_DIGITS + 12)
_RUN_OF_NUMERALS = st.text(alphabet=st.sampled_from(_CN), min_size=_numbers.MAX_NUMERAL_CHARS - 3,
                           max_size=_numbers.MAX_NUMERAL_CHARS + 4)
_FILLER = st.text(alphabet=st.sampled_from("甲a1,e一E."), max_size=9)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.one_of(_RUN_OF_DIGITS, _RUN_OF_NUMERALS, _FILLER), max_size=5).map("".join))
@example("甲" * 6 + "1" * 21)
@example("甲" * 6 + "一" * 65)
def test_the_sampled_search_for_refused_numbers_finds_what_the_whole_scan_finds(text):
    """Searched after each e/E and around the runs the every-_STRIDE-th characters show, as one scan of it all."""
    assert _numbers._may_be_unreadable(text) == (_numbers._MAY_BE_UNREADABLE.search(text) is not None)


def test_a_text_of_ordinary_figures_needs_no_scan_for_refused_numbers():
    assert not _numbers._may_be_unreadable("2023年投资3.5亿元，共" + "一" * 64 + "，编号12345678901234567890")
    assert _numbers._may_be_unreadable("编号123456789012345678901")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("1230,.万e个"), max_size=16), st.integers(0, 3))
@example("1,000,000,000.5", 0)
@example("1,000,0", 0)
def test_a_grouped_figure_is_read_as_its_one_or_more_groups(text, pos):
    """_ARABIC writes the groups (,ddd)+ as ,ddd(,ddd)*, so the engine tests the comma before it tries a group."""
    plain = re.compile(_numbers._NUMBER.pattern.replace(
        _numbers._ARABIC, r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:\.\d+)?"))
    fast, slow = _numbers._NUMBER.match(text, pos), plain.match(text, pos)
    assert (fast and fast.groupdict()) == (slow and slow.groupdict())


def _as_repeats(pattern: str) -> str:
    """``pattern`` with its optional items written X?, as they were before they became branches to nothing (?:X|)."""
    unit, suffix = f"(?P<unit>(?>{_numbers._UNIT.pattern}))", f"(?P<suffix>{_numbers._SUFFIX_WORDS})"
    pct, big = f"(?P<pct>{'|'.join(_numbers._PERCENT_WORDS)})", f"[{_numbers._BIG_CHARS}]*"
    tail = f"(?={unit}(?:{suffix}|)|)"  # the scan's alone: the numeral pattern has no unit
    for branch, repeat in ((tail, f"(?:(?={unit}{suffix}?))?"), (f"(?:{pct}|)", f"{pct}?"),
                           (r"(?:\.\d+|)", r"(?:\.\d+)?"), (f"{big}|)", f"{big})?")):
        assert branch in pattern or branch == tail and "(?P<unit>" not in pattern
        pattern = pattern.replace(branch, repeat)
    return pattern


_SCAN_AS_REPEATS = re.compile(_as_repeats(_numbers._SCAN.pattern))
_NUMBER_AS_REPEATS = re.compile(_as_repeats(_numbers._NUMBER.pattern))


@settings(max_examples=800, deadline=None)
@given(st.lists(_FIGURE, min_size=1, max_size=3).map("".join), st.integers(0, 8))
@example("超过3.5万吨以上，百分之五，三点五亿元，1,000.25个左右", 0)
def test_optional_items_as_branches_to_nothing_match_as_repeats(text, pos):
    """The scan and the numeral pattern, with (?:X|) for X?, match where and as the patterns written with X? do."""
    fast, slow = _numbers._SCAN.search(text, pos), _SCAN_AS_REPEATS.search(text, pos)
    assert (fast and (fast.span(), fast.groupdict())) == (slow and (slow.span(), slow.groupdict()))
    for at in range(pos, len(text)):
        fast, slow = _numbers._NUMBER.match(text, at), _NUMBER_AS_REPEATS.match(text, at)
        assert (fast and (fast.span(), fast.groupdict())) == (slow and (slow.span(), slow.groupdict()))
