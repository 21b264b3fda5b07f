"""Traditional Chinese is matched through a Simplified copy; spans and evidence stay on the original."""

from __future__ import annotations

from cellkg import extract
from cellkg.extract.read.traditional import simplified_copy

TRADITIONAL = "北京大學醫院血液科主任李明教授團隊研發的CD19 CAR-T細胞療法，用於治療多發性骨髓瘤。"


def test_simplified_copy_keeps_every_offset():
    copy = simplified_copy(TRADITIONAL)
    assert copy is not None and len(copy) == len(TRADITIONAL)
    assert "医院" in copy and "醫院" not in copy
    assert simplified_copy("北京大学医院") is None  # already Simplified: nothing to do


def test_traditional_document_gives_the_same_entities_with_original_spans():
    result = extract.extract_text(TRADITIONAL, name="t", lang="zh")
    simplified = extract.extract_text(simplified_copy(TRADITIONAL), name="s", lang="zh")
    assert {(e.type, e.key) for e in result.entities} == {(e.type, e.key) for e in simplified.entities}
    assert result.entities and result.relations
    for mention in result.mentions:
        assert mention.text == TRADITIONAL[mention.char_start : mention.char_end]
    for relation in result.relations:
        for evidence in relation.evidence:
            assert evidence.sentence == TRADITIONAL[evidence.char_start : evidence.char_end]
    aliases = {a for e in result.entities for a in e.aliases}
    assert {"北京大學", "多發性骨髓瘤"} <= aliases  # the original forms are kept as aliases
