"""Generated inputs for the fault tests and the stress run: plan-like documents and a log checker."""
from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from policykit.log import EventLog

_UNITS = ("科技局", "财政局", "发展改革委", "教育局", "卫生健康委", "住房城乡建设局", "生态环境局", "各镇街")
_VERBS = ("建设", "完善", "推进", "提升", "落实", "改造")
_THINGS = ("实验室", "养老服务中心", "污水处理厂", "智慧校园", "人才公寓", "创新平台")


def plan_text(rng: random.Random, n_tasks: int) -> str:
    """A small plan document with numbered tasks, targets and responsibility clauses."""
    lines = [f"{rng.choice(('成武县', '东营市', '利津县'))}{rng.randint(2018, 2025)}年重点工作任务", "一、总体要求"]
    for i in range(1, n_tasks + 1):
        lead, *others = rng.sample(_UNITS, 3)
        lines.append(f"{i}.{rng.choice(_VERBS)}{rng.choice(_THINGS)}。力争达到{rng.randint(1, 500)}家以上，"
                     f"增长{rng.randint(1, 30)}.{rng.randint(0, 9)}%。(牵头单位:{lead};参与单位:{'、'.join(others)})")
    return "\n".join(lines) + "\n"


def write_corpus(folder: Path, n_files: int, seed: int = 0) -> list[Path]:
    """``n_files`` distinct plan documents under ``folder`` (in a few sub-folders)."""
    rng = random.Random(seed)
    paths = []
    for i in range(n_files):
        path = folder / f"batch{i % 7}" / f"plan-{i:04d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"（第{i}号）\n" + plan_text(rng, rng.randint(1, 12)), encoding="utf-8")
        paths.append(path)
    return paths


def log_problems(log_path: Path) -> list[str]:
    """What is wrong with a log after a fault: unsound file, partial batches, files logged twice."""
    with EventLog(log_path, create=False) as log:
        problems = log.integrity_problems()
        batches: dict[str, list[tuple[str, str | None]]] = {}
        for _seq, type_name, _v, _at, _by, doc_id, batch_key, _payload in log.raw_rows():
            batches.setdefault(batch_key, []).append((type_name, doc_id))
        reads = {e.event.source_sha256: e.event for e in log.read(types=["SourceRead"])}
    for key, events in batches.items():
        if key is None or not key.startswith("source:"):
            continue
        source = reads.get(key[len("source:"):].split("|")[0])
        extracted = sorted(d for t, d in events if t == "DocumentExtracted")
        if source is None or extracted != sorted(source.doc_ids):
            problems.append(f"batch {key}: partial ({Counter(t for t, _ in events)})")
    shas = Counter(k.split("|")[0] for k in batches if k and k.startswith("source:"))
    problems += [f"{sha}: logged {n} times" for sha, n in shas.items() if n > 1]
    return problems


def event_keys(log_path: Path) -> Counter:
    """(type, doc_id) of every event: what two runs over the same files must share."""
    with EventLog(log_path, create=False) as log:
        return Counter((row[1], row[5]) for row in log.raw_rows())


@contextmanager
def log_growth_capped(pages: int) -> Iterator[None]:
    """Logs opened inside may grow by ``pages`` pages only: SQLite then reports a full disk."""
    opened = EventLog.__init__

    def capped(self, *args, **kwargs):
        opened(self, *args, **kwargs)
        used = self._db.execute("PRAGMA page_count").fetchone()[0]
        self._db.execute(f"PRAGMA max_page_count = {used + pages}")

    EventLog.__init__ = capped
    try:
        yield
    finally:
        EventLog.__init__ = opened
