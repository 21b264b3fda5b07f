"""Collecting relations: signature checks, evidence with negation/hedging, confidence from config."""

from __future__ import annotations

from datetime import UTC, datetime

from cellkg.core.model import Evidence, Relation
from cellkg.core.schema import signature_allows
from cellkg.extract.config import RULE_VERSION, confidence
from cellkg.extract.context import DocContext
from cellkg.extract.triggers import HEDGE_EN, HEDGE_ZH, NEGATION_EN, NEGATION_ZH, cue


class RelationCollector:
    def __init__(self, ctx: DocContext, doc_id: str) -> None:
        self.ctx, self.doc_id = ctx, doc_id
        self.found: dict[tuple[str, str, str], list[Evidence]] = {}
        self.extracted_at = datetime.now(UTC).isoformat(timespec="seconds")
        self.rejected = 0

    def add(self, rel_type: str, source_key: str, target_key: str, sentence_index: int, rule: str) -> None:
        entities = self.ctx.entities
        if source_key == target_key or source_key not in entities or target_key not in entities:
            return
        # approving or reviewing a product is not developing it
        regulator_dev = rel_type == "DEVELOPS" and "regulator" in entities[source_key].flags
        if regulator_dev or not signature_allows(rel_type, entities[source_key].type, entities[target_key].type):
            self.rejected += 1
            return
        sentence = self.ctx.sentences[sentence_index]
        evidence = Evidence(
            doc_id=self.doc_id,
            sentence=sentence.text,
            char_start=sentence.start,
            char_end=sentence.end,
            rule=rule,
            rule_version=RULE_VERSION,
            confidence=confidence(rule),
            negated=is_negated(sentence.text),
            hedged=is_hedged(sentence.text),
            lang=self.ctx.lang,
            source=self.ctx.source,
            extracted_at=self.extracted_at,
        )
        bucket = self.found.setdefault((rel_type, source_key, target_key), [])
        if all(e.char_start != evidence.char_start or e.rule != rule for e in bucket):
            bucket.append(evidence)

    def relations(self) -> list[Relation]:
        return [Relation(t, s, o, tuple(ev)) for (t, s, o), ev in self.found.items()]


def is_negated(sentence: str) -> bool:
    return bool(cue(NEGATION_EN).search(sentence) or cue(NEGATION_ZH, "zh").search(sentence))


def is_hedged(sentence: str) -> bool:
    return bool(cue(HEDGE_EN).search(sentence) or cue(HEDGE_ZH, "zh").search(sentence))
