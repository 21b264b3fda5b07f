"""Look ahead in the selection set: which nested lists an entity's fetch can bring along.

Where the API fetches entities (by key, a list page), it reads the client's selection below them
and plans what it can fetch in the same Cypher statement (api.cypher.entity_map): their
``documents`` and relation fields, each edge's ``evidence``, and each neighbour's own lists and
relations, level after level, as @neo4j/graphql compiles a selection into one statement. (Fetching
each level as its own DataLoader batch instead sorts a hub's edges once rather than once per owner
reaching it, but costs a round trip and a Python pass per level: measured slower, BENCHMARKS.md.)
Resolvers return the prefetched rows; whatever the plan leaves out (out-of-range sizes, fields
under a fragment on an abstract neighbour) resolves through the DataLoaders. Skipped
(@skip/@include) fields are not planned.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
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

from cellkg.api.relations import RELATION_FIELDS, RelationField

Kind = Literal["relation", "evidence", "documents"]
_BY_GRAPHQL_NAME = {(f.owner, to_camel_case(f.name)): f for f in RELATION_FIELDS}
_ABSTRACT = "Entity"


@dataclass(frozen=True)
class Nested:
    """One nested list to fetch with its parent: under response ``key``, with these arguments."""

    key: str
    kind: Kind
    args: dict
    field: RelationField | None = None
    node: tuple[Nested, ...] = ()  # relation: what to fetch with each neighbour
    edge: tuple[Nested, ...] = ()  # relation: what to fetch with each edge (its evidence)

    @property
    def relation(self) -> RelationField:
        """The relation field of a ``relation`` plan (documents and evidence plans have none)."""
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
        elif (entity_type, name) in _BY_GRAPHQL_NAME:
            plan.append(Nested(key, "relation", _args(info, entity_type, subs), _BY_GRAPHQL_NAME[entity_type, name]))
        else:
            continue
        if not _sized(plan[-1].args, limit):
            plan.pop()  # the resolver reports the bad size
        elif plan[-1].kind == "relation":
            plan[-1] = _with_edges(info, plan[-1], subs, limit)
    return tuple(plan)


def _with_edges(info: GraphQLResolveInfo, relation: Nested, nodes: list[FieldNode], limit: int) -> Nested:
    edge_type, node_type = _edge_type(info, relation), relation.relation.node_type
    edge_fields = _collect(info, nodes, (edge_type,))
    node = entity_plan(info, _named(edge_fields, "node"), node_type, limit)
    edge = tuple(
        Nested(key, "evidence", args)
        for key, subs in edge_fields.items()
        if subs[0].name.value == "evidence" and _sized(args := _args(info, edge_type, subs), limit)
    )
    return Nested(relation.key, "relation", relation.args, relation.relation, node, edge)


def _edge_type(info: GraphQLResolveInfo, relation: Nested) -> str:
    """The GraphQL name of the edge type, e.g. ``TherapyRelationEdge``."""
    owner = _object_type(info, relation.relation.owner)
    field_type = owner.fields[to_camel_case(relation.relation.name)].type
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


def relation_plan(info: GraphQLResolveInfo, field: RelationField, args: dict, limit: int) -> Nested:
    """Plan for the relation field now resolving (its prefetch was not possible): its own subtree."""
    return _with_edges(info, Nested(str(info.path.key), "relation", args, field), list(info.field_nodes), limit)


def attach(plan: tuple[Nested, ...], row: dict) -> dict[str, tuple[Nested, list]] | None:
    """The prefetched lists of one fetched row, by response key (None when nothing was planned)."""
    return {n.key: (n, rows) for n, rows in zip(plan, row["pre"], strict=True)} if plan else None


def prefetched(obj, info) -> tuple[Nested, list] | None:
    """What was fetched with ``obj`` for the field now resolving, if anything."""
    return (obj.prefetched or {}).get(info.path.key)
