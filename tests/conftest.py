"""One real Neo4j for the whole test session, on its own ports and data directory.

Never the user's server: state lives in .cellkg/test (CELLKG_TEST_STATE_DIR), Bolt on 17687
and HTTP on 17474 unless CELLKG_TEST_BOLT_PORT / CELLKG_TEST_HTTP_PORT say otherwise.
Tests wipe what they need with the ``clean_graph`` fixture.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cellkg.core.settings import Settings, load_settings
from cellkg.graph.db import open_driver, wipe_graph
from cellkg.graph.ddl import apply_schema
from cellkg.ops.neo4j_server import Neo4jServer
from tests.support.environment import unavailable
from tests.support.paths import REPO_ROOT, SHARED


def pytest_configure(config):
    config.addinivalue_line("markers", "packaging: builds the wheel and runs it from a fresh venv (tests/packaging)")


def _test_settings() -> Settings:
    base = load_settings()
    return base.with_overrides(
        state_dir=Path(os.environ.get("CELLKG_TEST_STATE_DIR", REPO_ROOT / ".cellkg" / "test")).resolve(),
        bolt_port=int(os.environ.get("CELLKG_TEST_BOLT_PORT", "17687")),
        http_port=int(os.environ.get("CELLKG_TEST_HTTP_PORT", "17474")),
        neo4j_uri="",
        neo4j_password="",
        neo4j_heap="768m",
        neo4j_pagecache="256m",
    )


@pytest.fixture(scope="session")
def neo4j_server():
    settings = _test_settings()
    server = Neo4jServer(settings, log=lambda *_: None)
    already_running = server.pid() is not None
    server.start()
    yield server
    if not already_running and not os.environ.get("CELLKG_TEST_KEEP_NEO4J"):
        server.stop()


@pytest.fixture(scope="session")
def settings(neo4j_server) -> Settings:
    return neo4j_server.settings


@pytest.fixture(scope="session")
def driver(settings):
    driver = open_driver(settings)
    apply_schema(driver, settings.neo4j_database)
    yield driver
    driver.close()


@pytest.fixture
def clean_graph(driver):
    """An empty graph (schema kept) before the test."""
    wipe_graph(driver)
    return driver


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared: the seed corpus and its gold files (CI puts it beside the clone)."""
    if not (SHARED / "corpus").is_dir() or not (SHARED / "eval" / "seeds").is_dir():
        unavailable(f"the shared seed corpus is not at {SHARED}")
    return SHARED


@pytest.fixture
def slow_selected(request):
    """Slow trials run only when asked for (-m slow, or CELLKG_TEST_SLOW=1), so a plain run stays short."""
    if "slow" not in (request.config.getoption("markexpr") or "") and not os.environ.get("CELLKG_TEST_SLOW"):
        pytest.skip("slow: run with -m slow (make test-slow) or CELLKG_TEST_SLOW=1")
