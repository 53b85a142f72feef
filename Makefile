# Set-up and everyday commands. `make demo` and `make test` do all set-up on a fresh
# Debian-like machine: system packages, a virtual environment and the Python dependencies.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PYTEST_ARGS ?=

.PHONY: setup demo test test-fast lint clean

$(BIN)/onboardkit: pyproject.toml
	bash scripts/install-system-deps.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

setup: $(BIN)/onboardkit

demo: setup
	NO_MKDOCS_2_WARNING=1 $(BIN)/onboardkit demo

test: setup
	NO_MKDOCS_2_WARNING=1 $(BIN)/pytest $(PYTEST_ARGS)

test-fast: setup
	NO_MKDOCS_2_WARNING=1 $(BIN)/pytest -m "not browser" $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

clean:
	rm -rf site dist .pytest_cache
