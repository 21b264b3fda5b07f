// Question: What is directly connected to an entity, drawn as a graph?
// Parameters:
//   $name = "eque-cel"  name or alias of any entity, any case (伊基奥仑赛, CD19)
// Columns:
//   path       the entity, one relation and its neighbour (drawn as a graph in Neo4j Browser)
//   relation   relation type
//   neighbour  canonical name of the neighbour
//   documents  documents stating the relation
MATCH (e:Entity)
WHERE toLower(e.name) = toLower($name) OR toLower($name) IN [a IN e.aliases | toLower(a)]
MATCH p = (e)-[r]-(other:Entity)
WHERE NOT r.negated
RETURN p AS path, type(r) AS relation, other.name AS neighbour, r.document_count AS documents
ORDER BY relation, neighbour
