"""Clause-level checks shared by the relation rules: a negated link, a contrast between two mentions,
an appositive description ("X, a BCMA CAR-T", "X是一种…"), and coordinated runs of mentions."""

from __future__ import annotations

import re

from cellkg.extract.lexicon.words import cue, words
from cellkg.extract.mentions.candidate import Candidate

_NEGATED_LINK = re.compile(
    r"(?<![A-Za-z])(?:not|never|no\s+longer)\s+(?:been\s+|be\s+)?(?:\w+\s+)?"
    r"(?:approved|indicated|tested|used|studied|target\w*|recogni[sz]\w*|requir\w*|need\w*|for|against)(?![A-Za-z])|"
    r"(?:未|不|没有|并未|尚未|并不)(?:获批|批准|用于|治疗|适用|靶向|针对|识别)",
    re.I,
)
_APPOSITION = re.compile(
    r"^\s*[)）]?\s*(?:[(（][^)）]{0,60}[)）]\s*)?(?:,\s*(?:also\s+(?:called|known\s+as)\s+[^,]{1,30},\s*)?)?"
    r"(?:[^.;:!?]{0,80}?\s(?:is|was|are|were|remains)\s+|,\s*)?(?:an?|the)\s+(?:[\w-]+,?\s+){0,4}$|"
    r"^\s*(?:[(（][^)）]{0,60}[)）])?(?:是一种|是一款|作为|为)[^，。；]{0,12}$|^\s*[:：][^。；，]{0,30}的$",
    re.I,
)
# "<institution>, where <person> …" and "At <institution>, a group led by Professor <person>": the person works there
_WHERE = re.compile(
    r"^\s*,\s*(?:where|(?:a|the)\s+(?:research\s+)?(?:group|team|lab|laboratory)\s+(?:led|headed|directed)\s+by)"
    r"\s+(?:(?:Dr|Prof|Professor)\.?\s+)?$",
    re.I,
)
_CONTRAST = re.compile(rf"[,;，；]\s*(?:{words('contrast')})\b|\b(?:rather\s+than|instead\s+of|unlike)\b", re.I)
_JOINER = re.compile(r"^\s*(?:,\s*)?(?:and|&|or|与|和|及|、|,|，)\s*(?:the\s+)?$", re.I)


def negated_between(text: str, left: Candidate, right: Candidate) -> bool:
    first, second = sorted((left, right), key=lambda m: m.start)
    return bool(_NEGATED_LINK.search(text[first.end : second.start]))


def contrast_between(text: str, left: Candidate, right: Candidate) -> bool:
    first, second = sorted((left, right), key=lambda m: m.start)
    gap = text[first.end : second.start]
    return bool(_CONTRAST.search(gap) or cue("contrast", "zh").search(gap))


def appositive_owner(text: str, mention: Candidate, earlier: list[Candidate]) -> Candidate | None:
    """The mention described by ``mention`` when ``mention`` is its appositive or predicate noun."""
    before = [m for m in earlier if m.end <= mention.start]
    if before and _APPOSITION.match(text[before[-1].end : mention.start]):
        return before[-1]
    return None


def where_clause(text: str, place: Candidate, person: Candidate) -> bool:
    """ "<institution>, where <person> …": the person works there."""
    return place.end <= person.start and bool(_WHERE.match(text[place.end : person.start]))


def coordinated(text: str, mentions: list[Candidate], first: Candidate) -> list[Candidate]:
    """``first`` and the mentions joined to it by and/&/与/、 (in text order)."""
    run = [first]
    for m in (m for m in mentions if m.start >= first.end):
        if _JOINER.match(text[run[-1].end : m.start]):
            run.append(m)
        elif m.start > run[-1].end:
            break
    return run
