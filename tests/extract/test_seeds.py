"""The whole extractor over the shared seed corpus (../shared, beside the clone), scored by cellkg.evaluate."""

from __future__ import annotations

import json

import pytest

from cellkg.evaluate import score_folders
from cellkg.extract import extract_document, iter_document_paths, read_document, to_format_json


@pytest.fixture(scope="module")
def scores(shared_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("pred")
    for path in iter_document_paths([shared_dir / "corpus"]):
        result = extract_document(read_document(path))
        (out / f"{path.stem}.json").write_text(json.dumps(to_format_json(result), ensure_ascii=False), encoding="utf-8")
    return score_folders(shared_dir / "eval" / "seeds", out)


def test_entity_f1(scores):
    assert scores.entity.overall.f1 >= 0.90, scores.as_dict()["entity"]


def test_relation_f1(scores):
    assert scores.relation.overall.f1 >= 0.75, scores.as_dict()["relation"]
