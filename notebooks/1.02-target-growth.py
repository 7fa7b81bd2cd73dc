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
# # 1.02 Target growth: what was promised, what was reported
#
# Plans and work reports set quantitative targets (地区生产总值增长6.5%左右, 新增城镇就业2300人以上)
# and report results (全年实现地区生产总值221.46亿元). `policykit.growth` links the two by a
# normalised metric key (`gdp_growth`, `new_urban_jobs` …) and a jurisdiction (the issuing
# document's region and level), and lines them up across documents and years.
#
# One year of documents shows little: the shipped sample has a work report's targets beside the
# previous year's results it reports, and a progress figure reported twice in one year. So, unless
# `REFERENCE_FACTS` is False, the notebook adds the hand-checked facts of `data/reference/facts.csv`
# (`policykit.reference`: the national targets 2013–2025 with the outcome of each year, the 2026
# provincial targets with the provinces' 2025 results), each cited by report and character span.
# Set `CORPUS` to a folder of documents from several years (e.g. one place's work reports) and the
# notebook ingests it into a temporary project and draws each target series across the years.

# %% tags=["parameters"]
PROJECT = None  # None: the project this notebook sits in (its figures go to its reports/figures)
CORPUS = None  # a folder of raw documents to analyse instead of the project's log, e.g. "/work/shared/corpus/gwr-national"
REFERENCE_FACTS = True  # add data/reference/facts.csv to the project's frames (not to a CORPUS)
LANG = "zh"  # "zh", "en" (metric names from the metric key) or "both"
MIN_POINTS = 2  # a series needs this many dated targets or results to get a panel
TOP = 12  # at most this many panels

# %%
from pathlib import Path

import polars as pl

import policykit as pk
from policykit import charts, escalation, growth, reference
from policykit.notebooks import scratch_dataset

charts.use_theme()
charts.use_notebook_renderer()  # charts carry PNG and SVG too, so the notebook reads on GitHub and in a PDF
project = pk.Project.find(PROJECT)
if CORPUS:
    # A temporary project: the corpus is read into its own log, the notebook's project is untouched.
    ds, report = scratch_dataset([CORPUS])
    print(f"{CORPUS}: {report.files_ingested} files ingested, {report.files_failed} failed; "
          f"{report.documents} documents")
    suffix = "-" + Path(CORPUS).name
elif REFERENCE_FACTS:
    facts = reference.read_facts(reference.default_path(project.root))
    ds, suffix = reference.with_facts(pk.open(project), facts), ""
    print(f"the project's documents and {facts.height} reference facts ({reference.default_path(project.root).name})")
else:
    ds, suffix = pk.open(project), ""
print(f"{ds.documents.height} documents, {ds.targets.height} targets, {ds.observations.height} observations; "
      f"linked to a metric key: {ds.targets['metric_key'].is_not_null().sum()} targets, "
      f"{ds.observations['metric_key'].is_not_null().sum()} observations")

# %% [markdown]
# ## The documents
# A series is keyed by the issuing document's jurisdiction, so the reader's `region`, `level` and
# `year` matter here.

# %%
ds.documents.select("doc_id", "region", "level", "doc_type", "year").sort("year", nulls_last=True)

# %% [markdown]
# ## Targets by jurisdiction, metric and year
# `growth.target_series`: one row per year a jurisdiction set (or, in a work report, did not
# set: `status == "absent"`) a target for a metric it targets in other years.

# %%
series = growth.target_series(ds.targets, ds.documents)
series.select("region", "metric_key", "year", "status", "value", "value_high", "unit", "comparator", "hardness")

# %% [markdown]
# ## Results reported
# `growth.observation_series`: each jurisdiction's reported figures by metric and period, the
# latest report first. A metric reported for several periods of one year shows progress within
# the year (e.g. January–April, then January–September).

# %%
observed = growth.observation_series(ds.observations, ds.documents)
within_year = observed.filter(pl.len().over("region", "metric_key", "year") > 1)
print(f"{observed.height} reported figures; {within_year.height} belong to a metric reported for "
      "several periods of the same year")
(within_year if within_year.height else observed).select(
    "region", "metric_key", "year", "period", "value", "unit", "text")

# %% [markdown]
# ## Targets beside the previous year's results
# A work report sets this year's targets and reports last year's results: the pair shows whether
# the target asks for more or less than was achieved. `escalation.target_panel` carries it as
# `previous_outcome` (notebook 1.04 sets targets beside the parent jurisdiction's, too).

# %%
panel = escalation.target_panel(ds.targets, ds.documents, ds.observations)
(panel.filter(pl.col("previous_outcome").is_not_null())
 .select("region", "metric_key", "year", "value", "value_high", "unit", "comparator", "previous_outcome"))

# %% [markdown]
# ## Target against the outcome of the same year
# `growth.target_vs_outcome`: each year's target beside the outcome of *that* year (from the next
# year's report). `met` reads the target's direction: a floor (GDP growth, jobs) is met at or above
# it, a ceiling (CPI, unemployment) at or under it, whether written 以上, 以内 or 左右; `gap` gives
# the distance; `percent_of_target` is given for floors only.

# %%
versus = growth.target_vs_outcome(ds.targets, ds.observations, ds.documents)
print(f"{versus['outcome'].is_not_null().sum()} of {versus.height} targets have a reported outcome")
versus.filter(pl.col("outcome").is_not_null()) if versus["outcome"].is_not_null().any() else versus.head(10)

# %% [markdown]
# ## How targets were revised from year to year
# `growth.target_revisions`: each target against the same jurisdiction's previous one.

# %%
growth.target_revisions(ds.targets, ds.documents).filter(pl.col("previous_year").is_not_null()).select(
    "region", "metric_key", "previous_year", "year", "previous_value", "value", "value_change", "comparator_changed")

# %% [markdown]
# ## Figures
# Target series (diamonds: targets, a bar for a range; line: reported results), and each series'
# latest target against the outcome of its own year: the target as written, what meets it shaded
# in its direction, the outcome coloured met or missed (never a share of the target: for a ceiling
# or a range it would mean nothing).

# %%
series_chart = charts.target_series_chart(ds.targets, ds.observations, ds.documents, min_points=MIN_POINTS, top=TOP,
                                          lang=LANG)
progress_chart = charts.target_progress_chart(ds.targets, ds.observations, ds.documents, lang=LANG)
for name, chart in {"target-series": series_chart, "target-progress": progress_chart}.items():
    for fmt in ("svg", "png"):
        charts.save(chart, project.figures_dir / f"{name}{suffix}.{fmt}")
series_chart

# %%
progress_chart
