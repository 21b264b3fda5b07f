"""One Aho-Corasick matcher over raw text for every alias of the domain lexicons.

Short all-capital aliases (``TIL``, ``HLA``, ``CAR-T``) match case-sensitively; longer or
mixed-case aliases match case-insensitively. Latin aliases need word boundaries on both sides;
Chinese aliases match on characters.
"""

from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick

from cellkg.extract.lexicon import LexEntry, load_entries
from cellkg.extract.lexicon.words import word_set

_WORD_CHAR = re.compile(r"[A-Za-z0-9]")


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


_CAPS_WORD = re.compile(r"[A-Z]{2,}")


def _shouted_word(text: str, start: int, end: int, alias: str) -> bool:
    """ "ALL" or "MET" inside an upper-case heading ("ALL PATIENTS RESPONDED") is the English word."""
    if alias.lower() not in word_set("shouted_word"):
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
