"""Collecting relations: signature checks, evidence with negation/hedging, confidence from the rule table."""

from __future__ import annotations

from datetime import UTC, datetime

from cellkg.core.model import Evidence, Relation
from cellkg.core.schema import signature_allows
from cellkg.extract.config import RULE_VERSION
from cellkg.extract.lexicon.words import has_cue
from cellkg.extract.mentions.candidate import Flag
from cellkg.extract.relations.context import DocContext
from cellkg.extract.rules import ANY_RELATION, rule
from cellkg.extract.rules import confidence as rule_confidence


class RelationCollector:
    def __init__(self, ctx: DocContext, doc_id: str) -> None:
        self.ctx, self.doc_id = ctx, doc_id
        self.found: dict[tuple[str, str, str], list[Evidence]] = {}
        self.extracted_at = datetime.now(UTC).isoformat(timespec="seconds")
        self.rejected = 0

    def add(
        self,
        rel_type: str,
        source_key: str,
        target_key: str,
        sentence_index: int,
        rule_id: str,
        *,
        confidence: float | None = None,
        label: str = "",
    ) -> None:
        """Add evidence for a relation; the learned decision passes its probability and its ``label`` (the rule
        id with the features that fired), which the evidence then carries as its rule."""
        if rule(rule_id).relation not in (rel_type, ANY_RELATION):  # a rule id is a claim about one relation type
            raise ValueError(f"rule {rule_id!r} does not produce {rel_type}")
        entities = self.ctx.entities
        if source_key == target_key or source_key not in entities or target_key not in entities:
            return
        # approving or reviewing a product is not developing it
        regulator_dev = rel_type == "DEVELOPS" and Flag.REGULATOR in entities[source_key].flags
        if regulator_dev or not signature_allows(rel_type, entities[source_key].type, entities[target_key].type):
            self.rejected += 1
            return
        sentence = self.ctx.sentences[sentence_index]
        evidence = Evidence(
            doc_id=self.doc_id,
            sentence=sentence.text,
            char_start=sentence.start,
            char_end=sentence.end,
            rule=label or rule_id,
            rule_version=RULE_VERSION,
            confidence=rule_confidence(rule_id) if confidence is None else confidence,
            negated=has_cue("negation", sentence.text),
            hedged=has_cue("hedge", sentence.text),
            lang=self.ctx.lang,
            source=self.ctx.source,
            extracted_at=self.extracted_at,
        )
        bucket = self.found.setdefault((rel_type, source_key, target_key), [])
        if all(e.char_start != evidence.char_start or e.rule != evidence.rule for e in bucket):
            bucket.append(evidence)

    def sources_of(self, rel_type: str, target_key: str) -> list[str]:
        """Sources found so far for ``rel_type`` into ``target_key`` (what a trial tests)."""
        return [s for (t, s, o) in self.found if t == rel_type and o == target_key]

    def targets_of(self, rel_type: str, source_keys: set[str] | None = None) -> list[str]:
        """Targets found so far for ``rel_type``, from any source or from ``source_keys``."""
        return [o for (t, s, o) in self.found if t == rel_type and (source_keys is None or s in source_keys)]

    def relations(self) -> list[Relation]:
        # sorted: rules meet candidates in set order, which varies with the string hash seed between processes
        return [
            Relation(t, s, o, tuple(sorted(ev, key=lambda e: (e.char_start, e.char_end, e.rule))))
            for (t, s, o), ev in sorted(self.found.items())
        ]
