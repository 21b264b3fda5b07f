// Question: Which therapies target an antigen, and how well supported is each claim?
// Parameters:
//   $target = "CD19"  name or alias of the target, any case (BCMA, B-cell maturation antigen, cd19)
// Columns:
//   therapy     canonical name of the therapy
//   name_zh     its Chinese name, when a Chinese source gave one
//   target      canonical name of the target that matched
//   confidence  noisy-OR confidence of the TARGETS claim over its non-negated evidence (0-1)
//   evidence    number of pieces of evidence stating the claim
//   documents   number of documents stating the claim
MATCH (t:Target)
WHERE toLower(t.name) = toLower($target) OR toLower($target) IN [a IN t.aliases | toLower(a)]
MATCH (th:Therapy)-[r:TARGETS]->(t)
WHERE NOT r.negated
RETURN th.name AS therapy, th.name_zh AS name_zh, t.name AS target, r.confidence AS confidence,
       r.evidence_count AS evidence, r.document_count AS documents
ORDER BY documents DESC, confidence DESC, therapy
