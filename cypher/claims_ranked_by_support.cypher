// Question: Which claims are the most (or the least) supported by independent documents and sentences?
// Parameters:
//   $most_supported ?= true  true: best supported first; false: least supported first
//   $limit ?= 10             how many claims to list
// Columns:
//   subject     canonical name of the claim's subject
//   relation    relation type
//   object      canonical name of the claim's object
//   documents   documents stating the claim
//   evidence    sentences stating the claim
//   confidence  noisy-OR confidence over its non-negated evidence (0-1)
//   negated     true when every sentence denies it
MATCH (a:Entity)-[r]->(b:Entity)
WITH a, r, b, CASE WHEN $most_supported THEN -1 ELSE 1 END AS sign
ORDER BY sign * r.document_count, sign * r.evidence_count, sign * r.confidence, a.name, type(r), b.name
LIMIT $limit
RETURN a.name AS subject, type(r) AS relation, b.name AS object, r.document_count AS documents,
       r.evidence_count AS evidence, r.confidence AS confidence, r.negated AS negated
