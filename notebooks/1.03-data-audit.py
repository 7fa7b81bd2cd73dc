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
# # 1.03 Data audit: how good are the data, and where did they come from?
#
# Before a number goes into a paper: how well does the extractor do against hand-checked gold
# annotations, which documents did the reader and extractor warn about, what have people
# corrected (and why), and can any single row be traced back to its sentence?

# %% tags=["parameters"]
PROJECT = None  # None: the project this notebook sits in
GOLD = None  # a gold folder (GOLD_FORMAT.md); None: the project's tests/gold, else the kit's own
LANG = "zh"  # "zh", "en" or "both" for the figure labels

# %%
from pathlib import Path

import polars as pl

import policykit as pk
from policykit import charts
from policykit.evaluate import evaluate, format_report, load_gold

charts.use_theme()
charts.use_notebook_renderer()  # charts carry PNG and SVG too, so the notebook reads on GitHub and in a PDF
project = pk.Project.find(PROJECT)
ds = pk.open(project)
figures = project.figures_dir
candidates = [Path(GOLD)] if GOLD else [project.root / "tests" / "gold", Path(pk.__file__).parents[2] / "tests" / "gold"]
gold_dir = next((p for p in candidates if p.is_dir() and any(p.glob("*.json"))), None)
print(f"log seq {ds.last_seq}; gold: {gold_dir or 'none found'}")

# %% [markdown]
# ## Extraction quality against the gold annotations
# `policykit.evaluate` matches the frames to the gold files by raw file name and scores each record
# type: precision (how many extracted records are right), recall (how many gold records were
# found), F1. Matching rules: docs/evaluation.md.

# %%
if gold_dir:
    gold = load_gold(gold_dir)
    evaluation = evaluate(gold, ds.documents, ds.tasks, ds.assignments, ds.targets, ds.observations)
    scores = evaluation.scores
    print(format_report(evaluation))
else:
    scores = pl.DataFrame(schema={"file": pl.String, "record_type": pl.String, "tp": pl.Int64, "fp": pl.Int64,
                                  "fn": pl.Int64, "precision": pl.Float64, "recall": pl.Float64, "f1": pl.Float64})
    print("no gold annotations: the quality figure says so")

# %%
quality = charts.quality_bars(scores, lang=LANG)
for fmt in ("svg", "png"):
    charts.save(quality, figures / f"extraction-quality.{fmt}")
quality

# %% [markdown]
# Per file, the same scores show where the extractor is weak:

# %%
scores.filter(pl.col("file") != "ALL").select("file", "record_type", "tp", "fp", "fn", "precision", "recall", "f1")

# %% [markdown]
# ## Warnings per document
# The reader and the extractor record what they were unsure of (mojibake, a heading without a
# number, a clause with no unit …). Documents with many warnings deserve a look before use.

# %%
warnings_chart = charts.warnings_bars(ds.documents, lang=LANG)
for fmt in ("svg", "png"):
    charts.save(warnings_chart, figures / f"document-warnings.{fmt}")
warnings_chart

# %%
(ds.documents.select("doc_id", "source_path", pl.col("warnings")).explode("warnings")
 .filter(pl.col("warnings").is_not_null())
 .with_columns(kind=pl.col("warnings").str.extract(r"^([^:：]+)"))
 .group_by("kind").agg(n=pl.len(), documents=pl.col("doc_id").n_unique(), example=pl.col("warnings").first())
 .sort("n", descending=True))

# %% [markdown]
# ## Curation history
# Human corrections are events in the log (`policykit curate …`), each with an author and a
# reason; `policykit log --type …` lists them. Corrections whose record no longer exists after a
# re-extraction are *orphans* (`policykit status`).

# %%
history = pk.curation.history(project)
print(f"{history.height} curation events; {ds.orphans.height} orphaned")
history

# %%
ds.orphans

# %% [markdown]
# ### Curation, tried in a sandbox
# The shipped sample carries no human decisions yet. To see what one does without touching this
# project's log, copy the log into a scratch project (`export-log` → `import-log`, the same path a
# replication package takes), decide there, and compare. Each decision is an event: the
# extraction it corrects stays in the log, and an undo withdraws a decision without erasing it.

# %%
import tempfile

sandbox = pk.Project(Path(tempfile.mkdtemp()) / "sandbox")
package = Path(tempfile.mkdtemp()) / "package"
pk.export_log(project, package)
pk.import_log(sandbox, package)
before = pk.open(sandbox)
lead = before.assignments.filter(pl.col("role") == "lead", ~pl.col("placeholder")).head(1)
if lead.height:
    first = lead.row(0, named=True)
    seq = pk.curation.set_role(sandbox, first["assignment_id"], "responsible", author="notebook 1.03",
                               reason="demonstration: read as 负责, not 牵头")
    pk.curation.reject(sandbox, first["task_id"], author="notebook 1.03", reason="demonstration: not a task")
    pk.curation.undo(sandbox, seq + 1, author="notebook 1.03", reason="demonstration: the task stays")
after = pk.open(sandbox)
print(f"tasks {before.tasks.height} → {after.tasks.height}; curated assignments: "
      f"{after.assignments.filter(pl.col('curated')).height}")
pk.curation.history(sandbox).select("seq", "author", "type", "reason", "undone")

# %% [markdown]
# ## One provenance trace
# `pk.explain` (`policykit explain ID`) for a target: the row, the events that made it, and the
# sentence in the cleaned text and in the raw file, the span marked 【…】.

# %%
linked = ds.targets.filter(pl.col("metric_key").is_not_null())
row = (linked if linked.height else ds.targets).head(1)
print(pk.explain(ds, row["target_id"][0]) if row.height else "no targets in this project")
