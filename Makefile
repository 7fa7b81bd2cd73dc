# policykit — `make help` lists the targets. The two a newcomer needs: `make demo` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PK := $(BIN)/policykit

.PHONY: help demo gallery test lab fonts bench stress clean-processed lock

help: ## list the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN{FS=":.*## "}{printf "  make %-16s %s\n", $$1, $$2}'

# pip's own output goes to $(VENV)/install.log; the terminal gets one line per package and the time taken.
$(STAMP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found; install Python 3.11 or run 'make PYTHON=python3 …'" >&2; exit 1; }
	@start=$$(date +%s); \
	 if ! test -x $(BIN)/python; then echo "==> creating the virtual environment $(VENV)/"; $(PYTHON) -m venv $(VENV) || exit 1; fi; \
	 echo "==> installing policykit and $$(grep -c '==' constraints.txt) pinned packages into $(VENV)/ (first time: 2–3 minutes; log: $(VENV)/install.log)"; \
	 set -o pipefail; \
	 export PYTHONUNBUFFERED=1; \
	 { $(BIN)/python -m pip install --upgrade pip && $(BIN)/python -m pip install -c constraints.txt -e '.[test,postgres,ray]'; } 2>&1 \
	   | tee $(VENV)/install.log \
	   | awk '/^Collecting /{name = $$2; sub(/[<>=!~;(\[].*/, "", name); printf "    fetching %s\n", name; fflush()} /^Installing collected/{print "    unpacking everything into $(VENV)/ …"; fflush()}' \
	   || { echo "error: the install failed; the end of $(VENV)/install.log says why:" >&2; tail -n 20 $(VENV)/install.log >&2; exit 1; }; \
	 echo "==> installed in $$(( $$(date +%s) - start )) s"
	@touch $(STAMP)

fonts: ## make sure a CJK font is installed so Chinese chart labels render (Debian: fonts-noto-cjk)
	@bash scripts/ensure-cjk-font.sh

demo: $(STAMP) fonts ## ingest data/raw → event log → data/processed → notebooks → reports/figures, then a summary
	@start=$$(date +%s); step() { echo "==> $$1"; shift; s=$$(date +%s); "$$@" || exit 1; echo "    ($$(( $$(date +%s) - s )) s)"; }; \
	 step "ingest data/raw into the event log data/log/events.sqlite" $(PK) ingest; \
	 step "build the frames data/processed/*.parquet" $(PK) build; \
	 step "execute the notebooks (figures into reports/figures/)" $(PK) notebooks; \
	 $(PK) status --summary; \
	 echo "==> demo done in $$(( $$(date +%s) - start )) s; figures: $$(ls reports/figures | wc -l) files in reports/figures/"

gallery: $(STAMP) fonts ## redraw docs/gallery/ from the sample and data/reference/ (as `make demo` draws without ../shared)
	@start=$$(date +%s); \
	 $(PK) ingest && $(PK) build && POLICYKIT_CORPUS=none $(PK) notebooks || exit 1; \
	 $(BIN)/python -c "import sys; from policykit.charts import write_gallery; \
	   print('==> docs/gallery/:', ', '.join(p.stem for p in write_gallery('reports/figures', 'docs/gallery', since=float(sys.argv[1]))))" $$start

lab: $(STAMP) fonts ## open JupyterLab on the project (the notebooks/*.py open as notebooks, paired by jupytext)
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" $$([ "$$(id -u)" = 0 ] && echo --allow-root) notebooks/

test: $(STAMP) fonts ## run the whole test suite (unit tests and executed notebooks)
	$(BIN)/python -m pytest -q

bench: $(STAMP) ## issue 18's figures in one table beside goals, floor and peers (~1 h; BENCH_ARGS=--quick for a smoke run)
	@$(BIN)/python -c "import jieba" 2>/dev/null || $(BIN)/python -m pip install -q 'jieba>=0.42'  # the peer of the bench extra
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

stress: $(STAMP) ## long fault run: bad inputs (50 MB line), long fuzz, kill -9, full disk, concurrent ingests
	$(BIN)/python benchmarks/stress.py

lock: $(STAMP) ## re-resolve the dependency set and record it in constraints.txt
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e' > constraints.txt

clean-processed: ## delete regenerable frames and figures (never the event log)
	rm -f data/processed/*.parquet reports/figures/*.svg reports/figures/*.png reports/figures/*.pdf
