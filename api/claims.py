"""The top-level claim lists: ``relations`` and ``evidence``, filtered, sorted, in Relay pages.

Both page as the entity lists do (api.listing.fetch_page: keyset cursors, one round trip per page,
the count only when ``totalCount`` is selected). A relation's subject and object come in the same
statement, with what the selection asks of them that api.lookahead can plan (their documents).
"""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import Info

from cellkg.api import cypher as cy
from cellkg.api.filters import (
    evidence_order,
    evidence_predicates,
    relation_order,
    relation_predicates,
    relation_types,
)
from cellkg.api.limits import max_page
from cellkg.api.listing import fetch_page
from cellkg.api.lookahead import field_plan
from cellkg.api.types.inputs import EvidenceFilter, EvidenceOrder, RelationFilter, RelationOrder
from cellkg.api.types.pagination import Connection, PageArgs
from cellkg.api.types.provenance import Evidence, Relation
from cellkg.api.types.registry import entity_from_row


async def relation_list(
    info: Info,
    filter_: Annotated[RelationFilter | None, strawberry.argument(name="filter")] = None,
    order_by: RelationOrder | None = None,
    first: int | None = None,
    after: str | None = None,
    last: int | None = None,
    before: str | None = None,
) -> Connection[Relation]:
    preds = relation_predicates(filter_)
    subject_plan, object_plan = (
        field_plan(info._raw_info, ("edges", "node", end), "Entity", max_page(info)) for end in ("subject", "object")
    )
    subject, object_ = cy.entity_map("a", subject_plan, preds.param), cy.entity_map("b", object_plan, preds.param)
    types, order = relation_types(filter_), relation_order(order_by)
    return await fetch_page(
        info,
        lambda total, seek: cy.relation_page(types, preds.where, order, subject, object_, total, seek),
        preds,
        PageArgs(first, after, last, before),
        lambda row: Relation.from_row(
            row, entity_from_row(row["subject"], subject_plan), entity_from_row(row["object"], object_plan)
        ),
    )


async def evidence_list(
    info: Info,
    filter_: Annotated[EvidenceFilter | None, strawberry.argument(name="filter")] = None,
    order_by: EvidenceOrder | None = None,
    first: int | None = None,
    after: str | None = None,
    last: int | None = None,
    before: str | None = None,
) -> Connection[Evidence]:
    preds, order = evidence_predicates(filter_), evidence_order(order_by)
    return await fetch_page(
        info,
        lambda total, seek: cy.evidence_page(preds.where, order, total, seek),
        preds,
        PageArgs(first, after, last, before),
        Evidence.from_row,
    )
