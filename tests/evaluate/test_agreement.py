"""cellkg.evaluate agrees with the shared scorer (../shared/eval/score.py) on the seed corpus:
the predictions ``cellkg extract`` writes, and a damaged copy of them that exercises the matching
rules (dropped, retyped, respelt and duplicated entities, reversed relations)."""

from __future__ import annotations

import importlib.util
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from cellkg.evaluate import score_folders
from cellkg.evaluate.match import normalise
from tests.support.cli import run_cellkg

FIGURES = ("precision", "recall", "f1")


@pytest.fixture(scope="module")
def shared_scorer(shared_dir):
    spec = importlib.util.spec_from_file_location("shared_score", shared_dir / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def predictions(shared_dir, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seeds_pred")
    result = run_cellkg(None, "extract", str(shared_dir / "corpus"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def damaged(predictions: Path, into: Path) -> Path:
    rng = random.Random(7)
    into.mkdir()
    types = ["Therapy", "Target", "Disease", "Institution", "Researcher", "Trial"]
    for file in predictions.glob("*.json"):
        doc = json.loads(file.read_text(encoding="utf-8"))
        entities = [e for e in doc["entities"] if rng.random() > 0.15]
        for entity in entities:
            roll = rng.random()
            if roll < 0.1:
                entity["type"] = rng.choice(types)
            elif roll < 0.25:
                entity["name"] = f" {entity['name'].upper()}-_ "
            elif roll < 0.35:
                entity["aliases"] = []
        entities += [dict(e, id=f"{e['id']}_copy") for e in entities if rng.random() < 0.1]
        for relation in doc["relations"]:
            if rng.random() < 0.2:
                relation["source"], relation["target"] = relation["target"], relation["source"]
        doc["entities"] = entities
        (into / file.name).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return into


def assert_agree(ours: dict, theirs: dict) -> None:
    assert ours["documents"] == theirs["documents"]
    for kind in ("entity", "relation"):
        assert ours[kind]["by_type"].keys() == theirs[kind]["by_type"].keys()
        pairs = [(ours[kind]["overall"], theirs[kind]["overall"])]
        pairs += [(ours[kind]["by_type"][t], theirs[kind]["by_type"][t]) for t in theirs[kind]["by_type"]]
        pairs += [(ours["per_document"][d][kind], theirs["per_document"][d][kind]) for d in theirs["per_document"]]
        for mine, shared in pairs:
            assert [mine[c] for c in ("tp", "fp", "fn")] == [shared[c] for c in ("tp", "fp", "fn")], (
                kind,
                mine,
                shared,
            )
            assert all(abs(mine[f] - shared[f]) < 5e-4 for f in FIGURES), (kind, mine, shared)


def test_agrees_on_the_seed_predictions(shared_dir, shared_scorer, predictions):
    gold = shared_dir / "eval" / "seeds"
    ours = score_folders(gold, predictions)
    assert_agree(ours.as_dict(), shared_scorer.score(gold, predictions))
    assert ours.entity.overall.tp > 0 and ours.relation.overall.tp > 0
    assert ours.relation.overall.recall <= ours.ceiling.share <= 1.0


def test_agrees_on_damaged_predictions(shared_dir, shared_scorer, predictions, tmp_path):
    gold, worse = shared_dir / "eval" / "seeds", damaged(predictions, tmp_path / "damaged")
    ours = score_folders(gold, worse)
    assert_agree(ours.as_dict(), shared_scorer.score(gold, worse))
    assert ours.entity.overall.f1 < score_folders(gold, predictions).entity.overall.f1  # the damage shows


def test_the_command_ends_with_the_shared_scorers_summary_line(shared_dir, predictions):
    gold = shared_dir / "eval" / "seeds"
    ours = run_cellkg(None, "eval", str(gold), str(predictions))
    theirs = subprocess.run(
        [sys.executable, str(shared_dir / "eval" / "score.py"), str(gold), str(predictions)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ours.returncode == 0 == theirs.returncode, ours.stderr + theirs.stderr
    assert ours.stdout.splitlines()[-1] == theirs.stdout.splitlines()[-1]


@pytest.mark.parametrize(
    "text", ["ＣＤ１９", "CAR‐T (細胞)", "Ⅳ期", "Zhang_Minghui", "é", "e\u0301", "ﬁ", "①②", "٣", "\u00a0x"]
)
def test_names_normalise_as_the_shared_scorer_does(shared_scorer, text):
    assert normalise(text) == shared_scorer.norm(text)
