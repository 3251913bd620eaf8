# Everything a fresh machine needs is set up by the targets themselves:
#   make serve   build and serve the site on http://127.0.0.1:8000
#   make test    run the whole test suite (package, examples, site, browser)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
export NO_MKDOCS_2_WARNING := 1

.PHONY: install serve build test bench clean

install: $(STAMP) node_modules/.package-lock.json

$(STAMP): pyproject.toml requirements/lock.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements/lock.txt -e ".[docs,test,bench]"
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

serve: install
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

build: install
	$(BIN)/mkdocs build --strict

# The tests spread over the cores (pytest-xdist), a test file to a worker: the
# site is built once for all of them (tests/conftest.py).
test: install
	$(BIN)/python -m pytest -n auto --dist loadfile

bench: install
	$(BIN)/python bench/derivatives.py
	$(BIN)/python bench/gradients.py
	$(BIN)/python bench/weight.py
	$(BIN)/python bench/build.py

clean:
	rm -rf site .cache test-artifacts .pytest_cache
