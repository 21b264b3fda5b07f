"""Paginated, filtered, sorted lists: per-type entity lists and the document list.

One round trip per page (two when ``last`` comes without ``before``, which first needs the
list's length); the count runs only when ``totalCount`` is selected.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import strawberry
from strawberry import Info

from cellkg.api import cypher as cy
from cellkg.api.filters import Predicates, document_predicates, entity_order, entity_predicates
from cellkg.api.limits import max_page
from cellkg.api.lookahead import field_plan
from cellkg.api.types.inputs import ENTITY_FILTERS, DocumentFilter, EntityOrder
from cellkg.api.types.pagination import Connection, PageArgs, wants_total
from cellkg.api.types.provenance import Document
from cellkg.api.types.registry import ENTITY_CLASSES, entity_from_row

DOCUMENT_ORDER = "n.ingested_at DESC, n.doc_id ASC"


async def fetch_page(
    info: Info,
    statement: Callable[[bool, bool], str],
    preds: Predicates,
    args: PageArgs,
    make_node: Callable[[dict], object],
) -> Connection:
    """``statement(with_total, seek)``: api.cypher.page's text for this list."""
    args.validate(info)
    store, total = info.context.store, None
    if args.needs_total:
        total = (await store.rows(statement(True, False), skip=0, limit=0, **preds.params))[0]["total"]
    window = args.window(total)
    count_now = total is None and wants_total(info)
    seek = {"seek": window.seek} if window.seek is not None else {}
    (row,) = await store.rows(
        statement(count_now, bool(seek)), skip=window.offset, limit=window.fetch, **seek, **preds.params
    )
    total = row["total"] if count_now else total
    return Connection.build([make_node(n) for n in row["nodes"]], window, total, row["seek"])


def entity_list(entity_type: str):
    """The ``therapies(filter, orderBy, first, after, last, before)`` field for one type."""
    filter_type = ENTITY_FILTERS[entity_type]

    async def resolve(
        info: Info,
        filter_=None,
        order_by: EntityOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ):
        preds = entity_predicates(entity_type, filter_)
        order = entity_order(order_by)
        plan = field_plan(info._raw_info, ("edges", "node"), entity_type, max_page(info))
        projection = cy.entity_map("n", plan, preds.param)
        return await fetch_page(
            info,
            lambda total, seek: cy.entity_page(entity_type, preds.where, order, projection, total, seek),
            preds,
            PageArgs(first, after, last, before),
            lambda row: entity_from_row(row, plan),
        )

    resolve.__annotations__["filter_"] = Annotated[filter_type | None, strawberry.argument(name="filter")]
    resolve.__annotations__["return"] = Connection[ENTITY_CLASSES[entity_type]]  # type: ignore[valid-type]
    return strawberry.field(
        resolver=resolve,
        description=(
            f"{entity_type} entities matching the filter, sorted (default by name), in Relay pages of at most "
            "api_max_page_size (default 20)."
        ),
    )


async def document_list(
    info: Info,
    filter_: Annotated[DocumentFilter | None, strawberry.argument(name="filter")] = None,
    first: int | None = None,
    after: str | None = None,
    last: int | None = None,
    before: str | None = None,
) -> Connection[Document]:
    preds = document_predicates(filter_)
    return await fetch_page(
        info,
        lambda total, seek: cy.document_page(preds.where, DOCUMENT_ORDER, total, seek),
        preds,
        PageArgs(first, after, last, before),
        Document.from_row,
    )
