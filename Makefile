# Two commands for people: `make serve` and `make test`. Everything they need is installed here.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PYDEPS := $(VENV)/.installed-site
TESTDEPS := $(VENV)/.installed-test
NODEDEPS := node_modules/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
export PYTHONPATH := $(CURDIR)/tools$(if $(PYTHONPATH),:$(PYTHONPATH))
export NO_MKDOCS_2_WARNING := 1

.PHONY: deps serve build test test-unit test-browser lint bench clean system-deps livre-deps

$(PYDEPS): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[site]'
	touch $@

# Test tools and the reference model (openfisca-france) the engine is cross-checked against.
$(TESTDEPS): $(PYDEPS) requirements-test.txt
	$(PY) -m pip install -q -e '.[site,test]' -r requirements-test.txt
	touch $@

$(NODEDEPS): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Debian packages the tests drive: chromium (browser tests) and poppler-utils (PDF rendering).
system-deps: livre-deps
	@if [ ! -x /usr/bin/chromium ] || ! command -v pdftoppm >/dev/null; then \
	  echo "Installation des paquets Debian : chromium poppler-utils"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils fonts-dejavu-core >/dev/null; \
	fi

# Pango and HarfBuzz for WeasyPrint, which builds the guide's PDF (site/livre/).
PANGO := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
livre-deps:
	@if ! /sbin/ldconfig -p | grep -q 'libpangoft2-1.0.so.0' || ! /sbin/ldconfig -p | grep -q 'libharfbuzz-subset.so.0'; then \
	  echo "Installation des paquets Debian : $(PANGO)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PANGO) fonts-dejavu-core >/dev/null; \
	fi

deps: $(PYDEPS) $(NODEDEPS)

build: deps livre-deps
	$(PY) -m mkdocs build --strict

serve: deps livre-deps
	$(PY) -m mkdocs serve --strict -a $(HOST):$(PORT)

lint: deps $(TESTDEPS)
	$(PY) -m ruff check tools macros tests benchmarks

# The tests build the site themselves (strict), for the port they serve it on.
test: deps $(TESTDEPS) system-deps
	$(PY) -m ruff check tools macros tests benchmarks
	$(PY) -m pytest -p no:cacheprovider

bench: deps $(TESTDEPS) system-deps
	$(PY) -m mkdocs build --strict
	$(PY) benchmarks/run.py

clean:
	rm -rf site build .pytest_cache
