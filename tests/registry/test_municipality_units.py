"""Units of a province-level municipality (北京市) carry 市 as their own mark."""
from __future__ import annotations

import pytest

from policykit.registry._names import normalise_unit


@pytest.mark.parametrize("mention", ["市经济和信息化局", "经济和信息化局", "北京市经济和信息化局"])
def test_a_municipality_s_own_bureau_is_one_unit_however_it_is_written(mention):
    unit = normalise_unit(mention, "北京市", "province")
    assert (unit.jurisdiction, unit.key, unit.level) == ("北京市", "经济信息化局", "province")


def test_a_province_s_city_bureau_is_still_a_unit_of_a_lower_level():
    unit = normalise_unit("市经济和信息化局", "山东省", "province")
    assert unit.key != normalise_unit("经济和信息化局", "山东省", "province").key
