# The two commands of the README: `make demo` renders the seed article's map, `make test` runs the tests.
# Both build a virtual environment from the project's own files first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint docs clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: $(BIN)/.installed
	$(BIN)/argmap demo -o putin_has_no_time_left.svg

test: $(BIN)/.installed
	$(BIN)/python -m pytest -q

lint: $(BIN)/.installed
	$(BIN)/ruff check argmap tests benchmarks examples scripts seeds docs
	$(BIN)/ruff format --check argmap tests benchmarks examples scripts seeds docs
	$(BIN)/mypy

# The site: the tutorials' code runs as doctests, then Sphinx builds docs/_build/html (warnings are errors).
docs: $(BIN)/.installed
	$(BIN)/python -m pytest -q --doctest-glob='*.md' docs
	$(BIN)/sphinx-build -W --keep-going -n -q -b html docs docs/_build/html

clean:
	rm -rf $(VENV) docs/_build docs/_generated docs/api
