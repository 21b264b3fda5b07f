"""An analyst's py2neo session still reads the cellkg graph over Bolt (py2neo is end-of-life:
optional, and only its read paths are claimed to work; its HTTP scheme does not on Neo4j 5)."""

from __future__ import annotations

import pytest

from cellkg.core.settings import REPO_ROOT
from cellkg.graph.db import wipe_graph
from cellkg.ingest.stream import ingest_paths

py2neo = pytest.importorskip("py2neo", reason="py2neo is not installed (optional: pip install py2neo==2021.2.4)")


@pytest.fixture(scope="module")
def graph(driver, settings):
    wipe_graph(driver)
    ingest_paths(driver, [REPO_ROOT / "examples" / "corpus"])
    return py2neo.Graph(
        settings.bolt_uri, auth=(settings.neo4j_user, settings.password()), name=settings.neo4j_database
    )


def test_node_matcher_finds_entities_with_chinese_aliases(graph):
    kymriah = py2neo.NodeMatcher(graph).match("Therapy", name="Kymriah").first()
    assert {"Entity", "Therapy"} <= set(kymriah.labels)
    assert "tisagenlecleucel" in kymriah["aliases"] and kymriah["name_zh"] == "替沙仑赛"


def test_relationship_matcher_reads_claims_and_their_counts(graph):
    kymriah = py2neo.NodeMatcher(graph).match("Therapy", name="Kymriah").first()
    targets = {
        rel.end_node["name"]: rel for rel in py2neo.RelationshipMatcher(graph).match((kymriah, None), r_type="TARGETS")
    }
    assert targets["CD19"]["evidence_count"] >= 1 and targets["CD19"]["negated"] is False
    assert 0 < targets["CD19"]["confidence"] <= 1


def test_cypher_with_parameters_reads_the_evidence_sentences(graph):
    rows = graph.run(
        """
        MATCH (:Therapy {name: $therapy})-[r:TARGETS]->(:Target {name: $target})
        MATCH (ev:Evidence {relation_key: r.key})<-[:ASSERTS]-(d:Document)
        RETURN ev.sentence AS sentence, d.name AS document""",
        therapy="Kymriah",
        target="CD19",
    ).data()
    assert {
        "sentence": "Kymriah targets CD19, a protein found on the surface of normal and malignant B cells.",
        "document": "kymriah_cd19_car_t",
    } in rows
