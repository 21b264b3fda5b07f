"""``aggregate``: exact counts by entity type, relation type, document language and publication month on
the bilingual test graph with publication dates of every precision; only selected lists are computed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cellkg.api.aggregate import DOCUMENTS_BY_LANGUAGE, DOCUMENTS_BY_MONTH, ENTITIES_BY_TYPE
from cellkg.graph.db import wipe_graph
from cellkg.graph.loader import Loader
from cellkg.graph.version import READ_VERSION
from tests.support.api import bilingual_results, data, document, error_messages, gql, result

# publication dates as precise as sources give them; the catalogue's year alone has no month
PUBLISHED = {"en-ct19": "2024-03-15", "zh-ct19": "2024-03", "catalogue": "2023"}
NOVEMBER_NOTE = document("november-note", "zh", "2023年11月的一份说明。", "说明")
UNDATED_NOTE = document("undated-note", "en", "A note without a date.", "Note")

AGGREGATE = """{ aggregate { entitiesByType { key count } relationsByType { key count }
  documentsByLanguage { key count } documentsByMonth { key count } } }"""
MONTHS = "query($from: String, $to: String) { aggregate { documentsByMonth(from: $from, to: $to) { key count } } }"


@pytest.fixture(scope="module")
def dated_graph(driver):
    results = [
        replace(r, document=replace(r.document, published_at=PUBLISHED[r.document.name])) for r in bilingual_results()
    ]
    november = result(replace(NOVEMBER_NOTE, published_at="2023-11-02"), [])
    wipe_graph(driver)
    Loader(driver).load([*results, november, result(UNDATED_NOTE, [])])
    return driver


def groups(rows: list[dict]) -> list[tuple]:
    return [(row["key"], row["count"]) for row in rows]


def test_counts_by_type_language_and_month(dated_graph, client):
    counts = data(client, AGGREGATE)["aggregate"]
    assert groups(counts["entitiesByType"]) == [
        ("Therapy", 27),  # CT-19, BX-22 and the catalogue's 25
        ("Disease", 2),
        ("Institution", 2),
        ("Target", 2),
        ("Researcher", 1),
        ("Trial", 1),
    ]
    assert groups(counts["relationsByType"]) == [  # CT-19's denied BCMA target is left out
        ("DEVELOPS", 2),
        ("TARGETS", 2),
        ("TREATS", 2),
        ("AFFILIATED_WITH", 1),
        ("COLLABORATES_WITH", 1),
        ("CONDUCTED_AT", 1),
        ("STUDIES", 1),
        ("TESTED_IN", 1),
    ]
    assert groups(counts["documentsByLanguage"]) == [("en", 3), ("zh", 2)]
    # the catalogue (a year alone) and the undated note have no publication month
    assert groups(counts["documentsByMonth"]) == [("2023-11", 1), ("2024-03", 2), (None, 2)]


def test_negated_relations_on_request(dated_graph, client):
    query = "{ aggregate { relationsByType(includeNegated: true) { key count } } }"
    assert groups(data(client, query)["aggregate"]["relationsByType"])[0] == ("TARGETS", 3)


def test_months_between_bounds_leave_the_unknown_month_out(dated_graph, client):
    def months(**bounds: str) -> list[tuple]:
        return groups(data(client, MONTHS, bounds)["aggregate"]["documentsByMonth"])

    assert months(**{"from": "2024-01"}) == [("2024-03", 2)]
    assert months(to="2023-12") == [("2023-11", 1)]
    assert months(**{"from": "2023-11", "to": "2024-03"}) == [("2023-11", 1), ("2024-03", 2)]
    assert months(**{"from": "2024-04"}) == []


@pytest.mark.parametrize("bound", ["2024", "2024-13", "2024-3", "March 2024", "2024-03-01"])
def test_a_bound_that_is_not_a_month_is_refused(dated_graph, client, bound):
    assert error_messages(gql(client, MONTHS, {"from": bound})) == [f"'from' must be a month as YYYY-MM, got {bound!r}"]


def test_only_the_selected_lists_are_computed(dated_graph, client, round_trips):
    data(client, "{ aggregate { documentsByLanguage { key } } }")
    assert round_trips == [DOCUMENTS_BY_LANGUAGE]
    round_trips.clear()
    data(client, "{ aggregate { entitiesByType { count } documentsByMonth { count } } }")
    assert sorted(round_trips) == sorted([ENTITIES_BY_TYPE, DOCUMENTS_BY_MONTH])


def test_a_repeated_aggregate_is_answered_from_the_response_cache(dated_graph, client, round_trips):
    query = "{ aggregate { entitiesByType { key count } documentsByLanguage { key count } } }"
    first = data(client, query)
    assert data(client, query) == first  # asked twice: now kept under the graph's version
    round_trips.clear()
    assert data(client, query) == first
    assert round_trips == [READ_VERSION]


def test_an_empty_graph_has_no_groups(clean_graph, client):
    counts = data(client, AGGREGATE)["aggregate"]
    assert counts == {"entitiesByType": [], "relationsByType": [], "documentsByLanguage": [], "documentsByMonth": []}
