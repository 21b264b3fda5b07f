"""Real public records (tests/data/records) from file to GraphQL: every mapped field read back through the
API equals what the record states (read here straight from the JSON and XML), and every claim's evidence
names the record field it comes from, whose value is what the stored text holds at the evidence's span."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from cellkg.extract import extract_path
from cellkg.graph.db import wipe_graph
from cellkg.graph.loader import Loader
from cellkg.ingest.stream import ingest_paths
from tests.support.api import data
from tests.support.invariants import canonical_dump
from tests.support.paths import REPO_ROOT

RECORDS = REPO_ROOT / "tests" / "data" / "records"
CTGOV = RECORDS / "ctgov" / "NCT06898385.json"
PUBMED = RECORDS / "pubmed" / "two_articles.xml"
CHICTR = RECORDS / "chictr" / "ChiCTR2400000001.html"
TRIAL_FIELDS = (
    "id name xrefs { curie url } documents { %s } "
    "... on Trial { phases status startDate completionDate enrollment countries studyType %s }"
)
DOCUMENT_FIELDS = "id pmid pmcid doi publishedAt journal version title text xrefs { curie }"
SITES = "conductedAt { node { name } evidence { field sentence span { start end } } }"


@pytest.fixture(scope="module")
def records_graph(driver):
    wipe_graph(driver)
    summary = ingest_paths(driver, [CTGOV, PUBMED, CHICTR])
    assert summary.report.documents_loaded == 4 and not summary.skipped
    return driver


def by_xref(client, curie: str, fields: str) -> dict:
    found = data(client, f"query($c: String!) {{ entityByXref(curie: $c) {{ {fields} }} }}", {"c": curie})
    return found["entityByXref"]


def value_at(record: dict, path: str):
    """The value at a record field path such as ``protocolSection.conditionsModule.conditions[0]``."""
    value = record
    for name, index in re.findall(r"(\w+)(?:\[(\d+)\])?", path):
        value = value[name] if index == "" else value[name][int(index)]
    return value


def test_a_clinicaltrials_gov_study_round_trips(records_graph, client):
    study = json.loads(CTGOV.read_text(encoding="utf-8"))
    protocol = study["protocolSection"]
    status, design = protocol["statusModule"], protocol["designModule"]
    nct = protocol["identificationModule"]["nctId"]
    trial = by_xref(client, f"clinicaltrials:{nct}", TRIAL_FIELDS % (DOCUMENT_FIELDS, SITES))
    assert {k: trial[k] for k in ("name", "phases", "status", "startDate", "completionDate", "enrollment")} == {
        "name": nct,
        "phases": design["phases"],
        "status": status["overallStatus"],
        "startDate": status["startDateStruct"]["date"],
        "completionDate": status["completionDateStruct"]["date"],
        "enrollment": design["enrollmentInfo"]["count"],
    }
    assert trial["studyType"] == design["studyType"]
    locations = protocol["contactsLocationsModule"]["locations"]
    assert sorted(trial["countries"]) == sorted({site["country"] for site in locations})
    assert trial["xrefs"] == [{"curie": f"CLINICALTRIALS:{nct}", "url": f"https://www.clinicaltrials.gov/study/{nct}"}]
    (document,) = trial["documents"]
    assert document["version"] == status["lastUpdatePostDateStruct"]["date"]
    assert {"curie": f"CLINICALTRIALS:{nct}"} in document["xrefs"]
    sponsor = protocol["sponsorCollaboratorsModule"]["leadSponsor"]["name"]
    sites = {edge["node"]["name"]: edge["evidence"] for edge in trial["conductedAt"]}
    assert sponsor in sites
    for evidence in (ev for evs in sites.values() for ev in evs):
        stated = document["text"][evidence["span"]["start"] : evidence["span"]["end"]]
        assert stated == evidence["sentence"] and str(value_at(study, evidence["field"])) in stated


def test_pubmed_articles_round_trip(records_graph, client):
    for article in ET.parse(PUBMED).getroot().iter("PubmedArticle"):
        pmid = article.findtext("MedlineCitation/PMID")
        query = (
            f"query($s: String!) {{ documents(filter: {{source: $s}}) {{ edges {{ node {{ {DOCUMENT_FIELDS} }} }} }} }}"
        )
        source = f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"
        (edge,) = data(client, query, {"s": source})["documents"]["edges"]
        document = edge["node"]
        dated = article.find("MedlineCitation/Article/ArticleDate")
        revised = article.find("MedlineCitation/DateRevised")
        assert {k: document[k] for k in ("pmid", "doi", "journal", "title", "publishedAt", "version")} == {
            "pmid": pmid,
            "doi": article.findtext("PubmedData/ArticleIdList/ArticleId[@IdType='doi']")
            or article.findtext("MedlineCitation/Article/ELocationID[@EIdType='doi']"),
            "journal": article.findtext("MedlineCitation/Article/Journal/Title"),
            "title": article.findtext("MedlineCitation/Article/ArticleTitle"),
            "publishedAt": "-".join(dated.findtext(p) for p in ("Year", "Month", "Day")),
            "version": "-".join(revised.findtext(p) for p in ("Year", "Month", "Day")),
        }
        assert {"curie": f"PUBMED:{pmid}"} in document["xrefs"]
    orcid = next(
        i.text.rsplit("/", 1)[-1] for i in ET.parse(PUBMED).getroot().iter("Identifier") if i.get("Source") == "ORCID"
    )
    author = by_xref(
        client,
        f"ORCID:{orcid}",
        "name xrefs { curie } ... on Researcher { institutions { node { name } evidence { field } } }",
    )
    assert author["name"] == "Tian Xinggui" and author["xrefs"] == [{"curie": f"ORCID:{orcid}"}]
    assert all("AffiliationInfo" in ev["field"] for edge in author["institutions"] for ev in edge["evidence"])


def test_a_chictr_registration_round_trips_what_the_reader_maps(records_graph, client):
    (result,) = extract_path(CHICTR, max_bytes=10_000_000)
    (registered,) = [e for e in result.entities if e.type == "Trial"]
    trial = by_xref(client, registered.xrefs[0], TRIAL_FIELDS % ("id", ""))
    stated = dict(registered.attributes)
    names = {"start_date": "startDate", "completion_date": "completionDate", "study_type": "studyType"}
    assert stated and {names.get(k, k): list(v) if isinstance(v, tuple) else v for k, v in stated.items()} == {
        names.get(k, k): trial[names.get(k, k)] for k in stated
    }
    for entity in result.entities:
        for curie in entity.xrefs:
            assert by_xref(client, curie, "id")["id"] == entity.key, curie


def test_records_reingest_to_nothing_and_retract_exactly(clean_graph):
    ingest_paths(clean_graph, [PUBMED, CHICTR])
    without = canonical_dump(clean_graph)
    ingest_paths(clean_graph, [CTGOV])
    loaded = canonical_dump(clean_graph)
    report = ingest_paths(clean_graph, [CTGOV, PUBMED, CHICTR]).report
    assert (report.documents_loaded, report.documents_unchanged) == (0, 4) and canonical_dump(clean_graph) == loaded
    (result,) = extract_path(CTGOV, max_bytes=10_000_000)
    Loader(clean_graph).remove(result.document.doc_id)
    assert canonical_dump(clean_graph) == without
