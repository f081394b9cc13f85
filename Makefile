# Two commands do all the set-up: `make run` and `make test`.
# Each creates .venv (Python 3.11+) and installs what it needs on first use.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: setup run test bench clean

## setup: the Python environment and the web UI's npm assets (d3, topojson-client, world-atlas)
setup: $(STAMP) $(NODE_STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,ray]'
	touch $(STAMP)

# The web UI's browser assets, pinned in package-lock.json; served by `casus serve`, never from a CDN.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

## run: answer "who is bound to defend North Korea today?" on the built-in data, then serve the web app
run: $(STAMP) $(NODE_STAMP)
	$(BIN)/casus state "North Korea"
	$(BIN)/casus treaties --state "North Korea"
	$(BIN)/casus serve

## test: the whole test suite
test: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest -q

## bench: every benchmark; results go to benchmarks/results/
bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) node_modules build *.egg-info src/*.egg-info .pytest_cache
