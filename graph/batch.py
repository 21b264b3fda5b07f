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


def _document_row(result: ExtractionResult, now: str) -> dict:
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
        "attributes": dict(entity.attributes),
    }


def build_batch(results: list[ExtractionResult]) -> GraphBatch:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    batch = GraphBatch()
    dropped: dict[str, int] = defaultdict(int)
    entities: dict[str, dict[str, dict]] = defaultdict(dict)
    relations: dict[str, dict[str, dict]] = defaultdict(dict)
    for result in results:
        doc_id = result.document.doc_id
        batch.documents.append(_document_row(result, now))
        types = {e.key: e.type for e in result.entities}
        spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for mention in result.mentions:
            spans[mention.entity_key].append((mention.char_start, mention.char_end, mention.text))
        for entity in result.entities:
            if not spans[entity.key]:
                dropped["entity without mention"] += 1
                continue
            row = entities[entity.type].setdefault(entity.key, _entity_row(entity))
            row["aliases"] = sorted({*row["aliases"], *entity.aliases})
            ordered = sorted(spans[entity.key])
            batch.mentions.append(
                {
                    "doc_id": doc_id,
                    "key": entity.key,
                    "count": len(ordered),
                    "starts": [s for s, _, _ in ordered],
                    "ends": [e for _, e, _ in ordered],
                    "aliases": sorted({entity.name, *entity.aliases}),
                }
            )
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
                        },
                    }
                )
    batch.entities.update({label: list(rows.values()) for label, rows in entities.items()})
    batch.relations.update({rel: list(rows.values()) for rel, rows in relations.items()})
    batch.dropped.update(dropped)
    return batch
