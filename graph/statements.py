"""Every Cypher statement the loader and retraction run, in one place, all parameterised.

Entity labels are set with Neo4j 5.26's dynamic labels (``SET e:$(row.type)``), so one statement
serves every entity type; its values come only from graph.batch, which refuses anything outside
cellkg.schema's closed sets. Relationship types stay literal in :func:`merge_relations` (a MERGE
on a dynamic type cannot use the per-type key constraint and was several times slower), and they
too pass only through cellkg.schema's check.
"""

from __future__ import annotations

from cellkg.core.schema import check_relation_type

EXISTING_DOCUMENTS = """
UNWIND $doc_ids AS id MATCH (d:Document {doc_id: id})
RETURN d.doc_id AS doc_id, d.extractor_version AS extractor_version
"""

# What a batch replaces: an older version of a source, or the same text read by another extractor version.
OUTDATED_DOCUMENTS = """
UNWIND $docs AS doc
CALL (doc) {
  MATCH (d:Document {source: doc.source}) WHERE d.doc_id <> doc.doc_id RETURN d
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
ON CREATE SET e:$(row.type), e.name = row.name, e.type = row.type, e += row.attributes
SET e.aliases = coalesce(e.aliases, []) + [a IN row.aliases WHERE NOT a IN coalesce(e.aliases, [])]
SET e.search_text = {_SEARCH_TEXT}, e.name_zh = {_NAME_ZH}, e.aliases_lower = {_ALIASES_LOWER}
"""

MERGE_MENTIONS = """
UNWIND $rows AS row
MATCH (d:Document {doc_id: row.doc_id})
MATCH (e:Entity {key: row.key})
MERGE (d)-[m:MENTIONS]->(e)
SET m.count = row.count, m.starts = row.starts, m.ends = row.ends, m.aliases = row.aliases
"""

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

DELETE_DOCUMENT_MENTIONS = """
MATCH (:Document {doc_id: $doc_id})-[m:MENTIONS]->(e:Entity)
WITH m, e.key AS key DELETE m RETURN collect(key) AS keys
"""

DELETE_UNMENTIONED_ENTITIES = """
UNWIND $keys AS k
MATCH (e:Entity {key: k}) WHERE NOT EXISTS { (:Document)-[:MENTIONS]->(e) }
DETACH DELETE e
"""

REFRESH_ALIASES = f"""
UNWIND $keys AS k
MATCH (e:Entity {{key: k}})<-[m:MENTIONS]-(:Document)
WITH e, collect(m.aliases) AS lists
SET e.aliases = reduce(acc = [], l IN lists | acc + [a IN l WHERE NOT a IN acc])
SET e.search_text = {_SEARCH_TEXT}, e.name_zh = {_NAME_ZH}, e.aliases_lower = {_ALIASES_LOWER}
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

GRAPH_COUNTS = """
CALL () { MATCH (n:Entity) RETURN n.type AS name, count(*) AS count, 'entity' AS kind
  UNION ALL MATCH ()-[r]->() WHERE NOT type(r) IN ['MENTIONS', 'ASSERTS']
    RETURN type(r) AS name, count(*) AS count, 'relation' AS kind
  UNION ALL MATCH (d:Document) RETURN 'Document' AS name, count(*) AS count, 'provenance' AS kind
  UNION ALL MATCH (e:Evidence) RETURN 'Evidence' AS name, count(*) AS count, 'provenance' AS kind }
RETURN kind, name, count ORDER BY kind, name
"""


def merge_relations(rel_type: str) -> str:
    return _MERGE_RELATIONS.replace("__TYPE__", check_relation_type(rel_type))
