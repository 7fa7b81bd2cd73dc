"""The gazetteer of government bodies (``lexicon/data/government_bodies.tsv``) as the registry reads it.

A national body is recognised only by a name that belongs to it alone: its standard name or a form no
local body also uses (国家发改委 and 科技部 are national; 发改委 and 卫健委 name the local commissions too).
Local counterparts give English names where "<function> <head>" would be wrong (县委组织部 → County Party
Committee Organization Department, 河北银保监局 → Office, China Banking and Insurance Regulatory Commission).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from .. import lexicon


@dataclass(frozen=True)
class Body:
    """One row of the gazetteer."""

    name: str
    name_en: str
    kind: str
    local_en: str
    local: tuple[str, ...] = ()  # how its local counterparts are named (税务局, 金融监管分局 …)
    local_function_en: str = ""  # English of its local counterparts' function (Earthquake for 地震局)


def _bodies() -> tuple[tuple[Body, tuple[str, ...], tuple[str, ...]], ...]:
    return tuple(
        (Body(row["name"], row["name_en"], row["kind"], row["local_en"], tuple(f for f in row["local"].split("|") if f),
              row["local_function_en"]),
         tuple(f for f in row["forms"].split("|") if f), tuple(f for f in row["local"].split("|") if f))
        for row in lexicon.table("government_bodies").rows
    )


_LOCAL_FORMS = frozenset(form for _, _, local in _bodies() for form in local)
_LOCAL_FORMS_LONGEST_FIRST = tuple(sorted(_LOCAL_FORMS, key=len, reverse=True))


def starts_local_body(name: str) -> bool:
    """Whether ``name`` opens with the name of a standard local body (民政局, 民宗局, 政务服务中心 …).

    >>> starts_local_body("民宗局"), starts_local_body("民间组织")
    (True, False)
    """
    return name.startswith(_LOCAL_FORMS_LONGEST_FIRST)


# Names that can only mean the national body (a standard name, or a form no local body shares).
_NATIONAL = {
    written: body for body, forms, _ in _bodies() if body.kind != "local"
    for written in (body.name, *forms) if written not in _LOCAL_FORMS
}


def national_body(name: str) -> Body | None:
    """The national body ``name`` names, when it can name no other.

    >>> national_body("国家发改委").name, national_body("发改委")
    ('国家发展和改革委员会', None)
    """
    return _NATIONAL.get(name)


# Names a national body is written with, longest first: a local office written after one of them
# (国家税务总局成武县税务局, 中国人民银行济南分行) is that body's branch.
_PREFIXES = tuple(sorted(
    ((written, body) for body, forms, _ in _bodies() if body.kind != "local" for written in (body.name, *forms)
     if len(written) >= 4),
    key=lambda pair: -len(pair[0]),
))


_PREFIXES_BY_FIRST = lexicon.by_char(_PREFIXES, 0, itemgetter(0))


def branch_of(name: str) -> tuple[Body, str] | None:
    """The national body whose local branch ``name`` is, and the branch's own name after it.

    >>> body, rest = branch_of("国家税务总局成武县税务局")
    >>> body.name, rest
    ('国家税务总局', '成武县税务局')
    """
    for written, body in _PREFIXES_BY_FIRST.get(name[:1], _PREFIXES_BY_FIRST[""]):
        if name.startswith(written) and len(name) - len(written) >= 2:
            return body, name[len(written):]
    return None


@lru_cache(maxsize=4)
def _local_english(normalise: Callable[[str], str]) -> dict[str, tuple[tuple[str, str], ...]]:
    """(normalised local form, English) pairs, longest form first, by the form's last character."""
    pairs = {normalise(form): body.local_en for body, _, local in _bodies() if body.local_en for form in local}
    return lexicon.by_char(sorted(pairs.items(), key=lambda pair: -len(pair[0])), -1, itemgetter(0))


def local_english(key: str, normalise: Callable[[str], str]) -> str | None:
    """English of the local body a registry ``key`` ends with, when the gazetteer gives one.

    ``normalise`` writes a local form the way keys are written (和 dropped, 委员会 -> 委 …).
    """
    forms = _local_english(normalise)
    return next((english for form, english in forms.get(key[-1:], forms[""]) if key.endswith(form)), None)


@lru_cache(maxsize=4)
def _local_forms(normalise: Callable[[str], str]) -> dict[str, tuple[tuple[str, Body], ...]]:
    """(normalised local form, body) pairs of every body, longest form first (the first body listing a form
    keeps it), by the form's last character."""
    pairs: dict[str, Body] = {}
    for body, _, local in _bodies():
        for form in local:
            pairs.setdefault(normalise(form), body)
    return lexicon.by_char(sorted(pairs.items(), key=lambda pair: -len(pair[0])), -1, itemgetter(0))


def local_function_english(key: str, normalise: Callable[[str], str]) -> str | None:
    """English of the function of the local body a registry ``key`` ends with, when the gazetteer gives one
    (省地震局 -> Earthquake); the longest local form decides (文化旅游局 is no 旅游局 of the former tourism body).

    >>> local_function_english("地震局", str), local_function_english("财政局", str)
    ('Earthquake', None)
    """
    forms = _local_forms(normalise)
    body = next((body for form, body in forms.get(key[-1:], forms[""]) if key.endswith(form)), None)
    return body.local_function_en or None if body else None
