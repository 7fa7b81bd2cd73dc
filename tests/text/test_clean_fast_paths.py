"""The cleaning steps' fast paths agree with the plain definitions they stand in for."""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from policykit.text import _clean


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(" \t\u3000\u00a0\u7532a"), max_size=10))
@example("  \u7532")  # two spaces only in the indent the strip takes away
def test_a_table_row_is_one_by_the_stripped_line(line):
    assert _clean._is_table_row(line) == ("\t" in line or "  " in line.strip(_clean._LINE_SPACE))


# Full-width forms, Traditional-only characters (們 個 國 會), a Simplified one, Latin and a break: what the joint scan
# of fullwidth and traditional's test tells apart.
_FULL_OR_TRADITIONAL = st.text(alphabet=st.sampled_from("０９Ａｚ％．　，（們個國會说甲a \n"), max_size=40)


@settings(max_examples=400, deadline=None)
@given(_FULL_OR_TRADITIONAL)
@example("國０１國")  # a run right after the first Traditional-only character, and a second one
def test_the_joint_scan_gives_fullwidth_edits_and_the_first_traditional_character(text):
    edits, first = _clean._fullwidth_scan(text)
    assert edits == [(m.start(), m.end(), m.group().translate(_clean._FULLWIDTH_TABLE))
                     for m in _clean._FULLWIDTH.finditer(text)]
    found = _clean._TRADITIONAL_ONLY.search(text)
    assert first == (found.start() if found else len(text))
    assert _clean.fullwidth(text) == edits


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("們國報審说甲经济社会发展，"), min_size=60, max_size=120), st.integers(20, 30))
@example("報審議請" * 20 + "們", 20)  # Traditional text (not of the class) and the class's first character just past
@example("報審議請" * 20 + "們", 21)  # … and as the window's last character
@example("報審議請" * 15, 20)  # none at all (the offset given is the text's length)
def test_is_traditional_with_the_first_offset_given_is_the_search(text, sample):
    found = _clean._TRADITIONAL_ONLY.search(text)
    first = found.start() if found else len(text)
    assert _clean.is_traditional(text, sample, first) == _clean.is_traditional(text, sample)


def test_clean_hands_the_scan_to_traditional_as_the_steps_alone_would_run():
    texts = ["現在，我代表市人民政府向大會報告工作，請予審議，並請市政協委員和其他列席人員提出意見。２０２３年",
             "甲" * 8000 + "現在，我代表市人民政府向大會報告工作，請予審議。", "增长７．５％，ＧＤＰ", ""]
    for text in texts:
        step_by_step = text
        for step in _clean.STEPS.values():
            if edits := step(step_by_step):
                step_by_step = _clean.apply_edits(step_by_step, edits)[0]
        assert _clean.clean(text)[0] == step_by_step


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(" \t\u3000\u00a0\n甲"), max_size=16))
@example("甲\n \n\u3000\n甲")  # two lines of spaces, no empty line
@example("甲\n\n\n甲")
def test_whitespace_deletes_every_blank_run_the_search_finds(text):
    """whitespace() searches for blank runs only behind a gate: its deletions hold every run the search finds."""
    edits = _clean.whitespace(text)
    runs = [(m.start() + 1, m.end() - 1) for m in _clean._BLANK_RUN.finditer(text)]
    assert edits == [(s, e, "") for s, e in _clean._merge([(s, e) for s, e, _ in edits] + runs) if e > s]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("\r\n\u7532a\u200d"), max_size=12))
@example("\r")  # a lone CR
@example("\u7532\r\n")  # a CRLF
def test_newlines_gives_the_edits_of_the_cr_search(text):
    assert _clean.newlines(text) == [(m.start(), m.start() + 1, "" if m.group(1) else "\n") for m in _clean._CR.finditer(text)]


# Spaces of the four kinds, other blank characters (str.isspace: \r, \x0b, U+2028), line breaks and Han.
_BLANK_PIECES = st.text(alphabet=st.sampled_from(" \t\u3000\u00a0\n\r\x0b\u2028\u7532a"), max_size=16)


@settings(max_examples=500, deadline=None)
@given(_BLANK_PIECES)
@example("\u7532 ")  # a run closing the text, no line break after it
@example(" \n\t\n")  # lines of spaces alone, found both ways
def test_edge_spaces_are_those_found_in_the_text_reversed(text):
    """_edge_spaces finds the closing runs back from the breaks after a space and the text's end, where the runs
    opening a line of the text reversed were taken (and turned back)."""
    closing = [(len(text) - end, len(text) - start) for start, end in _clean.line_spans(_clean._OPENING_SPACES, text[::-1])]
    assert _clean._edge_spaces(text) == sorted({*_clean.line_spans(_clean._OPENING_SPACES, text), *closing})


@settings(max_examples=500, deadline=None)
@given(_BLANK_PIECES, st.integers(0, 16), st.integers(0, 16))
@example("  ", 0, 2)  # blank: the start passes the end
def test_trim_is_the_span_stripped(text, start, end):
    start, end = min(start, len(text)), min(max(start, end), len(text))
    span = text[start:end]
    first = start + len(span) - len(span.lstrip())
    assert _clean._trim(text, start, end) == (first, max(first, start + len(span.rstrip())))


@settings(max_examples=500, deadline=None)
@given(_BLANK_PIECES)
@example("  \n ")  # all blank: one deletion of it all
def test_whitespace_takes_the_text_edges_strip_takes(text):
    """whitespace() reads the blank edges of the text with _trim, where lstrip and rstrip copied the text."""
    edits = _clean.whitespace(text)
    edges = [(0, len(text) - len(text.lstrip())), (len(text.rstrip()), len(text))]
    assert edits == [(s, e, "") for s, e in _clean._merge([(s, e) for s, e, _ in edits] + edges) if e > s]


def _wrap_width_as_written(lines):
    """_wrap_width before the rejection from lengths in characters: every prose line's width computed."""
    from collections import Counter

    prose = [(w, line) for line in lines if len(line) >= _clean._MIN_WRAP_WIDTH // 2 and not _clean._is_table_row(line)
             and (w := _clean._display_width(line)) >= _clean._MIN_WRAP_WIDTH]
    if len(prose) < _clean._MIN_WRAPPED_LINES:
        return None
    counts = Counter(w for w, _ in prose)
    width = max(zip(counts.values(), counts))[1]
    tolerance = max(4, width // 10)
    full = [line for w, line in prose if width - tolerance <= w <= width + 2]
    if len(full) * 2 < len(prose) or sum(n for w, n in counts.items() if w > width + 2) * 10 > len(prose):
        return None
    if sum(not _clean._ends_sentence(line) for line in full) < _clean._MIN_WRAPPED_LINES:
        return None
    return width, tolerance


# Han (width 2), ASCII (1), Latin-1 (1.5), a character beyond the BMP (2.5), a sentence end, spaces and a tab.
_PAGE_LINE = st.text(alphabet=st.sampled_from("甲甲甲甲aa1é\U00020000。  \t"), min_size=8, max_size=48)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.tuples(_PAGE_LINE, st.integers(1, 6)), min_size=1, max_size=12))
@example([("甲" * 20, 6), ("乙" * 22, 6)])
# at the gate's bounds: page 40, one line of 42 the longest (42 - 2), half the lines 36 (40 - 4) wide at 18 characters
@example([("甲" * 20, 2), ("甲" * 18, 2), ("a" * 42, 1), ("甲" * 15, 1), ("甲" * 15 + "a", 1), ("甲" * 16, 1), ("甲" * 17, 1)])
@example([("甲" * 20, 3), ("甲" * 18, 2), ("a" * 42, 1), ("a" * 60, 1), ("甲" * 15, 1), ("甲" * 15 + "a", 1), ("甲" * 16, 1),
          ("甲" * 17, 1)])  # … and a tenth of the lines wider than the page
@example([("甲" * 22, 2), ("\U00020000" * 16, 2), ("a" * 46, 1), ("甲" * 15, 1), ("甲" * 16, 1), ("甲" * 17, 1),
          ("甲" * 18, 1)])  # 16 characters beyond the BMP are 40 wide, the least width of a page of 44
def test_wrap_width_rejected_from_lengths_is_the_test_as_written(runs):
    lines = [line for line, times in runs for _ in range(times)]
    assert _clean._wrap_width(lines) == _wrap_width_as_written(lines)
