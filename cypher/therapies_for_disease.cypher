// Question: Which therapies are used for or studied in a disease, and who develops them?
// Parameters:
//   $disease = "multiple myeloma"  name or alias of the disease, any case
// Columns:
//   therapy     canonical name of the therapy
//   name_zh     its Chinese name, when known
//   disease     canonical name of the disease that matched
//   developers  institutions and researchers that develop the therapy
//   documents   documents stating that the therapy treats the disease
//   confidence  noisy-OR confidence of the TREATS claim (0-1)
MATCH (dz:Disease)
WHERE toLower(dz.name) = toLower($disease) OR toLower($disease) IN [a IN dz.aliases | toLower(a)]
MATCH (th:Therapy)-[r:TREATS]->(dz)
WHERE NOT r.negated
RETURN th.name AS therapy, th.name_zh AS name_zh, dz.name AS disease,
       COLLECT { MATCH (x)-[d:DEVELOPS]->(th) WHERE NOT d.negated RETURN DISTINCT x.name } AS developers,
       r.document_count AS documents, r.confidence AS confidence
ORDER BY documents DESC, confidence DESC, therapy
