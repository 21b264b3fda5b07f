"""Reference hierarchies (the MONDO disease tree): loaded as data, never as a document's claims.

An ontology is a ``(:Ontology {name, source, version, loaded_at, terms, links})`` node and its
terms' ``(:Xref {curie, ontology})-[:IS_A {ontology}]->(:Xref)`` edges. Disease entities carrying
those identifiers are then linked ``(:Disease)-[:IS_A {ontology}]->(:Disease)`` (graph.statements
LINK_SUBTYPES), also whenever the loader adds a disease or an identifier. Removing a document never
touches the terms; loading another version of the ontology replaces them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from neo4j import Driver, ManagedTransaction

from cellkg.graph import statements as cy
from cellkg.graph.facts import normalised_curies
from cellkg.graph.version import bump_version

_STORED = "MATCH (o:Ontology {name: $name}) RETURN o.source AS source, o.version AS version"
_FORGET = """
MATCH (x:Xref {ontology: $name})
OPTIONAL MATCH (x)-[r:IS_A]->(:Xref)
DELETE r
REMOVE x.ontology
"""
_UNLINK_ENTITIES = "MATCH (:Disease)-[r:IS_A {ontology: $name}]->(:Disease) DELETE r"
_DELETE_UNUSED = "MATCH (x:Xref) WHERE x.ontology IS NULL AND NOT EXISTS { ()-[:HAS_XREF]->(x) } DELETE x"
_MERGE_LINKS = """
UNWIND $rows AS row
MERGE (c:Xref {curie: row.child}) ON CREATE SET c.prefix = split(row.child, ':')[0]
MERGE (p:Xref {curie: row.parent}) ON CREATE SET p.prefix = split(row.parent, ':')[0]
SET c.ontology = $name, p.ontology = $name
MERGE (c)-[r:IS_A]->(p) SET r.ontology = $name
"""
_RECORD = """
MERGE (o:Ontology {name: $name})
SET o.source = $source, o.version = $version, o.loaded_at = $now, o.terms = $terms, o.links = $links
"""
_IDENTIFIED_DISEASES = "MATCH (e:Disease) WHERE e.xrefs IS NOT NULL RETURN collect(e.key) AS keys"


@dataclass
class OntologyReport:
    name: str
    version: str
    unchanged: bool = False
    terms: int = 0
    links: int = 0
    dropped: dict[str, int] = field(default_factory=dict)


def _links(parents: Mapping[str, Iterable[str]], dropped: dict[str, int]) -> list[dict]:
    rows: set[tuple[str, str]] = set()
    for child, ancestors in parents.items():
        for curie in normalised_curies([child], dropped):
            rows.update((curie, parent) for parent in normalised_curies(list(ancestors), dropped) if parent != curie)
    return [{"child": c, "parent": p} for c, p in sorted(rows)]


def load_ontology(
    driver: Driver,
    name: str,
    parents: Mapping[str, Iterable[str]],
    *,
    source: str,
    version: str,
    database: str = "neo4j",
) -> OntologyReport:
    """Store ``parents`` ({child CURIE: parent CURIEs}) as the hierarchy ``name``, unless this source
    and version are already stored; then link the graph's diseases along it. One transaction."""
    report = OntologyReport(name=name, version=version)
    rows = _links(parents, report.dropped)
    report.links = len(rows)
    report.terms = len({r["child"] for r in rows} | {r["parent"] for r in rows})

    def write(tx: ManagedTransaction) -> None:
        stored = tx.run(_STORED, name=name).single()
        if stored is not None and (stored["source"], stored["version"]) == (source, version):
            report.unchanged = True
            return
        tx.run(_FORGET, name=name).consume()
        tx.run(_UNLINK_ENTITIES, name=name).consume()
        tx.run(_MERGE_LINKS, rows=rows, name=name).consume()
        tx.run(_DELETE_UNUSED).consume()
        now = datetime.now(UTC).isoformat(timespec="seconds")
        tx.run(_RECORD, name=name, source=source, version=version, now=now, terms=report.terms, links=report.links)
        keys = tx.run(_IDENTIFIED_DISEASES).single(strict=True)["keys"]
        tx.run(cy.LINK_SUBTYPES, keys=keys).consume()
        bump_version(tx)

    with driver.session(database=database) as session:
        session.execute_write(write)
    return report
