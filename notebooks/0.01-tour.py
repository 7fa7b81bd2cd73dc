# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 0.01 A tour of policykit
#
# For a new student: how plan documents become data you can analyse and cite. The path is always
# the same:
#
# 1. **ingest** raw files (`data/raw/`) into the **event log** (`data/log/events.sqlite`);
# 2. **replay** the log into **frames** (polars DataFrames: documents, tasks, assignments, units,
#    targets, observations);
# 3. **explain** any row: which event made it, and the sentence it came from;
# 4. build **graphs** and **charts** from the frames.
#
# Each step has a command-line verb, shown beside the Python call.

# %% tags=["parameters"]
PROJECT = None  # None: the project this notebook sits in
LANG = "zh"  # chart labels: "zh", "en" (English names from the unit registry) or "both"

# %%
import polars as pl

import policykit as pk
from policykit.log import EventLog
from policykit.network import coordination_graph, coordination_load, network_summary

project = pk.Project.find(PROJECT)
pl.Config.set_fmt_str_lengths(40)
print(project.root)

# %% [markdown]
# ## 1. Ingest: raw files → event log
# `policykit ingest` (here `pk.ingest`). A file already read by this extractor version appends
# nothing, so running it again is safe.

# %%
report = pk.ingest(project)
print(f"{report.files_seen} files seen, {report.files_ingested} ingested, {report.files_unchanged} unchanged; "
      f"{report.events_appended} events appended")

# %% [markdown]
# ## 2. The log
# `policykit log` lists the events; `policykit status` counts them. Every extraction and every
# human correction is an event with a position (`seq`), a time and an author. Nothing is edited
# in place, so a paper can pin the exact dataset it used (`pk.open(as_of_seq=…)`).

# %%
with EventLog(project.log_path, create=False) as log:
    events = pl.DataFrame([{"seq": e.seq, "type": e.type, "recorded_by": e.recorded_by, "doc_id": e.event.doc_id}
                           for e in log.read()])
events.group_by("type").agg(events=pl.len(), first_seq=pl.col("seq").min()).sort("first_seq")

# %% [markdown]
# ## 3. Frames
# `pk.open()` replays the log (`policykit build` writes the same frames to `data/processed/*.parquet`).

# %%
ds = pk.open(project)
pl.DataFrame({"frame": ["documents", "tasks", "assignments", "units", "targets", "observations"],
              "rows": [getattr(ds, n).height for n in ("documents", "tasks", "assignments", "units", "targets",
                                                       "observations")]})

# %%
ds.documents.select("doc_id", "title", "region", "level", "doc_type", "year", "n_tasks", "n_warnings")

# %% [markdown]
# An assignment says which unit the plan makes responsible for a task, and in what role
# (lead 牵头, responsible 负责, participant 参与/配合).

# %%
ds.assignments.join(ds.tasks.select("task_id", "number", "title"), on="task_id").select(
    "number", "title", "mention", "unit_id", "role").head(8)

# %% [markdown]
# ## 4. Explain a row
# `policykit explain ID`: the events that made the row and the sentence it came from, in the
# cleaned text and in the raw file (the span is marked 【…】).

# %%
lead = ds.assignments.filter(pl.col("role") == "lead")
example = (lead if lead.height else ds.assignments).head(1)
if example.height:
    print(pk.explain(ds, example["assignment_id"][0]))
else:
    print("no assignments in this project yet")

# %% [markdown]
# ## 5. A graph
# Units are tied when a plan gives them a task together (`policykit.network`, docs/network.md).

# %%
graph = coordination_graph(ds.assignments, units=ds.units)
network_summary(graph)

# %%
coordination_load(graph).sort("tasks", descending=True).select(
    "name", "name_en", "tasks", "tasks_led", "partners", "community").head(10)

# %% [markdown]
# ## 6. A chart for the paper
# Builders in `pk.charts` return altair charts you can still change; `pk.charts.save` writes SVG,
# PNG or PDF with the Chinese font embedded (`policykit figures` writes the whole standard set).

# %%
pk.charts.use_theme()
pk.charts.use_notebook_renderer()  # charts carry PNG and SVG too, so the notebook reads on GitHub and in a PDF
chart = pk.charts.network_chart(graph, lang=LANG, top_labels=8)
for suffix in ("svg", "png"):
    pk.charts.save(chart, project.figures_dir / f"tour-network.{suffix}")
chart

# %% [markdown]
# ## Where to go next
#
# | verb | what it does |
# | --- | --- |
# | `policykit ingest [PATH …]` | read raw files into the log |
# | `policykit build` | replay the log into `data/processed/*.parquet` |
# | `policykit status` | counts per event type and frame, documents with warnings |
# | `policykit log --doc ID` | the events about a document |
# | `policykit explain ID` | where a row came from |
# | `policykit curate alias 发改委 发展改革委 --reason …` | record a correction (also `reject`, `role`, `target`, …) |
# | `policykit export-log --out DIR` | a replication package of the log |
# | `policykit figures --lang en` | the standard figures in `reports/figures/` |
#
# Notebooks 1.01 (coordination load), 1.02 (target growth) and 1.03 (data audit) go deeper.
