"""Relay pagination over the 27 therapies: pages forwards and backwards, the edges, bad cursors,
and totalCount computed only when selected."""

from __future__ import annotations

from tests.support.api import data, error_messages, gql

PAGE = """query($first: Int, $after: String, $last: Int, $before: String, $f: TherapyFilter) {
  therapies(first: $first, after: $after, last: $last, before: $before, filter: $f) {
    edges { cursor node { name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"""
COUNTED = "query($f: TherapyFilter) { therapies(filter: $f, first: 2) { totalCount edges { node { name } } } }"


def page(client, **variables) -> dict:
    return data(client, PAGE, variables)["therapies"]


def names(connection: dict) -> list[str]:
    return [e["node"]["name"] for e in connection["edges"]]


def test_walks_forward_to_the_last_page(graph, client):
    seen, after = [], None
    while True:
        result = page(client, first=10, after=after)
        seen += names(result)
        if not result["pageInfo"]["hasNextPage"]:
            break
        after = result["pageInfo"]["endCursor"]
    assert len(seen) == 27 == len(set(seen)) and seen == sorted(seen)
    assert len(names(result)) == 7 and result["pageInfo"]["hasPreviousPage"]


def test_backwards_with_last_and_before(graph, client):
    tail = page(client, last=3)
    assert names(tail) == ["Gen-23", "Gen-24", "Gen-25"] and not tail["pageInfo"]["hasNextPage"]
    before = page(client, last=2, before=tail["pageInfo"]["startCursor"])
    assert names(before) == ["Gen-21", "Gen-22"] and before["pageInfo"]["hasNextPage"]


def test_empty_results_and_pages_past_the_end(graph, client):
    empty = page(client, first=5, f={"name": {"equals": "no such therapy"}})
    assert empty["edges"] == [] and empty["pageInfo"] == {
        "hasNextPage": False,
        "hasPreviousPage": False,
        "startCursor": None,
        "endCursor": None,
    }
    last = page(client, first=30)["edges"][-1]["cursor"]
    assert page(client, first=5, after=last)["edges"] == []
    assert page(client, first=0)["edges"] == []


def test_bad_cursors_and_conflicting_arguments_are_user_errors(graph, client):
    for cursor in ("nonsense", "Y2VsbGtnOi0x", "%%%", ""):
        body = gql(client, PAGE, {"first": 2, "after": cursor})
        assert error_messages(body) == ["invalid cursor: pass a cursor this API returned"], body
    body = gql(client, PAGE, {"first": 2, "last": 2})
    assert error_messages(body) == ["pass either 'first' or 'last', not both"]


def test_total_count_only_when_selected(graph, client, round_trips):
    counted = data(client, COUNTED, {"f": {"name": {"startsWith": "gen-"}}})["therapies"]
    assert counted["totalCount"] == 25 and len(counted["edges"]) == 2
    assert "count(n) AS total" in round_trips[-1]
    uncounted = data(client, "{ therapies(first: 2) { edges { node { name } } } }")["therapies"]
    assert len(uncounted["edges"]) == 2 and "count(n)" not in round_trips[-1]
    fragment = "{ therapies(first: 1) { ...Counted } } fragment Counted on TherapyConnection { totalCount }"
    assert data(client, fragment)["therapies"]["totalCount"] == 27
