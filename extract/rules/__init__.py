"""The rule table (extract/rules/rules.tsv): every rule id the extractor uses, with its confidence.

A rule id reads ``<lang|any>.<area>.<name>``. Each row gives the id, its kind (``mention`` or
``relation``), the relation type a relation rule produces (``*`` for the learned decision, which may produce
any; its confidence is a floor under the scorer's threshold), its confidence (empty for mention rules that
copy the confidence of the mention they extend), the language it is written for, and an example text
with the names the rule should yield from it (source and target; for mention rules only the source).
Asking for an id that is not in the table raises: there is no silent default.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from cellkg.core.schema import RELATION_TYPES

KINDS = ("mention", "relation")
ANY_RELATION = "*"  # the learned decision's row: it may produce any relation type
_COLUMNS = ("id", "kind", "relation", "confidence", "lang", "example", "source", "target")


class UnknownRule(KeyError):
    """A rule id that is not in rules.tsv."""


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    kind: str
    relation: str  # the relation type of a relation rule ("*": any, the learned decision), "" for mention rules
    confidence: float | None  # None: the mention keeps the confidence of the mention it copies
    lang: str
    example: str  # line breaks written as \n in the file
    source: str
    target: str


def _rule(cells: list[str]) -> Rule:
    if len(cells) != len(_COLUMNS):
        raise ValueError(f"rules.tsv: {cells[:1]} has {len(cells)} columns, expected {_COLUMNS}")
    id_, kind, relation, confidence, lang, example, source, target = cells
    relation_ok = relation in RELATION_TYPES or relation == ANY_RELATION
    if kind not in KINDS or (kind == "relation") != relation_ok or lang not in ("en", "zh", "any"):
        raise ValueError(f"rules.tsv: {id_}: bad kind {kind!r}, relation {relation!r} or lang {lang!r}")
    value = float(confidence) if confidence else None
    if value is None and kind == "relation" or value is not None and not 0 < value <= 1:
        raise ValueError(f"rules.tsv: {id_}: confidence {confidence!r} must be in (0, 1]")
    return Rule(id_, kind, relation, value, lang, example.replace("\\n", "\n"), source, target)


@cache
def rule_table() -> dict[str, Rule]:
    table: dict[str, Rule] = {}
    text = (files("cellkg.extract") / "rules" / "rules.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            rule = _rule(line.split("\t"))
            if rule.id in table:
                raise ValueError(f"rules.tsv: {rule.id} appears twice")
            table[rule.id] = rule
    return table


def rule(rule_id: str) -> Rule:
    try:
        return rule_table()[rule_id]
    except KeyError:
        raise UnknownRule(f"rule {rule_id!r} is not in extract/rules/rules.tsv") from None


@cache
def confidence(rule_id: str) -> float:
    value = rule(rule_id).confidence
    if value is None:
        raise ValueError(f"rule {rule_id!r} copies its confidence from another mention; it has none of its own")
    return value
