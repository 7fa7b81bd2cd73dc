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
# of units linked by shared tasks, and shows which units carry the most coordination work.
#
# Everything here comes from the library; the notebook only narrates. Change the parameters cell to
# point at another project.

# %% tags=["parameters"]
PROJECT = None  # None: the project this notebook sits in
TOP = 20  # how many units the chart shows
LABEL = "name"  # "name" for Chinese labels, "name_en" for English ones

# %%
import polars as pl

import policykit as pk
from policykit import charts
from policykit.network import coordination_graph, coordination_load

ds = pk.open(PROJECT)
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
# the number of tasks two units share.

# %%
graph = coordination_graph(ds.assignments, units=ds.units)
print(f"{graph.number_of_nodes()} units, {graph.number_of_edges()} ties")

# %% [markdown]
# ## The most loaded units

# %%
load = coordination_load(ds.assignments, units=ds.units)
load.sort("weighted_degree", descending=True).head(TOP)

# %%
chart = charts.load_bars(load, top=TOP, label=LABEL)
figures = pk.Project.find(PROJECT).figures_dir
for suffix in ("svg", "png"):
    charts.save(chart, figures / f"coordination-load.{suffix}")
chart
