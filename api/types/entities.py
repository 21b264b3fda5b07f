"""The six entity types behind one ``Entity`` interface, with relation fields both ways.

Each relation field follows one row of api.relations.RELATION_FIELDS and resolves through a
per-request DataLoader keyed by the owner's key, so a list of N entities costs one round trip
per relation field.
"""

from __future__ import annotations

import strawberry
from strawberry import Info

from cellkg.api import cypher as cy
from cellkg.api.limits import max_page, page_size
from cellkg.api.lookahead import prefetched, relation_plan
from cellkg.api.relations import relation_field
from cellkg.api.types.enums import EntityType
from cellkg.api.types.identifiers import Xref
from cellkg.api.types.provenance import Document, RelationEdge
from cellkg.api.types.registry import entity_from_row, register_entity_classes


def relation(owner: str, name: str, description: str):
    """A field listing ``owner``'s edges of the kind ``api.relations`` declares for ``name``."""
    field = relation_field(owner, name)

    async def resolve(
        root: Entity, info: Info, first: int = 20, min_confidence: float = 0.0, include_negated: bool = False
    ):
        found = prefetched(root, info)
        if found is None:
            args = {"first": page_size(info, first), "minConfidence": min_confidence, "includeNegated": include_negated}
            nested, params = relation_plan(info._raw_info, field, args, max_page(info)), cy.Params()
            found = nested, await info.context.loaders.load(cy.relations_by_key(nested, params), root.id, **params)
        nested, rows = found
        return [RelationEdge.from_row(r, nested) for r in rows or []]

    return strawberry.field(
        resolver=resolve,
        description=(
            f"{description} ({field.rel_type}, most confident first; negated relations only with includeNegated)."
        ),
    )


@strawberry.interface(description="Anything the graph names: its key, names in English and Chinese, and sources.")
class Entity:
    id: strawberry.ID = strawberry.field(description="The entity key, e.g. 'Target:cd19'.")
    name: str = strawberry.field(description="Canonical English name.")
    name_zh: str | None = strawberry.field(description="First Chinese alias, if any.")
    aliases: list[str] = strawberry.field(description="Every surface form seen, English and Chinese.")
    type: EntityType
    xrefs: list[Xref] = strawberry.field(
        description="Its identifiers in public registries, from every document that gives one."
    )
    prefetched: strawberry.Private[dict | None] = None  # api.lookahead.attach

    @strawberry.field(description="Documents that mention the entity, newest first.")
    async def documents(self, info: Info, first: int = 10) -> list[Document]:
        found = prefetched(self, info)
        rows = (
            found[1]
            if found
            else await info.context.loaders.load(cy.DOCUMENTS_MENTIONING, self.id, first=page_size(info, first))
        )
        return [Document.from_row(r) for r in rows or []]


@strawberry.type
class Researcher(Entity):
    institutions: list[RelationEdge[Institution]] = relation("Researcher", "institutions", "Affiliations")
    therapies: list[RelationEdge[Therapy]] = relation("Researcher", "therapies", "Therapies developed")


@strawberry.type
class Institution(Entity):
    researchers: list[RelationEdge[Researcher]] = relation("Institution", "researchers", "Affiliated researchers")
    therapies: list[RelationEdge[Therapy]] = relation("Institution", "therapies", "Therapies developed")
    trials: list[RelationEdge[Trial]] = relation("Institution", "trials", "Trials conducted here")
    collaborators: list[RelationEdge[Institution]] = relation(
        "Institution", "collaborators", "Collaborating institutions"
    )


@strawberry.type
class Therapy(Entity):
    developed_by: list[RelationEdge[Entity]] = relation(
        "Therapy", "developed_by", "Researchers and institutions developing it"
    )
    targets: list[RelationEdge[Target]] = relation("Therapy", "targets", "Targets")
    diseases: list[RelationEdge[Disease]] = relation("Therapy", "diseases", "Diseases treated")
    trials: list[RelationEdge[Trial]] = relation("Therapy", "trials", "Trials testing it")


@strawberry.type
class Target(Entity):
    therapies: list[RelationEdge[Therapy]] = relation("Target", "therapies", "Therapies targeting it")


@strawberry.type
class Disease(Entity):
    treated_by: list[RelationEdge[Therapy]] = relation("Disease", "treated_by", "Therapies treating it")
    studied_in: list[RelationEdge[Trial]] = relation("Disease", "studied_in", "Trials studying it")

    @strawberry.field(description="Diseases of the graph that are kinds of this one in the loaded ontology (MONDO).")
    async def subtypes(self, info: Info, first: int = 20) -> list[Disease]:
        return await _ontology_neighbours(info, cy.SUBTYPES_OF, self.id, first)

    @strawberry.field(description="Diseases of the graph this one is a kind of in the loaded ontology (MONDO).")
    async def supertypes(self, info: Info, first: int = 20) -> list[Disease]:
        return await _ontology_neighbours(info, cy.SUPERTYPES_OF, self.id, first)


async def _ontology_neighbours(info: Info, statement: str, key: str, first: int) -> list:
    rows = await info.context.loaders.load(statement, key, first=page_size(info, first))
    return [entity_from_row(row) for row in rows or []]


@strawberry.type(
    description=(
        "A clinical trial; phases, status, dates, enrolment, countries and study type as its registry record "
        "states them (of several records, the newest's value; null where none states one)."
    )
)
class Trial(Entity):
    phases: list[str] | None = strawberry.field(default=None, description="e.g. PHASE1, PHASE2.")
    status: str | None = strawberry.field(default=None, description="Overall status, e.g. RECRUITING.")
    start_date: str | None = strawberry.field(default=None, description="ISO-8601, as precise as the registry.")
    completion_date: str | None = strawberry.field(default=None, description="ISO-8601, as precise as the registry.")
    enrollment: int | None = strawberry.field(default=None, description="Participants, actual or anticipated.")
    countries: list[str] | None = strawberry.field(default=None, description="Countries of its sites.")
    study_type: str | None = strawberry.field(default=None, description="e.g. INTERVENTIONAL.")
    tested_therapies: list[RelationEdge[Therapy]] = relation("Trial", "tested_therapies", "Therapies tested")
    conducted_at: list[RelationEdge[Institution]] = relation("Trial", "conducted_at", "Sites")
    studies: list[RelationEdge[Disease]] = relation("Trial", "studies", "Diseases studied")


register_entity_classes(Researcher, Institution, Therapy, Target, Disease, Trial)
