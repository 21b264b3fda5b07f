"""extract_text / extract_document: run the pipeline and assemble the typed ExtractionResult."""

from __future__ import annotations

from dataclasses import replace

from cellkg.core.model import DocumentRecord, Entity, ExtractionResult, Mention, short_hash
from cellkg.extract.config import EXTRACTOR_VERSION, MAX_TITLE_CHARS
from cellkg.extract.pipeline import run_pipeline
from cellkg.extract.reader import detect_language, first_line
from cellkg.extract.resolve import EntityDraft
from cellkg.extract.traditional import restore_original, simplified_copy

KEEP_ONLY_WHEN_RELATED = "generic"
RELATED_ONLY_TYPES = ("Target",)  # a symbol nothing targets is a marker, a drug or a passing mention


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
    state = run_pipeline(record.text, record.lang, record.doc_id, record.source)
    collector = state["relations"]
    relations = collector.relations()
    related = {r.source_key for r in relations} | {r.target_key for r in relations}
    drafts = [
        d
        for d in state["entities"].values()
        if d.key in related or (KEEP_ONLY_WHEN_RELATED not in d.flags and d.type not in RELATED_ONLY_TYPES)
    ]
    dropped_generic = len(state["entities"]) - len(drafts)
    return ExtractionResult(
        document=record,
        entities=tuple(_entity(d) for d in drafts),
        mentions=tuple(_mention(m, record.doc_id) for d in drafts for m in d.mentions),
        relations=tuple(relations),
        extractor_version=EXTRACTOR_VERSION,
        dropped=(("generic_unrelated", dropped_generic), ("signature", collector.rejected)),
    )


def _entity(draft: EntityDraft) -> Entity:
    aliases = tuple(sorted(draft.aliases | _pinyin_forms(draft)))
    return Entity(type=draft.type, name=draft.name, aliases=aliases, key=draft.key)


def _pinyin_forms(draft: EntityDraft) -> set[str]:
    if draft.type != "Researcher" or len(draft.name.split()) != 2:
        return set()
    family, given = draft.name.split()
    return {draft.name, f"{given} {family}", f"{family.upper()} {given}"}


def _mention(candidate, doc_id: str) -> Mention:
    return Mention(
        entity_key=candidate.entity_key,
        doc_id=doc_id,
        char_start=candidate.start,
        char_end=candidate.end,
        text=candidate.text,
        rule=candidate.rule,
        confidence=candidate.confidence,
    )
