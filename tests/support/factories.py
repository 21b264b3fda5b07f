"""Hand-made ExtractionResults in English and Chinese, for graph tests that must not depend on
extraction quality. They go through the real loader into the real Neo4j."""

from __future__ import annotations

from cellkg.core.model import DocumentRecord, Entity, Evidence, ExtractionResult, Mention, Relation, short_hash


def make_result(
    text: str,
    source: str,
    claims: list[tuple[Entity, str, Entity]],
    *,
    lang: str = "en",
    negated: bool = False,
    confidence: float = 0.8,
) -> ExtractionResult:
    """One document whose whole text is the evidence for every claim (subject, RELATION, object)."""
    doc = DocumentRecord(
        doc_id=short_hash(text),
        name=source.rsplit("/", 1)[-1].split(".")[0],
        source=source,
        title=text[:40],
        lang=lang,
        text=text,
    )
    entities = {e.key: e for s, _, o in claims for e in (s, o)}
    mentions = tuple(_mention(e, doc) for e in entities.values())
    relations = tuple(
        Relation(
            rel,
            s.key,
            o.key,
            (
                Evidence(
                    doc.doc_id,
                    text,
                    0,
                    len(text),
                    f"test.{rel.lower()}",
                    "1",
                    confidence,
                    negated=negated,
                    lang=lang,
                    source=source,
                ),
            ),
        )
        for s, rel, o in claims
    )
    return ExtractionResult(doc, tuple(entities.values()), mentions, relations, "test-1")


def _mention(entity: Entity, doc: DocumentRecord) -> Mention:
    for surface in (entity.name, *entity.aliases):
        start = doc.text.find(surface)
        if start >= 0:
            return Mention(entity.key, doc.doc_id, start, start + len(surface), surface, "test")
    return Mention(entity.key, doc.doc_id, 0, 1, doc.text[:1], "test")


CD19 = Entity("Target", "CD19")
BCMA = Entity("Target", "BCMA", ("TNFRSF17",))
CD19_CART = Entity("Therapy", "CD19 CAR-T", ("CD19 CAR-T",))
BCMA_CART = Entity("Therapy", "BCMA CAR-T", ("BCMA CAR-T", "BCMA CAR-T细胞"))
LYMPHOMA = Entity("Disease", "B-cell lymphoma", ("B-cell lymphoma", "B细胞淋巴瘤"))
MYELOMA = Entity("Disease", "multiple myeloma", ("multiple myeloma", "多发性骨髓瘤"))
TSINGHUA = Entity("Institution", "Tsinghua University", ("Tsinghua University", "清华大学"))
PKU = Entity("Institution", "Peking University", ("Peking University", "北京大学"))
LI_HUA = Entity("Researcher", "Li Hua", ("Li Hua", "李华"))
