"""Identifiers, attributes, document metadata and record versions through the real loader and Neo4j."""

from __future__ import annotations

from cellkg.core.model import Entity
from cellkg.graph.loader import Loader
from cellkg.graph.ontology import load_ontology
from tests.support.factories import (
    CD19,
    CD19_CART,
    CD19_HGNC,
    DLBCL_MONDO,
    LYMPHOMA_MONDO,
    LYMPHOMA_TREE,
    PAPER,
    TSINGHUA,
    make_result,
    trial,
)
from tests.support.invariants import canonical_dump, expected_shape, integrity_problems

RECORD = "NCT01234567: CD19 CAR-T, sponsored by Tsinghua University."


def one(driver, query: str, **params) -> dict:
    records, _, _ = driver.execute_query(query, **params)
    assert len(records) == 1, records
    return records[0].data()


def trial_result(text: str, source: str, version: str, **attributes):
    return make_result(text, source, [(CD19_CART, "TESTED_IN", trial("NCT01234567", **attributes))], version=version)


def test_identifiers_join_across_documents_and_leave_with_the_document_that_gave_them(clean_graph):
    loader = Loader(clean_graph)
    plain = make_result("CD19 CAR-T targets CD19.", "news.txt", [(CD19_CART, "TARGETS", CD19)])
    loader.load([plain])
    before = canonical_dump(clean_graph)
    named = make_result("CD19 CAR-T targets CD19 (HGNC:1633).", "hgnc.txt", [(CD19_CART, "TARGETS", CD19_HGNC)])
    loader.load([named])
    found = one(
        clean_graph,
        "MATCH (x:Xref {curie: $c})<-[:HAS_XREF]-(e:Entity) RETURN e.key AS key, e.xrefs AS xrefs",
        c="HGNC:1633",
    )
    assert found == {"key": "Target:cd19", "xrefs": ["HGNC:1633"]}  # the registry's spelling, whatever was given
    assert integrity_problems(clean_graph, expected_shape([plain, named])) == []
    loader.remove(named.document.doc_id)
    assert canonical_dump(clean_graph) == before  # the identifier, its edge and its node went with the document


def test_document_metadata_text_and_evidence_field_are_stored(clean_graph):
    result = make_result(RECORD, "pubmed/31234567.xml", [(TSINGHUA, "DEVELOPS", CD19_CART)], field="sponsor", **PAPER)
    Loader(clean_graph).load([result])
    document = one(clean_graph, "MATCH (d:Document) RETURN d {.*} AS d")["d"]
    fields = ("pmid", "pmcid", "doi", "published_at", "journal", "version", "text", "xrefs")
    assert {k: document.get(k) for k in fields} == {
        "pmid": "31234567",
        "pmcid": "PMC6543210",
        "doi": "10.1000/cart.2019.1",
        "published_at": "2019-06-01",
        "journal": "Blood",
        "version": "2019-06-02",
        "text": RECORD,
        "xrefs": ["DOI:10.1000/cart.2019.1", "PMC:PMC6543210", "PUBMED:31234567"],
    }
    assert one(clean_graph, "MATCH (ev:Evidence) RETURN ev.field AS f")["f"] == "sponsor"


def test_attributes_are_typed_properties_and_the_newest_statement_wins_whatever_the_load_order(clean_graph):
    older = trial_result(
        "Registry A: NCT01234567 tests CD19 CAR-T.",
        "a.json",
        "2023-01-01",
        status="RECRUITING",
        phases=["PHASE1"],
        enrollment=20,
        countries=["China"],
    )
    newer = trial_result(
        "Registry B: NCT01234567 tests CD19 CAR-T.",
        "b.json",
        "2024-05-01",
        status="COMPLETED",
        phases=["PHASE1", "PHASE2"],
    )
    loader = Loader(clean_graph)
    loader.load([newer])
    loader.load([older])
    stated = (
        "MATCH (t:Trial) RETURN t.status AS status, t.phases AS phases, t.enrollment AS enrollment, "
        "t.countries AS countries, t.attributes AS attributes"
    )
    combined = {
        "status": "COMPLETED",
        "phases": ["PHASE1", "PHASE2"],
        "enrollment": 20,
        "countries": ["China"],
        "attributes": ["countries", "enrollment", "phases", "status"],
    }
    assert one(clean_graph, stated) == combined
    dump = canonical_dump(clean_graph)
    clean_graph.execute_query("MATCH (n) DETACH DELETE n")
    loader.load([older, newer])
    assert canonical_dump(clean_graph) == dump
    loader.remove(newer.document.doc_id)
    assert one(clean_graph, stated) == {
        "status": "RECRUITING",
        "phases": ["PHASE1"],
        "enrollment": 20,
        "countries": ["China"],
        "attributes": ["countries", "enrollment", "phases", "status"],
    }
    loader.load([newer])
    loader.remove(older.document.doc_id)
    assert one(clean_graph, stated) == {
        "status": "COMPLETED",
        "phases": ["PHASE1", "PHASE2"],
        "enrollment": None,
        "countries": None,
        "attributes": ["phases", "status"],
    }


def test_an_older_record_is_skipped_and_a_newer_one_replaces_the_stored(clean_graph):
    loader = Loader(clean_graph)
    v1 = trial_result(RECORD, "ctgov/NCT01234567.json", "2024-01-01", status="RECRUITING")
    v2 = trial_result(RECORD + " Completed.", "ctgov/NCT01234567.json", "2024-06-01", status="COMPLETED")
    loader.load([v2])
    dump = canonical_dump(clean_graph)
    report = loader.load([v1])
    assert report.documents_outdated == ["ctgov/NCT01234567.json"] and report.documents_loaded == 0
    assert canonical_dump(clean_graph) == dump
    clean_graph.execute_query("MATCH (n) DETACH DELETE n")
    loader.load([v1])
    report = loader.load([v2])
    assert report.documents_replaced == [v1.document.doc_id]
    assert canonical_dump(clean_graph) == dump
    assert loader.load([v2]).documents_unchanged == 1 and canonical_dump(clean_graph) == dump
    clean_graph.execute_query("MATCH (n) DETACH DELETE n")
    report = loader.load([v2, v1])  # two versions in one group: the newer one only
    assert report.documents_outdated == ["ctgov/NCT01234567.json"] and canonical_dump(clean_graph) == dump


def test_bad_identifiers_and_attributes_are_dropped_and_counted_not_loaded(clean_graph):
    odd = Entity(
        "Trial",
        "NCT07654321",
        ("NCT07654321",),
        attributes=(("status", "RECRUITING"), ("key", "Trial:hijack"), ("Phase Two", "x"), ("size", 1.5)),
        xrefs=("clinicaltrials:NCT07654321", "hgnc:not-a-number", "nonsense"),
    )
    report = Loader(clean_graph).load(
        [make_result("NCT07654321 tests CD19 CAR-T.", "odd.json", [(CD19_CART, "TESTED_IN", odd)])]
    )
    assert report.dropped == {
        "invalid identifier": 2,
        "attribute with a reserved or malformed name": 2,
        "attribute of an unsupported type": 1,
    }
    assert one(clean_graph, "MATCH (t:Trial) RETURN t.key AS key, t.status AS s, t.xrefs AS x") == {
        "key": "Trial:nct07654321",
        "s": "RECRUITING",
        "x": ["CLINICALTRIALS:NCT07654321"],
    }


def test_an_ontology_links_diseases_to_every_present_ancestor_and_outlives_documents(clean_graph):
    loader = Loader(clean_graph)
    lymphoma = make_result("CD19 CAR-T treats lymphoma.", "l.txt", [(CD19_CART, "TREATS", LYMPHOMA_MONDO)])
    dlbcl = make_result("CD19 CAR-T treats DLBCL.", "d.txt", [(CD19_CART, "TREATS", DLBCL_MONDO)])
    loader.load([dlbcl])
    report = load_ontology(clean_graph, "mondo", LYMPHOMA_TREE, source="tests", version="2024-01-01")
    assert (report.terms, report.links, report.unchanged) == (5, 4, False)
    loader.load([lymphoma])  # the parent arrives after the ontology: linked all the same
    subtypes = "MATCH (c:Disease)-[r:IS_A]->(p:Disease) RETURN c.name AS child, p.name AS parent, r.ontology AS o"
    records, _, _ = clean_graph.execute_query(subtypes)
    assert [r.data() for r in records] == [
        {"child": "diffuse large B-cell lymphoma", "parent": "lymphoma", "o": "mondo"}
    ]  # one hop, though the three classes in between name no entity
    dump = canonical_dump(clean_graph)
    assert load_ontology(clean_graph, "mondo", LYMPHOMA_TREE, source="tests", version="2024-01-01").unchanged
    assert canonical_dump(clean_graph) == dump
    loader.remove(dlbcl.document.doc_id)
    assert clean_graph.execute_query(subtypes).records == []
    terms, _, _ = clean_graph.execute_query("MATCH (x:Xref)-[:IS_A]->(y:Xref) RETURN count(*) AS n")
    assert terms[0]["n"] == 4  # reference data: no document removal touches it
    loader.load([dlbcl])
    assert canonical_dump(clean_graph) == dump


def test_a_new_ontology_version_replaces_the_old_terms(clean_graph):
    Loader(clean_graph).load(
        [
            make_result(
                "CD19 CAR-T treats DLBCL and lymphoma.",
                "x.txt",
                [(CD19_CART, "TREATS", DLBCL_MONDO), (CD19_CART, "TREATS", LYMPHOMA_MONDO)],
            )
        ]
    )
    load_ontology(clean_graph, "mondo", LYMPHOMA_TREE, source="tests", version="1")
    load_ontology(clean_graph, "mondo", {"mondo:0018905": ("mondo:0009693",)}, source="tests", version="2")
    records, _, _ = clean_graph.execute_query(
        "MATCH (x:Xref) RETURN x.curie AS c, x.ontology AS o, COUNT { (x)-[:IS_A]->() } AS up ORDER BY c"
    )
    assert [tuple(r.values()) for r in records] == [
        ("MONDO:0005062", None, 0),  # lymphoma: an entity's identifier, no longer a term
        ("MONDO:0009693", "mondo", 0),
        ("MONDO:0018905", "mondo", 1),
    ]
    assert clean_graph.execute_query("MATCH (:Disease)-[r:IS_A]->(:Disease) RETURN r").records == []
    assert one(clean_graph, "MATCH (o:Ontology) RETURN o.version AS v, o.links AS n") == {"v": "2", "n": 1}


def test_a_disease_that_loses_its_identifier_loses_its_is_a_links(clean_graph):
    loader = Loader(clean_graph)
    unnamed = Entity("Disease", "lymphoma", ("lymphoma",))  # no identifier in this document
    loader.load([make_result("CD19 CAR-T treats lymphoma.", "plain.txt", [(CD19_CART, "TREATS", unnamed)])])
    loader.load([make_result("CD19 CAR-T treats DLBCL.", "d.txt", [(CD19_CART, "TREATS", DLBCL_MONDO)])])
    load_ontology(clean_graph, "mondo", LYMPHOMA_TREE, source="tests", version="1")
    before = canonical_dump(clean_graph)
    identified = make_result("Lymphoma (MONDO:0005062).", "m.txt", [(CD19_CART, "TREATS", LYMPHOMA_MONDO)])
    loader.load([identified])
    links = "MATCH (:Disease)-[r:IS_A]->(p:Disease) RETURN p.name AS parent"
    assert [r["parent"] for r in clean_graph.execute_query(links).records] == ["lymphoma"]
    loader.remove(identified.document.doc_id)
    assert clean_graph.execute_query(links).records == []
    assert canonical_dump(clean_graph) == before
