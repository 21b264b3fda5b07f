"""Entities get the identifiers the lexicons give for them (HGNC, MONDO, ROR).

Placeholder interface; the identifiers work fills it.
"""

from __future__ import annotations

from cellkg.core.model import Entity


def with_xrefs(entity: Entity) -> Entity:
    """The entity with the lexicon's identifiers for it added to ``xrefs``."""
    return entity
