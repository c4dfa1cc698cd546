# kenpo-wizard: two commands for a newcomer, `make serve` and `make test`.
# Every install step lives here so a fresh clone (and CI) needs nothing else.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help setup serve live test build lint catalogs wheel site bench bench-roster clean \
        test-fast test-engine test-pyodide test-site test-wizard

help:
	@echo "make serve  - set up, build and serve the site on http://127.0.0.1:8000"
	@echo "make test   - set up and run every test"
	@echo "make live   - mkdocs serve with live reload (no-JS pages skipped), for editing pages"
	@echo "make test-fast - the engine and the site's pure tests (no build, no browser)"
	@echo "make bench  - measure the wizard page load (headless Chromium) and the roster"
	@echo "make bench-roster - rows per second of kenpo-wizard roster (no browser)"

# ---------------------------------------------------------------- setup
# The site's build tools and both packages (engine, MkDocs plugin) in .venv: all `serve` needs.
$(VENV)/.site: requirements-site.txt pyproject.toml src/kenpo_site/pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements-site.txt
	$(PY) -m pip install -q --no-deps --no-build-isolation -e . -e src/kenpo_site
	touch $@

# The test tools on top (pytest, Playwright's Python package, ruff, mypy ...).
$(VENV)/.installed: requirements-dev.txt $(VENV)/.site
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian chromium drives the browser tests, with Japanese fonts (without them the layout is
# not a phone's); install each only when missing.
.cache/chromium.ok:
	@mkdir -p .cache
	command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
	fc-list :lang=ja | grep -q . || { apt-get update -qq && apt-get install -y -qq fonts-noto-cjk >/dev/null; }
	touch $@

setup: $(VENV)/.installed node_modules/.installed .cache/chromium.ok

# ---------------------------------------------------------------- build
# Message catalogs: extract to messages.pot, update the .po files, compile .mo (commit .pot/.po).
catalogs: $(VENV)/.site
	$(PY) -m kenpo_site.catalogs

# The engine's wheel, as the site's build makes it (python -m build, cached by content).
wheel: $(VENV)/.site
	$(PY) -m kenpo_site.wheel dist >/dev/null

# MkDocs builds the whole site: the kenpo plugin (src/kenpo_site) adds the generated blocks,
# Pyodide, the wheel and the no-JS pages. Building and serving need no browser. Built once
# per change of its sources (site/.built): `make test` builds it once for both browser tiers.
# It prints each step (the kenpo: lines) so a long build is never silent.
SITE_SOURCES := mkdocs.yml package-lock.json requirements-site.txt pyproject.toml \
  $(shell find docs overrides wizard src -type f -not -name '*.mo' -not -name '*.pyc' 2>/dev/null)
site/.built: $(VENV)/.site node_modules/.installed $(SITE_SOURCES)
	@echo "Building the site (MkDocs, both languages, the no-JS pages) ..."
	@mkdir -p .cache
	$(BIN)/mkdocs build --strict 2>&1 | tee .cache/build.log \
	  | { grep --line-buffered -E "kenpo:|Documentation built|ERROR|Aborted|WARNING -  [^[]" || true; }
	test -f site/wizard/app/build.json
	touch $@

site: site/.built

build: site

# As a static host serves it: precompressed files with Content-Encoding, the site's _headers.
serve: site/.built
	$(PY) -m kenpo_site.serve site --port 8000

live: $(VENV)/.site node_modules/.installed
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# ---------------------------------------------------------------- tests
lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	MYPYPATH=tests/site $(BIN)/mypy tests/site tests/conftest.py
	MYPYPATH=tests/wizard $(BIN)/mypy tests/wizard
	$(PY) -m kenpo_site.catalogs --check

# Tiers run on every core (pytest-xdist); each sweep runs once, here, on CPython.
# tests/kenpo_site renders the wizard block, which names the Pyodide build (npm's pyodide).
XDIST := -n auto --dist loadgroup
test-engine: catalogs $(VENV)/.installed node_modules/.installed
	$(BIN)/pytest $(XDIST) tests/engine tests/kenpo_site

# The quick loop (under a minute): the engine and the site's pure tests without the exhaustive
# sweeps (marked slow; `make test` runs them), no build and no browser.
test-fast: catalogs $(VENV)/.installed node_modules/.installed
	$(BIN)/pytest $(XDIST) -m "not slow" tests/engine tests/kenpo_site

# Pyodide's npm package ships no wheels and the runner allows no network: pip fetches the
# test tools once (pure wheels, and hypothesis built for the ABI named in pyodide-lock.json).
PYODIDE_WHEELS := .cache/pyodide-wheels
$(PYODIDE_WHEELS)/.downloaded: tests/pyodide/requirements.txt node_modules/.installed $(VENV)/.installed
	rm -rf $(PYODIDE_WHEELS)
	abi=$$(node -p 'require("./node_modules/pyodide/pyodide-lock.json").info.abi_version'); \
	$(PY) -m pip download -q --no-deps --only-binary=:all: -d $(PYODIDE_WHEELS) \
	  --python-version 3.14 --implementation cp --abi cp314 --platform pyemscripten_$${abi}_wasm32 \
	  -r tests/pyodide/requirements.txt
	touch $@

# PyYAML cannot load in Pyodide: the engine's YAML fixtures go in as exact JSON twins.
PYODIDE_FIXTURES := .cache/pyodide-fixtures
$(PYODIDE_FIXTURES)/.written: $(shell find tests/engine -name '*.y*ml' 2>/dev/null) \
                              tests/engine/fixtures.py $(VENV)/.installed
	$(PY) tests/engine/fixtures.py --json-twins $(PYODIDE_FIXTURES)
	touch $@

# Then the trimmed, byte-compiled standard library the site ships: every golden path on it alone.
test-pyodide: $(VENV)/.installed node_modules/.installed wheel $(PYODIDE_WHEELS)/.downloaded \
              $(PYODIDE_FIXTURES)/.written
	node tests/pyodide/run.mjs
	node tests/pyodide/trimmed.mjs $$($(PY) -m kenpo_site.stdlib .cache/pyodide-engine) .cache/pyodide-engine

test-site: site/.built .cache/chromium.ok
	$(BIN)/pytest $(XDIST) tests/site

test-wizard: site/.built .cache/chromium.ok
	$(BIN)/pytest $(XDIST) tests/wizard

# The tiers that share nothing run side by side (2 cores: the engine's sweeps, Pyodide in
# Node and the site's build; then the two browser tiers, one browser each); -O keeps each
# tier's output together.
test: setup lint
	$(MAKE) --no-print-directory -j3 -O test-engine test-pyodide site
	$(MAKE) --no-print-directory -j2 -O test-site test-wizard XDIST="-n 2 --dist loadgroup"

bench: site/.built .cache/chromium.ok bench-roster
	$(PY) scripts/bench.py

# The roster (issue 21) on the CLI path: 1,000 varied rows, rows per second; no browser.
bench-roster: $(VENV)/.site
	$(PY) scripts/bench_roster.py

clean:
	rm -rf site dist .cache
