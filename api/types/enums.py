"""Enums built from cellkg.schema's closed sets, so the API cannot drift from the graph model."""

from __future__ import annotations

from enum import Enum

import strawberry

from cellkg.core.schema import ENTITY_TYPES, RELATION_TYPES

# Built from the schema's closed sets; mypy cannot type the functional Enum API.
EntityType = strawberry.enum(  # type: ignore[call-overload]
    Enum("EntityType", {t.upper(): t for t in ENTITY_TYPES}),
    description="The label of an entity node.",
)
RelationType = strawberry.enum(  # type: ignore[call-overload]
    Enum("RelationType", {t: t for t in RELATION_TYPES}),
    description="A relationship type between entities (docs/graph-model.md).",
)


@strawberry.enum(description="Language of a document.")
class Language(Enum):
    EN = "en"
    ZH = "zh"


@strawberry.enum
class SortDirection(Enum):
    ASC = "ASC"
    DESC = "DESC"


@strawberry.enum(description="What entity lists can be sorted by.")
class EntitySortField(Enum):
    NAME = "NAME"
    ID = "ID"
    DOCUMENT_COUNT = "DOCUMENT_COUNT"


@strawberry.enum(description="What relation lists (top-level and nested connections) can be sorted by.")
class RelationSortField(Enum):
    CONFIDENCE = "CONFIDENCE"
    EVIDENCE_COUNT = "EVIDENCE_COUNT"
    DOCUMENT_COUNT = "DOCUMENT_COUNT"
    ID = "ID"


@strawberry.enum(description="What the evidence list can be sorted by.")
class EvidenceSortField(Enum):
    CONFIDENCE = "CONFIDENCE"
    POSITION = strawberry.enum_value("POSITION", description="By document, then by where in its text.")
    ID = "ID"
