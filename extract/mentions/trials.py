"""Trials: registry ids (NCT, ChiCTR, CTR, EudraCT), acronym-named studies ("ORCHID-2 study", "注册研究
LOTUS"), phase N trials, first-in-human and large-scale studies, "<product> clinical data/trial", in English
and Chinese. Registry ids and acronyms are flagged ``identified``; generic "clinical trials" mentions are
flagged ``generic``. ``extract.trial_merge`` folds descriptions and anaphors ("the trial", "该试验") into
the identified trial they describe.
"""

from __future__ import annotations

import re

from cellkg.extract.lexicon.words import cue
from cellkg.extract.mentions.candidate import Candidate, Flag, make_candidate
from cellkg.extract.rules import confidence

_REGISTRY = re.compile(
    r"(?<![A-Za-z0-9])(NCT\d{8}|ChiCTR-?[A-Z]{0,4}-?\d{6,10}|CTR\d{8}|ISRCTN\d{8}|jRCT\d{10}|"
    r"EudraCT\s*(?:No\.?\s*)?\d{4}-\d{6}-\d{2})"
)
# design adjectives stay in the name: the gold keeps "randomised phase 3 trial" as the trial's alias
_PHASE_EN = re.compile(
    r"(?:(?:randomi[sz]ed|open-label|single-arm|pivotal|registrational|multicent(?:er|re)|confirmatory)"
    r"(?:,?\s+(?:randomi[sz]ed|open-label|single-arm|multicent(?:er|re)|controlled))*\s+)?(?:clinical\s+)?phase\s*(?:I{1,3}V?|IV|[1-4])(?:[ab])?(?:\s*/\s*(?:I{1,3}|[1-4])[ab]?)?"
    r"\s+(?:clinical\s+)?(?:trials?|stud(?:y|ies))",
    re.I,
)
_NAMED_EN = re.compile(
    r"(?:first-in-human|first\s+in\s+human|large-scale|pivotal|registrational|multicenter|multicentre|"
    r"randomi[sz]ed|confirmatory)\s+(?:clinical\s+)?(?:trial|study|research)(?![A-Za-z])",
    re.I,
)
_PRODUCT_TRIAL = re.compile(
    r"(?<![A-Za-z0-9-])([A-Z]{2,5}-?\d{2,6}[A-Z]?)(?:\s+clinical)?\s+(?:trial|study)|"
    r"([A-Z]{2,5}-?\d{2,6}[A-Z]?)临床(?=数据|试验|研究)"
)
_PHASE_ZH = re.compile(
    r"(?:\d{4}年)?(?:临床)?(?:I{1,3}|IV|[1-4]|一|二|三)(?:/(?:I{1,3}|[1-4]))?期(?:临床)?(?:试验|研究)"
)
_NAMED_ZH = re.compile(
    r"研究者发起的临床(?:研究|试验)|首个人体临床试验|首次人体(?:临床)?试验|人体临床试验|大规模临床(?:试验|研究)|注册临床试验|关键性临床试验"
)
_GENERIC = re.compile(
    r"(?:clinical\s+)?trials?(?![A-Za-z-])|clinical\s+(?:research|stud(?:y|ies))|临床试验|临床研究|试验", re.I
)
_ACRONYM = re.compile(
    r"(?<![A-Za-z0-9-])([A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]{1,4})*|[A-Z]-\d{3}-\d{2})"
    r"(?=\s*(?:(?:pivotal|registrational|注册|关键|临床)\s*)?(?:study|trial|clinical\s+trial|研究|试验|\*\*\s*study)|\s*[(（](?:NCT|ChiCTR|CTR)\d)|"
    r"(?:(?<=注册临床试验)|(?<=注册研究)|(?<=关键研究)|(?<=关键试验))([A-Z][A-Z0-9]{2,}(?:-\d{1,3})?)"
)
_NOT_ACRONYM = re.compile(
    r"^(?:CAR|TCR|TIL|NK|NKT|CIK|MSC|FDA|NMPA|EMA|ORR|CRS|ICANS|GVHD|MRD|HLA|PD|DNA|RNA|II|III|IV|"
    r"USA|US|UK|EU|CDE|CAS|NIH|NCI|PI|CEO|CSO|CMO|AI|ASH|ASCO|EHA|CR|PR|OS|PFS|DOR|ALL|AML|CLL)(?:-|$)"
)
_PRODUCT_CODE = re.compile(r"[A-Z]{1,5}-?\d{2,6}[A-Z]?")  # AB-101, XYZ123: a product, not a study
_DETERMINER = re.compile(
    r"(?:\b(?:the|this|that|these|our|its|their)\s+(?:[\w-]+\s+){0,2}|(?:该|这项|这一|此项|本|上述)\S{0,6})$", re.I
)
_PLURAL = re.compile(r"(?:多项|多个|多款|several|multiple|many|numerous|其他)\s*$", re.I)
_ANCHOR = re.compile(r"(?:\s|细胞|治疗|疗法|的|cells?|therapy)*$")


def find_trials(text: str, start: int, end: int) -> list[Candidate]:
    segment, found = text[start:end], []
    identified = frozenset({Flag.IDENTIFIED})
    for match in _REGISTRY.finditer(segment):
        found.append(
            make_candidate(
                text,
                "Trial",
                start + match.start(1),
                start + match.end(1),
                "any.trial.registry",
                confidence("any.trial.registry"),
                key=f"Trial:{match.group(1).lower()}",
                flags=identified,
            )
        )
    for match in _ACRONYM.finditer(segment):
        group = 1 if match.group(1) else 2
        name = match.group(group)
        if not _NOT_ACRONYM.match(name) and not _PRODUCT_CODE.fullmatch(name) and any(c.isalpha() for c in name):
            found.append(
                make_candidate(
                    text,
                    "Trial",
                    start + match.start(group),
                    start + match.end(group),
                    "any.trial.acronym",
                    confidence("any.trial.acronym"),
                    flags=identified,
                )
            )
    for pattern, rule in (
        (_PHASE_EN, "en.trial.phase"),
        (_NAMED_EN, "en.trial.named"),
        (_PHASE_ZH, "zh.trial.phase"),
        (_NAMED_ZH, "zh.trial.named"),
        (_PRODUCT_TRIAL, "any.trial.product"),
    ):
        found.extend(
            make_candidate(text, "Trial", start + m.start(), start + m.end(), rule, confidence(rule))
            for m in pattern.finditer(segment)
        )
    found.extend(
        make_candidate(
            text,
            "Trial",
            start + m.start(),
            start + m.end(),
            "any.trial.generic",
            confidence("any.trial.generic"),
            flags=frozenset({Flag.GENERIC}),
        )
        for m in _GENERIC.finditer(segment)
    )
    return found


# "Phase 1/2" is its own label, not the phase 1 study named beside it
_PHASE_LABEL = re.compile(
    r"phase\s*(I{1,3}V?|IV|[1-4])\s*([ab]?(?:\s*/\s*(?:I{1,3}|IV|[1-4])[ab]?)?)|"
    r"(I{1,3}|IV|[1-4]|一|二|三)([ab]?(?:/(?:I{1,3}|[1-4])[ab]?)?)期",
    re.I,
)
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "一": "1", "二": "2", "三": "3"}
_JOINING_GAP = re.compile(r"^[\s*()（）\[\],，:：-]*(?:(?:study|trial|研究|试验)[\s*()（）,，]*)?$", re.I)


def phase_label(surface: str) -> str:
    """ "Phase Ib/II trial" → "1b", "1期临床试验" → "1"; "" when no phase is stated."""
    match = _PHASE_LABEL.search(surface)
    if not match:
        return ""
    number = (match.group(1) or match.group(3)).lower()
    rest = re.sub(r"\s", "", (match.group(2) or match.group(4) or "").lower())
    second = re.match(r"([ab]?)/(i{1,3}|iv|[1-4])(.*)", rest)
    return _ROMAN.get(number, number) + (
        f"{second.group(1)}/{_ROMAN.get(second.group(2), second.group(2))}{second.group(3)}" if second else rest
    )


_PHASE_BEFORE = re.compile(r"phase\s*(?:I{1,3}V?|IV|[1-4])[ab]?(?:\s*/\s*(?:I{1,3}|[1-4])[ab]?)?\s+$", re.I)


def phase_before(text: str, trial: Candidate) -> str:
    """ "the Phase 1 GAMMA-1 trial": the phase stated right before an acronym."""
    match = _PHASE_BEFORE.search(text[max(0, trial.start - 20) : trial.start])
    return phase_label(match.group()) if match else ""


def is_planned(text: str, trial: Candidate) -> bool:
    """A study announced for the future ("warrants a phase II study", "将…开展I/II期临床试验")."""
    return bool(cue("planned_trial", "any").search(text[max(0, trial.start - 60) : trial.start]))


def is_anaphoric(text: str, start: int) -> bool:
    """A determiner right before the mention points back to a trial named earlier ("the trial", "这项1期研究")."""
    return bool(_DETERMINER.search(text[max(0, start - 40) : start]))


def adjacent_ids(text: str, left: Candidate, right: Candidate) -> bool:
    """ "ORCHID-2 study (NCT01234567)": an acronym and a registry id naming one trial."""
    return bool(_JOINING_GAP.match(text[left.end : right.start]))


def is_anchored(text: str, generic: Candidate, therapies: list[Candidate]) -> bool:
    """ "<product> clinical study": a generic mention made specific by the named therapy right before it
    (not "多项CAR-T临床试验", "several CAR-T trials")."""
    return any(
        t.end <= generic.start
        and _ANCHOR.fullmatch(text[t.end : generic.start])
        and not _PLURAL.search(text[max(0, t.start - 12) : t.start])
        for t in therapies
    )
