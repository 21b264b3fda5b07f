"""Disease mentions: lexicon hits widened over relapsed/refractory/advanced/stage qualifiers, which stay
aliases of the base disease (复发性套细胞淋巴瘤 → mantle cell lymphoma)."""

from __future__ import annotations

import re
from dataclasses import replace

from cellkg.extract.mentions.candidate import Candidate

_QUALIFIER_EN = re.compile(
    r"(?:(?:relapsed\s*(?:/|or|and)\s*refractory|refractory\s*(?:/|or|and)\s*relapsed|R/R|r/r|"
    r"relapsed|refractory|advanced(?:-stage)?|metastatic|late-stage|stage\s+(?:I{1,3}V?|IV|[1-4])[ABC]?|"
    r"recurrent|steroid-(?:refractory|resistant)|acute|chronic|severe|high-risk|newly\s+diagnosed)\s+)+$"
)
_QUALIFIER_ZH = re.compile(r"(?:复发/难治性?|复发难治性?|难治/复发性?|难治性|复发性|晚期|转移性|进展期)+$")


def widen_qualified(text: str, candidate: Candidate) -> Candidate:
    """Extend a Disease candidate leftwards over clinical qualifiers; the name stays the base disease."""
    window = text[max(0, candidate.start - 48) : candidate.start]
    match = _QUALIFIER_EN.search(window) or _QUALIFIER_ZH.search(window)
    if not match:
        return candidate
    start = candidate.start - (len(window) - match.start())
    return replace(candidate, start=start, text=text[start : candidate.end])
