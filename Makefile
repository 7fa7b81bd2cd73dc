# policykit — `make help` lists the targets. The two a newcomer needs: `make demo` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PK := $(BIN)/policykit

.PHONY: help demo test fonts bench stress clean-processed lock

help: ## list the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN{FS=":.*## "}{printf "  make %-16s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found; install Python 3.11 or run 'make PYTHON=python3 …'" >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

fonts: ## make sure a CJK font is installed so Chinese chart labels render (Debian: fonts-noto-cjk)
	@bash scripts/ensure-cjk-font.sh

demo: $(STAMP) fonts ## ingest data/raw → event log → data/processed → notebooks → reports/figures, then a summary
	$(PK) ingest
	$(PK) build
	$(PK) notebooks
	$(PK) status --summary

test: $(STAMP) fonts ## run the whole test suite (unit tests and executed notebooks)
	$(BIN)/python -m pytest -q

bench: $(STAMP) ## scale and speed figures (not part of `make test`)
	$(BIN)/python benchmarks/run.py

stress: $(STAMP) ## long fault run: bad inputs (50 MB line), long fuzz, kill -9, full disk, concurrent ingests
	$(BIN)/python benchmarks/stress.py

lock: $(STAMP) ## re-resolve the dependency set and record it in constraints.txt
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e' > constraints.txt

clean-processed: ## delete regenerable frames and figures (never the event log)
	rm -f data/processed/*.parquet reports/figures/*.svg reports/figures/*.png reports/figures/*.pdf
