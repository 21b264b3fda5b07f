"""Read the graph (or the part one library query returns) out of Neo4j, provenance included.

Nodes are identified by their stable keys (``Entity.key``, ``Document.doc_id``, ``Evidence.key``),
never by Neo4j's element ids, so two exports of the same graph are equal. Derived search
properties (``search_text``, ``aliases_lower``) stay behind: a reload computes them again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from neo4j import READ_ACCESS, Driver
from neo4j.graph import Node, Path, Relationship

from cellkg.graph import queries

DERIVED_PROPERTIES = frozenset({"search_text", "aliases_lower"})
_IDENTITY = ("key", "doc_id")

_NODES = """
MATCH (n) WHERE n:Entity OR n:Document OR n:Evidence
RETURN coalesce(n.key, n.doc_id) AS id, labels(n) AS labels, properties(n) AS properties ORDER BY id
"""
_EDGES = """
MATCH (a)-[r]->(b) WHERE (a:Entity OR a:Document) AND (b:Entity OR b:Evidence)
RETURN coalesce(a.key, a.doc_id) AS source, type(r) AS type, coalesce(b.key, b.doc_id) AS target,
       properties(r) AS properties
ORDER BY source, type, target
"""
_EVIDENCE_OF = """
UNWIND $keys AS k MATCH (d:Document)-[a:ASSERTS]->(ev:Evidence {relation_key: k})
RETURN d.doc_id AS doc_id, labels(d) AS doc_labels, properties(d) AS document,
       ev.key AS key, labels(ev) AS labels, properties(ev) AS evidence
"""


@dataclass
class Subgraph:
    nodes: dict[str, dict] = field(default_factory=dict)  # id -> {"labels": [...], "properties": {...}}
    edges: dict[tuple[str, str, str], dict] = field(default_factory=dict)  # (source, type, target) -> properties

    def add_node(self, node_id: str, labels: list[str], properties: dict) -> None:
        kept = {k: v for k, v in properties.items() if k not in DERIVED_PROPERTIES}
        self.nodes[node_id] = {"labels": sorted(labels), "properties": kept}

    def add_edge(self, source: str, rel_type: str, target: str, properties: dict) -> None:
        self.edges[(source, rel_type, target)] = dict(properties)


def read_graph(driver: Driver, *, database: str = "neo4j") -> Subgraph:
    """Every entity, document and piece of evidence, and every relationship between them."""
    graph = Subgraph()
    with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
        for record in session.run(_NODES):
            graph.add_node(record["id"], record["labels"], record["properties"])
        for record in session.run(_EDGES):
            graph.add_edge(record["source"], record["type"], record["target"], record["properties"])
    return graph


def read_query_subgraph(driver: Driver, name: str, params: dict, *, database: str = "neo4j") -> Subgraph:
    """The nodes and relationships a library query returns, with the evidence behind those relationships."""
    _, rows = queries.run_query(driver, name, params, database=database)
    graph, relation_keys = Subgraph(), set()
    for value in (v for row in rows for v in _flatten(row)):
        if isinstance(value, Node) and _node_id(value):
            graph.add_node(_node_id(value), list(value.labels), dict(value))
        elif isinstance(value, Relationship) and _ends_known(value):
            graph.add_edge(_node_id(value.start_node), value.type, _node_id(value.end_node), dict(value))
            if "key" in value:
                relation_keys.add(value["key"])
    with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
        for record in session.run(_EVIDENCE_OF, keys=sorted(relation_keys)):
            graph.add_node(record["doc_id"], record["doc_labels"], record["document"])
            graph.add_node(record["key"], record["labels"], record["evidence"])
            graph.add_edge(record["doc_id"], "ASSERTS", record["key"], {})
    return graph


def _node_id(node: Node | None) -> str:
    return str(next((node[k] for k in _IDENTITY if k in node), "")) if node is not None else ""


def _ends_known(rel: Relationship) -> bool:
    """A relationship whose end nodes the query did not return carries no keys for them: it is left out."""
    return bool(_node_id(rel.start_node) and _node_id(rel.end_node))


def _flatten(value: object):
    if isinstance(value, Path):
        yield from value.nodes
        yield from value.relationships
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _flatten(item)
    elif isinstance(value, Relationship):
        yield value
        yield from (n for n in value.nodes if n is not None)
    else:
        yield value
