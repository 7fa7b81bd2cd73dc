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


def _run(*argv: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "policykit.cli", *argv], capture_output=True, text=True, **kwargs)


_HEAVY = ("altair", "networkx", "jsonschema", "policykit.extract", "policykit.charts", "policykit.network")


@pytest.mark.parametrize("argv", [["--help"], ["status", "--help"], ["status"], ["ingest"]], ids=" ".join)
def test_a_verb_imports_only_what_it_uses(sample_project, tmp_path, argv):
    """`--help` and `status` load neither the extractor nor altair/networkx; ingest loads no chart or graph code."""
    project = make_project(tmp_path, {"plan.txt": "一、总体\n1.建实验室。\n".encode()}) if argv == ["ingest"] else sample_project
    code = ("import sys; from policykit.cli import main\n"
            f"try:\n    main(['--project', {str(project.root)!r}, *{argv!r}])\nexcept SystemExit:\n    pass\n"
            "print(' '.join(sorted(m for m in sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    loaded = set(out.split())
    allowed = {"policykit.extract"} if argv == ["ingest"] else set()
    assert {m for m in _HEAVY if m in loaded} <= allowed, argv


def _project_with_events(tmp_path, n_aliases: int = 0):
    from policykit.log import EventLog, UnitAliasDeclared

    project = make_project(tmp_path, {"plan.txt": "一、总体\n1.建实验室。(牵头单位:科技局;参与单位:财政局)\n".encode()})
    assert main(["--project", str(project.root), "ingest"]) == 0
    with EventLog(project.log_path) as log:
        log.append([UnitAliasDeclared(reason=f"r{i}", names=("科技局", f"科技{i}局")) for i in range(n_aliases)],
                   recorded_by="ana")
    return project


def test_build_as_of_seq_beyond_the_log_is_refused(tmp_path, capsys):
    project = _project_with_events(tmp_path)
    assert main(["--project", str(project.root), "build", "--as-of-seq", "99"]) == 2
    assert "--as-of-seq 99: the log at" in capsys.readouterr().err and not project.processed_dir.exists()
    assert main(["--project", str(project.root), "build", "--as-of-seq", "-1"]) == 2
    assert main(["--project", str(project.root), "export-log", "--out", str(tmp_path / "pkg"), "--as-of-seq", "3"]) == 2
    assert "runs from seq 1 to 2" in capsys.readouterr().err
    assert main(["--project", str(project.root), "build", "--as-of-seq", "2"]) == 0


def test_log_with_an_unknown_type_is_refused(tmp_path, capsys):
    project = _project_with_events(tmp_path)
    assert main(["--project", str(project.root), "log", "--type", "SourceRead", "--type", "DocumentExtract"]) == 2
    err = capsys.readouterr().err
    assert "--type DocumentExtract: no such event type" in err and "DocumentExtracted" in err


def test_alias_of_a_unit_the_log_never_saw_is_refused_unless_forced(tmp_path, capsys):
    project = _project_with_events(tmp_path)
    root = ["--project", str(project.root), "curate", "--reason", "r", "--author", "ana", "alias"]
    assert main([*root, "科技局", "科枝局"]) == 2
    assert "科枝局: no document mentions such a unit" in capsys.readouterr().err
    assert main([*root, "科技局", "财政局"]) == 0  # both mentioned
    assert main([*root, "科技局", "科枝局", "--force"]) == 0
    from policykit.log import EventLog

    with EventLog(project.log_path) as log:
        assert [e.event.names for e in log.read(types=["UnitAliasDeclared"])] == [("科技局", "财政局"), ("科技局", "科枝局")]


def test_broken_pipe_ends_quietly(tmp_path):
    project = _project_with_events(tmp_path, n_aliases=3000)  # far more output than a pipe buffers
    proc = subprocess.Popen([sys.executable, "-m", "policykit.cli", "--project", str(project.root), "log"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline()  # `| head -1`
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait() == 141 and err == ""


def test_control_characters_from_files_never_reach_the_terminal(tmp_path):
    hostile = "一、总体\x1b[2J\n1.建实验室\x1b]0;owned\x07。(牵头单位:科技局\u202e)\n"
    project = make_project(tmp_path, {"plan\x1b[31m.txt": hostile.encode(), "scan\x1b[5m.pdf": b"%PDF-1.4 \x1b[2J"})
    outputs = [_run("--project", str(project.root), *argv) for argv in
               (["ingest"], ["build"], ["status", "--warnings"], ["log"])]
    import policykit as pk

    task_id = pk.open(project).tasks["task_id"][0]
    outputs.append(_run("--project", str(project.root), "explain", task_id))
    for out in outputs:
        assert "\x1b" not in out.stdout + out.stderr and "\u202e" not in out.stdout + out.stderr
    assert "scan\\x1b[5m.pdf: a PDF file" in outputs[0].stderr
    assert "rejected data/raw/scan\\x1b[5m.pdf" in outputs[2].stdout
    assert "建实验室\\x1b]0;owned\\x07" in outputs[4].stdout


def test_lexicon_check_reports_clashes_and_unknown_topics_in_a_user_folder(tmp_path, capsys):
    assert main(["lexicon", "check"]) == 0
    assert "0 problem(s)" in capsys.readouterr().out
    (tmp_path / "role_words.tsv").write_text("word\trole\tuses\n牵头\tparticipant\tverb\n", encoding="utf-8")
    (tmp_path / "my_words.tsv").write_text("word\tkind\n外事办\tbody\n", encoding="utf-8")
    assert main(["lexicon", "check", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "role_words.tsv: role_words: '牵头' is listed again" in err and "unknown topic 'my_words'" in err


def test_a_user_lexicon_folder_reaches_the_extractor(tmp_path):
    """--lexicon DIR: a role verb of one's own region is read without editing the kit."""
    words = tmp_path / "lexicon"
    words.mkdir()
    (words / "role_words.tsv").write_text("word\trole\tuses\n具体承办\tresponsible\tverb\n", encoding="utf-8")
    project = make_project(tmp_path, {"plan.txt": "一、总体\n1.建设实验室。（县科技局具体承办）\n".encode()})
    code = ("import sys; from policykit.cli import main\n"
            f"main(['--lexicon', {str(words)!r}, '--project', {str(project.root)!r}, 'ingest'])\n"
            "import policykit as pk\n"
            f"print(pk.open({str(project.root)!r}).assignments.select('mention', 'role').rows())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "[('县科技局', 'responsible')]" in out
