"""Bilingual labels: English from the registry, Chinese as written, or both."""
import re

import polars as pl
import pytest

from policykit import lexicon
from policykit.charts import metric_name_en, unit_en, unit_label
from policykit.charts._labels import metric_label, term, unit_in, written


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


HAN = re.compile(r"[\u3400-\u9fff]")


def test_units_of_measure_in_english_from_the_lexicon():
    assert [unit_en(u) for u in ("%", "人", "万人", "亿元", "万千瓦时", "个百分点", "某单位")] == [
        "%", "persons", "10k persons", "100m yuan", "10k kWh", "percentage points", "某单位"]
    frame = pl.DataFrame({"value": ["1200"], "value_high": [None], "comparator": [">="], "unit": ["万人"]})
    assert frame.select(written("en", unit=unit_in("en"))).item() == "at least 1200 10k persons"
    assert frame.select(written("zh", unit=unit_in("zh"))).item() == "1200万人以上"


def test_every_chart_word_and_title_has_english_without_chinese_and_chinese_text():
    words = lexicon.table("chart_words").rows
    assert words and all(row["en"] and not HAN.search(row["en"]) and row["zh"] for row in words)
    assert all(not HAN.search(row["en"]) for row in lexicon.table("chart_units").rows)


def _chart_strings(spec) -> list[str]:
    """Every string of a Vega-Lite spec but its data: titles, axis and legend titles, scale domains."""
    if isinstance(spec, dict):
        return [s for key, value in spec.items() if key not in ("datasets", "data") for s in _chart_strings(value)]
    if isinstance(spec, list):
        return [s for value in spec for s in _chart_strings(value)]
    return [spec] if isinstance(spec, str) else []


def test_english_figures_print_no_chinese_but_the_names_of_places_and_units(sample):
    from policykit import charts, escalation, reference

    both = reference.with_facts(sample)
    built = dict(charts.standard_charts(sample, lang="en"))
    built["target-progress"] = charts.target_progress_chart(both.targets, both.observations, both.documents, lang="en")
    built["target-series"] = charts.target_series_chart(both.targets, both.observations, both.documents, lang="en")
    panel = escalation.target_panel(both.targets, both.documents, both.observations)
    built["target-escalation"] = charts.escalation_chart(panel, lang="en", reference=(
        charts.term("national_target", "en", year=2025), 5.0))
    chinese = {}
    for name, chart in built.items():
        spec = chart.to_dict()
        # Sort orders and labels repeat the data's names (documents, places, units): those stay as written.
        names = {v for rows in spec.get("datasets", {}).values() for row in rows for v in row.values()}
        chinese[name] = [s for s in _chart_strings(spec) if HAN.search(s) and s not in names]
    assert chinese == {name: [] for name in built}
    # In the drawn data, Chinese is left only in names of places and units: the captions' words and units are English.
    rows = next(iter(built["target-progress"].to_dict()["datasets"].values()))
    captions = [HAN.sub("", r["caption"]) for r in rows]
    assert captions and all("target" in c and "outcome" in c for c in captions)
    assert any("10k persons" in r["caption"] for r in rows)
