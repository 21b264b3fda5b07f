"""The disease hierarchy shipped beside the lexicons (disease_hierarchy.tsv): a subset of MONDO.

It holds the lexicon's diseases and every MONDO class on their ``is_a`` paths up to the lexicon's
umbrella terms ("lymphoma", "cancer") or MONDO's "neoplasm", so that every path between two of them
survives: diffuse large B-cell lymphoma is a lymphoma through MONDO's own intermediate classes.
Derived by scripts/derive_identifiers.py; sources and versions in the file's header.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from cellkg.extract.lexicon import LEXICON_DIR, read_tsv


@dataclass(frozen=True, slots=True)
class DiseaseClass:
    curie: str  # "MONDO:0018905"
    name: str  # MONDO's label
    parents: tuple[str, ...]  # the classes it is_a, all of them in the file


@lru_cache(maxsize=1)
def disease_classes() -> tuple[DiseaseClass, ...]:
    """Every class of the hierarchy; ValueError when a parent is missing from the file."""
    _, rows = read_tsv(LEXICON_DIR / "disease_hierarchy.tsv")
    classes = tuple(DiseaseClass(r[0], r[1], tuple(p for p in (r + [""])[2].split("|") if p)) for r in rows)
    known = {c.curie for c in classes}
    for disease in classes:
        if missing := set(disease.parents) - known:
            raise ValueError(f"disease_hierarchy.tsv: {disease.curie} has parents {sorted(missing)} not in the file")
    return classes


@lru_cache(maxsize=1)
def disease_parents() -> Mapping[str, tuple[str, ...]]:
    """Child CURIE -> the CURIEs of its direct parents (IS_A edges); roots map to ()."""
    return {disease.curie: disease.parents for disease in disease_classes()}
