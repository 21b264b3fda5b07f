"""The Mutation root: ingest a text, remove a document. Both need the API key (X-API-Key)."""

from __future__ import annotations

import strawberry
from strawberry import Info

from cellkg.api import cypher as cy
from cellkg.api.limits import short_text


@strawberry.type
class IngestResult:
    document_id: strawberry.ID
    loaded: bool = strawberry.field(description="False when this exact text was already in the graph.")
    replaced: list[strawberry.ID] = strawberry.field(description="Older versions of the same source it replaced.")
    entities: int
    relations: int
    evidence: int


@strawberry.type
class RemoveResult:
    document_id: strawberry.ID
    removed: bool = strawberry.field(description="False when no such document existed.")


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Extract entities and relations from a text and load them, with provenance.")
    async def ingest_document(self, info: Info, text: str, name: str, source: str) -> IngestResult:
        info.context.require_write_access()
        doc_id, report = await info.context.writer.ingest(text, short_text(name, "name"), short_text(source, "source"))
        return IngestResult(
            document_id=doc_id,
            loaded=report.documents_loaded > 0,
            replaced=report.documents_replaced,
            entities=report.entities,
            relations=report.relations,
            evidence=report.evidence,
        )

    @strawberry.mutation(description="Retract a document: its evidence, and whatever only it supported.")
    async def remove_document(self, info: Info, id: strawberry.ID) -> RemoveResult:
        info.context.require_write_access()
        exists = await info.context.loaders.load(cy.DOCUMENTS_BY_ID, short_text(id, "id"))
        if exists:
            await info.context.writer.remove(id)
        return RemoveResult(document_id=id, removed=bool(exists))
