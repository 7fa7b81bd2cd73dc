"""import-log verifies a replication package whole before writing anything: every tampered package is
refused with what failed, and no log is left in the project."""
from __future__ import annotations

import base64
import hashlib
import json
import zlib
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

import policykit as pk
from policykit.cli import main
from policykit.log import decode_text, encode_text
from policykit.replication import PackageError

from bad_input.cases import GOOD
from conftest import make_project

LATER = "一、保障\n1.完善图书馆。(牵头单位:文化局)\n"


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    """A genuine ndjson package: two files read, one alias, one undo of it."""
    root = tmp_path_factory.mktemp("origin")
    project = make_project(root, {"plan.txt": GOOD.encode(), "more.txt": "一、总体\n1.建设公园。(牵头单位:住建局)\n".encode()})
    assert pk.ingest(project).ok
    seq = pk.curation.alias(project, "科技局", "财政局", reason="test", author="ana")
    pk.curation.undo(project, seq, reason="wrong", author="ana")
    return pk.export_log(project, root / "pkg").parent


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _tampered(package: Path, tmp_path: Path, *, events: Callable[[list[dict]], None] | None = None,
              texts: Callable[[list[dict]], None] | None = None, manifest: Callable[[dict], None] | None = None,
              rehash: bool = True) -> Path:
    """A copy of ``package`` changed by the callbacks; with ``rehash`` the manifest's file hashes are
    made to fit again, so the checks behind them are what must catch the change."""
    out = tmp_path / "tampered"
    out.mkdir()
    event_rows, text_rows = _rows(package / "events.ndjson"), _rows(package / "texts.ndjson")
    meta = json.loads((package / "manifest.json").read_text(encoding="utf-8"))
    if events:
        events(event_rows)
    if texts:
        texts(text_rows)
    for name, rows in (("events.ndjson", event_rows), ("texts.ndjson", text_rows)):
        (out / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        if rehash:
            meta["files"][name] = hashlib.sha256((out / name).read_bytes()).hexdigest()
    if manifest:
        manifest(meta)
    (out / "manifest.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    return out


def _payload_edit(type_name: str, change: Callable[[dict], None]) -> Callable[[list[dict]], None]:
    def edit(rows: list[dict]) -> None:
        row = next(r for r in rows if r["type"] == type_name)
        payload = json.loads(row["payload"])
        change(payload)
        row["payload"] = json.dumps(payload, ensure_ascii=False)
    return edit


def _edit_text(rows: list[dict]) -> None:
    text = decode_text(base64.b64decode(rows[0]["zdata_b64"])) + "篡改"
    rows[0]["zdata_b64"] = base64.b64encode(encode_text(text)).decode()


def _text_as_zlib(rows: list[dict]) -> None:
    """The texts as a format-3 log stored them (and an older kit's package carries them)."""
    for row in rows:
        row["zdata_b64"] = base64.b64encode(zlib.compress(decode_text(base64.b64decode(row["zdata_b64"])).encode())).decode()


def _text_not_compressed(rows: list[dict]) -> None:
    rows[0]["zdata_b64"] = base64.b64encode(b"plain bytes").decode()


def _set_seq(value: int) -> Callable[[list[dict]], None]:
    def edit(rows: list[dict]) -> None:
        rows[0]["seq"] = value
    return edit


def _spoof_batch_key(rows: list[dict]) -> None:
    """The curation event carries the batch key of a file not ingested yet, so a later real ingest of
    that file would be skipped as already read."""
    later_sha = hashlib.sha256(LATER.encode()).hexdigest()
    next(r for r in rows if r["type"] == "UnitAliasDeclared")["batch_key"] = f"source:{later_sha}|{pk.extract.EXTRACTOR_VERSION}"


def _counts(meta: dict) -> None:
    meta["event_counts"]["DocumentExtracted"] += 1


TAMPERED = {
    "text edited": (dict(texts=_edit_text), "its content does not match its sha256"),
    "text not compressed": (dict(texts=_text_not_compressed), "not a compressed UTF-8 text"),
    "event edited, hashes left": (dict(events=_payload_edit("DocumentExtracted", lambda p: p["metadata"].update(title="篡改")),
                                       rehash=False), "events.ndjson: sha256"),
    "manifest hash wrong": (dict(manifest=lambda m: m["files"].update({"texts.ndjson": "0" * 64})), "texts.ndjson: sha256"),
    "manifest counts wrong": (dict(manifest=_counts), "manifest: event_counts"),
    "manifest text count wrong": (dict(manifest=lambda m: m.update(n_texts=9)), "manifest: n_texts 9"),
    "seq -5": (dict(events=_set_seq(-5)), "seq -5; seqs must run 1, 2, 3"),
    "seq 2**63-1": (dict(events=_set_seq(2**63 - 1)), f"seq {2**63 - 1}; seqs must run"),
    "batch_key spoofed": (dict(events=_spoof_batch_key), "batch_key 'source:"),
    "source_path /dev/zero": (dict(events=_payload_edit("DocumentExtracted", lambda p: p.update(source_path="/dev/zero"))),
                              "source_path '/dev/zero' is outside the project"),
    "source_path ../": (dict(events=_payload_edit("SourceRead", lambda p: p.update(source_path="../../etc/passwd"))),
                        "is outside the project"),
    "payload of a wrong type": (dict(events=_payload_edit("SourceRead", lambda p: p.update(n_bytes="many"))),
                                "n_bytes is str"),
    "unknown event type": (dict(events=lambda rows: rows[0].update(type="Teleported")), "unknown event type"),
    "raw file sha wrong": (dict(manifest=lambda m: m["raw_files"]["data/raw/plan.txt"].update(sha256="1" * 64)),
                           "raw file data/raw/plan.txt has a sha256"),
    "undo of nothing": (dict(events=_payload_edit("CurationUndone", lambda p: p.update(undone_seq=1))),
                        "undoes seq 1, which is no earlier curation event"),
}


@pytest.mark.parametrize("case", TAMPERED, ids=str)
def test_tampered_package_is_refused_and_nothing_is_written(package, tmp_path, case):
    changes, says = TAMPERED[case]
    tampered = _tampered(package, tmp_path, **changes)
    replica = make_project(tmp_path / "replica", {})
    with pytest.raises(PackageError, match="refused, the package does not verify") as refusal:
        pk.import_log(replica, tampered)
    assert says in str(refusal.value)
    assert not replica.log_path.exists()


def test_untouched_copy_is_accepted(package, tmp_path):
    """The tampering helper itself changes nothing when asked to change nothing."""
    replica = make_project(tmp_path / "replica", {})
    assert pk.import_log(replica, _tampered(package, tmp_path)) == 6


def test_a_package_with_zlib_texts_from_an_older_kit_is_accepted(package, tmp_path):
    replica = make_project(tmp_path / "replica", {})
    assert pk.import_log(replica, _tampered(package, tmp_path, texts=_text_as_zlib)) == 6
    assert pk.open(replica).tasks.height == pk.open(package.parent).tasks.height > 0


@pytest.mark.parametrize("compress", [encode_text, lambda text: zlib.compress(text.encode())], ids=["zstd", "zlib"])
def test_a_text_that_would_decompress_past_the_limit_is_refused(package, tmp_path, monkeypatch, compress):
    from policykit import replication

    monkeypatch.setattr(replication, "_MAX_TEXT_BYTES", 1000)
    big = "长" * 2000

    def swap(rows: list[dict]) -> None:
        rows[0].update(sha256=hashlib.sha256(big.encode()).hexdigest(),
                       zdata_b64=base64.b64encode(compress(big)).decode())
    with pytest.raises(PackageError, match="over 1000 bytes once decompressed"):
        pk.import_log(make_project(tmp_path / "replica", {}), _tampered(package, tmp_path, texts=swap))


def test_a_refused_package_cannot_suppress_a_later_ingest(package, tmp_path):
    replica = make_project(tmp_path / "replica", {})
    with pytest.raises(PackageError):
        pk.import_log(replica, _tampered(package, tmp_path, events=_spoof_batch_key))
    (replica.raw_dir / "later.txt").write_bytes(LATER.encode())
    assert pk.ingest(replica).files_ingested == 1


def test_import_log_refusal_from_the_command_line(package, tmp_path, capsys):
    replica = make_project(tmp_path / "replica", {})
    tampered = _tampered(package, tmp_path, events=_set_seq(-5))
    assert main(["--project", str(replica.root), "import-log", str(tampered)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {tampered}: refused") and "seq -5" in err


def test_parquet_package_is_verified_too(package, tmp_path):
    origin = package.parent
    pk.export_log(pk.Project(origin), tmp_path / "pq", fmt="parquet")
    texts = pl.read_parquet(tmp_path / "pq" / "texts.parquet")
    texts.with_columns(pl.lit(base64.b64encode(zlib.compress(b"edited")).decode()).alias("zdata_b64")).write_parquet(
        tmp_path / "pq" / "texts.parquet")
    with pytest.raises(PackageError, match="texts.parquet: sha256"):
        pk.import_log(make_project(tmp_path / "replica", {}), tmp_path / "pq")
