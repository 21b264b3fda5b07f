"""Every tunable of the extractor in one place: versions, rule confidences, thresholds.

A rule id reads ``<lang|any>.<area>.<name>``; its confidence comes from ``RULE_CONFIDENCE``
(falling back to ``DEFAULT_CONFIDENCE``). Bump ``RULE_VERSION`` whenever a rule's behaviour
changes, so that evidence written by an older rule can be told apart in the graph.
"""
from __future__ import annotations

EXTRACTOR_VERSION = "cellkg-extract 0.3.0"
RULE_VERSION = "2026.11.3"

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_BYTES_DEFAULT = 20_000_000
CJK_LANG_THRESHOLD = 0.5  # share of Chinese words (CJK chars / 1.5) among all words that makes a document "zh"
MAX_TITLE_CHARS = 200
MAX_SENTENCE_GAP = 2  # sentences back that anaphora ("the center", "该疗法") may reach

DEFAULT_CONFIDENCE = 0.6
RULE_CONFIDENCE: dict[str, float] = {
    # relations
    "en.aff.of_pattern": 0.85,
    "en.aff.title_from": 0.85,
    "en.aff.bio_paragraph": 0.7,
    "en.aff.role_previous": 0.5,
    "any.aff.footnote": 0.9,
    "any.aff.contained": 0.75,
    "zh.aff.org_role_name": 0.85,
    "any.dev.trigger": 0.7,
    "any.dev.team": 0.6,
    "any.dev.contained": 0.6,
    "any.tgt.composed": 0.95,
    "any.tgt.trigger": 0.7,
    "any.trt.local": 0.85,
    "any.trt.trigger": 0.65,
    "any.trt.anaphora": 0.5,
    "any.tst.sentence": 0.65,
    "any.tst.focus": 0.45,
    "any.cnd.trigger": 0.6,
    "any.cnd.team": 0.5,
    "any.stu.sentence": 0.6,
    "any.col.joint": 0.8,
    # mentions
    "any.lex": 0.95,
    "any.lex.context": 0.7,
}


def confidence(rule: str) -> float:
    return RULE_CONFIDENCE.get(rule, DEFAULT_CONFIDENCE)
