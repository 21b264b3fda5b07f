"""The record fixtures (tests/data/records, origins in SOURCES.md) and the provenance every reader owes."""

from __future__ import annotations

from cellkg.core.model import Entity, ExtractionResult
from tests.support.paths import REPO_ROOT

RECORDS = REPO_ROOT / "tests" / "data" / "records"


def assert_provenance(result: ExtractionResult) -> None:
    """Every mention and evidence span is exact in the stored text; every entity is named by a mention;
    field evidence names its field and is stated."""
    text = result.document.text
    for mention in result.mentions:
        assert text[mention.char_start : mention.char_end] == mention.text, mention
    for relation in result.relations:
        assert relation.evidence, relation
        for evidence in relation.evidence:
            assert text[evidence.char_start : evidence.char_end] == evidence.sentence, evidence
            assert evidence.doc_id == result.document.doc_id
            if evidence.field:
                assert evidence.rule.split(":")[0] in ("ctgov.v2", "pubmed", "pmc.jats", "chictr")
                assert evidence.confidence >= 0.95
    named = {m.entity_key for m in result.mentions}
    assert {e.key for e in result.entities} <= named


def entity(result: ExtractionResult, key: str) -> Entity:
    matches = [e for e in result.entities if e.key == key]
    assert matches, f"{key} not among {[e.key for e in result.entities]}"
    return matches[0]


def relations(result: ExtractionResult, rel_type: str) -> set[tuple[str, str]]:
    return {(r.source_key, r.target_key) for r in result.relations if r.type == rel_type}
