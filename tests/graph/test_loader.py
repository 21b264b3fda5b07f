"""The loader against the real Neo4j: idempotence, versions, retraction, all-or-nothing."""

from __future__ import annotations

import pytest
from neo4j.exceptions import Neo4jError

from cellkg.core.model import Entity
from cellkg.graph import statements as cy
from cellkg.graph.loader import Loader
from tests.support.factories import (
    BCMA,
    BCMA_CART,
    CD19,
    CD19_CART,
    LI_HUA,
    LYMPHOMA,
    MYELOMA,
    PKU,
    TSINGHUA,
    make_result,
)

EN = "Researchers at Tsinghua University engineered CD19 CAR-T cells against CD19 for B-cell lymphoma."
ZH = "清华大学李华团队研发的BCMA CAR-T细胞靶向BCMA，用于治疗多发性骨髓瘤。"
EN_CLAIMS = [(CD19_CART, "TARGETS", CD19), (CD19_CART, "TREATS", LYMPHOMA), (TSINGHUA, "DEVELOPS", CD19_CART)]
ZH_CLAIMS = [
    (BCMA_CART, "TARGETS", BCMA),
    (BCMA_CART, "TREATS", MYELOMA),
    (LI_HUA, "AFFILIATED_WITH", TSINGHUA),
    (TSINGHUA, "DEVELOPS", BCMA_CART),
]


def counts(driver) -> dict[str, int]:
    records, _, _ = driver.execute_query(cy.GRAPH_COUNTS)
    nodes, _, _ = driver.execute_query("MATCH (n) RETURN count(n) AS n")
    rels, _, _ = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS n")
    return {r["name"]: r["count"] for r in records} | {"nodes": nodes[0]["n"], "relationships": rels[0]["n"]}


def test_reingesting_unchanged_documents_changes_nothing(clean_graph):
    loader = Loader(clean_graph)
    loader.load([make_result(EN, "en.txt", EN_CLAIMS), make_result(ZH, "zh.txt", ZH_CLAIMS, lang="zh")])
    before = counts(clean_graph)
    props_before, _, _ = clean_graph.execute_query(
        "MATCH (d:Document) RETURN d.doc_id, d.ingested_at ORDER BY d.doc_id"
    )
    report = loader.load([make_result(EN, "en.txt", EN_CLAIMS), make_result(ZH, "zh.txt", ZH_CLAIMS, lang="zh")])
    assert report.documents_unchanged == 2 and report.documents_loaded == 0
    assert counts(clean_graph) == before
    props_after, _, _ = clean_graph.execute_query("MATCH (d:Document) RETURN d.doc_id, d.ingested_at ORDER BY d.doc_id")
    assert props_after == props_before
    assert before["Document"] == 2 and before["Therapy"] == 2 and before["TARGETS"] == 2


def test_same_claim_from_two_documents_is_one_edge_with_two_evidence(clean_graph):
    loader = Loader(clean_graph)
    loader.load([make_result(EN, "a.txt", EN_CLAIMS[:1], confidence=0.8)])
    loader.load([make_result(EN + " Again.", "b.txt", EN_CLAIMS[:1], confidence=0.5)])
    records, _, _ = clean_graph.execute_query(
        "MATCH (:Therapy)-[r:TARGETS]->(:Target) RETURN count(r) AS n, r.evidence_count AS ev, r.confidence AS c"
    )
    assert records[0]["n"] == 1 and records[0]["ev"] == 2
    assert records[0]["c"] == pytest.approx(1 - 0.2 * 0.5)


def test_new_version_from_same_source_replaces_the_old_one(clean_graph):
    loader = Loader(clean_graph)
    loader.load([make_result(EN, "news.txt", EN_CLAIMS)])
    report = loader.load([make_result(ZH, "news.txt", ZH_CLAIMS, lang="zh")])
    assert len(report.documents_replaced) == 1
    c = counts(clean_graph)
    assert c["Document"] == 1
    assert "CD19 CAR-T" not in names(clean_graph, "Therapy") and "BCMA CAR-T" in names(clean_graph, "Therapy")
    # Tsinghua survives (the new version names it too) but loses the English-only claim
    records, _, _ = clean_graph.execute_query(
        "MATCH (:Institution {name:'Tsinghua University'})-[:DEVELOPS]->(t) RETURN t.name AS t"
    )
    assert [r["t"] for r in records] == ["BCMA CAR-T"]


def names(driver, label: str) -> set[str]:
    records, _, _ = driver.execute_query("MATCH (n:Entity) WHERE n.type = $label RETURN n.name AS name", label=label)
    return {r["name"] for r in records}


def test_removing_a_document_retracts_exactly_what_only_it_supported(clean_graph):
    loader = Loader(clean_graph)
    tsinghua_en = Entity("Institution", "Tsinghua University", ("Tsinghua University",))
    tsinghua_zh = Entity("Institution", "Tsinghua University", ("清华大学",))
    loader.load([make_result(EN, "en.txt", [(tsinghua_en, "DEVELOPS", CD19_CART), *EN_CLAIMS[:2]])])
    only_first = counts(clean_graph)
    zh = make_result(ZH, "zh.txt", [(tsinghua_zh, "DEVELOPS", CD19_CART), *ZH_CLAIMS[:3]], lang="zh")
    loader.load([zh])
    assert counts(clean_graph) != only_first
    loader.remove(zh.document.doc_id)
    assert counts(clean_graph) == only_first
    records, _, _ = clean_graph.execute_query(
        "MATCH (i:Institution {name: 'Tsinghua University'})-[r:DEVELOPS]->() "
        "RETURN i.aliases AS aliases, r.evidence_count AS ev"
    )
    assert records[0]["ev"] == 1
    assert "清华大学" not in records[0]["aliases"]  # only the removed Chinese document gave that alias here


def test_a_failure_mid_document_leaves_nothing_of_it(clean_graph):
    loader = Loader(clean_graph)
    loader.load([make_result(EN, "en.txt", EN_CLAIMS)])
    before = counts(clean_graph)
    # A key too long for Neo4j's index: Neo4j rejects the entity write after the document node was
    # already merged in the same transaction.
    broken = Entity("Institution", "Broken Institute " + "x" * 40_000)
    with pytest.raises(Neo4jError):
        loader.load([make_result(ZH, "zh.txt", ZH_CLAIMS + [(LI_HUA, "AFFILIATED_WITH", broken)], lang="zh")])
    assert counts(clean_graph) == before


def test_collaboration_is_stored_once_whatever_the_direction(clean_graph):
    loader = Loader(clean_graph)
    loader.load(
        [
            make_result(
                "Tsinghua University and Peking University formed a joint team.",
                "x.txt",
                [(TSINGHUA, "COLLABORATES_WITH", PKU)],
            )
        ]
    )
    loader.load(
        [
            make_result(
                "Peking University cooperates with Tsinghua University.",
                "y.txt",
                [(PKU, "COLLABORATES_WITH", TSINGHUA)],
            )
        ]
    )
    records, _, _ = clean_graph.execute_query(
        "MATCH ()-[r:COLLABORATES_WITH]->() RETURN count(r) AS n, sum(r.evidence_count) AS ev"
    )
    assert records[0]["n"] == 1 and records[0]["ev"] == 2


def test_negated_evidence_is_kept_and_marks_the_claim(clean_graph):
    Loader(clean_graph).load(
        [make_result("CD19 CAR-T did not target BCMA.", "neg.txt", [(CD19_CART, "TARGETS", BCMA)], negated=True)]
    )
    records, _, _ = clean_graph.execute_query("MATCH ()-[r:TARGETS]->() RETURN r.negated AS neg, r.confidence AS c")
    assert records[0]["neg"] is True and records[0]["c"] == 0.0


def test_every_edge_reaches_its_sentences_in_two_hops(clean_graph):
    Loader(clean_graph).load([make_result(EN, "en.txt", EN_CLAIMS)])
    records, _, _ = clean_graph.execute_query(
        "MATCH (:Therapy {name: 'CD19 CAR-T'})-[r:TREATS]->(:Disease) "
        "MATCH (ev:Evidence {relation_key: r.key})<-[:ASSERTS]-(d:Document) "
        "RETURN ev.sentence AS s, ev.char_start AS a, ev.char_end AS b, ev.rule AS rule, d.source AS src"
    )
    assert records and records[0]["s"] == EN and records[0]["src"] == "en.txt" and records[0]["rule"] == "test.treats"


def test_a_new_extractor_version_replaces_what_the_old_one_read(clean_graph):
    from dataclasses import replace

    loader = Loader(clean_graph)
    loader.load([make_result(EN, "en.txt", EN_CLAIMS)])
    reread = replace(make_result(EN, "en.txt", EN_CLAIMS[:1]), extractor_version="test-2")
    report = loader.load([reread])
    assert report.documents_loaded == 1 and report.documents_replaced == [reread.document.doc_id]
    c = counts(clean_graph)
    assert c["Document"] == 1 and c.get("TREATS", 0) == 0 and c["TARGETS"] == 1
    assert loader.load([reread]).documents_unchanged == 1  # and that version is now the current one
