"""Therapies named by their cells: universal/off-the-shelf and allogeneic modalities, source-derived cells
("iPSC-derived NK cells", "多能干细胞衍生NK祖细胞", "iPSC-NK"), NK progenitor cells and named cell subsets
("γδ T cell subset")."""

from __future__ import annotations

import re

from cellkg.extract.lexicon.words import words
from cellkg.extract.mentions.candidate import Candidate
from cellkg.extract.mentions.therapy_names import derived_name, modality_name, names_modality, therapy_candidate

_CELL_TYPE = words("cell_type", "any")
_PROGENITOR_EN, _PROGENITOR_ZH = words("progenitor", "en"), words("progenitor", "zh")
_DERIVED_EN = re.compile(
    rf"(?:{words('cell_source', 'en')})(?:\s*\([^)]{{1,12}}\))?[- ]derived\s+(?:{_CELL_TYPE})(?:\s+therap(?:y|ies))?",
    re.I,
)
# "NK cells derived from pluripotent stem cells", "a natural killer cell immunotherapy derived from iPSCs"
_DERIVED_FROM_EN = re.compile(
    rf"(?:{_CELL_TYPE}|natural\s+killer(?:\s+\(NK\))?\s+cells?)(?:\s+(?:cancer\s+)?(?:immuno)?therap(?:y|ies))?"
    rf"\s+derived\s+from\s+(?:(?:an?|human|the\s+patient['’]s)\s+)?(?:{words('cell_source', 'en')})s?"
    r"(?:\s*\([A-Za-z]{2,6}\))?",
    re.I,
)
_DERIVED_ZH = re.compile(
    rf"(?:{words('cell_source', 'zh')})(?:[(（][A-Za-z]{{2,8}}[)）])?衍生的?(?:{_CELL_TYPE})(?:疗法)?"
)
_PREFIXED = re.compile(
    rf"(?<![A-Za-z])(?:{words('source_prefix', 'any')})-({words('prefixed_cell', 'any')})(?![A-Za-z])"
    r"(?:\s*(cells?|细胞|疗法|therapy))?"
)
# "allogeneic CAR-T" used as a modality of its own (seed convention: modality mentions are Therapy entities)
_UNIVERSAL = re.compile(
    rf"(?:{words('universal', 'any')}|(allogeneic))\s*(?:{words('modality', 'any')}|{_PROGENITOR_ZH}|{_PROGENITOR_EN})",
    re.I,
)
_PROGENITOR = re.compile(rf"(?<![A-Za-z]){_PROGENITOR_EN}|{_PROGENITOR_ZH}")
_SUBSET = re.compile(
    rf"(?:(CD\d+)\s?\+\s?)?(NKT|NK|T|γδ\s?T)\s+(?:cell\s+)?(?:{words('cell_subset')})(?:\s+cells?)?"
    r"|(?:new\s+)?sub-?populations?\s+of\s+(NKT|NK|T)\s+cells"
)


def find_cell_therapies(text: str, start: int, end: int) -> list[Candidate]:
    segment, found = text[start:end], []
    for match in _UNIVERSAL.finditer(segment):
        kind = (match.group(1) or "universal").lower()
        universal = f"{kind} {modality_name(match.group())}" if names_modality(match.group()) else None
        found.append(
            therapy_candidate(text, start + match.start(), start + match.end(), "any.ther.universal", universal)
        )
    derived = (
        (_DERIVED_EN, "en.ther.derived"),
        (_DERIVED_ZH, "zh.ther.derived"),
        (_DERIVED_FROM_EN, "en.ther.derived_from"),
    )
    for pattern, rule in derived:
        found.extend(
            therapy_candidate(text, start + m.start(), start + m.end(), rule, derived_name(m.group()))
            for m in pattern.finditer(segment)
        )
    found.extend(
        therapy_candidate(text, start + m.start(), start + m.end(), "any.ther.progenitor")
        for m in _PROGENITOR.finditer(segment)
    )
    for match in _PREFIXED.finditer(segment):
        name = f"{segment[match.start() : match.start(1) - 1]}-derived {match.group(1)} cells"
        found.append(therapy_candidate(text, start + match.start(), start + match.end(), "any.ther.prefixed", name))
    for match in _SUBSET.finditer(segment):
        lineage = match.group(2) or match.group(3)
        found.append(
            therapy_candidate(
                text,
                start + match.start(),
                start + match.end(),
                "en.ther.subset",
                match.group(),
                key_name=f"{lineage} subpopulation",
            )
        )
    return found
