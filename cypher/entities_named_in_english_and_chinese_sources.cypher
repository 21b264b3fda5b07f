// Question: Which entities are named both in English and in Chinese documents?
// Parameters:
//   $type ?= null  only entities of this type (Therapy, Target, Institution, ...); null: every type
// Columns:
//   entity              canonical (English) name
//   name_zh             its Chinese name, when a Chinese source gave one
//   type                entity type
//   english_documents   English documents that name it
//   chinese_documents   Chinese documents that name it
MATCH (e:Entity)
WHERE ($type IS NULL OR e.type = $type)
WITH e, COUNT { (d:Document {lang: 'en'})-[:MENTIONS]->(e) } AS english,
        COUNT { (d:Document {lang: 'zh'})-[:MENTIONS]->(e) } AS chinese
WHERE english > 0 AND chinese > 0
RETURN e.name AS entity, e.name_zh AS name_zh, e.type AS type, english AS english_documents,
       chinese AS chinese_documents
ORDER BY english + chinese DESC, type, entity
