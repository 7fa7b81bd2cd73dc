"""The place reader's fast paths agree with the plain definitions they stand in for."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, make_dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from policykit import lexicon
from policykit.text import _places

_BY_NAME = _places.divisions()[1]
_NAMES = sorted(_BY_NAME)


def _known_chain_by_definition(text: str):
    """The chain as first written: every size from the longest name down to two characters tried at each step."""
    longest = max(map(len, _BY_NAME))
    chain: list = []
    while text:
        above = {d.code for d in chain[-1][1]} if chain else None
        step = None
        for size in range(min(longest, len(text)), 1, -1):
            found = _BY_NAME.get(text[:size])
            if not found:
                continue
            if above is not None:
                found = tuple(d for d in found if above & _places._ancestors(d.parent))
            if found:
                step = (text[:size], found)
                break
        if step is None:
            break
        if chain and len(chain[-1][1]) > 1:
            chain[-1] = (chain[-1][0], tuple(d for d in chain[-1][1] if any(d.code in _places._ancestors(x.parent) for x in step[1])))
        chain.append(step)
        text = text[len(step[0]):]
    return chain, text


# Names of the table, their heads (a name cut short), and characters that open or close none.
_NAME = st.sampled_from(_NAMES)
_PIECE = st.one_of(_NAME, _NAME.map(lambda n: n[:-1]), _NAME.map(lambda n: n[1:]), st.sampled_from(["", "x", "\u4eba\u6c11\u653f\u5e9c"]))


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECE, max_size=4).map("".join))
def test_known_chain_tries_only_the_lengths_names_have(text):
    assert _places._known_chain(text) == _known_chain_by_definition(text)


def test_a_chain_of_nested_divisions_is_read_whole():
    by_code = _places.divisions()[0]
    county = next(d for d in by_code.values() if d.level == "county" and d.parent and by_code[d.parent].parent)
    city = by_code[county.parent]
    province = by_code[city.parent]
    text = province.name + city.name + county.name + "x"
    assert _places._known_chain(text) == _known_chain_by_definition(text)
    assert [name for name, _ in _places._known_chain(text)[0]] == [province.name, city.name, county.name]


def test_every_name_of_the_table_opens_a_chain_as_the_definition_reads_it():
    # among them the one name that opens a longer one (澳门特别行政区 / …直辖): longest first
    for name in _NAMES:
        assert _places._known_chain(name + "x") == _known_chain_by_definition(name + "x"), name


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*lexicon.words("name_prefixes"), "中", "甲", "市", " "]), max_size=6).map("".join))
def test_the_party_prefix_compiled_once_is_cut_as_the_pattern_built_per_call(text):
    assert _places._PARTY_LEAD.sub("", text) == re.sub(f"^{_places._PARTY}", "", text)


@dataclass(frozen=True)
class _DivisionAsWritten:
    """The record as first written: a frozen dataclass."""

    code: str
    name: str
    level: str
    parent: str | None


def test_a_division_reads_prints_and_hashes_as_the_frozen_record_did():
    by_code = _places.divisions()[0]
    last_rows = {row["code"]: row for row in lexicon.table("divisions").rows}
    assert set(by_code) == set(last_rows)
    for code, row in last_rows.items():
        division, record = by_code[code], _DivisionAsWritten(row["code"], row["name"], row["level"], row["parent"] or None)
        assert (division.code, division.name, division.level, division.parent) == (record.code, record.name, record.level, record.parent)
        assert repr(division) == repr(record).replace("_DivisionAsWritten", "Division")
        assert hash(division) == hash(record)
        assert division == _places.Division(record.code, record.name, record.level, record.parent)


_PLACE_FIELDS = ("region", "level", "province", "city", "county", "region_code", "parent_region_code", "code_note")
# The place as first written: a frozen dataclass of these fields in this order, every one None unless given.
_PlaceAsWritten = make_dataclass("Place", [(name, "str | None", field(default=None)) for name in _PLACE_FIELDS], frozen=True)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PLACE_FIELDS), unique=True).flatmap(
    lambda names: st.fixed_dictionaries({name: st.sampled_from(["甲", "x", None]) for name in names})))
def test_a_place_is_built_read_and_printed_as_the_frozen_record(given_fields):
    place, record = _places.Place(**given_fields), _PlaceAsWritten(**given_fields)
    assert place._asdict() == vars(record)
    assert repr(place) == repr(record)
    assert _places.Place(*vars(record).values()) == place


def test_places_read_from_names_print_as_the_frozen_record():
    for name in [*_NAMES[:: len(_NAMES) // 50], "国务院", "某某镇人民政府", "某某市2024年重点工作", "重点工作"]:
        place = _places.place_of(name)
        assert repr(place) == repr(_PlaceAsWritten(**place._asdict()))
