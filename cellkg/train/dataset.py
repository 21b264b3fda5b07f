"""Training examples: every candidate pair the extractor scores on a gold document, labelled by FORMAT.md.

A gold set is a folder of ``tests/data`` holding ``*.gold.json`` files beside their documents. The five
sets the rules were written with are always used; a newer set joins once its folder has ``FIRST_SCORE.md``
(the score it got before any change made for it), so that no set is trained on before it was scored.
A pair is positive when its type and its two ends, mapped to gold entities as the scorer maps them
(``cellkg.evaluate.match``), are a gold relation.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from cellkg.evaluate.match import match_entities, relation_keys
from cellkg.extract import build_pipeline, read_document
from cellkg.extract.extractor import _entity
from cellkg.extract.learned import Pair
from cellkg.extract.learned import scorer as learned_scorer
from cellkg.extract.read.traditional import simplified_copy

ESTABLISHED_SETS = ("heldout", "fresh", "fresh2", "fresh3", "fresh4")
SCORED_MARK = "FIRST_SCORE.md"


@dataclass(frozen=True)
class Example:
    set_name: str
    doc_id: str
    rel_type: str
    features: frozenset[str]
    by_rule: bool
    label: bool


@dataclass(frozen=True)
class GoldDocument:
    set_name: str
    path: Path
    gold: dict


def gold_sets(data_dir: Path) -> dict[str, list[GoldDocument]]:
    """Set name -> its documents, for every set that may be trained on, in name order."""
    found: dict[str, list[GoldDocument]] = {}
    for folder in sorted(p for p in data_dir.iterdir() if p.is_dir()):
        gold_files = sorted(folder.glob("*.gold.json"))
        if not gold_files or (folder.name not in ESTABLISHED_SETS and not (folder / SCORED_MARK).exists()):
            continue
        texts = {p.stem: p for p in folder.iterdir() if p.is_file() and not p.name.endswith(".gold.json")}
        docs = []
        for gold_file in gold_files:
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            docs.append(GoldDocument(folder.name, texts[gold["doc_id"]], gold))
        found[folder.name] = docs
    return found


def scored_pairs(path: Path) -> tuple[list[Pair], list[dict]]:
    """The extractor's candidate pairs of one document and its entities (every draft) as FORMAT.md dicts."""
    record = read_document(path)
    text = simplified_copy(record.text) if record.lang == "zh" else None
    nlp = build_pipeline(record.lang)
    doc = nlp.make_doc(text or record.text)
    doc._.doc_id = record.doc_id
    zero = learned_scorer.Scorer(weights={}, intercept=0.0, threshold=2.0)  # features only: accept nothing
    with learned_scorer.using(zero):
        state = nlp(doc)._.cellkg
    entities = [{"id": d.key, **_format_entity(d)} for d in state.entities.values()]
    return state.pairs, entities


def _format_entity(draft) -> dict:
    entity = _entity(draft)
    return {"type": entity.type, "name": entity.name, "aliases": list(entity.aliases)}


def examples(doc: GoldDocument) -> list[Example]:
    pairs, entities = scored_pairs(doc.path)
    mapping = match_entities(doc.gold.get("entities", []), entities)
    gold_keys = relation_keys(doc.gold.get("relations", []))
    found = []
    for pair in pairs:
        (key,) = relation_keys([{"type": pair.rel_type, "source": pair.source_key, "target": pair.target_key}], mapping)
        found.append(
            Example(
                doc.set_name,
                doc.gold["doc_id"],
                pair.rel_type,
                frozenset(pair.features),
                pair.by_rule,
                key in gold_keys,
            )
        )
    return found
