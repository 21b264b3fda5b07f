"""Retract a document: delete exactly what only it supported.

Its evidence goes; relations left with no evidence go; its mentions go; entities no other
document mentions go; surviving entities keep only aliases other documents still give them.
Runs inside the caller's transaction, so a retraction is all-or-nothing.
"""

from __future__ import annotations

from neo4j import ManagedTransaction

from cellkg.graph import statements as cy


def retract_document(tx: ManagedTransaction, doc_id: str) -> None:
    claims = [row.data() for row in tx.run(cy.DOCUMENT_CLAIMS, doc_id=doc_id)]
    tx.run(cy.DELETE_DOCUMENT_EVIDENCE, doc_id=doc_id).consume()
    tx.run(cy.REFRESH_RELATIONS, rows=claims).consume()
    keys = tx.run(cy.DELETE_DOCUMENT_MENTIONS, doc_id=doc_id).single(strict=True)["keys"]
    tx.run(cy.DELETE_UNMENTIONED_ENTITIES, keys=keys).consume()
    tx.run(cy.REFRESH_ALIASES, keys=keys).consume()
    tx.run(cy.DELETE_DOCUMENT, doc_id=doc_id).consume()
