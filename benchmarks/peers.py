"""What the kit's ingest is measured against, over the same bytes: the floor and three peers.

- floor: read the raw bytes, decode them and run one regular-expression pass (the least any ingest does);
- regex extractor: a minimal extractor of the same kinds of records (numbered tasks, responsibility
  markers and their units, numeric targets), one regex per kind, no cleaning, no metadata, no log;
- OpenCC t2s (Traditional to Simplified, a C++ library the kit's reader uses) and jieba word cutting,
  for scale: two common passes over Chinese text.

Each function takes the decoded texts and returns a count, so the caller times it (CPU and wall).
"""
from __future__ import annotations

import re
from pathlib import Path

FLOOR = re.compile(r"牵头|负责|配合|责任单位|\d+(?:\.\d+)?[%％]|[一二三四五六七八九十]+、")

# The minimal extractor: the markers and targets the kit reads, in their commonest forms. Each pattern is
# anchored on a literal keyword or a number, and what stands before it is read from a short window.
_TASK = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、．])(.{0,40})", re.M)
_MARKER = re.compile(r"(?:牵头|责任|参与|配合|参加)单位[:：]\s*([^（）()；;\n]{1,200})|牵头|负责|配合")
_UNIT_BEFORE = re.compile(r"([^，。；、（()）\s由]{2,20})$")
_UNIT_SPLIT = re.compile(r"[、，,]")
_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*(%|％|万元|亿元|万人|个|家|项|公里|万千瓦)(以上|左右|以内)?")
_HARDNESS, _YEAR = re.compile(r"力争|确保|争取"), re.compile(r"到(20\d\d)年")
_VERB = re.compile(r"达到|超过|增长|提高到|不低于|控制在")
def corpus_files(corpus: Path) -> list[Path]:
    """The documents of a corpus folder, as every measure here reads them: each file but hidden ones, sorted."""
    return sorted(p for p in corpus.rglob("*") if p.is_file() and not p.name.startswith("."))


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def read_texts(files: list[Path]) -> list[str]:
    return [decode(p.read_bytes()) for p in files]


def floor(files: list[Path]) -> int:
    """Read, decode and scan each file once; the number of hits."""
    return sum(sum(1 for _ in FLOOR.finditer(decode(p.read_bytes()))) for p in files)


def regex_extract(text: str) -> dict[str, list]:
    """Tasks, (unit, marker) pairs and targets of one text, each a tuple of strings.

    Examples
    --------
    >>> records = regex_extract("一、创新\\n1.建实验室，力争达到20家以上。（牵头单位：科技局、财政局）")
    >>> records["units"], records["targets"][0][3:6]
    (['科技局', '财政局'], ('20', '家', '以上'))
    """
    units = []
    for m in _MARKER.finditer(text):
        if m.group(1):
            units.extend(u.strip() for u in _UNIT_SPLIT.split(m.group(1)) if u.strip())
        else:
            before = _UNIT_BEFORE.search(text, max(0, m.start() - 20), m.start())
            if before:
                units.append(before.group(1))
    targets = []
    for m in _NUMBER.finditer(text):
        window = max(0, m.start() - 30), m.start()
        hardness, year, verb = (p.search(text, *window) for p in (_HARDNESS, _YEAR, _VERB))
        targets.append((hardness and hardness.group(), year and year.group(1), verb and verb.group(), *m.groups()))
    return {"tasks": _TASK.findall(text), "units": units, "targets": targets}


def regex_extractor(files: list[Path]) -> int:
    """Read, decode and extract every file with :func:`regex_extract`; the number of records."""
    return sum(sum(map(len, regex_extract(decode(p.read_bytes())).values())) for p in files)


def opencc_t2s(texts: list[str]) -> int:
    from opencc import OpenCC

    convert = OpenCC("t2s").convert
    return sum(len(convert(t)) for t in texts)


def jieba_cut(texts: list[str]) -> int:
    import jieba

    return sum(len(jieba.lcut(t)) for t in texts)


def jieba_ready() -> bool:
    """Whether jieba is installed (``pip install 'policykit[bench]'``); its dictionary is loaded then."""
    try:
        import jieba
    except ImportError:
        return False
    jieba.setLogLevel(60)
    jieba.initialize()
    return True
