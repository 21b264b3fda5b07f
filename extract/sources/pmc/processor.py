"""PMC JATS XML (``<article>`` or a ``<pmc-articleset>`` of them) → one ExtractionResult per article.

The JATS counterpart of the PubMed reader: ids, journal, date, title, authors with ORCID (``contrib-id``) and
the affiliations their ``xref`` points at; the title, abstract and body paragraphs go through the text
extractor (``cellkg.extract.sources.articles``). Fields mapped: docs/sources.md.
"""

from __future__ import annotations

from lxml import etree

from cellkg.core.errors import InputError
from cellkg.core.model import ExtractionResult
from cellkg.extract.sources.articles import Article, Author, build_article
from cellkg.extract.sources.builder import xref
from cellkg.extract.sources.xml import iso_date, parse_xml, text_of

SOURCE = "pmc.jats"
_META = "front.article-meta"
_PUB_TYPES = ("epub", "electronic", "ppub", "print", "collection")  # which date is the publication date, in order


def process_pmc_xml(text: str, *, stem: str, where: str) -> list[ExtractionResult]:
    root = parse_xml(text, where)
    articles = [root] if root.tag == "article" else root.findall("article")
    if not articles:
        raise InputError(f"{where}: no JATS <article> in <{root.tag}>", reason="unrecognised_record", path=where)
    built = [_article(article, where, index) for index, article in enumerate(articles)]
    for article in built:
        pmcid = article.url.rstrip("/").rsplit("/", 1)[-1]
        article.name = stem if len(built) == 1 else f"{stem}.{pmcid}"
    return [build_article(article) for article in built]


def _article(element: etree._Element, where: str, index: int) -> Article:
    meta = element.find("front/article-meta")
    if meta is None:
        raise InputError(f"{where}: article {index + 1} has no front/article-meta", reason="bad_record", path=where)
    ids = {i.get("pub-id-type"): text_of(i) for i in meta.findall("article-id")}
    pmcid = ids.get("pmcid") or (f"PMC{ids['pmc']}" if ids.get("pmc") else "")
    if not pmcid:
        raise InputError(f"{where}: article {index + 1} has no PMCID (article-id)", reason="bad_record", path=where)
    affiliations = {aff.get("id"): _affiliation_text(aff) for aff in element.iter("aff")}
    return Article(
        source=SOURCE,
        url=f"https://pmc.ncbi.nlm.nih.gov/articles/{pmcid}/",
        name="",
        media_type="application/xml",
        title=(f"{_META}.title-group.article-title", text_of(meta.find("title-group/article-title"))),
        paragraphs=_paragraphs(element),
        authors=[
            _author(contrib, i, affiliations)
            for i, contrib in enumerate(meta.findall("contrib-group/contrib[@contrib-type='author']"))
            if contrib.find("name/surname") is not None
        ],
        journal=("front.journal-meta.journal-title-group.journal-title", text_of(element.find(".//journal-title"))),
        xrefs=(
            *xref("pmc", pmcid),
            *(xref("pubmed", ids["pmid"]) if ids.get("pmid") else ()),
            *(xref("doi", ids["doi"]) if ids.get("doi") else ()),
        ),
        published_at=_published(meta),
    )


def _paragraphs(element: etree._Element) -> list[tuple[str, str, str]]:
    """Abstract paragraphs, then body section titles and paragraphs, in document order."""
    found = [(f"{_META}.abstract.p[{i}]", "", text_of(p)) for i, p in enumerate(element.iterfind("front//abstract//p"))]
    body = element.find("body")
    if body is not None:
        for i, node in enumerate(body.iter("title", "p")):
            found.append((f"body.{node.tag}[{i}]", "", text_of(node)))
    return found


def _author(contrib: etree._Element, index: int, affiliations: dict[str, str]) -> Author:
    path = f"{_META}.contrib-group.contrib[{index}]"
    orcid = text_of(contrib.find("contrib-id[@contrib-id-type='orcid']")).rsplit("/", 1)[-1]
    rids = [x.get("rid", "") for x in contrib.findall("xref[@ref-type='aff']")]
    own = [_affiliation_text(aff) for aff in contrib.findall("aff")]
    texts = [affiliations[rid] for rid in rids if rid in affiliations] + own
    return Author(
        path=path,
        name=f"{text_of(contrib.find('name/given-names'))} {text_of(contrib.find('name/surname'))}".strip(),
        orcid=orcid,
        affiliations=tuple((f"{path}.aff[{i}]", text) for i, text in enumerate(texts)),
    )


def _affiliation_text(aff: etree._Element) -> str:
    """The affiliation without its label ("1GeneDx, Inc" → "GeneDx, Inc")."""
    label = aff.find("label")
    return text_of(aff)[len(text_of(label)) :].strip() if label is not None else text_of(aff)


def _published(meta: etree._Element) -> str:
    dates = {d.get("pub-type") or d.get("date-type") or "": d for d in meta.findall("pub-date")}
    for kind in _PUB_TYPES:
        if kind in dates:
            d = dates[kind]
            return iso_date(text_of(d.find("year")), text_of(d.find("month")), text_of(d.find("day")))
    return ""
