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

# "iPS Cell Research", "Vall d'Hebron": a word may open with a lower-case prefix before its capitals
_WORD = r"(?:[A-Z][A-Za-z0-9.&'’-]*|[A-Z]{2,}|[a-z]{1,2}[A-Z][A-Za-z0-9-]*|[a-z]['’][A-Z][A-Za-z]+)"
_HEAD = words("org_head", "en")
_TAIL = rf"(?:\s+(?:of|for|on)\s+(?:the\s+)?{_WORD}(?:\s+(?:and\s+|&\s+)?{_WORD})*)?"
# "Pregene (ShenZhen) Biotechnology Company": a city in brackets inside the name
_ORG = re.compile(rf"(?<![A-Za-z])(?:(?:{_WORD}|\([A-Z][A-Za-z]+\))[ \u00a0])*(?:{_HEAD})(?![a-z]){_TAIL}")
# "X Center of the Y Hospital and Z Center for …": a second organisation after "and"
_SECOND_ORG = re.compile(rf"\s+(?:and|&)\s+(?:the\s+)?((?:{_WORD}[ \u00a0])+(?:{_HEAD})(?![a-z]))")
_LEADING_NOISE = re.compile(rf"^(?:(?:[A-Z][a-z]+-based|{words('not_name_start')})\s+)+")
_HEAD_WORD = re.compile(rf"(?<![A-Za-z])(?:{_HEAD})(?![a-z])")
_HEADLINE_WORD = re.compile(rf"(?<![A-Za-z])(?:{words('headline_word')})\s+")
_GENERIC_WORD = re.compile(rf"(?:{words('generic_org_word')})|of|for|the|and|&")
_BARE_UNIT = re.compile(words("bare_unit"))
_UNIT_OF = re.compile(rf".*\b(?:{words('unit_of_head')})\s+of\s+(?:the\s+)?.*(?:{words('top_org_end')})$")
_PARENT_AFTER = re.compile(r"(?:\s*,\s*|\s+(?:at|of|in)\s+)(?:the\s+)?[A-Z]")
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

# "Uniklinikum Erlangen", "Université de Montréal": the head first, then the place
_PLACE_WORD = r"[A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?"
_HEAD_FIRST = re.compile(
    rf"(?<![A-Za-z])(?:{words('org_head_first')})[ \u00a0]+(?:(?:de|di|der|des|du|del|della|la|le|zu)[ \u00a0]+)?"
    rf"{_PLACE_WORD}(?:[ \u00a0]{_PLACE_WORD})?"
)
# "a team of doctors from QMU", "researchers at QMU": an organisation named by its acronym alone
_ACRONYM_AFTER_PEOPLE = re.compile(
    rf"(?<![A-Za-z])(?:{words('org_people')})\s+(?:of\s+[a-z]+\s+)?(?:from|at)\s+(?:the\s+)?([A-Z]{{2,6}})(?![A-Za-z0-9-])"
)
# "Department of Medicine 5": a unit numbered after its name
_UNIT_NUMBER = re.compile(r"[ \u00a0](?:\d{1,2}|[IVX]{1,4})(?![\w.%-])")
_NUMBERED_UNIT = re.compile(rf"(?:{words('unit_start')})\b")


def find_institutions_en(text: str, start: int, end: int) -> list[Candidate]:
    segment = text[start:end]
    spans = [_trimmed(segment, s, e) for m in _ORG.finditer(segment) for s, e in _split_pair(segment, *m.span())]
    spans = [_merge_affiliated(segment, s, e) for s, e in spans if e - s > 3 and _has_name_word(segment[s:e])]
    spans = [_numbered(segment, s, e) for s, e in spans]
    groups = [g for g in chains(segment, spans) if len(g) > 1 or _named(segment, *g[0])]
    found = [c for group in groups for c in chain_candidates(text, start, segment, group)]
    # "the biotech company X" anywhere; "X is a clinical-stage company" opening the sentence
    described = [*_COMPANY_DESCRIBED.finditer(segment), *filter(None, [_COMPANY_IS_A.match(segment)])]
    found.extend(
        make_candidate(
            text, "Institution", start + m.start(1), start + m.end(1), "en.inst.is_a", confidence("en.inst.is_a")
        )
        for m in described
    )
    for pattern, rule, group in (
        (_HEAD_FIRST, "en.inst.head_first", 0),
        (_ACRONYM_AFTER_PEOPLE, "en.inst.acronym_cue", 1),
    ):
        found.extend(
            make_candidate(text, "Institution", start + m.start(group), start + m.end(group), rule, confidence(rule))
            for m in pattern.finditer(segment)
        )
    return found


def _numbered(segment: str, s: int, e: int) -> tuple[int, int]:
    number = _UNIT_NUMBER.match(segment, e) if _NUMBERED_UNIT.match(segment, s) else None
    return (s, number.end()) if number else (s, e)


def _split_pair(segment: str, s: int, e: int) -> list[tuple[int, int]]:
    second = _SECOND_ORG.search(segment, s, e)
    if second is None or not _HEAD_WORD.search(segment, s, second.start()):
        return [(s, e)]
    other = _ORG.match(segment, second.start(1))  # the second name with its own "of/for …" tail
    return [(s, second.start()), (second.start(1), max(e, other.end() if other else e))]


def _trimmed(segment: str, s: int, e: int) -> tuple[int, int]:
    noise = _LEADING_NOISE.match(segment[s:e])
    s = s + noise.end() if noise else s
    head = _HEAD_WORD.search(segment, s, e)
    headline = [m for m in _HEADLINE_WORD.finditer(segment, s, head.start())] if head else []
    s = headline[-1].end() if headline else s
    if segment[s:e].endswith(".") and not _KEEP_DOT.search(segment[s:e]):
        e -= 1
    if segment[s:e].endswith(("'s", "’s")):  # "the Ministry of Health’s plan"
        e -= 2
    return s, e


def _named(segment: str, s: int, e: int) -> bool:
    """A bare unit ("Department of Hematology") or a generic phrase ("Affiliated Hospital") is an organisation
    only with its parent named right after it ("…, Quillmont University", "… at Quillmont University")."""
    name = segment[s:e]
    words_ = name.replace("’", "'").split()
    generic = all(_GENERIC_WORD.fullmatch(w) or _HEAD_WORD.fullmatch(w) for w in words_)
    bare = _UNIT_OF.match(name) is None and _BARE_UNIT.search(name) is not None
    return not (generic or bare) or _PARENT_AFTER.match(segment, e) is not None


def _has_name_word(name: str) -> bool:
    return len(name.split()) >= 2 or name.isupper()


def _merge_affiliated(segment: str, s: int, e: int) -> tuple[int, int]:
    if "Affiliated" in segment[s:e] and segment[s:e].endswith("Hospital"):
        tail = _AFFILIATED_MERGE.match(segment, e)
        if tail:
            return s, tail.end()
    return s, e
