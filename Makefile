# Two entry points for a fresh machine with python3 and make:
#   make demo   -- build .venv and parse the bundled example plan
#   make test   -- build .venv and run tests, doctests, mypy --strict and ruff; then, where a C
#                  compiler is at hand, build the compiled (mypyc) zoneplan and run the tests on it
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# the compiled build lives in its own environment: the editable .venv always runs the sources
CVENV ?= .venv-compiled
CBIN := $(CVENV)/bin
CSTAMP := $(CVENV)/.installed
SOURCES := $(wildcard src/zoneplan/*.py src/zoneplan/data/*)

.PHONY: demo test venv lint typecheck pytest bench accuracy clean compiled test-compiled bench-compiled

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/zoneplan parse examples/plan_2025.txt --format table

pytest: $(STAMP)
	$(BIN)/python -m pytest -q

typecheck: $(STAMP)
	$(BIN)/python -m mypy

lint: $(STAMP)
	$(BIN)/python -m ruff check setup.py src tests benchmarks examples
	$(BIN)/python -m ruff format --check setup.py src tests benchmarks examples

test: $(STAMP) lint typecheck pytest test-compiled

# the rule modules compiled with mypyc (setup.py): a wheel built once, installed with its deps
$(CSTAMP): pyproject.toml setup.py $(SOURCES)
	test -x $(CBIN)/python || $(PY) -m venv $(CVENV)
	$(CBIN)/python -m pip install --quiet --upgrade pip 'setuptools>=68' wheel 'mypy>=1.10' types-python-dateutil pandas-stubs
	# mypyc type-checks with the project's mypy settings: the dependencies first (pydantic's plugin)
	$(CBIN)/python -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]))' \
		| xargs -d '\n' $(CBIN)/python -m pip install --quiet
	rm -rf build $(CVENV)/wheel
	ZONEPLAN_COMPILE=1 $(CBIN)/python -m pip wheel --quiet --no-build-isolation --no-deps -w $(CVENV)/wheel .
	$(CBIN)/python -m pip install --quiet --force-reinstall --no-deps $(CVENV)/wheel/zoneplan-*.whl
	$(CBIN)/python -m pip install --quiet "$$(ls $(CVENV)/wheel/zoneplan-*.whl)[dev]"
	touch $(CSTAMP)

compiled: $(CSTAMP)

# the whole test suite once more, on the compiled modules (skipped, saying so, without a C compiler
# or without the Python headers a C extension is built against)
HAS_HEADERS := import os, sysconfig; raise SystemExit(not os.path.isfile(os.path.join(sysconfig.get_paths()["include"], "Python.h")))
test-compiled:
	@if ! (command -v cc >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1); then \
		echo "test-compiled: skipped, no C compiler for the compiled build"; \
	elif ! $(PY) -c '$(HAS_HEADERS)'; then \
		echo "test-compiled: skipped, no Python headers (Python.h) for the compiled build"; \
	else \
		$(MAKE) --no-print-directory $(CSTAMP) && \
		ZONEPLAN_EXPECT_COMPILED=1 $(CBIN)/python -m pytest -q -p no:cacheprovider; \
	fi

accuracy: $(STAMP)
	$(BIN)/python benchmarks/accuracy.py

bench: $(STAMP)
	$(BIN)/python benchmarks/speed.py

bench-compiled: $(CSTAMP)
	$(CBIN)/python -m pip install --quiet "$$(ls $(CVENV)/wheel/zoneplan-*.whl)[bench]"
	$(CBIN)/python benchmarks/speed.py

clean:
	rm -rf $(VENV) $(CVENV) build dist src/*.egg-info .mypy_cache .ruff_cache .pytest_cache
