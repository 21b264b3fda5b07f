"""The rule table against the code: every rule id used in extract/ is in rules.tsv exactly once, every row is
used, and every relation rule yields its own example's relation with its id in the evidence (the learned
decision writes its id with the features that fired: ``any.learned[...]``)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from cellkg.extract import extract_text
from cellkg.extract.rules import ANY_RELATION, UnknownRule, confidence, rule_table

EXTRACT = Path(__file__).resolve().parents[2] / "extract"
RULE_ID = re.compile(r"^(?:any|en|zh)\.[a-z]+(?:\.[a-z_]+)?$")
TABLE_LINES = [
    line.split("\t")[0]
    for line in (EXTRACT / "rules" / "rules.tsv").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


def rule_ids_in_code() -> set[str]:
    """String literals shaped like rule ids in the extractor's source."""
    found = set()
    for path in EXTRACT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and RULE_ID.match(node.value):
                found.add(node.value)
    return found


def test_every_rule_id_in_code_is_in_the_table_exactly_once():
    assert len(TABLE_LINES) == len(set(TABLE_LINES))
    assert rule_ids_in_code() - set(TABLE_LINES) == set()


def test_every_table_row_is_used_in_code():
    assert set(TABLE_LINES) - rule_ids_in_code() == set()


def test_an_unknown_rule_raises():
    with pytest.raises(UnknownRule):
        confidence("any.nothing.here")


RELATION_RULES = sorted(r.id for r in rule_table().values() if r.kind == "relation")


@pytest.mark.parametrize("rule_id", RELATION_RULES)
def test_relation_rule_fires_on_its_example(rule_id):
    rule = rule_table()[rule_id]
    result = extract_text(rule.example, lang=None if rule.lang == "any" else rule.lang)
    names = {e.key: e.name for e in result.entities}
    fired = {
        (names[r.source_key], names[r.target_key])
        for r in result.relations
        if rule.relation in (r.type, ANY_RELATION) and rule_id in {e.rule.split("[")[0] for e in r.evidence}
    }
    expected = {(rule.source, rule.target)}
    if rule.relation == "COLLABORATES_WITH":  # symmetric: either direction
        expected.add((rule.target, rule.source))
    assert fired & expected, f"{rule_id} gave {fired} on {rule.example!r}"


MENTION_RULES = sorted(r.id for r in rule_table().values() if r.kind == "mention" and r.source)


@pytest.mark.parametrize("rule_id", MENTION_RULES)
def test_mention_rule_finds_its_example(rule_id):
    rule = rule_table()[rule_id]
    result = extract_text(rule.example, lang=None if rule.lang == "any" else rule.lang)
    names = {e.key: e.name for e in result.entities}
    assert rule.source in {names[m.entity_key] for m in result.mentions if m.rule == rule_id}
