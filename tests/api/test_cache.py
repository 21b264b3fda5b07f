"""The response cache (api/cache.py) on the real app and the session Neo4j: a repeated read is served
from memory while the graph is unchanged, and never after a load or a retraction changed it."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from cellkg.api.app import create_app
from cellkg.api.cache import ResponseCache, reads_only
from cellkg.graph.db import wipe_graph
from cellkg.graph.loader import Loader
from cellkg.graph.version import READ_VERSION
from tests.support.api import CATALOGUE_DOC, EN_DOC, ZH_DOC, bilingual_results, data, gql

THERAPIES = "{ therapies(first: 50) { totalCount edges { node { name } } } }"
BCMA_TARGETERS = """{ target(id: "Target:bcma") { therapies(includeNegated: true) { negated node { name } } } }"""


@pytest.fixture
def client(settings):
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def therapy_names(client) -> list[str]:
    return sorted(e["node"]["name"] for e in data(client, THERAPIES)["therapies"]["edges"])


def test_no_stale_answer_after_ingest_or_remove(clean_graph, client, round_trips):
    en, zh, catalogue = bilingual_results()
    loader = Loader(clean_graph)
    loader.load([en])
    first = therapy_names(client)
    assert first == ["CT-19 CAR-T"]
    assert therapy_names(client) == first  # asked twice: now kept
    round_trips.clear()
    assert therapy_names(client) == first
    assert round_trips == [READ_VERSION]  # served from memory: only the version was read

    loader.load([zh, catalogue])  # ingest more
    more = therapy_names(client)
    assert more[:2] == ["BX-22", "CT-19 CAR-T"] and len(more) == 27

    loader.remove(EN_DOC.doc_id)  # CT-19 is still named by the Chinese document
    loader.remove(ZH_DOC.doc_id)  # now nobody names CT-19 or BX-22
    after = therapy_names(client)
    assert "CT-19 CAR-T" not in after and "BX-22" not in after and len(after) == 25
    loader.remove(CATALOGUE_DOC.doc_id)
    assert therapy_names(client) == []


def test_a_kept_answer_is_per_query_and_variables(clean_graph, client):
    Loader(clean_graph).load(bilingual_results())
    query = "query($id: ID!) { entity(id: $id) { name } }"
    for _ in range(3):
        assert data(client, query, {"id": "Target:cd19"})["entity"]["name"] == "CD19"
        assert data(client, query, {"id": "Target:bcma"})["entity"]["name"] == "BCMA"
    negated = data(client, BCMA_TARGETERS)["target"]["therapies"]
    assert {(e["node"]["name"], e["negated"]) for e in negated} == {("CT-19 CAR-T", True), ("BX-22", False)}


def test_answers_with_errors_are_not_kept(clean_graph, client, round_trips):
    Loader(clean_graph).load(bilingual_results())
    half_wrong = '{ cd19: entity(id: "Target:cd19") { name } path(from: "Target:cd19", to: "Target:cd19") { length } }'
    for _ in range(3):
        body = gql(client, half_wrong)
        assert body["data"]["cd19"]["name"] == "CD19" and body["errors"]
    round_trips.clear()
    gql(client, half_wrong)
    assert round_trips[0] == READ_VERSION and len(round_trips) == 2  # answered anew, not from memory


def test_only_reads_are_cacheable():
    assert reads_only("{ stats { documents } }", 100)
    assert reads_only("query A { stats { documents } } query B { stats { evidence } }", 100)
    assert not reads_only('mutation { removeDocument(id: "x") }', 100)
    assert not reads_only('query A { stats { documents } } mutation B { removeDocument(id: "x") }', 100)
    assert not reads_only("{ stats { documents ", 100)  # strawberry reports the syntax error
    assert not reads_only("{ stats { documents evidence } }", 3)  # over the token limit


def test_a_wiped_graph_is_not_cached(clean_graph, client, round_trips):
    Loader(clean_graph).load(bilingual_results())
    for _ in range(3):
        assert len(therapy_names(client)) == 27
    wipe_graph(clean_graph)  # no loader ran: the version node went with everything else
    round_trips.clear()
    assert therapy_names(client) == []
    assert READ_VERSION in round_trips and len(round_trips) == 2


def test_credentials_are_part_of_the_key(clean_graph, client, round_trips):
    Loader(clean_graph).load(bilingual_results())
    for _ in range(3):
        gql(client, THERAPIES)
    round_trips.clear()
    gql(client, THERAPIES, headers={"X-API-Key": "someone else's key"})
    assert round_trips != [READ_VERSION]  # another caller's kept answer is not served


def test_only_the_current_versions_answers_are_kept():
    cache = ResponseCache(max_entries=2, max_bytes=1000)
    cache.get("v1", ("a",))
    cache.put("v1", ("a",), [], b"A1")
    assert cache.get("v1", ("a",)) == ([], b"A1")
    assert cache.get("v2", ("a",)) is None and len(cache) == 0  # a new version empties the cache
    cache.put("v1", ("a",), [], b"late")  # computed under the version the graph left: dropped
    assert cache.get("v2", ("a",)) is None
    for name in ("a", "b", "c"):
        cache.put("v2", (name,), [], name.encode())
    assert len(cache) == 2 and cache.get("v2", ("a",)) is None  # least recently used went first
    assert not cache.wanted(("d",)) and cache.wanted(("d",)) and cache.wanted(("c",))
