# Social HRM Lab — every set-up step lives here, so that `make run` and `make test`
# work on a fresh machine with nothing but Python >= 3.11 and make.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8888
DASH_PORT ?= 8866
# The start notebook in the learner's language (SOCIALHRM_LANG, else the locale; see
# `start:` in modules/course.yml), expanded when `make run` starts.
START = $(shell $(BIN)/python -c 'from socialhrm.course import load_catalogue as c; print(c().start_notebook())' 2>/dev/null || echo notebooks/00_start_here.ipynb)
# Keep OpenMP engines (igraph) polite on small shared machines.
export OMP_WAIT_POLICY ?= passive
export PATH := $(abspath $(BIN)):$(PATH)

.PHONY: help install run test test-fast lint i18n bench dashboards screenshots workshop-demo clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' Makefile | sed 's/:.*##/\t/'

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Social HRM Lab needs Python >= 3.11; set PYTHON=python3.11 (or newer)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	@echo "Installing Social HRM Lab and its dependencies into $(VENV) (first time: a few minutes)..."
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)  ## create .venv and install everything

run: $(STAMP)  ## open the course in JupyterLab on the bundled organisation
	@$(BIN)/socialhrm exercises --quiet
	@echo "Opening JupyterLab on $(START) (Ctrl-C to stop)."
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.port=$(PORT) \
		--ServerApp.root_dir=$(CURDIR) $(if $(filter 0,$(shell id -u)),--allow-root,) \
		--LabApp.user_settings_dir="$$($(BIN)/python -m socialhrm.lab)" \
		$(if $(DISPLAY),,--no-browser) \
		--LabApp.default_url=/lab/tree/$(START)

test: $(STAMP)  ## run the whole suite (unit, real data, notebooks, nbgrader, browser)
	$(BIN)/python -m pytest

test-fast: $(STAMP)  ## the unit tests only (no notebooks, nbgrader or browser)
	$(BIN)/python -m pytest -m "not slow"

lint: $(STAMP)  ## ruff
	$(BIN)/ruff check src tests benchmarks tools conftest.py

i18n: $(STAMP)  ## extract texts, update the en/nl catalogues, compile them (Babel)
	$(BIN)/python tools/i18n.py all

bench: $(STAMP)  ## speed and memory, side by side with plain networkx
	$(BIN)/python benchmarks/run_all.py

dashboards: $(STAMP)  ## serve every dashboard with Voila
	$(BIN)/socialhrm dashboards --port $(DASH_PORT)

screenshots: $(STAMP)  ## re-make the README's dashboard screenshots with the browser tests
	SOCIALHRM_UPDATE_SCREENSHOTS=1 $(BIN)/python -m pytest tests/dashboards -m browser -q

workshop-demo: $(STAMP)  ## a mock workshop for three students, end to end
	$(BIN)/socialhrm workshop demo

clean:  ## remove caches (keeps .venv)
	rm -rf .pytest_cache .ruff_cache tests/artifacts benchmarks/results
