"""One fold: one function per event type; curation decisions pure; replay = incremental; order of
independent curations does not matter."""
from decimal import Decimal

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from policykit.frames import LogState, apply, decide, replay
from policykit.frames._columnar import STRING_SCHEMAS
from policykit.frames._curate import Add, Orphan, Reject, Rows, Update, curate_rows
from policykit.log import (
    AssignmentAdded, DocumentExtracted, RecordRejected, RoleCorrected, SourceRead, SourceRejected, StoredEvent,
    TargetCorrected, TaskCorrected, UnitAliasDeclared, UnitSplitDeclared,
)


def _stored(seq, event):
    return StoredEvent(seq, "2026-01-01T00:00:00+00:00", "test", event)


def _extraction(doc_id, version):
    return DocumentExtracted(document_id=doc_id, source_path=f"data/raw/{doc_id}.txt", source_sha256="a" * 64,
                             part=0, extractor_version=version, text_sha256="b" * 64, metadata={}, warnings=(),
                             tasks=(), assignments=(), targets=(), observations=())


EVENTS = st.lists(st.one_of(
    st.builds(lambda d, v: _extraction(d, v), st.sampled_from(["d0", "d1", "d2"]), st.sampled_from(["1", "2"])),
    st.builds(lambda p: SourceRead(f"data/raw/{p}.txt", "a" * 64, 1, "utf-8", "1", "1", (p,)),
              st.sampled_from(["d0", "d1"])),
    st.builds(lambda p: SourceRejected(f"data/raw/{p}.txt", None, "1", "unreadable"), st.sampled_from(["d0", "d1"])),
    st.builds(lambda r: RecordRejected(reason="r", record_id=r), st.sampled_from(["t1", "t2", "a1"])),
    st.builds(lambda n: UnitAliasDeclared(reason="r", names=("甲局", n)), st.sampled_from(["乙局", "丙局"])),
), max_size=30)


@settings(max_examples=200, deadline=None)
@given(EVENTS, st.data())
def test_replay_equals_folding_in_increments(events, data):
    stored = [_stored(i + 1, e) for i, e in enumerate(events)]
    cut = data.draw(st.integers(0, len(stored)))
    state = replay(stored[:cut])
    for s in stored[cut:]:
        apply(state, s)
    assert state == replay(stored)
    assert state.last_seq == len(stored)


def test_each_event_type_has_its_own_fold():
    read = SourceRead("data/raw/a.txt", "a" * 64, 1, "utf-8", "1", "1", ("a",))
    state = replay([_stored(1, SourceRejected("data/raw/a.txt", None, "1", "x")), _stored(2, read),
                    _stored(3, _extraction("a", "1")), _stored(4, RecordRejected(reason="r", record_id="a/1"))])
    assert state.rejected == {} and state.sources["data/raw/a.txt"] == (2, read)
    assert list(state.extractions) == ["a"] and [s.seq for s in state.curation] == [4]
    assert replay([]) == LogState()


# --- curation decisions -------------------------------------------------------------------------

def _rows():
    task = {"_row": 0, "task_id": "d/t1", "doc_id": "d", "number": "1", "path": [], "section": None, "title": "建设",
            "text": "建设实验室，科技局牵头", "start": 10, "end": 21}
    assignment = {"_row": 0, "assignment_id": "d/t1#0:科技局财政局", "task_id": "d/t1", "doc_id": "d", "clause": 0,
                  "mention": "科技局财政局", "unit_id": None, "role": "lead", "placeholder": False, "start": 30, "end": 36,
                  "clause_start": 25, "clause_end": 40, "curated": False}
    target = {"_row": 0, "target_id": "d/g1", "task_id": "d/t1", "doc_id": "d", "metric": "企业", "value": "20",
              "value_high": None, "unit": "万家", "base_value": "200000", "base_value_high": None, "base_unit": "家",
              "comparator": ">=", "year": 2025}
    return {"tasks": [task], "assignments": [assignment], "targets": [target], "observations": [], "instruments": []}


def test_decisions_are_pure_and_say_what_they_do():
    rows = Rows(_rows())
    before = _rows()
    assert decide(RoleCorrected(reason="r", assignment_id="d/t1#0:科技局财政局", role="participant"), 5, rows) == (
        Update("assignments", "d/t1#0:科技局财政局", {"role": "participant", "curated": True}),)
    split = decide(UnitSplitDeclared(reason="r", assignment_id="d/t1#0:科技局财政局", parts=("科技局", "财政局")), 6, rows)
    assert isinstance(split[0], Reject) and [(a.row["mention"], a.row["start"]) for a in split[1:]] == [
        ("科技局", 30), ("财政局", 33)]
    added = decide(AssignmentAdded(reason="r", task_id="d/t1", mention="科技局", role="lead"), 7, rows)
    assert isinstance(added[0], Add) and added[0].row["start"] == 16 and added[0].row["assignment_id"].endswith("+added7")
    assert decide(TaskCorrected(reason="r", task_id="nope", changes={"title": "x"}), 8, rows) == (Orphan("nope"),)
    assert decide(RecordRejected(reason="r", record_id="d/g1"), 9, rows) == (Reject("d/g1"),)
    assert rows.by_id["assignments"]["d/t1#0:科技局财政局"] == before["assignments"][0]  # nothing was changed


def test_a_corrected_value_keeps_the_targets_scale_and_a_new_unit_clears_the_base():
    rows = Rows(_rows())
    (value,) = decide(TargetCorrected(reason="r", target_id="d/g1", changes={"value": "25"}), 5, rows)
    assert (value.changes["base_value"], value.changes["base_value_high"]) == ("250000", None)
    (unit,) = decide(TargetCorrected(reason="r", target_id="d/g1", changes={"unit": "个", "year": 2030}), 5, rows)
    assert unit.changes["base_value"] is None and unit.changes["base_unit"] is None and unit.changes["year"] == 2030
    (key,) = decide(TargetCorrected(reason="r", target_id="d/g1", changes={"metric_key": "firms"}), 5, rows)
    assert "base_value" not in key.changes and key.changes["curated"] is True


def _independent_curations():
    # Each names a record no other one names: their order must not matter.
    return [
        RoleCorrected(reason="r", assignment_id="d/t1#0:科技局财政局", role="participant"),
        TargetCorrected(reason="r", target_id="d/g1", changes={"value": "30", "year": 2030}),
        TaskCorrected(reason="r", task_id="d/t1", changes={"title": "新标题"}),
        UnitAliasDeclared(reason="r", names=("科技局", "科学技术局")),
        RecordRejected(reason="r", record_id="d/missing"),
    ]


@settings(max_examples=60, deadline=None)
@given(st.permutations(range(5)))
def test_any_order_of_independent_curations_gives_one_state(order):
    events = _independent_curations()

    def run(indices):
        stored = [_stored(i + 1, events[j]) for i, j in enumerate(indices)]
        frames, aliases, orphans = curate_rows(stored, _rows(), {n: 1 for n in _rows()}, STRING_SCHEMAS)
        return ({n: f.sort("_row") for n, f in frames.items()}, aliases, orphans.drop("seq"))

    (frames, aliases, orphans), (base, base_aliases, base_orphans) = run(order), run(range(5))
    assert all(frames[n].equals(base[n]) for n in frames) and aliases == base_aliases and orphans.equals(base_orphans)
    assert frames["targets"]["base_value"].to_list() == ["300000"] and frames["tasks"]["title"].to_list() == ["新标题"]
    assert Decimal(frames["targets"]["value"][0]) == 30 and orphans.height == 1
    assert frames["assignments"].filter(pl.col("curated"))["role"].to_list() == ["participant"]
