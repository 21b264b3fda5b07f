"""Which predicted entity is which gold entity, and relations as comparable keys.

The rules of FORMAT.md: names compare after NFKC, case folding and dropping everything that is
not a letter or a digit; an entity matches when the types agree and either side's canonical
name is among the other's names. Pairs are taken greedily, best first, one to one.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

SYMMETRIC = frozenset({"COLLABORATES_WITH"})  # either direction counts
UNMATCHED = "unmatched:"  # prefix of a predicted id that found no gold entity: it can match nothing


def normalise(text: str) -> str:
    """NFKC, casefold, then letters and digits only (whitespace, punctuation and ``_`` go)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


def names(entity: dict) -> set[str]:
    """The normalised canonical name and aliases of an entity (empty forms dropped)."""
    forms = {normalise(entity.get("name", "")), *(normalise(a) for a in entity.get("aliases") or [])}
    forms.discard("")
    return forms


def _strength(gold: dict, pred: dict) -> int:
    """How well two entities of one type match: 0 for not at all; a canonical-name hit counts double."""
    gold_names, pred_names = names(gold), names(pred)
    canonical = normalise(pred.get("name", "")) in gold_names or normalise(gold.get("name", "")) in pred_names
    return 2 * canonical + len(gold_names & pred_names)


def match_entities(gold: list[dict], pred: list[dict]) -> dict[str, str]:
    """Predicted id -> gold id, greedily by strength; ties go to the smaller gold id, then predicted id."""
    candidates = sorted(
        (-strength, g["id"], p["id"])
        for g in gold
        for p in pred
        if p.get("type") == g.get("type") and (strength := _strength(g, p))
    )
    taken_gold: set[str] = set()
    mapping: dict[str, str] = {}
    for _, gold_id, pred_id in candidates:
        if gold_id not in taken_gold and pred_id not in mapping:
            taken_gold.add(gold_id)
            mapping[pred_id] = gold_id
    return mapping


def relation_keys(relations: Iterable[dict], id_map: dict[str, str] | None = None) -> set[tuple]:
    """(type, source, target) per relation, ends as gold ids (predicted ends go through ``id_map``)."""
    keys = set()
    for relation in relations:
        source: Any = relation.get("source")  # as written: ids are strings, a malformed file may hold anything
        target: Any = relation.get("target")
        if id_map is not None:
            source = id_map.get(source, f"{UNMATCHED}{source}")
            target = id_map.get(target, f"{UNMATCHED}{target}")
        if relation.get("type") in SYMMETRIC:
            source, target = sorted((str(source), str(target)))
        keys.add((relation.get("type"), source, target))
    return keys
