"""The word tables of extract/lexicon: cue and stop words (triggers.tsv) and the domain vocabulary finders
combine into patterns (vocabulary.tsv: therapy modalities, cell types, unit heads, qualifiers …).

A row is ``id, area, lang, words``; rows of one (id, lang) join with ``|`` in file order, and ``{other}``
inside words stands for the words of id ``other`` in the same language, so that a word list such as
"team" is written once. An (id, lang) lives in one table only. Patterns are compiled once per process:
English cues word-bounded and case-insensitive, Chinese cues as written.
"""

from __future__ import annotations

import re
from functools import cache

from cellkg.extract.lexicon import LEXICON_DIR, read_tsv

LANGS = ("en", "zh", "any")
TABLES = ("triggers.tsv", "vocabulary.tsv")
_REFERENCE = re.compile(r"\{([a-z_]+)\}")


@cache
def _table() -> dict[tuple[str, str], str]:
    joined: dict[tuple[str, str], list[str]] = {}
    for table in TABLES:
        _, rows = read_tsv(LEXICON_DIR / table)
        own: set[tuple[str, str]] = set()
        for row in rows:
            if len(row) != 4 or row[2] not in LANGS:
                raise ValueError(f"{table}: bad row {row!r} (id, area, lang in {LANGS}, words)")
            if (row[0], row[2]) in joined.keys() - own:
                raise ValueError(f"{table}: {row[0]!r} ({row[2]}) is already defined in an earlier table")
            own.add((row[0], row[2]))
            joined.setdefault((row[0], row[2]), []).append(row[3])
    return {key: "|".join(parts) for key, parts in joined.items()}


@cache
def words(id_: str, lang: str = "en") -> str:
    """The alternation of ``id_`` in ``lang``, references expanded; a missing id raises KeyError."""
    table = _table()
    if (id_, lang) not in table:
        raise KeyError(f"no words {id_!r} for {lang!r} in {' or '.join(TABLES)}")
    return _REFERENCE.sub(lambda m: words(m.group(1), lang), table[id_, lang])


@cache
def word_set(id_: str, lang: str = "en") -> frozenset[str]:
    """A stop list: the plain words of ``id_``."""
    return frozenset(words(id_, lang).split("|"))


@cache
def cue(id_: str, lang: str = "en") -> re.Pattern[str]:
    """The compiled trigger: word-bounded and case-insensitive for English, as written for Chinese."""
    if lang == "zh":
        return re.compile(f"(?:{words(id_, lang)})")
    if lang == "any":
        return re.compile(f"(?:{words(id_, lang)})", re.IGNORECASE)
    return re.compile(rf"(?<![A-Za-z])(?:{words(id_, lang)})(?![A-Za-z])", re.IGNORECASE)


def has_cue(id_: str, text: str) -> bool:
    """Whether ``text`` holds the trigger ``id_`` in any of the languages it has words for."""
    return any(pattern.search(text) for pattern in _cues(id_))


@cache
def _cues(id_: str) -> tuple[re.Pattern[str], ...]:
    return tuple(cue(id_, lang) for lang in ("en", "zh") if (id_, lang) in _table())
