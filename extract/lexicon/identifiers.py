"""Entities get the identifiers the lexicons give for them (HGNC, MONDO, DOID, ROR) and trials the
CURIEs of the registry numbers in their names (NCT, ChiCTR, EudraCT, EU CT, jRCT, ISRCTN).

A lexicon entity is found by its key, else by its name or an alias (normalised, so "Diffuse Large
B-Cell Lymphoma" from a trial record finds the DLBCL row); an alias two rows with different ids share
names neither. China's drug trial registry numbers (CTR20...) have no prefix in the Bioregistry and
get none.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from cellkg.core.model import Entity, normalise
from cellkg.core.xrefs import make_curie
from cellkg.extract.lexicon import load_entries

# registry number -> Bioregistry prefix; the EU CT number (CTIS) is tried before the shorter EudraCT one
_TRIAL_NUMBERS = (
    ("clinicaltrials", re.compile(r"(?<![A-Za-z0-9])NCT\d{8}(?!\d)")),
    ("chictr", re.compile(r"(?<![A-Za-z0-9])ChiCTR(?:-[A-Z]+-)?\d+")),
    ("ctis", re.compile(r"(?<![\d-])\d{4}-\d{6}-\d{2}-\d{2}(?![\d-])")),
    ("euclinicaltrials", re.compile(r"(?<![\d-])\d{4}-\d{6}-\d{2}(?![\d-])")),
    ("jrct", re.compile(r"(?<![A-Za-z0-9])jRCT[a-z]?\d+")),
    ("isrctn", re.compile(r"(?<![A-Za-z0-9])ISRCTN\d+")),
)


@lru_cache(maxsize=1)
def _lexicon_xrefs() -> tuple[dict[str, tuple[str, ...]], dict[tuple[str, str], tuple[str, ...]]]:
    """(entity key -> xrefs, (type, normalised name or alias) -> xrefs), without ambiguous names."""
    by_key: dict[str, tuple[str, ...]] = {}
    by_name: dict[tuple[str, str], set[tuple[str, ...]]] = {}
    for entry in load_entries():
        if entry.xrefs:
            by_key.setdefault(entry.key, entry.xrefs)
            for form in (entry.name, *entry.aliases):
                by_name.setdefault((entry.type, normalise(form)), set()).add(entry.xrefs)
    unambiguous = {name: next(iter(found)) for name, found in by_name.items() if len(found) == 1}
    return by_key, unambiguous


def _trial_xrefs(entity: Entity) -> list[str]:
    found: list[str] = []
    for text in (entity.name, *entity.aliases):
        for prefix, pattern in _TRIAL_NUMBERS:
            for number in pattern.findall(text):
                try:
                    found.append(make_curie(prefix, number))
                except ValueError:  # a number that breaks the registry's pattern names nothing
                    continue
            text = pattern.sub(" ", text)  # an EU CT number is not read again as a EudraCT number
    return found


def _lexicon_ids(entity: Entity) -> tuple[str, ...]:
    """The lexicon's ids for the entity: by key, else by its name or an alias."""
    by_key, by_name = _lexicon_xrefs()
    if found := by_key.get(entity.key):
        return found
    for form in (entity.name, *entity.aliases):
        if found := by_name.get((entity.type, normalise(form))):
            return found
    return ()


def with_xrefs(entity: Entity) -> Entity:
    """The entity with the lexicon's identifiers for it added to ``xrefs``."""
    found = _trial_xrefs(entity) if entity.type == "Trial" else list(_lexicon_ids(entity))
    merged = tuple(dict.fromkeys((*entity.xrefs, *found)))
    return entity if merged == entity.xrefs else replace(entity, xrefs=merged)
