"""The spaCy pipelines: blank English/Chinese tokenizers plus our named components, built once per process.

Each component reads and extends ``doc._.cellkg`` (a dict): sentences → candidates → mentions and
entities → relations. No statistical model is needed.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from cellkg.extract.aliases import join_aliases
from cellkg.extract.context import DocContext
from cellkg.extract.finders import find_candidates
from cellkg.extract.org_anaphora import link_org_anaphors
from cellkg.extract.relations import find_relations
from cellkg.extract.resolve import add_abbreviations, build_entities, remap_keys, sweep_surfaces
from cellkg.extract.select import select_mentions
from cellkg.extract.sentences import split_sentences
from cellkg.extract.trial_merge import merge_trials

COMPONENTS = ("cellkg_sentences", "cellkg_candidates", "cellkg_mentions", "cellkg_relations")
if not Doc.has_extension("cellkg"):
    Doc.set_extension("cellkg", default=None)


@Language.component("cellkg_sentences")
def sentences_component(doc: Doc) -> Doc:
    state = doc._.cellkg
    state["sentences"] = split_sentences(doc.text)
    return doc


@Language.component("cellkg_candidates")
def candidates_component(doc: Doc) -> Doc:
    state = doc._.cellkg
    state["candidates"] = find_candidates(doc.text, state["sentences"])
    return doc


@Language.component("cellkg_mentions")
def mentions_component(doc: Doc) -> Doc:
    state = doc._.cellkg
    mentions = join_aliases(doc.text, add_abbreviations(doc.text, select_mentions(state["candidates"])))
    mentions = remap_keys(doc.text, sweep_surfaces(doc.text, state["sentences"], mentions))
    mentions = merge_trials(doc.text, state["sentences"], mentions)
    mentions = link_org_anaphors(doc.text, state["sentences"], mentions)
    state["mentions"], state["entities"] = mentions, build_entities(mentions)
    return doc


@Language.component("cellkg_relations")
def relations_component(doc: Doc) -> Doc:
    state = doc._.cellkg
    ctx = DocContext(doc.text, state["lang"], state["source"], state["sentences"], state["mentions"], state["entities"])
    state["relations"] = find_relations(ctx, state["doc_id"])
    return doc


@lru_cache(maxsize=2)
def build_pipeline(lang: str) -> Language:
    nlp = spacy.blank("zh" if lang == "zh" else "en")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def run_pipeline(text: str, lang: str, doc_id: str, source: str) -> dict:
    nlp = build_pipeline(lang)
    doc = nlp.make_doc(text)
    doc._.cellkg = {"lang": lang, "doc_id": doc_id, "source": source}
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc._.cellkg
