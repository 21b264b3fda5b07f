"""Reading field values out of an index of spans: every value of a repeated field, in record order."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from cellkg.core.model import Entity, ExtractionResult
from cellkg.extract.extractor import extract_text
from cellkg.extract.sources.record_text import FieldSpan


@lru_cache(maxsize=256)
def _pattern(path: str) -> re.Pattern[str]:
    return re.compile(re.escape(path).replace(r"\[\*\]", r"\[\d+\]"))


def each(fields: dict[str, FieldSpan], path: str) -> Iterator[FieldSpan]:
    """Values of ``path``, where ``[*]`` stands for any index: ``interventions[*].otherNames[*]``."""
    if "[*]" not in path:
        if path in fields:
            yield fields[path]
        return
    pattern = _pattern(path)
    yield from (span for key, span in fields.items() if pattern.fullmatch(key))


def value(fields: dict[str, FieldSpan], path: str) -> str:
    span = fields.get(path)
    return span.value if span else ""


@lru_cache(maxsize=65536)
def read_value(text: str) -> ExtractionResult:
    """The text extractor's reading of one field value (the same values recur across records: cached)."""
    return extract_text(text, name="field")


def found(text: str, entity_type: str) -> list[tuple[Entity, int, int]]:
    """Entities of ``entity_type`` the text extractor finds in ``text``, with the span of each mention."""
    result = read_value(text)
    by_key = {e.key: e for e in result.entities if e.type == entity_type}
    return [(by_key[m.entity_key], m.char_start, m.char_end) for m in result.mentions if m.entity_key in by_key]


def targeted_in(text: str) -> set[str]:
    """Keys of the targets the text extractor says a therapy in ``text`` targets."""
    return {r.target_key for r in read_value(text).relations if r.type == "TARGETS"}
