"""Keyset (seek) pages: a page after a cursor starts after the cursor's sort values, not after N
skipped rows, so a walk returns every item exactly once in every order, even when items are added
before the cursor between two pages."""

from __future__ import annotations

import pytest

from cellkg.api.types.pagination import encode_cursor
from cellkg.core.model import Entity
from cellkg.graph.loader import Loader
from tests.support.api import data, document, result

PAGE = """query($first: Int, $after: String, $order: EntityOrder) {
  therapies(first: $first, after: $after, orderBy: $order) {
    totalCount edges { cursor node { id name } } pageInfo { hasNextPage hasPreviousPage endCursor } } }"""
DOCUMENTS = """query($after: String) { documents(first: 1, after: $after) {
  edges { node { id } } pageInfo { hasNextPage endCursor } } }"""


def walk(client, first: int, order: dict | None = None) -> list[str]:
    seen, after = [], None
    while True:
        page = data(client, PAGE, {"first": first, "after": after, "order": order})["therapies"]
        seen += [e["node"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return seen
        assert page["pageInfo"]["hasPreviousPage"] == bool(after)
        after = page["pageInfo"]["endCursor"]


def walk_from(client, after: str) -> list[str]:
    seen = []
    while after:
        page = data(client, PAGE, {"first": 7, "after": after})["therapies"]
        seen += [e["node"]["id"] for e in page["edges"]]
        after = page["pageInfo"]["endCursor"] if page["pageInfo"]["hasNextPage"] else None
    return seen


@pytest.mark.parametrize(
    "order",
    [None, {"field": "ID", "direction": "DESC"}, {"field": "DOCUMENT_COUNT", "direction": "DESC"}],
)
def test_every_item_once_in_every_order(graph, client, order):
    every = walk(client, 27, order)
    assert len(every) == 27 == len(set(every))
    for first in (1, 4, 10):
        assert walk(client, first, order) == every


def test_a_page_after_a_cursor_seeks_instead_of_skipping(graph, client, sent):
    first = data(client, PAGE, {"first": 5})["therapies"]
    sent.clear()
    second = data(client, PAGE, {"first": 5, "after": first["pageInfo"]["endCursor"]})["therapies"]
    statement, parameters = sent[-1]
    assert "$seek" in statement and parameters["skip"] == 0 and len(parameters["seek"]) == 2
    assert second["edges"][0]["node"]["name"] > first["edges"][-1]["node"]["name"]


def test_position_cursors_still_page(graph, client):
    by_position = data(client, PAGE, {"first": 3, "after": encode_cursor(3)})["therapies"]
    assert [e["node"]["id"] for e in by_position["edges"]] == walk(client, 27)[4:7]


def test_documents_page_by_keyset_too(graph, client):
    seen, after = [], None
    while True:
        page = data(client, DOCUMENTS, {"after": after})["documents"]
        seen += [e["node"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == 3 == len(set(seen))


# last: it writes to the module's graph
def test_items_added_before_the_cursor_do_not_repeat_an_item(fresh_graph, client):
    first = data(client, PAGE, {"first": 10})["therapies"]
    early = Entity("Therapy", "AAA-1", ())
    doc = document("early", "en", "AAA-1 is new.", "Early")
    Loader(fresh_graph).load([result(doc, [], (early,))])  # sorts before every item on the first page
    rest = walk_from(client, first["pageInfo"]["endCursor"])
    shown = [e["node"]["id"] for e in first["edges"]] + rest
    assert len(shown) == 27 == len(set(shown)) and early.key not in shown
