"""Decoding: strict probes name the codec; bad bytes are reported with their offset."""
from __future__ import annotations

import codecs

import pytest

from policykit.text import read_source

TEXT = "成武县人民政府办公室关于印发重点工作任务的通知。各有关单位要认真抓好落实。"
TRADITIONAL = "現在，我代表市人民政府向大會報告工作，請予審議，並請市政協委員提出意見。"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
    ],
)
def test_encodings_are_detected_and_named(data, encoding):
    reading = read_source(data, "x.txt")
    assert reading.encoding == encoding
    assert reading.raw_text == TEXT
    assert not [w for w in reading.warnings if w.code in ("undecodable-bytes", "encoding-fallback")]


def test_big5_is_told_apart_from_gb18030():
    reading = read_source(TRADITIONAL.encode("big5"), "x.txt")
    assert reading.encoding == "big5"
    assert reading.raw_text == TRADITIONAL


def test_undecodable_bytes_are_reported_with_their_offset_not_silently_replaced():
    good = TEXT.encode("utf-8")
    data = good[:30] + b"\xff\xfe\xfd" + good[30:]
    reading = read_source(data, "broken.txt")
    bad = [w for w in reading.warnings if w.code == "undecodable-bytes"]
    assert bad, reading.warnings
    assert bad[0].offset == 30
    assert "broken.txt" in bad[0].message
    assert any(w.code == "encoding-fallback" for w in reading.warnings)
    assert "成武县" in reading.raw_text


def test_empty_and_binary_input_never_raise():
    assert read_source(b"", "empty.txt").documents == ()
    assert any(w.code == "no-documents" for w in read_source(b"", "empty.txt").warnings)
    reading = read_source(bytes(range(256)) * 4, "noise.bin")
    assert reading.sha256 and isinstance(reading.warnings, tuple)
