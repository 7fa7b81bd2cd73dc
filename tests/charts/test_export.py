"""Export: the same frames give the same files; a missing CJK font is named, not a crash."""
import re

import altair as alt
import polars as pl
import pytest

from policykit import charts
from policykit.charts import FontMissingError, find_cjk_font, save
from policykit.cli import main

BAR = alt.Chart(pl.DataFrame({"单位": ["科技局", "财政局"], "任务": [3, 4]})).mark_bar().encode(x="任务", y="单位")


@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_saving_twice_gives_the_same_bytes(tmp_path, fmt):
    first = save(BAR, tmp_path / f"a.{fmt}").read_bytes()
    assert all(save(BAR, tmp_path / f"b.{fmt}").read_bytes() == first for _ in range(3))


def test_chinese_labels_are_drawn_with_the_cjk_font(tmp_path):
    svg = save(BAR, tmp_path / "a.svg").read_text(encoding="utf-8")
    assert "科技局" in svg and find_cjk_font().family in svg


def test_png_resolution_follows_ppi(tmp_path):
    def width(path):
        return int.from_bytes(path.read_bytes()[16:20], "big")
    assert width(save(BAR, tmp_path / "hi.png", ppi=288)) == 2 * width(save(BAR, tmp_path / "lo.png", ppi=144))


def test_unknown_format_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="unknown chart format 'jpg'"):
        save(BAR, tmp_path / "a.jpg")
    with pytest.raises(ValueError, match="unknown figure format gif"):
        charts.write_figures(None, tmp_path, formats=("gif",))


def test_missing_cjk_font_names_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYKIT_FONT_DIR", str(tmp_path))  # an empty folder
    find_cjk_font.cache_clear()
    try:
        with pytest.raises(FontMissingError, match="no .ttf/.otf/.ttc font files"):
            save(BAR, tmp_path / "a.svg")
    finally:
        monkeypatch.undo()
        find_cjk_font.cache_clear()


def test_write_figures_twice_gives_identical_files(sample, tmp_path):
    # In one process: vl-convert's gradient counter keeps running between exports.
    first = charts.write_figures(sample, tmp_path / "one", formats=("svg", "png"), ppi=72, lang="en")
    second = charts.write_figures(sample, tmp_path / "two", formats=("svg", "png"), ppi=72, lang="en")
    assert [p.name for p in first] == [p.name for p in second] and len(first) == 12
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(first, second))
    # each figure draws the sample, none is the empty-state message of a chart with nothing to draw
    # (but the progress figure: the sample pairs no target with its own year's outcome)
    assert [p.name for p in first if p.suffix == ".svg" and 'aria-label="message: ' in p.read_text("utf-8")] == [
        "target-progress.svg"]


def test_network_pdf_is_reproducible(sample, tmp_path):
    # Hundreds of opacity groups: their resource dictionary comes out of vl-convert in random order.
    chart = charts.network_chart(sample.assignments, units=sample.units)
    first = save(chart, tmp_path / "a.pdf").read_bytes()
    assert b"/XObject <<" in first
    assert all(save(chart, tmp_path / "b.pdf").read_bytes() == first for _ in range(3))
    # Sorting the resource entries must leave the cross-reference table pointing at every object.
    xref = int(re.search(rb"startxref\s+(\d+)", first).group(1))
    header = re.match(rb"xref\s+(\d+) (\d+)\s+", first[xref:])
    entries = re.findall(rb"(\d{10}) \d{5} n", first[xref + header.end():])
    assert len(entries) == int(header.group(2)) - 1  # object 0 is the free-list head
    assert all(first[int(offset):].startswith(b"%d 0 obj" % number) for number, offset in enumerate(entries, 1))


def test_figures_verb(sample_project, tmp_path, capsys):
    assert main(["--project", str(sample_project.root), "figures", "--format", "svg", "--lang", "both",
                 "--out", str(tmp_path)]) == 0
    assert "figures: 6 files" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "coordination-load.svg", "coordination-network.svg", "document-warnings.svg", "shared-tasks-heatmap.svg",
        "target-progress.svg", "target-series.svg"]
