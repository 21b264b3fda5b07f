"""Choose the mentions to keep from overlapping candidates: longest first, then most confident.

Nesting is allowed only where it carries meaning: a target inside a composed therapy
("ROR1" in "ROR1 CAR-T"), a product code inside a trial ("AB-101" in "AB-101 trial"), and a
parent organisation flagged ``nested`` inside a unit's name.
"""

from __future__ import annotations

import re

from cellkg.extract.lexicon.words import words
from cellkg.extract.mentions.candidate import Candidate, Flag

ALLOWED_NESTING = {("Therapy", "Target"), ("Trial", "Therapy")}
_MARKER_USE = re.compile(r"^\s?(?:\+|-positive|−|-negative|阳性|阴性)")
_NOT_TARGET_USE = re.compile(rf"^\s?(?:{words('not_target_after', 'any')})", re.I)


def nesting_allowed(outer: Candidate, inner: Candidate) -> bool:
    if not outer.contains(inner) or outer.start == inner.start and outer.end == inner.end:
        return False
    if (outer.type, inner.type) in ALLOWED_NESTING:
        return True
    return outer.type == inner.type == "Institution" and Flag.NESTED in inner.flags


def select_mentions(candidates: list[Candidate]) -> list[Candidate]:
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), -c.confidence, c.start))
    kept: list[Candidate] = []
    for candidate in ordered:
        if all(
            not candidate.overlaps(k) or nesting_allowed(k, candidate) or nesting_allowed(candidate, k) for k in kept
        ):
            kept.append(candidate)
    return sorted(kept, key=lambda c: (c.start, c.end))


def is_marker_use(text: str, candidate: Candidate) -> bool:
    """ "CD4+ T cells", "CD34-positive cells", "PD-1抗体", "HLA matching": a marker, a drug's target or a
    matching antigen, not what a cell therapy targets."""
    after = text[candidate.end : candidate.end + 24]
    return bool(_MARKER_USE.match(after) or _NOT_TARGET_USE.match(after))
