"""Every Cypher statement the loader and retraction run, in one place, all parameterised.

Entity labels are set with Neo4j 5.26's dynamic labels (``SET e:$(row.type)``), so one statement
serves every entity type; its values come only from graph.batch, which refuses anything outside
cellkg.schema's closed sets. Relationship types stay literal in :func:`merge_relations` (a MERGE
on a dynamic type cannot use the per-type key constraint and was several times slower), and they
too pass only through cellkg.schema's check.
"""

from __future__ import annotations

from cellkg.core.schema import RELATION_TYPES, check_relation_type

EXISTING_DOCUMENTS = """
UNWIND $doc_ids AS id MATCH (d:Document {doc_id: id})
RETURN d.doc_id AS doc_id, d.extractor_version AS extractor_version
"""

# The newest version stamp stored per source (records carry one; plain files do not).
STORED_VERSIONS = """
UNWIND $sources AS s
MATCH (d:Document {source: s}) WHERE d.version IS NOT NULL
RETURN s AS source, max(d.version) AS version
"""

# What a batch replaces: an older version of a source, or the same text read by another extractor version.
# A stored version stamped newer than the incoming one stays (graph.loader skips such records).
OUTDATED_DOCUMENTS = """
UNWIND $docs AS doc
CALL (doc) {
  MATCH (d:Document {source: doc.source})
  WHERE d.doc_id <> doc.doc_id AND NOT coalesce(doc.version < d.version, false)
  RETURN d
  UNION
  MATCH (d:Document {doc_id: doc.doc_id}) WHERE d.extractor_version <> doc.extractor_version RETURN d
}
RETURN DISTINCT d.doc_id AS doc_id
"""

MERGE_DOCUMENTS = "UNWIND $rows AS row MERGE (d:Document {doc_id: row.doc_id}) ON CREATE SET d += row.props"

_SEARCH_TEXT = "reduce(s = '', a IN e.aliases | s + ' | ' + a)"
# The smallest Chinese alias, not the first one written: concurrent or reordered loads agree on it.
_NAME_ZH = (
    r"reduce(z = null, a IN e.aliases | "
    r"CASE WHEN a =~ '(?s).*[\u3400-\u9fff].*' AND (z IS NULL OR a < z) THEN a ELSE z END)"
)

# Lower-cased name and aliases, each between NUL marks (user text never holds NUL), so one CONTAINS
# over a text index answers case-insensitive equals / starts-with / contains on any alias.
_ALIASES_LOWER = r"reduce(s = '\u0000', a IN e.aliases | s + toLower(a) + '\u0000')"

MERGE_ENTITIES = f"""
UNWIND $rows AS row
MERGE (e:Entity {{key: row.key}})
ON CREATE SET e:$(row.type), e.name = row.name, e.type = row.type
SET e.aliases = coalesce(e.aliases, []) + [a IN row.aliases WHERE NOT a IN coalesce(e.aliases, [])]
SET e.search_text = {_SEARCH_TEXT}, e.name_zh = {_NAME_ZH}, e.aliases_lower = {_ALIASES_LOWER}
"""

MERGE_MENTIONS = """
UNWIND $rows AS row
MATCH (d:Document {doc_id: row.doc_id})
MATCH (e:Entity {key: row.key})
MERGE (d)-[m:MENTIONS]->(e)
SET m.count = row.count, m.starts = row.starts, m.ends = row.ends, m.aliases = row.aliases,
    m.xrefs = row.xrefs, m.attributes = row.attributes, m += row.values
"""

# Rows {key, xrefs}: identifiers a new document gives an entity join those it had (sorted), each
# also as an edge to its (:Xref {curie}) node, the indexed way in by identifier. Returns the keys of
# the entities that gained one (only their IS_A links can change).
ADD_XREFS = """
UNWIND $rows AS row
MATCH (e:Entity {key: row.key})
WITH e, row, size(coalesce(e.xrefs, [])) AS before
SET e.xrefs = COLLECT { UNWIND coalesce(e.xrefs, []) + row.xrefs AS x RETURN DISTINCT x ORDER BY x }
WITH e, row, size(e.xrefs) > before AS gained
CALL (e, row) {
  UNWIND row.xrefs AS curie
  MERGE (x:Xref {curie: curie}) ON CREATE SET x.prefix = split(curie, ':')[0]
  MERGE (e)-[:HAS_XREF]->(x)
}
WITH e WHERE gained
RETURN DISTINCT e.key AS key
"""

# Per attribute, the value of the newest document stating one (graph.facts.recency: version, then
# publication date, then doc_id, compared as one NUL-separated string, which orders as the tuple does);
# attributes no document states any more are removed.
REFRESH_ATTRIBUTES = """
UNWIND $keys AS k
MATCH (e:Entity {key: k})
CALL (e) {
  OPTIONAL MATCH (e)<-[m:MENTIONS]-(d:Document) WHERE m.attributes IS NOT NULL
  WITH m, coalesce(d.version, '') + '\\u0000' + coalesce(d.published_at, '') + '\\u0000' + d.doc_id AS recency
  UNWIND coalesce(m.attributes, []) AS name
  WITH name, collect({recency: recency, value: m[name]}) AS said
  WITH name, reduce(best = said[0], s IN said | CASE WHEN s.recency > best.recency THEN s ELSE best END) AS best
  ORDER BY name
  RETURN collect([name, best.value]) AS stated
}
WITH e, stated, [s IN stated | s[0]] AS names
FOREACH (n IN [n IN coalesce(e.attributes, []) WHERE NOT n IN names] | SET e[n] = null)
FOREACH (s IN stated | SET e[s[0]] = s[1])
SET e.attributes = CASE WHEN size(names) > 0 THEN names END
"""

# Disease entities whose identifiers sit below one another in a loaded ontology (graph.ontology) are
# linked (:child)-[:IS_A {ontology}]->(:ancestor): every present ancestor, so one hop answers
# "is a subtype of" even when the terms in between name no entity of the graph.
LINK_SUBTYPES = """
UNWIND $keys AS k
MATCH (e:Disease {key: k})-[:HAS_XREF]->(x:Xref)
CALL (e, x) {
  MATCH (x)-[:IS_A]->+(y:Xref)<-[:HAS_XREF]-(p:Disease) WHERE p <> e RETURN e AS child, p AS parent, y.ontology AS o
  UNION
  MATCH (x)<-[:IS_A]-+(y:Xref)<-[:HAS_XREF]-(c:Disease) WHERE c <> e RETURN c AS child, e AS parent, x.ontology AS o
}
MERGE (child)-[r:IS_A]->(parent) ON CREATE SET r.ontology = o
"""

UNLINK_SUBTYPES = "UNWIND $keys AS k MATCH (:Disease {key: k})-[r:IS_A]-(:Disease) DELETE r"

_MERGE_RELATIONS = """
UNWIND $rows AS row
MATCH (a:Entity {key: row.source})
MATCH (b:Entity {key: row.target})
MERGE (a)-[r:__TYPE__ {key: row.key}]->(b)
"""

MERGE_EVIDENCE = """
UNWIND $rows AS row
MATCH (d:Document {doc_id: row.doc_id})
MERGE (ev:Evidence {key: row.key}) ON CREATE SET ev += row.props
MERGE (d)-[:ASSERTS]->(ev)
"""

# Aggregate confidence is a noisy-OR over the non-negated evidence: independent sources that
# each state the claim make it more certain; negated evidence is kept but adds nothing.
# Rows are {key, source, target}: both ends are found by their unique keys, the edge among their
# relationships by its key, whatever its type.
REFRESH_RELATIONS = """
UNWIND $rows AS row
MATCH (:Entity {key: row.source})-[r {key: row.key}]->(:Entity {key: row.target})
OPTIONAL MATCH (ev:Evidence {relation_key: row.key})
WITH r, collect(ev) AS evs, count(DISTINCT ev.doc_id) AS docs
WITH r, evs, docs, [e IN evs WHERE NOT e.negated] AS positive
FOREACH (_ IN CASE WHEN size(evs) = 0 THEN [1] ELSE [] END | DELETE r)
FOREACH (_ IN CASE WHEN size(evs) > 0 THEN [1] ELSE [] END |
  SET r.evidence_count = size(evs), r.document_count = docs, r.negated_count = size(evs) - size(positive),
      r.negated = size(positive) = 0,
      r.confidence = 1.0 - reduce(p = 1.0, e IN positive | p * (1.0 - e.confidence)))
"""

DOCUMENT_CLAIMS = """
MATCH (:Document {doc_id: $doc_id})-[:ASSERTS]->(ev:Evidence)
RETURN DISTINCT ev.relation_key AS key, ev.subject_key AS source, ev.object_key AS target
"""

DELETE_DOCUMENT_EVIDENCE = "MATCH (:Document {doc_id: $doc_id})-[:ASSERTS]->(ev:Evidence) DETACH DELETE ev"

# The entities the document named, those it gave attributes, and the identifiers it gave.
DELETE_DOCUMENT_MENTIONS = """
MATCH (:Document {doc_id: $doc_id})-[m:MENTIONS]->(e:Entity)
WITH m, e.key AS key, m.xrefs AS xrefs, m.attributes IS NOT NULL AS stated DELETE m
RETURN collect(key) AS keys, collect(CASE WHEN stated THEN key END) AS attributed,
       reduce(acc = [], l IN collect(coalesce(xrefs, [])) | acc + l) AS curies
"""

DELETE_UNMENTIONED_ENTITIES = """
UNWIND $keys AS k
MATCH (e:Entity {key: k}) WHERE NOT EXISTS { (:Document)-[:MENTIONS]->(e) }
DETACH DELETE e
"""

# Aliases and identifiers of entities that lost a document: what the remaining documents give them.
# Returns the keys of those that lost an identifier (their identifier edges and IS_A links follow).
REFRESH_NAMES = f"""
UNWIND $keys AS k
MATCH (e:Entity {{key: k}})<-[m:MENTIONS]-(:Document)
WITH e, collect(m.aliases) AS lists, collect(m.xrefs) AS stated
WITH e, lists, COLLECT {{ UNWIND stated AS l UNWIND l AS x RETURN DISTINCT x ORDER BY x }} AS xrefs,
     size(coalesce(e.xrefs, [])) AS before
SET e.aliases = reduce(acc = [], l IN lists | acc + [a IN l WHERE NOT a IN acc]),
    e.xrefs = CASE WHEN size(xrefs) > 0 THEN xrefs END
SET e.search_text = {_SEARCH_TEXT}, e.name_zh = {_NAME_ZH}, e.aliases_lower = {_ALIASES_LOWER}
WITH e, before WHERE size(coalesce(e.xrefs, [])) < before
RETURN collect(e.key) AS lost
"""

# Identifier edges no longer backed by the entity's xrefs go, then identifier nodes left without an
# entity, unless an ontology (graph.ontology) holds them as terms.
UNLINK_XREFS = """
UNWIND $keys AS k
MATCH (e:Entity {key: k})-[h:HAS_XREF]->(x:Xref) WHERE NOT x.curie IN coalesce(e.xrefs, [])
DELETE h
"""
DELETE_UNUSED_XREFS = """
UNWIND $curies AS c
MATCH (x:Xref {curie: c}) WHERE x.ontology IS NULL AND NOT EXISTS { ()-[:HAS_XREF]->(x) }
DELETE x
"""

# Graphs written before aliases_lower existed (or by a bulk import) get it once.
BACKFILL_ALIASES_LOWER = f"""
MATCH (e:Entity) WHERE e.aliases_lower IS NULL
CALL (e) {{ SET e.aliases_lower = {_ALIASES_LOWER} }} IN TRANSACTIONS OF 10000 ROWS
"""

DELETE_DOCUMENT = "MATCH (d:Document {doc_id: $doc_id}) DETACH DELETE d"

FIND_DOCUMENTS = """
MATCH (d:Document)
WHERE d.doc_id = $ref OR d.source = $ref OR d.name = $ref
RETURN d.doc_id AS doc_id, d.source AS source, d.title AS title
"""

GRAPH_COUNTS = f"""
CALL () {{ MATCH (n:Entity) RETURN n.type AS name, count(*) AS count, 'entity' AS kind
  UNION ALL MATCH ()-[r:{"|".join(map(check_relation_type, RELATION_TYPES))}]->()
    RETURN type(r) AS name, count(*) AS count, 'relation' AS kind
  UNION ALL MATCH (d:Document) RETURN 'Document' AS name, count(*) AS count, 'provenance' AS kind
  UNION ALL MATCH (e:Evidence) RETURN 'Evidence' AS name, count(*) AS count, 'provenance' AS kind }}
RETURN kind, name, count ORDER BY kind, name
"""


def merge_relations(rel_type: str) -> str:
    return _MERGE_RELATIONS.replace("__TYPE__", check_relation_type(rel_type))
