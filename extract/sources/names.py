"""Names a record's field gives, resolved to the keys the text extractor gives the same things.

A sponsor, a condition or an intervention named in a record must become the node a news article or an
abstract naming it becomes: the field's value is looked up in the lexicons (any alias, normalised) and
otherwise read by the text extractor itself; a value neither knows keeps its own name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cellkg.core.model import Entity, normalise
from cellkg.extract.lexicon import LexEntry, load_entries
from cellkg.extract.mentions.candidate import Flag
from cellkg.extract.mentions.people import canonical_person
from cellkg.extract.mentions.pinyin_names import chinese_to_pinyin
from cellkg.extract.sources.fields import read_value

# academic degrees and titles after a comma or before a name: "Zhang San, MD, PhD", "Prof. Li Si"
_DEGREES = re.compile(
    r"(?:,\s*|\s+)(?:M\.?D\.?|Ph\.?\s?D\.?|M\.?B\.?B\.?S\.?|M\.?Sc?\.?|B\.?Sc?\.?|M\.?P\.?H\.?|M\.?B\.?A\.?|"
    r"D\.?O\.?|R\.?N\.?|Pharm\.?\s?D\.?|FRCP\w*|FACP|Prof(?:essor)?\.?|Dr\.?|MD-PhD)(?=,|\s|$)",
    re.I,
)
_TITLE_BEFORE = re.compile(r"^(?:Prof(?:essor)?\.?|Dr\.?|Mr\.?|Mrs\.?|Ms\.?)\s+", re.I)


@lru_cache(maxsize=1)
def _lexicon_index() -> dict[tuple[str, str], LexEntry]:
    index: dict[tuple[str, str], LexEntry] = {}
    for entry in load_entries():
        for alias in entry.aliases:
            index.setdefault((entry.type, normalise(alias)), entry)
    return index


def lexicon_entry(entity_type: str, surface: str) -> LexEntry | None:
    return _lexicon_index().get((entity_type, normalise(surface)))


@lru_cache(maxsize=1)
def _modality_keys() -> frozenset[str]:
    return frozenset(e.key for e in load_entries() if Flag.MODALITY in e.flags)


def is_modality(key: str) -> bool:
    """A generic modality ("CAR-T"), not a product: never the name of an intervention."""
    return key in _modality_keys()


@lru_cache(maxsize=65536)
def resolve(entity_type: str, surface: str) -> Entity:
    """The entity a field value names: lexicon entry, else the text extractor's reading of the whole value,
    else the value itself."""
    surface = " ".join(surface.split())
    entry = lexicon_entry(entity_type, surface)
    if entry is not None:
        return Entity(entity_type, entry.name, aliases=(surface, *entry.aliases), key=entry.key)
    found = [e for e in read_value(surface).entities if e.type == entity_type]
    whole = [e for e in found if normalise(surface) in {normalise(a) for a in (e.name, *e.aliases)}]
    if len(whole) == 1:
        return Entity(entity_type, whole[0].name, aliases=(surface, *whole[0].aliases), key=whole[0].key)
    if entity_type == "Disease" and len(found) == 1:  # "Advanced Pancreatic Cancer" is pancreatic cancer
        return Entity(entity_type, found[0].name, aliases=(surface, *found[0].aliases), key=found[0].key)
    return Entity(entity_type, surface, aliases=(surface,))


def strip_degrees(raw: str) -> str:
    """ "Zhang San, MD, PhD" → "Zhang San"; "Doe, John" → "John Doe"."""
    name = _DEGREES.sub("", _TITLE_BEFORE.sub("", " ".join(raw.split()))).strip(" ,")
    if "," in name:  # "Doe, John": family name first, as registries sometimes write it
        family, _, given = name.partition(",")
        name = f"{given.strip()} {family.strip()}"
    return name


# placeholders registries put where a person's name belongs ("Clinical Trials", "Medical Director")
_NOT_PERSON_WORDS = frozenset(
    {"clinical", "trials", "trial", "study", "director", "medical", "monitor", "call", "center", "centre", "team"}
)


_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")


def is_person(written: str) -> bool:
    """A name a person has: two to four Han characters, or two to five capitalised words without digits;
    never an organisation the extractor knows."""
    if _HAN_NAME.fullmatch(written):
        return not any(e.type == "Institution" for e in read_value(written).entities)
    words = written.split()
    return (
        2 <= len(words) <= 5
        and all(w[0].isupper() for w in words)
        and not any(c.isdigit() for c in written)
        and not _NOT_PERSON_WORDS & {w.lower().strip(".,") for w in words}
        and not any(e.type == "Institution" for e in read_value(written).entities)
    )


def researcher(raw: str, *, orcid: str = "") -> Entity:
    """A researcher named as the text extractor names people ("Yuhong Li, MD" → "Li Yuhong", pinyin family
    name first), keyed by ORCID when one is given: different ORCIDs never merge, one ORCID merges spellings."""
    written = strip_degrees(raw)
    name = chinese_to_pinyin(written) if _HAN_NAME.fullmatch(written) else canonical_person(written.split())
    key = f"Researcher:orcid{orcid.replace('-', '').lower()}" if orcid else ""
    return Entity("Researcher", name, aliases=tuple(dict.fromkeys((name, written))), key=key)
