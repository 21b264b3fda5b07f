"""A two-document gold set and predictions for it whose scores are worked out by hand.

Document ``a``: four entities found (one through its Chinese alias, one spelt with other case and
punctuation), one predicted with the wrong type; a collaboration predicted in the other direction
(symmetric: it counts) and a DEVELOPS predicted backwards (it does not). Document ``b`` has no
prediction file: all of it is missed.
"""

from __future__ import annotations

import json
from pathlib import Path

GOLD = {
    "a": {
        "doc_id": "a",
        "lang": "en",
        "source": "a.txt",
        "entities": [
            {"id": "e1", "type": "Researcher", "name": "Zhang Minghui", "aliases": ["张明辉"]},
            {"id": "e2", "type": "Institution", "name": "Tsinghua University", "aliases": ["清华大学"]},
            {"id": "e3", "type": "Institution", "name": "Peking University", "aliases": []},
            {"id": "e4", "type": "Therapy", "name": "CT-19", "aliases": []},
        ],
        "relations": [
            {"type": "AFFILIATED_WITH", "source": "e1", "target": "e2", "evidence": "x"},
            {"type": "COLLABORATES_WITH", "source": "e2", "target": "e3", "evidence": "x"},
            {"type": "DEVELOPS", "source": "e2", "target": "e4", "evidence": "x"},
        ],
    },
    "b": {
        "doc_id": "b",
        "lang": "en",
        "source": "b.txt",
        "entities": [
            {"id": "e1", "type": "Disease", "name": "multiple myeloma", "aliases": []},
            {"id": "e2", "type": "Therapy", "name": "BCMA CAR-T", "aliases": []},
        ],
        "relations": [{"type": "TREATS", "source": "e2", "target": "e1", "evidence": "x"}],
    },
}
PREDICTED = {
    "a": {
        "doc_id": "a",
        "entities": [
            {"id": "p1", "type": "Researcher", "name": "ZHANG  Ming-hui", "aliases": []},
            {"id": "p2", "type": "Institution", "name": "清华大学", "aliases": []},
            {"id": "p3", "type": "Institution", "name": "Peking University", "aliases": []},
            {"id": "p4", "type": "Therapy", "name": "ct19", "aliases": []},
            {"id": "p5", "type": "Target", "name": "CT-19", "aliases": []},
        ],
        "relations": [
            {"type": "AFFILIATED_WITH", "source": "p1", "target": "p2"},
            {"type": "COLLABORATES_WITH", "source": "p3", "target": "p2"},
            {"type": "DEVELOPS", "source": "p4", "target": "p2"},
        ],
    },
}
# entities: tp 4, fp 1 (the Target), fn 2 (document b); relations: tp 2, fp 1, fn 2; ceiling 3 of 4
SUMMARY = "documents=2 entity_f1=0.727 (P=0.800 R=0.667) relation_f1=0.571 (P=0.667 R=0.500)"


def write_example(gold_dir: Path, pred_dir: Path) -> None:
    gold_dir.mkdir(parents=True, exist_ok=True)
    pred_dir.mkdir(parents=True, exist_ok=True)
    for doc_id, gold in GOLD.items():
        (gold_dir / f"{doc_id}.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    for doc_id, pred in PREDICTED.items():
        (pred_dir / f"{doc_id}.json").write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")
