"""The learned decision: candidate pairs and their features on sentences we wrote, the scorer's file, and
relations that only the learned path finds."""

from __future__ import annotations

import json

import pytest

from cellkg.extract import EXTRACTOR_VERSION, build_pipeline, extract_text
from cellkg.extract.learned import scorer
from cellkg.extract.learned.decide import LEARNED_RULE
from cellkg.extract.rules import rule

RULES_ONLY = scorer.Scorer(weights={}, intercept=0.0, threshold=2.0)  # accepts nothing: the rules alone


def pairs_of(text: str) -> dict[tuple[str, str, str], set[str]]:
    state = build_pipeline("en")(text)._.cellkg
    return {pair.key: pair.features for pair in state.pairs}


def relations(text: str) -> dict[tuple[str, str, str], set[str]]:
    result = extract_text(text, lang="en")
    names = {e.key: e.name for e in result.entities}
    return {(r.type, names[r.source_key], names[r.target_key]): {e.rule for e in r.evidence} for r in result.relations}


def test_a_possessive_between_maker_and_product_is_a_feature():
    features = pairs_of("Cell therapy notes\nVelora Bio's VX-512 CAR-T cells showed activity.")
    assert "DEVELOPS|poss" in features["DEVELOPS", "Institution:velorabio", "Therapy:vx512"]
    assert "poss" not in features["DEVELOPS", "Institution:velorabio", "Therapy:cart"]


def test_author_numbers_decide_which_affiliation_line_matches():
    features = pairs_of("Cell therapy notes\nMara Linden1, Oskar Brandt2\n1 Quillmont University, Tarnby\n2 Velora Bio")
    assert "block:note_match" in features["AFFILIATED_WITH", "Researcher:maralinden", "Institution:quillmontuniversity"]
    assert "block:note_other" in features["AFFILIATED_WITH", "Researcher:maralinden", "Institution:velorabio"]
    assert "block:note_match" in features["AFFILIATED_WITH", "Researcher:oskarbrandt", "Institution:velorabio"]


def test_rule_hits_trigger_words_and_distance_are_features():
    features = pairs_of("Cell therapy notes\nThe ORCA-7 study enrolled adults with lymphoma at Quillmont University.")
    studies = features["STUDIES", "Trial:orca7", "Disease:lymphoma"]
    assert {"rule:any", "reach:same", "order:st", "lang:en", "between:0"} <= studies
    assert any(name.startswith("rule:any.") for name in studies)
    assert {"in:trial_site", "between:1"} <= features["CONDUCTED_AT", "Trial:orca7", "Institution:quillmontuniversity"]


def test_the_learned_path_finds_a_relation_no_rule_has():
    example = rule(LEARNED_RULE).example  # "X said its Y showed activity in Z": no rule has that shape
    with scorer.using(RULES_ONLY):
        assert not any(kind == "TREATS" for kind, _, _ in relations(example))
    found = relations(example)[("TREATS", "VX-512", "systemic lupus erythematosus")]
    assert all(r.startswith(f"{LEARNED_RULE}[") for r in found), found
    (evidence,) = next(r for r in extract_text(example, lang="en").relations if r.type == "TREATS").evidence
    assert scorer.shipped().threshold <= evidence.confidence < 1


def test_no_model_threshold_goes_below_the_floor_in_the_rule_table():
    example = rule(LEARNED_RULE).example
    with scorer.using(scorer.Scorer(weights={}, intercept=0.0, threshold=0.1)):  # every pair at p = 0.5
        assert relations(example).get(("TREATS", "VX-512", "systemic lupus erythematosus"))
    with scorer.using(scorer.Scorer(weights={}, intercept=-0.1, threshold=0.1)):  # p just under the 0.5 floor
        assert ("TREATS", "VX-512", "systemic lupus erythematosus") not in relations(example)


def test_a_negated_sentence_gives_no_learned_relation():
    assert relations("Cell therapy notes\nKymriah is not approved for lupus.") == {}


def test_the_shipped_model_loads_for_this_extractor_version():
    model = scorer.shipped()
    assert model.extractor_version == EXTRACTOR_VERSION
    assert model.weights and 0 < model.threshold < 1
    assert scorer.Scorer.from_json(model.to_json()).to_json() == model.to_json()


def test_the_probability_is_a_sigmoid_of_a_dot_product():
    model = scorer.Scorer(weights={"a": 1.0, "b": -0.5}, intercept=0.25, threshold=0.5)
    assert model.margin(["a", "b", "unknown"]) == pytest.approx(0.75)
    assert model.probability(["a", "b"]) == pytest.approx(1 / (1 + 2.718281828459045**-0.75))
    assert model.top_features(["DEVELOPS|a", "b", "DEVELOPS|bias"]) == []  # only weights of features it knows


def test_a_model_of_another_extractor_version_is_refused(tmp_path, monkeypatch):
    body = json.loads(scorer.shipped().to_json()) | {"extractor_version": "cellkg-extract 0.0.1"}
    stale = scorer.Scorer.from_json(json.dumps(body))
    assert stale.extractor_version != EXTRACTOR_VERSION
    monkeypatch.setattr(scorer, "files", lambda _package: tmp_path)
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / scorer.MODEL_FILE).write_text(stale.to_json(), encoding="utf-8")
    scorer.shipped.cache_clear()
    try:
        with pytest.raises(ValueError, match="cellkg train"):
            scorer.shipped()
    finally:
        monkeypatch.undo()
        scorer.shipped.cache_clear()
