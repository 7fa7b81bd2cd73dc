"""Helpers the notebooks call: find the shared corpus, hold gold documents out, ingest into a scratch project."""
from pathlib import Path

from conftest import REPO

from policykit.notebooks import find_corpus, gold_documents, scratch_dataset
from policykit.project import Project

REPORT = "2020年甲县人民政府工作报告\n\n今年主要预期目标：地区生产总值增长6%左右。\n".encode()


def test_find_corpus_beside_the_project(tmp_path):
    (tmp_path / "shared" / "corpus").mkdir(parents=True)
    (tmp_path / "proj").mkdir()
    assert find_corpus(Project(tmp_path / "proj")) == tmp_path / "shared" / "corpus"


def test_find_corpus_falls_back_to_the_kits_checkout(tmp_path):
    beside_kit = REPO.parent / "shared" / "corpus"
    assert find_corpus(Project(tmp_path)) == (beside_kit if beside_kit.is_dir() else None)


def test_gold_documents_names_every_gold_file_including_subfolders(tmp_path):
    (tmp_path / "sealed").mkdir()
    for name in ("2021_a-plan.json", "sealed/2020_b-plan.json", "README.md"):
        (tmp_path / name).write_text("{}")
    assert gold_documents(tmp_path) == ["2020_b-plan.*", "2021_a-plan.*"]
    assert gold_documents(tmp_path / "absent") == []


def test_scratch_dataset_ingests_what_is_not_excluded_and_leaves_the_source_alone(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "2020_a-report.txt").write_bytes(REPORT)
    (corpus / "2021_b-report.txt").write_bytes(REPORT.replace(b"2020", b"2021"))
    ds, report = scratch_dataset([corpus], exclude=["2021_b-report.*"])
    assert (report.files_seen, report.files_ingested) == (1, 1)
    assert ds.documents["source_path"].str.contains("2020_a").to_list() == [True]
    assert ds.project.root != corpus and not (corpus / "data").exists()
    _, missing = scratch_dataset([tmp_path / "nowhere"])
    assert any("no such file" in p for p in missing.problems)
