"""Curation, re-extraction, time travel, replication: the event-sourcing guarantees."""
import json
import shutil
import sqlite3

import polars as pl
import pytest

import policykit as pk
from policykit import curation
from policykit.cli import main
from policykit.curation import CurationError
from policykit.log import EventLog

from conftest import make_project

PLAN = ("成武县2023年重点工作任务\n一、创新\n1.完善实验室体系。力争达到20家以上。(牵头单位:科技局参与单位:各镇街)\n"
        "2.加强平台建设。(牵头单位:发展改革局、工业和信息化局参与单位:各镇街)\n").encode()


@pytest.fixture
def project(tmp_path):
    project = make_project(tmp_path, {"plan.txt": PLAN})
    assert pk.ingest(project).ok
    return project


def _assignment(ds, mention):
    return ds.assignments.filter(pl.col("mention") == mention).row(0, named=True)


def _log_rows(project):
    with EventLog(project.log_path) as log:
        return list(log.raw_rows())


def test_role_correction_survives_reextraction(project, monkeypatch):
    ds = pk.open(project)
    lead = _assignment(ds, "科技局")
    curation.set_role(project, lead["assignment_id"], "responsible", reason="test", author="ana")
    monkeypatch.setattr(pk._version, "EXTRACTOR_VERSION", "99.0.0")
    report = pk.ingest(project, reextract=True)
    assert report.files_ingested == 1
    after = pk.open(project)
    assert after.documents["extractor_version"].to_list() == ["99.0.0"]
    row = after.assignments.filter(pl.col("assignment_id") == lead["assignment_id"]).row(0, named=True)
    assert row["role"] == "responsible" and row["curated"]
    assert after.orphans.height == 0


def test_plain_ingest_keeps_older_extractions_until_reextract(project, monkeypatch, capsys):
    monkeypatch.setattr(pk._version, "EXTRACTOR_VERSION", "99.0.0")
    assert pk.ingest(project).files_unchanged == 1
    assert main(["--project", str(project.root), "status"]) == 0
    assert "1 on an older extractor than 99.0.0" in capsys.readouterr().out


def test_orphaned_curation_is_reported(project):
    curation.reject(project, "no-such-doc/一/9@abcdef", reason="gone", author="ana")
    ds = pk.open(project)
    assert ds.orphans["record_id"].to_list() == ["no-such-doc/一/9@abcdef"]


def test_reject_and_undo(project):
    ds = pk.open(project)
    task = ds.tasks.filter(pl.col("number") == "2").row(0, named=True)
    seq = curation.reject(project, task["task_id"], reason="not a task", author="ana")
    rejected = pk.open(project)
    assert task["task_id"] not in rejected.tasks["task_id"].to_list()
    assert rejected.assignments.filter(pl.col("task_id") == task["task_id"]).height == 0  # cascades
    undo_seq = curation.undo(project, seq, reason="changed my mind", author="ana")
    assert task["task_id"] in pk.open(project).tasks["task_id"].to_list()
    curation.undo(project, undo_seq, reason="undo the undo", author="ana")
    assert task["task_id"] not in pk.open(project).tasks["task_id"].to_list()
    with pytest.raises(CurationError, match="not a curation event"):
        curation.undo(project, 1, reason="x", author="ana")


def test_alias_merges_units_and_split_and_add(project):
    ds = pk.open(project)
    a, b = _assignment(ds, "发展改革局"), _assignment(ds, "工业和信息化局")
    assert a["unit_id"] != b["unit_id"]
    curation.alias(project, "发展改革局", "工业和信息化局", reason="test merge", author="ana")
    merged = pk.open(project)
    assert _assignment(merged, "发展改革局")["unit_id"] == _assignment(merged, "工业和信息化局")["unit_id"]
    task1 = merged.tasks.filter(pl.col("number") == "1")["task_id"][0]
    curation.add_assignment(project, task1, "财政局", "participant", reason="missed", author="ana")
    curation.split_unit(project, _assignment(merged, "科技局")["assignment_id"], "科技", "局", reason="t", author="b")
    final = pk.open(project)
    added = final.assignments.filter(pl.col("mention") == "财政局").row(0, named=True)
    assert added["curated"] and added["role"] == "participant" and added["start"] is None  # not in the text
    assert {"科技", "局"} <= set(final.assignments["mention"]) and "科技局" not in set(final.assignments["mention"])


def test_target_correction_is_validated_and_applied(project):
    ds = pk.open(project)
    extracted = ds.targets.select("text", "unit", "comparator").rows()
    assert extracted == [("力争达到20家以上", "家", ">=")]  # the plan's one target, before any correction
    target_id = ds.targets["target_id"][0]
    with pytest.raises(CurationError, match="comparator"):
        curation.correct_target(project, target_id, comparator="about", reason="x", author="a")
    with pytest.raises(CurationError, match="decimal"):
        curation.correct_target(project, target_id, value="twenty", reason="x", author="a")
    curation.correct_target(project, target_id, value="25", comparator=">", reason="misread", author="a")
    row = pk.open(project).targets.filter(pl.col("target_id") == target_id).row(0, named=True)
    assert str(row["value"]).rstrip("0").rstrip(".") == "25" and row["comparator"] == ">" and row["curated"]
    assert row["unit"] == "家"  # fields not corrected keep their extracted values


def test_curation_needs_a_reason(project):
    with pytest.raises(CurationError, match="reason"):
        curation.reject(project, "x", reason=" ", author="a")


def test_as_of_seq_equals_a_truncated_log(project, tmp_path):
    ds = pk.open(project)
    pinned = ds.last_seq
    curation.reject(project, ds.tasks["task_id"][0], reason="later decision", author="ana")
    export = tmp_path / "export"
    pk.export_log(project, export, as_of_seq=pinned)
    truncated = make_project(tmp_path / "truncated", {})
    pk.import_log(truncated, export)
    then = pk.open(project, as_of_seq=pinned)
    rebuilt = pk.open(truncated)
    for name, frame in then.frames.as_dict().items():
        assert frame.equals(rebuilt.frames.as_dict()[name]), name


@pytest.mark.parametrize("fmt", ["ndjson", "parquet"])
def test_export_import_rebuilds_identical_parquet_files(project, tmp_path, fmt):
    curation.alias(project, "发展改革局", "发改局", reason="short form", author="ana")
    pk.write_frames(pk.open(project))
    manifest = json.loads(pk.export_log(project, tmp_path / "pkg", fmt=fmt).read_text(encoding="utf-8"))
    assert manifest["raw_files"]["data/raw/plan.txt"]["present_and_unchanged"]
    assert manifest["event_counts"]["UnitAliasDeclared"] == 1
    replica = make_project(tmp_path / "replica", {})
    pk.import_log(replica, tmp_path / "pkg")
    pk.write_frames(pk.open(replica))
    for name in ("documents", "tasks", "assignments", "units", "targets", "observations"):
        assert project.frame_path(name).read_bytes() == replica.frame_path(name).read_bytes(), name


def test_import_refuses_a_project_that_has_a_log(project, tmp_path):
    pk.export_log(project, tmp_path / "pkg")
    with pytest.raises(pk.log.LogError, match="already holds events"):
        pk.import_log(project, tmp_path / "pkg")


def test_version_1_alias_events_are_upcast_when_read(project):
    db = sqlite3.connect(project.log_path)
    payload = json.dumps({"reason": "old log", "name_a": "发展改革局", "name_b": "工业和信息化局", "jurisdiction": None})
    db.execute("INSERT INTO events(type, version, recorded_at, recorded_by, payload) VALUES"
               " ('UnitAliasDeclared', 1, '2020-01-01T00:00:00+00:00', 'old', ?)", (payload,))
    db.commit()
    db.close()
    with EventLog(project.log_path) as log:
        event = list(log.read(types=["UnitAliasDeclared"]))[0].event
    assert event.names == ("发展改革局", "工业和信息化局")
    ds = pk.open(project)
    assert _assignment(ds, "发展改革局")["unit_id"] == _assignment(ds, "工业和信息化局")["unit_id"]


def test_explain_shows_events_and_both_texts(project):
    ds = pk.open(project)
    row = _assignment(ds, "科技局")
    curation.set_role(project, row["assignment_id"], "participant", reason="checked", author="ana")
    text = str(pk.explain(pk.open(project), row["assignment_id"]))
    assert "DocumentExtracted" in text and "RoleCorrected" in text and "checked" in text
    assert "【科技局】" in text and "raw text:   " in text and "data/raw/plan.txt" in text


def test_no_command_deletes_or_rewrites_the_log(project, tmp_path, capsys):
    root = str(project.root)
    task_id = pk.open(project).tasks["task_id"][0]
    commands = [
        ["ingest"], ["ingest", "--reextract"], ["build"], ["build", "--as-of-seq", "1"], ["status"], ["log"],
        ["explain", task_id], ["export-log", "--out", str(tmp_path / "x")],
        ["curate", "--reason", "r", "--author", "a", "alias", "甲局", "乙局"],
        ["curate", "--reason", "r", "--author", "a", "reject", task_id],
        ["curate", "--reason", "r", "--author", "a", "undo", "1"],  # refused: not a curation event
        ["import-log", str(tmp_path / "x")],  # refused: the log is not empty
    ]
    before = _log_rows(project)
    for command in commands:
        main(["--project", root, *command])
        after = _log_rows(project)
        assert after[:len(before)] == before, command
        before = after
    capsys.readouterr()


def test_history_lists_every_decision_and_what_was_undone(project):
    first = curation.alias(project, "发展改革局", "发改局", reason="short form", author="ana")
    curation.reject(project, "nope", reason="false", author="bo")
    curation.undo(project, first, reason="wrong", author="ana")
    history = curation.history(project)
    assert history["type"].to_list() == ["UnitAliasDeclared", "RecordRejected", "CurationUndone"]
    assert history["author"].to_list() == ["ana", "bo", "ana"]
    assert history["undone"].to_list() == [True, False, False]
    assert "发改局" in history["details"][0]


def test_curate_target_sets_metric_key_year_and_unit_applied_on_replay(project, capsys):
    target_id = pk.open(project).targets["target_id"][0]
    assert main(["--project", str(project.root), "curate", "--reason", "read by hand", "--author", "ana", "target",
                 target_id, "--metric-key", "labs", "--year", "2025", "--unit", "个"]) == 0
    row = pk.open(project).targets.filter(pl.col("target_id") == target_id).row(0, named=True)
    assert (row["metric_key"], row["year"], row["unit"], row["curated"]) == ("labs", 2025, "个", True)
    assert row["base_value"] is None and row["base_unit"] is None  # the new unit's scale is not known
    assert main(["--project", str(project.root), "curate", "--reason", "x", "target", target_id,
                 "--metric-key", "Labs Count"]) == 2
    assert "snake_case" in capsys.readouterr().err


@pytest.mark.parametrize("value, problem", [
    ("NaN", "not a finite number"), ("inf", "not a finite number"), ("-Infinity", "not a finite number"),
    ("1e308", "too large"), ("123456789012345678901234567890123", "too large"), ("0.1234567", "more than 6 digits"),
])
def test_curate_refuses_values_the_frames_cannot_hold_exactly(project, capsys, value, problem):
    target_id = pk.open(project).targets["target_id"][0]
    before = _log_rows(project)
    assert main(["--project", str(project.root), "curate", "--reason", "x", "target", target_id,
                 f"--value={value}"]) == 2
    assert problem in capsys.readouterr().err and _log_rows(project) == before
    with pytest.raises(CurationError, match=problem):
        curation.correct_target(project, target_id, value_high=value, reason="x", author="a")


def test_the_largest_value_the_frames_hold_is_accepted_exactly(project):
    target_id = pk.open(project).targets["target_id"][0]
    curation.correct_target(project, target_id, value="99999999999999999999999999999999.999999", reason="x",
                            author="a")
    value = pk.open(project).targets.filter(pl.col("target_id") == target_id)["value"][0]
    assert str(value) == "99999999999999999999999999999999.999999"


def test_ingest_and_curate_refuse_to_write_into_an_altered_log(project, capsys):
    db = sqlite3.connect(project.log_path)
    db.execute("DROP TRIGGER events_append_only_update")
    db.execute("UPDATE events SET recorded_by = 'mallory' WHERE seq = 1")
    db.commit()
    db.close()
    before = len(_log_rows(project))
    (project.raw_dir / "more.txt").write_bytes("二、开放\n3.建设口岸。(牵头单位:商务局)\n".encode())
    assert main(["--project", str(project.root), "ingest"]) != 0
    err = capsys.readouterr().err
    assert str(project.log_path) in err and "event seq 1 " in err
    assert main(["--project", str(project.root), "curate", "--reason", "x", "reject", "any"]) != 0
    err = capsys.readouterr().err
    assert str(project.log_path) in err and "event seq 1 " in err and "export-log --as-of-seq 0" in err
    assert len(_log_rows(project)) == before


PROVINCE_REPORT = ("甲省2026年政府工作报告\n今年发展主要预期目标是：地区生产总值增长5.5%左右。\n").encode()


def _add_national_target(project, *extra):
    return main(["--project", str(project.root), "curate", "--reason", "the national target of 2026", "--author", "ana",
                 "add-target", "--region", "全国", "--level", "national", "--metric-key", "gdp_growth", "--year", "2026",
                 "--value", "4.5", "--value-high", "5", "--unit", "%", "--comparator", "range", "--kind", "growth_rate",
                 "--source", "2026年国务院政府工作报告", "--page", "12", "--quote", "国内生产总值增长4.5%—5%", *extra])


def test_add_target_joins_the_frames_with_its_citation_and_escalation_compares_with_it(project, capsys):
    assert _add_national_target(project) == 0
    seq = int(capsys.readouterr().out.split("seq ")[1].split()[0])
    ds = pk.open(project)
    [target] = ds.targets.filter(pl.col("target_id") == f"reference:{seq}").to_dicts()
    assert (str(target["value"]), str(target["value_high"]), target["comparator"], target["year"], target["curated"]) == (
        "4.500000", "5.000000", "range", 2026, True)
    [source] = ds.documents.filter(pl.col("doc_id") == target["doc_id"]).to_dicts()
    assert (source["region"], source["level"], source["doc_type"]) == ("全国", "national", "reference")
    assert source["title"] == "2026年国务院政府工作报告; p. 12; 国内生产总值增长4.5%—5%"
    assert ds.orphans.height == 0
    # A province of the same year is set beside it; undone, the comparison is gone.
    (project.root / "data" / "raw" / "province.txt").write_bytes(PROVINCE_REPORT)
    assert pk.ingest(project).ok
    from policykit import escalation

    ds = pk.open(project)
    [row] = escalation.escalation(ds.targets, ds.documents).filter(pl.col("metric_key") == "gdp_growth").to_dicts()
    assert (row["region"], row["parent_region"], str(row["difference"]), row["escalated"]) == (
        "甲省", "全国", "0.750000", True)
    curation.undo(project, seq, reason="withdrawn", author="bo")
    ds = pk.open(project)
    assert ds.targets.filter(pl.col("curated")).height == 0 and ds.documents.filter(pl.col("doc_type") == "reference").is_empty()


def test_add_target_is_a_decision_of_its_own_folded_into_a_document_and_a_target():
    from policykit.frames import decide
    from policykit.frames._curate import Add, Rows
    from policykit.log import TargetReferenced

    event = TargetReferenced(reason="r", region="全国", level="national", metric_key="cpi", year=2026, value="2",
                             source="report", comparator="≈")
    document, target = decide(event, 7, Rows({}))
    assert isinstance(document, Add) and document.frame == "documents" and document.row["doc_id"] == "reference:7"
    assert isinstance(target, Add) and target.frame == "targets" and target.row["doc_id"] == "reference:7"
    assert (target.row["value"], target.row["comparator"], target.row["text"]) == ("2", "≈", "report")


@pytest.mark.parametrize("change, problem", [
    (dict(source=" "), "needs its source"), (dict(comparator="about"), "comparator 'about'"),
    (dict(value_high=None), "a range needs --value-high"), (dict(level="state"), "level 'state'"),
    (dict(value="4,5"), "is not a decimal number"), (dict(metric_key="GDP"), "metric key 'GDP'")])
def test_add_target_refuses_what_it_cannot_record_exactly(project, change, problem):
    given = dict(region="全国", level="national", metric_key="gdp_growth", year=2026, value="4.5", value_high="5",
                 comparator="range", source="2026年国务院政府工作报告", reason="r", author="ana")
    with pytest.raises(CurationError, match=problem):
        curation.add_target(project, **{**given, **change})


def test_add_target_without_a_source_is_refused_by_the_command_line(project, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--project", str(project.root), "curate", "--reason", "r", "add-target", "--region", "全国", "--level",
              "national", "--metric-key", "cpi", "--year", "2026", "--value", "2"])
    assert exit_.value.code == 2 and "--source" in capsys.readouterr().err
