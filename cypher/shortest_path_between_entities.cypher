// Question: How are two entities connected: the shortest chain of claims between them?
// Parameters:
//   $from = "Katy Rezvani"  name or alias of the first entity, any case
//   $to = "Kymriah"         name or alias of the second entity, any case
// Columns:
//   path       the chain itself (drawn as a graph in Neo4j Browser)
//   hops       number of relations in the chain
//   names      canonical names along the chain
//   relations  relation types along the chain
MATCH (a:Entity)
WHERE toLower(a.name) = toLower($from) OR toLower($from) IN [x IN a.aliases | toLower(x)]
MATCH (b:Entity)
WHERE (toLower(b.name) = toLower($to) OR toLower($to) IN [x IN b.aliases | toLower(x)]) AND a <> b
MATCH p = shortestPath((a)-[:AFFILIATED_WITH|DEVELOPS|TARGETS|TREATS|TESTED_IN|CONDUCTED_AT|STUDIES|COLLABORATES_WITH*..10]-(b))
WHERE none(r IN relationships(p) WHERE r.negated)
RETURN p AS path, length(p) AS hops, [n IN nodes(p) | n.name] AS names, [r IN relationships(p) | type(r)] AS relations
ORDER BY hops
