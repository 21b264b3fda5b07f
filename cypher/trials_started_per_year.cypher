// Question: How many trials started each year, of all or of therapies against one target?
// Parameters:
//   $target ?= null  name or alias of a target, any case; null counts every trial with a start date
// Columns:
//   year    the year the trial started (from its registry record)
//   count   trials started that year
//   phases  the phases of those trials
//   trials  those trials (registry ids)
MATCH (tr:Trial)
WHERE tr.start_date IS NOT NULL
  AND ($target IS NULL OR EXISTS {
    MATCH (tr)<-[x:TESTED_IN]-(:Therapy)-[r:TARGETS]->(t:Target)
    WHERE NOT x.negated AND NOT r.negated
      AND (toLower(t.name) = toLower($target) OR toLower($target) IN [a IN t.aliases | toLower(a)])
  })
WITH tr ORDER BY tr.start_date, tr.name
WITH left(tr.start_date, 4) AS year, collect(tr) AS started
RETURN year, size(started) AS count,
       COLLECT { UNWIND started AS s UNWIND coalesce(s.phases, []) AS p RETURN DISTINCT p ORDER BY p } AS phases,
       [s IN started | s.name] AS trials
ORDER BY year
