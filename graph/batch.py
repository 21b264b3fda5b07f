"""ExtractionResult → GraphBatch: the rows the loader writes, grouped by label and type.

Pure functions, no database: every row carries the document it came from, so nothing enters
the graph without provenance. Labels and relationship types come only from cellkg.schema.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

from cellkg.core.model import Entity, ExtractionResult
from cellkg.core.schema import SYMMETRIC_RELATIONS, check_label, signature_allows
from cellkg.graph.facts import checked_attributes, document_identifiers, normalised_curies


@dataclass(frozen=True)
class GraphBatch:
    documents: list[dict] = field(default_factory=list)
    entities: dict[str, list[dict]] = field(default_factory=dict)  # label -> rows
    mentions: list[dict] = field(default_factory=list)
    relations: dict[str, list[dict]] = field(default_factory=dict)  # rel type -> rows
    evidence: list[dict] = field(default_factory=list)
    dropped: dict[str, int] = field(default_factory=dict)  # reason -> count

    @property
    def doc_ids(self) -> list[str]:
        return [d["doc_id"] for d in self.documents]


def _document_row(result: ExtractionResult, now: str, dropped: dict[str, int]) -> dict:
    doc = result.document
    return {
        "doc_id": doc.doc_id,
        "source": doc.source,
        "props": {
            "doc_id": doc.doc_id,
            "name": doc.name,
            "source": doc.source,
            "title": doc.title,
            "lang": doc.lang,
            "chars": len(doc.text),
            "text": doc.text,
            **document_identifiers(doc, dropped),
            "published_at": doc.published_at or None,
            "journal": doc.journal or None,
            "version": doc.version or None,
            "media_type": doc.media_type,
            "encoding": doc.encoding,
            "extractor_version": result.extractor_version,
            "ingested_at": now,
        },
    }


def _entity_row(entity: Entity) -> dict:
    aliases = sorted({entity.name, *entity.aliases})
    # "type" becomes the node's label in Cypher: only the schema's closed set may pass
    return {
        "key": entity.key,
        "name": entity.name,
        "type": check_label(entity.type),
        "aliases": aliases,
    }


def _mention_row(doc_id: str, entity: Entity, spans: list[tuple[int, int, str]], dropped: dict[str, int]) -> dict:
    """The document names the entity at ``spans`` and states these identifiers and attributes of it."""
    ordered = sorted(spans)
    values = checked_attributes(entity.attributes, dropped)
    return {
        "doc_id": doc_id,
        "key": entity.key,
        "count": len(ordered),
        "starts": [s for s, _, _ in ordered],
        "ends": [e for _, e, _ in ordered],
        "aliases": sorted({entity.name, *entity.aliases}),
        "xrefs": normalised_curies(entity.xrefs, dropped) or None,
        "attributes": sorted(values) or None,
        "values": values,
    }


def _merge_mention(row: dict, again: dict) -> None:
    """The same entity listed twice in one result: one MENTIONS edge stating all it was given."""
    row["aliases"] = sorted({*row["aliases"], *again["aliases"]})
    row["xrefs"] = sorted({*(row["xrefs"] or ()), *(again["xrefs"] or ())}) or None
    row["values"] = {**again["values"], **row["values"]}
    row["attributes"] = sorted(row["values"]) or None


def build_batch(results: list[ExtractionResult]) -> GraphBatch:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    batch = GraphBatch()
    dropped: dict[str, int] = defaultdict(int)
    entities: dict[str, dict[str, dict]] = defaultdict(dict)
    relations: dict[str, dict[str, dict]] = defaultdict(dict)
    for result in results:
        doc_id = result.document.doc_id
        batch.documents.append(_document_row(result, now, dropped))
        types = {e.key: e.type for e in result.entities}
        spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for mention in result.mentions:
            spans[mention.entity_key].append((mention.char_start, mention.char_end, mention.text))
        mentions: dict[str, dict] = {}
        for entity in result.entities:
            if not spans[entity.key]:
                dropped["entity without mention"] += 1
                continue
            row = entities[entity.type].setdefault(entity.key, _entity_row(entity))
            row["aliases"] = sorted({*row["aliases"], *entity.aliases})
            named = _mention_row(doc_id, entity, spans[entity.key], dropped)
            if entity.key in mentions:
                _merge_mention(mentions[entity.key], named)
            else:
                mentions[entity.key] = named
        batch.mentions.extend(mentions.values())
        for relation in result.relations:
            source, target = relation.source_key, relation.target_key
            if not signature_allows(relation.type, types.get(source, ""), types.get(target, "")):
                dropped["relation outside schema"] += 1
                continue
            if not relation.evidence:
                dropped["relation without evidence"] += 1
                continue
            if relation.type in SYMMETRIC_RELATIONS and target < source:
                source, target = target, source
            relations[relation.type][relation.key] = {"key": relation.key, "source": source, "target": target}
            for ev in relation.evidence:
                batch.evidence.append(
                    {
                        "key": ev.key(relation.key),
                        "doc_id": doc_id,
                        "props": {
                            "key": ev.key(relation.key),
                            "relation_key": relation.key,
                            "relation_type": relation.type,
                            "subject_key": source,
                            "object_key": target,
                            "doc_id": doc_id,
                            "sentence": ev.sentence,
                            "char_start": ev.char_start,
                            "char_end": ev.char_end,
                            "rule": ev.rule,
                            "rule_version": ev.rule_version,
                            "confidence": float(ev.confidence),
                            "negated": ev.negated,
                            "hedged": ev.hedged,
                            "lang": ev.lang,
                            "source": ev.source or result.document.source,
                            "extracted_at": ev.extracted_at or now,
                            "field": ev.field or None,
                        },
                    }
                )
    batch.entities.update({label: list(rows.values()) for label, rows in entities.items()})
    batch.relations.update({rel: list(rows.values()) for rel, rows in relations.items()})
    batch.dropped.update(dropped)
    return batch
