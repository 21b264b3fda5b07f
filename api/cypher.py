"""Every Cypher statement the API runs, named by what it answers, all parameterised.

Labels, relationship types, sort keys and the path length cannot be Cypher parameters; they
are spliced in only from closed sets (cellkg.schema, api.relations, enums) or, for the hop
count, a validated int. User text always travels as a parameter.
"""

from __future__ import annotations

from cellkg.api.attributes import ATTRIBUTE_PROPERTIES
from cellkg.api.lookahead import Nested
from cellkg.api.relations import RelationField
from cellkg.core.schema import RELATION_SIGNATURES, RELATION_TYPES, check_label, check_relation_type
from cellkg.graph.ddl import FULLTEXT_INDEX
from cellkg.graph.statements import GRAPH_COUNTS

_ENTITY_FIELDS = ".key, .name, .name_zh, .aliases, .type, .xrefs, " + ", ".join(f".{p}" for p in ATTRIBUTE_PROPERTIES)
# everything but the text, which only api.types.provenance.Document.text fetches
_DOCUMENT_FIELDS = (
    ".doc_id, .name, .title, .source, .lang, .chars, .media_type, .ingested_at, .extractor_version,"
    " .xrefs, .pmid, .pmcid, .doi, .published_at, .journal, .version"
)
_RELATION_FIELDS = ".key, .confidence, .evidence_count, .document_count, .negated"
_EVIDENCE_FIELDS = (
    ".key, .relation_key, .relation_type, .subject_key, .object_key, .sentence, .char_start, .char_end,"
    " .rule, .rule_version, .confidence, .negated, .hedged, .lang, .extracted_at, .field"
)


_ARROWS = {"out": ("-", "->"), "in": ("<-", "-"), "both": ("-", "-")}


def _entity(var: str) -> str:
    return f"{var} {{{_ENTITY_FIELDS}}}"


def _document(var: str) -> str:
    return f"{var} {{{_DOCUMENT_FIELDS}}}"


def _evidence(var: str, doc: str) -> str:
    return f"{var} {{{_EVIDENCE_FIELDS}, document: {_document(doc)}}}"


def _relation(var: str, extra: str) -> str:
    """A relationship as a map with its type and ``extra`` entries (e.g. its end nodes)."""
    return f"{var} {{{_RELATION_FIELDS}, type: type({var}), {extra}}}"


class Params(dict):
    """Parameters of one statement; calling it with a value adds ``$x<n>`` and returns that name."""

    def __call__(self, value: object) -> str:
        name = f"x{len(self)}"
        self[name] = value
        return name


def entity_map(var: str, plan: tuple[Nested, ...], params, depth: int = 0) -> str:
    """Entity ``var`` as a map; ``pre`` lists, in ``plan`` order, the nested lists fetched with it.
    ``params`` adds a parameter and returns its name (Params, filters.Predicates.param)."""
    if not plan:
        return _entity(var)
    return f"{var} {{{_ENTITY_FIELDS}, pre: [{', '.join(_nested(var, n, params, depth) for n in plan)}]}}"


def _nested(var: str, nested: Nested, params: Params, depth: int) -> str:
    if nested.kind == "documents":
        return documents_of(var, params(nested.args["first"]), depth + 1)
    if nested.kind == "evidence":
        return evidence_of(f"{var}.key", params(nested.args["first"]), depth + 1)
    return relation_edges(var, nested, params, depth + 1)


def documents_of(entity: str, first: str, depth: int) -> str:
    """The documents mentioning ``entity``, newest first, at most $``first``."""
    d = f"d_{depth}"
    return (
        f"COLLECT {{ MATCH ({d}:Document)-[:MENTIONS]->({entity}) WITH {d} ORDER BY {d}.ingested_at DESC, "
        f"{d}.doc_id LIMIT ${first} RETURN {_document(d)} }}"
    )


def evidence_of(relation_key: str, first: str, depth: int) -> str:
    """The evidence of the relation keyed ``relation_key``, most confident first, at most $``first``."""
    ev, d = f"ev_{depth}", f"d_{depth}"
    return (
        f"COLLECT {{ MATCH ({ev}:Evidence {{relation_key: {relation_key}}})<-[:ASSERTS]-({d}:Document) "
        f"WITH {ev}, {d} ORDER BY {ev}.confidence DESC, {ev}.key LIMIT ${first} RETURN {_evidence(ev, d)} }}"
    )


def relation_edges(owner: str, nested: Nested, params: Params, depth: int) -> str:
    """``owner``'s edges of ``nested``'s kind in its page's order, each with its planned nested lists:
    a list; for a connection a map of the page, whether more edges follow and, when selected, the
    count of all the edges the filters keep."""
    field, args, page = nested.relation, nested.args, nested.page
    left, right = _ARROWS[field.direction]
    rel_type, label = check_relation_type(field.rel_type), check_label(field.node_type)
    r, b = f"r_{depth}", f"b_{depth}"
    extra = f"node: {entity_map(b, nested.node, params, depth)}"
    if nested.edge:
        extra += f", pre: [{', '.join(_nested(r, n, params, depth) for n in nested.edge)}]"
    # every test left out is one property or label read less per edge: a hub has thousands. Ties
    # are broken by the relationship's own key, read from the edge already in hand: by the
    # neighbour's key, every one of a hub's neighbours was loaded too (twice the time at a hub)
    tests = [f"{r}.confidence >= ${params(args['minConfidence'])}"] if args["minConfidence"] > 0 else []
    tests += [] if args["includeNegated"] else [f"NOT {r}.negated"]
    order = [(f"{r}.{prop}", descending) for prop, descending in page.order]
    after = [seek_predicate(order, params(page.seek))] if page.seek else []
    end = "" if _end_implied(field) else f":{label}"
    match = f"MATCH ({owner}){left}[{r}:{rel_type}]{right}({b}{end}) "
    top = f"{match}{_where(tests + after)}WITH {r}, {b} ORDER BY {_order_by(order)} LIMIT "
    if nested.kind == "relation":
        return f"COLLECT {{ {top}${params(args['first'])} RETURN {_relation(r, extra)} }}"
    # one edge more than the page tells whether more follow; only the page's edges get their nested lists
    first, found, pair = params(args["first"]), f"found_{depth}", f"pair_{depth}"
    page_edges = (
        f"COLLECT {{ UNWIND {found}[..${first}] AS {pair} WITH {pair}[0] AS {r}, {pair}[1] AS {b} "
        f"RETURN {_relation(r, extra)} }}"
    )
    total = f"COUNT {{ {match}{_where(tests)}}}" if page.total else "null"
    return (
        f"head(COLLECT {{ WITH COLLECT {{ {top}${params(args['first'] + 1)} RETURN [{r}, {b}] }} AS {found} "
        f"RETURN {{edges: {page_edges}, more: size({found}) > ${first}, total: {total}}} }})"
    )


def _where(tests: list[str]) -> str:
    return f"WHERE {' AND '.join(tests)} " if tests else ""


def _order_by(items: list[tuple[str, bool]]) -> str:
    return ", ".join(f"{expression} {'DESC' if descending else 'ASC'}" for expression, descending in items)


def _end_implied(field: RelationField) -> bool:
    """True when the schema's signature already makes every node at the far end a ``field.node_type``
    (the loader drops relations outside the signatures), so the label need not be checked."""
    sources, targets = RELATION_SIGNATURES[field.rel_type]
    ends = {"out": targets, "in": sources, "both": sources | targets}[field.direction]
    return field.node_type == "Entity" or ends == {field.node_type}


PING = "RETURN 1 AS ok"
STATS = GRAPH_COUNTS


def entities_by_key(plan: tuple[Nested, ...] = (), params: Params | None = None) -> str:
    """$keys entity keys: each entity, with the nested lists ``plan`` fetches along."""
    return f"UNWIND $keys AS k MATCH (n:Entity {{key: k}}) RETURN k, {entity_map('n', plan, params)} AS value"


ENTITIES_BY_KEY = entities_by_key()

DOCUMENTS_BY_ID = f"UNWIND $keys AS k MATCH (d:Document {{doc_id: k}}) RETURN k, {_document('d')} AS value"


def _ontology_neighbours(arrow: str) -> str:
    """$keys disease keys, $first: the diseases IS_A links them to in ``arrow``'s direction, by name."""
    return (
        f"UNWIND $keys AS k MATCH (n:Disease {{key: k}}) RETURN k, COLLECT {{ MATCH (n){arrow}(m:Disease) "
        f"WITH m ORDER BY m.name, m.key LIMIT $first RETURN {_entity('m')} }} AS value"
    )


SUBTYPES_OF = _ontology_neighbours("<-[:IS_A]-")
SUPERTYPES_OF = _ontology_neighbours("-[:IS_A]->")

TEXT_OF_DOCUMENTS = "UNWIND $keys AS k MATCH (d:Document {doc_id: k}) RETURN k, d.text AS value"


def entity_by_xref(plan: tuple[Nested, ...], params: Params) -> str:
    """$curie: the entity with that identifier (one index seek on the Xref constraint); of several,
    the one most documents mention."""
    return (
        "MATCH (:Xref {curie: $curie})<-[:HAS_XREF]-(n:Entity) "
        f"WITH n ORDER BY {MENTIONING_DOCUMENTS} DESC, n.key LIMIT 1 "
        f"RETURN {entity_map('n', plan, params)} AS value"
    )


# $keys relation keys, $first evidence per relation
EVIDENCE_FOR_RELATIONS = "UNWIND $keys AS k RETURN k, " + evidence_of("k", "first", 0) + " AS value"

# $keys doc ids, $first evidence per document
EVIDENCE_OF_DOCUMENTS = f"""
UNWIND $keys AS k
MATCH (d:Document {{doc_id: k}})
CALL (d) {{
  MATCH (d)-[:ASSERTS]->(ev:Evidence)
  RETURN ev ORDER BY ev.char_start, ev.key LIMIT $first
}}
RETURN k, collect({_evidence("ev", "d")}) AS value
"""

# $keys doc ids, $first relations per document: the claims its evidence supports
CLAIMS_OF_DOCUMENTS = f"""
UNWIND $keys AS k
MATCH (d:Document {{doc_id: k}})
CALL (d) {{
  MATCH (d)-[:ASSERTS]->(ev:Evidence)
  WITH DISTINCT ev.relation_key AS rk, ev.subject_key AS s, ev.object_key AS o
  MATCH (a:Entity {{key: s}})-[r]->(b:Entity {{key: o}}) WHERE r.key = rk
  RETURN r, a, b ORDER BY r.confidence DESC, r.key LIMIT $first
}}
RETURN k, collect({_relation("r", "subject: " + _entity("a") + ", object: " + _entity("b"))}) AS value
"""

# $keys doc ids, $first mentioned entities per document
MENTIONS_OF_DOCUMENTS = f"""
UNWIND $keys AS k
MATCH (d:Document {{doc_id: k}})
CALL (d) {{
  MATCH (d)-[m:MENTIONS]->(n:Entity)
  RETURN m, n ORDER BY m.starts[0], n.key LIMIT $first
}}
RETURN k, collect({{count: m.count, starts: m.starts, ends: m.ends, entity: {_entity("n")}}}) AS value
"""

# $keys entity keys, $first documents per entity (newest first)
DOCUMENTS_MENTIONING = (
    "UNWIND $keys AS k MATCH (n:Entity {key: k}) RETURN k, " + documents_of("n", "first", 0) + " AS value"
)

# $query (escaped Lucene), $limit hits read from the index, $types, $first
SEARCH = f"""
CALL db.index.fulltext.queryNodes('{FULLTEXT_INDEX}', $query, {{limit: $limit}}) YIELD node, score
WHERE node.type IN $types
RETURN {_entity("node")} AS node, score ORDER BY score DESC, node.key LIMIT $first
"""


def relations_by_key(nested: Nested, params: Params) -> str:
    """$keys owner keys: each owner's edges of ``nested``'s kind, with what ``nested`` plans below them."""
    return f"UNWIND $keys AS k MATCH (a:Entity {{key: k}}) RETURN k, {relation_edges('a', nested, params, 0)} AS value"


_PATH_ENDS = "subject_key: startNode(r).key, object_key: endNode(r).key"


def shortest_path(max_hops: int) -> str:
    """$from, $to: the shortest chain of entity relations, at most ``max_hops`` long; negated relations
    (every piece of evidence denies them) do not connect anything."""
    hops = int(max_hops)  # a literal in Cypher: variable-length bounds cannot be parameters
    types = "|".join(check_relation_type(t) for t in RELATION_TYPES)
    return f"""
MATCH (a:Entity {{key: $from}}), (b:Entity {{key: $to}})
MATCH p = shortestPath((a)-[:{types}*..{hops}]-(b))
WHERE all(r IN relationships(p) WHERE NOT r.negated)
RETURN [n IN nodes(p) | {_entity("n")}] AS nodes,
       [r IN relationships(p) | {_relation("r", _PATH_ENDS)}] AS relations
"""


def page(
    match: str,
    where: list[str],
    order: str,
    projection: str,
    with_total: bool,
    seek: bool = False,
    carry: tuple[str, ...] = ("n",),
) -> str:
    """One page of a filtered list ($skip, $limit) with each item's sort values, and, only when asked,
    the full count. ``seek``: the page starts after the sort values $seek (a keyset cursor's).
    ``carry``: the variables of ``match`` that ``order`` and ``projection`` read, the listed item's first."""
    condition = " AND ".join(where) or "true"
    items = order_items(order)
    after = f" AND {seek_predicate(items)}" if seek else ""
    rows = (
        f"CALL () {{ {match} WHERE {condition}{after} WITH {', '.join(carry)} ORDER BY {order} SKIP $skip LIMIT $limit "
        f"RETURN collect({projection}) AS nodes, collect([{', '.join(e for e, _ in items)}]) AS seek }}"
    )
    if not with_total:
        return f"{rows} RETURN nodes, seek, null AS total"
    total = f"CALL () {{ {match} WHERE {condition} RETURN count({carry[0]}) AS total }}"
    return f"{total} {rows} RETURN nodes, seek, total"


def order_items(order: str) -> list[tuple[str, bool]]:
    """``ORDER BY`` text -> (expression, descending) per key; commas inside brackets do not split."""
    items, depth, start = [], 0, 0
    for i, char in enumerate(order + ","):
        depth += (char in "([{") - (char in ")]}")
        if char == "," and depth == 0:
            words = order[start:i].split()
            descending = words[-1].upper() in ("DESC", "DESCENDING")
            explicit = words[-1].upper() in ("ASC", "ASCENDING", "DESC", "DESCENDING")
            items.append((" ".join(words[:-1] if explicit else words), descending))
            start = i + 1
    return items


def seek_predicate(items: list[tuple[str, bool]], values: str = "seek") -> str:
    """Rows after the sort values $``values`` in this order: a > $seek[0] OR (a = $seek[0] AND (b > $seek[1]))."""
    predicate = ""
    for i in reversed(range(len(items))):
        expression, descending = items[i]
        beyond = f"{expression} {'<' if descending else '>'} ${values}[{i}]"
        predicate = f"({beyond} OR ({expression} = ${values}[{i}] AND {predicate}))" if predicate else f"({beyond})"
    return predicate


def entity_page(
    entity_type: str, where: list[str], order: str, projection: str, with_total: bool, seek: bool = False
) -> str:
    """``projection``: api.cypher.entity_map of ``n``."""
    return page(f"MATCH (n:{check_label(entity_type)})", where, order, projection, with_total, seek)


def document_page(where: list[str], order: str, with_total: bool, seek: bool = False) -> str:
    return page("MATCH (n:Document)", where, order, _document("n"), with_total, seek)


# -- predicates for list filters: ``n`` is the listed node, values arrive as $parameters --

MENTIONING_DOCUMENTS = "COUNT { (:Document)-[:MENTIONS]->(n) }"
_COMPARISONS = frozenset({"=", "IN", ">", ">=", "<", "<="})


def compare(expression: str, operator: str, param: str) -> str:
    """``expression`` (api.filters' closed tables) against $param."""
    if operator not in _COMPARISONS:
        raise ValueError(f"unknown comparison {operator!r}")
    return f"{expression} {operator} ${param}"


def all_of(conditions: list[str]) -> str:
    return f"({' AND '.join(conditions)})" if conditions else "true"


def any_of(conditions: list[str]) -> str:
    return f"({' OR '.join(conditions)})"


def negation(condition: str) -> str:
    return f"NOT {condition}"


def alias_predicate(param: str, var: str = "n") -> str:
    """Name or any alias, case-insensitive: $param is filters.alias_pattern's text (text index backed)."""
    return f"{var}.aliases_lower CONTAINS ${param}"


def entity_matches(var: str, id_param: str | None, name_param: str | None) -> list[str]:
    """Entity ``var`` has the key $id_param and/or a name or alias equal to filters.alias_pattern's $name_param."""
    by_key = [f"{var}.key = ${id_param}"] if id_param else []
    return by_key + ([alias_predicate(name_param, var)] if name_param else [])


def mentioned_in_language(param: str) -> str:
    return f"EXISTS {{ MATCH (d:Document)-[:MENTIONS]->(n) WHERE d.lang = ${param} }}"


def related_to(field: RelationField, id_param: str | None, name_param: str | None, *, subtypes: bool = False) -> str:
    """The listed entity has a (non-negated) edge of ``field``'s kind to an entity with that key and/or
    name, or, with ``subtypes``, to a disease that IS_A such an entity. graph.statements links a disease
    to every ancestor present in the graph, so IS_A* is one hop here."""
    left, right = _ARROWS[field.direction]
    rel_type, label = check_relation_type(field.rel_type), check_label(field.node_type)
    tests = ["NOT r.negated", *entity_matches("m", id_param, name_param)]
    below = f"(:{label})-[:IS_A*0..1]->" if subtypes else ""
    return f"EXISTS {{ MATCH (n){left}[r:{rel_type}]{right}{below}(m:{label}) WHERE {' AND '.join(tests)} }}"


def value_in(prop: str, param: str) -> str:
    """String attribute ``prop``, upper-cased, is one of $param (upper-cased by api.filters)."""
    return f"toUpper({_attribute(prop)}) IN ${param}"


def has_any(prop: str, param: str) -> str:
    """List attribute ``prop`` has an element that, upper-cased, is one of $param."""
    return f"any(v IN coalesce({_attribute(prop)}, []) WHERE toUpper(v) IN ${param})"


def date_from(prop: str, param: str) -> str:
    """ISO date ``prop`` is not before $param, compared at the precision both have ("2023" is in 2023-05-01)."""
    return f"left({_attribute(prop)}, size(${param})) >= left(${param}, size({_attribute(prop)}))"


def date_to(prop: str, param: str) -> str:
    return f"left({_attribute(prop)}, size(${param})) <= left(${param}, size({_attribute(prop)}))"


def _attribute(prop: str) -> str:
    if prop not in ATTRIBUTE_PROPERTIES:
        raise ValueError(f"unknown attribute {prop!r}")
    return f"n.{prop}"


def document_field_equals(prop: str, param: str) -> str:
    allowed = {"lang", "source", "name", "pmid", "doi"}
    if prop not in allowed:
        raise ValueError(f"unknown document property {prop!r}")
    return f"n.{prop} = ${param}"


# -- top-level claim lists (api.claims): relations ``(a)-[r]->(b)`` and evidence ``(d)-[:ASSERTS]->(n)`` --


def relation_page(
    types: tuple[str, ...],
    where: list[str],
    order: str,
    subject: str,
    object_: str,
    with_total: bool,
    seek: bool = False,
) -> str:
    """Relations of ``types`` as stored, subject to object (COLLABORATES_WITH: smaller key first).
    ``subject``/``object_``: entity_map of ``a`` and ``b``."""
    pattern = "|".join(check_relation_type(t) for t in types)
    # Measured (49k relations): of one type, Neo4j scans just that type's relationships when the
    # ends carry no label (6 ms, 27 ms with them); their ends are entities by the schema anyway. Of
    # several types it would scan every node without one: the Entity label is where it starts.
    end = "" if len(types) == 1 else ":Entity"
    match = f"MATCH (a{end})-[r:{pattern}]->(b{end})"
    projection = _relation("r", f"subject: {subject}, object: {object_}")
    return page(match, where, order, projection, with_total, seek, carry=("r", "a", "b"))


def evidence_page(where: list[str], order: str, with_total: bool, seek: bool = False) -> str:
    match = "MATCH (d:Document)-[:ASSERTS]->(n:Evidence)"
    return page(match, where, order, _evidence("n", "d"), with_total, seek, carry=("n", "d"))
