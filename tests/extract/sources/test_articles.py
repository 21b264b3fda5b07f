"""PubMed XML and PMC JATS (real records, tests/data/records/pubmed, pmc): metadata, authors, affiliations."""

from __future__ import annotations

from cellkg import extract
from tests.extract.sources.records import RECORDS, assert_provenance, entity, relations


def test_pubmed_article_metadata_and_text():
    [result] = extract.extract_path(RECORDS / "pubmed" / "22663011.xml")
    assert_provenance(result)
    document = result.document
    assert document.name == "22663011"
    assert document.source == "https://pubmed.ncbi.nlm.nih.gov/22663011/"
    assert document.xrefs == ("PUBMED:22663011", "DOI:10.1056/NEJMoa1203421")
    assert document.journal == "The New England journal of medicine"
    assert document.published_at == "2012-06-04"  # the electronic article date
    assert document.version == "2026-05-18"  # DateRevised
    assert document.title == "Improved survival with MEK inhibition in BRAF-mutated melanoma."
    assert document.text.startswith(document.title + "\n\nBACKGROUND: Activating mutations")
    trial = entity(result, "Trial:nct01245062")  # from the record's DataBankList
    assert trial.xrefs == ("CLINICALTRIALS:NCT01245062",)
    # the abstract went through the text extractor: its entities carry its own rules
    assert any(m.rule.startswith(("any.", "en.")) for m in result.mentions)


def test_pubmed_authors_and_their_affiliations():
    [result] = extract.extract_path(RECORDS / "pubmed" / "22663011.xml")
    flaherty = entity(result, "Researcher:keithtflaherty")
    assert flaherty.name == "Keith T Flaherty"
    assert relations(result, "AFFILIATED_WITH") == {
        ("Researcher:keithtflaherty", "Institution:massachusettsgeneralhospitalcancercenter")
    }
    [affiliated] = [r for r in result.relations if r.type == "AFFILIATED_WITH"]
    assert affiliated.evidence[0].field == "MedlineCitation.Article.AuthorList.Author[0].AffiliationInfo[0].Affiliation"
    assert "METRIC Study Group" not in {e.name for e in result.entities}  # a collective name is no person


def test_pubmed_set_gives_one_document_per_article_and_orcid_keys():
    results = extract.extract_path(RECORDS / "pubmed" / "two_articles.xml")
    assert [r.document.name for r in results] == ["two_articles.22663011", "two_articles.35224090"]
    second = results[1]
    assert_provenance(second)
    tian = entity(second, "Researcher:orcid0000000336193943")  # one ORCID: one researcher, whatever the spelling
    assert tian.name == "Tian Xinggui" and "Xinggui Tian" in tian.aliases
    assert tian.xrefs == ("ORCID:0000-0003-3619-3943",)
    # department and parent institution, each an affiliation of its own
    assert {
        ("Researcher:geoffreylee", "Institution:kennedyinstituteofrheumatology"),
        ("Researcher:geoffreylee", "Institution:universityofoxford"),
    } <= relations(second, "AFFILIATED_WITH")
    assert second.document.published_at == "2022-02-16"


def test_pmc_jats_article():
    [result] = extract.extract_path(RECORDS / "pmc" / "PMC6329583.xml")
    assert_provenance(result)
    document = result.document
    assert document.source == "https://pmc.ncbi.nlm.nih.gov/articles/PMC6329583/"
    assert set(document.xrefs) == {"PMC:PMC6329583", "PUBMED:30311380", "DOI:10.1002/humu.23636"}
    assert document.journal == "Human mutation"
    assert document.title.startswith("Gene-Specific Criteria for PTEN Variant Curation")
    # affiliations reached through <xref ref-type="aff" rid="A1"> and stripped of their label "1"
    assert ("Researcher:jessicalmester", "Institution:genedx") in relations(result, "AFFILIATED_WITH")
    assert entity(result, "Researcher:zhangliying").name == "Zhang Liying"  # pinyin family name first
    body = document.text.split("Journal: ")[0]
    assert "Target:pten" in {m.entity_key for m in result.mentions if m.char_end <= len(body)}
