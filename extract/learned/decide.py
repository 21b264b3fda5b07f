"""The learned decision: every candidate pair scored, relations added where the rules did not find them.

Contexts (``pairs``) are grouped by entity pair; a pair's features are the union of its contexts'
(``features``) plus what the rules said of it. A pair that a rule found stays (rules are the
high-precision shortcut); any other pair whose probability reaches the model's threshold (never below the
confidence of ``any.learned`` in rules.tsv), and whose best
sentence holds no negation cue, becomes a
relation with the rule id ``any.learned`` written as ``any.learned[top,features]``, its
evidence the sentence of the context that scores highest and its confidence the probability.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from cellkg.core.schema import SYMMETRIC_RELATIONS
from cellkg.extract.learned import features, pairs, scorer
from cellkg.extract.lexicon.words import has_cue
from cellkg.extract.relations.collector import RelationCollector
from cellkg.extract.relations.context import DocContext
from cellkg.extract.rules import confidence as rule_confidence

LEARNED_RULE = "any.learned"  # rules.tsv: relation "*"; its confidence is the floor under any model's threshold


@dataclass
class Pair:
    """One candidate relation: its features, where it is best stated, what the rules and the model said."""

    rel_type: str
    source_key: str
    target_key: str
    features: set[str] = field(default_factory=set)
    index: int = -1  # sentence of the best-scoring context
    best_margin: float = float("-inf")
    contexts: int = 0
    probability: float = 0.0
    by_rule: bool = False

    @property
    def key(self) -> tuple[str, str, str]:
        return self.rel_type, self.source_key, self.target_key


def _pair_key(c: pairs.Context) -> tuple[str, str, str]:
    s, t = c.source.entity_key, c.target.entity_key
    if c.rel_type in SYMMETRIC_RELATIONS and t < s:
        s, t = t, s
    return c.rel_type, s, t


def _rule_features(out: RelationCollector, pair: Pair) -> set[str]:
    found = list(out.found.get(pair.key, []))
    if pair.rel_type in SYMMETRIC_RELATIONS:
        found += out.found.get((pair.rel_type, pair.target_key, pair.source_key), [])
    names = {f"rule:{e.rule}" for e in found}
    if names:
        names.add("rule:any")
    if any(o != pair.target_key for o in out.targets_of(pair.rel_type, {pair.source_key})):
        names.add("src:has_other")
    if any(s != pair.source_key for s in out.sources_of(pair.rel_type, pair.target_key)):
        names.add("tgt:has_other")
    return names


def score_pairs(ctx: DocContext, out: RelationCollector, model: scorer.Scorer) -> list[Pair]:
    """Every candidate pair of the document with its features and probability, in a stable order."""
    found: dict[tuple[str, str, str], Pair] = {}
    cues = features.SentenceCues(ctx)
    headline = ctx.sentences[0].line if ctx.sentences else -1
    authors = pairs.author_lines(ctx)
    for c in pairs.contexts(ctx):
        key = _pair_key(c)
        pair = found.get(key) or found.setdefault(key, Pair(*key))
        names = features.typed(c.rel_type, features.context_features(ctx, c, cues, headline, authors))
        margin = model.margin(names)
        pair.features |= names
        pair.contexts += 1
        if margin > pair.best_margin:
            pair.best_margin, pair.index = margin, c.index
    counted: defaultdict[str, int] = defaultdict(int)
    for pair in found.values():
        counted[pair.rel_type] += 1
    for pair in found.values():
        rule_names = _rule_features(out, pair)
        pair.by_rule = "rule:any" in rule_names
        extra = rule_names | {f"contexts:{min(pair.contexts, 3)}", "alone" if counted[pair.rel_type] == 1 else ""}
        extra.discard("")
        pair.features |= features.typed(pair.rel_type, extra)
        pair.probability = model.probability(pair.features)
    return [found[key] for key in sorted(found)]


def decide(ctx: DocContext, out: RelationCollector) -> list[Pair]:
    """Add the pairs the model accepts to ``out``; return every scored pair (training reads them)."""
    model = scorer.active()
    threshold = max(model.threshold, rule_confidence(LEARNED_RULE))
    scored = score_pairs(ctx, out, model)
    for pair in scored:
        if pair.by_rule or pair.probability < threshold or has_cue("negation", ctx.sentences[pair.index].text):
            continue  # a rule's pair is already in; a negated sentence states no relation
        label = f"{LEARNED_RULE}[{','.join(model.top_features(pair.features))}]"
        out.add(
            pair.rel_type,
            pair.source_key,
            pair.target_key,
            pair.index,
            LEARNED_RULE,
            confidence=round(pair.probability, 4),
            label=label,
        )
    return scored
