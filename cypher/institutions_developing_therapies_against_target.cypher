// Question: Which institutions develop therapies against a target, and which therapies?
// Parameters:
//   $target = "BCMA"  name or alias of the target, any case
// Columns:
//   institution  canonical name of the developing institution
//   name_zh      its Chinese name, when a Chinese source gave one
//   therapies    therapies it develops that target the antigen
//   target       canonical name of the target that matched
//   documents    documents stating that the institution develops those therapies
MATCH (t:Target)
WHERE toLower(t.name) = toLower($target) OR toLower($target) IN [a IN t.aliases | toLower(a)]
MATCH (i:Institution)-[d:DEVELOPS]->(th:Therapy)-[r:TARGETS]->(t)
WHERE NOT d.negated AND NOT r.negated
RETURN i.name AS institution, i.name_zh AS name_zh, collect(DISTINCT th.name) AS therapies, t.name AS target,
       sum(d.document_count) AS documents
ORDER BY size(therapies) DESC, documents DESC, institution
