"""Ingest's and the log writer's fast paths give what their slow definitions give."""
import dataclasses
import functools
import hashlib
import os
import sqlite3
import sys

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import policykit as pk
from policykit.extract import RECORD_TYPES, extract_document
from policykit.ingest import IngestLimits, UnreadableSource, extraction_batch, prepare_batch
from policykit.log import EventLog, LogDamaged, RecordRejected, encode_text, flat_fields, record_payloads
from policykit.log._events import _payloads
from policykit.text import read_source

from conftest import make_project


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=60), min_size=1, max_size=3))
def test_prepared_texts_are_the_stored_form_of_each_text(lines):
    # extraction_batch keeps the UTF-8 it hashed; prepare_batch compresses that instead of encoding again.
    batch = extraction_batch("\n".join(["一、创新", *lines, "1.建实验室。(牵头单位:科技局)"]).encode(), "x.txt")
    expected = {sha: encode_text(utf8.decode("utf-8")) for sha, utf8 in batch.texts.items()}
    assert prepare_batch(batch, IngestLimits()).texts == expected


def test_texts_of_a_file_of_several_documents_are_stored_as_their_own_utf8():
    data = "一、创新\n1.建实验室。\n\f二、改革\n2.建平台。(牵头单位:发改局)".encode()
    batch = extraction_batch(data, "x.txt")
    texts = [doc.text for doc in read_source(data, "x.txt").documents]
    assert batch.texts == {hashlib.sha256(t.encode()).hexdigest(): t.encode() for t in texts}
    assert prepare_batch(batch, IngestLimits()).texts == {sha: encode_text(t) for sha, t in
                                                          ((hashlib.sha256(t.encode()).hexdigest(), t) for t in texts)}


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["一、创新", "1.建实验室。(牵头单位:科技局)", "到2025年,研发投入达到3%。",
                                 "(二)完善机制。市发改委负责,各区配合。", "全年粮食产量50万吨。"]), min_size=1, max_size=8))
def test_record_payloads_and_flat_fields_are_asdict_in_field_order(lines):
    # A copy of a record's own __dict__ (values only, keys shared) stands in for dataclasses.asdict.
    (doc,) = read_source("\n".join(lines).encode(), "x.txt").documents
    extraction = extract_document(doc.text, doc.metadata)
    payloads = record_payloads(extraction)
    shared = record_payloads(extraction, copy=False)
    for name in RECORD_TYPES:
        records = getattr(extraction, name)
        assert [list(p.items()) for p in payloads[name]] == [list(dataclasses.asdict(r).items()) for r in records]
        assert [list(p.items()) for p in shared[name]] == [list(dataclasses.asdict(r).items()) for r in records]
        assert all(p is vars(r) for p, r in zip(shared[name], records))
    fields = flat_fields(doc.metadata)
    assert list(fields.items()) == list(dataclasses.asdict(doc.metadata).items())
    fields.clear()
    assert vars(doc.metadata)
    for name in RECORD_TYPES:
        for payload, record in zip(payloads[name], getattr(extraction, name)):
            payload.clear()  # a payload is the record's copy, not its own dict
            assert vars(record)


def _reject(record_id: str) -> list:
    return [RecordRejected(reason="r", record_id=record_id)]


def _behind_the_writer(path, sql: str) -> None:
    db = sqlite3.connect(path)
    db.execute(sql)
    db.commit()
    db.close()


@pytest.mark.parametrize("sql, bad_seq", [
    ("INSERT INTO chain(seq, hash) VALUES (3, 'f00')", 3),  # a chain hash with no event: the check sees it
    ("INSERT INTO events(type, version, recorded_at, recorded_by, payload) VALUES "  # an event with no hash
     "('RecordRejected', 1, 't', 'x', '{\"reason\":\"r\",\"record_id\":\"z\"}')", 3),
])
def test_a_lone_writer_still_finds_what_changed_after_its_last_write(tmp_path, sql, bad_seq):
    # A writer that checked the chain and appended since looks at the log in one statement; anything past
    # what it checked sends it to the full check, as a new connection would do.
    path = tmp_path / "e.sqlite"
    log = EventLog(path)
    assert log.append(_reject("a"), recorded_by="x") == [1]
    assert log.append(_reject("b"), recorded_by="x") == [2]
    _behind_the_writer(path, sql)
    with pytest.raises(LogDamaged, match=f"event seq {bad_seq} "):
        log.append(_reject("c"), recorded_by="x")
    with pytest.raises(LogDamaged, match=f"event seq {bad_seq} "):
        EventLog(path).append(_reject("c"), recorded_by="x")


def test_writers_taking_turns_continue_one_chain_with_consecutive_seqs(tmp_path):
    path = tmp_path / "e.sqlite"
    ana, bo = EventLog(path), EventLog(path)
    seqs = [ana.append(_reject("a1"), recorded_by="ana"), bo.append(_reject("b1") * 2, recorded_by="bo"),
            ana.append(_reject("a2") * 3, recorded_by="ana", batch_key="k"), bo.append(_reject("b2"), recorded_by="bo",
                                                                                       batch_key="k"),
            bo.append([], recorded_by="bo"), ana.append(_reject("a3"), recorded_by="ana")]
    assert seqs == [[1], [2, 3], [4, 5, 6], [], [], [7]]
    assert EventLog(path).verify().checked == 7


def test_a_file_is_skipped_by_its_rejection_or_its_reading_at_any_version_unless_reextracted(tmp_path, monkeypatch):
    project = make_project(tmp_path)
    (project.raw_dir / "scan.pdf").write_bytes(b"%PDF-1.4 not text")
    first = pk.ingest(project)
    assert (first.files_ingested, first.files_failed) == (5, 1)
    again = pk.ingest(project)  # the rejection at this version and every reading are known
    assert (again.files_unchanged, again.files_ingested, again.events_appended) == (6, 0, 0)
    monkeypatch.setattr(pk._version, "EXTRACTOR_VERSION", "99.0.0")
    later = pk.ingest(project)  # a reading by an older version is kept; a rejection by one is not
    assert (later.files_unchanged, later.files_ingested, later.files_failed) == (5, 0, 1)
    redo = pk.ingest(project, reextract=True)
    assert (redo.files_unchanged, redo.files_ingested) == (1, 5)
    assert pk.ingest(project, reextract=True).files_unchanged == 6


@dataclasses.dataclass(frozen=True)
class _Span:  # as many fields as a _Named's dict holds with its cached value
    start: int
    end: int
    label: str = ""


@dataclasses.dataclass(frozen=True)
class _Named:
    name: str
    count: int = 0

    @functools.cached_property
    def shout(self) -> str:  # once read, the record's dict holds more than its fields
        return self.name.upper()


@dataclasses.dataclass(frozen=True)
class _Slotted:
    __slots__ = ("name",)
    name: str


_RECORDS = st.one_of(st.builds(_Span, st.integers(), st.integers()), st.builds(_Named, st.text(max_size=3)),
                     st.builds(_Named, st.text(max_size=3)).map(lambda r: (r.shout, r)[1]))


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.lists(_RECORDS, max_size=6), st.lists(st.builds(_Slotted, st.text(max_size=3)), max_size=3)))
def test_a_collection_copied_whole_gives_each_records_fields_in_order(records):
    # One type, each dict just its fields: copied in one pass; a mix of types, a cached value or __slots__:
    # flat_fields one by one (the slow definition: dataclasses.asdict of each).
    payloads = _payloads(records)
    assert [list(p.items()) for p in payloads] == [list(dataclasses.asdict(r).items()) for r in records]
    assert isinstance(payloads, tuple)
    for payload, record in zip(payloads, records):
        assert payload is not getattr(record, "__dict__", None)
    # Without the copy (ingest drops the records): the same fields in order, each record's own dict where the
    # collection passes the one-type, just-its-fields rule, and a copy where it does not.
    shared = _payloads(records, copy=False)
    assert [list(p.items()) for p in shared] == [list(dataclasses.asdict(r).items()) for r in records]
    assert isinstance(shared, tuple)
    whole = len(set(map(type, records))) == 1 and all(
        len(getattr(r, "__dict__", ())) == len(dataclasses.fields(r)) for r in records)
    for payload, record in zip(shared, records):
        assert (payload is getattr(record, "__dict__", None)) == whole


def _rows_but_times(path) -> list[tuple]:
    with EventLog(path) as log:
        return [row[:3] + row[4:] for row in log.raw_rows()] + list(log.texts())


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2), st.sampled_from([None, "k1", "k2", "k3"]), st.booleans()), max_size=6),
       st.sampled_from([None, "k1", "k3"]))
def test_batches_appended_at_once_are_the_batches_appended_one_by_one(tmp_path_factory, batches, logged):
    # The slow definition: one append (one transaction) per batch. A key already logged, or earlier in the run,
    # appends nothing.
    texts = {hashlib.sha256(b"t").hexdigest(): "t"}
    runs = [[(_reject(f"{n}/{i}") * n, texts if with_text else None, key) for i, (n, key, with_text) in enumerate(batches)]]
    paths = []
    for at_once in (False, True):
        path = tmp_path_factory.mktemp("log") / "e.sqlite"
        log = EventLog(path)
        log.append(_reject("first"), recorded_by="x", batch_key=logged)
        if at_once:
            seqs = log.append_batches(runs[0], recorded_by="x")
        else:
            seqs = [log.append(events, recorded_by="x", texts=t, batch_key=key) for events, t, key in runs[0]]
        runs.append(seqs)
        assert log.verify().ok
        log.close()
        paths.append(path)
    assert runs[1] == runs[2]
    assert _rows_but_times(paths[0]) == _rows_but_times(paths[1])


@pytest.mark.parametrize("workers", [1, 2])
def test_files_written_in_groups_are_logged_and_reported_as_one_by_one(tmp_path, monkeypatch, workers):
    # The slow definition: a group of one file. Copies of a file (read or rejected), a rejection, a file over a
    # limit, an unreadable one and files with warnings shown at once keep their places in the report.
    plan = "一、创新\n1.建实验室。(牵头单位:科技局)".encode()
    files = {"a.txt": plan, "b.txt": b"", "c.pdf": b"%PDF-1.4 x", "d.pdf": b"%PDF-1.4 x", "e.txt": plan,
             "f.txt": "到2025年,产值达到1亿元、2亿元、3亿元、4亿元、5亿元、6亿元。".encode(), "h.txt": b"\n \n"}
    outcomes = []
    for group_files in (1, 2, 32):
        monkeypatch.setattr(sys.modules["policykit.ingest"], "_GROUP_FILES", group_files)
        project = make_project(tmp_path / str(group_files), files)
        os.mkfifo(project.raw_dir / "g.fifo")
        report = pk.ingest(project, workers=workers, limits=IngestLimits(max_numbers=5))
        outcomes.append((dataclasses.asdict(report), _rows_but_times(project.log_path)))
    assert outcomes[0] == outcomes[1] == outcomes[2]
    report = outcomes[0][0]
    if workers == 1:  # the copies are skipped unread (the workers take files ahead: copies in flight are read)
        assert (report["files_ingested"], report["files_unchanged"], report["files_failed"]) == (3, 2, 3)
        assert [p.split(":")[0][len("data/raw/"):] for p in report["problems"]] == ["b.txt", "c.pdf", "f.txt", "g.fifo",
                                                                                    "h.txt"]


_KEYS = st.text(alphabet="ab|:z\u00e9", max_size=4)


@settings(max_examples=60, deadline=None)
@given(st.lists(_KEYS, max_size=4), st.lists(_KEYS, max_size=3), st.lists(_KEYS, max_size=3))
def test_one_lookup_of_several_keys_and_prefixes_is_any_of_them(tmp_path_factory, logged, keys, prefixes):
    # The slow definition: each key looked up, each prefix tried against every logged key.
    log = EventLog(tmp_path_factory.mktemp("log") / "e.sqlite")
    for key in logged:
        log.append(_reject(key), recorded_by="x", batch_key=key)
    expected = any(k in logged for k in keys) or any(k.startswith(p) for k in logged for p in prefixes)
    assert log.has_any_batch(keys, prefixes) is expected
    assert [log.has_batch(k) for k in keys] == [k in logged for k in keys]
    assert [log.has_batch(p, prefix=True) for p in prefixes] == [any(k.startswith(p) for k in logged) for p in prefixes]


@settings(max_examples=40, deadline=None)
@given(st.one_of(st.binary(max_size=40), st.lists(st.sampled_from(["一、创新", "1.建实验室。(牵头单位:科技局)", "××局负责。",
                                                                     "\ufeff", "abc"]), max_size=4).map(lambda x: "\n".join(x).encode())))
@example(b"\x89PNG")  # refused as an image, whether its hash is given or not
def test_a_reading_given_its_files_sha256_is_the_reading_that_hashes_it(data):
    # The slow definition: read_source hashing the bytes itself. A sha256 given is taken as it is (no second hash).
    sha = hashlib.sha256(data).hexdigest()
    assert read_source(data, "x.txt", sha256=sha) == read_source(data, "x.txt")
    assert read_source(data, "x.txt", sha256="f" * 64).sha256 == "f" * 64
    assert _outcome(extraction_batch, data, "x.txt", sha256=sha) == _outcome(extraction_batch, data, "x.txt")


def _outcome(function, *args, **options):
    """What ``function`` returns, or the type and message of what it raises: bytes that are no text (a PNG's
    header) are refused by extraction_batch, and must be refused alike whether their hash is given or not."""
    try:
        return function(*args, **options)
    except UnreadableSource as refused:
        return type(refused), str(refused)


@pytest.mark.parametrize("workers", [1, 2])
def test_ingest_hashes_each_file_once(tmp_path, monkeypatch, workers):
    # _pending hashes a file to look it up in the log; the reader takes that hash instead of hashing again.
    ingest_module = sys.modules["policykit.ingest"]
    given_shas = []

    def reading(data, source_path, **options):
        given_shas.append(options.get("sha256"))
        return read_source(data, source_path, **options)

    monkeypatch.setattr(ingest_module, "read_source", reading)
    files = {"a.txt": "一、创新\n1.建实验室。(牵头单位:科技局)".encode(), "b.txt": "二、改革\n2.建平台。".encode()}
    project = make_project(tmp_path, files)
    assert pk.ingest(project, workers=workers).files_ingested == 2
    if workers == 1:  # the workers' calls are in other processes
        assert sorted(given_shas) == sorted(hashlib.sha256(data).hexdigest() for data in files.values())
    with EventLog(project.log_path) as log:
        read = [e.event for e in log.read(types=["SourceRead"])]
    assert {e.source_path.rsplit("/", 1)[-1]: e.source_sha256 for e in read} == {
        name: hashlib.sha256(data).hexdigest() for name, data in files.items()}


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=12), st.integers(0, 14), st.integers(-12, 3), st.booleans())
def test_a_file_read_is_its_first_limit_plus_one_bytes_whatever_size_it_claims(tmp_path_factory, content, limit,
                                                                                 claim, limited):
    # The slow definition: read(limit + 1) whatever the file claims, refused when over the limit. The fast path
    # reads the claimed size plus one byte first; a file that grew (or shrank) since it was looked at is simulated
    # by an fstat claiming another size.
    ingest_module = sys.modules["policykit.ingest"]
    path = tmp_path_factory.mktemp("read") / "f.txt"
    path.write_bytes(content)
    claimed = max(0, len(content) + claim)
    limits = IngestLimits(max_file_mb=max(limit, 1) / 2**20) if limited else None
    real_fstat = os.fstat

    def fstat_claiming(fd):
        info = real_fstat(fd)
        return os.stat_result((info.st_mode, info.st_ino, info.st_dev, info.st_nlink, info.st_uid, info.st_gid,
                               claimed, info.st_atime, info.st_mtime, info.st_ctime))

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(os, "fstat", fstat_claiming)
        try:
            got = ingest_module._read_bytes(path, limits)
        except ingest_module.UnreadableSource as exc:
            got = str(exc)
    if limits is None:
        assert got == content
    elif claimed > limits.max_file_bytes:
        assert got.startswith(f"{claimed / 2**20:.1f} MB, larger than the file size limit")
    elif len(content) > limits.max_file_bytes:
        assert got.startswith("larger than the file size limit")
    else:
        assert got == content


def test_a_folder_read_is_refused_as_opening_it_as_a_file_refuses_it(tmp_path):
    # The slow definition: a file object over the descriptor, which refuses a folder (a file swapped for one after
    # discovery) with IsADirectoryError; ingest reports its strerror ("cannot read (Is a directory)").
    ingest_module = sys.modules["policykit.ingest"]
    with pytest.raises(IsADirectoryError) as slow:
        open(tmp_path, "rb")
    for limits in (None, IngestLimits()):
        with pytest.raises(IsADirectoryError) as fast:
            ingest_module._read_bytes(tmp_path, limits)
        assert fast.value.strerror == slow.value.strerror


_NAMES = st.sampled_from(["a", "a-b", "a.b", "b", "a b", "甲"])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(_NAMES, min_size=1, max_size=3), min_size=1, max_size=8),
       st.lists(st.tuples(st.lists(_NAMES, max_size=3), st.booleans()), min_size=1, max_size=4))
def test_discovered_files_are_sorted_and_each_given_once(tmp_path_factory, files, inputs):
    # The slow definition: sorted(set(...)) of every regular file under the inputs (inputs overlapping, repeated,
    # given out of order); names chosen so that Path order is not string order ("a/b" < "a-b" < "a.b").
    from policykit.ingest import discover_sources

    root = tmp_path_factory.mktemp("tree")
    for parts in files:
        path = root.joinpath(*parts, "f.txt")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    given = [root.joinpath(*parts, *(["f.txt"] if file else [])) for parts, file in inputs]  # a file and its folder
    found, _ = discover_sources(given)  # a folder given twice is reported as visited already: not the matter here
    expected = sorted({p for g in given if g.exists()
                       for p in ([g] if g.is_file() else [q for q in g.rglob("*") if q.is_file()])})
    assert [str(p) for p in found] == [str(p) for p in expected]


def _header_aside_counters(data: bytes) -> bytes:
    # The file change counter and the version-valid-for number (bytes 24-27, 92-95) count transactions.
    return data[:24] + data[28:92] + data[96:]


def test_a_new_log_made_in_one_transaction_is_the_file_made_a_statement_at_a_time(tmp_path):
    # The slow definition: what EventLog ran on a new file before, one transaction per statement.
    from policykit.log._store import _PAGE_SIZE, _SCHEMA, APPLICATION_ID, LOG_FORMAT

    slow = tmp_path / "slow.sqlite"
    db = sqlite3.connect(slow, isolation_level=None)
    for statement in (f"PRAGMA page_size = {_PAGE_SIZE}", f"PRAGMA application_id = {APPLICATION_ID}",
                      f"PRAGMA user_version = {LOG_FORMAT}", "PRAGMA journal_mode = WAL"):
        db.execute(statement)
    db.executescript(_SCHEMA)
    db.close()
    fast = tmp_path / "log" / "events.sqlite"
    EventLog(fast).close()
    assert _header_aside_counters(fast.read_bytes()) == _header_aside_counters(slow.read_bytes())
    log = EventLog(fast)  # opened again as an existing log: nothing to add, and it takes events
    assert log.append(_reject("a"), recorded_by="x") == [1] and log.verify().ok
    log.close()
