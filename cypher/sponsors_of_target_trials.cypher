// Question: Who sponsors the trials of therapies against a target, and with which therapies and trials?
// Parameters:
//   $target = "BCMA"  name or alias of the target, any case
// Columns:
//   sponsor    canonical name of an institution developing a therapy tested in the trials (a registry's sponsor or collaborator)
//   name_zh    its Chinese name, when a Chinese source gave one
//   target     canonical name of the target that matched
//   count      trials of its therapies against the target
//   therapies  its therapies against the target that are tested in trials
//   trials     those trials, with their status: "NCT… (RECRUITING)"
MATCH (t:Target)
WHERE toLower(t.name) = toLower($target) OR toLower($target) IN [a IN t.aliases | toLower(a)]
MATCH (i:Institution)-[d:DEVELOPS]->(th:Therapy)-[r:TARGETS]->(t)
WHERE NOT d.negated AND NOT r.negated
MATCH (th)-[x:TESTED_IN]->(tr:Trial)
WHERE NOT x.negated
RETURN i.name AS sponsor, i.name_zh AS name_zh, t.name AS target, count(DISTINCT tr) AS count,
       collect(DISTINCT th.name) AS therapies,
       collect(DISTINCT tr.name + coalesce(' (' + tr.status + ')', '')) AS trials
ORDER BY count DESC, sponsor
