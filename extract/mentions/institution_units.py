"""Units and their parents in English organisation names: comma chains of affiliation lines ("Department of
Oncology, the Second Clinical Campus, Eastbay General Hospital") give the whole chain, its unit as the short
name and every level above the unit as a nested Institution; "<unit> of (the) <top-level org>" gives the
top-level organisation nested in the unit's name."""

from __future__ import annotations

import re

from cellkg.extract.lexicon.words import words
from cellkg.extract.mentions.candidate import Candidate, Flag, make_candidate
from cellkg.extract.rules import confidence

_UNIT_OF = re.compile(rf"^(.*?\b(?:{words('unit_of_head')}))\s+of\s+(?:the\s+)?(.+)$")
_TOP_FINAL = re.compile(rf"(?:{words('top_org_end')})$")
_UNIT_START = re.compile(rf"^(?:{words('unit_start')})\b|\b(?:{words('unit_end')})$")
_CHAIN_GAP = re.compile(r"^\s*,\s*(?:the\s+)?$", re.I)


def chain_candidates(text: str, start: int, segment: str, group: list[tuple[int, int]]) -> list[Candidate]:
    """The candidates of one chain of ``segment`` (which starts at ``start`` in ``text``)."""
    found = []
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
        _nested(text, start + s, start + e) for s, e in group[1:] if e == last_e or _TOP_FINAL.search(segment[s:e])
    )
    if len(group) == 1:
        found.extend(_unit_parent(text, start + first_s, start + last_e))
    return found


def chains(segment: str, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
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


def _nested(text: str, s: int, e: int) -> Candidate:
    return make_candidate(
        text, "Institution", s, e, "en.inst.parent", confidence("en.inst.parent"), flags=frozenset({Flag.NESTED})
    )


def _unit_parent(text: str, s: int, e: int) -> list[Candidate]:
    match = _UNIT_OF.match(text[s:e])
    if not match or not _TOP_FINAL.search(match.group(2)):
        return []
    parent_start = s + match.start(2)
    return [_nested(text, parent_start, e)]
