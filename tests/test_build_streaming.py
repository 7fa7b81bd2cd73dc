"""`policykit build` streams the log into parquet: same frames as the in-memory dataset, any chunk size."""
import json

import polars as pl
import pytest

import policykit as pk
from policykit import curation
from policykit.cli import main
from policykit.dataset import write_frames_streaming
from policykit.frames import stream_log
from policykit.log import EventLog
from policykit.project import FRAME_NAMES
from policykit.registry import resolve_units

from conftest import make_project


@pytest.fixture(scope="module")
def curated(tmp_path_factory):
    """The sample with every kind of curation event, spread over its documents, plus an orphan and an undo."""
    project = make_project(tmp_path_factory.mktemp("curated"))
    assert pk.ingest(project).ok
    ds = pk.open(project)
    for doc_id in ds.documents["doc_id"]:
        assign = ds.assignments.filter(pl.col("doc_id") == doc_id)
        tasks = ds.tasks.filter(pl.col("doc_id") == doc_id)
        targets = ds.targets.filter(pl.col("doc_id") == doc_id)
        if assign.height > 2:
            curation.set_role(project, assign["assignment_id"][0], "responsible", reason="t")
            curation.reject(project, assign["assignment_id"][1], reason="t")
            curation.split_unit(project, assign["assignment_id"][2], "甲局", "乙局", reason="t")
        if tasks.height > 2:
            curation.add_assignment(project, tasks["task_id"][0], "财政局", "participant", reason="t")
            curation.reject(project, tasks["task_id"][1], reason="t")
            curation.correct_task(project, tasks["task_id"][2], reason="t", title="改过的标题")
        if targets.height:
            curation.correct_target(project, targets["target_id"][0], reason="t", value="42")
    curation.alias(project, "科技局", "科学技术局", reason="t")
    curation.reject(project, "no-such-doc/一/9@abcdef", reason="orphan")
    curation.undo(project, curation.reject(project, ds.tasks["task_id"][-1], reason="t"), reason="t")
    return project


@pytest.mark.parametrize("chunk", [1, 3])
def test_streamed_frames_are_the_same_for_any_chunk_size(curated, tmp_path, chunk):
    frames = pk.open(curated)  # one chunk of 500 documents
    with EventLog(curated.log_path) as log:
        streamed = stream_log(log, tmp_path, chunk=chunk)
    assert curated and frames.tasks.height and frames.assignments.filter(pl.col("curated")).height
    for name, parts in streamed.parts.items():
        assert len(parts) == -(-frames.documents.height // chunk) + 1  # one part a chunk, one for added rows
        assert streamed.frame(name).equals(getattr(frames, name)), name
    assert streamed.documents.equals(frames.documents) and streamed.units.equals(frames.units)
    assert streamed.orphans.height == frames.orphans.height == 1
    assert streamed.rows == {name: getattr(frames, name).height for name in FRAME_NAMES}


def test_worker_processes_project_the_same_frames_and_headers(curated, tmp_path):
    frames = pk.open(curated)
    with EventLog(curated.log_path) as log:
        streamed = stream_log(log, tmp_path, chunk=2, workers=2)
    for name in streamed.parts:
        assert streamed.frame(name).equals(getattr(frames, name)), name
    assert streamed.documents.equals(frames.documents) and streamed.units.equals(frames.units)
    assert streamed.orphans.height == frames.orphans.height == 1
    assert streamed.state.extractions == frames.state.extractions


def test_a_worker_process_failing_fails_the_build(curated, tmp_path):
    with EventLog(curated.log_path) as log, pytest.raises(FileNotFoundError, match="no-such-folder"):
        stream_log(log, tmp_path / "no-such-folder", chunk=1, workers=2)  # the workers cannot write their parts


def test_build_writes_the_frames_of_write_frames_deterministically(curated, tmp_path):
    in_memory = pk.write_frames(pk.open(curated), tmp_path / "memory")
    first, manifest = write_frames_streaming(curated, folder=tmp_path / "first")
    assert main(["--project", str(curated.root), "build", "--out", str(tmp_path / "second")]) == 0
    for name in FRAME_NAMES:
        assert pl.read_parquet(first[name]).equals(pl.read_parquet(in_memory[name])), name
        assert first[name].read_bytes() == (tmp_path / "second" / f"{name}.parquet").read_bytes(), name
    assert json.loads((tmp_path / "memory" / "_build.json").read_text()) == manifest
    # No temporary parts left behind; the build lock file (.build.lock) stays, empty.
    assert sorted(p.name for p in (tmp_path / "first").iterdir() if p.name != ".build.lock") == sorted(
        [f"{n}.parquet" for n in FRAME_NAMES] + ["_build.json"])


def test_build_as_of_seq_streams_the_pinned_log(curated, tmp_path):
    paths, manifest = write_frames_streaming(curated, as_of_seq=3, folder=tmp_path)
    pinned = pk.open(curated, as_of_seq=3)
    assert manifest["last_seq"] == pinned.last_seq == 3
    assert pl.read_parquet(paths["tasks"]).equals(pinned.tasks)


def test_curation_keeps_records_that_belong_to_no_task(tmp_path):
    # Observations and targets with no task (null task_id) must survive any curation event.
    project = make_project(tmp_path)
    assert pk.ingest(project).ok
    before = pk.open(project)
    loose = before.observations.filter(pl.col("task_id").is_null()).height
    assert loose > 0
    curation.set_role(project, before.assignments["assignment_id"][0], "responsible", reason="t")
    after = pk.open(project)
    assert after.observations.height == before.observations.height
    assert after.observations.filter(pl.col("task_id").is_null()).height == loose
    assert after.targets.height == before.targets.height


def test_an_as_of_date_dataset_keeps_each_documents_own_seq(curated):
    # The sample's first document has a date, some after it none: they drop out between kept documents.
    first_date = pk.open(curated).documents.sort("source_path")["issued_on"][0]
    ds = pk.open(curated, as_of_date=first_date)
    with EventLog(curated.log_path) as log:
        latest = log.latest_extractions()
    assert 0 < len(ds.state.extractions) < len(latest)
    assert {doc_id: seq for doc_id, (seq, _) in ds.state.extractions.items()} == {
        doc_id: latest[doc_id] for doc_id in ds.state.extractions}


def test_task_text_is_cut_by_characters_when_the_text_has_wide_ones(tmp_path):
    # 𠀀 is one character and four UTF-8 bytes, é two, 县 three: offsets count characters, as Python does.
    source = "𠀀é县2023年重点工作任务\n一、创新\n1.建设𠀀实验室。力争达到20家以上。(牵头单位:县科技局)\n2.建设é园区。(牵头单位:县财政局)\n"
    project = make_project(tmp_path, {"plan.txt": source.encode("utf-8")})
    assert pk.ingest(project).ok
    ds = pk.open(project)
    (seq, header), = ds.state.extractions.values()
    with EventLog(project.log_path) as log:
        clean = log.text(header.text_sha256)
    assert ds.tasks.height == 2 and "𠀀" in ds.tasks["text"][0]
    assert ds.tasks["text"].to_list() == [clean[s:e] for s, e in ds.tasks.select("start", "end").rows()]


def test_units_named_chunk_by_chunk_are_the_whole_corpus_resolution(tmp_path):
    # Names joined across documents and chunks: a lost head (发展改革 is 发展改革局) and a curated alias.
    plans = {f"plan{i}.txt": f"成武县2023年重点工作任务\n一、创新\n1.建设实验室。(牵头单位:{lead})\n2.建设园区。(牵头单位:{other})\n"
             for i, (lead, other) in enumerate([("县发展改革局", "科技局"), ("发展改革", "科学技术局"), ("县财政局", "各镇街")])}
    project = make_project(tmp_path / "p", {name: text.encode("utf-8") for name, text in plans.items()})
    assert pk.ingest(project).ok
    curation.alias(project, "科技局", "科学技术局", reason="t")
    ds = pk.open(project)
    with EventLog(project.log_path) as log:
        streamed = stream_log(log, tmp_path, chunk=1, workers=2)
    mentions = ds.assignments.select("doc_id", "mention", "placeholder").join(
        ds.documents.select("doc_id", "level", "region"), on="doc_id", how="left")
    aliases = pl.DataFrame({"name_a": ["科技局"], "name_b": ["科学技术局"], "jurisdiction": [None]},
                           schema={"name_a": pl.String, "name_b": pl.String, "jurisdiction": pl.String})
    mention_map, units = resolve_units(mentions, aliases)
    expected = ds.assignments.join(mention_map, on=["doc_id", "mention"], how="left", maintain_order="left")
    assignments = streamed.frame("assignments")
    assert assignments["unit_id"].to_list() == expected["unit_id_right"].to_list()
    assert streamed.units.equals(units) and ds.units.equals(units)
    by_mention = dict(assignments.select("mention", "unit_id").iter_rows())
    assert by_mention["发展改革"] == by_mention["县发展改革局"] == "成武县/发展改革局"
    assert by_mention["科学技术局"] == by_mention["科技局"]
