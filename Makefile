# Two commands do all the set-up: `make run` and `make test`.
# Each creates .venv (Python 3.11+) and installs what it needs on first use.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,ray]'
	touch $(STAMP)

## run: answer "who is bound to defend North Korea today?" on the built-in data, then serve the web app
run: $(STAMP)
	$(BIN)/casus state "North Korea"
	$(BIN)/casus treaties --state "North Korea"
	$(BIN)/casus serve

## test: the whole test suite
test: $(STAMP)
	$(BIN)/python -m pytest -q

## bench: every benchmark; results go to benchmarks/results/
bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
