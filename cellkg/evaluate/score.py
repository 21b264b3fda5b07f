"""Scores of a folder of predictions against a folder of gold files.

Counts (true positives, false positives, false negatives) are kept per type and summed over all
documents before precision and recall are taken (micro-averaged), as the shared scorer does;
each document's own figures are kept too. A document without a prediction file predicted nothing.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from cellkg.core.errors import InputError
from cellkg.evaluate.match import match_entities, relation_keys


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        """Counts and figures, rounded to four places as the shared scorer reports them."""
        figures = {"precision": self.precision, "recall": self.recall, "f1": self.f1}
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn} | {k: round(v, 4) for k, v in figures.items()}


@dataclass
class Kind:
    """Tallies of one kind (entities or relations) by type."""

    by_type: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))

    @property
    def overall(self) -> Tally:
        total = Tally()
        for tally in self.by_type.values():
            total.add(tally)
        return total

    def as_dict(self) -> dict:
        return {"overall": self.overall.as_dict(), "by_type": {t: c.as_dict() for t, c in sorted(self.by_type.items())}}


@dataclass
class Ceiling:
    """Gold relations whose two ends were both found: no relation rule can recall more."""

    reachable: int = 0
    gold: int = 0

    @property
    def share(self) -> float:
        return self.reachable / self.gold if self.gold else 0.0

    def as_dict(self) -> dict:
        return {"reachable": self.reachable, "gold": self.gold, "share": round(self.share, 4)}


@dataclass
class Scores:
    entity: Kind = field(default_factory=Kind)
    relation: Kind = field(default_factory=Kind)
    ceiling: Ceiling = field(default_factory=Ceiling)
    per_document: dict[str, tuple[Tally, Tally]] = field(default_factory=dict)  # doc_id -> (entity, relation)

    def as_dict(self) -> dict:
        """The shared scorer's JSON, plus ``relation_ceiling``."""
        per_document = {d: {"entity": e.as_dict(), "relation": r.as_dict()} for d, (e, r) in self.per_document.items()}
        return {
            "documents": len(self.per_document),
            "per_document": per_document,
            "entity": self.entity.as_dict(),
            "relation": self.relation.as_dict(),
            "relation_ceiling": self.ceiling.as_dict(),
        }


def _score_document(gold: dict, pred: dict, scores: Scores) -> tuple[Tally, Tally]:
    gold_entities, pred_entities = gold.get("entities", []), pred.get("entities", [])
    mapping = match_entities(gold_entities, pred_entities)
    gold_type = {e["id"]: e["type"] for e in gold_entities}
    found = set(mapping.values())
    for gold_id in mapping.values():
        scores.entity.by_type[gold_type[gold_id]].tp += 1
    for entity in pred_entities:
        if entity["id"] not in mapping:
            scores.entity.by_type[entity["type"]].fp += 1
    for entity in gold_entities:
        if entity["id"] not in found:
            scores.entity.by_type[entity["type"]].fn += 1
    gold_keys = relation_keys(gold.get("relations", []))
    pred_keys = relation_keys(pred.get("relations", []), mapping)
    for keys, slot in ((pred_keys & gold_keys, "tp"), (pred_keys - gold_keys, "fp"), (gold_keys - pred_keys, "fn")):
        for key in keys:
            tally = scores.relation.by_type[key[0]]
            setattr(tally, slot, getattr(tally, slot) + 1)
    scores.ceiling.gold += len(gold_keys)
    scores.ceiling.reachable += sum(1 for _, source, target in gold_keys if {source, target} <= found)
    entity = Tally(len(mapping), len(pred_entities) - len(mapping), len(gold_entities) - len(mapping))
    relation = Tally(len(pred_keys & gold_keys), len(pred_keys - gold_keys), len(gold_keys - pred_keys))
    return entity, relation


def _read(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read {path}: {exc}", reason="unreadable", path=str(path)) from exc


def score_folders(gold_dir: Path, pred_dir: Path) -> Scores:
    """Score ``PRED_DIR/<doc_id>.json`` against every ``GOLD_DIR/*.gold.json``."""
    gold_files = sorted(Path(gold_dir).glob("*.gold.json"))
    if not gold_files:
        raise InputError(
            f"no *.gold.json files in {gold_dir}", reason="no_input", hint="pass the folder of gold annotations first"
        )
    scores = Scores()
    for gold_file in gold_files:
        gold = _read(gold_file)
        pred_file = Path(pred_dir) / f"{gold['doc_id']}.json"
        pred = _read(pred_file) if pred_file.exists() else {}
        scores.per_document[gold["doc_id"]] = _score_document(gold, pred, scores)
    return scores
