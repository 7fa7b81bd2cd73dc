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
# # 1.04 Target escalation: do lower levels ask for more than the level above?
#
# 层层加码: a province sets a higher growth target than the nation, a city a higher one than its
# province, a county higher still. Li, Liu, Weng & Zhou (2019, *Economic Journal*) and Chang, Wang &
# Xiong (2025, *BPEA*) measure it by hand from government work reports;
# `policykit.escalation` does it from the kit's frames. Each jurisdiction's target for a metric and
# year is set beside its parent's target for the same metric and year (parents from the GB/T 2260
# codes where the documents have them, else from the level and the province/city named), and
# `escalated` says whether it asks for more in the metric's direction (a higher growth target, a
# lower ceiling on prices or unemployment).
#
# The notebook reads the national government work reports and the provincial 2026 reports of
# `../shared/corpus` when it is there (into a temporary project: this project's log is untouched).
# Without it, it adds to the project's own documents the hand-checked facts of
# `data/reference/facts.csv` (`policykit.reference`): the national targets and outcomes 2013–2025
# and the 2026 provincial targets with each province's 2025 result, each cited by report and
# character span. A target that no document here states, such as the national target of a year
# whose report is not in the corpus, can be given as a cited reference (`REFERENCES`): CSV files
# with `region, level, metric_key, year, value` (and `value_high, unit, comparator, kind, hardness,
# source`), or recorded in the log with `policykit curate add-target … --source "…"`.

# %% tags=["parameters"]
PROJECT = None  # None: the project this notebook sits in (its figures go to its reports/figures)
CORPUS = "auto"  # "auto": ../shared/corpus beside the project or the kit, when present; None: the project's own log
FOLDERS = ["gwr-national", "gwr-provincial-2026"]  # the corpus folders read
HOLD_OUT = "auto"  # leave out documents with gold in this folder ("auto": the kit's tests/gold-corpus), so blind scoring stays blind; None keeps all
REFERENCES = []  # CSV files of cited reference targets (escalation.read_references)
METRIC = "gdp_growth"
METRIC_NAME = "地区生产总值增长"  # the metric's Chinese name, for the figure title
LANG = "zh"  # "zh", "en" or "both"

# %%
from pathlib import Path

import polars as pl

import policykit as pk
from policykit import charts, escalation, reference
from policykit.notebooks import find_corpus, gold_documents, scratch_dataset

charts.use_theme()
charts.use_notebook_renderer()
project = pk.Project.find(PROJECT)
corpus = find_corpus(project) if CORPUS == "auto" else (Path(CORPUS) if CORPUS else None)
if corpus is not None and corpus.is_dir():
    gold = Path(pk.__file__).parents[2] / "tests" / "gold-corpus" if HOLD_OUT == "auto" else HOLD_OUT
    held_out = gold_documents(Path(gold)) if gold else []
    ds, report = scratch_dataset([corpus / folder for folder in FOLDERS], exclude=held_out)
    print(f"{corpus}: {report.files_ingested} files of {', '.join(FOLDERS)} ingested, {report.files_failed} failed; "
          f"{len(held_out)} documents with gold held out")
    suffix = "-corpus"
else:
    facts_path = reference.default_path(project.root)
    print(f"no corpus ({'not found beside ' + str(project.root) if CORPUS == 'auto' else 'CORPUS is None'}): "
          f"the project's own documents and the reference facts of {facts_path.name}")
    ds, suffix = reference.with_facts(pk.open(project), reference.read_facts(facts_path)), ""
references = escalation.read_references(*(REFERENCES or []))
print(f"{ds.documents.height} documents, {ds.targets.height} targets, {ds.observations.height} observations; "
      f"{references.height} reference targets from {len(REFERENCES or [])} file(s)")

# %% [markdown]
# ## The jurisdictions
# Which level each document's jurisdiction has decides its parent: provinces sit under the nation,
# cities under their province, counties and districts under their city.

# %%
ds.documents.group_by("level").agg(documents=pl.len(), years=pl.col("year").unique().sort(),
                                   jurisdictions=pl.col("region").unique().sort().head(8)).sort("level")

# %% [markdown]
# ## The target panel
# `escalation.target_panel`: one row per jurisdiction, metric and year with a target; beside it the
# parent's target (null where the parent set none that year), the escalation measures, the
# outcome of the year (from the next year's report) and the outcome of the year before.

# %%
panel = escalation.target_panel(ds.targets, ds.documents, ds.observations, references)
(panel.filter(pl.col("metric_key") == METRIC)
 .select("region", "level", "year", "value", "value_high", "comparator", "hardness", "parent_region",
         "parent_value", "parent_value_high", "escalated", "previous_outcome", "outcome"))

# %% [markdown]
# ## Where both targets are known
# `escalation.escalation`: only the rows whose parent set a target for the same metric and year.
# `difference` is the target minus the parent's (a range counts at its midpoint), `ratio` the
# target over the parent's; `direction` says which way asks for more.

# %%
compared = escalation.escalation(ds.targets, ds.documents, references)
if compared.height:
    print(compared.group_by("metric_key", "year").agg(
        jurisdictions=pl.len(), escalated=pl.col("escalated").sum(), mean_difference=pl.col("difference").mean())
          .sort("metric_key", "year"))
else:
    latest = panel.filter(pl.col("metric_key") == METRIC, pl.col("level") == "national").sort("year").tail(1)
    print(f"no jurisdiction and parent both state a target for the same metric and year here. The latest national "
          f"{METRIC} target in the data: "
          + (f"{latest['year'][0]}, {latest['value'][0]}" if latest.height else "none")
          + ". Give the parent's target of the year as a cited reference (REFERENCES) to compare.")
compared.select("region", "metric_key", "year", "value", "value_high", "parent_region", "parent_value",
                "parent_value_high", "direction", "difference", "ratio", "escalated", "hardness",
                "parent_hardness", "parent_source")

# %% [markdown]
# ## The figure
# One round of reports (the year in which most jurisdictions set a target for the metric),
# jurisdiction by jurisdiction: each target (diamond; a line for a range) coloured by whether it
# asks for more than the parent's (triangle), and the jurisdiction's own result of the year before
# (circle), the figure a government had in hand when it set the target. When the nation's target
# of that year is not known, a dashed line marks its latest earlier one, for orientation only (it
# is no comparison of the same year).

# %%
figure = charts.escalation_chart(panel, metric=METRIC, metric_name=METRIC_NAME, lang=LANG)
for fmt in ("svg", "png"):
    charts.save(figure, project.figures_dir / f"target-escalation{suffix}.{fmt}")
figure

# %% [markdown]
# ## Targets against the jurisdiction's own last result
# A target above last year's result asks for acceleration; below it, for a slowdown the
# government expects. `previous_outcome` comes from the same jurisdiction's reports.

# %%
(panel.filter(pl.col("metric_key") == METRIC, pl.col("previous_outcome").is_not_null())
 .select("region", "year", "value", "value_high", "target_point", "previous_outcome",
         (pl.col("target_point") - pl.col("previous_outcome")).alias("target_minus_last_result"))
 .sort("year", "region"))
