"""Many writers at once, counted as eventsourcing counts its recorders: nothing lost, nothing doubled,
seq gap-free, the chain sound. On the SQLite file and on a real PostgreSQL server.

The bigger run is ``benchmarks/stress.py``; here 4 processes × 60 batches × 10 events stay within seconds.
"""
from __future__ import annotations

import multiprocessing
from collections import Counter

import pytest

from conftest import make_project
from policykit.log import EventLog, RecordRejected
from postgres_server import fresh_database

WRITERS, BATCHES, PER_BATCH = 4, 60, 10


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request, tmp_path):
    return tmp_path / "events.sqlite" if request.param == "sqlite" else fresh_database()


def _write(location, writer: int, start) -> None:
    start.wait()  # every writer begins at once
    with EventLog(location) as log:
        for batch in range(BATCHES):
            events = [RecordRejected(reason="load", record_id=f"w{writer}/{batch}/{k}") for k in range(PER_BATCH)]
            log.append(events, recorded_by=f"writer{writer}", batch_key=f"w{writer}/{batch}")
            # Every writer also offers the same shared batch: exactly one copy may land.
            log.append([RecordRejected(reason="shared", record_id=f"shared/{batch}")], recorded_by=f"writer{writer}",
                       batch_key=f"shared/{batch}")


def _run_all(target, args_of) -> None:
    context = multiprocessing.get_context("fork")  # the parent holds no connection when it forks
    start = context.Barrier(len(args_of))
    processes = [context.Process(target=target, args=(*args, start)) for args in args_of]
    for process in processes:
        process.start()
    for process in processes:
        process.join(120)
    assert [p.exitcode for p in processes] == [0] * len(processes)


def test_concurrent_writers_lose_nothing_double_nothing_and_leave_no_gap(location):
    EventLog(location).close()  # the schema exists before the race, as after `policykit ingest`
    _run_all(_write, [(location, w) for w in range(WRITERS)])
    with EventLog(location, create=False) as log:
        stored = list(log.read())
        seqs = [e.seq for e in stored]
        ids = Counter(e.event.record_id for e in stored)
        expected = {f"w{w}/{b}/{k}" for w in range(WRITERS) for b in range(BATCHES) for k in range(PER_BATCH)}
        expected |= {f"shared/{b}" for b in range(BATCHES)}
        assert set(ids) == expected  # 0 lost
        assert max(ids.values()) == 1  # 0 doubled (a shared batch once, whoever won it)
        assert seqs == list(range(1, len(expected) + 1))  # gap-free, in order
        assert log.verify().ok and log.verify().checked == len(expected)
        # each batch is contiguous: a transaction is never interleaved with another
        by_batch: dict[str, list[int]] = {}
        for seq, *_, batch_key, _payload in log.raw_rows():
            by_batch.setdefault(batch_key, []).append(seq)
        assert len(by_batch) == WRITERS * BATCHES + BATCHES
        assert all(s == list(range(s[0], s[0] + len(s))) for s in by_batch.values())


def _curate(root, url, author: str, value: str, start) -> None:
    from policykit import Project
    from policykit.curation import correct_target

    start.wait()
    correct_target(Project(root, log_url=url), _TARGET[0], value=value, reason=f"{author} read the table",
                   author=author)


_TARGET: list[str] = []  # the target both curators correct (set before the fork)


def test_two_curators_on_one_target_are_both_recorded_and_the_later_seq_wins(tmp_path):
    """The team scenario. Both decisions are in the log with their authors; the fold applies curation in
    log order, so the correction with the higher seq is the one the frames show (the earlier one stays in
    the history, and `curate undo` of the later one brings it back)."""
    import policykit as pk
    from policykit.curation import history

    project = make_project(tmp_path / "p")
    url = fresh_database()
    shared = pk.Project(project.root, log_url=url)
    assert pk.ingest(shared).ok
    targets = pk.open(shared).targets
    _TARGET[:] = [targets.filter(targets["value"].is_not_null())["target_id"][0]]
    _run_all(_curate, [(project.root, url, "ana", "11"), (project.root, url, "bo", "22")])
    curations = history(shared)
    assert sorted(curations["author"]) == ["ana", "bo"]
    last = curations.sort("seq")["author"][-1]
    targets = pk.open(shared).targets
    value = targets.filter(targets["target_id"] == _TARGET[0])["value"][0]
    assert str(value).rstrip("0").rstrip(".") == {"ana": "11", "bo": "22"}[last]

