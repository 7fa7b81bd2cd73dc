"""Bilingual labels: English from the registry, Chinese as written, or both."""
import polars as pl
import pytest

from policykit.charts import metric_name_en, unit_label
from policykit.charts._labels import metric_label, term


def test_unit_labels_fall_back_to_chinese_when_no_english_name():
    frame = pl.DataFrame({"name": ["成武县科技局", "某服务中心"], "name_en": ["County Science Bureau", None]})
    labels = {lang: frame.select(unit_label(lang)).to_series().to_list() for lang in ("en", "zh", "both")}
    assert labels == {"en": ["County Science Bureau", "某服务中心"], "zh": ["成武县科技局", "某服务中心"],
                      "both": ["County Science Bureau 成武县科技局", "某服务中心"]}


def test_metric_names_in_english_from_the_key():
    assert metric_name_en("co2_intensity") == "CO₂ intensity"
    assert metric_name_en("fixed_asset_investment_growth") == "Fixed asset investment growth"
    frame = pl.DataFrame({"metric": ["地区生产总值增长", "市级重点实验室"], "metric_key": ["gdp_growth", None]})
    assert frame.select(metric_label("en")).to_series().to_list() == ["GDP growth", "市级重点实验室"]
    assert frame.select(metric_label("both")).to_series().to_list() == ["GDP growth 地区生产总值增长", "市级重点实验室"]


def test_terms_and_bad_language():
    assert term("participant", "zh") == "参与/配合"
    with pytest.raises(ValueError, match="use one of en, zh, both"):
        term("lead", "de")
