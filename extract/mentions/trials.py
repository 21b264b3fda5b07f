"""Trials: registry ids (NCT, ChiCTR, CTR, EudraCT), acronym-named studies ("ORCHID-2 study", "注册研究
LOTUS"), phase N trials, first-in-human and large-scale studies, "<product> clinical data/trial", in English
and Chinese. Registry ids and acronyms are flagged ``identified``; generic "clinical trials" mentions are
flagged ``generic``. ``extract.trial_merge`` folds descriptions and anaphors ("the trial", "该试验") into
the identified trial they describe.
"""

from __future__ import annotations

import re

from cellkg.extract.lexicon.words import word_set, words
from cellkg.extract.mentions.candidate import Candidate, Flag, make_candidate
from cellkg.extract.rules import confidence

_REGISTRY = re.compile(
    r"(?<![A-Za-z0-9])(NCT\d{8}|ChiCTR-?[A-Z]{0,4}-?\d{6,10}|CTR\d{8}|ISRCTN\d{8}|jRCT\d{10}|"
    r"EudraCT\s*(?:No\.?\s*)?\d{4}-\d{6}-\d{2})"
)
# design adjectives stay in the name: the gold keeps "randomised phase 3 trial" as the trial's alias
_PHASE_EN = re.compile(
    rf"(?:(?:{words('trial_design')})(?:,?\s+(?:{words('trial_design_next')}))*\s+)?"
    r"(?:clinical\s+)?phase\s*(?:I{1,3}V?|IV|[1-4]|one|two|three)(?:[ab])?(?:\s*/\s*(?:I{1,3}|[1-4])[ab]?)?"
    r"\s+(?:(?-i:[A-Z]{2,6}|CAR[- ]?[A-Z]{1,3})\s+|cells?\s+){0,4}(?:clinical\s+)?(?:trials?|stud(?:y|ies))",
    re.I,
)
_NAMED_EN = re.compile(rf"(?:{words('trial_kind')})\s+(?:clinical\s+)?(?:trial|study|research)(?![A-Za-z])", re.I)
_PRODUCT_TRIAL = re.compile(
    r"(?<![A-Za-z0-9-])([A-Z]{2,5}-?\d{2,6}[A-Z]?)(?:\s+clinical)?\s+(?:trial|study)|"
    r"([A-Z]{2,5}-?\d{2,6}[A-Z]?)(?:注射液|细胞注射液)?临床(?:试验|研究|(?=数据))"
)
# "王伟团队的相关临床研究": the study of a team named before it
_TEAM_STUDY_ZH = re.compile(rf"(?:{words('team', 'zh')})的((?:相关|这项|该项)?临床(?:研究|试验))")
_PHASE_ZH = re.compile(
    r"(?:\d{4}年)?(?:临床)?(?:I{1,3}|IV|[1-4]|一|二|三|[ⅠⅡⅢⅣ])(?:/(?:I{1,3}|[1-4]|[ⅠⅡⅢ]))?期(?:临床)?(?:试验|研究)"
)
_NAMED_ZH = re.compile(words("named_trial", "zh"))
_GENERIC = re.compile(
    r"(?<![A-Za-z])(?:clinical\s+)?trials?(?![A-Za-z-])|clinical\s+(?:research|stud(?:y|ies))|临床试验|临床研究|试验",
    re.I,
)
_ACRONYM = re.compile(
    r"(?<![A-Za-z0-9-])([A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]{1,4})*|[A-Z]-\d{3}-\d{2})"
    r"(?=\s*(?:(?:pivotal|registrational|注册|关键|临床)\s*)?(?:study|trial|clinical\s+trial|研究|试验|\*\*\s*study)|\s*[(（](?:NCT|ChiCTR|CTR)\d|\s+ClinicalTrials\.gov\s+(?:number|identifier))|"
    r"(?:(?<=注册临床试验)|(?<=注册研究)|(?<=关键研究)|(?<=关键试验))([A-Z][A-Z0-9]{2,}(?:-\d{1,3})?)"
)
# "a phase 2 study (ORCA-7)", "关键性临床研究（XJ-19-201）": a study's code in brackets after it
_CODE_AFTER_TRIAL = re.compile(r"(?:研究|试验|(?i:trial|study))\s?[(（]([A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+){1,3})[)）]")
# "Ntrust-1, the first clinical trial of …", "Ntrust-2, a clinical trial for …": a named study in apposition
_NAMED_APPOSITION = re.compile(
    r"(?<![A-Za-z0-9-])([A-Z][A-Za-z]{2,}-\d{1,3})(?=,\s+(?:the|a|an|its|their|our)\s+(?:(?!(?:of|in|to|for)\s)[\w.-]+\s+){0,5}"
    r"(?:trial|study)\b)"
)
_NOT_ACRONYM = word_set("not_trial_acronym")  # modalities, agencies, endpoints, roles: capitals that are no study
_PRODUCT_CODE = re.compile(r"[A-Z]{1,5}-?\d{2,6}[A-Z]?")  # AB-101, XYZ123: a product, not a study


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
    named = [(m, 1, "any.trial.acronym") for m in _ACRONYM.finditer(segment)]
    named += [(m, 1, "any.trial.code") for m in _CODE_AFTER_TRIAL.finditer(segment)]
    named += [(m, 1, "en.trial.apposition") for m in _NAMED_APPOSITION.finditer(segment)]
    for match, group, rule in named:
        group = group if match.group(group) else 2
        name = match.group(group)
        if (
            _acronym_head(name) not in _NOT_ACRONYM
            and not _PRODUCT_CODE.fullmatch(name)
            and any(c.isalpha() for c in name)
        ):
            found.append(
                make_candidate(
                    text,
                    "Trial",
                    start + match.start(group),
                    start + match.end(group),
                    rule,
                    confidence(rule),
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
            text, "Trial", start + m.start(1), start + m.end(1), "zh.trial.team", confidence("zh.trial.team")
        )
        for m in _TEAM_STUDY_ZH.finditer(segment)
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


def _acronym_head(name: str) -> str:
    """ "CAR-T-01" → "CAR": the part before the first dash, which the stop list is about."""
    return name.split("-", 1)[0]
