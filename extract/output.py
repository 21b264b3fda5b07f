"""ExtractionResult → the FORMAT.md JSON (plus provenance keys the scorer ignores)."""

from __future__ import annotations

from cellkg.core.model import AttributeValue, DocumentRecord, ExtractionResult


def to_format_json(result: ExtractionResult) -> dict:
    local = {e.key: f"e{i}" for i, e in enumerate(result.entities, start=1)}
    spans: dict[str, list[list[int]]] = {}
    for mention in result.mentions:
        spans.setdefault(mention.entity_key, []).append([mention.char_start, mention.char_end])
    entities = [
        {
            "id": local[e.key],
            "type": e.type,
            "name": e.name,
            "aliases": list(e.aliases),
            "key": e.key,
            "mentions": spans.get(e.key, []),
            **({"xrefs": list(e.xrefs)} if e.xrefs else {}),
            **({"attributes": {name: _json_value(v) for name, v in e.attributes}} if e.attributes else {}),
        }
        for e in result.entities
    ]
    relations = []
    for relation in result.relations:
        if relation.source_key not in local or relation.target_key not in local:
            continue
        best = max(relation.evidence, key=lambda ev: ev.confidence)
        relations.append(
            {
                "type": relation.type,
                "source": local[relation.source_key],
                "target": local[relation.target_key],
                "evidence": best.sentence,
                "confidence": best.confidence,
                "negated": best.negated,
                "hedged": best.hedged,
                "rule": best.rule,
                "rule_version": best.rule_version,
                "char_start": best.char_start,
                "char_end": best.char_end,
                "evidence_count": len(relation.evidence),
                **({"field": best.field} if best.field else {}),
            }
        )
    document = result.document
    return {
        "doc_id": document.name,
        "lang": document.lang,
        "source": document.source,
        "extractor_version": result.extractor_version,
        **_document_metadata(document),
        "entities": entities,
        "relations": relations,
    }


def _json_value(value: AttributeValue) -> str | int | list[str]:
    return list(value) if isinstance(value, tuple) else value


def _document_metadata(document: DocumentRecord) -> dict:
    """A structured record's own identifiers, dates and journal (absent for plain documents)."""
    found = {
        "title": document.title,
        "xrefs": list(document.xrefs),
        "published_at": document.published_at,
        "journal": document.journal,
        "version": document.version,
    }
    return {k: v for k, v in found.items() if v} if document.xrefs else {}
