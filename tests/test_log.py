import sqlite3

import pytest

from policykit.log import (
    DocumentExtracted, EventLog, LogError, RecordRejected, UnitAliasDeclared, event_from_payload,
)


def test_append_and_read_round_trip(tmp_path):
    log = EventLog(tmp_path / "e.sqlite")
    seqs = log.append([UnitAliasDeclared(reason="r", names=("发改局", "发展改革局")),
                       RecordRejected(reason="not a task", record_id="x/1")], recorded_by="ana")
    assert seqs == [1, 2]
    stored = list(log.read())
    assert [s.seq for s in stored] == [1, 2]
    assert stored[0].recorded_by == "ana"
    assert stored[1].event == RecordRejected(reason="not a task", record_id="x/1")
    assert [s.seq for s in log.read(as_of_seq=1)] == [1]
    assert log.counts_by_type() == {"RecordRejected": 1, "UnitAliasDeclared": 1}


def test_batch_key_makes_append_idempotent(tmp_path):
    log = EventLog(tmp_path / "e.sqlite")
    event = RecordRejected(reason="r", record_id="a")
    assert log.append([event], recorded_by="x", batch_key="k1") == [1]
    assert log.append([event], recorded_by="x", batch_key="k1") == []
    assert log.has_batch("k1") and log.has_batch("k", prefix=True) and not log.has_batch("k2")
    assert log.last_seq() == 1


def test_log_refuses_update_and_delete(tmp_path):
    path = tmp_path / "e.sqlite"
    EventLog(path).append([RecordRejected(reason="r", record_id="a")], recorded_by="x")
    db = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("UPDATE events SET type = 'X'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("DELETE FROM events")


def test_foreign_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "other.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE t(x)")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(LogError, match="not a policykit event log"):
        EventLog(path)
    assert path.read_bytes() == before


def test_garbage_file_is_refused(tmp_path):
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(LogError, match="not a readable SQLite file"):
        EventLog(path)


def test_texts_are_stored_once_and_read_back(tmp_path):
    log = EventLog(tmp_path / "e.sqlite")
    log.append([], recorded_by="x", texts={"abc": "成武县科技局"})
    log.append([], recorded_by="x", texts={"abc": "成武县科技局"})
    assert log.text("abc") == "成武县科技局"
    with pytest.raises(LogError, match="missing"):
        log.text("nope")


def test_unknown_and_newer_event_versions_are_refused():
    with pytest.raises(ValueError, match="unknown event type"):
        event_from_payload("Nope", 1, {})
    with pytest.raises(ValueError, match="newer"):
        event_from_payload("DocumentExtracted", DocumentExtracted.VERSION + 1, {})
