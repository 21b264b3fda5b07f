"""Retract a document: delete exactly what only it supported.

Its evidence goes; relations left with no evidence go; its mentions go; entities no other
document mentions go; surviving entities keep only the aliases, identifiers and attribute values
other documents still give them, and only the IS_A links their remaining identifiers imply.
Ontology terms (graph.ontology) are reference data, not a document's: they stay.
Runs inside the caller's transaction, so a retraction is all-or-nothing.
"""

from __future__ import annotations

from neo4j import ManagedTransaction

from cellkg.graph import statements as cy
from cellkg.graph.version import bump_version


def retract_document(tx: ManagedTransaction, doc_id: str) -> None:
    claims = [row.data() for row in tx.run(cy.DOCUMENT_CLAIMS, doc_id=doc_id)]
    tx.run(cy.DELETE_DOCUMENT_EVIDENCE, doc_id=doc_id).consume()
    tx.run(cy.REFRESH_RELATIONS, rows=claims).consume()
    named = tx.run(cy.DELETE_DOCUMENT_MENTIONS, doc_id=doc_id).single(strict=True)
    tx.run(cy.DELETE_UNMENTIONED_ENTITIES, keys=named["keys"]).consume()
    lost = tx.run(cy.REFRESH_NAMES, keys=named["keys"]).single(strict=True)["lost"]
    tx.run(cy.UNLINK_XREFS, keys=lost).consume()
    tx.run(cy.DELETE_UNUSED_XREFS, curies=named["curies"]).consume()
    tx.run(cy.UNLINK_SUBTYPES, keys=lost).consume()
    tx.run(cy.LINK_SUBTYPES, keys=lost).consume()
    tx.run(cy.REFRESH_ATTRIBUTES, keys=named["attributed"]).consume()
    tx.run(cy.DELETE_DOCUMENT, doc_id=doc_id).consume()
    bump_version(tx)
