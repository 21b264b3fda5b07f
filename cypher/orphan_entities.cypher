// Question: Which entities are named in documents but take part in no relation (orphans)?
// Parameters:
//   $type ?= null  only entities of this type (Therapy, Target, Institution, ...); null: every type
// Columns:
//   entity     canonical name of the entity
//   name_zh    its Chinese name, when known
//   type       entity type
//   documents  documents that name it
MATCH (e:Entity)
WHERE ($type IS NULL OR e.type = $type) AND NOT EXISTS { (e)-[]-(:Entity) }
RETURN e.name AS entity, e.name_zh AS name_zh, e.type AS type,
       COUNT { (:Document)-[:MENTIONS]->(e) } AS documents
ORDER BY type, entity
