"""The benchmark corpus generator and the bench entry still run (on ~20 documents), so they do not rot."""
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import make_corpus  # noqa: E402
import run as bench  # noqa: E402


def test_corpus_is_reproducible_and_seeded(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    make_corpus.make_corpus(20, a, seed=0)
    make_corpus.make_corpus(20, b, seed=0, workers=2)
    make_corpus.make_corpus(20, c, seed=1)
    files = sorted(p.relative_to(a) for p in a.rglob("*.txt"))
    assert len(files) == 20
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files)
    assert any((a / f).read_bytes() != (c / f).read_bytes() for f in files if (c / f).exists())
    assert 5_000 < sum((a / f).stat().st_size for f in files) / 20 < 20_000  # about 10 KB a document


def test_corpus_has_every_clause_style_and_noise():
    names, texts = zip(*(make_corpus.document(i, seed=0) for i in range(300)))
    corpus = "\n".join(texts)
    for style in ("牵头单位：", "参与单位:", "牵头，", "配合）", "（牵头）、", "负责）", "由", "牵头负责", "\n责任单位：",
                  "一、", "（一）", "1.", "1、", "1至", "力争", "左右", "以上"):
        assert style in corpus, style
    assert any(n.endswith(".gbk.txt") for n in names) and any(n.endswith(".hant.txt") for n in names)
    assert any("２" in t for t in texts)  # full-width digits
    units = set(make_corpus.unit_registry())
    assert 2_000 < len(units) < 30_000


def test_bench_steps_run_and_report(tmp_path):
    corpus = tmp_path / "corpus"
    make_corpus.make_corpus(20, corpus, seed=0)
    project = tmp_path / "p"
    (project / "data").mkdir(parents=True)
    results = {"floor": bench.step_floor(corpus, project), "ingest-1": bench.step_ingest_1(corpus, project),
               "reingest-1": bench.step_reingest_1(corpus, project), "build": bench.step_build(corpus, project)}
    assert results["ingest-1"]["documents"] == 20 and results["ingest-1"]["failed"] == 0
    assert results["reingest-1"]["appended"] == 0 and results["reingest-1"]["unchanged"] == 20
    assert results["build"]["rows"]["tasks"] > 20
    for r in results.values():
        r.update(cpu_s=1.0, peak_rss_mb=100.0, process_wall_s=1.0)
    lines = "\n".join(bench.summary(20, results))
    assert "x the floor" in lines and "re-ingest unchanged" in lines and "build:" in lines


def test_bench_child_process_reports_peak_rss(tmp_path):
    corpus = tmp_path / "corpus"
    make_corpus.make_corpus(3, corpus, seed=0)
    result = bench.run_step("floor", corpus, tmp_path / "p")
    assert result["bytes"] > 3_000 and result["peak_rss_mb"] > 1


@pytest.mark.parametrize("argv", [["--sizes", "10", "--work", str(BENCHMARKS / "tmp")], ["--steps", "nonsense"]])
def test_bench_refuses_bad_arguments(argv):
    assert bench.main(argv) == 2
