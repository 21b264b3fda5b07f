"""The whole extractor over our hand-annotated gold sets in tests/data/, scored by cellkg.evaluate.

Each set was annotated by hand *before* the extractor saw it and scored once (the "first" figures:
the honest estimate for unseen text at that time); later rule versions were tuned on the first four.
Since 0.8.0 the relation scorer (extract/learned) is trained on every set here, so "now" is a training
score; the honest one is leave-one-set-out (`cellkg train --loso`, docs/extraction.md). Floors sit a
little under the current figures so that a regression fails.

| set             | what it is                           | first score | now (0.9.0) | LOSO (0.9.0) |
|-----------------|--------------------------------------|-------------|-------------|--------------|
| heldout         | example corpus copies + five of ours | 0.888/0.558 | 0.986/0.913 | 0.986/0.905  |
| fresh           | eight in the styles of real sources  | 0.866/0.479 | 0.970/0.821 | 0.970/0.803  |
| fresh2          | hospital release, abstract, PR       | 0.835/0.486 | 0.982/0.928 | 0.981/0.928  |
| fresh3          | IIT news, pipeline update, review    | 0.867/0.466 | 0.992/0.889 | 0.992/0.872  |
| fresh4          | tourism page, zh blog, hospital news | 0.917/0.579 | 0.954/0.618 | 0.954/0.602  |
| abstracts       | abstracts with author blocks         | 0.615/0.318 | 0.853/0.764 | 0.850/0.750  |
| press_registry  | press releases, registry summaries   | 0.748/0.366 | 0.846/0.543 | 0.845/0.540  |
| zh_journal_news | Chinese journal and hospital news    | 0.756/0.327 | 0.857/0.755 | 0.857/0.474  |
| news_mixed      | news, 5 English + 5 Chinese (0.8.0)  | 0.726/0.290 | 0.892/0.604 | 0.888/0.543  |

0.9.0's entity patterns were written after reading news_mixed's misses (by kind, never by name), so no set
here is unseen any more: its LOSO figure no longer estimates new text. fresh4's relation floor went down
(0.62 to 0.60) with that release: the refit scorer's threshold rose (0.50 to 0.75) and dropped three of its
learned relations, against news_mixed's 0.344 to 0.604.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cellkg.evaluate import score_folders
from cellkg.extract import extract_document, read_document, to_format_json
from tests.support.paths import REPO_ROOT

DATA = REPO_ROOT / "tests" / "data"
FLOORS = {  # set -> (entity F1, relation F1)
    "heldout": (0.96, 0.89),
    "fresh": (0.95, 0.81),
    "fresh2": (0.95, 0.89),
    "fresh3": (0.96, 0.86),
    "fresh4": (0.92, 0.60),
    "abstracts": (0.81, 0.71),
    "press_registry": (0.80, 0.52),
    "zh_journal_news": (0.80, 0.71),
    "news_mixed": (0.86, 0.57),
}
PER_DOCUMENT_ENTITY_FLOOR = {"heldout": 0.8}


def documents(folder: Path) -> list[Path]:
    """The documents that have a gold file (notes such as FIRST_SCORE.md and SOURCES.md are not documents)."""
    return [
        p
        for p in sorted(folder.iterdir())
        if not p.name.endswith(".gold.json") and (folder / f"{p.stem}.gold.json").exists()
    ]


@pytest.fixture(scope="module", params=sorted(FLOORS))
def scored(request, tmp_path_factory):
    folder = DATA / request.param
    out = tmp_path_factory.mktemp(f"{request.param}_pred")
    paths = documents(folder)
    assert len(paths) == len(list(folder.glob("*.gold.json"))) >= 3
    for path in paths:
        result = extract_document(read_document(path))
        (out / f"{path.stem}.json").write_text(json.dumps(to_format_json(result), ensure_ascii=False), encoding="utf-8")
    return request.param, score_folders(folder, out).as_dict()


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_gold_evidence_is_in_the_documents(name):
    folder = DATA / name
    for gold_file in folder.glob("*.gold.json"):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        document = next(p for p in documents(folder) if p.stem == gold["doc_id"])
        text = read_document(document).text
        ids = {e["id"] for e in gold["entities"]}
        for relation in gold["relations"]:
            assert relation["evidence"] in text, (gold["doc_id"], relation["evidence"])
            assert {relation["source"], relation["target"]} <= ids


def test_entity_and_relation_f1_stay_above_the_floors(scored):
    name, scores = scored
    entity_floor, relation_floor = FLOORS[name]
    assert scores["entity"]["overall"]["f1"] >= entity_floor, (name, scores["entity"])
    assert scores["relation"]["overall"]["f1"] >= relation_floor, (name, scores["relation"])
    floor = PER_DOCUMENT_ENTITY_FLOOR.get(name)
    if floor is not None:
        assert all(doc["entity"]["f1"] >= floor for doc in scores["per_document"].values()), scores["per_document"]
