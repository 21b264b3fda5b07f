"""Hand-made ExtractionResults in English and Chinese, for graph tests that must not depend on
extraction quality. They go through the real loader into the real Neo4j."""

from __future__ import annotations

from typing import Any

from cellkg.core.model import DocumentRecord, Entity, Evidence, ExtractionResult, Mention, Relation, short_hash


def make_result(
    text: str,
    source: str,
    claims: list[tuple[Entity, str, Entity]],
    *,
    lang: str = "en",
    negated: bool = False,
    confidence: float = 0.8,
    field: str = "",
    **record: Any,
) -> ExtractionResult:
    """One document whose whole text is the evidence for every claim (subject, RELATION, object).

    ``record``: DocumentRecord metadata of a structured source (xrefs, published_at, journal, version);
    ``field``: the record field every piece of evidence names."""
    doc = DocumentRecord(
        doc_id=short_hash(text, *filter(None, [record.get("version")])),  # another version, another document
        name=source.rsplit("/", 1)[-1].split(".")[0],
        source=source,
        title=text[:40],
        lang=lang,
        text=text,
        **record,
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
                    field=field,
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


# A registry record's facts: identifiers and attributes as the record readers give them.
CD19_HGNC = Entity("Target", "CD19", xrefs=("hgnc:1633",))
LYMPHOMA_MONDO = Entity("Disease", "lymphoma", ("lymphoma",), xrefs=("mondo:0005062",))
DLBCL_MONDO = Entity(
    "Disease", "diffuse large B-cell lymphoma", ("diffuse large B-cell lymphoma", "DLBCL"), xrefs=("mondo:0018905",)
)
MYELOMA_MONDO = Entity("Disease", "multiple myeloma", ("multiple myeloma",), xrefs=("mondo:0009693",))
# one path of MONDO (as in extract/lexicon/disease_hierarchy.tsv): DLBCL, aggressive B-cell non-Hodgkin
# lymphoma, B-cell non-Hodgkin lymphoma, non-Hodgkin lymphoma, lymphoma; the graph names only the two ends
LYMPHOMA_TREE = {
    "mondo:0018905": ("mondo:0017595",),
    "mondo:0017595": ("mondo:0015759",),
    "mondo:0015759": ("mondo:0018908",),
    "mondo:0018908": ("mondo:0005062",),
}


def trial(nct: str, **attributes: Any) -> Entity:
    """A trial entity as a registry record states it: its registry id as xref, the given attributes."""
    values = tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in sorted(attributes.items()))
    return Entity("Trial", nct, (nct,), attributes=values, xrefs=(f"clinicaltrials:{nct}",))


RECRUITING = trial(
    "NCT05000001",
    phases=["PHASE1", "PHASE2"],
    status="RECRUITING",
    start_date="2023-05",
    completion_date="2026-12-31",
    enrollment=60,
    countries=["China", "United States"],
    study_type="INTERVENTIONAL",
)
COMPLETED = trial("NCT04000002", phases=["PHASE2"], status="COMPLETED", start_date="2019-02-11", countries=["China"])
EARLY = trial("NCT03000003", phases=["EARLY_PHASE1"], status="UNKNOWN", start_date="2017")
PAPER = {
    "xrefs": ("pubmed:31234567", "pmc:PMC6543210", "doi:10.1000/cart.2019.1"),
    "published_at": "2019-06-01",
    "journal": "Blood",
    "version": "2019-06-02",
}


def registry_results() -> list[ExtractionResult]:
    """Three registry records and a PubMed record: every identifier, attribute and document field set."""
    return [
        make_result(
            "NCT05000001 tests CD19 CAR-T (CD19, HGNC:1633) in DLBCL.",
            "ctgov/NCT05000001.json",
            [
                (CD19_CART, "TESTED_IN", RECRUITING),
                (RECRUITING, "STUDIES", DLBCL_MONDO),
                (CD19_CART, "TARGETS", CD19_HGNC),
                (CD19_CART, "TREATS", DLBCL_MONDO),
            ],
            field="protocolSection.armsInterventionsModule.interventions.name",
            version="2024-03-01",
        ),
        make_result(
            "NCT04000002 tests CD19 CAR-T in lymphoma at Tsinghua University.",
            "ctgov/NCT04000002.json",
            [
                (CD19_CART, "TESTED_IN", COMPLETED),
                (COMPLETED, "STUDIES", LYMPHOMA_MONDO),
                (COMPLETED, "CONDUCTED_AT", TSINGHUA),
            ],
            version="2022-01-01",
        ),
        make_result(
            "NCT03000003 tests CD19 CAR-T in multiple myeloma.",
            "ctgov/NCT03000003.json",
            [(CD19_CART, "TESTED_IN", EARLY), (EARLY, "STUDIES", MYELOMA_MONDO)],
        ),
        make_result(
            "Tsinghua University develops CD19 CAR-T.",
            "pubmed/31234567.xml",
            [(TSINGHUA, "DEVELOPS", CD19_CART)],
            **PAPER,
        ),
    ]
