"""The optional read key (CELLKG_READ_KEY): every GraphQL request needs it (or the mutation key), a missing or
wrong key gets a 401 with a GraphQL-style error before the response cache is consulted, health, readiness and
the explorer's files stay open; `cellkg serve` on an address other than loopback needs a key or open reads."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from cellkg.api.app import create_app
from cellkg.core.errors import ConfigError
from cellkg.core.settings import load_settings
from cellkg.ops.api_server import check_read_exposure
from tests.support.api import data, error_messages, gql
from tests.support.cli import run_cellkg

READ_KEY = "read-key-" + "r" * 16
WRITE_KEY = "write-key-" + "w" * 16
STATS = "{ stats { documents } }"
MISSING = "this API needs a read key: send it as 'Authorization: Bearer <key>' (or in the X-API-Key header)"
WRONG = "the read key is not valid"
ORIGIN = "http://explorer.example"


@pytest.fixture(scope="module")
def keyed(settings):
    guarded = settings.with_overrides(read_key=READ_KEY, api_key=WRITE_KEY, api_cors_origins=(ORIGIN,))
    with TestClient(create_app(guarded)) as test_client:
        yield test_client


def bearer(key: str) -> dict:
    return {"Authorization": f"Bearer {key}"}


def refused(response, message: str) -> None:
    """A 401 with a GraphQL-style error and the Bearer challenge (RFC 6750: invalid_token for a wrong key)."""
    assert response.status_code == 401, response.text
    challenge = 'Bearer realm="cellkg"' + (', error="invalid_token"' if message == WRONG else "")
    assert response.headers["www-authenticate"] == challenge
    assert response.json() == {"errors": [{"message": message, "extensions": {"code": "UNAUTHENTICATED"}}]}


def test_a_read_without_a_key_is_refused(graph, keyed):
    refused(keyed.post("/graphql", json={"query": STATS}), MISSING)


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        (bearer("wrong"), WRONG),
        (bearer(READ_KEY + "x"), WRONG),
        ({"X-API-Key": "wrong"}, WRONG),
        ({"Authorization": READ_KEY}, MISSING),  # no Bearer scheme: no key shown
        ({"Authorization": f"Basic {READ_KEY}"}, MISSING),
    ],
)
def test_a_wrong_key_is_refused(graph, keyed, headers, message):
    refused(keyed.post("/graphql", json={"query": STATS}, headers=headers), message)


@pytest.mark.parametrize(
    "headers",
    [
        bearer(READ_KEY),
        {"Authorization": f"bearer {READ_KEY}"},
        {"X-API-Key": READ_KEY},
        {"X-API-Key": WRITE_KEY},  # the mutation key grants reads
        bearer(WRITE_KEY),
        {"Authorization": "Bearer wrong", "X-API-Key": READ_KEY},  # one valid key is enough
    ],
)
def test_the_read_key_or_the_mutation_key_grants_reads(graph, keyed, headers):
    assert gql(keyed, STATS, headers=headers)["data"]["stats"]["documents"] == 3


def test_the_read_key_does_not_grant_mutations(graph, keyed):
    body = gql(keyed, 'mutation { removeDocument(id: "nothing") { removed } }', headers=bearer(READ_KEY))
    assert error_messages(body) == ["mutations need a valid X-API-Key header"]


def test_a_kept_answer_never_reaches_a_caller_without_a_key(graph, keyed, round_trips):
    for _ in range(3):  # asked again and again: kept by the response cache
        gql(keyed, STATS, headers=bearer(READ_KEY))
    round_trips.clear()
    refused(keyed.post("/graphql", json={"query": STATS}), MISSING)
    refused(keyed.post("/graphql", json={"query": STATS}, headers=bearer("wrong")), WRONG)
    assert round_trips == []  # refused before the cache: not even the graph's version was read


def test_reads_over_get_and_websockets_need_the_key(graph, keyed):
    refused(keyed.get("/graphql", params={"query": STATS}), MISSING)
    with pytest.raises(WebSocketDisconnect), keyed.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"]):
        pass
    with keyed.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"], headers=bearer(READ_KEY)) as ws:
        ws.send_json({"type": "connection_init"})
        assert ws.receive_json(mode="binary")["type"] == "connection_ack"  # orjson: bytes


def test_health_readiness_the_explorer_and_its_assets_stay_open(graph, keyed):
    assert keyed.get("/healthz").status_code == 200
    assert keyed.get("/readyz").status_code == 200
    assert keyed.get("/browser/cellkg.grass").status_code == 200
    for path in ("/", "/entity/Target%3Acd19", "/graphql"):  # the app shells: 200, or 503 when not built
        assert keyed.get(path, headers={"Accept": "text/html"}).status_code in (200, 503), path


def test_cross_origin_callers_may_send_the_key_and_read_the_refusal(graph, keyed):
    preflight = keyed.options(
        "/graphql",
        headers={
            "Origin": ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
        },
    )
    assert preflight.status_code == 200
    assert "authorization" in preflight.headers["access-control-allow-headers"].lower()
    response = keyed.post("/graphql", json={"query": STATS}, headers={"Origin": ORIGIN})
    assert response.status_code == 401 and response.headers["access-control-allow-origin"] == ORIGIN


def test_reads_are_open_without_a_read_key(graph, client):
    assert data(client, STATS)["stats"]["documents"] == 3


def test_a_short_read_key_is_refused(monkeypatch):
    monkeypatch.setenv("CELLKG_READ_KEY", "too-short")
    with pytest.raises(ConfigError, match="CELLKG_READ_KEY must be at least 16 characters"):
        load_settings()


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"])
def test_loopback_needs_no_key(settings, host):
    check_read_exposure(settings.with_overrides(api_host=host, read_key="", open_reads=False))


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "cellkg.example"])
def test_other_addresses_need_a_read_key_or_open_reads(settings, host):
    exposed = settings.with_overrides(api_host=host, read_key="", open_reads=False)
    with pytest.raises(ConfigError, match="read the whole graph") as refusal:
        check_read_exposure(exposed)
    assert "CELLKG_READ_KEY" in refusal.value.hint and "--open-reads" in refusal.value.hint
    check_read_exposure(exposed.with_overrides(read_key=READ_KEY))
    check_read_exposure(exposed.with_overrides(open_reads=True))


def test_serve_on_every_address_without_a_key_exits_with_the_hint(tmp_path):
    run = run_cellkg(None, "serve", CELLKG_STATE_DIR=str(tmp_path), CELLKG_API_HOST="0.0.0.0", timeout=60)
    assert run.returncode == 2, run.stderr
    assert "read the whole graph" in run.stderr and "CELLKG_OPEN_READS=true" in run.stderr
