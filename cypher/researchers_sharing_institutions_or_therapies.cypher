// Question: Which researchers are connected to a researcher through a shared institution or therapy?
// Parameters:
//   $researcher = "Zhou Jianfeng"  name or alias of the researcher, any case (周剑峰)
// Columns:
//   researcher     canonical name of the researcher that matched
//   colleague      another researcher affiliated with the same institution or developing the same therapy
//   colleague_zh   the colleague's Chinese name, when known
//   shared         the institutions and therapies they share
MATCH (r:Researcher)
WHERE toLower(r.name) = toLower($researcher) OR toLower($researcher) IN [a IN r.aliases | toLower(a)]
MATCH (r)-[x:AFFILIATED_WITH|DEVELOPS]->(via:Entity)<-[y:AFFILIATED_WITH|DEVELOPS]-(other:Researcher)
WHERE other <> r AND NOT x.negated AND NOT y.negated
RETURN r.name AS researcher, other.name AS colleague, other.name_zh AS colleague_zh,
       collect(DISTINCT via.name) AS shared
ORDER BY size(shared) DESC, colleague
