// Question: What did one document assert: every claim it states, in reading order?
// Parameters:
//   $document = "kymriah_cd19_car_t"  document name (file stem), doc_id or source path
// Columns:
//   document    name of the document
//   subject     canonical name of the claim's subject
//   relation    relation type
//   object      canonical name of the claim's object
//   sentence    the sentence that states it
//   confidence  confidence of this piece of evidence (0-1)
//   negated     the sentence denies the claim
MATCH (d:Document)
WHERE d.name = $document OR d.doc_id = $document OR d.source = $document
MATCH (d)-[:ASSERTS]->(ev:Evidence)
MATCH (s:Entity {key: ev.subject_key})
MATCH (o:Entity {key: ev.object_key})
RETURN d.name AS document, s.name AS subject, ev.relation_type AS relation, o.name AS object,
       ev.sentence AS sentence, ev.confidence AS confidence, ev.negated AS negated
ORDER BY document, ev.char_start, relation, subject
