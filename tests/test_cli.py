import subprocess
import sys

import pytest

from policykit.cli import _parser, main

from conftest import make_project

VERBS = sorted(_parser()._subparsers._group_actions[0].choices)


@pytest.mark.parametrize("verb", VERBS)
def test_every_verb_has_help(verb, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([verb, "--help"])
    assert exit_info.value.code == 0
    assert "usage: policykit" in capsys.readouterr().out


def test_ingest_build_status_from_the_command_line(tmp_path, capsys):
    project = make_project(tmp_path)
    assert main(["--project", str(project.root), "ingest"]) == 0
    assert "5 ingested" in capsys.readouterr().out
    assert main(["--project", str(project.root), "build"]) == 0
    for name in ("documents", "tasks", "assignments", "units", "targets", "observations"):
        assert project.frame_path(name).exists()
    assert main(["--project", str(project.root), "status"]) == 0
    out = capsys.readouterr().out
    assert "SourceRead" in out and "frames: built from seq" in out and "OUT OF DATE" not in out
    # a second ingest appends nothing and status still reports the frames as current
    assert main(["--project", str(project.root), "ingest"]) == 0
    assert "0 events appended" in capsys.readouterr().out


def test_missing_project_gives_a_clear_error(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["status"]) == 2
    assert "no policykit project" in capsys.readouterr().err


def test_status_without_a_log_names_the_file(tmp_path, capsys):
    project = make_project(tmp_path, {})
    assert main(["--project", str(project.root), "status"]) == 2
    assert "events.sqlite" in capsys.readouterr().err


def test_console_script_runs():
    out = subprocess.run([sys.executable, "-m", "policykit.cli", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "ingest" in out.stdout


def test_export_network_writes_a_file_networkx_reads_back(sample_project, tmp_path, capsys):
    import networkx as nx

    import policykit as pk
    from policykit.network import coordination_graph

    out = tmp_path / "net.graphml"
    assert main(["--project", str(sample_project.root), "export-network", "--format", "graphml", "--out", str(out)]) == 0
    ds = pk.open(sample_project)
    expected = coordination_graph(ds.assignments, documents=ds.documents, units=ds.units)
    back = nx.read_graphml(out)
    assert set(back.nodes) == set(expected.nodes)
    assert {frozenset(e) for e in back.edges} == {frozenset(e) for e in expected.edges}
    capsys.readouterr()


def test_evaluate_reports_scores_for_the_seed_gold(sample_project, sample, tmp_path, capsys):
    import re

    from conftest import REPO
    from policykit.evaluate import evaluate, load_gold

    gold = REPO / "tests" / "gold"
    out = tmp_path / "scores.csv"
    assert main(["--project", str(sample_project.root), "evaluate", str(gold), "--scores-out", str(out)]) == 0
    text = capsys.readouterr().out
    expected = evaluate(load_gold(gold), sample.documents, sample.tasks, sample.assignments, sample.targets,
                        sample.observations)
    assert out.read_text(encoding="utf-8") == expected.scores.write_csv()
    assert out.with_suffix(".errors.csv").read_text(encoding="utf-8") == expected.errors.write_csv()
    overall = {r["record_type"]: r for r in expected.scores.filter(file="ALL").iter_rows(named=True)}
    assert set(overall) == {"tasks", "mentions", "unit_role", "targets", "comparator_accuracy", "year_accuracy",
                            "observations"}
    assert {name: row["tp"] for name, row in overall.items() if not row["tp"]} == {}  # every type scored
    for label, name in (("tasks", "tasks"), ("unit + role", "unit_role"), ("targets", "targets")):
        row = overall[name]
        assert re.search(rf"^{re.escape(label)} +{row['tp']} +{row['fp']} +{row['fn']} ", text, re.M), label
    assert "chengwu-2023-key-tasks.txt" in text
