"""Names of therapies found by pattern: the modality a surface names ("CAR T-cell therapy" → CAR-T), the
source and cell type of a derived therapy (``lexicon/derived_names.tsv``), and the Therapy candidate."""

from __future__ import annotations

import re
from functools import cache

from cellkg.core.model import entity_key
from cellkg.extract.lexicon import LEXICON_DIR, read_tsv
from cellkg.extract.lexicon.words import cue
from cellkg.extract.mentions.candidate import Candidate, make_candidate
from cellkg.extract.rules import confidence

_CHINESE_CAR = re.compile(r"^嵌合抗原受体-?(?:[(（]CAR[)）])?-?")
_CASES = {"blind": re.IGNORECASE, "exact": re.NOFLAG}


@cache
def _derived_parts() -> dict[str, tuple[tuple[str, re.Pattern[str]], ...]]:
    """part (source, cell) → (name, pattern) in file order; a bad part or case fails at load."""
    _, rows = read_tsv(LEXICON_DIR / "derived_names.tsv")
    parts: dict[str, list[tuple[str, re.Pattern[str]]]] = {"source": [], "cell": []}
    for row in rows:
        if len(row) != 4 or row[0] not in parts or row[3] not in _CASES:
            raise ValueError(f"derived_names.tsv: bad row {row!r} (source|cell, name, pattern, blind|exact)")
        parts[row[0]].append((row[1], re.compile(row[2], _CASES[row[3]])))
    return {part: tuple(names) for part, names in parts.items()}


def derived_name(surface: str) -> str:
    """ "胚胎干细胞衍生NK细胞" and "embryonic stem cell-derived NK cells" → one name."""
    parts = _derived_parts()
    source = next((name for name, pattern in parts["source"] if pattern.search(surface)), "stem cell")
    cell = next((name for name, pattern in parts["cell"] if pattern.search(surface)), "cells")
    return f"{source}-derived {cell}"


def names_modality(surface: str) -> bool:
    return cue("modality_core", "any").search(surface) is not None


def modality_name(surface: str) -> str:
    """ "CAR T-cell therapy" → "CAR-T", "CAR NK" → "CAR-NK", "嵌合抗原受体(CAR)-T细胞" → "CAR-T"."""
    core = cue("modality_core", "any").search(surface)
    return _CHINESE_CAR.sub("CAR-", re.sub(r"[\s-]+", "-", core.group()).upper()) if core else surface.strip()


def therapy_candidate(
    text: str, s: int, e: int, rule: str, name: str | None = None, key_name: str | None = None
) -> Candidate:
    """A Therapy candidate; ``key_name`` keys it apart from its surface ("γδ T cell subset" → γδT subpopulation)."""
    key = entity_key("Therapy", key_name) if key_name else ""
    return make_candidate(text, "Therapy", s, e, rule, confidence(rule), name=name, key=key)
