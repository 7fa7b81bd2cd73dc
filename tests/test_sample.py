"""The shipped sample end to end: the figures the skeleton issue asks for."""
import polars as pl

CHENGWU = "data/raw/chengwu-2023-key-tasks.txt"


def _chengwu_doc(sample) -> str:
    docs = sample.documents.filter(pl.col("source_path") == CHENGWU, pl.col("n_tasks") > 0)
    assert docs.height == 1
    return docs["doc_id"][0]


def test_chengwu_yields_its_81_tasks(sample):
    tasks = sample.tasks.filter(pl.col("doc_id") == _chengwu_doc(sample))
    assert tasks.height == 81
    assert sorted(tasks["number"].cast(pl.Int32).to_list()) == list(range(1, 82))


def test_chengwu_tasks_1_to_78_carry_their_lead_units(sample):
    doc = _chengwu_doc(sample)
    tasks = sample.tasks.filter(pl.col("doc_id") == doc).select("task_id", "number")
    leads = sample.assignments.filter(pl.col("doc_id") == doc, pl.col("role") == "lead")
    with_lead = tasks.join(leads, on="task_id", how="semi")["number"].cast(pl.Int32).sort().to_list()
    assert with_lead == list(range(1, 79))
    # task 54 names its lead with 牵头部门 rather than 牵头单位
    task54 = tasks.filter(pl.col("number") == "54")["task_id"][0]
    assert leads.filter(pl.col("task_id") == task54).height >= 1


def test_every_assignment_span_points_at_its_mention(sample_project, sample):
    from policykit.log import EventLog

    with EventLog(sample_project.log_path) as log:
        texts = {ex.document_id: log.text(ex.text_sha256) for _, ex in sample.state.active_documents()}
    spans = sample.assignments.filter(pl.col("start").is_not_null())
    assert spans.height == sample.assignments.height > 0  # no curation in the sample: every mention has a span
    wrong = [row for row in spans.iter_rows(named=True)
             if texts[row["doc_id"]][row["start"]:row["end"]] != row["mention"]]
    assert wrong == []


def test_assignments_resolve_to_units(sample):
    assert sample.assignments["unit_id"].null_count() == 0
    assert set(sample.assignments["unit_id"]) <= set(sample.units["unit_id"])
