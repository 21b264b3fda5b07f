"""Where claims come from: documents, the evidence they assert, and the relations it supports.

Objects are built from the maps the Cypher in api.cypher returns; nested lists are fetched by
the request's DataLoaders, so a page of N items costs one round trip per field, not N.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Generic, TypeVar

import strawberry
from strawberry import Info

from cellkg.api import cypher as cy
from cellkg.api.limits import page_size
from cellkg.api.lookahead import Nested, attach, prefetched
from cellkg.api.types.enums import Language, RelationType
from cellkg.api.types.identifiers import Xref, xrefs_of
from cellkg.api.types.pagination import encode_cursor
from cellkg.api.types.registry import entity_from_row

if TYPE_CHECKING:
    from cellkg.api.types.entities import Entity

N = TypeVar("N")
LazyEntity = Annotated["Entity", strawberry.lazy("cellkg.api.types.entities")]


def language_of(row: dict) -> Language | None:
    return Language(row["lang"]) if row.get("lang") in ("en", "zh") else None


@strawberry.type(description="A character span [start, end) in a document's text.")
class Span:
    start: int
    end: int


@strawberry.type(description="An ingested document (one version of a source).")
class Document:
    id: strawberry.ID
    name: str
    title: str | None
    source: str
    language: Language | None
    chars: int | None
    media_type: str | None
    ingested_at: str | None
    extractor_version: str | None
    xrefs: list[Xref] = strawberry.field(description="The record's own identifiers: PMID, PMCID, DOI, registry id.")
    pmid: str | None = strawberry.field(description="PubMed id.")
    pmcid: str | None = strawberry.field(description="PubMed Central id, e.g. PMC6543210.")
    doi: str | None
    published_at: str | None = strawberry.field(description="Publication date, ISO-8601, as precise as the source.")
    journal: str | None
    version: str | None = strawberry.field(
        description="The source's own version stamp (a registry record's last update); a newer one replaces this."
    )

    @classmethod
    def from_row(cls, row: dict) -> Document:
        return cls(
            id=row["doc_id"],
            name=row["name"],
            title=row.get("title"),
            source=row["source"],
            language=language_of(row),
            chars=row.get("chars"),
            media_type=row.get("media_type"),
            ingested_at=row.get("ingested_at"),
            extractor_version=row.get("extractor_version"),
            xrefs=xrefs_of(row.get("xrefs")),
            **{name: row.get(name) for name in ("pmid", "pmcid", "doi", "published_at", "journal", "version")},
        )

    @strawberry.field(description="The text evidence spans and mention spans point into (one more round trip).")
    async def text(self, info: Info) -> str | None:
        return await info.context.loaders.load(cy.TEXT_OF_DOCUMENTS, self.id)

    @strawberry.field(description="Every piece of evidence the document asserts, in text order.")
    async def evidence(self, info: Info, first: int = 20) -> list[Evidence]:
        rows = await info.context.loaders.load(cy.EVIDENCE_OF_DOCUMENTS, self.id, first=page_size(info, first))
        return [Evidence.from_row(r) for r in rows or []]

    @strawberry.field(description="The relations its evidence supports (their aggregate over all documents).")
    async def claims(self, info: Info, first: int = 20) -> list[Relation]:
        rows = await info.context.loaders.load(cy.CLAIMS_OF_DOCUMENTS, self.id, first=page_size(info, first))
        return [Relation.from_row(r, entity_from_row(r["subject"]), entity_from_row(r["object"])) for r in rows or []]

    @strawberry.field(description="The entities the document names, with where.")
    async def mentions(self, info: Info, first: int = 50) -> list[Mention]:
        rows = await info.context.loaders.load(cy.MENTIONS_OF_DOCUMENTS, self.id, first=page_size(info, first))
        return [
            Mention(
                entity=entity_from_row(r["entity"]),
                count=r["count"],
                spans=[Span(start=s, end=e) for s, e in zip(r["starts"], r["ends"], strict=True)],
            )
            for r in rows or []
        ]


@strawberry.type(description="An entity named in a document, at these spans.")
class Mention:
    entity: LazyEntity
    count: int
    spans: list[Span]


@strawberry.type(description="One sentence of one document stating (or denying) a relation.")
class Evidence:
    id: strawberry.ID
    relation_id: strawberry.ID
    relation_type: RelationType
    subject_id: strawberry.ID
    object_id: strawberry.ID
    sentence: str
    span: Span
    rule: str
    rule_version: str
    confidence: float
    negated: bool
    hedged: bool
    language: Language | None
    extracted_at: str | None
    field: str | None = strawberry.field(
        description="For a structured record, the field stating the claim (the span is that field's value)."
    )
    document: Document

    @classmethod
    def from_row(cls, row: dict) -> Evidence:
        return cls(
            id=row["key"],
            relation_id=row["relation_key"],
            relation_type=RelationType(row["relation_type"]),
            subject_id=row["subject_key"],
            object_id=row["object_key"],
            sentence=row["sentence"],
            span=Span(start=row["char_start"], end=row["char_end"]),
            rule=row["rule"],
            rule_version=row["rule_version"],
            confidence=row["confidence"],
            negated=bool(row["negated"]),
            hedged=bool(row["hedged"]),
            language=language_of(row),
            extracted_at=row.get("extracted_at"),
            field=row.get("field"),
            document=Document.from_row(row["document"]),
        )

    @strawberry.field
    async def subject(self, info: Info) -> LazyEntity | None:
        row = await info.context.loaders.load(cy.ENTITIES_BY_KEY, self.subject_id)
        return entity_from_row(row) if row else None

    @strawberry.field(name="object")
    async def object_(self, info: Info) -> LazyEntity | None:
        row = await info.context.loaders.load(cy.ENTITIES_BY_KEY, self.object_id)
        return entity_from_row(row) if row else None


async def _evidence_of(info: Info, relation_id: str, first: int) -> list[Evidence]:
    rows = await info.context.loaders.load(cy.EVIDENCE_FOR_RELATIONS, relation_id, first=page_size(info, first))
    return [Evidence.from_row(r) for r in rows or []]


@strawberry.type(description="Aggregate figures of one relation over all its evidence.")
class RelationFigures:
    confidence: float = strawberry.field(description="Noisy-OR of the non-negated evidence's confidence.")
    evidence_count: int
    document_count: int
    negated: bool = strawberry.field(description="True when every piece of evidence is negated.")


@strawberry.type(description="A relation between two entities (a claim), with its evidence.")
class Relation(RelationFigures):
    id: strawberry.ID
    type: RelationType
    subject: LazyEntity
    object: LazyEntity

    @classmethod
    def from_row(cls, row: dict, subject, object_) -> Relation:
        return cls(id=row["key"], type=RelationType(row["type"]), subject=subject, object=object_, **_figures(row))

    @strawberry.field(description="Its evidence, most confident first.")
    async def evidence(self, info: Info, first: int = 10) -> list[Evidence]:
        return await _evidence_of(info, self.id, first)


@strawberry.type(description="An entity reached over one relation, with the relation's figures and evidence.")
class RelationEdge(RelationFigures, Generic[N]):
    node: N
    relation_id: strawberry.ID
    type: RelationType
    prefetched: strawberry.Private[dict | None] = None  # api.lookahead.attach
    position: strawberry.Private[int] = 0  # in the sorted list of its owner's edges
    sort_values: strawberry.Private[list | None] = None  # what that list is sorted by (EdgePage.order)

    @classmethod
    def from_row(cls, row: dict, nested: Nested, position: int) -> RelationEdge:
        """An edge from api.cypher.relation_edges, at ``position`` in the order of ``nested``'s page,
        with what ``nested`` planned below it."""
        return cls(
            node=entity_from_row(row["node"], nested.node),
            relation_id=row["key"],
            type=RelationType(row["type"]),
            prefetched=attach(nested.edge, row),
            position=position,
            sort_values=[row[prop] for prop, _ in nested.page.order],
            **_figures(row),
        )

    @strawberry.field(
        description=(
            "Opaque. Pass it as `after` to this relation's connection, with the orderBy that listed the edge "
            "(a list field's edge: the default), for the edges after it."
        )
    )
    def cursor(self) -> str:
        return encode_cursor(self.position, self.sort_values)

    @strawberry.field(description="Its evidence, most confident first.")
    async def evidence(self, info: Info, first: int = 10) -> list[Evidence]:
        found = prefetched(self, info)
        return [Evidence.from_row(r) for r in found[1]] if found else await _evidence_of(info, self.relation_id, first)


def _figures(row: dict) -> dict:
    return {
        "confidence": row["confidence"] or 0.0,
        "evidence_count": row["evidence_count"] or 0,
        "document_count": row["document_count"] or 0,
        "negated": bool(row["negated"]),
    }
