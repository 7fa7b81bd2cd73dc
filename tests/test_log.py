import dataclasses
import hashlib
import math
import sqlite3
import zlib

import pytest
from hypothesis import given, settings, strategies as st

from policykit.log import (
    LOG_FORMAT, DocumentExtracted, EventLog, LogDamaged, LogError, RecordRejected, TargetCorrected, UnitAliasDeclared,
    event_from_payload,
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


def _tamper(path, sql):
    """Change the stored log behind policykit's back, as a hostile or careless hand would."""
    db = sqlite3.connect(path)
    for trigger in ("events_append_only_update", "events_append_only_delete", "chain_append_only_delete"):
        db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    db.execute(sql)
    db.commit()
    db.close()


def _three_events(path):
    log = EventLog(path)
    log.append([RecordRejected(reason="r", record_id=f"a/{i}") for i in range(3)], recorded_by="x")
    log.close()


@pytest.mark.parametrize("sql, bad_seq, problem", [
    ("UPDATE events SET payload = replace(payload, 'a/1', 'a/9') WHERE seq = 2", 2, "does not match"),
    ("UPDATE events SET recorded_by = 'mallory' WHERE seq = 1", 1, "does not match"),
    ("DELETE FROM events WHERE seq = 2", 3, "does not match"),
    ("INSERT INTO events(type, version, recorded_at, recorded_by, payload) VALUES "
     "('RecordRejected', 1, 't', 'x', '{\"reason\":\"r\",\"record_id\":\"z\"}')", 4, "no chain hash"),
])
def test_a_writer_refuses_to_append_to_an_altered_log_naming_the_first_bad_seq(tmp_path, sql, bad_seq, problem):
    path = tmp_path / "e.sqlite"
    _three_events(path)
    _tamper(path, sql)
    log = EventLog(path)
    verification = log.verify()
    assert (verification.ok, verification.first_bad_seq) == (False, bad_seq) and problem in verification.problem
    with pytest.raises(LogDamaged, match=f"{path}: event seq {bad_seq} "):
        log.append([RecordRejected(reason="r", record_id="new")], recorded_by="x")
    assert log.integrity_problems() == [f"event seq {bad_seq} {verification.problem}"]
    assert log.last_seq() == (4 if bad_seq == 4 else 3)  # nothing appended


def test_a_connection_rechecks_what_other_writers_appended(tmp_path):
    path = tmp_path / "e.sqlite"
    mine = EventLog(path)
    mine.append([RecordRejected(reason="r", record_id="a")], recorded_by="x")
    EventLog(path).append([RecordRejected(reason="r", record_id="b")], recorded_by="y")  # another writer
    _tamper(path, "UPDATE events SET payload = replace(payload, '\"b\"', '\"c\"') WHERE seq = 2")
    with pytest.raises(LogDamaged, match="event seq 2"):
        mine.append([RecordRejected(reason="r", record_id="d")], recorded_by="x")


def test_an_altered_text_is_found_by_the_full_check(tmp_path):
    path = tmp_path / "e.sqlite"
    log = EventLog(path)
    sha = hashlib.sha256("原文".encode()).hexdigest()
    log.append([RecordRejected(reason="r", record_id="a")], recorded_by="x", texts={sha: "原文"})
    assert log.verify(texts=True).ok
    log.close()
    db = sqlite3.connect(path)
    db.execute("DROP TRIGGER texts_append_only_update")
    db.execute("UPDATE texts SET zdata = ?", (zlib.compress("改过".encode()),))
    db.commit()
    assert f"text {sha[:12]} was changed" in EventLog(path).verify(texts=True).problem


def test_a_log_of_the_first_format_is_chained_as_it_stands(tmp_path):
    path = tmp_path / "e.sqlite"
    _three_events(path)
    db = sqlite3.connect(path)  # make it a format-1 log: no chain
    db.execute("DROP TRIGGER chain_append_only_delete")
    db.execute("DELETE FROM chain")
    db.execute("DROP TABLE chain")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    log = EventLog(path)
    assert log.verify().ok and log.verify().checked == 3
    assert log.append([RecordRejected(reason="r", record_id="new")], recorded_by="x") == [4]
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == LOG_FORMAT


def test_imported_rows_are_chained_like_appended_ones(tmp_path):
    source = tmp_path / "a.sqlite"
    _three_events(source)
    original = EventLog(source)
    copy = EventLog(tmp_path / "b.sqlite")
    assert copy.import_rows(list(original.raw_rows()), []) == 3
    assert copy.verify().ok and copy.verify().head == original.verify().head


# --- format 3: compact payloads ------------------------------------------------------------------


def _big_rejection(n: int = 500) -> RecordRejected:
    return RecordRejected(reason="重复 " * n, record_id="a/1")  # a payload past COMPRESS_FROM


def test_a_large_payload_is_stored_compressed_and_read_back_whole(tmp_path):
    path = tmp_path / "e.sqlite"
    log = EventLog(path)
    log.append([_big_rejection(), RecordRejected(reason="short", record_id="b/1")], recorded_by="x")
    kinds = sqlite3.connect(path).execute("SELECT typeof(payload), length(payload) FROM events ORDER BY seq").fetchall()
    assert [k for k, _ in kinds] == ["blob", "text"]
    assert kinds[0][1] < len(_big_rejection().reason) / 4  # the repeated JSON shrinks
    assert [e.event for e in log.read()] == [_big_rejection(), RecordRejected(reason="short", record_id="b/1")]
    assert log.verify().ok


def test_a_changed_compressed_payload_is_found(tmp_path):
    path = tmp_path / "e.sqlite"
    EventLog(path).append([_big_rejection()], recorded_by="x")
    _tamper(path, "UPDATE events SET payload = CAST(substr(payload, 1, 20) || x'00ff00ff' || substr(payload, 25) AS BLOB)")
    verification = EventLog(path).verify()
    assert verification.first_bad_seq == 1 and "decompress" in verification.problem


def _format_2_log(path, monkeypatch) -> list[tuple]:
    """A log as format 2 wrote it (every payload JSON text), with a large and a small event."""
    from policykit.log import _store

    with monkeypatch.context() as patch:
        patch.setattr(_store, "COMPRESS_FROM", 10**9)
        log = EventLog(path)
        log.append([_big_rejection(), RecordRejected(reason="r", record_id="b/1")], recorded_by="x")
        rows = list(log.raw_rows())
        log.close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 2")
    db.commit()
    assert db.execute("SELECT DISTINCT typeof(payload) FROM events").fetchall() == [("text",)]
    db.close()
    return rows


def test_a_format_2_log_is_read_as_it_stands_and_compresses_what_comes_next(tmp_path, monkeypatch):
    path = tmp_path / "e.sqlite"
    rows = _format_2_log(path, monkeypatch)
    log = EventLog(path)
    assert list(log.raw_rows()) == rows and log.verify().ok
    assert log.append([_big_rejection(600)], recorded_by="x") == [3]
    assert log.verify().ok and [e.event for e in log.read()][-1] == _big_rejection(600)
    assert sqlite3.connect(path).execute("SELECT typeof(payload) FROM events WHERE seq = 3").fetchone() == ("blob",)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == LOG_FORMAT


def test_migrating_a_format_2_log_keeps_every_chain_hash_and_compresses_it(tmp_path, monkeypatch):
    from policykit.log import migrate_log

    old_path = tmp_path / "old.sqlite"
    rows = _format_2_log(old_path, monkeypatch)
    old, new = EventLog(old_path), EventLog(tmp_path / "new.sqlite")
    verification = migrate_log(old, new)
    assert verification.head == old.verify().head and list(new.raw_rows()) == rows
    stored = sqlite3.connect(tmp_path / "new.sqlite").execute("SELECT typeof(payload) FROM events ORDER BY seq")
    assert [k for (k,) in stored] == ["blob", "text"]


# --- format 4: Zstandard frames; a format-3 log's zlib rows read alike -------------------------------


def _format_3_log(path, monkeypatch) -> tuple[list[tuple], str]:
    """A log as format 3 wrote it: large payloads and texts zlib-compressed, the format number 3."""
    from policykit.log import _store

    with monkeypatch.context() as patch:
        patch.setattr(_store, "compress", lambda data: zlib.compress(data, 4))
        log = EventLog(path)
        sha = hashlib.sha256("旧文本".encode()).hexdigest()
        log.append([_big_rejection(), RecordRejected(reason="r", record_id="b/1")], recorded_by="x",
                   texts={sha: "旧文本"})
        rows = list(log.raw_rows())
        log.close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 3")
    db.commit()
    assert db.execute("SELECT hex(substr(payload, 1, 1)) FROM events WHERE seq = 1").fetchone() == ("78",)  # zlib
    db.close()
    return rows, sha


def test_a_format_3_log_is_read_as_it_stands_and_appends_zstandard(tmp_path, monkeypatch):
    path = tmp_path / "e.sqlite"
    rows, sha = _format_3_log(path, monkeypatch)
    log = EventLog(path)
    assert list(log.raw_rows()) == rows and log.verify(texts=True).ok
    assert log.texts_of([sha]) == ["旧文本"] and log.text_bytes_of([sha]) == ["旧文本".encode()]
    assert log.append([_big_rejection(600)], recorded_by="x") == [3]
    assert log.verify().ok and [e.event for e in log.read()][-1] == _big_rejection(600)
    db = sqlite3.connect(path)
    assert db.execute("SELECT hex(substr(payload, 1, 4)) FROM events WHERE seq = 3").fetchone() == ("28B52FFD",)
    assert db.execute("PRAGMA user_version").fetchone()[0] == LOG_FORMAT == 4


def test_migrating_a_format_3_log_keeps_every_chain_hash_and_its_texts(tmp_path, monkeypatch):
    from policykit.log import migrate_log

    old_path = tmp_path / "old.sqlite"
    rows, sha = _format_3_log(old_path, monkeypatch)
    old, new = EventLog(old_path), EventLog(tmp_path / "new.sqlite")
    assert migrate_log(old, new).head == old.verify().head and list(new.raw_rows()) == rows
    assert new.texts_of([sha]) == ["旧文本"] and new.verify(texts=True).ok


def test_a_changed_zstandard_text_is_found(tmp_path):
    path = tmp_path / "e.sqlite"
    sha = hashlib.sha256("成武县".encode()).hexdigest()
    EventLog(path).append([RecordRejected(reason="r", record_id="a/1")], recorded_by="x", texts={sha: "成武县"})
    db = sqlite3.connect(path)
    db.execute("DROP TRIGGER texts_append_only_update")
    db.execute("UPDATE texts SET zdata = CAST(substr(zdata, 1, 12) || x'00' || substr(zdata, 14) AS BLOB)")
    db.commit()
    assert f"text {sha[:12]} was changed" in EventLog(path).verify(texts=True).problem
    with pytest.raises(ValueError, match="not a stored text"):
        EventLog(path).texts_of([sha])


def test_frames_of_a_migrated_format_2_log_are_the_frames_of_the_old_one(tmp_path, monkeypatch):
    import polars.testing

    import policykit as pk
    from conftest import make_project
    from policykit.log import _store, migrate_log
    from policykit.project import FRAME_NAMES

    project = make_project(tmp_path / "p")
    with monkeypatch.context() as patch:  # ingest as format 2 wrote: every payload JSON text
        patch.setattr(_store, "COMPRESS_FROM", 10**9)
        assert pk.ingest(project).ok
    before = pk.open(project)
    copy = tmp_path / "copy.sqlite"
    with EventLog(project.log_path) as old, EventLog(copy) as new:
        migrate_log(old, new)
    stored = [sqlite3.connect(f).execute("SELECT sum(length(payload)) FROM events").fetchone()[0]
              for f in (project.log_path, copy)]
    assert stored[1] < stored[0] / 3
    copy.replace(project.log_path)
    after = pk.open(project)
    for name in FRAME_NAMES:
        polars.testing.assert_frame_equal(getattr(before, name), getattr(after, name))


# --- payload JSON: orjson for what the kit extracts, the json module for curation --------------------

_PLAIN = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**64 - 1) | st.text(st.characters(exclude_categories=["Cs"])),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text(st.characters(exclude_categories=["Cs"]), max_size=4) | st.integers(0, 9), inner, max_size=4),
    max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(metadata=st.dictionaries(st.text(max_size=6), _PLAIN, max_size=5), part=st.integers(0, 2**70))
def test_an_extraction_payload_is_the_json_modules_bytes(metadata, part):
    """Whatever plain values an extraction holds (any string, control characters and non-BMP included;
    any integer, past 64 bits too), the log writes the bytes the json module writes."""
    from policykit.log import encode_event
    from policykit.log._store import _JSON

    event = DocumentExtracted(document_id="d", source_path="p", source_sha256="s", part=part, extractor_version="v",
                              text_sha256="t", metadata=metadata, warnings=(), tasks=(), assignments=(), targets=(),
                              observations=())
    expected = _JSON.encode({f.name: getattr(event, f.name) for f in dataclasses.fields(event)}).encode("utf-8")
    assert encode_event(event).payload == expected


def test_a_curation_float_is_written_as_python_reads_it_back(tmp_path):
    log = EventLog(tmp_path / "e.sqlite")
    corrected = TargetCorrected(reason="r", target_id="a/t1", changes={"value": float("nan"), "share": 1e16})
    log.append([corrected], recorded_by="x")
    payload = next(log.raw_rows())[-1]
    assert '"value":NaN' in payload and '"share":1e+16' in payload
    assert math.isnan(next(log.read()).event.changes["value"])
