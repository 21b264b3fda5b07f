// Question: Which documents were ingested most recently, and how much did each contribute?
// Parameters:
//   $limit ?= 10  how many documents to list
// Columns:
//   document     name of the document (file stem)
//   title        its title
//   lang         its language (en, zh)
//   ingested_at  when it was loaded (ISO-8601, UTC)
//   entities     entities it names
//   claims       pieces of evidence it asserts
//   source       the path or URL it came from
MATCH (d:Document)
WHERE d.ingested_at IS NOT NULL
RETURN d.name AS document, d.title AS title, d.lang AS lang, d.ingested_at AS ingested_at,
       COUNT { (d)-[:MENTIONS]->() } AS entities, COUNT { (d)-[:ASSERTS]->() } AS claims, d.source AS source
ORDER BY ingested_at DESC, document
LIMIT $limit
