"""What the words around a trial mention say: its phase label ("Phase Ib/II" → 1b/2), a phase stated right
before it, a study announced for the future, a determiner pointing back to a trial named earlier, a registry id
beside an acronym, and a named therapy that makes a generic "clinical study" specific."""

from __future__ import annotations

import re

from cellkg.extract.lexicon.words import cue
from cellkg.extract.mentions.candidate import Candidate

_DETERMINER = re.compile(
    r"(?:\b(?:the|this|that|these|our|its|their)\s+(?:[\w-]+\s+){0,2}|(?:该|这项|这一|此项|本|上述)\S{0,6})$", re.I
)
_ANCHOR = re.compile(r"(?:\s|细胞|治疗|疗法|的|cells?|therapy)*$")
_PLURAL = re.compile(r"(?:多项|多个|多款|several|multiple|many|numerous|其他)\s*$", re.I)
# "Phase 1/2" is its own label, not the phase 1 study named beside it
_PHASE_LABEL = re.compile(
    r"phase\s*(I{1,3}V?|IV|[1-4]|one|two|three)\s*([ab]?(?:\s*/\s*(?:I{1,3}|IV|[1-4])[ab]?)?)|"
    r"(I{1,3}|IV|[1-4]|一|二|三)([ab]?(?:/(?:I{1,3}|[1-4])[ab]?)?)期",
    re.I,
)
_ROMAN = {
    "i": "1",
    "ii": "2",
    "iii": "3",
    "iv": "4",
    "一": "1",
    "二": "2",
    "三": "3",
    "one": "1",
    "two": "2",
    "three": "3",
}
_NUMERALS = str.maketrans({"Ⅰ": "I", "Ⅱ": "II", "Ⅲ": "III", "Ⅳ": "IV"})  # "Ⅱ期试验": numeral signs as letters
# "ORCHID-2 study (NCT…)", "ZUMA-7 ClinicalTrials.gov number, NCT…" (the journals' registration line)
_JOINING_GAP = re.compile(
    r"^[\s*()（）\[\],，:：-]*(?:(?:study|trial|研究|试验|ClinicalTrials\.gov\s+(?:number|identifier))[\s*()（）,，:：]*)?$",
    re.I,
)


def phase_label(surface: str) -> str:
    """ "Phase Ib/II trial" → "1b", "1期临床试验" → "1"; "" when no phase is stated."""
    match = _PHASE_LABEL.search(surface.translate(_NUMERALS))
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
