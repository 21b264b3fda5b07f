"""Every tunable of the extractor in one place: versions, rule confidences, thresholds.

A rule id reads ``<lang|any>.<area>.<name>``; its confidence comes from ``RULE_CONFIDENCE``
(falling back to ``DEFAULT_CONFIDENCE``). Bump ``RULE_VERSION`` whenever a rule's behaviour
changes, so that evidence written by an older rule can be told apart in the graph.
"""

from __future__ import annotations

EXTRACTOR_VERSION = "cellkg-extract 0.6.0"
RULE_VERSION = "2026.11.8"

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")
MAX_BYTES_DEFAULT = 20_000_000
CJK_LANG_THRESHOLD = 0.5  # share of Chinese words (CJK chars / 1.5) among all words that makes a document "zh"
MAX_TITLE_CHARS = 200

DEFAULT_CONFIDENCE = 0.6
RULE_CONFIDENCE: dict[str, float] = {
    # relations
    "en.aff.of_pattern": 0.85,
    "en.aff.bio_paragraph": 0.7,
    "en.aff.role_previous": 0.5,
    "en.aff.where": 0.75,
    "any.aff.pronoun": 0.6,
    "any.aff.footnote": 0.9,
    "any.aff.contained": 0.75,
    "any.aff.bracket": 0.8,
    "zh.aff.org_role_name": 0.85,
    "any.dev.trigger": 0.7,
    "any.dev.contained": 0.6,
    "any.dev.passive": 0.8,
    "any.dev.possessive": 0.7,
    "any.dev.anaphora": 0.5,
    "any.dev.counted": 0.6,
    "any.dev.pipeline": 0.55,
    "any.dev.collab_goal": 0.65,
    "zh.dev.after": 0.65,
    "any.col.counted": 0.6,
    "any.cnd.investigator": 0.6,
    "any.tgt.composed": 0.95,
    "any.tgt.trigger": 0.7,
    "any.tgt.apposition": 0.75,
    "any.trt.local": 0.85,
    "any.trt.trigger": 0.65,
    "any.trt.anaphora": 0.5,
    "any.trt.list": 0.5,
    "any.trt.trial": 0.55,
    "any.tst.sentence": 0.65,
    "any.tst.focus": 0.45,
    "any.cnd.trigger": 0.6,
    "any.cnd.team": 0.5,
    "any.cnd.sponsor": 0.6,
    "any.stu.sentence": 0.6,
    "any.stu.outcome": 0.5,
    "any.trt.outcome": 0.5,
    "any.col.joint": 0.8,
    # mentions
    "any.lex": 0.95,
    "any.lex.context": 0.7,
    "any.trial.registry": 0.95,
    "any.trial.acronym": 0.85,
    "en.per.footnote": 0.75,
    "en.per.group": 0.7,
    "zh.inst.department": 0.7,
}


def confidence(rule: str) -> float:
    return RULE_CONFIDENCE.get(rule, DEFAULT_CONFIDENCE)
