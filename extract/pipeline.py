"""The spaCy pipelines: blank English/Chinese tokenizers plus our named components, one Doc → Doc each.

``load("en")`` / ``load("zh")`` return a ``Language`` whose ``nlp(text)`` and ``nlp.pipe(texts)`` give
``doc.ents`` (non-overlapping; label = entity type, ``kb_id_`` = entity key), every mention in
``doc.spans["cellkg"]`` and the relations in ``doc._.relations``. Finding and annotating are apart: the
first four components find (sentences → candidates → resolved mentions → relations) on the typed
``DocState`` in ``doc._.cellkg``; ``cellkg_annotate`` writes the spans. Relations come from the rules and
from the learned decision over every candidate pair (``extract/learned``: a logistic regression read from
JSON, no spaCy model).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from cellkg.core.model import Relation, short_hash
from cellkg.extract.learned import Pair, decide
from cellkg.extract.mentions.abbreviations import add_abbreviations
from cellkg.extract.mentions.aliases import join_aliases
from cellkg.extract.mentions.candidate import Candidate, Flag
from cellkg.extract.mentions.finders import find_candidates
from cellkg.extract.mentions.org_anaphora import link_org_anaphors
from cellkg.extract.mentions.resolve import EntityDraft, build_entities, remap_keys
from cellkg.extract.mentions.select import select_mentions
from cellkg.extract.mentions.surface_sweep import sweep_surfaces
from cellkg.extract.mentions.trial_merge import merge_trials
from cellkg.extract.read.sentences import Sentence, split_sentences
from cellkg.extract.relations import find_relations
from cellkg.extract.relations.collector import RelationCollector
from cellkg.extract.relations.context import DocContext

COMPONENTS = ("cellkg_sentences", "cellkg_candidates", "cellkg_mentions", "cellkg_relations", "cellkg_annotate")
SPAN_KEY = "cellkg"


@dataclass
class DocState:
    """What the components hand on to each other for one document."""

    sentences: list[Sentence] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    mentions: list[Candidate] = field(default_factory=list)
    entities: dict[str, EntityDraft] = field(default_factory=dict)
    kept: list[EntityDraft] = field(default_factory=list)  # entities that stay in the result
    rejected: int = 0  # relations refused by the schema's signatures
    pairs: list[Pair] = field(default_factory=list)  # every candidate pair the learned decision scored


for _name, _default in (("cellkg", None), ("doc_id", ""), ("source", ""), ("relations", ())):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


@Language.component("cellkg_sentences")
def sentences_component(doc: Doc) -> Doc:
    doc._.cellkg = DocState(sentences=split_sentences(doc.text))
    return doc


@Language.component("cellkg_candidates")
def candidates_component(doc: Doc) -> Doc:
    state = doc._.cellkg
    state.candidates = find_candidates(doc.text, state.sentences)
    return doc


@Language.component("cellkg_mentions")
def mentions_component(doc: Doc) -> Doc:
    state, text = doc._.cellkg, doc.text
    mentions = join_aliases(text, add_abbreviations(text, select_mentions(state.candidates)))
    mentions = remap_keys(text, sweep_surfaces(text, state.sentences, mentions))
    mentions = merge_trials(text, state.sentences, mentions)
    state.mentions = link_org_anaphors(text, state.sentences, mentions)
    state.entities = build_entities(state.mentions)
    return doc


@Language.component("cellkg_relations")
def relations_component(doc: Doc) -> Doc:
    state = doc._.cellkg
    ctx = DocContext(doc.text, doc.lang_, doc._.source, state.sentences, state.mentions, state.entities)

    def learned(ctx: DocContext, out: RelationCollector) -> None:
        state.pairs = decide(ctx, out)

    collector = find_relations(ctx, doc._.doc_id or short_hash(doc.text), then=learned)
    relations: tuple[Relation, ...] = tuple(collector.relations())
    related = {r.source_key for r in relations} | {r.target_key for r in relations}
    state.kept = [d for d in state.entities.values() if d.key in related or Flag.GENERIC not in d.flags]
    state.rejected = collector.rejected
    doc._.relations = relations
    return doc


@Language.component("cellkg_annotate")
def annotate_component(doc: Doc) -> Doc:
    """Every mention of a kept entity as a Span in ``doc.spans``; the longest non-overlapping ones as ``doc.ents``."""
    spans = [
        _span(doc, m, draft.type, draft.key) for draft in doc._.cellkg.kept for m in draft.mentions if m.end > m.start
    ]
    doc.spans[SPAN_KEY] = sorted(spans, key=lambda s: (s.start_char, s.end_char))
    doc.ents = filter_spans(spans)
    return doc


def _span(doc: Doc, mention: Candidate, label: str, key: str) -> Span:
    span = doc.char_span(mention.start, mention.end, label=label, kb_id=key, alignment_mode="expand")
    if span is None:  # only for a span of whitespace, which no finder yields
        raise ValueError(f"mention {mention.text!r} at {mention.start} covers no token")
    return span


def load(lang: str) -> Language:
    """A new pipeline for ``lang`` ("zh" for Chinese, anything else English)."""
    nlp = spacy.blank("zh" if lang == "zh" else "en")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


build_pipeline = lru_cache(maxsize=2)(load)  # the shared pipeline of this process, built once per language
