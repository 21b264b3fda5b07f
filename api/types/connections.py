"""Relation connections: an entity's edges of one relation as a Relay page, the twin of each relation
list, named as @neo4j/graphql names them (``Therapy.targetsConnection`` beside ``Therapy.targets``).

A page is sorted by ``orderBy`` (a figure of the relation, then its key) and starts after the sort
values its ``after`` cursor carries (keyset, api.lookahead.EdgePage), so a page deep into a hub's
edges costs what the first does. It is fetched with one edge more than it shows, to tell whether
more follow; the edges are counted only when ``totalCount`` is selected.
"""

from __future__ import annotations

from typing import Generic, TypeVar

import strawberry

from cellkg.api.lookahead import Nested
from cellkg.api.types.pagination import PageInfo
from cellkg.api.types.provenance import RelationEdge

N = TypeVar("N")


@strawberry.type(description="A page of an entity's edges of one relation; totalCount is only computed when selected.")
class RelationConnection(Generic[N]):
    edges: list[RelationEdge[N]]
    total_count: int | None = strawberry.field(
        description="Edges that minConfidence and includeNegated keep (null unless selected)."
    )
    more: strawberry.Private[bool] = False  # edges follow the page
    after_cursor: strawberry.Private[bool] = False  # the page starts after a cursor

    @classmethod
    def from_value(cls, value: dict | None, nested: Nested) -> RelationConnection:
        """The page api.cypher.relation_edges fetched for ``nested``: its edges, whether more follow, and
        the count (``value`` None: the owner was removed after its own fetch)."""
        value = value or {"edges": [], "more": False, "total": None}
        start = nested.page.start
        return cls(
            edges=[RelationEdge.from_row(row, nested, start + i) for i, row in enumerate(value["edges"])],
            total_count=value["total"],
            more=value["more"],
            after_cursor=bool(nested.page.seek),
        )

    @strawberry.field
    def page_info(self) -> PageInfo:  # built only when selected: its cursors cost an encoding each
        return PageInfo(
            has_next_page=self.more,
            has_previous_page=self.after_cursor,
            start_cursor=self.edges[0].cursor() if self.edges else None,
            end_cursor=self.edges[-1].cursor() if self.edges else None,
        )
