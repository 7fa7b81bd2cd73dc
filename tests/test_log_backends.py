"""One recorder suite, run against every log backend: the SQLite file and a real PostgreSQL server."""
from __future__ import annotations

import hashlib
import pickle

import pytest

from conftest import make_project
from policykit.log import (
    EventLog, LogDamaged, LogError, RecordRejected, TargetCorrected, UnitAliasDeclared, chain_hash, migrate_log,
    unpack_payload_bytes,
)
from postgres_server import fresh_database

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BACKENDS)
def location(request, tmp_path):
    """Where a new, empty log goes on the backend under test (a path or a URL)."""
    return tmp_path / "events.sqlite" if request.param == "sqlite" else fresh_database()


def _rejections(*ids: str) -> list[RecordRejected]:
    return [RecordRejected(reason="not a task", record_id=i) for i in ids]


def _raw(log: EventLog, sql: str) -> None:
    """Run SQL on the log's own connection (both autocommit), as a hand editing the database would."""
    log._db.execute(sql)


def test_append_assigns_consecutive_seqs_from_one(location):
    with EventLog(location) as log:
        assert log.append(_rejections("a/1", "a/2"), recorded_by="ana") == [1, 2]
        assert log.append(_rejections("a/3"), recorded_by="bo") == [3]
        assert [(e.seq, e.recorded_by, e.event.record_id) for e in log.read()] == [
            (1, "ana", "a/1"), (2, "ana", "a/2"), (3, "bo", "a/3")]


def test_a_batch_key_is_appended_once(location):
    with EventLog(location) as log:
        assert log.append(_rejections("a/1"), recorded_by="ana", batch_key="file:1") == [1]
        assert log.append(_rejections("a/1"), recorded_by="ana", batch_key="file:1") == []
        assert log.has_batch("file:1") and log.has_batch("file:", prefix=True)
        assert not log.has_batch("file:2") and not log.has_batch("other", prefix=True)
        assert log.last_seq() == 1


def test_as_of_reads_see_the_log_as_it_was(location):
    with EventLog(location) as log:
        log.append(_rejections("a/1"), recorded_by="ana")
        log.append([UnitAliasDeclared(reason="same", names=("发改局", "发展改革局"))], recorded_by="bo")
        log.append(_rejections("a/2"), recorded_by="ana")
        assert [e.seq for e in log.read(as_of_seq=2)] == [1, 2]
        assert [e.seq for e in log.read(since_seq=1, types=["RecordRejected"])] == [3]
        assert [e.seq for e in log.read(exclude_types=["RecordRejected"])] == [2]
        assert log.last_seq(as_of_seq=2) == 2
        assert log.counts_by_type(as_of_seq=2) == {"RecordRejected": 1, "UnitAliasDeclared": 1}
        rows = list(log.raw_rows())
        assert [r[0] for r in log.raw_rows(as_of_seq=2)] == [1, 2]
        assert log.payloads([3, 1]) == [rows[2][-1].encode("utf-8"), rows[0][-1].encode("utf-8")]
        assert [unpack_payload_bytes(s) for s in log.stored_payloads([2])] == [rows[1][-1].encode("utf-8")]


def test_texts_are_stored_once_and_read_back(location):
    text = "成武县2023年重点工作任务"
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    with EventLog(location) as log:
        log.append(_rejections("a/1"), recorded_by="ana", texts={sha: text})
        log.append(_rejections("a/2"), recorded_by="ana", texts={sha: text})
        assert log.text(sha) == text
        assert [s for s, _ in log.texts()] == [sha]
        with pytest.raises(LogError, match="missing"):
            log.text("0" * 64)


def test_texts_are_read_in_bulk_in_the_order_asked(location):
    texts = {hashlib.sha256(t.encode("utf-8")).hexdigest(): t for t in ("成武县", "东营市" * 600)}
    a, b = texts
    with EventLog(location) as log:
        log.append(_rejections("a/1"), recorded_by="ana", texts=texts)
        assert log.texts_of([b, a, b]) == [texts[b], texts[a], texts[b]]
        assert log.text_bytes_of([b, a, b]) == [texts[b].encode("utf-8"), texts[a].encode("utf-8"),
                                                texts[b].encode("utf-8")]
        assert log.texts_of([]) == [] and log.text_bytes_of([]) == []
        with pytest.raises(LogError, match="missing"):
            log.texts_of([a, "0" * 64])
        with pytest.raises(LogError, match="missing"):
            log.text_bytes_of(["0" * 64])


def test_a_log_opens_again_from_its_location_in_another_process(location):
    with EventLog(location) as log:
        log.append(_rejections("a/1"), recorded_by="ana")
        sent = pickle.loads(pickle.dumps(log.location))  # as a build sends it to its worker processes
        with EventLog(sent, create=False) as again:
            assert [e.event.record_id for e in again.read()] == ["a/1"]
            assert type(again) is type(log)


def test_the_hash_chain_is_the_same_function_of_the_rows(location):
    with EventLog(location) as log:
        log.append(_rejections("a/1", "a/2"), recorded_by="ana")
        rows = list(log.raw_rows())
        head = chain_hash(chain_hash("0" * 64, rows[0]), rows[1])
        assert log.verify().head == head and log.verify().checked == 2


@pytest.mark.parametrize("statement", ["UPDATE events SET recorded_by = 'eve'", "DELETE FROM events",
                                       "UPDATE chain SET hash = 'x'", "DELETE FROM texts"])
def test_stored_events_cannot_be_changed_or_removed(location, statement):
    with EventLog(location) as log:
        log.append(_rejections("a/1"), recorded_by="ana", texts={"ab": "x"})
        with pytest.raises(Exception, match="append-only"):
            _raw(log, statement)
        assert [e.recorded_by for e in log.read()] == ["ana"]


def test_a_row_changed_behind_the_triggers_stops_writers(location):
    with EventLog(location) as log:
        log.append(_rejections("a/1", "a/2"), recorded_by="ana")
    with EventLog(location) as log:  # a new connection checks the whole chain before it writes
        if type(log) is EventLog:
            _raw(log, "DROP TRIGGER events_append_only_update")
        else:
            _raw(log, "ALTER TABLE events DISABLE TRIGGER USER")
        _raw(log, "UPDATE events SET recorded_by = 'eve' WHERE seq = 2")
        assert log.verify().first_bad_seq == 2
        with pytest.raises(LogDamaged, match="seq 2"):
            log.append(_rejections("a/3"), recorded_by="ana")
        assert log.last_seq() == 2


def test_opening_without_create_refuses_a_missing_log(location):
    with pytest.raises(LogError, match="no event log"):
        EventLog(location, create=False)


def test_a_foreign_postgresql_database_is_refused():
    url = fresh_database()
    import psycopg

    with psycopg.connect(url, autocommit=True) as db:
        db.execute("CREATE TABLE events (id int)")
    with pytest.raises(LogError, match="not a policykit log"):
        EventLog(url)


def test_a_postgresql_password_never_reaches_a_message():
    with pytest.raises(LogError) as info:
        EventLog("postgresql://ana:secret@127.0.0.1:1/nowhere", create=False)
    assert "secret" not in str(info.value) and "***" in str(info.value)


@pytest.mark.parametrize("source_kind, target_kind", [("sqlite", "postgresql"), ("postgresql", "sqlite")])
def test_migrate_log_copies_the_same_chain(tmp_path, source_kind, target_kind):
    where = {"sqlite": lambda name: tmp_path / f"{name}.sqlite", "postgresql": lambda name: fresh_database()}
    sha = hashlib.sha256("正文".encode()).hexdigest()
    with EventLog(where[source_kind]("a")) as source, EventLog(where[target_kind]("b")) as target:
        source.append(_rejections("a/1"), recorded_by="ana", texts={sha: "正文"}, batch_key="f:1")
        source.append([TargetCorrected(reason="typo", target_id="t/1", changes={"value": "12.50"})], recorded_by="bo")
        checked = migrate_log(source, target)
        assert (checked.checked, checked.head) == (2, source.verify().head)
        assert list(target.raw_rows()) == list(source.raw_rows())
        assert target.text(sha) == "正文" and target.has_batch("f:1")
        assert target.append(_rejections("a/2"), recorded_by="ana") == [3]  # and it goes on from there
        with pytest.raises(LogError, match="already holds events"):
            migrate_log(source, target)


def test_the_cli_runs_on_a_postgresql_log_named_by_option_or_config(tmp_path, capsys):
    from policykit.cli import main

    project = make_project(tmp_path / "p")
    url = fresh_database()
    assert main(["--project", str(project.root), "--log", url, "ingest"]) == 0
    assert not project.log_path.exists()  # nothing went to the SQLite file
    (project.root / "policykit.toml").write_text(f'[log]\nurl = "{url}"\n', encoding="utf-8")
    capsys.readouterr()
    assert main(["--project", str(project.root), "ingest"]) == 0
    assert "0 events appended" in capsys.readouterr().out
    copy = tmp_path / "copy.sqlite"
    assert main(["--project", str(project.root), "migrate-log", "--to", str(copy)]) == 0
    assert "verified" in capsys.readouterr().out
    with EventLog(url, create=False) as server, EventLog(copy, create=False) as file:
        assert server.verify().head == file.verify().head and server.last_seq() > 0


def test_reads_in_order_run_past_one_page(location, monkeypatch):
    from policykit.log import _postgres

    monkeypatch.setattr(_postgres, "_PAGE", 3)  # the server backend reads in pages; cross several
    with EventLog(location) as log:
        log.append(_rejections(*(f"a/{i}" for i in range(1, 9))), recorded_by="ana")
        assert [e.seq for e in log.read(types=["RecordRejected"], as_of_seq=7)] == list(range(1, 8))
        assert [r[0] for r in log.raw_rows()] == list(range(1, 9))


def test_the_project_config_names_the_log_and_the_option_wins(tmp_path):
    from policykit.project import Project, ProjectError

    (tmp_path / "policykit.toml").write_text('[log]\nurl = "postgresql://ana:pw@db/kit"\n', encoding="utf-8")
    assert str(Project(tmp_path).log_path) == "postgresql://ana:***@db/kit"
    assert str(Project(tmp_path, log_url="postgresql://bo@db/other").log_path) == "postgresql://bo@db/other"
    (tmp_path / "policykit.toml").write_text("[log]\nurl = 5\n", encoding="utf-8")
    with pytest.raises(ProjectError, match="must be a string"):
        Project(tmp_path).log_path
    (tmp_path / "policykit.toml").write_text("[other]\nx = 1\n", encoding="utf-8")
    assert Project(tmp_path).log_path == tmp_path / "data" / "log" / "events.sqlite"


def test_a_postgresql_writer_that_waits_too_long_for_the_lock_records_nothing_and_recovers():
    import psycopg

    url = fresh_database()
    with EventLog(url) as log, psycopg.connect(url) as other:
        log.append(_rejections("a/1"), recorded_by="ana")
        other.execute("LOCK TABLE events IN EXCLUSIVE MODE")  # another writer mid-transaction
        log._db.execute("SET lock_timeout = '100ms'")
        with pytest.raises(LogError, match="nothing of this batch was recorded"):
            log.append(_rejections("a/2"), recorded_by="ana")
        other.rollback()
        assert log.append(_rejections("a/2"), recorded_by="ana") == [2]


def test_a_format_2_postgresql_log_is_upgraded_in_place_and_keeps_its_chain():
    url = fresh_database()
    with EventLog(url) as log:  # make it a format-2 database: payloads as TEXT, format row 2
        log.append(_rejections("a/1", "a/2"), recorded_by="ana")
        rows, head = list(log.raw_rows()), log.verify().head
        _raw(log, "ALTER TABLE events ALTER COLUMN payload TYPE TEXT USING convert_from(payload, 'UTF8')")
        _raw(log, "ALTER TABLE policykit_log DISABLE TRIGGER policykit_log_append_only")
        _raw(log, "UPDATE policykit_log SET value = '2' WHERE key = 'format'")
        _raw(log, "ALTER TABLE policykit_log ENABLE TRIGGER policykit_log_append_only")
    with EventLog(url) as log:
        assert list(log.raw_rows()) == rows and log.verify().head == head
        big = RecordRejected(reason="重复 " * 500, record_id="a/3")
        assert log.append([big], recorded_by="ana") == [3]
        assert [e.event for e in log.read()][-1] == big and log.verify().ok
        first_bytes = log._db.execute("SELECT get_byte(payload, 0) FROM events ORDER BY seq").fetchall()
        assert [b for (b,) in first_bytes] == [ord("{"), ord("{"), 0x28]  # JSON as it was, then Zstandard
        assert log._db.execute("SELECT value FROM policykit_log WHERE key = 'format'").fetchone() == ("4",)


def test_a_build_in_worker_processes_reads_either_backend(location, tmp_path):
    import policykit as pk
    from policykit import Project
    from policykit.frames import stream_log

    project = make_project(tmp_path / "p")
    project = Project(project.root, log_url=location if isinstance(location, str) else None)
    assert pk.ingest(project).ok
    (tmp_path / "here").mkdir()
    (tmp_path / "workers").mkdir()
    with EventLog(project.log_path, create=False) as log:
        here = stream_log(log, tmp_path / "here", chunk=3, workers=1)
        there = stream_log(log, tmp_path / "workers", chunk=3, workers=2)  # each worker opens log.location
    assert here.rows == there.rows and here.rows["tasks"] > 0
    for name in here.parts:
        assert there.frame(name).equals(here.frame(name)), name
