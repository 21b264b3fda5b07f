"""Later bare uses of names already established in a document: every further occurrence of a pattern-found
name or abbreviation, and a company's short name ("Acme Therapeutics … Acme said"), becomes a mention."""

from __future__ import annotations

import re
from dataclasses import replace

from cellkg.extract.lexicon.words import word_set, words
from cellkg.extract.mentions.candidate import Candidate, Flag
from cellkg.extract.read.sentences import Sentence

_SWEEP_TYPES = ("Institution", "Therapy", "Researcher")
_COMPANY = re.compile(rf"^([A-Z][a-z]{{3,}}[A-Za-z]*)\s+(?:{words('company_suffix')})(?:,?\s+Inc\.?)?$")


def sweep_surfaces(text: str, sentences: list[Sentence], mentions: list[Candidate]) -> list[Candidate]:
    """Find further bare occurrences of names and abbreviations already established in the document."""
    surfaces = {
        m.text: m for m in mentions if m.type in _SWEEP_TYPES and len(m.text) >= 3 and Flag.GENERIC not in m.flags
    }
    for m in mentions:  # "Acme Therapeutics … Acme said": the company's short name
        short = _COMPANY.match(m.text) if m.type == "Institution" else None
        if short and short.group(1) not in word_set("not_short_name"):
            surfaces.setdefault(short.group(1), m)
    if not surfaces:
        return mentions
    pattern = re.compile("|".join(re.escape(s) for s in sorted(surfaces, key=len, reverse=True)))
    taken = [(m.start, m.end) for m in mentions]
    added = []
    for sentence in sentences:
        for match in pattern.finditer(text, sentence.start, sentence.end):
            s, e = match.span()
            if _word_bounded(text, s, e) and not any(a < e and s < b for a, b in taken):
                added.append(
                    replace(
                        surfaces[match.group()],
                        start=s,
                        end=e,
                        rule="any.sweep",
                        key=surfaces[match.group()].entity_key,
                    )
                )
                taken.append((s, e))
    return sorted(mentions + added, key=lambda c: c.start)


def _word_bounded(text: str, s: int, e: int) -> bool:
    before = text[s - 1] if s else " "
    after = text[e] if e < len(text) else " "
    return not (before.isascii() and before.isalnum() and text[s].isascii()) and not (
        after.isascii() and after.isalnum() and text[e - 1].isascii()
    )
