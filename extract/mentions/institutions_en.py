"""Institutions by head nouns, English and Chinese.

English: capitalised word runs ending in a head (University, Hospital, Institute, Center,
Therapeutics, Inc. …) with "of/for …" tails; "X Affiliated Hospital, Y University School of
Medicine" is one name; "<unit> of (the) <top-level org>" and comma chains in affiliation lines
("Department of Oncology, the Second Clinical Campus, Eastbay General Hospital") yield the unit with
its parent as a separate, nested Institution. Chinese names: ``extract.institutions_zh``.
"""

from __future__ import annotations

import re

from cellkg.extract.lexicon.words import words
from cellkg.extract.mentions.candidate import Candidate, Flag, make_candidate
from cellkg.extract.rules import confidence

_WORD = r"(?:[A-Z][A-Za-z0-9.&'’-]*|[A-Z]{2,})"
_HEAD = words("org_head", "en")
_TAIL = rf"(?:\s+(?:of|for|on)\s+(?:the\s+)?{_WORD}(?:\s+(?:and\s+|&\s+)?{_WORD})*)?"
_ORG = re.compile(rf"(?<![A-Za-z])(?:{_WORD}[ \u00a0])*(?:{_HEAD})(?![a-z]){_TAIL}")
_LEADING_NOISE = re.compile(
    r"^(?:(?:[A-Z][a-z]+-based|The|A|An|In|At|From|By|With|And|Of|For|Since|Source|Sources|Recently|Researchers|"
    r"Scientists|Professor|Prof\.|Dr\.|January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\s+)+"
)
_KEEP_DOT = re.compile(r"(?:Inc|Ltd|Co|Corp)\.$")
_AFFILIATED_MERGE = re.compile(
    rf",\s*(?:the\s+)?(?:{_WORD}\s+)*(?:University|College)(?:\s+(?:School|College)\s+of\s+Medicine)?"
)
_UNIT_OF = re.compile(
    r"^(.*?\b(?:Center|Centre|Department|Division|Institute|Laboratory|School|Unit|Program|Faculty|Clinic))"
    r"\s+of\s+(?:the\s+)?(.+)$"
)
_TOP_FINAL = re.compile(
    r"(?:University|Hospital|Academy|College|Inc\.?|Ltd\.?|Therapeutics|Pharmaceuticals?|Biotech|"
    r"Corporation|School\s+of\s+Medicine|Medical\s+School)$"
)
_UNIT_START = re.compile(
    r"^(?:Department|Division|(?:State\s+)?(?:Key\s+)?Laboratory|Unit|Faculty|Section|Ward)\b|"
    r"\b(?:Center|Centre|Institute|Laboratory|Department|Division)$"
)
_CHAIN_GAP = re.compile(r"^\s*,\s*(?:the\s+)?$")
# "the biotech Corvana Cell", "the biotech company CytoNova": a company named without a head noun
_COMPANY_DESCRIBED = re.compile(
    r"(?<![A-Za-z])the\s+(?:biotech(?:nology)?|biopharma(?:ceutical)?|pharmaceutical|drug|start-?up)"
    r"(?:\s+(?:company|firm|startup|developer))?\s+([A-Z][A-Za-z0-9]+(?:\s[A-Z][A-Za-z0-9]+){0,2})"
)
_COMPANY_IS_A = re.compile(
    r"^([A-Z][A-Za-z0-9]+(?:[A-Z][a-z]+)+|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+is\s+an?\s+(?:[\w-]+\s+){0,3}"
    r"(?:platform|company|biotech|startup|start-up|firm|provider|developer|manufacturer|organization)\b"
)


def find_institutions_en(text: str, start: int, end: int) -> list[Candidate]:
    segment = text[start:end]
    spans = [_trimmed(segment, m.start(), m.end()) for m in _ORG.finditer(segment)]
    spans = [_merge_affiliated(segment, s, e) for s, e in spans if e - s > 3 and _has_name_word(segment[s:e])]
    found = []
    for group in _chains(segment, spans):
        first_s, last_e = group[0][0], group[-1][1]
        # the chain's unit alone ("Department of Cellular Therapy") is how it is named in short
        unit = (segment[first_s : group[0][1]],) if len(group) > 1 else ()
        found.append(
            make_candidate(
                text,
                "Institution",
                start + first_s,
                start + last_e,
                "en.inst.head",
                confidence("en.inst.head"),
                aliases=unit,
            )
        )
        # "Lab, Institute, Academy": every level above the unit is an Institution too
        # (a middle level that is only a campus or centre, "the First Medical Center", stays part of the unit's name)
        found.extend(
            nested(text, start + s, start + e) for s, e in group[1:] if e == last_e or _TOP_FINAL.search(segment[s:e])
        )
        if len(group) == 1:
            found.extend(_unit_parent(text, start + first_s, start + last_e))
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


def _chains(segment: str, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Group "unit, (middle,)* top-level org" runs of affiliation lines; everything else stays single."""
    groups: list[list[tuple[int, int]]] = []
    for span in sorted(set(spans)):
        if groups and span[0] < groups[-1][-1][1]:
            continue
        if groups and _CHAIN_GAP.match(segment[groups[-1][-1][1] : span[0]]):
            groups[-1].append(span)
        else:
            groups.append([span])
    return [part for group in groups for part in _valid_chain(segment, group)]


def _valid_chain(segment: str, group: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    first, last = segment[group[0][0] : group[0][1]], segment[group[-1][0] : group[-1][1]]
    if len(group) > 1 and _UNIT_START.match(first) and _TOP_FINAL.search(last):
        return [group]
    return [[span] for span in group]


def nested(text: str, s: int, e: int) -> Candidate:
    return make_candidate(
        text, "Institution", s, e, "en.inst.parent", confidence("en.inst.parent"), flags=frozenset({Flag.NESTED})
    )


def _unit_parent(text: str, s: int, e: int) -> list[Candidate]:
    match = _UNIT_OF.match(text[s:e])
    if not match or not _TOP_FINAL.search(match.group(2)):
        return []
    parent_start = s + match.start(2)
    return [nested(text, parent_start, e)]
