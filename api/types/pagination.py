"""Relay cursor connections: keyset (seek) pages forwards, offset windows backwards.

A cursor is opaque, base64-encoded: the item's position in the sorted list and, where the list
returns them, the item's sort values. A forward page after such a cursor starts *after those
values* (``WHERE (sort values) > cursor``, api.cypher.page) instead of skipping that many rows: it
costs the same on page 500 as on page 1, and an item added or removed before the cursor moves
nothing. ``last/before`` pages (and cursors without sort values) use the position; an entity's
relation connections (api.types.connections) page forwards by keyset only. The page size
is capped, and the count is only computed when the client selects ``totalCount`` (or asks for
``last`` without ``before``, which needs the end of the list).
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Generic, TypeVar

import orjson
import strawberry
from strawberry import Info
from strawberry.types.nodes import SelectedField

from cellkg.api.errors import UserError
from cellkg.api.limits import page_size

T = TypeVar("T")
_PREFIX = "cellkg:"
DEFAULT_PAGE_SIZE = 20


def encode_cursor(position: int, seek: list | None = None) -> str:
    """``seek``: the item's sort values, kept only when all are strings or numbers (a null or a
    temporal value cannot be compared after a round trip through JSON)."""
    text = f"{_PREFIX}{position}"
    if seek and all(isinstance(v, str | int | float) and not isinstance(v, bool) for v in seek):
        text += ":" + orjson.dumps(seek).decode()
    return base64.urlsafe_b64encode(text.encode()).decode()


def _decode(cursor: str) -> tuple[int, list | None]:
    try:
        text = base64.urlsafe_b64decode(cursor.encode("ascii")).decode()
        position, _, seek = text.removeprefix(_PREFIX).partition(":")
        if text.startswith(_PREFIX) and position.isdigit():
            values = orjson.loads(seek) if seek else None
            if values is None or (isinstance(values, list) and all(isinstance(v, str | int | float) for v in values)):
                return int(position), values
    except (binascii.Error, UnicodeError, ValueError):
        pass
    raise UserError("invalid cursor: pass a cursor this API returned")


def decode_cursor(cursor: str) -> int:
    return _decode(cursor)[0]


def decode_keyset(cursor: str, types: tuple) -> tuple[int, list]:
    """Position and sort values of a keyset cursor whose values are of ``types``, in order: a list
    that pages only by keyset (a nested connection) refuses a cursor of another list or order."""
    position, seek = _decode(cursor)
    if seek is None or len(seek) != len(types) or not all(isinstance(v, t) for v, t in zip(seek, types, strict=True)):
        raise UserError("invalid cursor: pass a cursor this connection returned, with the same orderBy")
    return position, seek


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type(description="A page of a sorted list; totalCount is only computed when selected.")
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    total_count: int | None = strawberry.field(description="Items matching the filter (null unless selected).")

    @classmethod
    def build(cls, nodes: list, window: Window, total: int | None, seeks: list | None = None) -> Connection:
        """``seeks``: each node's sort values (api.cypher.page returns them), kept in its cursor."""
        shown = nodes[: window.size]
        edges = [
            Edge(cursor=encode_cursor(window.skip + i, seeks[i] if seeks else None), node=n)
            for i, n in enumerate(shown)
        ]
        more_after = (
            len(nodes) > window.size
            if window.forward
            else window.end is not None and (total is None or window.end < total)
        )
        info = PageInfo(
            has_next_page=more_after,
            has_previous_page=window.skip > 0,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        )
        return cls(edges=edges, page_info=info, total_count=total)


@dataclass(frozen=True)
class Window:
    skip: int  # position of the first item on the page
    size: int  # items on the page
    forward: bool  # first/after: fetch one more to learn whether a next page exists
    end: int | None  # exclusive end position from ``before`` (or the total when paging back)
    seek: list | None = None  # sort values to start after (a forward page after a keyset cursor)

    @property
    def fetch(self) -> int:
        return self.size + 1 if self.forward else self.size

    @property
    def offset(self) -> int:
        """Rows for Cypher to skip: none after a keyset cursor, whose WHERE already starts there."""
        return 0 if self.seek is not None else self.skip


@dataclass(frozen=True)
class PageArgs:
    first: int | None
    after: str | None
    last: int | None
    before: str | None

    def validate(self, info: Info) -> PageArgs:
        if self.first is not None and self.last is not None:
            raise UserError("pass either 'first' or 'last', not both")
        page_size(info, self.first, "first")
        page_size(info, self.last, "last")
        return self

    @property
    def needs_total(self) -> bool:
        return self.last is not None and self.before is None

    def window(self, total: int | None) -> Window:
        position, seek = _decode(self.after) if self.after is not None else (-1, None)
        start = position + 1
        end = decode_cursor(self.before) if self.before is not None else None
        if self.last is None:
            size = DEFAULT_PAGE_SIZE if self.first is None else self.first
            if end is not None:
                size = max(0, min(size, end - start))
                return Window(skip=start, size=size, forward=False, end=end)
            return Window(skip=start, size=size, forward=True, end=None, seek=seek)
        if end is None:
            assert total is not None, "a backward page without 'before' needs the total (see needs_total)"
            end = total
        skip = max(start, end - self.last)
        return Window(skip=skip, size=max(0, end - skip), forward=False, end=end)


def wants_total(info: Info) -> bool:
    """True when the client selected ``totalCount`` on this connection (fragments included)."""
    return any(_selects(field, "totalCount") for field in info.selected_fields)


def _selects(node, name: str) -> bool:
    for selection in node.selections:
        if isinstance(selection, SelectedField) and selection.name == name:
            return True
        if not isinstance(selection, SelectedField) and _selects(selection, name):  # a fragment
            return True
    return False
