"""The whole extractor over the shared seed corpus, scored by the shared scorer."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from cellkg.extract import extract_document, iter_document_paths, read_document, to_format_json

SHARED = Path(__file__).parents[1].parent / "shared"


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    if not (SHARED / "corpus").is_dir() or not (SHARED / "eval" / "seeds").is_dir():
        pytest.skip(f"shared seed corpus not found at {SHARED}")
    spec = importlib.util.spec_from_file_location("seed_score", SHARED / "eval" / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    out = tmp_path_factory.mktemp("pred")
    for path in iter_document_paths([SHARED / "corpus"]):
        result = extract_document(read_document(path))
        (out / f"{path.stem}.json").write_text(json.dumps(to_format_json(result), ensure_ascii=False), encoding="utf-8")
    return scorer.score(SHARED / "eval" / "seeds", out)


def test_entity_f1(scores):
    assert scores["entity"]["overall"]["f1"] >= 0.90


def test_relation_f1(scores):
    assert scores["relation"]["overall"]["f1"] >= 0.75
