"""extract_text / extract_document: run the document through the spaCy pipeline and assemble the typed
ExtractionResult from the Doc."""

from __future__ import annotations

from dataclasses import replace

from cellkg.core.model import DocumentRecord, Entity, ExtractionResult, Mention, short_hash
from cellkg.extract.config import EXTRACTOR_VERSION, MAX_TITLE_CHARS
from cellkg.extract.lexicon.identifiers import with_xrefs
from cellkg.extract.mentions.candidate import Candidate
from cellkg.extract.mentions.resolve import EntityDraft
from cellkg.extract.pipeline import DocState, build_pipeline
from cellkg.extract.read.reader import detect_language, first_line
from cellkg.extract.read.traditional import restore_original, simplified_copy


def extract_text(text: str, *, name: str = "doc", source: str = "", lang: str | None = None) -> ExtractionResult:
    record = DocumentRecord(
        doc_id=short_hash(text),
        name=name,
        source=source,
        title=first_line(text)[:MAX_TITLE_CHARS],
        lang=lang or detect_language(text),
        text=text,
    )
    return extract_document(record)


def extract_document(record: DocumentRecord) -> ExtractionResult:
    simplified = simplified_copy(record.text) if record.lang == "zh" else None
    if simplified is not None:  # Traditional Chinese: match on the Simplified copy, spans stay valid
        return restore_original(_extract(replace(record, text=simplified)), record.text)
    return _extract(record)


def _extract(record: DocumentRecord) -> ExtractionResult:
    nlp = build_pipeline(record.lang)
    doc = nlp.make_doc(record.text)
    doc._.doc_id, doc._.source = record.doc_id, record.source
    doc = nlp(doc)
    state: DocState = doc._.cellkg
    return ExtractionResult(
        document=record,
        entities=tuple(_entity(d) for d in state.kept),
        mentions=tuple(_mention(m, record.doc_id) for d in state.kept for m in d.mentions),
        relations=doc._.relations,
        extractor_version=EXTRACTOR_VERSION,
        dropped=(("generic_unrelated", len(state.entities) - len(state.kept)), ("signature", state.rejected)),
    )


def _entity(draft: EntityDraft) -> Entity:
    aliases = tuple(sorted(draft.aliases | _pinyin_forms(draft)))
    return with_xrefs(Entity(type=draft.type, name=draft.name, aliases=aliases, key=draft.key))


def _pinyin_forms(draft: EntityDraft) -> set[str]:
    if draft.type != "Researcher" or len(draft.name.split()) != 2:
        return set()
    family, given = draft.name.split()
    return {draft.name, f"{given} {family}", f"{family.upper()} {given}"}


def _mention(candidate: Candidate, doc_id: str) -> Mention:
    return Mention(
        entity_key=candidate.entity_key,
        doc_id=doc_id,
        char_start=candidate.start,
        char_end=candidate.end,
        text=candidate.text,
        rule=candidate.rule,
        confidence=candidate.confidence,
    )
