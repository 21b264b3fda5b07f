# The two commands a user needs: `make up` and `make test`. Everything else is a helper of those.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)

.PHONY: up down test test-slow venv browser-deps extract-seeds clean help

help:
	@echo "make up         provision + start Neo4j, ingest examples/corpus, serve the GraphQL API"
	@echo "make down       stop the API and Neo4j (data is kept in .cellkg/)"
	@echo "make test       the whole suite against a real Neo4j (own ports and data directory)"
	@echo "make test-slow  the long fault-injection and load runs (pytest -m slow)"

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "error: Python 3.11 is needed (python3.11 not found)"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	@rm -f $(VENV)/.installed-* && touch $@

venv: $(STAMP)

up: venv
	@$(BIN)/cellkg neo4j start
	@$(BIN)/cellkg ingest examples/corpus
	@$(BIN)/cellkg serve --detach
	@echo "Neo4j Browser: http://127.0.0.1:$${CELLKG_HTTP_PORT:-7474}/browser/  user: neo4j  password: $$($(BIN)/cellkg neo4j password)"
	@echo "GraphQL:       http://127.0.0.1:$${CELLKG_API_PORT:-8000}/graphql"
	@echo "Stop with: make down"

down:
	@if [ -x $(BIN)/cellkg ]; then $(BIN)/cellkg serve --stop; $(BIN)/cellkg neo4j stop; fi

# Headless Chromium for the Neo4j Browser end-to-end test: Debian's package, never a browser download.
browser-deps:
	@bash scripts/install-browser-deps.sh

test: venv browser-deps
	$(BIN)/python -m pytest -m "not slow" $(PYTEST_ARGS)

test-slow: venv browser-deps
	$(BIN)/python -m pytest -m slow $(PYTEST_ARGS)

extract-seeds: venv
	$(BIN)/cellkg extract ../shared/corpus --out out/seeds
	$(BIN)/python ../shared/eval/score.py ../shared/eval/seeds out/seeds

clean: down
	rm -rf .cellkg out
