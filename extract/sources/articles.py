"""A journal article (from PubMed or PMC XML) → ExtractionResult: the one mapping both readers share.

The stored text is a plain rendering of the record: the title, the abstract (and body) paragraphs, then the
journal, the trial registrations and the authors with their affiliations, one field a line. The title and
the paragraphs go through the text extractor (spans relative to the stored text, which they open); authors,
ORCIDs and affiliations are read from their fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from cellkg.core.model import DocumentRecord, Entity, ExtractionResult, short_hash
from cellkg.extract.extractor import extract_document
from cellkg.extract.read.reader import detect_language
from cellkg.extract.sources.builder import RecordBuilder, xref
from cellkg.extract.sources.fields import found
from cellkg.extract.sources.names import is_person, researcher, resolve
from cellkg.extract.sources.record_text import FieldSpan, TextWriter


@dataclass(frozen=True, slots=True)
class Author:
    path: str  # the author's element, e.g. "MedlineCitation.Article.AuthorList.Author[0]"
    name: str  # given names then family name, as the record spells them
    orcid: str = ""  # "0000-0003-3619-3943"
    affiliations: tuple[tuple[str, str], ...] = ()  # (field path, affiliation text)


@dataclass
class Article:
    source: str  # rule prefix: "pubmed" or "pmc.jats"
    url: str  # the record's address: a newer version from it replaces the stored one
    name: str
    media_type: str
    title: tuple[str, str]  # (field path, text)
    paragraphs: list[tuple[str, str, str]] = field(default_factory=list)  # (path, label, text)
    authors: list[Author] = field(default_factory=list)
    trials: list[tuple[str, str]] = field(default_factory=list)  # (path, NCT id) from the record's registrations
    journal: tuple[str, str] = ("", "")
    xrefs: tuple[str, ...] = ()
    published_at: str = ""
    version: str = ""


def build_article(article: Article) -> ExtractionResult:
    writer = TextWriter()
    writer.field(*article.title, end="\n\n")
    for path, label, text in article.paragraphs:
        writer.field(path, text, label=f"{label}: " if label else "", end="\n\n")
    prose_end = writer.length
    if article.journal[1]:
        writer.field(*article.journal, label="Journal: ")
    trials = [(writer.field(path, nct, label="Trial registration: "), nct) for path, nct in article.trials]
    writer.write("Authors:\n")
    authors = [(author, writer.field(author.path, author.name)) for author in article.authors]
    affiliations = {
        (author.path, path): writer.field(path, text, label="  Affiliation: ")
        for author in article.authors
        for path, text in author.affiliations
    }
    text = writer.text
    prose = text[:prose_end]
    document = DocumentRecord(
        doc_id=short_hash(text),
        name=article.name,
        source=article.url,
        title=article.title[1],
        lang=detect_language(prose),
        text=text,
        media_type=article.media_type,
        xrefs=article.xrefs,
        published_at=article.published_at,
        journal=article.journal[1],
        version=article.version,
    )
    builder = RecordBuilder(document, article.source)
    # the title and paragraphs open the stored text: the extractor's spans need no shift
    builder.merge_text(extract_document(replace(document, text=prose)))
    for span, nct in trials:
        if span is not None:
            builder.mention(
                builder.entity(
                    Entity("Trial", nct, aliases=(nct,), key=f"Trial:{nct.lower()}"), xrefs=xref("clinicaltrials", nct)
                ),
                span,
            )
    for author, span in authors:
        if span is None or not is_person(author.name):
            continue
        key = builder.entity(
            researcher(author.name, orcid=author.orcid), xrefs=xref("orcid", author.orcid) if author.orcid else ()
        )
        builder.mention(key, span)
        for path, _ in author.affiliations:
            affiliation = affiliations[(author.path, path)]
            if affiliation is not None:
                _affiliate(builder, key, affiliation)
    return builder.build()


def _affiliate(builder: RecordBuilder, person: str, affiliation: FieldSpan) -> None:
    """AFFILIATED_WITH every institution the affiliation names (a department and its parent, as the text
    extractor's institution finders read them), else its first part ("GeneDx, Inc, Gaithersburg, MD")."""
    institutions = found(affiliation.value, "Institution")
    if not institutions:
        head = affiliation.value.split(",")[0].strip()
        institutions = [(resolve("Institution", head), 0, len(head))]
    for institution, start, end in institutions:
        key = builder.entity(institution)
        builder.mention(key, affiliation, start, end)
        builder.relate("AFFILIATED_WITH", person, key, affiliation)
