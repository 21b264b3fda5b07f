"""No N+1: a query nested three levels deep costs the same number of Cypher round trips
whatever the page size. The real driver runs every query; a wrapper only counts them."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from cellkg.api.app import create_app
from tests.support.api import data

THREE_LEVELS = """query($first: Int!) { therapies(first: $first) { totalCount edges { node { name
  documents { title }
  targets { confidence evidence { sentence document { title } }
    node { name therapies { node { name trials { node { name conductedAt { node { name } } } } } } } } } } } }"""


@pytest.fixture(scope="module")
def client(settings):
    """Three relation levels under a connection are 10 fields deep: above the default limit of 8."""
    with TestClient(create_app(settings.with_overrides(api_max_depth=12))) as test_client:
        yield test_client


@pytest.mark.parametrize("page_size", [1, 5, 27])
def test_three_levels_cost_a_fixed_number_of_round_trips(graph, client, round_trips, page_size):
    therapies = data(client, THREE_LEVELS, {"first": page_size})["therapies"]
    assert len(therapies["edges"]) == page_size
    # the whole selection is one statement (api.lookahead plans every level into api.cypher's map):
    # the page with its count, documents, targets and their evidence, target.therapies, trials, conductedAt
    assert len(round_trips) == 1, round_trips


def test_entity_with_relations_and_evidence_is_one_round_trip(graph, client, round_trips):
    query = """{ institution(id: "Institution:tsinghuauniversity") { name researchers { node { name } }
      trials { node { name } evidence { sentence } } collaborators { evidence { sentence } } } }"""
    data(client, query)
    assert len(round_trips) == 1, round_trips


def test_fields_below_an_abstract_node_cost_one_round_trip_per_level(graph, client, round_trips):
    """``developedBy`` lists researchers and institutions: fields of one of them (a fragment) come
    with that level's batch like any other, with the same answers."""
    query = """query($first: Int!) { therapies(first: $first) { edges { node { name developedBy { node { name
      ... on Researcher { therapies { node { name targets { node { name } } } } } } } } } } }"""
    therapies = data(client, query, {"first": 27})["therapies"]["edges"]
    researchers = [e["node"] for t in therapies for e in t["node"]["developedBy"] if "therapies" in e["node"]]
    assert researchers and all(r["therapies"] for r in researchers)
    # the page with developedBy; Researcher.therapies (below a fragment: its own batch) with their targets
    assert len(round_trips) == 2, round_trips
