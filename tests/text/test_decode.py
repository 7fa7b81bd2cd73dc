"""Decoding: strict probes name the codec; bad bytes are reported with their offset."""
from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


UTF8_PART = "一、总体要求\n1.建设实验室，力争达到20家以上。(牵头单位:科技局)\n"
GB_PART = "一、保障措施\n2.加强组织领导，完善工作机制。(责任单位:财政局)\n"  # 一 in GB18030 is D2 BB, also UTF-8 for һ
LAST_PART = "三、工作要求\n各地要抓好落实，确保取得实效。"


@pytest.mark.parametrize(
    ("parts", "encoding"),
    [
        (((UTF8_PART, "utf-8"), (GB_PART, "gb18030")), "utf-8+gb18030"),
        (((GB_PART, "gb18030"), (UTF8_PART, "utf-8")), "gb18030+utf-8"),
        (((UTF8_PART, "utf-8"), (GB_PART, "gb18030"), (LAST_PART, "utf-8")), "utf-8+gb18030+utf-8"),
        (((GB_PART.strip(), "gb18030"), (LAST_PART, "utf-8")), "gb18030+utf-8"),  # no newline at the switch
        (((LAST_PART, "utf-8"), (GB_PART, "gb18030")), "utf-8+gb18030"),
    ],
)
def test_concatenated_utf8_and_gb18030_pages_are_decoded_run_by_run(parts, encoding):
    chunks = [text.encode(codec) for text, codec in parts]
    reading = read_source(b"".join(chunks), "joined.txt")
    assert reading.encoding == encoding
    assert reading.raw_text == "".join(text for text, _ in parts)
    switches = [w for w in reading.warnings if w.code == "mixed-encoding"]
    # each switch is reported at the byte where the next page begins
    assert [w.offset for w in switches] == [sum(map(len, chunks[:k])) for k in range(1, len(chunks))]
    assert all("joined.txt" in w.message for w in switches)
    assert not [w for w in reading.warnings if w.code == "undecodable-bytes"]


@pytest.mark.parametrize(
    ("first", "first_codec", "second"),
    [
        ("为项目落实落地提供土地保障。\n(", "utf-8", "牵头单位:市交通运输局)"),  # 牵 is C7 A3 in GB18030, also UTF-8 ǣ
        ("加强组织领导，完善工作机制，推进统一", "gb18030", LAST_PART),  # 统一: two GB18030 pairs that are UTF-8 letters
        ("嚴格落實，加強(qián", "utf-8", "g)。嚴格執行"),  # pinyin: á is a two-byte UTF-8 letter
        ("推進電子督辦平", "gb18030", "臺(tái),構建起"),  # 辦 ends in a GBK trail byte that looks like k; 平 is UTF-8 ƽ
        ("恪尽职守、无私奉献的高尚情怀。", "gb18030", LAST_PART),  # 恪尽 begins with E3 A1 BE, UTF-8 for 㡾
    ],
)
def test_switches_are_placed_where_the_pages_meet(first, first_codec, second):
    second_codec = "gb18030" if first_codec == "utf-8" else "utf-8"
    reading = read_source(first.encode(first_codec) + second.encode(second_codec), "joined.txt")
    assert reading.encoding == f"{first_codec}+{second_codec}"
    assert reading.raw_text == first + second


@pytest.mark.parametrize("cut", [29, 30])  # between two GB18030 characters, inside one
def test_damage_in_a_mixed_file_is_reported_by_offset_and_both_parts_are_kept(cut):
    gb = GB_PART.encode("gb18030")
    head = UTF8_PART.encode() + gb[:cut]
    reading = read_source(head + b"\xff\xff" + gb[cut:], "damaged.txt")
    assert reading.encoding == "utf-8+gb18030"
    # reported from the first byte that fits no codec: the lead byte of 完 when the damage splits it
    assert [w.offset for w in reading.warnings if w.code == "undecodable-bytes"][0] == len(UTF8_PART.encode()) + 29
    assert reading.raw_text.startswith(UTF8_PART + "一、保障措施\n2.加强组织领导，\ufffd")
    assert reading.raw_text.endswith("(责任单位:财政局)\n")


def test_noise_is_not_taken_for_a_concatenation():
    import random

    noise = bytes(random.Random(11).randrange(256) for _ in range(20000))
    reading = read_source(noise, "noise.dat")
    assert "+" not in reading.encoding
    assert any(w.code == "encoding-fallback" for w in reading.warnings)


def test_utf8_cut_inside_its_last_character_is_damage_not_a_gb18030_tail():
    data = (UTF8_PART + "3.建设").encode()[:-1]  # the last byte of 设 is missing
    reading = read_source(data, "cut.txt")
    assert reading.encoding == "utf-8"
    assert [w.offset for w in reading.warnings if w.code == "undecodable-bytes"] == [len(data) - 2]


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("text", [TEXT, "plain ascii, 2025: 100%", "第一条 计划到2025年建成𠀀个站点。", "𠀀"])  # 𠀀 BE (00 02 00 00) also fits LE
def test_utf32_without_a_bom_is_told_by_its_nul_pattern(codec, text):
    # read as UTF-16 or GB18030 before: NULs between the characters, or undecodable bytes
    reading = read_source(text.encode(codec), "wide.txt")
    assert (reading.encoding, reading.raw_text) == (codec, text)
    assert not reading.warnings


def test_utf16_text_is_not_taken_for_utf32():
    # ASCII in UTF-16 has a NUL in every other byte, never two NUL columns of a four-byte unit
    assert read_source("ab\ncd\n".encode("utf-16-le"), "x.txt").encoding != "utf-32-le"
    assert read_source(TEXT.encode("utf-16-be"), "x.txt").encoding == "utf-16-be"


@given(st.text(st.sampled_from("一二十的年月日报告计划，。：%") | st.characters(min_codepoint=0x20, max_codepoint=0x7E)
               | st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF), min_size=1, max_size=40),
       st.sampled_from(["utf-32-le", "utf-32-be"]))
def test_any_utf32_text_reads_back_unchanged(text, codec):
    reading = read_source(text.encode(codec), "wide.txt")
    assert (reading.encoding, reading.raw_text) == (codec, text)
