// Question: Which sentences, in which documents, state one relation between two entities?
// Parameters:
//   $subject = "Kymriah"    name or alias of one end, any case
//   $relation = "TARGETS"   relation type (AFFILIATED_WITH, DEVELOPS, TARGETS, TREATS, TESTED_IN, CONDUCTED_AT, STUDIES, COLLABORATES_WITH)
//   $object = "CD19"        name or alias of the other end, any case
// Columns:
//   subject     canonical name of the relation's subject
//   relation    relation type
//   object      canonical name of the relation's object
//   sentence    the exact sentence of the document that states it
//   document    name of the document (file stem)
//   lang        language of the document
//   confidence  confidence of this one piece of evidence (0-1)
//   negated     the sentence denies the relation
//   hedged      the sentence states it with hedging (may, might, suggests)
//   rule        extraction rule that read it
//   char_start  where the sentence starts in the document text
//   char_end    where it ends
MATCH (a:Entity)
WHERE toLower(a.name) = toLower($subject) OR toLower($subject) IN [x IN a.aliases | toLower(x)]
MATCH (a)-[r]-(b:Entity)
WHERE type(r) = toUpper($relation)
  AND (toLower(b.name) = toLower($object) OR toLower($object) IN [x IN b.aliases | toLower(x)])
MATCH (ev:Evidence {relation_key: r.key})<-[:ASSERTS]-(d:Document)
RETURN startNode(r).name AS subject, type(r) AS relation, endNode(r).name AS object, ev.sentence AS sentence,
       d.name AS document, d.lang AS lang, ev.confidence AS confidence, ev.negated AS negated, ev.hedged AS hedged,
       ev.rule AS rule, ev.char_start AS char_start, ev.char_end AS char_end
ORDER BY document, char_start
