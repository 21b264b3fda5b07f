"""Safety limits: depth, aliases, tokens, page size, timeout; introspection and GraphiQL switches;
masked internal errors; CORS."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from cellkg.api.app import create_app
from tests.support.api import error_messages, gql


def limited_client(settings, **overrides) -> TestClient:
    return TestClient(create_app(settings.with_overrides(**overrides)))


def test_depth_limit(graph, client):
    deep = (
        '{ therapy(id: "x") { targets { node { therapies { node { trials { node { studies { node { name } } } } } '
        "} } } } }"
    )
    assert "exceeds maximum operation depth of 8" in error_messages(gql(client, deep))[0]


def test_alias_limit(graph, client):
    many = "{ " + " ".join(f"a{i}: stats {{ documents }}" for i in range(16)) + " }"
    assert "aliases" in error_messages(gql(client, many))[0]


def test_token_limit(graph, client):
    huge = "{ " + " ".join("stats { documents }" for _ in range(700)) + " }"
    assert "token" in error_messages(gql(client, huge))[0].lower()


def test_page_size_limit_on_lists_and_relation_fields(graph, client):
    assert error_messages(gql(client, "{ therapies(first: 101) { edges { cursor } } }")) == [
        "'first' must be between 0 and 100, got 101"
    ]
    assert error_messages(gql(client, "{ targets(last: -1) { edges { cursor } } }")) == [
        "'last' must be between 0 and 100, got -1"
    ]
    nested = '{ therapy(id: "Therapy:ct19cart") { targets(first: 1000) { confidence } } }'
    assert "'first' must be between 0 and 100" in error_messages(gql(client, nested))[0]
    assert "'first'" in error_messages(gql(client, '{ search(text: "x", first: 500) { score } }'))[0]


def test_query_timeout_is_a_user_error(graph, settings, monkeypatch):
    from cellkg.api import cypher

    monkeypatch.setattr(
        cypher,
        "STATS",
        "CALL { UNWIND range(1, 100000000) AS i RETURN sum(i) AS s } RETURN 'entity' AS kind, 'x' AS name, s AS count",
    )
    with limited_client(settings, api_query_timeout_s=1) as slow:
        body = gql(slow, "{ stats { documents } }")
    assert error_messages(body) == ["the query took longer than 1 s; ask for less (smaller pages, fewer nested fields)"]


def test_introspection_and_graphiql_can_be_switched_off(graph, settings, client):
    introspect = "{ __schema { queryType { name } } }"
    assert "errors" not in gql(client, introspect)
    assert "graphiql" in client.get("/graphql", headers={"Accept": "text/html"}).text.lower()
    with limited_client(settings, api_introspection=False, api_graphiql=False) as locked:
        assert "introspection has been disabled" in error_messages(gql(locked, introspect))[0]
        assert locked.get("/graphql", headers={"Accept": "text/html"}).status_code == 404


def test_internal_errors_are_masked(graph, settings, monkeypatch):
    from cellkg.api import cypher

    monkeypatch.setattr(cypher, "STATS", "THIS IS NOT CYPHER")
    with limited_client(settings) as broken:
        body = gql(broken, "{ stats { documents } }")
    assert error_messages(body) == ["Internal error; the server log has the details."]
    assert "CYPHER" not in str(body)


def test_neo4j_down_gives_a_clear_error_and_503(settings):
    with limited_client(settings, bolt_port=1, neo4j_uri="bolt://127.0.0.1:1") as down:
        assert down.get("/healthz").json() == {"status": "ok"}
        ready = down.get("/readyz")
        assert ready.status_code == 503 and "unavailable" in ready.json()["reason"]
        assert error_messages(gql(down, "{ stats { documents } }")) == [
            "the graph database is unavailable; try again shortly"
        ]


@pytest.mark.parametrize("origin, allowed", [("https://lab.example", True), ("https://evil.example", False)])
def test_cors_only_for_configured_origins(settings, origin, allowed):
    with limited_client(settings, api_cors_origins=("https://lab.example",)) as cors:
        response = cors.options("/graphql", headers={"Origin": origin, "Access-Control-Request-Method": "POST"})
    assert (response.headers.get("access-control-allow-origin") == origin) is allowed
