"""Therapies named by their target: "ROR1 CAR-T", "anti-CD5 CAR-T", "GPC3 靶向 CAR-T", "靶向BCMA和GPRC5D的双靶点
CAR-T细胞", and the target named after the modality ("TCR-T cells against HPV E7"). Targets are the lexicon's."""

from __future__ import annotations

import re
from functools import lru_cache

from cellkg.extract.lexicon import load_entries
from cellkg.extract.lexicon.words import word_set, words
from cellkg.extract.mentions.candidate import Candidate
from cellkg.extract.mentions.therapy_names import modality_name, therapy_candidate

_MODALITY = words("modality", "any")


@lru_cache(maxsize=1)
def target_aliases() -> frozenset[str]:
    return frozenset(a for e in load_entries() if e.type == "Target" for a in e.aliases)


@lru_cache(maxsize=1)
def _target_alternatives() -> str:
    aliases = sorted(
        {a for e in load_entries() if e.type == "Target" for a in e.aliases if len(a) >= 2}, key=len, reverse=True
    )
    aliases += [a[0].upper() + a[1:] for a in aliases if a[0].islower()]  # sentence-initial "Mesothelin-targeted"
    return "|".join(re.escape(a) for a in sorted(set(aliases), key=len, reverse=True))


@lru_cache(maxsize=1)
def _target_after_regex() -> re.Pattern[str]:
    """ "TCR-T cells against HPV E7", "CAR-T cells targeting CLDN18.2": the target named after the modality."""
    return re.compile(
        rf"(?<![A-Za-z0-9-])(?:{_MODALITY})\s+(?:{words('target_after')})\s+"
        rf"((?:{_target_alternatives()}))(?![A-Za-z0-9])"
    )


@lru_cache(maxsize=1)
def _target_regex() -> re.Pattern[str]:
    targets = _target_alternatives()
    # "靶向BCMA和GPRC5D的双靶点CAR-T细胞" and "BCMA/CD19 dual-target CAR-T" name both targets
    return re.compile(
        rf"(?<![A-Za-z0-9])(?:anti-?\s?|靶向)?((?:{targets})(?:\s?(?:/|和|及|与)\s?(?:{targets}))?)"
        rf"(?:[- ]?(?:{words('target_link')})|\s?靶向的?|的)?"
        rf"(?:\s?(?:{words('multi_target', 'any')}))?[- ]?(?:{_MODALITY})"
    )


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    """Every lexicon alias: a disease or agency abbreviation before a modality names no target ("DLBCL CAR-T")."""
    return frozenset(a for e in load_entries() for a in e.aliases) | word_set("not_target_symbol")


# "CLTX CAR-T", "B7H3 CAR-T": a symbol the lexicon lacks, written as a target is, right before the modality
_SYMBOL = re.compile(rf"(?<![A-Za-z0-9-])([A-Z][A-Z0-9]{{2,6}})[- ]?(?:{_MODALITY})")
_CODE_SHAPE = re.compile(r"[A-Z]{0,5}\d{2,6}[A-Z]?")  # "IX001 TCR-T": a product code and its modality, no target
_SHOUTED = re.compile(r"[A-Z]{3,}\s+[A-Z]{3,}\s+[A-Z]{3,}")  # a heading in capitals: its words are no symbols


def find_targeted_therapies(text: str, start: int, end: int) -> list[Candidate]:
    segment, found = text[start:end], []
    for match in _SYMBOL.finditer(segment) if not _SHOUTED.search(segment) else ():
        if match.group(1) not in _known_words() and not _CODE_SHAPE.fullmatch(match.group(1)):
            name = f"{match.group(1)} {modality_name(segment[match.end(1) : match.end()])}"
            found.append(therapy_candidate(text, start + match.start(), start + match.end(), "any.ther.symbol", name))
    for match in _target_regex().finditer(segment):
        target = re.sub(r"\s?(?:和|及|与)\s?", "/", match.group(1))
        name = f"{target} {modality_name(segment[match.end(1) : match.end()])}"
        found.append(therapy_candidate(text, start + match.start(), start + match.end(), "any.ther.composed", name))
    for match in _target_after_regex().finditer(segment):
        name = f"{match.group(1)} {modality_name(match.group())}"
        found.append(therapy_candidate(text, start + match.start(), start + match.end(), "any.ther.composed", name))
    return found
