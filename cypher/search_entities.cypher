// Question: Which entities match a word or a Chinese name (full-text search over names and aliases)?
// Parameters:
//   $text = "同济"   words to look for (Lucene syntax: myeloma, CAR*, "MD Anderson")
//   $limit ?= 20   how many hits to list
// Columns:
//   entity   canonical name of the entity
//   name_zh  its Chinese name, when known
//   type     entity type
//   score    full-text relevance (higher is better)
CALL db.index.fulltext.queryNodes('entity_names', $text) YIELD node, score
RETURN node.name AS entity, node.name_zh AS name_zh, node.type AS type, score
ORDER BY score DESC, entity
LIMIT $limit
