"""English institutions by head nouns.

English: capitalised word runs ending in a head (University, Hospital, Institute, Center,
Therapeutics, Inc. …) with "of/for …" tails; "X Affiliated Hospital, Y University School of
Medicine" is one name; units and their parents are split off by ``institution_units``; companies are also
found without a head noun ("the biotech company X", "X is a platform company"). Chinese names:
``extract.institutions_zh``.
"""

from __future__ import annotations

import re

from cellkg.extract.lexicon.words import words
from cellkg.extract.mentions.candidate import Candidate, make_candidate
from cellkg.extract.mentions.institution_units import chain_candidates, chains
from cellkg.extract.rules import confidence

_WORD = r"(?:[A-Z][A-Za-z0-9.&'’-]*|[A-Z]{2,})"
_HEAD = words("org_head", "en")
_TAIL = rf"(?:\s+(?:of|for|on)\s+(?:the\s+)?{_WORD}(?:\s+(?:and\s+|&\s+)?{_WORD})*)?"
_ORG = re.compile(rf"(?<![A-Za-z])(?:{_WORD}[ \u00a0])*(?:{_HEAD})(?![a-z]){_TAIL}")
_LEADING_NOISE = re.compile(rf"^(?:(?:[A-Z][a-z]+-based|{words('not_name_start')})\s+)+")
_KEEP_DOT = re.compile(r"(?:Inc|Ltd|Co|Corp)\.$")
_AFFILIATED_MERGE = re.compile(
    rf",\s*(?:the\s+)?(?:{_WORD}\s+)*(?:University|College)(?:\s+(?:School|College)\s+of\s+Medicine)?"
)
# "the biotech Corvana Cell", "the biotech company CytoNova": a company named without a head noun
_COMPANY_DESCRIBED = re.compile(
    rf"(?<![A-Za-z])the\s+(?:{words('company_kind')})"
    rf"(?:\s+(?:{words('company_noun')}))?\s+([A-Z][A-Za-z0-9]+(?:\s[A-Z][A-Za-z0-9]+){{0,2}})"
)
_COMPANY_IS_A = re.compile(
    r"^([A-Z][A-Za-z0-9]+(?:[A-Z][a-z]+)+|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+is\s+an?\s+(?:[\w-]+\s+){0,3}"
    rf"(?:{words('company_noun_is_a')})\b"
)


def find_institutions_en(text: str, start: int, end: int) -> list[Candidate]:
    segment = text[start:end]
    spans = [_trimmed(segment, m.start(), m.end()) for m in _ORG.finditer(segment)]
    spans = [_merge_affiliated(segment, s, e) for s, e in spans if e - s > 3 and _has_name_word(segment[s:e])]
    found = [c for group in chains(segment, spans) for c in chain_candidates(text, start, segment, group)]
    for described in _COMPANY_DESCRIBED.finditer(segment):
        found.append(
            make_candidate(
                text,
                "Institution",
                start + described.start(1),
                start + described.end(1),
                "en.inst.is_a",
                confidence("en.inst.is_a"),
            )
        )
    company = _COMPANY_IS_A.match(segment)
    if company:
        found.append(
            make_candidate(
                text,
                "Institution",
                start + company.start(1),
                start + company.end(1),
                "en.inst.is_a",
                confidence("en.inst.is_a"),
            )
        )
    return found


def _trimmed(segment: str, s: int, e: int) -> tuple[int, int]:
    noise = _LEADING_NOISE.match(segment[s:e])
    s = s + noise.end() if noise else s
    if segment[s:e].endswith(".") and not _KEEP_DOT.search(segment[s:e]):
        e -= 1
    if segment[s:e].endswith(("'s", "’s")):  # "the Ministry of Health’s plan"
        e -= 2
    return s, e


def _has_name_word(name: str) -> bool:
    return len(name.split()) >= 2 or name.isupper()


def _merge_affiliated(segment: str, s: int, e: int) -> tuple[int, int]:
    if "Affiliated" in segment[s:e] and segment[s:e].endswith("Hospital"):
        tail = _AFFILIATED_MERGE.match(segment, e)
        if tail:
            return s, tail.end()
    return s, e
