"""The unit every finder produces: a typed span of the document text with its canonical name."""

from __future__ import annotations

from dataclasses import dataclass, field

from cellkg.core.model import entity_key


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
    flags: frozenset[str] = field(default_factory=frozenset)
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
