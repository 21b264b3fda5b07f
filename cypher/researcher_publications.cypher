// Question: What has a researcher published, where and when, and with which affiliations?
// Parameters:
//   $researcher = "Tian Xinggui"  name or alias of the researcher, any case (pinyin or characters)
// Columns:
//   researcher    canonical name of the researcher that matched
//   orcid         ORCID iDs the records give the researcher
//   title         title of a publication (a document with a PMID, PMCID, DOI or journal) naming the researcher
//   journal       its journal
//   published     its publication date (ISO-8601, as precise as the record)
//   pmid          its PubMed id
//   doi           its DOI
//   affiliations  institutions that publication states the researcher is affiliated with
MATCH (r:Researcher)
WHERE toLower(r.name) = toLower($researcher) OR toLower($researcher) IN [a IN r.aliases | toLower(a)]
MATCH (d:Document)-[:MENTIONS]->(r)
WHERE d.pmid IS NOT NULL OR d.pmcid IS NOT NULL OR d.doi IS NOT NULL OR d.journal IS NOT NULL
RETURN r.name AS researcher, [x IN coalesce(r.xrefs, []) WHERE x STARTS WITH 'ORCID:'] AS orcid, d.title AS title,
       d.journal AS journal, d.published_at AS published, d.pmid AS pmid, d.doi AS doi,
       COLLECT {
         MATCH (r)-[a:AFFILIATED_WITH]->(i:Institution)
         WHERE NOT a.negated AND EXISTS { (d)-[:ASSERTS]->(:Evidence {relation_key: a.key}) }
         RETURN DISTINCT i.name ORDER BY i.name
       } AS affiliations
ORDER BY coalesce(published, '') DESC, title
