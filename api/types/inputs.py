"""Input types (filters and orderings), kept apart from the output types.

The per-type filters are generated from api.relations, so ``TherapyFilter`` has one
related-entity filter per relation field of ``Therapy`` (``targets``, ``diseases``…), named
like the field: ``therapies(filter: {targets: {name: "CD19"}})``.

Conventions (docs/api.md): a plain value is an equality (``negated: true``); a ``…Comparison``
input takes operators (``eq``, ``in``, and for numbers ``gt``, ``gte``, ``lt``, ``lte``), every
one given must hold; a filter's fields must all hold, and ``AND`` / ``OR`` / ``NOT`` combine
whole filters of the same type.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import strawberry

from cellkg.api.relations import relation_fields
from cellkg.api.types.enums import (
    EntitySortField,
    EvidenceSortField,
    Language,
    RelationSortField,
    RelationType,
    SortDirection,
)
from cellkg.core.schema import ENTITY_TYPES


@strawberry.input(description="Case-insensitive match on the canonical name or any alias (English or Chinese).")
class NameFilter:
    equals: str | None = None
    contains: str | None = None
    starts_with: str | None = None


@strawberry.input(
    description="An entity at the other end of a relation: by key, and/or by name or alias (case-insensitive)."
)
class RelatedFilter:
    id: strawberry.ID | None = None
    name: str | None = None


@strawberry.input(
    description=(
        "A disease at the other end of a relation, by key and/or name or alias; with includeSubtypes, "
        "also any disease that IS_A it in a loaded ontology (MONDO)."
    )
)
class DiseaseRelatedFilter:
    id: strawberry.ID | None = None
    name: str | None = None
    include_subtypes: bool = False


@strawberry.input(
    description=(
        "ISO-8601 dates, both ends included, compared at the precision both sides have: "
        'from: "2023" keeps a trial started 2023-05.'
    )
)
class DateRange:
    from_: str | None = strawberry.field(default=None, name="from")
    to: str | None = None


@strawberry.input
class EntityOrder:
    field: EntitySortField = EntitySortField.NAME
    direction: SortDirection = SortDirection.ASC


@strawberry.input(description="Relations sorted by one of their figures (default: most confident first).")
class RelationOrder:
    field: RelationSortField = RelationSortField.CONFIDENCE
    direction: SortDirection = SortDirection.DESC


@strawberry.input(description="A number that must meet every bound given (eq, in, gt, gte, lt, lte).")
class FloatComparison:
    eq: float | None = None
    in_: list[float] | None = strawberry.field(default=None, name="in")
    gt: float | None = None
    gte: float | None = None
    lt: float | None = None
    lte: float | None = None


@strawberry.input(description="A whole number that must meet every bound given (eq, in, gt, gte, lt, lte).")
class IntComparison:
    eq: int | None = None
    in_: list[int] | None = strawberry.field(default=None, name="in")
    gt: int | None = None
    gte: int | None = None
    lt: int | None = None
    lte: int | None = None


@strawberry.input(description="A key equal to eq and/or one of in.")
class IDComparison:
    eq: strawberry.ID | None = None
    in_: list[strawberry.ID] | None = strawberry.field(default=None, name="in")


@strawberry.input(description="A text equal to eq (exactly, case included) and/or one of in.")
class StringComparison:
    eq: str | None = None
    in_: list[str] | None = strawberry.field(default=None, name="in")


@strawberry.input(description="A relation type equal to eq and/or one of in.")
class RelationTypeComparison:
    eq: RelationType | None = None
    in_: list[RelationType] | None = strawberry.field(default=None, name="in")


@strawberry.input(description="Evidence sorted by confidence (default: most confident first), position or key.")
class EvidenceOrder:
    field: EvidenceSortField = EvidenceSortField.CONFIDENCE
    direction: SortDirection = SortDirection.DESC


F = TypeVar("F")
# Python attribute -> GraphQL name (as @neo4j/graphql spells it) and description of the logical fields
LOGIC_FIELDS = {
    "and_": ("AND", "Every one of these holds."),
    "or_": ("OR", "At least one of these holds."),
    "not_": ("NOT", "This does not hold."),
}


def logical_filter(description: str) -> Callable[[type[F]], type[F]]:
    """A strawberry input that also takes ``AND: [Self!]``, ``OR: [Self!]`` and ``NOT: Self``
    (api.filters compiles them, nested to a limit)."""

    def decorate(cls: type[F]) -> type[F]:
        own = list[cls] | None  # type: ignore[valid-type]
        cls.__annotations__.update({"and_": own, "or_": own, "not_": cls | None})
        for attr, (name, meaning) in LOGIC_FIELDS.items():
            setattr(cls, attr, strawberry.field(default=None, name=name, description=meaning))
        return strawberry.input(cls, description=description)

    return decorate


@logical_filter(
    "Relations (claims) meeting every condition given. subject and object are as stored: for the "
    "symmetric COLLABORATES_WITH, the subject is the institution with the smaller key."
)
class RelationFilter:
    id: IDComparison | None = None
    type: RelationTypeComparison | None = None
    subject: RelatedFilter | None = None
    object: RelatedFilter | None = None
    confidence: FloatComparison | None = None
    evidence_count: IntComparison | None = None
    document_count: IntComparison | None = None
    negated: bool | None = strawberry.field(
        default=None, description="A claim is negated when every piece of its evidence denies it."
    )


@logical_filter("Pieces of evidence meeting every condition given.")
class EvidenceFilter:
    id: IDComparison | None = None
    document_id: IDComparison | None = None
    relation_id: IDComparison | None = None
    relation_type: RelationTypeComparison | None = None
    subject_id: IDComparison | None = None
    object_id: IDComparison | None = None
    confidence: FloatComparison | None = None
    negated: bool | None = None
    hedged: bool | None = None
    language: Language | None = None
    rule: StringComparison | None = None


@strawberry.input(description="Documents by language, exact source or exact name, PubMed id or DOI.")
class DocumentFilter:
    language: Language | None = None
    source: str | None = None
    name: str | None = None
    pmid: str | None = None
    doi: str | None = None


# what a trial registry states: a trial passes with any of the values given, in any case
TRIAL_FACTS: dict[str, object] = {
    "phase": list[str] | None,  # e.g. PHASE2: any of the trial's phases
    "status": list[str] | None,  # e.g. RECRUITING
    "country": list[str] | None,  # e.g. China: any of its countries
    "start_date": DateRange | None,
}


def _entity_filter(entity_type: str) -> type:
    related = {
        f.name: (DiseaseRelatedFilter if f.node_type == "Disease" else RelatedFilter) | None
        for f in relation_fields(entity_type)
    }
    facts = TRIAL_FACTS if entity_type == "Trial" else {}
    annotations = {
        "id": IDComparison | None,
        "name": NameFilter | None,
        "mentioned_in_language": Language | None,
        "document_count": IntComparison | None,  # documents mentioning the entity
        **facts,
        **related,
    }
    namespace = {"__annotations__": annotations, **{name: None for name in annotations}}
    return logical_filter(
        f"{entity_type}s matching every given condition; "
        f"relation filters keep {entity_type}s with such a neighbour"
        + ("; phase, status and country keep trials with any of the values given, in any case." if facts else ".")
    )(type(f"{entity_type}Filter", (), namespace))


ENTITY_FILTERS: dict[str, type] = {t: _entity_filter(t) for t in ENTITY_TYPES}
