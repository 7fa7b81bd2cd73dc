"""Quantitative targets (first cut: number + unit + 以上/以内/左右, or 达到 + number + unit)."""
from __future__ import annotations

import re
from decimal import Decimal

from ..text import DocumentMetadata
from ._records import TargetRecord, TaskRecord

_TARGET = re.compile(r"(?P<hard>确保|力争|争取|努力)?[^。;；，,]{0,20}?(?P<reach>达到)?(?P<num>\d+(?:\.\d+)?)(?P<unit>[%％个家项人万亿元公里千瓦亩吨台套座所处]+)(?P<cmp>以上|以内|左右)?")
_CMP = {"以上": ">=", "以内": "<=", "左右": "≈"}


def find_targets(text: str, tasks: tuple[TaskRecord, ...], metadata: DocumentMetadata) -> tuple[TargetRecord, ...]:
    out = []
    for task in tasks:
        for m in _TARGET.finditer(text, task.start, task.end):
            if not (m.group("cmp") or m.group("reach")):
                continue
            value = str(Decimal(m.group("num")))
            comparator = _CMP.get(m.group("cmp") or "", "=")
            out.append(TargetRecord(
                key=f"{task.key}#{m.start() - task.start}", task_key=task.key, metric="", value=value,
                value_high=None, unit=m.group("unit"), base_value=None, base_unit=None,
                comparator=comparator, hardness=m.group("hard"), kind="level", year=metadata.year,
                text=m.group(0), start=m.start(), end=m.end()))
    return tuple(out)
