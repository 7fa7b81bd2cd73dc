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
# # 1.01 Coordination load: who leads, who is pulled in
#
# Departments are tied to each other when a plan makes them share a task: one leads (牵头), others
# take part (参与/配合). This notebook replays the project's event log into frames, builds the graph
# of units linked by shared tasks, and asks four questions: who leads, who is pulled in most,
# who brokers between otherwise separate groups, and which departments form working communities.
#
# Everything here comes from the library (`policykit.network`, `policykit.charts`); the notebook
# only narrates. Change the parameters cell to point at another project or to label in English.

# %% tags=["parameters"]
PROJECT = None  # None: the project this notebook sits in
TOP = 20  # how many units the tables and the load chart show
LANG = "zh"  # "zh", "en" (English names from the unit registry, Chinese where it has none) or "both"

# %%
import polars as pl

import policykit as pk
from policykit import charts
from policykit.network import coordination_graph, coordination_load, lead_graph, lead_reach, network_summary

charts.use_theme()
charts.use_notebook_renderer()  # charts carry PNG and SVG too, so the notebook reads on GitHub and in a PDF
project = pk.Project.find(PROJECT)
ds = pk.open(project)
figures = project.figures_dir
print(f"log seq {ds.last_seq}: {ds.documents.height} documents, {ds.tasks.height} tasks, "
      f"{ds.assignments.height} assignments, {ds.units.height} units")

# %% [markdown]
# ## The documents
# Each document of each raw file, with the metadata the reader found.

# %%
ds.documents.select("doc_id", "title", "issuer", "level", "doc_type", "n_tasks")

# %% [markdown]
# ## The coordination graph
# Nodes are canonical units (collective mentions such as 各镇街 are left out); an edge's weight is
# the number of tasks two units share. The summary row gives density, how centralised the ties
# are, and how concentrated leadership is (HHI and Gini of tasks led).

# %%
graph = coordination_graph(ds.assignments, units=ds.units)
load = coordination_load(graph)
network_summary(graph)

# %% [markdown]
# ## Who leads
# `tasks_led` counts the tasks a unit leads, `lead_share` its share of all leads. `coordinates` is
# the number of distinct units it leads on some task (out-degree in the lead → participant graph).

# %%
reach = lead_reach(lead_graph(ds.assignments, units=ds.units))
(load.join(reach, on="unit_id", how="left").filter(pl.col("tasks_led") > 0)
 .sort(["tasks_led", "name"], descending=[True, False])
 .select("name", "name_en", "tasks_led", "lead_share", "coordinates").head(TOP))

# %% [markdown]
# ## Who is pulled in most
# Units named as participants (参与/配合) or as responsible units on many tasks carry work they do
# not steer.

# %%
(load.with_columns(pulled_in=pl.col("tasks_joined") + pl.col("tasks_responsible"))
 .filter(pl.col("pulled_in") > 0).sort(["pulled_in", "name"], descending=[True, False])
 .select("name", "name_en", "tasks_joined", "tasks_responsible", "tasks_led", "partners").head(TOP))

# %% [markdown]
# ## Brokers
# High **betweenness** means a unit lies on many shortest paths between others; low **constraint**
# (Burt) means its partners are not tied to each other, so it bridges structural holes. Brokers
# score high on the first and low on the second.

# %%
(load.filter(pl.col("partners") > 0).sort(["betweenness", "name"], descending=[True, False])
 .select("name", "name_en", "betweenness", "constraint", "effective_size", "partners", "community").head(TOP))

# %% [markdown]
# ## Communities
# Louvain communities (weighted, seeded, so reruns agree): groups of units that share tasks
# mostly among themselves. Community 0 is the largest.

# %%
(load.filter(pl.col("partners") > 0).sort(["community", "weighted_degree"], descending=[False, True])
 .group_by("community", maintain_order=True)
 .agg(units=pl.len(), tasks=pl.col("tasks").sum(), members=pl.col("name").head(6).str.join("、")))

# %% [markdown]
# ## Figures
# The network (node area: weighted degree; colour: community; the most connected units named),
# the unit × unit heatmap of shared tasks, and the load of the most loaded units by role.

# %%
network = charts.network_chart(graph, lang=LANG)
heatmap = charts.shared_tasks_heatmap(graph, lang=LANG)
load_chart = charts.load_bars(load, top=TOP, lang=LANG)
for name, chart in {"coordination-network": network, "shared-tasks-heatmap": heatmap,
                    "coordination-load": load_chart}.items():
    for suffix in ("svg", "png"):
        charts.save(chart, figures / f"{name}.{suffix}")
network

# %%
heatmap

# %%
load_chart

# %% [markdown]
# ## The load table
# One row per unit, as used in the figures (definitions of each column: docs/network.md).

# %%
load.sort("weighted_degree", descending=True).head(TOP)
