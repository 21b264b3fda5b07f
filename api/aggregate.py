"""Counts of the graph grouped by entity type, relation type, document language and document month.

``aggregate`` itself costs nothing: each group list is a field with its own resolver and its own
parameterised Cypher statement, so only the lists a client selects are computed. Entity counts come
from Neo4j's count store (one ``MATCH (:Label)`` per type, no node is read); the others scan
relationships or documents once. Whole answers are kept by the response cache (api/cache.py) under
the graph's version like any other read.
"""

from __future__ import annotations

import re
from typing import Annotated

import strawberry
from strawberry import Info

from cellkg.api.errors import UserError
from cellkg.core.schema import ENTITY_TYPES, RELATION_TYPES, check_label, check_relation_type

MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")

ENTITIES_BY_TYPE = (
    "CALL () { "
    + " UNION ALL ".join(
        f"MATCH (:{check_label(t)}) WITH count(*) AS count RETURN '{t}' AS key, count" for t in ENTITY_TYPES
    )
    + " } WITH key, count WHERE count > 0 RETURN key, count ORDER BY count DESC, key"
)
RELATIONS_BY_TYPE = (
    f"MATCH ()-[r:{'|'.join(map(check_relation_type, RELATION_TYPES))}]->() "
    "WHERE $includeNegated OR NOT r.negated RETURN type(r) AS key, count(*) AS count ORDER BY count DESC, key"
)
DOCUMENTS_BY_LANGUAGE = "MATCH (d:Document) RETURN d.lang AS key, count(*) AS count ORDER BY count DESC, key"
# published_at is as precise as the source: '2012-06-04', '2012-06' or just '2012'; a year alone has no month
DOCUMENTS_BY_MONTH = """
MATCH (d:Document)
WITH CASE WHEN d.published_at =~ '[0-9]{4}-[0-9]{2}.*' THEN left(d.published_at, 7) END AS key
WHERE ($from IS NULL OR key >= $from) AND ($to IS NULL OR key <= $to)
RETURN key, count(*) AS count ORDER BY key
"""


@strawberry.type(description="How many items share one key.")
class GroupCount:
    key: str | None
    count: int


async def _groups(info: Info, statement: str, **params: object) -> list[GroupCount]:
    rows = await info.context.store.rows(statement, **params)
    return [GroupCount(key=row["key"], count=row["count"]) for row in rows]


def _month(value: str | None, argument: str) -> str | None:
    if value is not None and not MONTH.fullmatch(value):
        raise UserError(f"'{argument}' must be a month as YYYY-MM, got {value[:20]!r}")
    return value


@strawberry.type(description="Counts of the graph, grouped; each list is computed only when selected.")
class Aggregate:
    @strawberry.field(description="Entities per type (the label), most first; types without entities are left out.")
    async def entities_by_type(self, info: Info) -> list[GroupCount]:
        return await _groups(info, ENTITIES_BY_TYPE)

    @strawberry.field(
        description=(
            "Relations between entities per relation type, most first; relations whose every piece of evidence "
            "is negated only with includeNegated."
        )
    )
    async def relations_by_type(self, info: Info, include_negated: bool = False) -> list[GroupCount]:
        return await _groups(info, RELATIONS_BY_TYPE, includeNegated=include_negated)

    @strawberry.field(description="Documents per language ('en', 'zh'), most first.")
    async def documents_by_language(self, info: Info) -> list[GroupCount]:
        return await _groups(info, DOCUMENTS_BY_LANGUAGE)

    @strawberry.field(
        description=(
            "Documents per month of publication (key YYYY-MM), oldest first. A document whose publication month "
            "is unknown (no publication date, as for plain texts, or a year alone) counts under the key null, "
            "listed last; it is never counted under its ingestion month. from and to (YYYY-MM, inclusive) keep "
            "the months between them, and leave the null group out."
        )
    )
    async def documents_by_month(
        self,
        info: Info,
        from_: Annotated[str | None, strawberry.argument(name="from")] = None,
        to: str | None = None,
    ) -> list[GroupCount]:
        return await _groups(info, DOCUMENTS_BY_MONTH, **{"from": _month(from_, "from"), "to": _month(to, "to")})


def aggregate() -> Aggregate:
    return Aggregate()
