"""The scorer's rules on hand-made cases (FORMAT.md): normalised names, aliases, types, one-to-one
matching, direction, documents without predictions, the relation ceiling."""

from __future__ import annotations

import pytest

from cellkg.core.errors import InputError
from cellkg.evaluate import report_lines, score_folders
from cellkg.evaluate.match import match_entities, normalise, relation_keys
from tests.support.gold import SUMMARY, write_example


@pytest.mark.parametrize(
    "raw, normal",
    [
        ("ＣＤ１９", "cd19"),
        ("B-cell  lymphoma_", "bcelllymphoma"),
        ("Straße", "strasse"),
        ("张 明辉。", "张明辉"),
        ("--", ""),
    ],
)
def test_names_compare_after_nfkc_casefold_and_without_punctuation(raw, normal):
    assert normalise(raw) == normal


def test_example_counts_micro_averaged_over_documents(tmp_path):
    write_example(tmp_path / "gold", tmp_path / "pred")
    scores = score_folders(tmp_path / "gold", tmp_path / "pred")
    entity, relation = scores.entity.overall, scores.relation.overall
    assert (entity.tp, entity.fp, entity.fn) == (4, 1, 2)
    assert (relation.tp, relation.fp, relation.fn) == (2, 1, 2)
    assert scores.entity.by_type["Target"].fp == 1 and scores.entity.by_type["Therapy"].fn == 1
    assert scores.relation.by_type["COLLABORATES_WITH"].tp == 1  # predicted the other way round
    assert (scores.relation.by_type["DEVELOPS"].fp, scores.relation.by_type["DEVELOPS"].fn) == (1, 1)
    assert (scores.ceiling.reachable, scores.ceiling.gold) == (3, 4)
    assert scores.per_document["b"][0].fn == 2 and scores.per_document["b"][1].recall == 0.0
    assert report_lines(scores)[-1] == SUMMARY


def test_matching_prefers_the_stronger_pair_and_is_one_to_one():
    gold = [
        {"id": "e1", "type": "Therapy", "name": "Kymriah", "aliases": ["tisagenlecleucel"]},
        {"id": "e2", "type": "Therapy", "name": "tisagenlecleucel", "aliases": []},
    ]
    pred = [
        {"id": "p1", "type": "Therapy", "name": "tisagenlecleucel", "aliases": ["Kymriah"]},
        {"id": "p2", "type": "Therapy", "name": "Kymriah", "aliases": []},
        {"id": "p3", "type": "Therapy", "name": "Kymriah", "aliases": []},
    ]
    # p1 shares two names with e1 and one with e2, so it takes e1 though its name is e2's; p2 and
    # p3 could only be e1, which is taken: one gold entity is matched once
    assert match_entities(gold, pred) == {"p1": "e1"}


def test_unmatched_ends_never_match_a_gold_relation():
    gold = relation_keys([{"type": "TARGETS", "source": "e1", "target": "e2"}])
    pred = relation_keys([{"type": "TARGETS", "source": "p1", "target": "p2"}], {"p1": "e1"})
    assert gold.isdisjoint(pred)


def test_an_empty_gold_folder_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no \\*.gold.json files") as error:
        score_folders(tmp_path, tmp_path)
    assert error.value.hint
