"""Versioned domain lexicons (extract/lexicon/*.tsv) and one Aho-Corasick matcher over raw text.

Short all-capital aliases (``TIL``, ``HLA``, ``CAR-T``) match case-sensitively; longer or
mixed-case aliases match case-insensitively. Latin aliases need word boundaries on both sides;
Chinese aliases match on characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable

import ahocorasick

from cellkg.core.model import entity_key

LEXICON_DIR: Traversable = files("cellkg.extract") / "lexicon"  # package data
LEXICON_FILES = {
    "Target": "targets.tsv",
    "Therapy": "therapies.tsv",
    "Disease": "diseases.tsv",
    "Institution": "institutions.tsv",
}
_WORD_CHAR = re.compile(r"[A-Za-z0-9]")


@dataclass(frozen=True, slots=True)
class LexEntry:
    type: str
    name: str
    key: str
    aliases: tuple[str, ...]
    flags: frozenset[str]


def read_tsv(path: Traversable) -> tuple[str, list[list[str]]]:
    """Return (version, rows) of a lexicon file; the version header is mandatory."""
    version, rows = "", []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# version:"):
            version = line.split(":", 1)[1].strip()
        elif line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    if not version:
        raise ValueError(f"{path} has no '# version:' header")
    return version, rows


def _entry(type_: str, row: list[str]) -> LexEntry:
    cells = row + [""] * (4 - len(row))
    if type_ == "Target":  # name, hgnc, aliases, flags
        name, hgnc, aliases, flags = cells[:4]
        return LexEntry(type_, name, entity_key(type_, hgnc), _split(name, hgnc, aliases), _flags(flags))
    name, aliases, flags = cells[:3]
    return LexEntry(type_, name, entity_key(type_, name), _split(name, aliases), _flags(flags))


def _split(*fields: str) -> tuple[str, ...]:
    found: list[str] = []
    for value in fields:
        found.extend(a.strip() for a in value.split("|") if a.strip() and a.strip() not in found)
    return tuple(found)


def _flags(value: str) -> frozenset[str]:
    return frozenset(f.strip() for f in value.split("|") if f.strip())


@lru_cache(maxsize=1)
def load_entries() -> tuple[LexEntry, ...]:
    entries = []
    for type_, file_name in LEXICON_FILES.items():
        _, rows = read_tsv(LEXICON_DIR / file_name)
        entries.extend(_entry(type_, row) for row in rows)
    return tuple(entries)


def is_case_sensitive(alias: str) -> bool:
    return len(alias) <= 6 and not any(c.islower() for c in alias)


@lru_cache(maxsize=1)
def automaton() -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for entry in load_entries():
        for alias in entry.aliases:
            folded = alias.lower()
            payload = auto.get(folded, [])
            auto.add_word(folded, payload + [(entry, alias)])
    auto.make_automaton()
    return auto


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    first, last = text[start], text[end - 1]
    left_ok = not (_WORD_CHAR.match(first) and _WORD_CHAR.match(before))
    right_ok = not (_WORD_CHAR.match(last) and _WORD_CHAR.match(after))
    return left_ok and right_ok


def fold_case(text: str) -> str:
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


_WORD_ALIASES = frozenset({"all", "met", "can", "aim", "set", "act", "its", "may", "art", "kit", "era", "hit", "ran"})
_CAPS_WORD = re.compile(r"[A-Z]{2,}")


def _shouted_word(text: str, start: int, end: int, alias: str) -> bool:
    """ "ALL" or "MET" inside an upper-case heading ("ALL PATIENTS RESPONDED") is the English word."""
    if alias.lower() not in _WORD_ALIASES:
        return False
    before = text[max(0, start - 16) : start].split()
    after = text[end : end + 16].split()
    return any(_CAPS_WORD.fullmatch(w.strip(".,:;!?")) for w in before[-1:] + after[:1])


def find_lexicon_matches(text: str) -> list[tuple[int, int, LexEntry]]:
    """Every (start, end, entry) whose alias occurs in ``text`` with valid case and boundaries."""
    matches = []
    for end_index, payload in automaton().iter(fold_case(text)):
        for entry, alias in payload:
            start, end = end_index - len(alias) + 1, end_index + 1
            if is_case_sensitive(alias) and (text[start:end] != alias or _shouted_word(text, start, end, alias)):
                continue
            if _bounded(text, start, end):
                matches.append((start, end, entry))
    return matches
