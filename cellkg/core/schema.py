"""The graph schema, declared once as data.

Entity labels, their key property, and the allowed (source, RELATION, target) triples come
from ../shared/eval/FORMAT.md. Extraction enforces the signatures, the loader refuses anything
outside them, constraints and indexes are generated from them, and Cypher labels and
relationship types are only ever taken from these closed sets, never from input.
"""

from __future__ import annotations

ENTITY_TYPES: tuple[str, ...] = ("Researcher", "Institution", "Therapy", "Target", "Trial", "Disease")

# relation type -> (allowed source types, allowed target types)
RELATION_SIGNATURES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "AFFILIATED_WITH": (frozenset({"Researcher"}), frozenset({"Institution"})),
    "DEVELOPS": (frozenset({"Researcher", "Institution"}), frozenset({"Therapy"})),
    "TARGETS": (frozenset({"Therapy"}), frozenset({"Target"})),
    "TREATS": (frozenset({"Therapy"}), frozenset({"Disease"})),
    "TESTED_IN": (frozenset({"Therapy"}), frozenset({"Trial"})),
    "CONDUCTED_AT": (frozenset({"Trial"}), frozenset({"Institution"})),
    "STUDIES": (frozenset({"Trial"}), frozenset({"Disease"})),
    "COLLABORATES_WITH": (frozenset({"Institution"}), frozenset({"Institution"})),
}
RELATION_TYPES: tuple[str, ...] = tuple(RELATION_SIGNATURES)
SYMMETRIC_RELATIONS: frozenset[str] = frozenset({"COLLABORATES_WITH"})

# Non-entity labels of the provenance layer.
DOCUMENT_LABEL = "Document"
EVIDENCE_LABEL = "Evidence"
# (:Document)-[:MENTIONS]->(:Entity)      the document names the entity (spans on the edge)
# (:Document)-[:ASSERTS]->(:Evidence)     the document states a claim (sentence and span)
# (:Evidence {relation_key})              joins the claim's evidence to the entity-entity edge
PROVENANCE_RELATIONS: tuple[str, ...] = ("MENTIONS", "ASSERTS")


def signature_allows(rel_type: str, source_type: str, target_type: str) -> bool:
    """True when FORMAT.md allows ``source_type -[rel_type]-> target_type``."""
    signature = RELATION_SIGNATURES.get(rel_type)
    if signature is None:
        return False
    sources, targets = signature
    return source_type in sources and target_type in targets


def check_label(label: str) -> str:
    """Return ``label`` if it is one of ours; raise otherwise (guards every label in Cypher)."""
    if label not in ENTITY_TYPES and label not in (DOCUMENT_LABEL, EVIDENCE_LABEL, "Entity"):
        raise ValueError(f"unknown label {label!r}")
    return label


def check_relation_type(rel_type: str) -> str:
    """Return ``rel_type`` if it is one of ours; raise otherwise."""
    if rel_type not in RELATION_SIGNATURES and rel_type not in PROVENANCE_RELATIONS:
        raise ValueError(f"unknown relationship type {rel_type!r}")
    return rel_type
