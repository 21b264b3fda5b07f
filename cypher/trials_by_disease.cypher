// Question: Which trials study a disease, which therapies do they test and where are they run?
// Parameters:
//   $disease = "multiple myeloma"  name or alias of the disease, any case (多发性骨髓瘤)
// Columns:
//   trial         canonical name of the trial (registry id when it has one)
//   disease       canonical name of the disease that matched
//   therapies     therapies tested in the trial
//   institutions  institutions that conduct it
//   documents     documents stating that the trial studies the disease
MATCH (dz:Disease)
WHERE toLower(dz.name) = toLower($disease) OR toLower($disease) IN [a IN dz.aliases | toLower(a)]
MATCH (t:Trial)-[s:STUDIES]->(dz)
WHERE NOT s.negated
RETURN t.name AS trial, dz.name AS disease,
       COLLECT { MATCH (th:Therapy)-[x:TESTED_IN]->(t) WHERE NOT x.negated RETURN DISTINCT th.name } AS therapies,
       COLLECT { MATCH (t)-[x:CONDUCTED_AT]->(i:Institution) WHERE NOT x.negated RETURN DISTINCT i.name } AS institutions,
       s.document_count AS documents
ORDER BY trial
