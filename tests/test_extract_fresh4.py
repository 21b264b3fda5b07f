"""The whole extractor over tests/data/fresh4: three documents written and hand-annotated *after* rule version
2026.11.8 was frozen (an English medical-tourism page on CAR-T/NK therapy in China with menus, chat widgets and a
facilitator advert; a Chinese blog article on a CAS institute's iPSC-derived CAR-NK paper with a company advert at the
end; an English hospital news release on a professor's academic CAR-T programme presented at EHA), then scored once
without any rule change: entity F1 0.917, relation F1 0.579. That is the honest estimate for unseen text. The floors
sit a little under."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from extract import extract_document, read_document, to_format_json

FRESH4 = Path(__file__).parent / "data" / "fresh4"
SCORER = Path(__file__).parents[1].parent / "shared" / "eval" / "score.py"
ENTITY_F1_FLOOR = 0.89
RELATION_F1_FLOOR = 0.55


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    if not SCORER.is_file():
        pytest.skip(f"shared scorer not found at {SCORER}")
    spec = importlib.util.spec_from_file_location("fresh4_score", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    out = tmp_path_factory.mktemp("fresh4_pred")
    documents = [p for p in sorted(FRESH4.iterdir()) if not p.name.endswith(".gold.json")]
    assert len(documents) == len(list(FRESH4.glob("*.gold.json"))) >= 3
    for path in documents:
        result = extract_document(read_document(path))
        (out / f"{path.stem}.json").write_text(json.dumps(to_format_json(result), ensure_ascii=False), encoding="utf-8")
    return scorer.score(FRESH4, out)


def test_gold_evidence_is_in_the_documents():
    for gold_file in FRESH4.glob("*.gold.json"):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        document = next(p for p in FRESH4.iterdir() if p.stem == gold["doc_id"] and p != gold_file)
        text = read_document(document).text
        ids = {e["id"] for e in gold["entities"]}
        for relation in gold["relations"]:
            assert relation["evidence"] in text, (gold["doc_id"], relation["evidence"])
            assert {relation["source"], relation["target"]} <= ids


def test_entity_f1(scores):
    assert scores["entity"]["overall"]["f1"] >= ENTITY_F1_FLOOR, scores["entity"]


def test_relation_f1(scores):
    assert scores["relation"]["overall"]["f1"] >= RELATION_F1_FLOOR, scores["relation"]
