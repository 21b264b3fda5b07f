"""Entity attributes the API serves as typed fields, by entity type.

graph/ stores what a structured source states about an entity as properties named like the
attribute (docs/graph-model.md); these are the ones the GraphQL types expose. api.cypher fetches them
with every entity map (null where an entity has none) and api.types.registry passes them on.
"""

from __future__ import annotations

ENTITY_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "Trial": ("phases", "status", "start_date", "completion_date", "enrollment", "countries", "study_type"),
}
ATTRIBUTE_PROPERTIES: tuple[str, ...] = tuple(sorted({p for names in ENTITY_ATTRIBUTES.values() for p in names}))
