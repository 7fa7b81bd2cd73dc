"""export-frames: every frame and panel in parquet, CSV (BOM), Stata and Excel, with a bilingual codebook."""
import json
import zipfile
from decimal import Decimal

import polars as pl
import pyreadstat
import pytest

import policykit as pk
from policykit.cli import main
from policykit.export import FORMATS, PANEL_NAMES, codebook, export_frames, for_format, panels
from policykit.project import FRAME_NAMES

LONG = "中" * 700  # 2100 bytes of UTF-8: longer than a Stata string

FRAME = pl.DataFrame({
    "doc_id": ["d1", "d2", None],
    "value": pl.Series([Decimal("7.5"), None, Decimal("-0.25")], dtype=pl.Decimal(38, 6)),
    "year": pl.Series([2020, None, 2022], dtype=pl.Int32),
    "placeholder": [True, False, None],
    "path": [["一", "（二）"], [], None],
    "text": ["地区生产总值增长6%左右", LONG, ""],
})


def test_a_stata_file_read_back_equals_the_frame(tmp_path):
    stata = for_format(FRAME, "dta")
    path = tmp_path / "t.dta"
    pyreadstat.write_dta(stata, str(path), column_labels={"value": "Target value (目标值)"})
    back, meta = pyreadstat.read_dta(str(path), output_format="polars")
    assert back.cast(stata.schema).equals(stata)
    assert meta.column_names_to_labels["value"] == "Target value (目标值)"
    assert stata["value"].to_list() == [7.5, None, -0.25]
    assert stata["placeholder"].to_list() == [1, 0, None]
    assert stata["path"].to_list() == ["一; （二）", "", ""]
    cut = stata["text"][1]
    assert len(cut.encode("utf-8")) <= 2045 and LONG.startswith(cut) and len(cut) == 681


def test_csv_and_xlsx_keep_what_they_can_hold():
    csv = for_format(FRAME, "csv")
    assert csv.schema["value"] == pl.Decimal(38, 6) and csv["path"].to_list() == ["一; （二）", "", None]
    assert for_format(FRAME, "parquet") is FRAME
    with pytest.raises(ValueError, match="unknown export format"):
        for_format(FRAME, "sav")


def test_codebook_labels_every_column_of_the_frames_and_panels(sample):
    tables = {name: getattr(sample, name) for name in FRAME_NAMES} | panels(sample)
    book = codebook(tables)
    unlabelled = book.filter(pl.col("label_en").is_null() | pl.col("label_zh").is_null())
    assert unlabelled.height == 0, f"add these to lexicon/data/codebook.tsv: {unlabelled.select('table', 'variable').rows()}"
    assert set(book["table"]) == {*FRAME_NAMES, *PANEL_NAMES}
    value = book.filter(pl.col("table") == "targets", pl.col("variable") == "value").row(0, named=True)
    assert (value["label_zh"], value["type"]) == ("目标值（区间下限）", "Decimal(precision=38, scale=6)")
    assert "exact decimal" in value["note"]


def test_export_frames_writes_every_table_in_every_format(sample, tmp_path):
    written = export_frames(sample, tmp_path, FORMATS)
    names = {p.name for p in written}
    for table in (*FRAME_NAMES, *PANEL_NAMES):
        assert {f"{table}.{fmt}" for fmt in FORMATS} <= names
    assert {"codebook.csv", "codebook.xlsx", "manifest.json"} <= names
    raw = (tmp_path / "units.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "局".encode() in raw
    assert pl.read_csv(tmp_path / "units.csv").height == sample.units.height
    assert pl.read_parquet(tmp_path / "targets.parquet").equals(sample.targets)
    back, meta = pyreadstat.read_dta(str(tmp_path / "assignments.dta"), output_format="polars")
    expected = for_format(sample.assignments, "dta")
    assert back.cast(expected.schema).equals(expected)
    assert meta.column_names_to_labels["role"].startswith("Role (lead, responsible, participant)")
    with zipfile.ZipFile(tmp_path / "tasks.xlsx") as book:
        assert "xl/worksheets/sheet1.xml" in book.namelist()
        assert '"tasks"' in book.read("xl/workbook.xml").decode()
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["last_seq"] == sample.last_seq and manifest["rows"]["tasks"] == sample.tasks.height


def test_unknown_or_no_format_is_refused(sample, tmp_path):
    with pytest.raises(ValueError, match="unknown export format"):
        export_frames(sample, tmp_path, ["sas"])
    with pytest.raises(ValueError, match="none given"):
        export_frames(sample, tmp_path, [])


def test_the_command(sample_project, tmp_path):
    out = tmp_path / "frames"
    assert main(["--project", str(sample_project.root), "export-frames", "--format", "csv", "--format", "dta",
                 "--out", str(out)]) == 0
    assert (out / "dyad_panel.dta").exists() and (out / "target_panel.csv").exists()
    assert not (out / "tasks.parquet").exists()
    assert pk.open(sample_project).last_seq == json.loads((out / "manifest.json").read_text())["last_seq"]
