"""The dyad panel: unit pair × year, counted by hand on the small plan of _frames."""
import polars as pl
import pytest

from policykit.network import NetworkInputError, dyad_panel, lead_graph

from ._frames import DOCUMENTS, PLAN, UNITS, assignments

COUNTS = ["shared_tasks", "lead_lead", "lead_participant", "a_leads_b", "b_leads_a"]


def rows(frame, by="year"):
    return {(r[by], r["unit_a"], r["unit_b"]): tuple(r[c] for c in COUNTS) for r in frame.iter_rows(named=True)}


def test_pairs_per_year_with_shared_tasks_and_lead_ties():
    got = rows(dyad_panel(PLAN, DOCUMENTS))
    assert got == {
        (2021, "a", "b"): (2, 0, 1, 1, 0),  # t1 a leads b; t2 both responsible, no lead
        (2021, "a", "c"): (1, 0, 1, 1, 0),
        (2021, "b", "c"): (2, 0, 1, 1, 0),  # t1 both take part; t3 b leads c
        (2021, "b", "d"): (1, 0, 1, 1, 0),
        (2021, "c", "d"): (1, 0, 0, 0, 0),
        (2022, "a", "e"): (1, 0, 1, 1, 0),  # the placeholder 各区 (x) is left out
    }


def test_co_leads_and_the_direction_of_a_lead():
    plan = assignments(("t", "d", 0, "b", "lead"), ("t", "d", 0, "c", "lead"), ("t", "d", 0, "a", "participant"))
    got = rows(dyad_panel(plan, pl.DataFrame({"doc_id": ["d"], "year": [2020]})))
    assert got == {(2020, "a", "b"): (1, 0, 1, 0, 1), (2020, "a", "c"): (1, 0, 1, 0, 1), (2020, "b", "c"): (1, 1, 0, 0, 0)}


def test_the_strongest_role_on_a_task_counts():
    plan = assignments(("t", "d", 0, "a", "participant"), ("t", "d", 1, "a", "lead"), ("t", "d", 1, "b", "lead"))
    (row,) = dyad_panel(plan, pl.DataFrame({"doc_id": ["d"], "year": [2020]})).iter_rows(named=True)
    assert (row["shared_tasks"], row["lead_lead"]) == (1, 1)


def test_complete_panel_adds_the_pairs_that_share_nothing():
    panel = dyad_panel(PLAN, DOCUMENTS, complete=True)
    got = rows(panel)
    assert len([k for k in got if k[0] == 2021]) == 6  # a, b, c, d: every pair
    assert got[(2021, "a", "d")] == (0, 0, 0, 0, 0)
    assert [k for k in got if k[0] == 2022] == [(2022, "a", "e")]  # a alone on t4 adds no partner


def test_lead_ties_add_up_to_the_lead_graph():
    panel = dyad_panel(PLAN, DOCUMENTS)
    graph = lead_graph(PLAN)
    directed = {}
    for r in panel.iter_rows(named=True):
        for lead, other, n in ((r["unit_a"], r["unit_b"], r["a_leads_b"]), (r["unit_b"], r["unit_a"], r["b_leads_a"])):
            if n:
                directed[(lead, other)] = directed.get((lead, other), 0) + n
    assert directed == {(u, v): w for u, v, w in graph.edges(data="weight")}


def test_names_and_other_groupings():
    panel = dyad_panel(PLAN, DOCUMENTS, units=UNITS, by="jurisdiction")
    assert panel.columns[:5] == ["jurisdiction", "unit_a", "unit_b", "name_a", "name_b"]
    first = panel.row(0, named=True)
    assert (first["jurisdiction"], first["name_a"], first["name_b"]) == ("广东省", "市发展改革委", "省发展改革委")
    assert panel.schema["shared_tasks"] == pl.Int64


def test_filters_and_bad_grouping():
    assert dyad_panel(PLAN, DOCUMENTS, year=2022).height == 1
    with pytest.raises(NetworkInputError, match="by="):
        dyad_panel(PLAN, DOCUMENTS, by="month")


def test_no_shared_task_gives_an_empty_panel_with_the_columns():
    panel = dyad_panel(assignments(("t", "d", 0, "a", "lead")), pl.DataFrame({"doc_id": ["d"], "year": [2020]}))
    assert panel.height == 0
    assert panel.columns == ["year", "unit_a", "unit_b", "name_a", "name_b", *COUNTS]

