# Upper Back Relief. `make lab` to study, `make test` to check everything.
# Both create .venv and install requirements.txt first, and again whenever it changes;
# make lab needs only Python (npm is for the offline website, the class server and tests).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PYTHON_DONE := $(VENV)/.installed-python
SETUP_DONE := $(VENV)/.installed-settings
NPM_DONE := node_modules/.installed
PORT ?= 8888
HUB_PORT ?= 8000
TEACHER ?=

.DEFAULT_GOAL := help
.PHONY: help install lab hub hub-demo test check lint types js notebooks nav html validator bench clean

help:
	@echo "make lab        install what is needed and open the course in JupyterLab"
	@echo "make hub        a class on this server, as root: sudo make hub TEACHER=yourname"
	@echo "make hub-demo   a demonstration class on this computer (learners are not kept apart)"
	@echo "make test       install what is needed and run every test"
	@echo "make check      the fast tier: lint, types and unit tests (no kernels, no browser)"
	@echo "make notebooks  re-run all notebooks (fixed date, temporary progress) to refresh outputs"
	@echo "make nav        regenerate the previous / next / contents links"
	@echo "make html       export the course as an offline website in site/"
	@echo "make validator  rewrite the progress file's schema and its compiled validator"
	@echo "make bench      run the benchmarks in bench/"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Three steps, each redone only when its own inputs change (a failed npm step does not
# make pip run again): the Python packages, the course's Jupyter settings, and npm's.
$(PYTHON_DONE): requirements.txt requirements-course.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(SETUP_DONE): $(PYTHON_DONE)
	$(BIN)/thoracic lab-setup
	touch $@

# npm brings JupyterHub's proxy and runs the front-end tests (package-lock.json pins
# them); studying in JupyterLab and exporting the site need neither.
$(NPM_DONE): package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "npm (Node.js) is needed for the class \
	server and the tests, not for make lab or make html. Install Node.js from \
	https://nodejs.org and run this again."; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(SETUP_DONE) $(NPM_DONE)

# JupyterLab at 00, with a folder of the learner's own beside the course; a fresh
# workspace each time, removed when it stops (thoracic lab says more). Python only.
lab: $(SETUP_DONE)
	$(BIN)/thoracic lab --port=$(PORT)

# A class on one server, as root (jupyterhub_config.py says more): learners sign up, the
# teacher approves them, each runs as a system user of their own.
hub: install
	THORACIC_HUB_PORT=$(HUB_PORT) THORACIC_HUB_TEACHER=$(TEACHER) \
	$(BIN)/jupyterhub -f jupyterhub_config.py

# The one-laptop demonstration: one shared password, learners kept apart by folder only.
hub-demo: install
	THORACIC_HUB_DEMO=1 THORACIC_HUB_PORT=$(HUB_PORT) $(BIN)/jupyterhub -f jupyterhub_config.py

lint: install
	$(BIN)/ruff check lib tests bench notebooks

types: install
	$(BIN)/mypy

# The front-end modules' own tests, under Node's built-in test runner, after Python
# writes the JSON files they read (timer plans, the device store's rules): again only
# when the library, the writer or a written file changed since (a checkout, say).
JS_FIXTURES_DONE := $(VENV)/.js-fixtures-written
$(JS_FIXTURES_DONE): $(shell find lib/thoracic tests/js -type f \( -name '*.py' -o \
	-name '*.json' -o -name '*.toml' -o -name '*.md' \) -not -path '*/__pycache__/*') | install
	$(BIN)/python -m tests.js.fixtures
	touch $@

js: install $(JS_FIXTURES_DONE)
	node --test tests/js/

# Python's bytecode cache for the tests, kept inside .venv: some machines turn it off
# (PYTHONDONTWRITEBYTECODE), and then every test process compiles the library and pytest
# rewrites every test module's asserts again (about 4 s of make check's 2 cores).
test check js: export PYTHONDONTWRITEBYTECODE :=
test check js: export PYTHONPYCACHEPREFIX := $(abspath $(VENV))/pycache

# Everything: lint, types, front-end tests (their stress tests too), unit tests, nbval
# over the stored notebooks, browser tests.
test: export THORACIC_STRESS := 1
test: lint types js
	$(BIN)/python -m pytest

# The fast tier for every change: no kernels, no browser, no nbval; on every core.
check: lint types js
	$(BIN)/python -m pytest -n auto -m "not kernel and not browser and not stress" tests

notebooks: install
	$(BIN)/thoracic refresh --folder notebooks

nav: install
	$(BIN)/thoracic nav --folder notebooks

# The site's progress-file validator: the schema compiled by ajv ahead of time (after
# thoracic schema --out schema); make js fails while it is stale.
validator: install
	$(BIN)/thoracic schema --out schema
	node tools/compile-progress-validator.mjs

html: $(SETUP_DONE)
	$(BIN)/thoracic export --folder notebooks --out site

bench: install
	$(BIN)/python bench/suite.py
	$(BIN)/python bench/timer_accuracy.py
	$(BIN)/python bench/first_click.py
	$(BIN)/python bench/progress.py
	$(BIN)/python bench/store_race.py
	$(BIN)/python bench/export.py
	$(BIN)/python bench/site.py
	$(BIN)/python bench/phone_reading.py
	$(BIN)/python bench/measure.py

clean:
	rm -rf $(VENV) node_modules .pytest_cache .ruff_cache test-artifacts
