"""Entity list filters with AND / OR / NOT, ``id: {eq, in}`` and ``documentCount`` comparisons,
against the real Neo4j: exact answers on the bilingual test graph (27 therapies: CT-19 CAR-T in
both documents, BX-22 in the Chinese one, Gen-01…Gen-25 in a catalogue), values that look like
Cypher kept as values, and bad filters refused with a message."""

from __future__ import annotations

import pytest

from tests.support.api import BX22, CD19, CT19, TRIAL, TSINGHUA, data, error_messages, gql, graph_fingerprint

THERAPIES = """query($f: TherapyFilter, $first: Int = 50, $after: String, $order: EntityOrder) {
  therapies(filter: $f, first: $first, after: $after, orderBy: $order) {
    totalCount edges { node { id name } } pageInfo { hasNextPage endCursor } } }"""
CATALOGUE = [f"Gen-{i:02d}" for i in range(1, 26)]


def therapies(client, f: dict) -> list[str]:
    return [e["node"]["name"] for e in data(client, THERAPIES, {"f": f})["therapies"]["edges"]]


def count(client, f: dict) -> int:
    return data(client, THERAPIES, {"f": f, "first": 0})["therapies"]["totalCount"]


def refused(client, f: dict, type_name: str = "TherapyFilter", field: str = "therapies") -> list[str]:
    body = gql(client, f"query($f: {type_name}) {{ {field}(filter: $f) {{ totalCount }} }}", {"f": f})
    assert body["data"] is None
    return error_messages(body)


def test_id_eq_and_in(graph, client):
    assert therapies(client, {"id": {"in": [CT19.key, BX22.key, "Therapy:nope"]}}) == ["BX-22", "CT-19 CAR-T"]
    assert therapies(client, {"id": {"eq": BX22.key}}) == ["BX-22"]
    assert therapies(client, {"id": {"eq": BX22.key, "in": [CT19.key]}}) == []  # every operator given must hold
    assert therapies(client, {"id": {"in": [CD19.key]}}) == []  # a key of another type


def test_document_count_comparisons(graph, client):
    assert therapies(client, {"documentCount": {"gte": 2}}) == ["CT-19 CAR-T"]
    assert count(client, {"documentCount": {"eq": 1}}) == 26
    assert count(client, {"documentCount": {"in": [1, 2]}}) == 27
    assert count(client, {"documentCount": {"gt": 1, "lt": 2}}) == 0
    query = "{ institutions(filter: {documentCount: {gt: 1}}) { edges { node { name } } } }"
    assert [e["node"]["name"] for e in data(client, query)["institutions"]["edges"]] == ["Tsinghua University"]
    query = "{ targets(filter: {documentCount: {lte: 1}}) { totalCount } }"
    assert data(client, query)["targets"]["totalCount"] == 0  # CD19 and BCMA: both documents


def test_or_keeps_what_any_part_keeps(graph, client):
    found = therapies(client, {"OR": [{"name": {"equals": "bx-22"}}, {"targets": {"name": "CD19"}}]})
    assert found == ["BX-22", "CT-19 CAR-T"]
    assert therapies(client, {"OR": [{"id": {"eq": BX22.key}}]}) == ["BX-22"]


def test_not_keeps_what_its_filter_drops(graph, client):
    assert therapies(client, {"NOT": {"name": {"startsWith": "gen-"}}}) == ["BX-22", "CT-19 CAR-T"]
    assert count(client, {"NOT": {"targets": {"id": CD19.key}}}) == 26
    assert count(client, {"NOT": {}}) == 0 and count(client, {}) == 27


def test_own_fields_and_parts_must_all_hold(graph, client):
    both = {"mentionedInLanguage": "ZH", "AND": [{"documentCount": {"gte": 1}}, {"NOT": {"id": {"eq": BX22.key}}}]}
    assert therapies(client, both) == ["CT-19 CAR-T"]
    either = {"mentionedInLanguage": "ZH", "OR": [{"name": {"startsWith": "BX"}}, {"name": {"startsWith": "CT"}}]}
    assert therapies(client, either) == ["BX-22", "CT-19 CAR-T"]
    assert therapies(client, {"OR": [{"name": {"startsWith": "BX"}}], "NOT": {"id": {"eq": BX22.key}}}) == []


def test_nested_logic_over_relation_filters(graph, client):
    query = """query($f: DiseaseFilter) { diseases(filter: $f) { edges { node { name } } } }"""
    f = {
        "OR": [
            {"treatedBy": {"name": "BX-22"}},
            {"AND": [{"studiedIn": {"id": TRIAL.key}}, {"NOT": {"name": {"contains": "myeloma"}}}]},
        ]
    }
    assert [e["node"]["name"] for e in data(client, query, {"f": f})["diseases"]["edges"]] == [
        "B-cell lymphoma",
        "multiple myeloma",
    ]
    f = {"NOT": {"OR": [{"treatedBy": {"name": "BX-22"}}, {"studiedIn": {"id": TRIAL.key}}]}}
    assert data(client, query, {"f": f})["diseases"]["edges"] == []
    trials = """{ trials(filter: {OR: [{phase: ["PHASE9"]}, {conductedAt: {name: "清华大学"}}]}) {
      edges { node { id } } } }"""
    assert [e["node"]["id"] for e in data(client, trials)["trials"]["edges"]] == [TRIAL.key]


@pytest.mark.parametrize("order", [None, {"field": "DOCUMENT_COUNT", "direction": "DESC"}])
def test_pages_of_a_logical_filter_have_no_gaps_or_repeats(graph, client, order):
    f = {"OR": [{"name": {"startsWith": "Gen-1"}}, {"documentCount": {"gte": 2}}], "NOT": {"id": {"eq": "x"}}}
    whole = [e["node"]["id"] for e in data(client, THERAPIES, {"f": f, "order": order})["therapies"]["edges"]]
    assert len(whole) == 11 == len(set(whole)) and CT19.key in whole
    seen, after = [], None
    while True:
        page = data(client, THERAPIES, {"f": f, "order": order, "first": 2, "after": after})["therapies"]
        seen += [e["node"]["id"] for e in page["edges"]]
        assert page["totalCount"] == 11
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == whole


@pytest.mark.parametrize("value", ["Gen-01' OR 1=1 //", '"}) RETURN n //', "x` MATCH (n) DETACH DELETE n //"])
def test_values_that_look_like_cypher_are_values(graph, client, round_trips, value):
    before = graph_fingerprint(graph)
    f = {"OR": [{"id": {"in": [value, f"{CT19.key}'"]}}, {"name": {"equals": value}}], "NOT": {"id": {"eq": value}}}
    assert therapies(client, f) == []
    assert therapies(client, {"targets": {"id": value}, "documentCount": {"gte": 0}}) == []
    assert graph_fingerprint(graph) == before
    assert round_trips and all(value not in statement for statement in round_trips)


@pytest.mark.parametrize(
    ("f", "message"),
    [
        ({"id": {"in": []}}, "'id.in' needs at least one value"),
        ({"OR": [{"documentCount": {"in": []}}]}, "'documentCount.in' needs at least one value"),
        ({"AND": []}, "'AND' needs at least one filter"),
        ({"NOT": {"OR": []}}, "'OR' needs at least one filter"),
        ({"id": {"in": [f"Therapy:{i}" for i in range(1001)]}}, "'id.in' takes at most 1000 values"),
        ({"name": {"equals": "x" * 1001}}, "'name.equals' is longer than 1000 characters"),
    ],
)
def test_bad_filters_are_refused_with_a_message(graph, client, f, message):
    assert refused(client, f) == [message]


def test_filters_nest_at_most_five_levels(graph, client):
    deep: dict = {"id": {"eq": TSINGHUA.key}}
    for _ in range(5):
        deep = {"OR": [deep]}
    query = "query($f: InstitutionFilter) { institutions(filter: $f) { edges { node { id } } } }"
    assert data(client, query, {"f": deep})["institutions"]["edges"] == [{"node": {"id": TSINGHUA.key}}]
    message = ["filters nest at most 5 levels deep in AND / OR / NOT"]
    assert refused(client, {"AND": [deep]}, "InstitutionFilter", "institutions") == message
    assert refused(client, {"NOT": deep}, "InstitutionFilter", "institutions") == message


def test_a_filter_has_at_most_fifty_parts(graph, client):
    assert count(client, {"OR": [{"id": {"eq": f"Therapy:{i}"}} for i in range(48)] + [{"id": {"eq": BX22.key}}]}) == 1
    assert refused(client, {"AND": [{}] * 25, "OR": [{}] * 25}) == [
        "a filter has at most 50 parts, counting every AND / OR / NOT part"
    ]


def test_an_invalid_cursor_on_a_filtered_list(graph, client):
    body = gql(client, THERAPIES, {"f": {"OR": [{"documentCount": {"gte": 1}}]}, "after": "garbage"})
    assert error_messages(body) == ["invalid cursor: pass a cursor this API returned"]
