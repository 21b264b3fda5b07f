"""The API tests' graph and client: the bilingual graph of tests/support/api.py in the session
Neo4j, and a TestClient of the real app (its lifespan runs: the driver pool opens and closes)."""

from __future__ import annotations

import pytest
from neo4j import AsyncDriver
from starlette.testclient import TestClient

from cellkg.api.app import create_app
from cellkg.graph.db import wipe_graph
from cellkg.graph.loader import Loader
from tests.support.api import bilingual_results


@pytest.fixture(scope="module")
def graph(driver):
    """The test graph, loaded once per module of read-only tests (wiped as clean_graph does)."""
    wipe_graph(driver)
    Loader(driver).load(bilingual_results())
    return driver


@pytest.fixture
def fresh_graph(clean_graph):
    """The test graph loaded anew for a test that writes."""
    Loader(clean_graph).load(bilingual_results())
    return clean_graph


@pytest.fixture(scope="module")
def client(settings):
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def _recording(monkeypatch, keep) -> list:
    """Patch the driver so each statement it runs (for real) is also appended, as ``keep(text, parameters)``."""
    calls: list = []
    original = AsyncDriver.execute_query

    async def recording(self, query, parameters=None, *args, **kwargs):
        calls.append(keep(query.text, parameters))
        return await original(self, query, parameters, *args, **kwargs)

    monkeypatch.setattr(AsyncDriver, "execute_query", recording)
    return calls


@pytest.fixture
def round_trips(monkeypatch) -> list[str]:
    """The Cypher statements the API sends while the test runs (the real driver runs each of them)."""
    return _recording(monkeypatch, lambda text, _: text)


@pytest.fixture
def sent(monkeypatch) -> list[tuple[str, dict]]:
    """Every statement the API sends, with its parameters (the real driver runs them)."""
    return _recording(monkeypatch, lambda text, parameters: (text, dict(parameters or {})))
