"""The Query root: lookups by id, per-type lists, search, shortest path, stats, documents."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import Info

from cellkg.api import cypher as cy
from cellkg.api.aggregate import Aggregate, aggregate
from cellkg.api.claims import evidence_list, relation_list
from cellkg.api.errors import UserError
from cellkg.api.limits import max_page, short_text
from cellkg.api.listing import document_list, entity_list
from cellkg.api.lookahead import field_plan
from cellkg.api.search import SearchHit, search
from cellkg.api.types.entities import Entity
from cellkg.api.types.pagination import Connection
from cellkg.api.types.provenance import Document, Evidence, Relation
from cellkg.api.types.registry import ENTITY_CLASSES, entity_from_row
from cellkg.core.xrefs import parse_curie

MAX_PATH_HOPS = 6


@strawberry.type
class TypeCount:
    name: str
    count: int


@strawberry.type(description="How much the graph holds.")
class Stats:
    entities: list[TypeCount]
    relations: list[TypeCount]
    documents: int
    evidence: int


@strawberry.type(description="A shortest chain of relations between two entities.")
class Path:
    length: int
    nodes: list[Entity]
    relations: list[Relation]


async def _entity(info: Info, key: str, entity_type: str = "Entity") -> Entity | None:
    """The entity by key, fetched together with the nested lists selected below it."""
    plan, params = field_plan(info._raw_info, (), entity_type, max_page(info)), cy.Params()
    row = await info.context.loaders.load(cy.entities_by_key(plan, params), short_text(key, "id"), **params)
    return entity_from_row(row, plan) if row else None


async def entity_by_xref(info: Info, curie: str) -> Entity | None:
    try:
        parsed = parse_curie(short_text(curie, "curie"))
    except ValueError as exc:
        raise UserError(f"'curie': {exc}") from exc
    plan, params = field_plan(info._raw_info, (), "Entity", max_page(info)), cy.Params()
    rows = await info.context.store.rows(cy.entity_by_xref(plan, params), curie=parsed.curie, **params)
    return entity_from_row(rows[0]["value"], plan) if rows else None


def entity_by_id(entity_type: str):
    async def resolve(info: Info, id: strawberry.ID):
        entity = await _entity(info, id, entity_type)
        return entity if entity is not None and type(entity).__name__ == entity_type else None

    resolve.__annotations__["return"] = ENTITY_CLASSES[entity_type] | None
    return strawberry.field(resolver=resolve, description=f"The {entity_type} with this key, or null.")


async def path(
    info: Info, from_: Annotated[strawberry.ID, strawberry.argument(name="from")], to: strawberry.ID, max_hops: int = 4
) -> Path | None:
    if not 1 <= max_hops <= MAX_PATH_HOPS:
        raise UserError(f"'maxHops' must be between 1 and {MAX_PATH_HOPS}")
    if from_ == to:
        raise UserError("'from' and 'to' are the same entity")
    rows = await info.context.store.rows(
        cy.shortest_path(max_hops), **{"from": short_text(from_, "from"), "to": short_text(to, "to")}
    )
    if not rows:
        return None
    nodes = {n["key"]: entity_from_row(n) for n in rows[0]["nodes"]}
    relations = [Relation.from_row(r, nodes[r["subject_key"]], nodes[r["object_key"]]) for r in rows[0]["relations"]]
    return Path(length=len(relations), nodes=[nodes[n["key"]] for n in rows[0]["nodes"]], relations=relations)


async def stats(info: Info) -> Stats:
    rows = await info.context.store.rows(cy.STATS)
    by_kind = {
        kind: [TypeCount(name=r["name"], count=r["count"]) for r in rows if r["kind"] == kind]
        for kind in ("entity", "relation", "provenance")
    }
    provenance = {c.name: c.count for c in by_kind["provenance"]}
    return Stats(
        entities=by_kind["entity"],
        relations=by_kind["relation"],
        documents=provenance.get("Document", 0),
        evidence=provenance.get("Evidence", 0),
    )


async def document(info: Info, id: strawberry.ID) -> Document | None:
    row = await info.context.loaders.load(cy.DOCUMENTS_BY_ID, short_text(id, "id"))
    return Document.from_row(row) if row else None


@strawberry.type
class Query:
    @strawberry.field(description="Any entity by key, e.g. 'Target:cd19'.")
    async def entity(self, info: Info, id: strawberry.ID) -> Entity | None:
        return await _entity(info, id)

    entity_by_xref: Entity | None = strawberry.field(
        resolver=entity_by_xref,
        description=(
            "The entity with this identifier, e.g. 'HGNC:1633', 'MONDO:0009693', 'clinicaltrials:NCT01234567' "
            "(prefix in any spelling the registry knows); of several, the one most documents mention."
        ),
    )
    researcher = entity_by_id("Researcher")
    institution = entity_by_id("Institution")
    therapy = entity_by_id("Therapy")
    target = entity_by_id("Target")
    trial = entity_by_id("Trial")
    disease = entity_by_id("Disease")
    researchers = entity_list("Researcher")
    institutions = entity_list("Institution")
    therapies = entity_list("Therapy")
    targets = entity_list("Target")
    trials = entity_list("Trial")
    diseases = entity_list("Disease")
    search: list[SearchHit] = strawberry.field(
        resolver=search,
        description=("Entities whose name or aliases match the text (English words or Chinese), best score first."),
    )
    path: Path | None = strawberry.field(
        resolver=path,
        description=(
            f"A shortest path over entity relations (either direction), at most maxHops (≤ {MAX_PATH_HOPS}) long."
        ),
    )
    stats: Stats = strawberry.field(resolver=stats)
    aggregate: Aggregate = strawberry.field(
        resolver=aggregate, description="Counts grouped by entity type, relation type, document language and month."
    )
    document: Document | None = strawberry.field(resolver=document, description="A document by id (content hash).")
    documents: Connection[Document] = strawberry.field(
        resolver=document_list,
        description=("Documents, newest first; each lists the evidence it asserts and the claims it supports."),
    )
    relations: Connection[Relation] = strawberry.field(
        resolver=relation_list,
        description="Relations (claims) matching the filter, most confident first unless orderBy says otherwise.",
    )
    evidence: Connection[Evidence] = strawberry.field(
        resolver=evidence_list,
        description="Pieces of evidence matching the filter, most confident first unless orderBy says otherwise.",
    )
