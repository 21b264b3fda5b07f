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


@strawberry.input
class EntityOrder:
    field: EntitySortField = EntitySortField.NAME
    direction: SortDirection = SortDirection.ASC


@strawberry.input(description="Documents by language, exact source or exact name.")
class DocumentFilter:
    language: Language | None = None
    source: str | None = None
    name: str | None = None


def _entity_filter(entity_type: str) -> type:
    related = {f.name: RelatedFilter | None for f in relation_fields(entity_type)}
    annotations = {"name": NameFilter | None, "mentioned_in_language": Language | None, **related}
    namespace = {"__annotations__": annotations, **{name: None for name in annotations}}
    cls = type(f"{entity_type}Filter", (), namespace)
    return strawberry.input(
        cls,
        description=(
            f"{entity_type}s matching every given condition; "
            f"relation filters keep {entity_type}s with such a neighbour."
        ),
    )


ENTITY_FILTERS: dict[str, type] = {t: _entity_filter(t) for t in ENTITY_TYPES}
