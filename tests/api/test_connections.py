"""Relation connections (``targetsConnection`` beside ``targets``): exact pages on the known graph,
keyset walks through a hub's edges in every order, counts that agree with the lists, connections
nested in connections fetched in one Cypher statement, and clear errors for bad cursors."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from cellkg.api.app import create_app
from cellkg.api.types.pagination import encode_cursor
from cellkg.core.model import Entity
from cellkg.graph.loader import Loader
from cellkg.graph.version import READ_VERSION
from tests.support.api import BCMA, CD19, CT19, ZHANG, data, document, error_messages, gql, result

HUB = Entity("Target", "HUB7", ())
SPOKES = tuple(Entity("Therapy", f"Spoke-{i:02d}", ()) for i in range(23))
SORT_FIELDS = {"CONFIDENCE": "confidence", "EVIDENCE_COUNT": "evidenceCount", "DOCUMENT_COUNT": "documentCount"}

HUB_PAGE = """query($id: ID!, $first: Int!, $after: String, $order: RelationOrder, $min: Float! = 0,
    $negated: Boolean! = false) {
  target(id: $id) { therapiesConnection(first: $first, after: $after, orderBy: $order,
      minConfidence: $min, includeNegated: $negated) {
    totalCount
    edges { cursor relationId confidence evidenceCount documentCount node { id } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }"""
HUB_LIST = """query($id: ID!, $min: Float! = 0, $negated: Boolean! = false) { target(id: $id) {
  therapies(first: 100, minConfidence: $min, includeNegated: $negated) { cursor relationId node { id } } } }"""


def hub_results():
    """Spoke-i targets HUB7 in 1 + i % 3 documents, twice in the first one when i % 4 == 0, so the
    edges' confidence, evidence and document counts vary and tie; every claim on Spoke-22 is negated."""
    results = []
    for d in range(3):
        claims = []
        for i, spoke in enumerate(SPOKES):
            if d <= i % 3:
                negated = i == 22
                claims.append(("TARGETS", spoke, HUB, f"{spoke.name} targets HUB7 (source {d}).", negated))
                if d == 0 and i % 4 == 0:
                    claims.append(("TARGETS", spoke, HUB, f"HUB7 is what {spoke.name} is aimed at.", negated))
        text = " ".join(sentence for *_, sentence, _ in claims)
        results.append(result(document(f"hub-{d}", "en", text, f"Hub {d}"), claims))
    return results


@pytest.fixture(scope="module")
def hub_graph(graph):
    """The bilingual test graph and a target with 23 therapies."""
    Loader(graph).load(hub_results())
    return graph


@pytest.fixture(scope="module")
def client(settings):
    """Three connection levels below a list are 13 fields deep: above the default limit of 8."""
    with TestClient(create_app(settings.with_overrides(api_max_depth=14))) as test_client:
        yield test_client


def hub_page(client, first: int, after: str | None = None, order: dict | None = None, **filters) -> dict:
    variables = {"id": HUB.key, "first": first, "after": after, "order": order, **filters}
    return data(client, HUB_PAGE, variables)["target"]["therapiesConnection"]


def walk(client, first: int, order: dict | None) -> list[dict]:
    edges, after = [], None
    while True:
        page = hub_page(client, first, after, order)
        edges += page["edges"]
        assert page["pageInfo"]["hasPreviousPage"] == (after is not None)
        if not page["pageInfo"]["hasNextPage"]:
            return edges
        after = page["pageInfo"]["endCursor"]


def test_a_connection_is_its_list_in_pages(hub_graph, client):
    query = """query($id: ID!) { therapy(id: $id) {
      targets(includeNegated: true) { relationId confidence evidenceCount documentCount negated node { id } }
      targetsConnection(includeNegated: true) { totalCount
        edges { relationId confidence evidenceCount documentCount negated node { id } }
        pageInfo { hasNextPage hasPreviousPage } } } }"""
    therapy = data(client, query, {"id": CT19.key})["therapy"]
    connection = therapy["targetsConnection"]
    assert [(e["node"]["id"], e["evidenceCount"], e["documentCount"], e["negated"]) for e in connection["edges"]] == [
        (CD19.key, 2, 2, False),  # an English and a Chinese sentence
        (BCMA.key, 1, 1, True),  # "does not target BCMA"
    ]
    assert connection["edges"][0]["confidence"] == pytest.approx(0.96)  # noisy-OR of 0.8 and 0.8
    assert connection["edges"] == therapy["targets"] and connection["totalCount"] == 2
    assert connection["pageInfo"] == {"hasNextPage": False, "hasPreviousPage": False}


def test_the_count_and_the_page_follow_the_filters(hub_graph, client):
    for filters in ({}, {"negated": True}, {"min": 0.9}, {"min": 0.99, "negated": True}):
        listed = data(client, HUB_LIST, {"id": HUB.key, **filters})["target"]["therapies"]
        page = hub_page(client, 100, **filters)
        assert page["totalCount"] == len(listed) == len(page["edges"]), filters
        assert [e["relationId"] for e in page["edges"]] == [e["relationId"] for e in listed]
    assert hub_page(client, 100)["totalCount"] == 22  # Spoke-22's only claim is negated
    assert hub_page(client, 100, min=0.9)["totalCount"] == 16  # two positive sentences or more


def test_has_next_page_is_exact(hub_graph, client):
    assert hub_page(client, 22)["pageInfo"]["hasNextPage"] is False
    assert hub_page(client, 21)["pageInfo"]["hasNextPage"] is True
    empty = hub_page(client, 0)
    assert empty["edges"] == [] and empty["pageInfo"]["endCursor"] is None and empty["totalCount"] == 22


def expected_order(edges: list[dict], field: str, direction: str) -> list[str]:
    """Relation keys sorted as the connection promises: by the field, ties by the key ascending."""
    if field == "ID":
        return sorted((e["relationId"] for e in edges), reverse=direction == "DESC")
    sign = -1 if direction == "DESC" else 1
    return [e["relationId"] for e in sorted(edges, key=lambda e: (sign * e[SORT_FIELDS[field]], e["relationId"]))]


@pytest.mark.parametrize("direction", ["ASC", "DESC"])
@pytest.mark.parametrize("field", ["CONFIDENCE", "EVIDENCE_COUNT", "DOCUMENT_COUNT", "ID"])
def test_walking_a_hub_gives_every_edge_once_in_order(hub_graph, client, field, direction):
    order = {"field": field, "direction": direction}
    whole = hub_page(client, 100, order=order)["edges"]
    assert len(whole) == 22 and [e["relationId"] for e in whole] == expected_order(whole, field, direction)
    for first in (1, 5, 7):
        assert walk(client, first, order) == whole


def test_the_default_order_is_the_lists_and_takes_its_cursors(hub_graph, client):
    listed = data(client, HUB_LIST, {"id": HUB.key})["target"]["therapies"]
    assert [e["relationId"] for e in walk(client, 4, None)] == [e["relationId"] for e in listed]
    rest = hub_page(client, 100, after=listed[9]["cursor"])
    assert [e["relationId"] for e in rest["edges"]] == [e["relationId"] for e in listed[10:]]
    assert rest["pageInfo"]["hasPreviousPage"] is True


NESTED = """query($id: ID!) { researcher(id: $id) { therapiesConnection { totalCount edges { node { id
  targetsConnection(first: 1, includeNegated: true) { totalCount edges { node { id } }
    pageInfo { hasNextPage endCursor } } } } } } }"""


def test_a_connection_inside_a_connection(hub_graph, client):
    therapies = data(client, NESTED, {"id": ZHANG.key})["researcher"]["therapiesConnection"]
    assert therapies["totalCount"] == 1 and therapies["edges"][0]["node"]["id"] == CT19.key
    targets = therapies["edges"][0]["node"]["targetsConnection"]
    assert targets["totalCount"] == 2 and [e["node"]["id"] for e in targets["edges"]] == [CD19.key]
    assert targets["pageInfo"]["hasNextPage"] is True
    after = """query($id: ID!, $after: String) { therapy(id: $id) {
      targetsConnection(after: $after, includeNegated: true) { edges { node { id } } pageInfo { hasNextPage } } } }"""
    rest = data(client, after, {"id": CT19.key, "after": targets["pageInfo"]["endCursor"]})["therapy"]
    rest = rest["targetsConnection"]
    assert [e["node"]["id"] for e in rest["edges"]] == [BCMA.key] and rest["pageInfo"]["hasNextPage"] is False


THREE_LEVELS = """query($after: String) { therapies(first: 50) { edges { node { id
  targetsConnection(first: 3, includeNegated: true) { totalCount edges { cursor evidence { sentence } node { id
    therapiesConnection(first: 4, after: $after, orderBy: {field: ID, direction: ASC}) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id
        diseasesConnection { totalCount edges { confidence node { name } } } } } } } } } } } } }"""


def test_three_connection_levels_are_one_statement(hub_graph, client, round_trips):
    first = data(client, THREE_LEVELS)["therapies"]["edges"]
    spokes = [e for e in first if e["node"]["id"] == SPOKES[0].key]
    hub = spokes[0]["node"]["targetsConnection"]["edges"][0]["node"]["therapiesConnection"]
    assert hub["totalCount"] == 22 and hub["pageInfo"]["hasNextPage"] is True and len(hub["edges"]) == 4
    ct19 = next(e for e in first if e["node"]["id"] == CT19.key)["node"]["targetsConnection"]["edges"]
    cd19 = next(e["node"]["therapiesConnection"] for e in ct19 if e["node"]["id"] == CD19.key)
    assert cd19["edges"][0]["node"]["diseasesConnection"]["edges"][0]["node"]["name"] == "B-cell lymphoma"
    # a cursor on the second level is planned too
    second = data(client, THREE_LEVELS, {"after": hub["pageInfo"]["endCursor"]})["therapies"]["edges"]
    assert len([s for s in round_trips if s != READ_VERSION]) == 2, round_trips
    assert [s for s in round_trips if s != READ_VERSION][0].count("total: COUNT {") == 3  # one count per level
    paged = next(e for e in second if e["node"]["id"] == SPOKES[0].key)["node"]["targetsConnection"]["edges"][0]
    by_key = [e["node"]["id"] for e in hub_page(client, 8, order={"field": "ID", "direction": "ASC"})["edges"]]
    assert [e["node"]["id"] for e in hub["edges"]] == by_key[:4]
    assert [e["node"]["id"] for e in paged["node"]["therapiesConnection"]["edges"]] == by_key[4:]


CONNECTION = """therapiesConnection(first: 1, after: $after, orderBy: {field: DOCUMENT_COUNT}) { totalCount
  edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } }"""
BELOW_A_FRAGMENT = f"""query($id: ID!, $after: String) {{ therapy(id: $id) {{ developedByConnection {{ edges {{ node {{
  ... on Researcher {{ {CONNECTION} }} }} }} }} }} }}"""
PLANNED = f"""query($id: ID!, $after: String) {{ researcher(id: $id) {{ {CONNECTION} }} }}"""


def test_a_connection_the_plan_leaves_out_is_loaded_by_level(hub_graph, client, round_trips):
    """Below a fragment on an abstract neighbour, a connection resolves through a DataLoader: one
    batch for its level, and the same page as when it is planned."""
    first_page = data(client, PLANNED, {"id": ZHANG.key})["researcher"]["therapiesConnection"]
    for after in (None, first_page["pageInfo"]["endCursor"]):
        round_trips.clear()
        found = data(client, BELOW_A_FRAGMENT, {"id": CT19.key, "after": after})["therapy"]
        assert len(round_trips) == 2, round_trips
        loaded = next(e["node"]["therapiesConnection"] for e in found["developedByConnection"]["edges"] if e["node"])
        assert loaded == data(client, PLANNED, {"id": ZHANG.key, "after": after})["researcher"]["therapiesConnection"]
        assert loaded["totalCount"] == 1 and len(loaded["edges"]) == (after is None)
        assert loaded["pageInfo"]["hasPreviousPage"] == (after is not None)


@pytest.mark.parametrize(
    "cursor",
    [
        "not-a-cursor",
        encode_cursor(3),  # a position, as a top-level list's backward pages give
        encode_cursor(0, ["Spoke-01"]),  # an ID-ordered edge's, for the default order
        encode_cursor(0, [0.8, 7]),  # a key that is no text
    ],
)
def test_a_bad_cursor_is_a_clear_error(hub_graph, client, cursor):
    query = """query($id: ID!, $after: String) { target(id: $id) { therapiesConnection(after: $after) {
      edges { node { id } } } } }"""
    body = gql(client, query, {"id": HUB.key, "after": cursor})
    (message,) = error_messages(body)
    assert message.startswith("invalid cursor: pass a cursor this"), message
    assert body["errors"][0]["path"] == ["target", "therapiesConnection"]
