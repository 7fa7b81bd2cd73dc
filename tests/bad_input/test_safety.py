"""Safety: nothing read from disk is executed or unpickled, nothing goes to the network, and text
from documents never chooses where a file is written."""
from __future__ import annotations

import ast
import socket
from pathlib import Path

import policykit as pk
from policykit.text import read_source

from conftest import REPO, make_project

SRC = REPO / "src" / "policykit"
_BANNED_CALLS = {"eval", "exec", "compile", "__import__"}
_BANNED_MODULES = {"pickle", "cPickle", "marshal", "shelve", "dill", "socket", "ssl", "urllib", "urllib3", "requests",
                   "httpx", "http", "ftplib", "smtplib", "telnetlib", "xmlrpc", "yaml"}
# module -> why it may start a process: fixed argument lists, never a shell, never text from a document.
_SUBPROCESS_ALLOWED = {
    "curation.py": "`git config user.name` for the default curation author",
    "charts/_fonts.py": "`fc-list` to find an installed CJK font",
    "frames/_parts.py": "the build's worker processes: this Python running policykit's own worker loop",
}


def _python_files() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def test_no_eval_exec_pickle_or_network_modules_in_src():
    found = []
    for path in _python_files():
        rel = path.relative_to(SRC).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), rel)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _BANNED_CALLS:
                found.append(f"{rel}:{node.lineno}: {node.func.id}()")
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else [])
            found += [f"{rel}:{node.lineno}: import {n}" for n in names if n.split(".")[0] in _BANNED_MODULES]
            if any(n.split(".")[0] == "subprocess" for n in names) and rel not in _SUBPROCESS_ALLOWED:
                found.append(f"{rel}:{node.lineno}: subprocess without a reason in _SUBPROCESS_ALLOWED")
            if isinstance(node, ast.keyword) and node.arg == "shell":
                found.append(f"{rel}:{node.lineno}: shell=")
    assert found == []
    assert len(_python_files()) > 20  # the walk did look at the package


def test_html_scripts_are_dropped_never_run():
    page = ("<html><head><script>document.write('脚本里的文字')</script></head><body>"
            "<p>一、总体</p><p>1.建设实验室。</p><img src=x onerror=\"alert('事件里的文字')\"></body></html>")
    reading = read_source(page.encode(), "page.html")
    text = "".join(d.text for d in reading.documents)
    assert "建设实验室" in text and "脚本" not in text and "事件" not in text


def test_paths_in_documents_never_become_files_and_nothing_touches_the_network(tmp_path, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("policykit opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    hostile = ("../../../escaped.txt\n/tmp/escaped-abs.txt\n一、总体\n"
               "1.把文件写到../../escaped.txt和/tmp/escaped-abs.txt。(牵头单位:../../科技局)\n")
    project = make_project(tmp_path / "p", {"hostile.txt": hostile.encode()})
    assert pk.ingest(project).ok
    pk.write_frames(pk.open(project))
    written = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()}
    assert all(w.startswith(("p/data/log/", "p/data/processed/", "p/data/raw/")) for w in written), written
    assert not Path("/tmp/escaped-abs.txt").exists()
