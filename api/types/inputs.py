"""Input types (filters and orderings), kept apart from the output types.

The per-type filters are generated from api.relations, so ``TherapyFilter`` has one
related-entity filter per relation field of ``Therapy`` (``targets``, ``diseases``…), named
like the field: ``therapies(filter: {targets: {name: "CD19"}})``.
"""

from __future__ import annotations

import strawberry

from cellkg.api.relations import relation_fields
from cellkg.api.types.enums import EntitySortField, Language, SortDirection
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
    annotations = {"name": NameFilter | None, "mentioned_in_language": Language | None, **facts, **related}
    namespace = {"__annotations__": annotations, **{name: None for name in annotations}}
    cls = type(f"{entity_type}Filter", (), namespace)
    return strawberry.input(
        cls,
        description=(
            f"{entity_type}s matching every given condition; "
            f"relation filters keep {entity_type}s with such a neighbour"
            + ("; phase, status and country keep trials with any of the values given, in any case." if facts else ".")
        ),
    )


ENTITY_FILTERS: dict[str, type] = {t: _entity_filter(t) for t in ENTITY_TYPES}
