"""Look ahead in the selection set: which nested lists an entity's fetch can bring along.

Where the API fetches entities (by key, a list page), it reads the client's selection below them
and plans what it can fetch in the same Cypher statement (api.cypher.entity_map): their
``documents`` and relation fields (lists and connections), each edge's ``evidence``, and each
neighbour's own lists and relations, level after level, as @neo4j/graphql compiles a selection
into one statement. (Fetching each level as its own DataLoader batch instead sorts a hub's edges
once rather than once per owner reaching it, but costs a round trip and a Python pass per level:
measured slower, BENCHMARKS.md.)
Resolvers return the prefetched rows; whatever the plan leaves out (out-of-range sizes, fields
under a fragment on an abstract neighbour, a connection's bad cursor) resolves through the
DataLoaders. Skipped (@skip/@include) fields are not planned.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any, Literal

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLIncludeDirective,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLSkipDirective,
)
from graphql.execution.values import get_argument_values, get_directive_values

try:  # graphql-core >= 3.3
    from graphql.execution.values import VariableValues
except ImportError:  # pragma: no cover - graphql-core 3.2
    VariableValues = None  # type: ignore[assignment,misc]
from strawberry.utils.str_converters import to_camel_case

from cellkg.api.errors import UserError
from cellkg.api.relations import RELATION_FIELDS, RelationField
from cellkg.api.types.enums import RelationSortField, SortDirection
from cellkg.api.types.inputs import RelationOrder
from cellkg.api.types.pagination import decode_keyset

Kind = Literal["relation", "connection", "evidence", "documents"]
_ABSTRACT = "Entity"
# the relationship property each RelationSortField sorts by
_SORT_PROPERTIES = {
    RelationSortField.CONFIDENCE: "confidence",
    RelationSortField.EVIDENCE_COUNT: "evidence_count",
    RelationSortField.DOCUMENT_COUNT: "document_count",
    RelationSortField.ID: "key",
}


def connection_name(field: RelationField) -> str:
    """The GraphQL name of a relation field's connection twin, as @neo4j/graphql names them."""
    return f"{to_camel_case(field.name)}Connection"


_LISTS = {(f.owner, to_camel_case(f.name)): f for f in RELATION_FIELDS}
_CONNECTIONS = {(f.owner, connection_name(f)): f for f in RELATION_FIELDS}


@dataclass(frozen=True)
class EdgePage:
    """Which of an owner's edges a relation field returns, in what order: a list field the first
    ones, most confident first; a connection those after its cursor in its orderBy."""

    sort: RelationSortField = RelationSortField.CONFIDENCE
    descending: bool = True
    start: int = 0  # position of the page's first edge in the sorted list
    seek: tuple = ()  # sort values of the edge to start after (the ``after`` cursor's); () from the top
    total: bool = False  # count all the edges (a connection's totalCount is selected)

    @cached_property  # read for every edge, to keep its sort values for its cursor
    def order(self) -> tuple[tuple[str, bool], ...]:
        """(relationship property, descending) to sort by: the chosen figure, then the unique key,
        ascending whatever the direction, to break ties as the list fields always have."""
        prop = _SORT_PROPERTIES[self.sort]
        return ((prop, self.descending),) if prop == "key" else ((prop, self.descending), ("key", False))

    @classmethod
    def of(cls, order: RelationOrder | None, after: str | None) -> EdgePage:
        """A connection's page; a UserError for a cursor that is no edge's of this order."""
        order = order or RelationOrder()
        page = cls(order.field, order.direction == SortDirection.DESC)
        if after is None:
            return page
        position, seek = decode_keyset(after, tuple(str if p == "key" else int | float for p, _ in page.order))
        return replace(page, start=position + 1, seek=tuple(seek))


@dataclass(frozen=True)
class Nested:
    """One nested list to fetch with its parent: under response ``key``, with these arguments."""

    key: str
    kind: Kind
    args: dict
    field: RelationField | None = None
    node: tuple[Nested, ...] = ()  # relation, connection: what to fetch with each neighbour
    edge: tuple[Nested, ...] = ()  # relation, connection: what to fetch with each edge (its evidence)
    page: EdgePage = EdgePage()  # relation, connection: which edges

    @property
    def relation(self) -> RelationField:
        """The relation field of a relation or connection plan (documents and evidence plans have none)."""
        if self.field is None:
            raise TypeError(f"{self.key!r} is a {self.kind} plan, not a relation")
        return self.field


def _object_type(info: GraphQLResolveInfo, type_name: str) -> GraphQLObjectType:
    found = info.schema.get_type(type_name)
    if not isinstance(found, GraphQLObjectType | GraphQLInterfaceType):
        raise TypeError(f"{type_name} is not an object type of the schema")
    return found  # type: ignore[return-value]  # both have .fields


def _variables(info: GraphQLResolveInfo) -> Any:
    """The operation's variables as graphql-core's value helpers take them.

    graphql-core 3.3 hands resolvers a plain dict but its helpers want ``VariableValues``; 3.2 takes the dict.
    """
    values = info.variable_values
    return (
        VariableValues(sources={}, coerced=values)
        if VariableValues is not None and isinstance(values, dict)
        else values
    )


def _included(info: GraphQLResolveInfo, node) -> bool:
    variables = _variables(info)
    skip = get_directive_values(GraphQLSkipDirective, node, variables)
    include = get_directive_values(GraphQLIncludeDirective, node, variables)
    return not (skip and skip["if"]) and not (include and not include["if"])


def _collect(info: GraphQLResolveInfo, nodes: Iterable[FieldNode], type_names: tuple[str, ...]) -> dict[str, list]:
    """Sub-fields of ``nodes`` by response key, through fragments that apply to ``type_names``."""
    fields: dict[str, list[FieldNode]] = {}

    def walk(selection_set) -> None:
        for sel in selection_set.selections if selection_set else ():
            if not _included(info, sel):
                continue
            if isinstance(sel, FieldNode):
                fields.setdefault((sel.alias or sel.name).value, []).append(sel)
                continue
            frag = info.fragments[sel.name.value] if isinstance(sel, FragmentSpreadNode) else sel
            if frag.type_condition is None or frag.type_condition.name.value in type_names:
                walk(frag.selection_set)

    for node in nodes:
        walk(node.selection_set)
    return fields


def _args(info: GraphQLResolveInfo, type_name: str, nodes: list[FieldNode]) -> dict:
    definition = _object_type(info, type_name).fields[nodes[0].name.value]
    return get_argument_values(definition, nodes[0], _variables(info))


def _sized(args: dict, limit: int) -> bool:
    return 0 <= args["first"] <= limit


def entity_plan(
    info: GraphQLResolveInfo, nodes: Iterable[FieldNode], entity_type: str, limit: int
) -> tuple[Nested, ...]:
    """The nested lists to fetch with entities of ``entity_type`` selected by ``nodes``."""
    plan = []
    for key, subs in _collect(info, nodes, (entity_type, _ABSTRACT)).items():
        name = subs[0].name.value
        if name == "documents":
            plan.append(Nested(key, "documents", _args(info, _ABSTRACT, subs)))
        elif (entity_type, name) in _LISTS:
            plan.append(Nested(key, "relation", _args(info, entity_type, subs), _LISTS[entity_type, name]))
        elif (entity_type, name) in _CONNECTIONS:
            args = _args(info, entity_type, subs)
            try:
                page = EdgePage.of(args["orderBy"] and RelationOrder(**args["orderBy"]), args["after"])
            except UserError:
                continue  # the resolver reports the bad cursor
            plan.append(Nested(key, "connection", args, _CONNECTIONS[entity_type, name], page=page))
        else:
            continue
        if not _sized(plan[-1].args, limit):
            plan.pop()  # the resolver reports the bad size
        elif plan[-1].field is not None:
            plan[-1] = _with_edges(info, plan[-1], subs, limit)
    return tuple(plan)


def _with_edges(info: GraphQLResolveInfo, relation: Nested, nodes: list[FieldNode], limit: int) -> Nested:
    """``relation`` with what its selection ``nodes`` plans for each edge: its neighbour's lists, its
    evidence; a connection's edges are those selected under ``edges``, counted if ``totalCount`` is."""
    field, page = relation.relation, relation.page
    if relation.kind == "connection":
        selected = _collect(info, nodes, (_type_name(info, field.owner, connection_name(field)),))
        total = bool(_named(selected, "totalCount"))
        nodes, page = _named(selected, "edges"), EdgePage(page.sort, page.descending, page.start, page.seek, total)
    edge_type = _type_name(info, field.owner, to_camel_case(field.name))
    edge_fields = _collect(info, nodes, (edge_type,))
    node = entity_plan(info, _named(edge_fields, "node"), field.node_type, limit)
    edge = tuple(
        Nested(key, "evidence", args)
        for key, subs in edge_fields.items()
        if subs[0].name.value == "evidence" and _sized(args := _args(info, edge_type, subs), limit)
    )
    return Nested(relation.key, relation.kind, relation.args, field, node, edge, page)  # replace() costs more


def _type_name(info: GraphQLResolveInfo, owner: str, field_name: str) -> str:
    """The GraphQL name of the type a field of ``owner`` returns, e.g. ``TherapyRelationEdge``."""
    field_type = _object_type(info, owner).fields[field_name].type
    while hasattr(field_type, "of_type"):
        field_type = field_type.of_type
    return field_type.name


def field_plan(info: GraphQLResolveInfo, path: tuple[str, ...], entity_type: str, limit: int) -> tuple[Nested, ...]:
    """Plan for the entities found at ``path`` below the resolving field (e.g. ``("edges", "node")``)."""
    nodes = list(info.field_nodes)
    for step in path:
        nodes = _named(_collect(info, nodes, ()), step)  # through wrappers (fragments on them are not followed)
    return entity_plan(info, nodes, entity_type, limit)


def _named(fields: dict[str, list[FieldNode]], name: str) -> list[FieldNode]:
    """Every node of the field ``name``, under any alias."""
    return [node for nodes in fields.values() for node in nodes if node.name.value == name]


def relation_plan(
    info: GraphQLResolveInfo, field: RelationField, args: dict, limit: int, page: EdgePage | None = None
) -> Nested:
    """Plan for the relation list, or with ``page`` the connection, now resolving (its prefetch was
    not possible): its own subtree."""
    kind: Kind = "relation" if page is None else "connection"
    nested = Nested(str(info.path.key), kind, args, field, page=page or EdgePage())
    return _with_edges(info, nested, list(info.field_nodes), limit)


def attach(plan: tuple[Nested, ...], row: dict) -> dict[str, tuple[Nested, list]] | None:
    """The prefetched lists of one fetched row, by response key (None when nothing was planned)."""
    return {n.key: (n, rows) for n, rows in zip(plan, row["pre"], strict=True)} if plan else None


def prefetched(obj, info) -> tuple[Nested, list] | None:
    """What was fetched with ``obj`` for the field now resolving, if anything."""
    return (obj.prefetched or {}).get(info.path.key)
