"""Section tree and numbered tasks (first cut: 一、 / （一） / 1. / 1、 lines)."""
from __future__ import annotations

import hashlib
import re

from ._records import TaskRecord

_HEADING = re.compile(r"^[ \t\u3000]*(?:([一二三四五六七八九十]+)、|[（(]([一二三四五六七八九十]+)[)）]|(\d+)[.、．])", re.M)


def _key(path: tuple[str, ...], number: str, body: str) -> str:
    digest = hashlib.sha1(body[:40].encode()).hexdigest()[:6]
    return "/".join((*path, number)) + "@" + digest


def find_tasks(text: str) -> tuple[TaskRecord, ...]:
    marks = list(_HEADING.finditer(text))
    tasks = []
    section: tuple[str, str | None] = ("", None)
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        line_end = text.find("\n", m.end())
        line = text[m.end(): line_end if line_end != -1 else len(text)]
        if m.group(1):
            section = (m.group(1), line.strip())
            continue
        if m.group(2):
            continue
        number = m.group(3)
        body = text[m.start():end].rstrip()
        title = re.split(r"[。;；,，]", line, maxsplit=1)[0].strip()
        path = (section[0],) if section[0] else ()
        tasks.append(TaskRecord(_key(path, number, body), number, path, section[1], title, m.start(), m.start() + len(body)))
    return tuple(tasks)
