"""Training the relation scorer: labels follow FORMAT.md matching, the fit is deterministic, and retraining on
the repository's gold sets gives the model the extractor ships."""

from __future__ import annotations

import pytest

from cellkg.extract.learned.scorer import Scorer, shipped
from cellkg.train import build
from cellkg.train.dataset import ESTABLISHED_SETS, gold_sets
from cellkg.train.fit import fit
from tests.support.paths import REPO_ROOT

DATA = REPO_ROOT / "tests" / "data"


@pytest.fixture(scope="module")
def collected():
    return build.collect(DATA)


def test_the_established_sets_are_trained_on_and_unscored_sets_are_not(tmp_path):
    sets = gold_sets(DATA)
    assert set(ESTABLISHED_SETS) <= set(sets)
    (tmp_path / "new_set").mkdir()
    (tmp_path / "new_set" / "a.gold.json").write_text('{"doc_id": "a", "entities": [], "relations": []}')
    (tmp_path / "new_set" / "a.txt").write_text("Cell therapy notes")
    assert gold_sets(tmp_path) == {}  # no FIRST_SCORE.md yet: not scored, so not trained on
    (tmp_path / "new_set" / "FIRST_SCORE.md").write_text("first score")
    assert list(gold_sets(tmp_path)) == ["new_set"]


def test_labels_are_gold_relations(collected):
    _, data = collected
    examples = [e for name in ESTABLISHED_SETS for e in data[name]]
    positives = [e for e in examples if e.label]
    assert 0.2 < len(positives) / len(examples) < 0.8
    by_rule = [e for e in examples if e.by_rule]
    assert sum(e.label for e in by_rule) / len(by_rule) > 0.8  # the rules were written on these sets


def test_fitting_is_deterministic(collected):
    _, data = collected
    small = data["fresh2"] + data["fresh3"]
    first, second = fit(small, {}).to_json(), fit(small, {}).to_json()
    assert first == second
    assert Scorer.from_json(first).weights


def test_retraining_reproduces_the_shipped_model(collected):
    """The same data gives the same bytes; when the extractor's entities have drifted a little since the last
    ``cellkg train``, the weights may differ slightly but the decisions must stay the same."""
    sets, data = collected
    retrained, model = build.train(sets, data), shipped()
    if retrained.to_json() == model.to_json():
        return
    assert retrained.meta["sets"] == model.meta["sets"], "gold sets changed: run `make train`"
    examples = [e for name in sorted(data) for e in data[name]]
    same = sum(
        (retrained.probability(e.features) >= retrained.threshold) == (model.probability(e.features) >= model.threshold)
        for e in examples
    )
    assert same / len(examples) >= 0.97, "the shipped model is stale: run `make train`"
