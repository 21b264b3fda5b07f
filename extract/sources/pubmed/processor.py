"""PubMed XML (``PubmedArticleSet`` as E-utilities efetch returns it) → one ExtractionResult per article.

Document metadata (PMID, PMCID, DOI, journal, publication date, title, last revision as version), authors with
their ORCID and affiliations, trial registrations, and the title and abstract through the text extractor
(``cellkg.extract.sources.articles``). Fields mapped: docs/sources.md.
"""

from __future__ import annotations

from lxml import etree

from cellkg.core.errors import InputError
from cellkg.core.model import ExtractionResult
from cellkg.extract.sources.articles import Article, Author, build_article
from cellkg.extract.sources.builder import xref
from cellkg.extract.sources.xml import iso_date, parse_xml, text_of

SOURCE = "pubmed"
_ARTICLE = "MedlineCitation.Article"


def process_pubmed_xml(text: str, *, stem: str, where: str) -> list[ExtractionResult]:
    root = parse_xml(text, where)
    articles = [root] if root.tag == "PubmedArticle" else root.findall("PubmedArticle")
    if root.tag not in ("PubmedArticleSet", "PubmedArticle") or not articles:
        raise InputError(f"{where}: no PubmedArticle in <{root.tag}>", reason="unrecognised_record", path=where)
    pmids = [_pmid(article, where, index) for index, article in enumerate(articles)]
    return [
        build_article(_article(article, pmid, stem if len(articles) == 1 else f"{stem}.{pmid}"))
        for article, pmid in zip(articles, pmids, strict=True)
    ]


def _pmid(article: etree._Element, where: str, index: int) -> str:
    pmid = text_of(article.find("MedlineCitation/PMID"))
    if not pmid.isdigit():
        raise InputError(
            f"{where}: article {index + 1} has no PMID (MedlineCitation/PMID)", reason="bad_record", path=where
        )
    return pmid


def _article(element: etree._Element, pmid: str, name: str) -> Article:
    citation = element.find("MedlineCitation")
    art = citation.find("Article")
    ids = {i.get("IdType"): text_of(i) for i in element.findall("PubmedData/ArticleIdList/ArticleId")}
    doi = ids.get("doi") or text_of(art.find("ELocationID[@EIdType='doi']"))
    pmcid = ids.get("pmc", "")
    return Article(
        source=SOURCE,
        url=f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/",
        name=name,
        media_type="application/xml",
        title=(f"{_ARTICLE}.ArticleTitle", text_of(art.find("ArticleTitle"))),
        paragraphs=[
            (f"{_ARTICLE}.Abstract.AbstractText[{i}]", p.get("Label", ""), text_of(p))
            for i, p in enumerate(art.findall("Abstract/AbstractText"))
        ],
        authors=[
            _author(a, i) for i, a in enumerate(art.findall("AuthorList/Author")) if a.find("LastName") is not None
        ],
        trials=[
            (f"{_ARTICLE}.DataBankList.DataBank.AccessionNumberList.AccessionNumber[{i}]", text_of(n))
            for i, n in enumerate(
                art.findall("DataBankList/DataBank[DataBankName='ClinicalTrials.gov']//AccessionNumber")
            )
        ],
        journal=(f"{_ARTICLE}.Journal.Title", text_of(art.find("Journal/Title"))),
        xrefs=(*xref("pubmed", pmid), *(xref("pmc", pmcid) if pmcid else ()), *(xref("doi", doi) if doi else ())),
        published_at=_date(art.find("ArticleDate")) or _date(art.find("Journal/JournalIssue/PubDate")),
        version=_date(citation.find("DateRevised")),
    )


def _author(element: etree._Element, index: int) -> Author:
    path = f"{_ARTICLE}.AuthorList.Author[{index}]"
    orcid = text_of(element.find("Identifier[@Source='ORCID']")).rsplit("/", 1)[-1]
    return Author(
        path=path,
        name=f"{text_of(element.find('ForeName'))} {text_of(element.find('LastName'))}".strip(),
        orcid=orcid,
        affiliations=tuple(
            (f"{path}.AffiliationInfo[{i}].Affiliation", text_of(a))
            for i, a in enumerate(element.findall("AffiliationInfo/Affiliation"))
        ),
    )


def _date(element: etree._Element | None) -> str:
    if element is None:
        return ""
    return iso_date(text_of(element.find("Year")), text_of(element.find("Month")), text_of(element.find("Day")))
