// Question: How are a target's trials spread over phase, status and country?
// Parameters:
//   $target = "BCMA"  name or alias of the target, any case
// Columns:
//   target   canonical name of the target that matched
//   phase    a phase the registry gives (a phase 1/2 trial counts in both), null when none is stated
//   status   overall status as the registry states it (RECRUITING, COMPLETED…), null when none is stated
//   country  a country of the trial's sites, null when none is stated
//   count    trials in this phase, status and country
//   trials   those trials (registry ids)
MATCH (t:Target)
WHERE toLower(t.name) = toLower($target) OR toLower($target) IN [a IN t.aliases | toLower(a)]
MATCH (th:Therapy)-[r:TARGETS]->(t)
WHERE NOT r.negated
MATCH (th)-[x:TESTED_IN]->(tr:Trial)
WHERE NOT x.negated
WITH DISTINCT t, tr
UNWIND CASE WHEN size(coalesce(tr.phases, [])) > 0 THEN tr.phases ELSE [null] END AS phase
UNWIND CASE WHEN size(coalesce(tr.countries, [])) > 0 THEN tr.countries ELSE [null] END AS country
RETURN t.name AS target, phase, tr.status AS status, country, count(DISTINCT tr) AS count,
       collect(DISTINCT tr.name) AS trials
ORDER BY count DESC, phase, status, country
