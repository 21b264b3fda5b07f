// Question: Which institutions collaborate, and on what evidence?
// Parameters:
//   $institution ?= null  name or alias of one institution, any case; null: every collaboration
// Columns:
//   institution  canonical name of one partner
//   partner      canonical name of the other partner
//   documents    documents stating the collaboration
//   evidence     sentences stating it
//   confidence   noisy-OR confidence (0-1)
MATCH (a:Institution)-[r:COLLABORATES_WITH]-(b:Institution)
WHERE NOT r.negated
  AND CASE WHEN $institution IS NULL THEN a.key < b.key
           ELSE toLower(a.name) = toLower($institution) OR toLower($institution) IN [x IN a.aliases | toLower(x)] END
RETURN a.name AS institution, b.name AS partner, r.document_count AS documents, r.evidence_count AS evidence,
       r.confidence AS confidence
ORDER BY documents DESC, institution, partner
