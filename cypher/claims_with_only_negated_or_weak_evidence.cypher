// Question: Which claims rest only on negated or low-confidence sentences (candidates for review)?
// Parameters:
//   $max_confidence ?= 0.6  evidence below this confidence counts as weak
// Columns:
//   subject            canonical name of the claim's subject
//   relation           relation type
//   object             canonical name of the claim's object
//   evidence           sentences stating or denying it
//   negated_evidence   how many of them deny it
//   best_confidence    highest confidence among the non-negated sentences (null: none)
//   example_sentence   one of the sentences, to read first
MATCH (a:Entity)-[r]->(b:Entity)
MATCH (ev:Evidence {relation_key: r.key})
WITH a, r, b, collect(ev) AS evs
WHERE all(ev IN evs WHERE ev.negated OR ev.confidence < $max_confidence)
RETURN a.name AS subject, type(r) AS relation, b.name AS object, size(evs) AS evidence,
       size([ev IN evs WHERE ev.negated]) AS negated_evidence,
       reduce(best = null, ev IN [x IN evs WHERE NOT x.negated] |
              CASE WHEN best IS NULL OR ev.confidence > best THEN ev.confidence ELSE best END) AS best_confidence,
       evs[0].sentence AS example_sentence
ORDER BY negated_evidence DESC, best_confidence, subject, relation, object
