// Question: Which trials does an institution conduct, of which therapies, in which diseases?
// Parameters:
//   $institution = "Tongji Hospital"  name or alias of the institution, any case (同济医院)
// Columns:
//   trial        canonical name of the trial
//   institution  canonical name of the institution that matched
//   therapies    therapies tested in the trial
//   diseases     diseases the trial studies
//   documents    documents stating that the institution conducts the trial
MATCH (i:Institution)
WHERE toLower(i.name) = toLower($institution) OR toLower($institution) IN [a IN i.aliases | toLower(a)]
MATCH (t:Trial)-[c:CONDUCTED_AT]->(i)
WHERE NOT c.negated
RETURN t.name AS trial, i.name AS institution,
       COLLECT { MATCH (th:Therapy)-[x:TESTED_IN]->(t) WHERE NOT x.negated RETURN DISTINCT th.name } AS therapies,
       COLLECT { MATCH (t)-[x:STUDIES]->(dz:Disease) WHERE NOT x.negated RETURN DISTINCT dz.name } AS diseases,
       c.document_count AS documents
ORDER BY trial
