"""The HTML reader's fast paths agree with the plain definitions they stand in for."""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from policykit.text import _html


def _looks_like_html_by_definition(text: str) -> bool:
    """As first written: the start pattern and the two counts asked of every text."""
    return bool(_html._HTML_START.match(text[:2048])) or text.count("</p>") + text.count("</td>") > 5


# Pieces of tags and of plain text: every test the definition asks can pass or fail.
_PIECES = st.lists(st.sampled_from(["<", "</p>", "</td>", "<html>", "<P>", "<p ", "<TABLE", "<!doctype html", " ", "\n", "p",
                                    "甲", "x"]), max_size=12).map("".join)


@settings(max_examples=500, deadline=None)
@given(_PIECES)
@example("</p>" * 6)  # the counts alone
@example(" <div>")  # the start pattern alone
@example("甲\n" * 3)  # no tag at all
def test_looks_like_html_as_by_definition(text):
    assert _html.looks_like_html(text) == _looks_like_html_by_definition(text)
