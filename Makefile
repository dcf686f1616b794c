# The two commands a newcomer runs on a fresh machine:
#   make demo   installs Parallax in .venv and analyses the bundled sample corpus (examples/)
#   make test   installs Parallax with its dev tools in .venv and runs lint, types and tests
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= out

.PHONY: demo test lint typecheck pytest bench quality clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $@

demo: $(VENV)/.installed
	@mkdir -p $(OUT)
	$(BIN)/parallax analyze examples/ --workspace $(OUT)/workspace -o $(OUT)/report.html -o $(OUT)/report.json -o $(OUT)/report.md

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(VENV)/.installed
	$(BIN)/mypy

pytest: $(VENV)/.installed
	$(BIN)/pytest -q

test: lint typecheck pytest

bench: $(VENV)/.installed
	$(BIN)/python bench/run.py --articles 1000 --jobs 2

quality: $(VENV)/.installed
	$(BIN)/parallax eval gold examples tests/gold

clean:
	rm -rf $(OUT) parallax-workspace .pytest_cache .mypy_cache .ruff_cache
