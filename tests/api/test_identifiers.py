"""Identifiers, trial facts and document metadata through GraphQL, equal to what was loaded; the
trial filters and the disease filter's includeSubtypes against the real Neo4j."""

from __future__ import annotations

import pytest

from cellkg.graph.db import wipe_graph
from cellkg.graph.loader import Loader
from cellkg.graph.ontology import load_ontology
from tests.support.api import data, gql
from tests.support.factories import LYMPHOMA_TREE, registry_results


@pytest.fixture(scope="module")
def registry_graph(driver):
    wipe_graph(driver)
    Loader(driver).load(registry_results())
    load_ontology(driver, "mondo", LYMPHOMA_TREE, source="tests", version="1")
    return driver


def trial_names(client, filter_: dict) -> set[str]:
    query = "query($f: TrialFilter) { trials(filter: $f) { edges { node { name } } } }"
    return {e["node"]["name"] for e in data(client, query, {"f": filter_})["trials"]["edges"]}


TRIAL_FIELDS = (
    "name phases status startDate completionDate enrollment countries studyType xrefs { prefix id curie url }"
)


def test_trial_facts_round_trip_equal_to_the_record(registry_graph, client):
    found = data(client, f'{{ trial(id: "Trial:nct05000001") {{ {TRIAL_FIELDS} }} }}')["trial"]
    assert found == {
        "name": "NCT05000001",
        "phases": ["PHASE1", "PHASE2"],
        "status": "RECRUITING",
        "startDate": "2023-05",
        "completionDate": "2026-12-31",
        "enrollment": 60,
        "countries": ["China", "United States"],
        "studyType": "INTERVENTIONAL",
        "xrefs": [
            {
                "prefix": "CLINICALTRIALS",
                "id": "NCT05000001",
                "curie": "CLINICALTRIALS:NCT05000001",
                "url": "https://www.clinicaltrials.gov/study/NCT05000001",
            }
        ],
    }
    unstated = data(client, f'{{ trial(id: "Trial:nct03000003") {{ {TRIAL_FIELDS} }} }}')["trial"]
    assert (unstated["enrollment"], unstated["countries"], unstated["completionDate"]) == (None, None, None)


def test_document_metadata_text_and_evidence_field_round_trip(registry_graph, client):
    paper = registry_results()[3].document
    listed = "query($f: DocumentFilter) { documents(filter: $f) { edges { node { id } } } }"
    for by in ({"pmid": "31234567"}, {"doi": "10.1000/cart.2019.1"}):
        assert data(client, listed, {"f": by})["documents"]["edges"] == [{"node": {"id": paper.doc_id}}]
    query = """query($id: ID!) { document(id: $id) { pmid pmcid doi publishedAt journal version text
      xrefs { curie } } }"""
    assert data(client, query, {"id": paper.doc_id})["document"] == {
        "pmid": "31234567",
        "pmcid": "PMC6543210",
        "doi": "10.1000/cart.2019.1",
        "publishedAt": "2019-06-01",
        "journal": "Blood",
        "version": "2019-06-02",
        "text": paper.text,
        "xrefs": [{"curie": "DOI:10.1000/cart.2019.1"}, {"curie": "PMC:PMC6543210"}, {"curie": "PUBMED:31234567"}],
    }
    evidence = data(
        client, '{ trial(id: "Trial:nct05000001") { testedTherapies { evidence { field document { text } } } } }'
    )["trial"]["testedTherapies"][0]["evidence"][0]
    assert evidence == {
        "field": "protocolSection.armsInterventionsModule.interventions.name",
        "document": {"text": registry_results()[0].document.text},
    }


def test_entity_by_xref_in_any_spelling_with_nested_fields(registry_graph, client):
    query = """query($c: String!) { entityByXref(curie: $c) { id name xrefs { curie url }
      ... on Target { therapies { node { name } } } } }"""
    for spelling in ("HGNC:1633", "hgnc:1633", " HGNC:1633 "):
        found = data(client, query, {"c": spelling})["entityByXref"]
        assert found["id"] == "Target:cd19" and found["therapies"] == [{"node": {"name": "CD19 CAR-T"}}]
    assert found["xrefs"] == [
        {"curie": "HGNC:1633", "url": "https://www.genenames.org/data/gene-symbol-report/#!/hgnc_id/1633"}
    ]
    assert data(client, query, {"c": "HGNC:9999"})["entityByXref"] is None
    for bad in ("HGNC:CD19", "nonsense", "madeup:1"):
        body = gql(client, query, {"c": bad})
        assert body["data"]["entityByXref"] is None and "'curie'" in body["errors"][0]["message"]


def test_trial_filters_on_phase_status_country_and_start_date(registry_graph, client):
    assert trial_names(client, {"phase": ["phase2"]}) == {"NCT05000001", "NCT04000002"}
    assert trial_names(client, {"phase": ["PHASE1"], "status": ["recruiting"]}) == {"NCT05000001"}
    assert trial_names(client, {"country": ["united states", "Germany"]}) == {"NCT05000001"}
    assert trial_names(client, {"startDate": {"from": "2019"}}) == {"NCT05000001", "NCT04000002"}
    assert trial_names(client, {"startDate": {"from": "2018-06", "to": "2019-02"}}) == {"NCT04000002"}
    # a start known only to the year is kept by a bound within that year
    assert trial_names(client, {"startDate": {"from": "2017-06", "to": "2018"}}) == {"NCT03000003"}
    assert trial_names(client, {"startDate": {"to": "2017-12-31"}}) == {"NCT03000003"}  # "2017" is in 2017
    body = gql(client, '{ trials(filter: {startDate: {from: "last year"}}) { edges { node { name } } } }')
    assert "ISO-8601" in body["errors"][0]["message"]
    body = gql(client, "{ trials(filter: {phase: []}) { edges { node { name } } } }")
    assert "'phase' needs at least one value" in body["errors"][0]["message"]


def test_disease_filters_include_subtypes_only_when_asked(registry_graph, client):
    lymphoma = {"studies": {"name": "lymphoma"}}
    assert trial_names(client, lymphoma) == {"NCT04000002"}
    assert trial_names(client, {"studies": {"name": "lymphoma", "includeSubtypes": True}}) == {
        "NCT05000001",  # DLBCL IS_A lymphoma (through a MONDO term no entity names)
        "NCT04000002",
    }
    query = """query($s: Boolean!) { therapies(filter: {diseases: {id: "Disease:lymphoma", includeSubtypes: $s}}) {
      edges { node { name } } } }"""

    def therapies(subtypes: bool) -> list[str]:
        return [e["node"]["name"] for e in data(client, query, {"s": subtypes})["therapies"]["edges"]]

    assert therapies(False) == [] and therapies(True) == ["CD19 CAR-T"]  # it treats DLBCL, a lymphoma


def test_diseases_list_their_subtypes_and_supertypes(registry_graph, client):
    query = "query($id: ID!) { disease(id: $id) { subtypes { name } supertypes { name } } }"
    assert data(client, query, {"id": "Disease:lymphoma"})["disease"] == {
        "subtypes": [{"name": "diffuse large B-cell lymphoma"}],
        "supertypes": [],
    }
    assert data(client, query, {"id": "Disease:diffuselargebcelllymphoma"})["disease"] == {
        "subtypes": [],
        "supertypes": [{"name": "lymphoma"}],
    }


def test_identifiers_and_trial_facts_come_with_the_entities_in_one_round_trip(registry_graph, client, round_trips):
    query = """{ trials(filter: {phase: ["PHASE2"]}) { edges { node { name phases status startDate enrollment
      countries xrefs { curie url } studies { node { name xrefs { curie } } evidence { field } } } } } }"""
    trials = data(client, query)["trials"]["edges"]
    assert {t["node"]["name"] for t in trials} == {"NCT05000001", "NCT04000002"}
    assert all(t["node"]["studies"][0]["node"]["xrefs"] for t in trials)
    assert len(round_trips) == 1, round_trips
