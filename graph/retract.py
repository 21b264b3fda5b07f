"""Retract a document: delete exactly what only it supported.

Its evidence goes; relations left with no evidence go; its mentions go; entities no other
document mentions go; surviving entities keep only aliases other documents still give them.
Runs inside the caller's transaction, so a retraction is all-or-nothing.
"""
from __future__ import annotations

from neo4j import ManagedTransaction

from cellkg.schema import RELATION_TYPES
from graph import statements as cy


def retract_document(tx: ManagedTransaction, doc_id: str) -> None:
    claims = {row["type"]: row["keys"] for row in tx.run(cy.DOCUMENT_CLAIMS, doc_id=doc_id)}
    tx.run(cy.DELETE_DOCUMENT_EVIDENCE, doc_id=doc_id).consume()
    for rel_type in RELATION_TYPES:
        if claims.get(rel_type):
            tx.run(cy.refresh_relations(rel_type), keys=claims[rel_type]).consume()
    keys = tx.run(cy.DELETE_DOCUMENT_MENTIONS, doc_id=doc_id).single()["keys"]
    tx.run(cy.DELETE_UNMENTIONED_ENTITIES, keys=keys).consume()
    tx.run(cy.REFRESH_ALIASES, keys=keys).consume()
    tx.run(cy.DELETE_DOCUMENT, doc_id=doc_id).consume()
