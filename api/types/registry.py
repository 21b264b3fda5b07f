"""Entity objects from Cypher rows, by type, without importing the entity types themselves.

Documents, evidence and relation edges hand back entities, and entities hand back documents and
edges: the GraphQL types refer to each other. The modules do not: ``api.types.entities``
registers its classes here when it is imported (``api.schema`` imports it before any request), so
``api.types.provenance`` builds entities through this module and imports nothing above it.
"""

from __future__ import annotations

from typing import Any

from cellkg.api.attributes import ENTITY_ATTRIBUTES
from cellkg.api.lookahead import Nested, attach
from cellkg.api.types.enums import EntityType
from cellkg.api.types.identifiers import xrefs_of

ENTITY_CLASSES: dict[str, Any] = {}  # entity type -> its strawberry class, filled by api.types.entities


def register_entity_classes(*classes: type) -> None:
    ENTITY_CLASSES.update({cls.__name__: cls for cls in classes})


def entity_from_row(row: dict, plan: tuple[Nested, ...] = ()) -> Any:
    """An entity from its map (api.cypher.entity_map), carrying the lists ``plan`` fetched with it."""
    cls = ENTITY_CLASSES[row["type"]]
    return cls(
        id=row["key"],
        name=row["name"],
        name_zh=row.get("name_zh"),
        aliases=row.get("aliases") or [],
        type=EntityType(row["type"]),
        xrefs=xrefs_of(row.get("xrefs")),
        prefetched=attach(plan, row),
        **{name: row.get(name) for name in ENTITY_ATTRIBUTES.get(row["type"], ())},
    )
