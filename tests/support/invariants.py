"""What a sound graph looks like, shared by the fault, concurrency, bulk and distributed tests.

``canonical_dump`` is the graph as comparable data: everything except load timestamps, with
order-dependent values (alias lists, the search text built from them) put in a fixed order, so
two graphs built in different orders compare equal exactly when they hold the same facts.
``integrity_problems`` lists every broken invariant: a half-loaded document, evidence without
its document, a relation without evidence or with stale aggregates, duplicate keys.
tests/graph/test_integrity_checks.py proves the checks catch each kind of damage.
"""

from __future__ import annotations

from neo4j import Driver

from benchmarks.synth import generate_document, to_result
from cellkg.core.model import ExtractionResult
from cellkg.core.schema import RELATION_TYPES
from cellkg.graph.batch import build_batch

TIMESTAMPS = {"ingested_at", "extracted_at", "loaded_at"}


def node_id(var: str) -> str:
    """A node's identity: entities and evidence by key, documents by doc_id, identifiers by CURIE,
    ontologies by name."""
    return f"coalesce({var}.key, {var}.doc_id, {var}.curie, {var}.name)"


NODE_ID = node_id("n")
RELATIONS = "|".join(RELATION_TYPES)


def synthetic_results(docs: int, seed: int) -> list[ExtractionResult]:
    return [to_result(generate_document(i, docs=docs, seed=seed)) for i in range(docs)]


def expected_shape(results: list[ExtractionResult]) -> dict[str, tuple[int, int]]:
    """doc_id -> (MENTIONS edges, ASSERTS edges) a complete load gives each document."""
    batches = {r.document.doc_id: build_batch([r]) for r in results}
    return {doc_id: (len(b.mentions), len(b.evidence)) for doc_id, b in batches.items()}


def _canonical(props: dict) -> tuple:
    props = {k: v for k, v in props.items() if k not in TIMESTAMPS}
    if "aliases" in props:
        props["aliases"] = sorted(props["aliases"])
    if "search_text" in props:
        props["search_text"] = sorted(props["search_text"].split(" | "))
    if "aliases_lower" in props:
        props["aliases_lower"] = sorted(props["aliases_lower"].split("\x00"))
    if "confidence" in props:
        props["confidence"] = round(props["confidence"], 9)
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in props.items()))


DUMP_QUERIES = {
    "nodes": f"MATCH (n) RETURN [l IN labels(n) | l] AS labels, {NODE_ID} AS id, properties(n) AS props",
    "edges": f"MATCH (a)-[r]->(b) RETURN type(r) AS type, {node_id('a')} AS start, "
    f"{node_id('b')} AS end, properties(r) AS props",
}


def canonical_dump(driver: Driver) -> dict[str, list[tuple]]:
    nodes, _, _ = driver.execute_query(DUMP_QUERIES["nodes"])
    edges, _, _ = driver.execute_query(DUMP_QUERIES["edges"])
    return {
        "nodes": sorted((tuple(sorted(r["labels"])), r["id"], _canonical(r["props"])) for r in nodes),
        "edges": sorted((r["type"], r["start"], r["end"], _canonical(r["props"])) for r in edges),
    }


CHECKS = {
    "evidence without exactly one document": "MATCH (ev:Evidence) WHERE COUNT { (:Document)-[:ASSERTS]->(ev) } <> 1 "
    "OR NOT EXISTS { (:Document {doc_id: ev.doc_id})-[:ASSERTS]->(ev) } RETURN ev.key AS item",
    "evidence without its relation": "MATCH (ev:Evidence) "
    "WHERE NOT EXISTS { ()-[r]->() WHERE r.key = ev.relation_key } RETURN ev.key AS item",
    "relation without evidence or with stale counts": f"MATCH ()-[r:{RELATIONS}]->() "
    "WITH r, COUNT { MATCH (ev:Evidence {relation_key: r.key}) } AS n WHERE n = 0 OR n <> r.evidence_count "
    "RETURN r.key AS item",
    "entity nobody mentions": "MATCH (e:Entity) WHERE NOT EXISTS { (:Document)-[:MENTIONS]->(e) } RETURN e.key AS item",
    "node without identity": f"MATCH (n) WHERE {NODE_ID} IS NULL RETURN elementId(n) AS item",
    "duplicate node key": f"MATCH (n) WITH {NODE_ID} AS k, count(*) AS c WHERE c > 1 RETURN k AS item",
    "identifier edge its entity does not list": "MATCH (e:Entity)-[:HAS_XREF]->(x:Xref) "
    "WHERE NOT x.curie IN coalesce(e.xrefs, []) RETURN e.key AS item",
    "listed identifier without its edge": "MATCH (e:Entity) UNWIND coalesce(e.xrefs, []) AS c "
    "WITH e, c WHERE NOT EXISTS { (e)-[:HAS_XREF]->(:Xref {curie: c}) } RETURN e.key AS item",
    "identifier nobody uses": "MATCH (x:Xref) WHERE x.ontology IS NULL AND NOT EXISTS { ()-[:HAS_XREF]->(x) } "
    "RETURN x.curie AS item",
    "duplicate relation key": "MATCH ()-[r]->() WHERE r.key IS NOT NULL WITH r.key AS k, count(*) AS c WHERE c > 1 "
    "RETURN k AS item",
}
DOCUMENT_SHAPES = (
    "MATCH (d:Document) RETURN d.doc_id AS doc_id, COUNT { (d)-[:MENTIONS]->() } AS mentions, "
    "COUNT { (d)-[:ASSERTS]->() } AS asserts"
)


def integrity_problems(driver: Driver, expected: dict[str, tuple[int, int]]) -> list[str]:
    """Every broken invariant, as readable lines; ``expected`` is :func:`expected_shape` of the corpus."""
    problems = []
    for name, query in CHECKS.items():
        records, _, _ = driver.execute_query(query)
        problems.extend(f"{name}: {r['item']}" for r in records)
    for r in driver.execute_query(DOCUMENT_SHAPES).records:
        shape = (r["mentions"], r["asserts"])
        if expected.get(r["doc_id"]) != shape:
            problems.append(f"document {r['doc_id']} half-loaded or unknown: {shape} != {expected.get(r['doc_id'])}")
    return problems
