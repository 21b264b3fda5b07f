"""Write GraphBatches to Neo4j: batched UNWIND on constrained keys, one transaction per group.

A group of documents loads completely or not at all (one managed write transaction, retried
on transient errors such as deadlocks between concurrent ingesters). Unchanged documents are
skipped, so re-ingesting changes nothing; a new version from the same source first retracts
the old one inside the same transaction, and so does the same text read by a new extractor version.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from neo4j import Driver, ManagedTransaction

from cellkg.core.model import ExtractionResult
from cellkg.graph import statements as cy
from cellkg.graph.batch import GraphBatch, build_batch
from cellkg.graph.retract import retract_document
from cellkg.graph.version import bump_version

ROWS_PER_STATEMENT = 10_000


@dataclass
class LoadReport:
    documents_loaded: int = 0
    documents_unchanged: int = 0
    documents_replaced: list[str] = field(default_factory=list)
    # sources whose record was older (by DocumentRecord.version) than the one stored or given with it
    documents_outdated: list[str] = field(default_factory=list)
    entities: int = 0
    mentions: int = 0
    relations: int = 0
    evidence: int = 0
    dropped: dict[str, int] = field(default_factory=dict)

    def add(self, other: LoadReport) -> None:
        self.documents_loaded += other.documents_loaded
        self.documents_unchanged += other.documents_unchanged
        self.documents_replaced += other.documents_replaced
        self.documents_outdated += other.documents_outdated
        self.entities += other.entities
        self.mentions += other.mentions
        self.relations += other.relations
        self.evidence += other.evidence
        for reason, count in other.dropped.items():
            self.dropped[reason] = self.dropped.get(reason, 0) + count


def _chunks(rows: list[dict]):
    for start in range(0, len(rows), ROWS_PER_STATEMENT):
        yield rows[start : start + ROWS_PER_STATEMENT]


def _run_batched(tx: ManagedTransaction, statement: str, rows: list[dict]) -> None:
    for chunk in _chunks(rows):
        tx.run(statement, rows=chunk).consume()


def write_batch(tx: ManagedTransaction, batch: GraphBatch) -> list[str]:
    """Write one batch inside ``tx``; returns the doc ids of older versions it replaced."""
    docs = [
        {
            "doc_id": d["doc_id"],
            "source": d["source"],
            "extractor_version": d["props"]["extractor_version"],
            "version": d["props"]["version"],
        }
        for d in batch.documents
    ]
    replaced = [row["doc_id"] for row in tx.run(cy.OUTDATED_DOCUMENTS, docs=docs)]
    for doc_id in replaced:
        retract_document(tx, doc_id)
    relations = [row for rows in batch.relations.values() for row in rows]
    _run_batched(tx, cy.MERGE_DOCUMENTS, batch.documents)
    _run_batched(tx, cy.MERGE_ENTITIES, [row for rows in batch.entities.values() for row in rows])
    _run_batched(tx, cy.MERGE_MENTIONS, batch.mentions)
    identified = [{"key": m["key"], "xrefs": m["xrefs"]} for m in batch.mentions if m["xrefs"]]
    gained = {row["key"] for chunk in _chunks(identified) for row in tx.run(cy.ADD_XREFS, rows=chunk)}
    tx.run(cy.LINK_SUBTYPES, keys=sorted(gained)).consume()
    tx.run(cy.REFRESH_ATTRIBUTES, keys=sorted({m["key"] for m in batch.mentions if m["attributes"]})).consume()
    for rel_type, rows in batch.relations.items():
        _run_batched(tx, cy.merge_relations(rel_type), rows)
    _run_batched(tx, cy.MERGE_EVIDENCE, batch.evidence)
    _run_batched(tx, cy.REFRESH_RELATIONS, relations)
    bump_version(tx)
    return replaced


class Loader:
    def __init__(self, driver: Driver, database: str = "neo4j") -> None:
        self.driver = driver
        self.database = database

    def existing(self, doc_ids: list[str]) -> dict[str, str]:
        """doc id -> the extractor version that produced what the graph holds of it."""
        records, _, _ = self.driver.execute_query(cy.EXISTING_DOCUMENTS, doc_ids=doc_ids, database_=self.database)
        return {r["doc_id"]: r["extractor_version"] for r in records}

    def stored_versions(self, sources: list[str]) -> dict[str, str]:
        """source -> the newest version stamp stored for it (sources without one are absent)."""
        records, _, _ = self.driver.execute_query(cy.STORED_VERSIONS, sources=sources, database_=self.database)
        return {r["source"]: r["version"] for r in records}

    def current(self, results: list[ExtractionResult]) -> tuple[list[ExtractionResult], list[str]]:
        """The results to load, and the sources of the records skipped as outdated: older (by
        ``DocumentRecord.version``) than the stored record of their source or than another record of
        it in this group (of equal ones, the last given wins). Unversioned documents all pass."""
        stored = self.stored_versions(sorted({r.document.source for r in results if r.document.version}))
        newest: dict[str, ExtractionResult] = {}
        for result in results:
            best = newest.get(result.document.source)
            if result.document.version and (best is None or result.document.version >= best.document.version):
                newest[result.document.source] = result
        kept, outdated = [], []
        for result in results:
            doc = result.document
            if doc.version and (newest[doc.source] is not result or doc.version < stored.get(doc.source, "")):
                outdated.append(doc.source)
            else:
                kept.append(result)
        return kept, outdated

    def load(self, results: list[ExtractionResult]) -> LoadReport:
        """Load one group of documents in one transaction; documents already loaded by the same
        extractor version are skipped, those read by another version are replaced, and records
        older than the stored version of their source are skipped and reported."""
        results, outdated = self.current(results)
        known = self.existing([r.document.doc_id for r in results])
        fresh = [r for r in results if known.get(r.document.doc_id, object()) != r.extractor_version]
        report = LoadReport(documents_unchanged=len(results) - len(fresh), documents_outdated=outdated)
        if not fresh:
            return report
        batch = build_batch(fresh)
        with self.driver.session(database=self.database) as session:
            replaced = session.execute_write(write_batch, batch)
        report.documents_loaded = len(batch.documents)
        report.documents_replaced = replaced
        report.entities = sum(len(rows) for rows in batch.entities.values())
        report.mentions = len(batch.mentions)
        report.relations = sum(len(rows) for rows in batch.relations.values())
        report.evidence = len(batch.evidence)
        report.dropped = dict(batch.dropped)
        return report

    def remove(self, doc_id: str) -> None:
        with self.driver.session(database=self.database) as session:
            session.execute_write(retract_document, doc_id)
