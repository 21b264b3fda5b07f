// Question: Which targets have the most therapies directed against them?
// Parameters:
//   $limit ?= 10  how many targets to list
// Columns:
//   target          canonical name of the target
//   therapies       number of distinct therapies that target it
//   therapy_names   those therapies
//   documents       documents stating any of those claims (summed per claim)
MATCH (th:Therapy)-[r:TARGETS]->(t:Target)
WHERE NOT r.negated
RETURN t.name AS target, count(DISTINCT th) AS therapies, collect(DISTINCT th.name) AS therapy_names,
       sum(r.document_count) AS documents
ORDER BY therapies DESC, documents DESC, target
LIMIT $limit
