"""Bad raw files, written by the tests themselves: what each one is and what ingest must say about it."""
from __future__ import annotations

import os
import random
from dataclasses import dataclass
from pathlib import Path

GOOD = "一、总体要求\n1.建设实验室。力争达到20家以上。(牵头单位:科技局;参与单位:财政局)\n"


@dataclass(frozen=True)
class BadInput:
    """``name`` is the path under data/raw; ``outcome`` is ``ok``, ``warning`` or ``failed``;
    ``says`` is what the message about it must contain (besides the file name)."""

    name: str
    data: bytes
    outcome: str
    says: str = ""


def single_line(n_bytes: int) -> bytes:
    """One line of plain prose, ``n_bytes`` long, no newline anywhere."""
    unit = "建设实验室，推进改革，完善体制机制。".encode()
    return (unit * (n_bytes // len(unit) + 1))[: n_bytes - n_bytes % 3]


def bad_inputs(one_line_bytes: int = 5 * 2**20) -> list[BadInput]:
    rng = random.Random(11)
    nested = "\n".join(("（" if k % 2 else "") + ".".join(["1"] * k) + ("）" if k % 2 else "、") + "落实责任。"
                       for k in range(1, 120))
    return [
        BadInput("empty.txt", b"", "warning", "no document text found"),
        BadInput("noise.dat", bytes(rng.randrange(256) for _ in range(20000)), "warning", "no codec decodes every byte"),
        BadInput("report.txt", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nstream\n\x89\xff\x00x\nendstream\n%%EOF\n",
                 "failed", "a PDF file, not text"),
        BadInput("truncated.txt", GOOD.encode() + "3.建设".encode()[:-1], "warning", "utf-8"),  # cut inside 设
        BadInput("mixed.txt", GOOD.encode() + "二、保障措施\n2.加强领导。(责任单位:财政局)\n".encode("gb18030"),
                 "warning", "no codec decodes every byte"),
        BadInput("one-line.txt", single_line(one_line_bytes), "ok"),
        BadInput("no-tasks.txt", "今年以来，全县经济运行总体平稳。\n".encode(), "ok"),
        BadInput("brackets.txt", "一、总体\n1.建设实验室。(牵头单位:科技局（参与单位:【财政局\n2.推进((((改革】】)\n".encode(),
                 "ok"),
        BadInput("absurd.txt", ("一、总体\n1.力争投资" + "9" * 41 + "亿元以上，事故率降至1e-30%，减少-5个，"
                                "完成0.000000000000000000000000000001吨。(牵头单位:科技局)\n").encode(), "ok"),
        BadInput("nested.txt", ("一、总体\n" + nested + "\n").encode(), "ok"),
        BadInput("deep.html", b"<html><body>" + b"<div>" * 5000 + "建设实验室".encode() + b"</div>" * 5000 + b"</body></html>",
                 "any"),
        BadInput("计划 文件/成武县 2023年 重点任务.txt", GOOD.replace("实验室", "人才公寓").encode(), "ok"),
        BadInput("utf32.txt", GOOD.replace("20家", "30家").encode("utf-32"), "ok"),  # BOM FF FE 00 00, not UTF-16's
    ]


# A file name in GBK bytes, as a scraper on a Chinese Windows machine leaves it: not valid UTF-8.
NON_UTF8_NAME = os.fsdecode("成武县".encode("gbk") + b".txt")
HUGE_BYTES = 100 * 2**20  # over the default file size limit (64 MB); sparse, so it costs no disk


def write_bad_inputs(raw: Path, cases: list[BadInput]) -> None:
    """Write the cases under ``raw`` plus the unreadable kinds no bytes can stand for: a dangling
    symlink, a file symlink loop and a folder symlink loop."""
    for case in cases:
        path = raw / case.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(case.data)
    (raw / "dangling.txt").symlink_to(raw / "gone-before-we-came.txt")
    (raw / "loop-a.txt").symlink_to(raw / "loop-b.txt")
    (raw / "loop-b.txt").symlink_to(raw / "loop-a.txt")
    (raw / "sub").mkdir()
    (raw / "sub" / "again").symlink_to(raw)
    os.mkfifo(raw / "pipe.txt")  # no writer ever opens it: reading it would block for ever
    (raw / "zero.txt").symlink_to("/dev/zero")  # endless: reading it whole would exhaust memory
    with open(raw / "huge.txt", "wb") as fh:
        fh.truncate(HUGE_BYTES)
    (raw / NON_UTF8_NAME).write_bytes(GOOD.replace("实验室", "图书馆").encode())


# What the unreadable kinds written by write_bad_inputs must produce (path under data/raw, message).
LINK_PROBLEMS = (
    ("dangling.txt", "cannot read (No such file or directory)"),
    ("loop-a.txt", "cannot read (Too many levels of symbolic links)"),
    ("loop-b.txt", "cannot read (Too many levels of symbolic links)"),
    ("sub/again", "symlink loop"),
    ("pipe.txt", "a FIFO (named pipe), not a regular file; skipped"),
    ("zero.txt", "a character device, not a regular file; skipped"),
    ("huge.txt", "100.0 MB, larger than the file size limit of 64 MB (--max-file-mb, POLICYKIT_MAX_FILE_MB)"),
    ("\\xb3\\xc9\\xce\\xe4\\xcf\\xd8.txt", "the file name is not valid UTF-8"),
)
