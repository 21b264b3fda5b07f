"""Full-text search over the ``entity_names`` index (cjk analyzer: English words, Chinese bigrams).

User text never reaches Lucene as syntax: every Lucene operator character is escaped and the
words AND/OR/NOT are lower-cased (the analyzer lower-cases terms anyway), then the query string
travels as a Cypher parameter.
"""

from __future__ import annotations

import re

import strawberry
from strawberry import Info

from cellkg.api import cypher as cy
from cellkg.api.errors import UserError
from cellkg.api.limits import page_size, short_text
from cellkg.api.types.entities import Entity
from cellkg.api.types.enums import EntityType
from cellkg.api.types.registry import entity_from_row
from cellkg.core.schema import ENTITY_TYPES

_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')
MAX_TERMS = 32
INDEX_READ_FACTOR = 5  # read more hits than asked when filtering by type after the index


def lucene_query(text: str) -> str:
    """The user's words as plain Lucene terms (any of them may match; more matches score higher)."""
    terms = [_LUCENE_SPECIAL.sub(r"\\\1", word) for word in text.split()][:MAX_TERMS]
    terms = [t.lower() if t in ("AND", "OR", "NOT") else t for t in terms if t]
    if not terms:
        raise UserError("search text is empty")
    return " ".join(terms)


@strawberry.type(description="An entity found by search, with its Lucene relevance score.")
class SearchHit:
    score: float
    entity: Entity


async def search(info: Info, text: str, types: list[EntityType] | None = None, first: int = 10) -> list[SearchHit]:
    """Entities whose names or aliases match ``text`` (English or Chinese), best first."""
    first = page_size(info, first) or 0
    wanted = [t.value for t in types] if types else list(ENTITY_TYPES)
    read = first if len(wanted) == len(ENTITY_TYPES) else first * INDEX_READ_FACTOR
    rows = await info.context.store.rows(
        cy.SEARCH, query=lucene_query(short_text(text, "text")), limit=read, types=wanted, first=first
    )
    return [SearchHit(score=row["score"], entity=entity_from_row(row["node"])) for row in rows]
