"""What the relation rules read: the text, its sentences, the resolved mentions per sentence, and the
questions several rules ask about the document (its focus therapy, a unit's parents, the first team)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from cellkg.extract.lexicon.words import cue
from cellkg.extract.mentions.candidate import Candidate, Flag
from cellkg.extract.mentions.resolve import EntityDraft
from cellkg.extract.read.sentences import Sentence
from cellkg.extract.relations import anaphora, organisations
from cellkg.extract.relations.clauses import appositive_owner


@dataclass
class DocContext:
    text: str
    lang: str
    source: str
    sentences: list[Sentence]
    mentions: list[Candidate]
    entities: dict[str, EntityDraft]
    by_sentence: list[list[Candidate]] = field(default_factory=list)
    _parents: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_sentence = [[m for m in self.mentions if s.start <= m.start and m.end <= s.end] for s in self.sentences]

    def of_type(self, index: int, *types: str) -> list[Candidate]:
        return [m for m in self.by_sentence[index] if m.type in types]

    def before(self, index: int, *types: str, reach: int = 3) -> list[Candidate]:
        """Mentions of ``types`` in the ``reach`` sentences before ``index``, nearest last."""
        found = []
        for i in range(max(0, index - reach), index):
            found.extend(self.of_type(i, *types))
        return found

    def earlier_in_paragraph(self, index: int, type_: str, reach: int = 2) -> list[Candidate]:
        """Mentions of ``type_`` in up to ``reach`` earlier sentences of the same paragraph, nearest last."""
        line = self.sentences[index].line
        return [m for m in self.before(index, type_, reach=reach) if self.sentences[self._index_of(m)].line == line]

    def _index_of(self, mention: Candidate) -> int:
        return next(i for i, s in enumerate(self.sentences) if s.start <= mention.start < s.end)

    def flags(self, mention: Candidate) -> frozenset[Flag]:
        """The flags of the entity a mention resolved to (every mention of it contributes)."""
        return self.entities[mention.entity_key].flags

    def indications(self, index: int) -> list[Candidate]:
        """Diseases of a sentence that can be an indication: not an adverse event named as a risk ("降低GVHD的风险")."""
        return [d for d in self.of_type(index, "Disease") if self.is_indication(d)]

    def is_indication(self, d: Candidate) -> bool:
        return Flag.ADVERSE not in self.flags(d) or not (
            cue("risk_before", "any").search(self.text[max(0, d.start - 30) : d.start])
            or cue("risk_after", "any").search(self.text[d.end : d.end + 20])
        )

    def is_modality(self, mention: Candidate) -> bool:
        return Flag.MODALITY in self.flags(mention)

    @cached_property
    def focus_therapy(self) -> str | None:
        """The most mentioned specific (non-modality) therapy of the document."""
        counts = Counter(m.entity_key for m in self.mentions if m.type == "Therapy" and not self.is_modality(m))
        named = {m.entity_key for m in self.mentions if m.rule == "any.ther.code" or Flag.PRODUCT in m.flags}
        return max(counts, key=lambda key: (counts[key], key in named), default=None)

    def paragraph_therapy(self, index: int, reach: int) -> list[str]:
        """The last specific therapy named earlier in the paragraph ("HLX-201 is an iPSC-derived CAR-NK product")."""
        earlier = [m for m in self.earlier_in_paragraph(index, "Therapy", reach=reach) if not self.is_modality(m)]
        if not earlier:
            return []
        owner = appositive_owner(self.text, earlier[-1], [m for m in earlier if m.end <= earlier[-1].start])
        return [(owner or earlier[-1]).entity_key]

    def parents_of(self, unit_key: str) -> list[str]:
        """The organisations a unit belongs to (``organisations.parents_of``), asked once per unit."""
        if unit_key not in self._parents:
            self._parents[unit_key] = organisations.parents_of(self, unit_key)
        return self._parents[unit_key]

    @cached_property
    def first_team(self) -> list[str]:
        """The agents named right before the first mention of a team in the document."""
        return anaphora.first_team(self)

    def counted_orgs(self, index: int, position: int, phrase: str) -> list[str]:
        """ "the two institutions": the organisations named last before ``position``."""
        return organisations.counted_orgs(self, index, position, phrase)
