"""Candidate pairs: every type-compatible pair of mentions that could state a relation.

A *context* is one pair of mentions (source, target) and where they meet: the same sentence, two
adjacent sentences of one paragraph (anaphora already resolved to entity keys), or an author block (a
line of several people followed by the lines that name their institutions). The signatures of
``cellkg.core.schema`` decide which types pair; COLLABORATES_WITH is taken once per unordered pair.
"""

from __future__ import annotations

from dataclasses import dataclass

from cellkg.core.schema import RELATION_SIGNATURES, SYMMETRIC_RELATIONS
from cellkg.extract.mentions.candidate import Candidate
from cellkg.extract.relations.context import DocContext

AUTHOR_BLOCK_MIN = 2  # people on one line that make it an author line
AUTHOR_BLOCK_REACH = 3  # lines after an author line that may name its institutions

_PAIRS: dict[tuple[str, str], tuple[str, ...]] = {}
for _type, (_sources, _targets) in RELATION_SIGNATURES.items():
    for _s in _sources:
        for _t in _targets:
            _PAIRS[_s, _t] = (*_PAIRS.get((_s, _t), ()), _type)


@dataclass(frozen=True, slots=True)
class Context:
    rel_type: str
    source: Candidate
    target: Candidate
    index: int  # the sentence of the evidence (the later one of two)
    reach: str  # "same", "adjacent" or "block"
    other: int  # the sentence of the earlier end (``index`` when both are in one sentence)


def relation_types(source_type: str, target_type: str) -> tuple[str, ...]:
    return _PAIRS.get((source_type, target_type), ())


def _pairs(left: list[Candidate], right: list[Candidate], index: int, reach: str, other: int) -> list[Context]:
    found = []
    for a in left:
        for b in right:
            if a.entity_key == b.entity_key:
                continue
            for rel_type in relation_types(a.type, b.type):
                if rel_type in SYMMETRIC_RELATIONS and reach == "same" and b.start < a.start:
                    continue  # once per unordered pair
                found.append(Context(rel_type, a, b, index, reach, other))
    return found


def author_lines(ctx: DocContext) -> set[int]:
    """Lines that list several people (the author line of a paper or release)."""
    people: dict[int, set[str]] = {}
    for index, sentence in enumerate(ctx.sentences):
        people.setdefault(sentence.line, set()).update(m.entity_key for m in ctx.of_type(index, "Researcher"))
    return {line for line, keys in people.items() if len(keys) >= AUTHOR_BLOCK_MIN}


def contexts(ctx: DocContext) -> list[Context]:
    """Every candidate context of the document, in document order."""
    found: list[Context] = []
    sentences = ctx.sentences
    authors = author_lines(ctx)
    for index, sentence in enumerate(sentences):
        here = ctx.by_sentence[index]
        found.extend(_pairs(here, here, index, "same", index))
        if index and sentences[index - 1].line == sentence.line:
            before = ctx.by_sentence[index - 1]
            found.extend(
                _pairs(before, here, index, "adjacent", index - 1) + _pairs(here, before, index, "adjacent", index - 1)
            )
    for index, sentence in enumerate(sentences):
        if sentence.line not in authors:
            continue
        people = ctx.of_type(index, "Researcher")
        for later in range(index + 1, len(sentences)):
            gap = sentences[later].line - sentence.line
            if gap > AUTHOR_BLOCK_REACH or sentences[later].line in authors:
                break
            if gap > 0:
                found.extend(_pairs(people, ctx.of_type(later, "Institution"), later, "block", index))
    return found
