"""The whole extractor over the held-out set (tests/data/heldout: documents never used to write rules, plus
their hand-made gold files), scored by the shared scorer. The floors sit a little below the current scores
so that a regression on unseen-style documents fails."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from extract import extract_document, read_document, to_format_json

HELDOUT = Path(__file__).parent / "data" / "heldout"
SCORER = Path(__file__).parents[1].parent / "shared" / "eval" / "score.py"
ENTITY_F1_FLOOR = 0.96
RELATION_F1_FLOOR = 0.88


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    if not SCORER.is_file():
        pytest.skip(f"shared scorer not found at {SCORER}")
    spec = importlib.util.spec_from_file_location("heldout_score", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    out = tmp_path_factory.mktemp("heldout_pred")
    documents = [p for p in sorted(HELDOUT.iterdir()) if not p.name.endswith(".gold.json")]
    assert len(documents) == len(list(HELDOUT.glob("*.gold.json"))) >= 15
    for path in documents:
        result = extract_document(read_document(path))
        (out / f"{path.stem}.json").write_text(json.dumps(to_format_json(result), ensure_ascii=False), encoding="utf-8")
    return scorer.score(HELDOUT, out)


def test_gold_evidence_is_in_the_documents():
    for gold_file in HELDOUT.glob("*.gold.json"):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        document = next(p for p in HELDOUT.iterdir() if p.stem == gold["doc_id"] and p != gold_file)
        text = read_document(document).text
        ids = {e["id"] for e in gold["entities"]}
        for relation in gold["relations"]:
            assert relation["evidence"] in text, (gold["doc_id"], relation["evidence"])
            assert {relation["source"], relation["target"]} <= ids


def test_entity_f1(scores):
    assert scores["entity"]["overall"]["f1"] >= ENTITY_F1_FLOOR, scores["entity"]


def test_relation_f1(scores):
    assert scores["relation"]["overall"]["f1"] >= RELATION_F1_FLOOR, scores["relation"]


def test_every_document_scores(scores):
    assert scores["documents"] >= 15
    assert all(doc["entity"]["f1"] >= 0.8 for doc in scores["per_document"].values()), scores["per_document"]
