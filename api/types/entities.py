"""The six entity types behind one ``Entity`` interface, with relation fields both ways.

Each relation field follows one row of api.relations.RELATION_FIELDS, as a list (``targets``) and
as a connection (``targetsConnection``). Both come with their owner's fetch where api.lookahead
plans them, else through a per-request DataLoader keyed by the owner's key, so a list of N
entities costs one round trip per relation field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import strawberry
from strawberry import Info
from strawberry.utils.str_converters import to_camel_case

from cellkg.api import cypher as cy
from cellkg.api.limits import max_page, page_size
from cellkg.api.lookahead import EdgePage, Nested, connection_name, prefetched, relation_plan
from cellkg.api.relations import relation_field
from cellkg.api.types.connections import RelationConnection
from cellkg.api.types.enums import EntityType
from cellkg.api.types.identifiers import Xref
from cellkg.api.types.inputs import RelationOrder
from cellkg.api.types.provenance import Document, RelationEdge
from cellkg.api.types.registry import entity_from_row, register_entity_classes


async def _edges_of(root: Entity, info: Info, plan: Callable[[], Nested]) -> tuple[Nested, Any]:
    """What was fetched with ``root`` for the relation field now resolving; else fetched now as
    ``plan()`` says (its arguments checked only then), in one batch with every other owner
    resolving it at this level."""
    found = prefetched(root, info)
    if found is None:
        nested, params = plan(), cy.Params()
        found = nested, await info.context.loaders.load(cy.relations_by_key(nested, params), root.id, **params)
    return found


def _filters(info: Info, first: int, min_confidence: float, include_negated: bool) -> dict:
    """A relation field's arguments as api.lookahead plans them."""
    return {"first": page_size(info, first), "minConfidence": min_confidence, "includeNegated": include_negated}


def relation(owner: str, name: str, description: str):
    """A field listing ``owner``'s edges of the kind ``api.relations`` declares for ``name``."""
    field = relation_field(owner, name)

    async def resolve(
        root: Entity, info: Info, first: int = 20, min_confidence: float = 0.0, include_negated: bool = False
    ):
        def plan() -> Nested:
            args = _filters(info, first, min_confidence, include_negated)
            return relation_plan(info._raw_info, field, args, max_page(info))

        nested, rows = await _edges_of(root, info, plan)
        return [RelationEdge.from_row(row, nested, i) for i, row in enumerate(rows or [])]

    return strawberry.field(
        resolver=resolve,
        description=(
            f"{description} ({field.rel_type}, most confident first; negated relations only with includeNegated)."
        ),
    )


def relation_connection(owner: str, name: str):
    """The connection twin of ``relation(owner, name, …)``: its edges as Relay pages (api.types.connections)."""
    field = relation_field(owner, name)

    async def resolve(
        root: Entity,
        info: Info,
        first: int = 20,
        after: str | None = None,
        min_confidence: float = 0.0,
        include_negated: bool = False,
        order_by: RelationOrder | None = None,
    ):
        def plan() -> Nested:
            args = _filters(info, first, min_confidence, include_negated)
            return relation_plan(info._raw_info, field, args, max_page(info), EdgePage.of(order_by, after))

        nested, value = await _edges_of(root, info, plan)
        return RelationConnection.from_value(value, nested)

    return strawberry.field(
        resolver=resolve,
        name=connection_name(field),
        description=(
            f"`{to_camel_case(name)}` in pages: sorted by orderBy (default most confident first), after the edge "
            "whose cursor is `after`; negated relations only with includeNegated."
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
    institutions_connection: RelationConnection[Institution] = relation_connection("Researcher", "institutions")
    therapies: list[RelationEdge[Therapy]] = relation("Researcher", "therapies", "Therapies developed")
    therapies_connection: RelationConnection[Therapy] = relation_connection("Researcher", "therapies")


@strawberry.type
class Institution(Entity):
    researchers: list[RelationEdge[Researcher]] = relation("Institution", "researchers", "Affiliated researchers")
    researchers_connection: RelationConnection[Researcher] = relation_connection("Institution", "researchers")
    therapies: list[RelationEdge[Therapy]] = relation("Institution", "therapies", "Therapies developed")
    therapies_connection: RelationConnection[Therapy] = relation_connection("Institution", "therapies")
    trials: list[RelationEdge[Trial]] = relation("Institution", "trials", "Trials conducted here")
    trials_connection: RelationConnection[Trial] = relation_connection("Institution", "trials")
    collaborators: list[RelationEdge[Institution]] = relation(
        "Institution", "collaborators", "Collaborating institutions"
    )
    collaborators_connection: RelationConnection[Institution] = relation_connection("Institution", "collaborators")


@strawberry.type
class Therapy(Entity):
    developed_by: list[RelationEdge[Entity]] = relation(
        "Therapy", "developed_by", "Researchers and institutions developing it"
    )
    developed_by_connection: RelationConnection[Entity] = relation_connection("Therapy", "developed_by")
    targets: list[RelationEdge[Target]] = relation("Therapy", "targets", "Targets")
    targets_connection: RelationConnection[Target] = relation_connection("Therapy", "targets")
    diseases: list[RelationEdge[Disease]] = relation("Therapy", "diseases", "Diseases treated")
    diseases_connection: RelationConnection[Disease] = relation_connection("Therapy", "diseases")
    trials: list[RelationEdge[Trial]] = relation("Therapy", "trials", "Trials testing it")
    trials_connection: RelationConnection[Trial] = relation_connection("Therapy", "trials")


@strawberry.type
class Target(Entity):
    therapies: list[RelationEdge[Therapy]] = relation("Target", "therapies", "Therapies targeting it")
    therapies_connection: RelationConnection[Therapy] = relation_connection("Target", "therapies")


@strawberry.type
class Disease(Entity):
    treated_by: list[RelationEdge[Therapy]] = relation("Disease", "treated_by", "Therapies treating it")
    treated_by_connection: RelationConnection[Therapy] = relation_connection("Disease", "treated_by")
    studied_in: list[RelationEdge[Trial]] = relation("Disease", "studied_in", "Trials studying it")
    studied_in_connection: RelationConnection[Trial] = relation_connection("Disease", "studied_in")

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
    tested_therapies_connection: RelationConnection[Therapy] = relation_connection("Trial", "tested_therapies")
    conducted_at: list[RelationEdge[Institution]] = relation("Trial", "conducted_at", "Sites")
    conducted_at_connection: RelationConnection[Institution] = relation_connection("Trial", "conducted_at")
    studies: list[RelationEdge[Disease]] = relation("Trial", "studies", "Diseases studied")
    studies_connection: RelationConnection[Disease] = relation_connection("Trial", "studies")


register_entity_classes(Researcher, Institution, Therapy, Target, Disease, Trial)
