"""Trials: registry ids (NCT, ChiCTR, CTR, EudraCT), phase N trials, first-in-human and large-scale
studies, "<product> clinical data/trial", in English and Chinese. Generic "clinical trials" mentions are
flagged ``generic``; resolution keeps them only as aliases of the document's single identified trial.
"""
from __future__ import annotations

import re

from extract.candidates import Candidate, make_candidate
from extract.config import confidence

_REGISTRY = re.compile(r"(?<![A-Za-z0-9])(NCT\d{8}|ChiCTR-?[A-Z]{0,4}-?\d{6,10}|CTR\d{8}|ISRCTN\d{8}|jRCT\d{10}|"
                       r"EudraCT\s*(?:No\.?\s*)?\d{4}-\d{6}-\d{2})")
_PHASE_EN = re.compile(r"(?:clinical\s+)?phase\s*(?:I{1,3}V?|IV|[1-4])(?:[ab])?(?:\s*/\s*(?:I{1,3}|[1-4])[ab]?)?"
                       r"\s+(?:clinical\s+)?(?:trials?|stud(?:y|ies))", re.I)
_NAMED_EN = re.compile(r"(?:first-in-human|first\s+in\s+human|large-scale|pivotal|registrational|multicenter|multicentre|"
                       r"randomi[sz]ed|confirmatory)\s+(?:clinical\s+)?(?:trials?|stud(?:y|ies)|research)", re.I)
_PRODUCT_TRIAL = re.compile(r"(?<![A-Za-z0-9-])([A-Z]{2,5}-?\d{2,6}[A-Z]?)(?:\s+clinical)?\s+(?:trial|study)|"
                            r"([A-Z]{2,5}-?\d{2,6}[A-Z]?)临床(?=数据|试验|研究)")
_PHASE_ZH = re.compile(r"(?:\d{4}年)?(?:临床)?(?:I{1,3}|IV|[1-4]|一|二|三)(?:/(?:I{1,3}|[1-4]))?期(?:临床)?(?:试验|研究)")
_NAMED_ZH = re.compile(r"首个人体临床试验|首次人体(?:临床)?试验|人体临床试验|大规模临床(?:试验|研究)|注册临床试验|关键性临床试验")
_GENERIC = re.compile(r"clinical\s+(?:trials?|research|stud(?:y|ies))|临床试验|临床研究", re.I)


def find_trials(text: str, start: int, end: int) -> list[Candidate]:
    segment, found = text[start:end], []
    for match in _REGISTRY.finditer(segment):
        found.append(make_candidate(text, "Trial", start + match.start(1), start + match.end(1), "any.trial.registry",
                                    confidence("any.trial.registry"), key=f"Trial:{match.group(1).lower()}"))
    for pattern, rule in ((_PHASE_EN, "en.trial.phase"), (_NAMED_EN, "en.trial.named"), (_PHASE_ZH, "zh.trial.phase"),
                          (_NAMED_ZH, "zh.trial.named"), (_PRODUCT_TRIAL, "any.trial.product")):
        found.extend(make_candidate(text, "Trial", start + m.start(), start + m.end(), rule, confidence(rule))
                     for m in pattern.finditer(segment))
    found.extend(make_candidate(text, "Trial", start + m.start(), start + m.end(), "any.trial.generic", 0.3,
                                flags=frozenset({"generic"})) for m in _GENERIC.finditer(segment))
    return found
