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

ROWS_PER_STATEMENT = 10_000


@dataclass
class LoadReport:
    documents_loaded: int = 0
    documents_unchanged: int = 0
    documents_replaced: list[str] = field(default_factory=list)
    entities: int = 0
    mentions: int = 0
    relations: int = 0
    evidence: int = 0
    dropped: dict[str, int] = field(default_factory=dict)

    def add(self, other: LoadReport) -> None:
        self.documents_loaded += other.documents_loaded
        self.documents_unchanged += other.documents_unchanged
        self.documents_replaced += other.documents_replaced
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
        {"doc_id": d["doc_id"], "source": d["source"], "extractor_version": d["props"]["extractor_version"]}
        for d in batch.documents
    ]
    replaced = [row["doc_id"] for row in tx.run(cy.OUTDATED_DOCUMENTS, docs=docs)]
    for doc_id in replaced:
        retract_document(tx, doc_id)
    relations = [row for rows in batch.relations.values() for row in rows]
    _run_batched(tx, cy.MERGE_DOCUMENTS, batch.documents)
    _run_batched(tx, cy.MERGE_ENTITIES, [row for rows in batch.entities.values() for row in rows])
    _run_batched(tx, cy.MERGE_MENTIONS, batch.mentions)
    for rel_type, rows in batch.relations.items():
        _run_batched(tx, cy.merge_relations(rel_type), rows)
    _run_batched(tx, cy.MERGE_EVIDENCE, batch.evidence)
    _run_batched(tx, cy.REFRESH_RELATIONS, relations)
    return replaced


class Loader:
    def __init__(self, driver: Driver, database: str = "neo4j") -> None:
        self.driver = driver
        self.database = database

    def existing(self, doc_ids: list[str]) -> dict[str, str]:
        """doc id -> the extractor version that produced what the graph holds of it."""
        records, _, _ = self.driver.execute_query(cy.EXISTING_DOCUMENTS, doc_ids=doc_ids, database_=self.database)
        return {r["doc_id"]: r["extractor_version"] for r in records}

    def load(self, results: list[ExtractionResult]) -> LoadReport:
        """Load one group of documents in one transaction; documents already loaded by the same
        extractor version are skipped, those read by another version are replaced."""
        known = self.existing([r.document.doc_id for r in results])
        fresh = [r for r in results if known.get(r.document.doc_id, object()) != r.extractor_version]
        report = LoadReport(documents_unchanged=len(results) - len(fresh))
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
