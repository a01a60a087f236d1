# Passerelles — every set-up step a fresh clone needs. `make run` and `make test` are the contract.
SHELL := /bin/bash
PORT ?= 8000
# One public base URL (e-mails, sitemap, PDFs, JSON-LD, API): the address `make run` serves.
SITE_URL ?= http://127.0.0.1:$(PORT)
export SITE_URL
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
PYTEST_ARGS ?=

.PHONY: run test quality demo bench messages install install-dev clean-db lock help audit

help:
	@echo "make run    — installe, charge les données de démonstration et sert le site (PORT=$(PORT))"
	@echo "make test   — installe ce qu'il faut aux tests et lance toute la suite"
	@echo "make quality, make demo, make bench, make messages, make lock"

$(VENV)/.installed: requirements.lock pyproject.toml
	@PYBIN=$$(bin/check-prereqs) || exit 1; \
	  [ -x $(PY) ] || $$PYBIN -m venv $(VENV) || { echo "Impossible de créer $(VENV) : installez le paquet python3-venv." >&2; exit 1; }
	@$(PY) -m pip install --quiet --disable-pip-version-check uv
	$(VENV)/bin/uv pip install --quiet --python $(PY) -r requirements.lock
	@touch $@

node_modules/.installed: package.json package-lock.json
	@bin/check-prereqs >/dev/null || exit 1
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Compiled catalogues (built, never committed): polib, no GNU gettext needed.
CATALOGUES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/*.po))
locale/%.mo: locale/%.po $(VENV)/.installed
	@$(PY) bin/compile-messages $<

install: $(VENV)/.installed node_modules/.installed $(CATALOGUES)

var/.migrated: $(VENV)/.installed $(wildcard */migrations/*.py)
	@mkdir -p var
	$(MANAGE) migrate --no-input -v 0
	@touch $@

demo: install var/.migrated
	$(MANAGE) load_communes --if-changed
	$(MANAGE) seed_demo

run: demo
	@$(MANAGE) demo_accounts
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# The whole suite on SQLite, or on PostgreSQL with DATABASE_URL=postgres://… (as .ci/run does);
# with POSTGRES_URL as well, the tests of issue #14's items 1-6 (tests/trust_suite.txt) again on it.
POSTGRES_URL ?=
test: install
	@mkdir -p var
	$(PY) -m pytest $(PYTEST_ARGS)
	@if [ -n "$(POSTGRES_URL)" ]; then \
	  echo "== PostgreSQL : tests/trust_suite.txt"; \
	  DATABASE_URL="$(POSTGRES_URL)" $(PY) -m pytest $(PYTEST_ARGS) $$(grep -v '^#' tests/trust_suite.txt); \
	elif [ -z "$(DATABASE_URL)" ]; then \
	  echo "PostgreSQL : suite de confiance non lancée (POSTGRES_URL=postgres://… make test)"; fi

quality: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint templates --lint
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

bench: install var/.migrated
	@failed=""; for script in bench/*.py; do echo "== $$script"; $(PY) $$script || failed="$$failed $$script"; done; \
	  if [ -n "$$failed" ]; then echo "Objectifs manqués ou erreurs :$$failed"; exit 1; fi

audit: install
	@bin/audit

messages: install
	$(MANAGE) makemessages -l en --no-obsolete --ignore=.venv --ignore=node_modules --ignore=var
	$(PY) bin/compile-messages

lock:
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --python-version 3.12 -o requirements.lock
