"""The body gazetteer (lexicon government_bodies.tsv) as the registry uses it: every national body and every
standard provincial, city and county counterpart gets its own jurisdiction, key and an English name."""
from __future__ import annotations

import pytest

from policykit import lexicon
from policykit.registry import normalise_unit

ROWS = lexicon.table("government_bodies").rows
LEVELS = (("省", "甲省", "province", "Provincial"), ("市", "乙市", "city", "Municipal"), ("县", "丙县", "county", "County"))
LOCAL_FORMS = [(row["name"], form) for row in ROWS for form in row["local"].split("|") if form]


# National bodies: all but the local ones and the courts every province and city has (高级人民法院, 中院).
NATIONAL = [row for row in ROWS if row["kind"] != "local" and row["name"] not in row["local"].split("|")]


@pytest.mark.parametrize("row", NATIONAL, ids=lambda row: row["name"])
def test_every_national_body_is_national_with_its_english_name(row):
    unit = normalise_unit(row["name"], "丙县", "county")
    assert (unit.jurisdiction, unit.level, unit.name_en) == ("全国", "national", row["name_en"])


@pytest.mark.parametrize(("body", "form"), LOCAL_FORMS, ids=[form for _, form in LOCAL_FORMS])
def test_every_local_counterpart_names_its_function_in_english(body, form):
    for mark, region, level, level_en in LEVELS:
        unit = normalise_unit(mark + form, region, level)
        # The key drops the level mark (市民政局 -> 民政局) but for a party organ's (县委组织部).
        party_organ = form.startswith("委")
        assert unit.jurisdiction == region and unit.key.startswith(mark + form[:1]) == party_organ, (mark + form, unit)
        words = unit.name_en.split()
        # "<Level> <function …> <head>", never the level and the head alone (County Bureau).
        assert words[0] == level_en and len(words) >= 3 and unit.name_en.isascii(), (mark + form, unit.name_en)


def test_a_city_bureau_whose_function_starts_like_a_word_keeps_its_mark_apart():
    # 市民政局 is the city's civil affairs bureau (市 + 民政局), not 市民 (citizens) + 政局.
    assert normalise_unit("市民政局", "乙市", "city").key == normalise_unit("县民政局", "丙县", "county").key == "民政局"
