"""Responsibility clauses (first cut: 牵头单位:X 参与单位:Y)."""
from __future__ import annotations

import re

from ._records import AssignmentRecord, TaskRecord

_CLAUSE = re.compile(r"[(（]牵头(?:单位|部门)[:：](?P<lead>[^()（）]*?)(?:[;；]?参与单位[:：](?P<part>[^()（）]*))?[)）]")
_SEP = re.compile(r"[、,，;；]")
_PLACEHOLDER = re.compile(r"^各|各[有相]关|各单位$")


def _mentions(text: str, start: int, end: int):
    pos = start
    for piece in _SEP.split(text[start:end]):
        s = pos + (len(piece) - len(piece.lstrip()))
        pos += len(piece) + 1
        if piece.strip():
            yield piece.strip(), s, s + len(piece.strip())


def find_assignments(text: str, tasks: tuple[TaskRecord, ...]) -> tuple[AssignmentRecord, ...]:
    out = []
    for task in tasks:
        for clause, m in enumerate(_CLAUSE.finditer(text, task.start, task.end)):
            for group, role in (("lead", "lead"), ("part", "participant")):
                if m.group(group) is None:
                    continue
                for mention, s, e in _mentions(text, m.start(group), m.end(group)):
                    out.append(AssignmentRecord(task.key, clause, mention, role, bool(_PLACEHOLDER.search(mention)), s, e, m.start(), m.end()))
    return tuple(out)
