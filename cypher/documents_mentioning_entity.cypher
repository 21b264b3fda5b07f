// Question: Which documents name an entity, how often, and under which names?
// Parameters:
//   $name = "BCMA"  name or alias of any entity, any case
// Columns:
//   entity     canonical name of the entity that matched
//   document   name of the document (file stem)
//   lang       language of the document
//   mentions   how many times the document names it
//   aliases    names of the entity recorded with that document
MATCH (e:Entity)
WHERE toLower(e.name) = toLower($name) OR toLower($name) IN [a IN e.aliases | toLower(a)]
MATCH (d:Document)-[m:MENTIONS]->(e)
RETURN e.name AS entity, d.name AS document, d.lang AS lang, m.count AS mentions, m.aliases AS aliases
ORDER BY mentions DESC, document
