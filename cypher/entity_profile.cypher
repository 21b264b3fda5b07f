// Question: What is known about an entity: every relation it takes part in, with evidence counts?
// Parameters:
//   $name = "Kymriah"  name or alias of any entity, any case (tisagenlecleucel, 周剑峰, NMPA)
// Columns:
//   entity        canonical name of the entity that matched
//   type          its type (Therapy, Target, Researcher, ...)
//   mentioned_in  documents that name it
//   relation      relation type, or null when it has none
//   direction     out: the entity is the subject; in: it is the object
//   other         canonical name of the entity at the other end
//   other_type    its type
//   evidence      sentences stating the relation
//   documents     documents stating the relation
//   confidence    noisy-OR confidence of the relation (0-1)
//   negated       true when every sentence denies the relation
MATCH (e:Entity)
WHERE toLower(e.name) = toLower($name) OR toLower($name) IN [a IN e.aliases | toLower(a)]
OPTIONAL MATCH (e)-[r]-(other:Entity)
RETURN e.name AS entity, e.type AS type, COUNT { (:Document)-[:MENTIONS]->(e) } AS mentioned_in,
       type(r) AS relation, CASE WHEN r IS NULL THEN null WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction,
       other.name AS other, other.type AS other_type, r.evidence_count AS evidence, r.document_count AS documents,
       r.confidence AS confidence, r.negated AS negated
ORDER BY entity, relation, documents DESC, other
