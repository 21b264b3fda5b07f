"""Each query shape against the real Neo4j: lookups, relations both ways with evidence, lists
with filters and sorting, search in English and Chinese, paths, stats, documents."""

from __future__ import annotations

from tests.support.api import CD19, CT19, EN_DOC, TSINGHUA, ZH_DOC, data

ENTITY = """query($id: ID!) { entity(id: $id) { __typename id name nameZh aliases type
  documents { id language } } }"""


def test_entity_by_id_has_names_in_both_languages_and_its_documents(graph, client):
    entity = data(client, ENTITY, {"id": TSINGHUA.key})["entity"]
    assert entity["__typename"] == "Institution" and entity["type"] == "INSTITUTION"
    assert entity["name"] == "Tsinghua University" and entity["nameZh"] == "清华大学"
    assert "THU" in entity["aliases"]
    assert {d["language"] for d in entity["documents"]} == {"EN", "ZH"}


def test_unknown_id_and_wrong_type_give_null(graph, client):
    assert data(client, ENTITY, {"id": "Target:nope"})["entity"] is None
    assert data(client, "query($id: ID!) { therapy(id: $id) { id } }", {"id": CD19.key})["therapy"] is None


def test_relations_both_ways_with_aggregates_and_evidence(graph, client):
    query = """query($id: ID!) { therapy(id: $id) { targets { node { id name } confidence evidenceCount documentCount
        negated type evidence { sentence span { start end } rule ruleVersion negated hedged language
          document { title source } } } } }"""
    targets = data(client, query, {"id": CT19.key})["therapy"]["targets"]
    assert [t["node"]["name"] for t in targets] == ["CD19"]  # the negated BCMA claim is left out
    edge = targets[0]
    assert edge["evidenceCount"] == 2 and edge["documentCount"] == 2 and edge["type"] == "TARGETS"
    assert abs(edge["confidence"] - (1 - 0.2 * 0.2)) < 1e-9  # noisy-OR of two 0.8s
    sentences = {e["sentence"] for e in edge["evidence"]}
    assert (
        "CT-19 CAR-T targets CD19 in B-cell lymphoma." in sentences
        and "清华大学张明辉团队研发的CT-19靶向CD19。" in sentences
    )
    english = next(e for e in edge["evidence"] if e["language"] == "EN")
    assert EN_DOC.text[english["span"]["start"] : english["span"]["end"]] == english["sentence"]
    assert english["document"] == {"title": "CT-19 at Tsinghua", "source": "test://en-ct19"}
    back = data(client, "query($id: ID!) { target(id: $id) { therapies { node { name } } } }", {"id": CD19.key})
    assert [t["node"]["name"] for t in back["target"]["therapies"]] == ["CT-19 CAR-T"]


def test_negated_relations_on_request(graph, client):
    query = """query($id: ID!) { therapy(id: $id) { targets(includeNegated: true) { node { name } negated
        evidence { negated } } } }"""
    targets = {t["node"]["name"]: t for t in data(client, query, {"id": CT19.key})["therapy"]["targets"]}
    assert targets["BCMA"]["negated"] is True and targets["BCMA"]["evidence"] == [{"negated": True}]


def test_every_relation_field_answers(graph, client):
    query = """query($institution: ID!, $therapy: ID!) {
      institution(id: $institution) { researchers { node { name } } therapies { node { name } }
        trials { node { name } } collaborators { node { name nameZh } } }
      trial(id: "Trial:nct01234567") { testedTherapies { node { name } } conductedAt { node { name } }
        studies { node { name } evidence { hedged } } }
      disease(id: "Disease:bcelllymphoma") { treatedBy { node { name } } studiedIn { node { name } } }
      therapy(id: $therapy) { developedBy { node { __typename name } } diseases { node { name } }
        trials { node { name } } }
      researcher(id: "Researcher:zhangminghui") { institutions { node { name } } therapies { node { name } } } }
    """
    result = data(client, query, {"institution": TSINGHUA.key, "therapy": CT19.key})
    names = lambda edges: sorted(e["node"]["name"] for e in edges)  # noqa: E731
    assert names(result["institution"]["researchers"]) == ["Zhang Minghui"]
    assert names(result["institution"]["therapies"]) == ["CT-19 CAR-T"]
    assert names(result["institution"]["trials"]) == ["NCT01234567"]
    assert result["institution"]["collaborators"][0]["node"]["nameZh"] == "北京大学"
    assert names(result["trial"]["testedTherapies"]) == ["CT-19 CAR-T"]
    assert names(result["trial"]["conductedAt"]) == ["Tsinghua University"]
    assert result["trial"]["studies"][0]["evidence"] == [{"hedged": True}]
    assert names(result["disease"]["treatedBy"]) == ["CT-19 CAR-T"] and names(result["disease"]["studiedIn"]) == [
        "NCT01234567"
    ]
    assert {(e["node"]["__typename"], e["node"]["name"]) for e in result["therapy"]["developedBy"]} == {
        ("Researcher", "Zhang Minghui"),
        ("Institution", "Tsinghua University"),
    }
    assert names(result["researcher"]["institutions"]) == ["Tsinghua University"]


def test_collaborators_are_symmetric(graph, client):
    query = '{ institution(id: "Institution:pekinguniversity") { collaborators { node { name } } } }'
    assert data(client, query)["institution"]["collaborators"][0]["node"]["name"] == "Tsinghua University"


def names_of(connection: dict) -> list[str]:
    return [e["node"]["name"] for e in connection["edges"]]


def test_list_filters_by_name_case_insensitively_including_chinese_aliases(graph, client):
    query = "query($f: InstitutionFilter) { institutions(filter: $f) { edges { node { name } } } }"
    assert names_of(data(client, query, {"f": {"name": {"equals": "tsinghua university"}}})["institutions"]) == [
        "Tsinghua University"
    ]
    assert names_of(data(client, query, {"f": {"name": {"contains": "清华"}}})["institutions"]) == [
        "Tsinghua University"
    ]
    assert names_of(data(client, query, {"f": {"name": {"startsWith": "PEK"}}})["institutions"]) == [
        "Peking University"
    ]
    assert names_of(data(client, query, {"f": {"name": {"equals": "nothing"}}})["institutions"]) == []


def test_list_filters_by_language_and_related_entities(graph, client):
    query = "query($f: TherapyFilter) { therapies(filter: $f, first: 50) { edges { node { name } } } }"
    assert names_of(data(client, query, {"f": {"targets": {"name": "bcma"}}})["therapies"]) == ["BX-22"]
    assert names_of(data(client, query, {"f": {"targets": {"id": CD19.key}}})["therapies"]) == ["CT-19 CAR-T"]
    zh = names_of(data(client, query, {"f": {"mentionedInLanguage": "ZH"}})["therapies"])
    assert zh == ["BX-22", "CT-19 CAR-T"]
    both = {"mentionedInLanguage": "ZH", "diseases": {"name": "多发性骨髓瘤"}}
    assert names_of(data(client, query, {"f": both})["therapies"]) == ["BX-22"]
    trials = '{ trials(filter: {studies: {name: "B-cell lymphoma"}}) { edges { node { name } } } }'
    assert names_of(data(client, trials)["trials"]) == ["NCT01234567"]


def test_sorting(graph, client):
    query = "query($o: EntityOrder) { targets(orderBy: $o) { edges { node { name } } } }"
    assert names_of(data(client, query, {"o": {"field": "NAME", "direction": "DESC"}})["targets"]) == ["CD19", "BCMA"]
    assert names_of(data(client, query, {"o": {"field": "ID"}})["targets"]) == ["BCMA", "CD19"]
    most_cited = (
        "{ therapies(first: 1, orderBy: {field: DOCUMENT_COUNT, direction: DESC}) { edges { node { name } } } }"
    )
    assert names_of(data(client, most_cited)["therapies"]) == ["CT-19 CAR-T"]  # the only one in two documents


def test_search_english_and_chinese_with_scores(graph, client):
    query = "query($t: String!, $types: [EntityType!]) { search(text: $t, types: $types) { score entity { id name } } }"
    english = data(client, query, {"t": "Tsinghua"})["search"]
    assert english[0]["entity"]["id"] == TSINGHUA.key and english[0]["score"] > 0
    chinese = data(client, query, {"t": "清华大学"})["search"]
    assert chinese[0]["entity"]["id"] == TSINGHUA.key
    typed = data(client, query, {"t": "CD19 CT-19", "types": ["TARGET"]})["search"]
    assert [h["entity"]["id"] for h in typed] == [CD19.key]


def test_shortest_path_and_its_cap(graph, client):
    query = """query($a: ID!, $b: ID!, $h: Int!) { path(from: $a, to: $b, maxHops: $h) { length
        nodes { name } relations { type subject { name } object { name } confidence evidence { sentence } } } }"""
    found = data(client, query, {"a": "Researcher:zhangminghui", "b": "Institution:pekinguniversity", "h": 4})["path"]
    assert found["length"] == 2
    assert [n["name"] for n in found["nodes"]] == ["Zhang Minghui", "Tsinghua University", "Peking University"]
    assert [r["type"] for r in found["relations"]] == ["AFFILIATED_WITH", "COLLABORATES_WITH"]
    assert all(r["evidence"] for r in found["relations"])
    too_short = {"a": "Researcher:zhangminghui", "b": "Institution:pekinguniversity", "h": 1}
    assert data(client, query, too_short)["path"] is None
    only_denied = {"a": "Researcher:zhangminghui", "b": "Target:bcma", "h": 6}  # CT-19 does *not* target BCMA
    assert data(client, query, only_denied)["path"] is None
    body = client.post("/graphql", json={"query": query, "variables": {"a": "x", "b": "y", "h": 50}}).json()
    assert "maxHops" in body["errors"][0]["message"]


def test_stats(graph, client):
    stats = data(client, "{ stats { entities { name count } relations { name count } documents evidence } }")["stats"]
    assert stats["documents"] == 3 and stats["evidence"] == 13
    assert {e["name"]: e["count"] for e in stats["entities"]}["Therapy"] == 27


def test_documents_with_what_each_asserted(graph, client):
    query = """{ documents(filter: {language: ZH}) { edges { node { id title language
        evidence { sentence relationType subject { name } object { name } }
        claims { type subject { name } object { name } evidenceCount }
        mentions { entity { name } count spans { start end } } } } } }"""
    (edge,) = data(client, query)["documents"]["edges"]
    doc = edge["node"]
    assert doc["id"] == ZH_DOC.doc_id and doc["title"] == "清华大学 CT-19"
    assert len(doc["evidence"]) == 5
    assert {
        "type": "TARGETS",
        "subject": {"name": "CT-19 CAR-T"},
        "object": {"name": "CD19"},
        "evidenceCount": 2,
    } in doc["claims"]
    first = doc["mentions"][0]
    assert ZH_DOC.text[first["spans"][0]["start"] : first["spans"][0]["end"]] in ("清华大学", "张明辉")
    one = data(client, "query($id: ID!) { document(id: $id) { name } }", {"id": EN_DOC.doc_id})
    assert one["document"] == {"name": "en-ct19"}
