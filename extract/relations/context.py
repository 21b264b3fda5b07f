"""What the relation rules read: the text, its sentences, the resolved mentions per sentence."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from cellkg.extract.candidates import Candidate
from cellkg.extract.resolve import EntityDraft
from cellkg.extract.sentences import Sentence
from cellkg.extract.triggers import RISK_AFTER, RISK_BEFORE

_RISK_BEFORE, _RISK_AFTER = re.compile(RISK_BEFORE, re.I), re.compile(RISK_AFTER, re.I)


@dataclass
class DocContext:
    text: str
    lang: str
    source: str
    sentences: list[Sentence]
    mentions: list[Candidate]
    entities: dict[str, EntityDraft]
    by_sentence: list[list[Candidate]] = field(default_factory=list)

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

    def indications(self, index: int) -> list[Candidate]:
        """Diseases of a sentence that can be an indication: not an adverse event named as a risk ("降低GVHD的风险")."""
        return [d for d in self.of_type(index, "Disease") if self.is_indication(d)]

    def is_indication(self, d: Candidate) -> bool:
        return "adverse" not in self.entities[d.entity_key].flags or not (
            _RISK_BEFORE.search(self.text[max(0, d.start - 30) : d.start])
            or _RISK_AFTER.search(self.text[d.end : d.end + 20])
        )

    def is_modality(self, mention: Candidate) -> bool:
        return "modality" in self.entities[mention.entity_key].flags

    def focus_therapy(self) -> str | None:
        """The most mentioned specific (non-modality) therapy of the document."""
        counts = Counter(m.entity_key for m in self.mentions if m.type == "Therapy" and not self.is_modality(m))
        named = {m.entity_key for m in self.mentions if m.rule == "any.ther.code" or "product" in m.flags}
        return max(counts, key=lambda key: (counts[key], key in named), default=None)
