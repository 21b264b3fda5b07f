# The two commands a user needs: `make up` and `make test`. Everything else is a helper of those.
SHELL := /bin/bash
# The newest supported Python on this machine (3.13, 3.12, then 3.11); PYTHON=... overrides.
# (a pyenv shim can exist for a version that is not active: it must run, not only be on PATH)
PYTHON ?= $(shell for v in 3.13 3.12 3.11; do python$$v -c '' 2>/dev/null && command -v python$$v && break; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
# pip quiet: setuptools' build warnings and pip's version check are noise for a user
PIP := PYTHONWARNINGS=ignore PIP_DISABLE_PIP_VERSION_CHECK=1 $(BIN)/python -m pip install -q

.PHONY: up down test test-slow lint venv web browser-deps clean help train

help:
	@echo "make up         provision + start Neo4j, ingest examples/corpus, serve the GraphQL API"
	@echo "make down       stop the API and Neo4j (data is kept in .cellkg/)"
	@echo "make test       lint, type check and the whole suite against a real Neo4j (own ports and data)"
	@echo "make test-slow  the long fault-injection and load runs (pytest -m slow)"
	@echo "make train      refit the relation scorer (extract/models) from the gold sets in tests/data"

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "error: Python 3.11, 3.12 or 3.13 is needed (none found on PATH)"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(PIP) --upgrade pip
	@$(PIP) -e '.[test]'
	@rm -f $(VENV)/.installed-* && touch $@

venv: $(STAMP)

# The web explorer: npm ci once per lock file, a build whenever a source or the GraphQL schema changes.
WEB_STAMP := web/node_modules/.installed-$(shell cat web/package-lock.json | sha1sum | cut -c1-12)
WEB_SRC := $(shell find web/src web/index.html web/graphiql.html web/vite.config.ts web/codegen.ts web/tsconfig.json \
	-type f -not -path 'web/src/gql/*') api/schema.graphql

$(WEB_STAMP): web/package-lock.json
	@cd web && npm ci --no-audit --no-fund --loglevel=error
	@rm -f web/node_modules/.installed-* && touch $@

web/dist/index.html: $(WEB_STAMP) $(WEB_SRC)
	@cd web && out=$$(npm run --silent build 2>&1) || { echo "$$out"; exit 1; }

web: web/dist/index.html

up: venv web
	@$(BIN)/cellkg neo4j start
	@$(BIN)/cellkg ingest examples/corpus
	@$(BIN)/cellkg serve --detach
	@echo "Stop with: make down"

down:
	@if [ -x $(BIN)/cellkg ]; then $(BIN)/cellkg serve --stop; $(BIN)/cellkg neo4j stop; fi

# Headless Chromium for the browser end-to-end tests: Debian's package, never a browser download.
browser-deps:
	@bash scripts/install-browser-deps.sh

lint: venv $(WEB_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python scripts/typecheck.py
	cd web && npm run --silent typecheck

test: venv browser-deps lint web
	$(BIN)/python -m pytest -m "not slow" $(PYTEST_ARGS)

test-slow: venv browser-deps
	$(BIN)/python -m pytest -m slow $(PYTEST_ARGS)

# The relation scorer: same gold sets, same bytes (tests/train checks the shipped file against a refit).
train: venv
	$(BIN)/cellkg train --data tests/data

clean: down
	rm -rf .cellkg out
