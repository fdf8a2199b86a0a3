# Two commands: `make run` and `make test`. Both create .venv and install what they need.
# While working: `make test-fast` (the slow and e2e marks left out) and `make lint` (ruff, mypy).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export NGVH_DATA_DIR ?= ./data
# Nothing may download weights at run time: the hub stays offline, telemetry off.
export HF_HUB_OFFLINE = 1
export TRANSFORMERS_OFFLINE = 1
export ANONYMIZED_TELEMETRY = False

.PHONY: run test test-fast lint install install-test ingest-samples chat serve bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	# torch pinned to the CPU build on disk before the [st] extra can ask for a newer one
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e ".[test,st,bench]"
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

ingest-samples: install
	$(BIN)/ngvh ingest data/samples

run: ingest-samples
	$(BIN)/ngvh serve --host 127.0.0.1 --port 8000

test: install-test
	$(BIN)/python -m pytest -q

# everything but the tests that start servers, browsers or subprocesses or build a store of their own
test-fast: install-test
	$(BIN)/python -m pytest -q -m "not slow and not e2e"

# mypy without paths checks what pyproject.toml's [tool.mypy] files lists: a package joins there, not here
lint: install-test
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: install-test
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/retrieval.py
	$(BIN)/python bench/ask.py

clean:
	rm -rf $(VENV) build *.egg-info
