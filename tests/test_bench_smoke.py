"""The benchmark corpora, peers and table still run (``--quick``: tiny corpora, in this process), so they do not rot."""
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import make_corpus  # noqa: E402
import run as bench  # noqa: E402
import shared_corpus  # noqa: E402


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


@pytest.mark.skipif(shared_corpus.default_corpus() is None, reason="needs ../shared/corpus (or POLICYKIT_CORPUS)")
def test_quick_bench_prints_one_table_of_every_figure(tmp_path, capsys):
    assert bench.main(["--quick", "--in-process", "--work", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    table = [line for line in out.splitlines() if line.startswith("| ")]
    assert table[0].startswith("| figure | measured | goal | met |")
    for figure in ("ingest, real text", "vs the floor", "minimal regex extractor", "`--workers 2` vs 1 (",
                   f"`--workers 2` vs 1, median of {bench.SCALING_ROUNDS} alternated rounds", "`--workers 4` vs 1", "`policykit --help`", "build, 40 generated", "coordination load frame",
                   "event log size", "generated text (2 workers) vs its floor", "re-ingest of unchanged"):
        assert sum(figure in line for line in table) == 1, figure
    assert "OpenCC t2s" in out and "jieba" in out  # measured, or said why not


def _timed(seconds, cpu_s, **more):
    return {"seconds": seconds, "cpu_s": cpu_s, "peak_rss_mb": 100.0, "load_before": 1.0, "load_after": 1.0, **more}


def test_the_table_sets_each_figure_beside_its_goal():
    real = {"floor": _timed(0.5, 0.5, bytes=10_000_000), "regex": _timed(2.0, 2.0, records=5),
            "ingest-1": _timed(10.0, 10.0, main_cpu_s=10.0, workers_cpu_s=0.0, workers=1, log_bytes=8_000_000),
            # 2 workers: the writer 1 CPU-s, each worker 5: two free cores finish it in 5.5 s, 1.82x one process
            "ingest-2": _timed(9.0, 11.0, main_cpu_s=1.0, workers_cpu_s=10.0, workers=2, log_bytes=8_000_000),
            "reingest-1": _timed(0.3, 0.3, appended=0),
            "workers-2": _timed(60.0, 60.0, rounds=3, cpu_ratios=[1.7, 1.9, 1.85], wall_ratios=[1.6, 1.8, 1.7],
                                median_cpu_ratio=1.85, median_wall_ratio=1.7)}
    lines = "\n".join(bench.table(real, {}, real_mb=10, n_generated=100_000, cores=2))
    assert "| ingest, real text (10.0 MB), MB per CPU-second | 1.00 MB/s | ≥ 10 | **no** |" in lines
    assert "| ingest vs the floor (CPU seconds) | 20× slower | ≤ 20× | yes |" in lines
    assert "| ingest vs a minimal regex extractor (CPU seconds) | 5× slower | ≤ 3× | **no** |" in lines
    assert "| 1.11×; 1.82× |  |  |" in lines  # one run beside another: shown, not judged
    assert "alternated rounds (as the CPU seconds allow; wall) | 1.85×; 1.70× | ≥ 1.8× | yes | rounds: 1.70×, 1.90×, 1.85× |" in lines
    assert "| re-ingest of unchanged files vs a first ingest | 3.0 % | ≤ 5 % | yes |" in lines
    assert "build, generated documents | not run" in lines
    generated = {"floor": _timed(25.0, 25.0, bytes=1_000_000_000),
                 "ingest-2": _timed(250.0, 499.0, main_cpu_s=34.0, workers_cpu_s=465.0, workers=2, documents=100_000,
                                    log_bytes=800_000_000)}
    lines = "\n".join(bench.table({}, generated, real_mb=10, n_generated=100_000, cores=2))
    assert ("| ingest, generated text (2 workers) vs its floor (CPU seconds) | 20.0× slower | ≤ 20× | yes | floor 25.00 "
            "CPU-s (decode + one regex pass over the same bytes); ingest 499.0 CPU-s: writer 34.0, workers 465.0 |") in lines
    generated["ingest-2"]["cpu_s"] = 501.0
    assert "vs its floor (CPU seconds) | 20.0× slower | ≤ 20× | **no** |" in "\n".join(
        bench.table({}, generated, real_mb=10, n_generated=100_000, cores=2))  # 20.04×: shown as 20.0, judged exactly


def test_bench_child_process_reports_peak_rss(tmp_path):
    corpus = tmp_path / "corpus"
    make_corpus.make_corpus(3, corpus, seed=0)
    result = bench.run_step("floor", corpus, tmp_path / "p")
    assert result["bytes"] > 3_000 and result["peak_rss_mb"] > 1


def test_bench_refuses_a_work_folder_inside_the_repository():
    assert bench.main(["--quick", "--work", str(BENCHMARKS / "tmp")]) == 2


def test_the_floor_and_the_regex_extractor_count_their_fastest_pass(monkeypatch):
    clock = iter([0.0, 5.0, 5.0, 7.0, 7.0, 16.0])  # three passes of 5, 2 and 9 CPU-seconds
    monkeypatch.setattr(bench, "_cpu_seconds", lambda: next(clock))
    results = iter(["first", "second", "third"])
    cpu, _, result = bench._fastest(lambda: next(results))
    assert (cpu, result) == (2.0, "second")


def test_budget_splits_ingest_and_sets_the_goals_beside_its_parts():
    import budget

    b = {"bytes": 3_000_000, "files": 2, "documents": 3, "floor": 0.05, "regex": 0.1, "read": 0.1,
         "read+extract": 0.9, "ingest": 1.0, "calls": {"python": 150_000, "c": 250_000, "regex": 50_000},
         "empty_ns": {"python": 20.0, "c": 10.0, "regex": 60.0}}
    b.update(extract=0.8, rest=0.1, goal_mb=0.3, goal_regex=0.3)
    lines = budget.report(b)
    assert "| extraction (extract_document) | 0.800 | 80 % | 3.8 |" in lines
    # 10 MB/CPU-s on 3 MB: 0.3 CPU-s, of which the reader and the log take 0.2: extraction 0.1, 8x less than 0.8
    assert any(line.startswith("- ≥ 10 MB per CPU-s: ingest within 0.300 CPU-s, 3.3× less") and "8.0× less" in line
               for line in lines)
    b.update(read=0.25, rest=0.1)  # the reader and the log alone over 3× the regex extractor
    assert any("≤ 3× the regex extractor" in line and "alone take more" in line for line in budget.report(b))
    assert "2000 ns a call." in lines[-1]  # 0.8 CPU-s over 400,000 calls
    assert lines[-1].endswith("take 0.008 CPU-s.")  # 150k x 20 + 200k x 10 + 50k x 60 ns


def test_budget_runs_on_the_shipped_sample(capsys):
    import budget

    assert budget.main(["--corpus", str(BENCHMARKS.parent / "data" / "raw"), "--passes", "1"]) == 0
    out = capsys.readouterr().out
    assert "| ingest, one worker |" in out and out.count("\n- ") == 3
