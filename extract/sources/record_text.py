"""The stored text of a structured record and where each field's value sits in it.

Evidence from a record points at the field that states the claim: ``text[start:end]`` is that field's value
as stored. JSON records are stored as their canonical serialisation (``json.dumps(record, ensure_ascii=False,
indent=2)``), so the same study read alone, from a page or from JSON lines has the same text and doc id;
``index_json`` finds every scalar value in it by its path (``protocolSection.conditionsModule.conditions[0]``).
XML and HTML records are stored as a plain rendering written by ``TextWriter``, one labelled field a line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
_scanstring = json.decoder.scanstring  # type: ignore[attr-defined]  # public since Python 2.6, untyped


@dataclass(frozen=True, slots=True)
class FieldSpan:
    """One field value in the stored text: ``text[start:end]`` is the value as stored (JSON-escaped in JSON)."""

    path: str
    start: int
    end: int
    value: str  # the decoded value

    def span_of(self, sub_start: int, sub_end: int) -> tuple[int, int]:
        """Stored-text span of ``value[sub_start:sub_end]`` (escapes in the stored form shift offsets)."""
        offsets = _stored_offsets(self.value, self.start, self.end)
        return offsets[sub_start], offsets[sub_end]


def canonical_json(record: object) -> str:
    return json.dumps(record, ensure_ascii=False, indent=2)


def index_json(text: str) -> dict[str, FieldSpan]:
    """Path → span of every string and number in ``text`` (a JSON document)."""
    spans: dict[str, FieldSpan] = {}
    _value(text, 0, "", spans)
    return spans


def _skip(text: str, pos: int) -> int:
    match = _SPACE.match(text, pos)
    return match.end() if match else pos


def _value(text: str, pos: int, path: str, spans: dict[str, FieldSpan]) -> int:
    pos = _skip(text, pos)
    opener = text[pos]
    if opener == "{":
        return _members(text, pos + 1, "}", path, spans)
    if opener == "[":
        return _members(text, pos + 1, "]", path, spans)
    if opener == '"':
        value, end = _scanstring(text, pos + 1)
        spans[path] = FieldSpan(path, pos + 1, end - 1, value)
        return end
    value, end = _DECODER.raw_decode(text, pos)
    if value is not None and not isinstance(value, bool):
        spans[path] = FieldSpan(path, pos, end, str(value))
    return end


def _members(text: str, pos: int, closer: str, path: str, spans: dict[str, FieldSpan]) -> int:
    index = 0
    while True:
        pos = _skip(text, pos)
        if text[pos] == closer:
            return pos + 1
        if text[pos] == ",":
            pos = _skip(text, pos + 1)
        if closer == "}":
            key, pos = _scanstring(text, pos + 1)
            pos = _skip(text, pos) + 1  # the colon
            pos = _value(text, pos, f"{path}.{key}" if path else key, spans)
        else:
            pos = _value(text, pos, f"{path}[{index}]", spans)
            index += 1


def _stored_offsets(value: str, start: int, end: int) -> list[int]:
    """Stored offset of each decoded character of a JSON string (and of its end)."""
    if end - start == len(value):  # nothing escaped: one stored character per character
        return list(range(start, end + 1))
    return _escaped_offsets(value, start)


def _escaped_offsets(value: str, start: int) -> list[int]:
    # an escape is "\\x" (two stored characters) or "\\uXXXX" (six); everything else is one character
    stored = json.dumps(value, ensure_ascii=False)[1:-1]
    offsets, pos, index = [], start, 0
    while index < len(stored):
        offsets.append(pos)
        width = 1 if stored[index] != "\\" else (6 if stored[index + 1] == "u" else 2)
        index += width
        pos += width
    offsets.append(pos)
    return offsets


@dataclass
class TextWriter:
    """Builds the plain rendering of an XML or HTML record, remembering where each field's value went."""

    parts: list[str] = field(default_factory=list)
    length: int = 0

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def field(self, path: str, value: str, *, label: str = "", end: str = "\n") -> FieldSpan | None:
        """Write ``label`` + ``value`` + ``end``; returns the value's span (None for an empty value)."""
        value = " ".join(value.split())
        if not value:
            return None
        self.write(label)
        span = FieldSpan(path, self.length, self.length + len(value), value)
        self.write(value + end)
        return span

    @property
    def text(self) -> str:
        return "".join(self.parts)
