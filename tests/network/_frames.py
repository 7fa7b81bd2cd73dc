"""Small hand-made frames in the shape of the contract (assignments, units, documents)."""
from __future__ import annotations

import polars as pl


def assignments(*rows: tuple) -> pl.DataFrame:
    """Rows ``(task_id, doc_id, clause, unit_id, role)`` or with a sixth ``placeholder`` flag.

    The mention is the unit id with a 局 suffix, so mention mode is distinguishable.
    """
    full = [(*r, False) if len(r) == 5 else r for r in rows]
    return pl.DataFrame(
        [(t, d, c, f"{u}局", u, role, p, 0, 1) for t, d, c, u, role, p in full],
        schema={"task_id": pl.String, "doc_id": pl.String, "clause": pl.Int64, "mention": pl.String,
                "unit_id": pl.String, "role": pl.String, "placeholder": pl.Boolean, "start": pl.Int64,
                "end": pl.Int64},
        orient="row",
    )


# Two documents of one city in two years, a third from another province.
#   t1: a leads, b and c take part      t2: a and b jointly responsible (no lead)
#   t3: b leads, c responsible, d joins  t4 (doc d2): a leads alone
#   t5 (doc d3, elsewhere): a leads, e takes part; 各区 is a placeholder
PLAN = assignments(
    ("t1", "d1", 0, "a", "lead"), ("t1", "d1", 0, "b", "participant"), ("t1", "d1", 1, "c", "participant"),
    ("t2", "d1", 0, "a", "responsible"), ("t2", "d1", 0, "b", "responsible"),
    ("t3", "d1", 0, "b", "lead"), ("t3", "d1", 0, "c", "responsible"), ("t3", "d1", 0, "d", "participant"),
    ("t4", "d2", 0, "a", "lead"),
    ("t5", "d3", 0, "a", "lead"), ("t5", "d3", 0, "e", "participant"), ("t5", "d3", 0, "x", "participant", True),
)

DOCUMENTS = pl.DataFrame({
    "doc_id": ["d1", "d2", "d3"],
    "doc_type": ["实施方案", "重点工作任务", "实施方案"],
    "level": ["city", "city", "province"],
    "region": ["成都市", "成都市", "广东省"],
    "issued_on": ["2021-03-01", "2022-02-15", "2022-06-30"],
})

UNITS = pl.DataFrame({
    "unit_id": ["a", "b", "c", "d", "e"],
    "name": ["市发展改革委", "市财政局", "市经信局", "市商务局", "省发展改革委"],
    "level": ["city"] * 4 + ["province"],
    "jurisdiction": ["成都市"] * 4 + ["广东省"],
    "category": ["planning", "finance", "industry", "industry", "planning"],
    "name_en": ["Municipal DRC", "Municipal Finance Bureau", "Municipal Economy Bureau",
                "Municipal Commerce Bureau", "Provincial DRC"],
    "aliases": [[], [], [], [], []],
})
