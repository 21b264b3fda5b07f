"""The top-level claim lists against the real Neo4j: ``relations`` and ``evidence`` filtered by
every field, with AND / OR / NOT, sorted, paged by keyset cursors, and refusing bad input with a
message. Exact answers on the small bilingual graph of tests/support/api.py: 12 relations (one
negated, CT-19 → CD19 stated by both documents) and 13 pieces of evidence (8 English, 5 Chinese)."""

from __future__ import annotations

import pytest

from tests.support.api import (
    BCMA,
    BX22,
    CD19,
    CT19,
    EN_DOC,
    LYMPHOMA,
    PKU,
    TRIAL,
    TSINGHUA,
    ZH_DOC,
    ZHANG,
    data,
    error_messages,
    gql,
    graph_fingerprint,
)

RELATIONS = """query($filter: RelationFilter, $order: RelationOrder, $first: Int, $after: String,
    $last: Int, $before: String) {
  relations(filter: $filter, orderBy: $order, first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { id type confidence evidenceCount documentCount negated
      subject { id name } object { id name } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"""
EVIDENCE = """query($filter: EvidenceFilter, $order: EvidenceOrder, $first: Int, $after: String) {
  evidence(filter: $filter, orderBy: $order, first: $first, after: $after) {
    edges { cursor node { id relationType subjectId objectId sentence span { start } rule confidence negated
      hedged language document { id } } }
    pageInfo { hasNextPage endCursor } } }"""

ALL_RELATIONS = {
    ("AFFILIATED_WITH", ZHANG, TSINGHUA),
    ("DEVELOPS", ZHANG, CT19),
    ("DEVELOPS", TSINGHUA, CT19),
    ("TARGETS", CT19, CD19),
    ("TARGETS", CT19, BCMA),
    ("TARGETS", BX22, BCMA),
    ("TREATS", CT19, LYMPHOMA),
    ("TREATS", BX22, "Disease:multiplemyeloma"),
    ("TESTED_IN", CT19, TRIAL),
    ("CONDUCTED_AT", TRIAL, TSINGHUA),
    ("STUDIES", TRIAL, LYMPHOMA),
    ("COLLABORATES_WITH", PKU, TSINGHUA),  # stored with the smaller key first
}


def _key(entity) -> str:
    return entity if isinstance(entity, str) else entity.key


EXPECTED = {(rel, _key(s), _key(o)) for rel, s, o in ALL_RELATIONS}


def relations(client, **variables) -> list[dict]:
    return [e["node"] for e in data(client, RELATIONS, {"first": 50, **variables})["relations"]["edges"]]


def triples(nodes: list[dict]) -> set[tuple[str, str, str]]:
    return {(n["type"], n["subject"]["id"], n["object"]["id"]) for n in nodes}


def evidence(client, **variables) -> list[dict]:
    return [e["node"] for e in data(client, EVIDENCE, {"first": 50, **variables})["evidence"]["edges"]]


# -- relations --


def test_every_relation_once_by_default_most_confident_first(graph, client):
    found = relations(client)
    assert len(found) == 12 and triples(found) == EXPECTED
    assert [n["confidence"] for n in found] == sorted((n["confidence"] for n in found), reverse=True)
    assert found[0]["subject"]["id"] == CT19.key and found[0]["object"]["id"] == CD19.key


def test_targets_claims_with_at_least_two_documents(graph, client, sent):
    found = relations(client, filter={"type": {"eq": "TARGETS"}, "documentCount": {"gte": 2}})
    assert triples(found) == {("TARGETS", CT19.key, CD19.key)}
    (claim,) = found
    assert claim["evidenceCount"] == 2 and claim["documentCount"] == 2 and claim["negated"] is False
    assert abs(claim["confidence"] - (1 - 0.2 * 0.2)) < 1e-9
    statement, parameters = sent[-1]
    assert "[r:TARGETS]" in statement and 2 in parameters.values()  # the typed pattern; the count a parameter


def test_several_types_match_one_pattern_of_those_types(graph, client, sent):
    found = relations(client, filter={"type": {"in": ["TREATS", "STUDIES"]}})
    assert triples(found) == {t for t in EXPECTED if t[0] in ("TREATS", "STUDIES")} and len(found) == 3
    assert "[r:TREATS|STUDIES]" in sent[-1][0]


def test_types_narrowed_by_and_parts_too_and_contradictions_match_nothing(graph, client, sent):
    found = relations(client, filter={"type": {"in": ["TARGETS", "TREATS"]}, "AND": [{"type": {"eq": "TREATS"}}]})
    assert triples(found) == {t for t in EXPECTED if t[0] == "TREATS"}
    assert "[r:TREATS]" in sent[-1][0]
    assert relations(client, filter={"type": {"eq": "TARGETS", "in": ["TREATS"]}}) == []


def test_a_type_inside_or_and_not_filters_without_narrowing_the_pattern(graph, client):
    either = relations(client, filter={"OR": [{"type": {"eq": "STUDIES"}}, {"subject": {"id": PKU.key}}]})
    assert triples(either) == {("STUDIES", TRIAL.key, LYMPHOMA.key), ("COLLABORATES_WITH", PKU.key, TSINGHUA.key)}
    others = relations(client, filter={"NOT": {"type": {"in": ["TARGETS", "TREATS", "DEVELOPS"]}}})
    assert triples(others) == {t for t in EXPECTED if t[0] not in ("TARGETS", "TREATS", "DEVELOPS")}


def test_subject_and_object_by_key_or_by_any_name(graph, client):
    by_subject = relations(client, filter={"subject": {"name": "清华大学"}})
    assert triples(by_subject) == {("DEVELOPS", TSINGHUA.key, CT19.key)}
    by_object = relations(client, filter={"object": {"id": TSINGHUA.key}})
    assert {t[0] for t in triples(by_object)} == {"AFFILIATED_WITH", "CONDUCTED_AT", "COLLABORATES_WITH"}
    both = relations(client, filter={"subject": {"name": "ct-19"}, "object": {"name": "bcma"}})
    assert triples(both) == {("TARGETS", CT19.key, BCMA.key)}


def test_negated_and_figures_and_ids(graph, client):
    assert triples(relations(client, filter={"negated": True})) == {("TARGETS", CT19.key, BCMA.key)}
    assert len(relations(client, filter={"negated": False})) == 11
    assert len(relations(client, filter={"evidenceCount": {"lt": 2}})) == 11
    assert len(relations(client, filter={"confidence": {"gt": 0.5, "lte": 0.8}})) == 10
    assert len(relations(client, filter={"confidence": {"in": [0.0]}})) == 1  # the negated claim
    picked = relations(client)[:2]
    by_id = relations(client, filter={"id": {"in": [n["id"] for n in picked]}})
    assert {n["id"] for n in by_id} == {n["id"] for n in picked}


def test_and_or_not_combine_relation_filters(graph, client):
    found = relations(
        client,
        filter={
            "type": {"eq": "TARGETS"},
            "OR": [{"documentCount": {"gte": 2}}, {"NOT": {"subject": {"id": CT19.key}}}],
        },
    )
    assert triples(found) == {("TARGETS", CT19.key, CD19.key), ("TARGETS", BX22.key, BCMA.key)}


@pytest.mark.parametrize(
    "order",
    [
        None,
        {"field": "CONFIDENCE", "direction": "ASC"},
        {"field": "EVIDENCE_COUNT", "direction": "DESC"},
        {"field": "DOCUMENT_COUNT", "direction": "ASC"},
        {"field": "ID", "direction": "DESC"},
    ],
)
def test_relation_pages_return_every_claim_once_in_every_order(graph, client, order):
    whole = [n["id"] for n in relations(client, order=order)]
    assert len(whole) == 12 == len(set(whole))
    figure = {None: "confidence", "CONFIDENCE": "confidence", "EVIDENCE_COUNT": "evidenceCount"}
    field = figure.get(order and order["field"], "documentCount" if order and order["field"] != "ID" else "id")
    values = [n[field] for n in relations(client, order=order)]
    assert values == sorted(values, reverse=order is None or order["direction"] == "DESC")
    for first in (1, 5):
        seen, after = [], None
        while True:
            page = data(client, RELATIONS, {"first": first, "after": after, "order": order})["relations"]
            seen += [e["node"]["id"] for e in page["edges"]]
            if not page["pageInfo"]["hasNextPage"]:
                break
            after = page["pageInfo"]["endCursor"]
        assert seen == whole


def test_a_relation_page_after_a_cursor_seeks_on_figure_and_key(graph, client, sent):
    order = {"field": "EVIDENCE_COUNT", "direction": "DESC"}
    first = data(client, RELATIONS, {"first": 3, "order": order})["relations"]
    second = data(client, RELATIONS, {"first": 3, "order": order, "after": first["pageInfo"]["endCursor"]})
    statement, parameters = sent[-1]
    assert "$seek" in statement and parameters["skip"] == 0 and len(parameters["seek"]) == 2
    assert second["relations"]["pageInfo"]["hasPreviousPage"] is True


def test_backward_pages_and_total_only_when_selected(graph, client, sent):
    whole = [n["id"] for n in relations(client)]
    end = data(client, RELATIONS, {"last": 5})["relations"]
    assert [e["node"]["id"] for e in end["edges"]] == whole[-5:] and end["pageInfo"]["hasPreviousPage"]
    before = data(client, RELATIONS, {"last": 4, "before": end["pageInfo"]["startCursor"]})["relations"]
    assert [e["node"]["id"] for e in before["edges"]] == whole[-9:-5]
    sent.clear()
    counted = data(client, "{ relations(first: 1, filter: {negated: false}) { totalCount } }")["relations"]
    assert counted["totalCount"] == 11 and "count(r) AS total" in sent[-1][0]
    sent.clear()
    assert data(client, "{ relations(first: 1) { edges { cursor } } }")["relations"]["edges"]
    assert "count(r) AS total" not in sent[-1][0]


def test_subject_and_object_documents_come_in_the_same_statement(graph, client, sent):
    query = """{ relations(first: 3, filter: {type: {eq: TARGETS}, negated: false}) {
      edges { node { subject { name documents { title } } object { name } evidence { sentence } } } } }"""
    found = data(client, query)["relations"]["edges"]
    assert {e["node"]["object"]["name"] for e in found} == {"CD19", "BCMA"}
    ct19 = next(e["node"] for e in found if e["node"]["subject"]["name"] == "CT-19 CAR-T")
    assert {d["title"] for d in ct19["subject"]["documents"]} == {EN_DOC.title, ZH_DOC.title}
    assert len(ct19["evidence"]) == 2
    assert len(sent) == 2  # the page with the subjects' documents; every claim's evidence in one batch


# -- evidence --


def test_every_negated_piece_of_evidence_from_one_document(graph, client):
    found = evidence(client, filter={"documentId": {"eq": EN_DOC.doc_id}, "negated": True})
    assert [(e["sentence"], e["relationType"], e["document"]["id"]) for e in found] == [
        ("CT-19 CAR-T does not target BCMA.", "TARGETS", EN_DOC.doc_id)
    ]
    assert evidence(client, filter={"documentId": {"eq": ZH_DOC.doc_id}, "negated": True}) == []


def test_evidence_by_each_field(graph, client):
    assert len(evidence(client)) == 13
    assert len(evidence(client, filter={"language": "ZH"})) == 5
    assert len(evidence(client, filter={"documentId": {"in": [EN_DOC.doc_id, ZH_DOC.doc_id]}})) == 13
    hedged = evidence(client, filter={"hedged": True})
    assert [(e["relationType"], e["subjectId"], e["objectId"]) for e in hedged] == [
        ("STUDIES", TRIAL.key, LYMPHOMA.key)
    ]
    assert len(evidence(client, filter={"rule": {"in": ["test.targets", "test.treats"]}})) == 6
    assert len(evidence(client, filter={"rule": {"eq": "test.targets"}, "subjectId": {"eq": CT19.key}})) == 3
    assert len(evidence(client, filter={"relationType": {"in": ["DEVELOPS"]}, "objectId": {"eq": CT19.key}})) == 2
    assert len(evidence(client, filter={"confidence": {"gte": 0.8}})) == 13
    claim = relations(client, filter={"type": {"eq": "TARGETS"}, "documentCount": {"gte": 2}})[0]
    assert len(evidence(client, filter={"relationId": {"eq": claim["id"]}})) == 2
    one = evidence(client)[0]["id"]
    assert [e["id"] for e in evidence(client, filter={"id": {"eq": one}})] == [one]


def test_and_or_not_combine_evidence_filters(graph, client):
    found = evidence(
        client,
        filter={
            "language": "EN",
            "NOT": {"OR": [{"relationType": {"eq": "TARGETS"}}, {"hedged": True}]},
            "AND": [{"subjectId": {"in": [CT19.key, TRIAL.key]}}],
        },
    )
    assert sorted(e["relationType"] for e in found) == ["CONDUCTED_AT", "TESTED_IN", "TREATS"]


def test_evidence_in_text_order_pages_without_gaps(graph, client):
    order = {"field": "POSITION", "direction": "ASC"}
    whole = evidence(client, filter={"documentId": {"eq": EN_DOC.doc_id}}, order=order)
    assert [e["span"]["start"] for e in whole] == sorted(e["span"]["start"] for e in whole) and len(whole) == 8
    for by in (order, {"field": "CONFIDENCE", "direction": "DESC"}, {"field": "ID", "direction": "ASC"}):
        every = [e["id"] for e in evidence(client, order=by)]
        seen, after = [], None
        while True:
            page = data(client, EVIDENCE, {"first": 3, "after": after, "order": by})["evidence"]
            seen += [e["node"]["id"] for e in page["edges"]]
            if not page["pageInfo"]["hasNextPage"]:
                break
            after = page["pageInfo"]["endCursor"]
        assert seen == every and len(every) == 13 == len(set(every))


# -- safety and bad input --


@pytest.mark.parametrize(
    "value",
    ["x' OR true //", '") RETURN 1 //', "}) DETACH DELETE n //", "TARGETS]->() MATCH (x", "' + $p0 + '", "\\' OR 1=1"],
)
def test_values_with_cypher_syntax_are_only_values(graph, client, sent, value):
    before = graph_fingerprint(graph)
    assert evidence(client, filter={"documentId": {"eq": value}, "OR": [{"rule": {"in": [value]}}]}) == []
    assert relations(client, filter={"subject": {"id": value}}) == []
    assert relations(client, filter={"object": {"name": value}}) == []
    assert graph_fingerprint(graph) == before
    assert all(value not in statement for statement, _ in sent)
    assert value in sent[-3][1].values() and value in sent[-3][1]["p1"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("{ relations(filter: {type: {in: []}}) { totalCount } }", "'type.in' needs at least one value"),
        ("{ evidence(filter: {rule: {in: []}}) { totalCount } }", "'rule.in' needs at least one value"),
        ("{ relations(filter: {OR: []}) { totalCount } }", "'OR' needs at least one filter"),
        ('{ relations(after: "bm90IGEgY3Vyc29y") { totalCount } }', "invalid cursor: pass a cursor this API returned"),
        ('{ evidence(after: "cellkg:3") { totalCount } }', "invalid cursor: pass a cursor this API returned"),
        ("{ relations(first: 1000) { totalCount } }", "'first' must be between 0 and"),
        ("{ evidence(first: 1, last: 1) { totalCount } }", "pass either 'first' or 'last', not both"),
    ],
)
def test_bad_input_gets_a_clear_message(graph, client, query, message):
    body = gql(client, query)
    assert body["data"] is None and len(body["errors"]) == 1
    assert error_messages(body)[0].startswith(message)


def test_filters_nest_only_so_deep(graph, client):
    deep: dict = {"negated": True}
    for _ in range(5):
        deep = {"AND": [deep]}
    assert triples(relations(client, filter=deep)) == {("TARGETS", CT19.key, BCMA.key)}
    body = gql(client, "query($f: RelationFilter) { relations(filter: $f) { totalCount } }", {"f": {"NOT": deep}})
    assert error_messages(body) == ["filters nest at most 5 levels deep in AND / OR / NOT"]


def test_a_filter_has_only_so_many_parts(graph, client):
    many = {"OR": [{"negated": True}] * 49}
    assert len(relations(client, filter=many)) == 1
    body = gql(client, "query($f: EvidenceFilter) { evidence(filter: $f) { totalCount } }", {"f": {"OR": [{}] * 50}})
    assert error_messages(body) == ["a filter has at most 50 parts, counting every AND / OR / NOT part"]
