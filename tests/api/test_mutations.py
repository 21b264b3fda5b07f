"""Mutations: disabled without a server key; need the right X-API-Key; ingest and remove work."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from cellkg.api.app import create_app
from tests.support.api import EN_DOC, data, error_messages, gql, graph_fingerprint

KEY = "k" * 12 + "-secret-key"
REMOVE = "mutation($id: ID!) { removeDocument(id: $id) { documentId removed } }"
INGEST = """mutation($text: String!) { ingestDocument(text: $text, name: "api-note", source: "test://api-note") {
  documentId loaded entities relations evidence } }"""
TEXT = "Zhang Minghui of Tsinghua University developed CT-19 CAR-T, which targets CD19."


@pytest.fixture(scope="module")
def keyed(settings):
    with TestClient(create_app(settings.with_overrides(api_key=KEY))) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def keyless(settings):
    with TestClient(create_app(settings.with_overrides(api_key=""))) as test_client:
        yield test_client


def test_mutations_disabled_without_a_server_key(fresh_graph, keyless):
    before = graph_fingerprint(fresh_graph)
    body = gql(keyless, REMOVE, {"id": EN_DOC.doc_id}, headers={"X-API-Key": KEY})
    assert error_messages(body) == ["mutations are disabled: the server was started without CELLKG_API_KEY"]
    assert graph_fingerprint(fresh_graph) == before


@pytest.mark.parametrize("headers", [{}, {"X-API-Key": "wrong"}, {"X-API-Key": KEY + "x"}, {"X-API-Key": ""}])
def test_missing_or_wrong_key_is_refused(fresh_graph, keyed, headers):
    before = graph_fingerprint(fresh_graph)
    assert error_messages(gql(keyed, REMOVE, {"id": EN_DOC.doc_id}, headers=headers)) == [
        "mutations need a valid X-API-Key header"
    ]
    assert graph_fingerprint(fresh_graph) == before


def test_remove_with_the_right_key_retracts_the_document(fresh_graph, keyed):
    body = gql(keyed, REMOVE, {"id": EN_DOC.doc_id}, headers={"X-API-Key": KEY})
    assert body["data"]["removeDocument"] == {"documentId": EN_DOC.doc_id, "removed": True}
    assert data(keyed, "query($id: ID!) { document(id: $id) { id } }", {"id": EN_DOC.doc_id})["document"] is None
    # the trial only the English document named is gone; CD19 survives through the Chinese one
    assert data(keyed, '{ trial(id: "Trial:nct01234567") { id } }')["trial"] is None
    target = data(keyed, '{ target(id: "Target:cd19") { therapies { evidenceCount } } }')["target"]
    assert target["therapies"] == [{"evidenceCount": 1}]
    again = gql(keyed, REMOVE, {"id": EN_DOC.doc_id}, headers={"X-API-Key": KEY})
    assert again["data"]["removeDocument"]["removed"] is False


def test_ingest_with_the_right_key(fresh_graph, keyed):
    body = gql(keyed, INGEST, {"text": TEXT}, headers={"X-API-Key": KEY})
    assert "errors" not in body, body["errors"]
    result = body["data"]["ingestDocument"]
    assert result["loaded"] is True and result["entities"] > 0
    found = data(keyed, "query($id: ID!) { document(id: $id) { name source } }", {"id": result["documentId"]})
    assert found["document"] == {"name": "api-note", "source": "test://api-note"}
    repeat = gql(keyed, INGEST, {"text": TEXT}, headers={"X-API-Key": KEY})["data"]["ingestDocument"]
    assert repeat["loaded"] is False and repeat["documentId"] == result["documentId"]
