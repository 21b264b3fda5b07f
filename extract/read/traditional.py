"""Traditional Chinese: match on a Simplified copy, keep the original text for spans and evidence.

The lexicons and patterns are written in Simplified Chinese. OpenCC's t2s converts 醫院 to 医院
character for character, so a same-length Simplified copy shares every offset with the original:
the pipeline runs on the copy and every surface string is then read back from the original.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from cellkg.core.model import Entity, ExtractionResult, Relation


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def simplified_copy(text: str) -> str | None:
    """The same-length Simplified text, or None when the text has nothing Traditional in it."""
    converted = _converter().convert(text)
    if len(converted) != len(text):  # a phrase rule changed the length: fall back to single characters
        converted = "".join(c if len(c) == 1 else o for o, c in zip(text, map(_converter().convert, text), strict=True))
    return None if converted == text else converted


def restore_original(result: ExtractionResult, original: str) -> ExtractionResult:
    """Surface strings from the original text; the original forms join each entity's aliases."""
    mentions = tuple(replace(m, text=original[m.char_start : m.char_end]) for m in result.mentions)
    surfaces: dict[str, set[str]] = {}
    for mention in mentions:
        surfaces.setdefault(mention.entity_key, set()).add(mention.text)
    entities = tuple(_with_aliases(e, surfaces.get(e.key, set())) for e in result.entities)
    relations = tuple(
        Relation(
            r.type,
            r.source_key,
            r.target_key,
            tuple(replace(ev, sentence=original[ev.char_start : ev.char_end]) for ev in r.evidence),
        )
        for r in result.relations
    )
    return replace(
        result,
        document=replace(result.document, text=original),
        entities=entities,
        mentions=mentions,
        relations=relations,
    )


def _with_aliases(entity: Entity, forms: set[str]) -> Entity:
    return replace(entity, aliases=tuple(sorted(set(entity.aliases) | forms)))
