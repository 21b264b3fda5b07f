"""Chinese personal names: characters ↔ pinyin, with a surname table for heteronyms and compounds.

王晓东 → "Wang Xiaodong"; 单 is Shan, 曾 Zeng, 欧阳 Ouyang … (extract/lexicon/surnames.tsv).
Romanised names are recognised by a pinyin surname plus a given name that parses into syllables.
"""

from __future__ import annotations

from functools import lru_cache

from pypinyin import lazy_pinyin

from cellkg.extract.lexicon import LEXICON_DIR, read_tsv

MAX_GIVEN_SYLLABLES = 2


@lru_cache(maxsize=1)
def surname_table() -> dict[str, str]:
    _, rows = read_tsv(LEXICON_DIR / "surnames.tsv")
    return {row[0]: row[1] for row in rows}


@lru_cache(maxsize=1)
def pinyin_surnames() -> frozenset[str]:
    return frozenset(p.lower() for p in surname_table().values())


@lru_cache(maxsize=1)
def pinyin_syllables() -> frozenset[str]:
    lines = (LEXICON_DIR / "pinyin_syllables.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def split_surname(name: str) -> tuple[str, str]:
    """Split a Chinese name into (surname, given), compound surnames first."""
    if name[:2] in surname_table():
        return name[:2], name[2:]
    return name[:1], name[1:]


def is_chinese_surname(chars: str) -> bool:
    return chars in surname_table()


def chinese_to_pinyin(name: str) -> str:
    """王晓东 → Wang Xiaodong (family name first, given name joined)."""
    surname, given = split_surname(name)
    family = surname_table().get(surname) or "".join(lazy_pinyin(surname)).capitalize()
    return f"{family} {''.join(lazy_pinyin(given)).capitalize()}".strip()


def syllable_count(word: str) -> int:
    """Number of pinyin syllables ``word`` splits into (0 when it does not parse)."""
    word = word.lower().replace("-", "").replace("'", "")
    best = [0] + [-1] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 6), end):
            fits = best[start] >= 0 and word[start:end] in pinyin_syllables()
            if fits and (best[end] < 0 or best[start] + 1 < best[end]):
                best[end] = best[start] + 1
    return max(best[-1], 0)


def romanised_name(first: str, second: str) -> str | None:
    """Canonical "Family Given" when ``first second`` reads as a pinyin name in either order."""
    if first.lower() in pinyin_surnames() and 1 <= syllable_count(second) <= MAX_GIVEN_SYLLABLES:
        return f"{first.capitalize()} {second.capitalize()}"
    if second.lower() in pinyin_surnames() and syllable_count(first) == 2 and first.lower() not in pinyin_surnames():
        return f"{second.capitalize()} {first.capitalize()}"
    return None
