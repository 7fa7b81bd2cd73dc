"""The vocabulary of unit names and roles, read from :mod:`policykit.lexicon` data files.

Government functions (发展改革, 财政 …) come from ``unit_functions.tsv``; unit heads, name-shaping words,
collectives and role words from their own topics (see the header of each file).
"""
from __future__ import annotations

from .. import lexicon
from ..lexicon import alternation_of as alternation  # the extractors' one alternation builder


def of_kind(topic: str, kind: str, column: str = "kinds") -> tuple[str, ...]:
    """The words (first column) of ``topic`` whose ``column`` lists ``kind``, in file order.

    Examples
    --------
    >>> "政法委" in of_kind("unit_name_words", "continuation")
    True
    """
    table = lexicon.table(topic)
    first = table.columns[0]
    return tuple(dict.fromkeys(row[first] for row in table.rows if kind in row[column].split("|")))


def lexicon_words(topic: str) -> tuple[str, ...]:
    """The words of a one-column topic (person_titles …), in file order.

    >>> "副县长" in lexicon_words("person_titles")
    True
    """
    return lexicon.words(topic)


def role_words(use: str) -> dict[str, str]:
    """Role of each word of ``role_words.tsv`` with the given use (label, verb, mark …), in file order.

    >>> role_words("short_label")["配合"]
    'participant'
    """
    return {row["word"]: row["role"] for row in lexicon.table("role_words").rows if use in row["uses"].split("|")}


# The one-character conjunctions that join two names of a list (和, 及, 与; function_words.tsv), as the
# readers of lists, clauses and headings put them in a character class.
CONJUNCTIONS = "".join(of_kind("function_words", "conjunction"))
# (category, English name, stems as written) rows, in file order.
FUNCTIONS = tuple((row["category"], row["name_en"], tuple(row["stems"].split("|")))
                  for row in lexicon.table("unit_functions").rows)
CATEGORY_NAMES_EN = {category: name_en for category, name_en, _ in FUNCTIONS}
# Stems that name a department on their own when the scrape lost the head (发展改革 for 发展改革局).
# One-character stems (委, 镇, 乡) are heads, not stems.
FUNCTION_STEMS = frozenset(
    stem for category, _, stems in FUNCTIONS if category not in ("township", "task_force")
    for stem in stems if len(stem) >= 2
)
# Names of government bodies as written (government_bodies.tsv): national names, their short and older
# forms, and the names of their local counterparts. Splitting never cuts inside one of them.
BODY_NAMES = frozenset(
    name for row in lexicon.table("government_bodies").rows
    for name in (row["name"], *row["forms"].split("|"), *row["local"].split("|")) if len(name) >= 2
)
