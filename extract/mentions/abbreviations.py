"""Declared short forms: a parenthesised abbreviation after a name ("… School of Medicine (NXSM)") and a
declared short name ("杭州某某生物医药有限公司（以下简称“某某生物”）") become mentions of the name before them."""

from __future__ import annotations

import re
from dataclasses import replace

from cellkg.extract.mentions.candidate import Candidate, Flag

_ABBREVIATION = re.compile(r"\s*[(（]\s*([A-Za-z][A-Za-z0-9.&\- ]{1,24}?)\s*[)）]")
# "杭州科瑞恩生物医药有限公司（以下简称“科瑞恩生物”）", "Acme Inc. (hereinafter "Acme")": a declared short name
_SHORT_NAME = re.compile(
    r"\s*[(（]\s*(?:以下简称|下称|简称|hereinafter(?:\s+referred\s+to\s+as)?|hereafter)\s*[:：]?\s*"
    r"[“\"‘']([^”\"’']{2,24})[”\"’']\s*[)）]",
    re.I,
)


def add_abbreviations(text: str, mentions: list[Candidate]) -> list[Candidate]:
    by_end: dict[int, list[Candidate]] = {}
    for m in mentions:
        by_end.setdefault(m.end, []).append(m)
    taken = [(m.start, m.end) for m in mentions]
    added = []
    for end, owners in by_end.items():
        match = _ABBREVIATION.match(text, end) or _SHORT_NAME.match(text, end)
        if not match or any(s < match.end(1) and match.start(1) < e for s, e in taken):
            continue
        owner = _abbreviation_owner(match.group(1), owners)
        added.append(
            replace(
                owner,
                start=match.start(1),
                end=match.end(1),
                text=match.group(1),
                rule="any.abbrev",
                key=owner.entity_key,
                flags=owner.flags - {Flag.NESTED},
            )
        )
    return sorted(mentions + added, key=lambda c: c.start)


def _abbreviation_owner(abbreviation: str, owners: list[Candidate]) -> Candidate:
    fitting = [o for o in owners if o.text[:1].lower() == abbreviation[:1].lower()]
    return min(fitting or owners, key=lambda o: o.end - o.start)
