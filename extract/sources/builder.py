"""RecordBuilder: collects what a reader finds in one record into an ExtractionResult.

Entities of one key are merged (aliases, attributes, xrefs joined); every relation carries Evidence whose
``field`` names the record field, whose ``rule`` is ``<source>:<field path without indices>`` and whose span is
that field's value in the stored text; mentions point at the same spans. Text extracted from a part of the
record (an abstract) is merged with its own rules and spans shifted to the stored text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from cellkg.core.model import (
    AttributeValue,
    DocumentRecord,
    Entity,
    Evidence,
    ExtractionResult,
    Mention,
    Relation,
)
from cellkg.core.xrefs import make_curie
from cellkg.extract.config import EXTRACTOR_VERSION, SOURCES_RULE_VERSION, STATED_CONFIDENCE
from cellkg.extract.lexicon.identifiers import with_xrefs
from cellkg.extract.sources.record_text import FieldSpan

_INDEX = re.compile(r"\[\d+\]")


def xref(prefix: str, local: str) -> tuple[str, ...]:
    """The CURIE as a one-element tuple, or none when the record's id breaks the registry's pattern (the
    record is still read; the malformed id stays in its text)."""
    try:
        return (make_curie(prefix, local),)
    except ValueError:
        return ()


def field_rule(source: str, path: str) -> str:
    """ "ctgov.v2", "protocolSection.sponsorCollaboratorsModule.leadSponsor.name" →
    "ctgov.v2:sponsorCollaboratorsModule.leadSponsor.name" (indices and the top section dropped)."""
    parts = _INDEX.sub("", path).split(".")
    while len(parts) > 2 and parts[0] in _TOP_SECTIONS:
        parts = parts[1:]
    return f"{source}:{'.'.join(parts)}"


_TOP_SECTIONS = {"protocolSection", "derivedSection", "MedlineCitation", "PubmedData", "front", "article-meta"}


@dataclass
class _Draft:
    type: str
    name: str
    key: str
    aliases: list[str] = field(default_factory=list)
    attributes: dict[str, AttributeValue] = field(default_factory=dict)
    xrefs: list[str] = field(default_factory=list)


class RecordBuilder:
    def __init__(self, document: DocumentRecord, source: str) -> None:
        self.document = document
        self.source = source  # rule prefix, e.g. "ctgov.v2"
        self._drafts: dict[str, _Draft] = {}
        self._mentions: dict[tuple[str, int, int], Mention] = {}
        self._evidence: dict[tuple[str, str, str], list[Evidence]] = {}

    def entity(
        self,
        entity: Entity,
        *,
        aliases: tuple[str, ...] = (),
        attributes: tuple[tuple[str, AttributeValue], ...] = (),
        xrefs: tuple[str, ...] = (),
    ) -> str:
        """Add (or merge into) the entity of ``entity.key``; returns the key."""
        draft = self._drafts.setdefault(entity.key, _Draft(entity.type, entity.name, entity.key))
        for alias in (*entity.aliases, *aliases):
            if alias and alias not in draft.aliases:
                draft.aliases.append(alias)
        draft.attributes.update(dict(entity.attributes) | dict(attributes))
        draft.xrefs.extend(x for x in (*entity.xrefs, *xrefs) if x not in draft.xrefs)
        return entity.key

    def mention(self, key: str, span: FieldSpan, start: int = 0, end: int | None = None) -> None:
        """The entity is named by ``span.value[start:end]`` (the whole value by default)."""
        s, e = span.span_of(start, len(span.value) if end is None else end)
        self._mentions[(key, s, e)] = Mention(
            entity_key=key,
            doc_id=self.document.doc_id,
            char_start=s,
            char_end=e,
            text=self.document.text[s:e],
            rule=field_rule(self.source, span.path),
            confidence=STATED_CONFIDENCE,
        )

    def relate(self, rel_type: str, source_key: str, target_key: str, span: FieldSpan) -> None:
        """``span``'s field states the relation."""
        evidence = Evidence(
            doc_id=self.document.doc_id,
            sentence=self.document.text[span.start : span.end],
            char_start=span.start,
            char_end=span.end,
            rule=field_rule(self.source, span.path),
            rule_version=SOURCES_RULE_VERSION,
            confidence=STATED_CONFIDENCE,
            lang=self.document.lang,
            source=self.document.source,
            field=span.path,
        )
        found = self._evidence.setdefault((rel_type, source_key, target_key), [])
        if evidence not in found:
            found.append(evidence)

    def merge_text(self, result: ExtractionResult, offset: int = 0) -> None:
        """Merge what the text extractor found in ``text[offset:...]``."""
        for entity in result.entities:
            self.entity(entity)
        for m in result.mentions:
            s, e = m.char_start + offset, m.char_end + offset
            self._mentions.setdefault(
                (m.entity_key, s, e), replace(m, doc_id=self.document.doc_id, char_start=s, char_end=e)
            )
        for relation in result.relations:
            found = self._evidence.setdefault((relation.type, relation.source_key, relation.target_key), [])
            found.extend(
                replace(
                    ev,
                    doc_id=self.document.doc_id,
                    char_start=ev.char_start + offset,
                    char_end=ev.char_end + offset,
                    source=self.document.source,
                )
                for ev in relation.evidence
            )

    def build(self) -> ExtractionResult:
        entities = tuple(
            with_xrefs(
                Entity(
                    type=d.type,
                    name=d.name,
                    aliases=tuple(d.aliases),
                    key=d.key,
                    attributes=tuple(sorted(d.attributes.items())),
                    xrefs=tuple(d.xrefs),
                )
            )
            for d in self._drafts.values()
        )
        relations = tuple(
            Relation(type=t, source_key=s, target_key=o, evidence=tuple(evidence))
            for (t, s, o), evidence in self._evidence.items()
            if s in self._drafts and o in self._drafts and s != o
        )
        return ExtractionResult(
            document=self.document,
            entities=entities,
            mentions=tuple(self._mentions.values()),
            relations=relations,
            extractor_version=f"{EXTRACTOR_VERSION}; {self.source} {SOURCES_RULE_VERSION}",
        )
