"""The unit every finder produces: a typed span of the document text with its canonical name, and the
closed set of flags a span or a lexicon entry may carry."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from cellkg.core.model import entity_key


class Flag(StrEnum):
    """What a mention or lexicon entry is, beyond its type; lexicon files may use only these words."""

    TOP = "top"  # a parent organisation (lexicon)
    COMPANY = "company"
    REGULATOR = "regulator"  # approves or reviews products, never develops them
    REGISTRY = "registry"  # a trial registry, never a trial site
    MODALITY = "modality"  # a generic kind of therapy ("CAR-T"), not a product
    PRODUCT = "product"  # a named product
    CONTEXT = "context"  # a lexicon alias that needs a therapy cue in its sentence
    GENERIC = "generic"  # an umbrella word ("cancer", "clinical trials")
    ADVERSE = "adverse"  # a disease that is an adverse event of therapy (GVHD)
    NESTED = "nested"  # a parent organisation named inside a unit's name
    IDENTIFIED = "identified"  # a trial named by registry id or acronym
    ANAPHOR = "anaphor"  # "the hospital", "该院": stands for an organisation named before


@dataclass(frozen=True, slots=True)
class Candidate:
    type: str
    start: int
    end: int
    text: str  # exactly document_text[start:end]
    name: str  # canonical name proposed by the finder
    rule: str
    confidence: float
    key: str = ""  # stable cross-document key; entity_key(type, name) when empty
    flags: frozenset[Flag] = field(default_factory=frozenset)
    aliases: tuple[str, ...] = ()  # extra well-known forms (lexicon aliases, pinyin)

    @property
    def entity_key(self) -> str:
        return self.key or entity_key(self.type, self.name)

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Candidate) -> bool:
        return self.start <= other.start and other.end <= self.end and self != other


def make_candidate(
    text: str, type_: str, start: int, end: int, rule: str, confidence: float, *, name: str | None = None, **extra
) -> Candidate:
    """Build a candidate whose ``text`` is guaranteed to be the document slice."""
    surface = text[start:end]
    return Candidate(type_, start, end, surface, name or surface, rule, confidence, **extra)
