"""The whole extractor over tests/data/fresh: eight documents written and hand-annotated in the styles of the hidden
set (clinic page with menus, Chinese hospital news, CAS science news, author/affiliation abstract, US biotech press
release, solid-tumour review, NMPA approval news, ASH report) and scored *before* any rule was changed for them.

Before the fixes: entity F1 0.866, relation F1 0.479 (0.846 / 0.420 against the first draft of the gold files, which
lacked surface forms such as "河南省人民医院血液科" as aliases). The floors sit a little under the figures after the
fixes (0.892 / 0.519), so that a regression on unseen-style text fails; relations stay the weak point.
Rule version 2026.11.6 (author footnotes, team coreference, cooperation cues, outcome sentences, conferences,
stated aliases, disease lexicon) brought them to 0.950 / 0.791; the floors follow. These documents were used to
find those error kinds, so tests/data/fresh2 (scored once, after the rules were frozen) is the honest estimate."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from extract import extract_document, read_document, to_format_json

FRESH = Path(__file__).parent / "data" / "fresh"
SCORER = Path(__file__).parents[1].parent / "shared" / "eval" / "score.py"
ENTITY_F1_FLOOR = 0.93
RELATION_F1_FLOOR = 0.76


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    if not SCORER.is_file():
        pytest.skip(f"shared scorer not found at {SCORER}")
    spec = importlib.util.spec_from_file_location("fresh_score", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    out = tmp_path_factory.mktemp("fresh_pred")
    documents = [p for p in sorted(FRESH.iterdir()) if not p.name.endswith(".gold.json")]
    assert len(documents) == len(list(FRESH.glob("*.gold.json"))) >= 8
    for path in documents:
        result = extract_document(read_document(path))
        (out / f"{path.stem}.json").write_text(json.dumps(to_format_json(result), ensure_ascii=False), encoding="utf-8")
    return scorer.score(FRESH, out)


def test_gold_evidence_is_in_the_documents():
    for gold_file in FRESH.glob("*.gold.json"):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        document = next(p for p in FRESH.iterdir() if p.stem == gold["doc_id"] and p != gold_file)
        text = read_document(document).text
        ids = {e["id"] for e in gold["entities"]}
        for relation in gold["relations"]:
            assert relation["evidence"] in text, (gold["doc_id"], relation["evidence"])
            assert {relation["source"], relation["target"]} <= ids


def test_entity_f1(scores):
    assert scores["entity"]["overall"]["f1"] >= ENTITY_F1_FLOOR, scores["entity"]


def test_relation_f1(scores):
    assert scores["relation"]["overall"]["f1"] >= RELATION_F1_FLOOR, scores["relation"]
