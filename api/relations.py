"""Which relationship each GraphQL relation field follows, declared once as data.

Every entity type gets one field per (relationship type, direction) it takes part in, named for
what it lists (``Therapy.targets``, ``Target.therapies``). The schema types, the DataLoaders and
the related-entity filters (``TherapyFilter.targets``) are all built from this table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Direction = Literal["out", "in", "both"]


@dataclass(frozen=True)
class RelationField:
    owner: str  # entity type that has the field
    name: str  # Python field name (GraphQL camel-cases it)
    rel_type: str
    direction: Direction  # from the owner's point of view; "both" for symmetric relations
    node_type: str  # entity type at the other end ("Entity" when it may be several)


RELATION_FIELDS: tuple[RelationField, ...] = (
    RelationField("Researcher", "institutions", "AFFILIATED_WITH", "out", "Institution"),
    RelationField("Researcher", "therapies", "DEVELOPS", "out", "Therapy"),
    RelationField("Institution", "researchers", "AFFILIATED_WITH", "in", "Researcher"),
    RelationField("Institution", "therapies", "DEVELOPS", "out", "Therapy"),
    RelationField("Institution", "trials", "CONDUCTED_AT", "in", "Trial"),
    RelationField("Institution", "collaborators", "COLLABORATES_WITH", "both", "Institution"),
    RelationField("Therapy", "developed_by", "DEVELOPS", "in", "Entity"),
    RelationField("Therapy", "targets", "TARGETS", "out", "Target"),
    RelationField("Therapy", "diseases", "TREATS", "out", "Disease"),
    RelationField("Therapy", "trials", "TESTED_IN", "out", "Trial"),
    RelationField("Target", "therapies", "TARGETS", "in", "Therapy"),
    RelationField("Disease", "treated_by", "TREATS", "in", "Therapy"),
    RelationField("Disease", "studied_in", "STUDIES", "in", "Trial"),
    RelationField("Trial", "tested_therapies", "TESTED_IN", "in", "Therapy"),
    RelationField("Trial", "conducted_at", "CONDUCTED_AT", "out", "Institution"),
    RelationField("Trial", "studies", "STUDIES", "out", "Disease"),
)


def relation_fields(owner: str) -> tuple[RelationField, ...]:
    return tuple(f for f in RELATION_FIELDS if f.owner == owner)


def relation_field(owner: str, name: str) -> RelationField:
    return next(f for f in RELATION_FIELDS if f.owner == owner and f.name == name)
