"""Author lines: a line that is nothing but a list of personal names.

English: names separated by commas, semicolons or "and", footnote marks between them, when one is written with
initials or a surname in capitals ("A. B. Marlow, C. Jennings", "Marlow AB", "Xiuli SANG"), the line carries
footnote marks, or the next line names an organisation (the affiliation line of an author block).
Chinese: names separated by commas, 、 or spaces, each a surname from the table and a given name
("张伟，李娜，陈晓东"), when the line carries footnote marks or the next line names an organisation.
"""

from __future__ import annotations

import re

from cellkg.extract.lexicon.words import words
from cellkg.extract.mentions.candidate import Candidate, make_candidate
from cellkg.extract.mentions.people import CAP, HAN, name_parts, plausible_han_name, zh_person
from cellkg.extract.rules import confidence

_MARKS = r"[\d,*†‡#§¹²³⁴⁵⁶⁷⁸⁹⁰]*"
# "A. B. Marlow", "Marlow AB", "Melinda E Christensen", "John B A G Haanen", "Joost H van den Berg", "Xiuli SANG"
_PARTICLES = rf"(?:[ \u00a0](?:{words('name_particle')})){{0,2}}"
_EN_NAME = re.compile(
    rf"(?<![A-Za-z])(?:{CAP}(?:[ \u00a0](?:[A-Z]{{1,2}}\.?|[A-Z]\.-[A-Z]\.))*{_PARTICLES}[ \u00a0]{CAP}|"
    rf"(?:[A-Z]\.[ \u00a0-]?){{1,3}}[ \u00a0]?{CAP}|{CAP}[ \u00a0][A-Z]{{1,3}})(?![A-Za-z])"
)
_PROSE_WORD = re.compile(rf"(?<![A-Za-z'’-])(?!and\b|(?:{words('name_particle')})\b)[a-z]{{3,}}")  # not a list
_EN_GAP = re.compile(r"[\s\d,;*†‡#§¹²³⁴⁵⁶⁷⁸⁹⁰.]*(?:(?:and|&)[\s\d,*†‡#§]*)?")
_EN_ORG_LINE = re.compile(rf"\n\s*[^\n]{{0,80}}?(?<![A-Za-z])(?:{words('org_head')})(?![a-z])")
_EN_LIST_SIGN = re.compile(r"[A-Z]\.|\s[A-Z]{1,3}\s|\s[A-Z]{1,3}$|[A-Z]{2,}$")  # initials, a surname in capitals
_MARK = re.compile(r"[A-Za-z] ?,? ?\d|[*†‡#§¹²³⁴⁵⁶⁷⁸⁹⁰]")  # footnote marks
_ZH_ITEM = re.compile(rf"({HAN}{{2,4}})({_MARKS})")
_ZH_LINE = re.compile(rf"{HAN}{{2,4}}{_MARKS}(?:[，、；;\s]+{HAN}{{2,4}}{_MARKS})+")
_ZH_SPLIT = re.compile(r"[，、；;\s]+")
_ZH_ORG_LINE = re.compile(rf"\n\s*[^\n]{{0,40}}?(?:{words('org_head', 'zh')})")


def find_author_lines(text: str, start: int, end: int) -> list[Candidate]:
    return _english_line(text, start, end) or _chinese_line(text, start, end)


def _english_line(text: str, start: int, end: int) -> list[Candidate]:
    if _PROSE_WORD.search(text, start, end):
        return []
    names: list[re.Match[str]] = []
    position = start
    for match in _EN_NAME.finditer(text, start, end):
        gap = text[position : match.start()]
        if not _EN_GAP.fullmatch(gap) or names and not gap.strip() or match.group().isupper():
            return []  # names apart by a comma, a mark or "and", never by a space alone; no shouted line
        names.append(match)
        position = match.end()
    if len(names) < 2 or not _EN_GAP.fullmatch(text, position, end):
        return []
    if not all(
        name_parts([w for w in m.group().split() if w[0].isupper() and w[-1] != "." and not w.isupper()] or ["X"])
        for m in names
    ):
        return []  # "Quillmont University, Boston University": organisations, not people
    signed = any(_EN_LIST_SIGN.search(m.group()) for m in names) or _MARK.search(text, start, end)
    if not (signed or _EN_ORG_LINE.match(text, end)):
        return []
    rule = "en.per.author_line"
    return [
        make_candidate(text, "Researcher", m.start(), m.end(), rule, confidence(rule), name=_author_name(m.group()))
        for m in names
    ]


def _author_name(surface: str) -> str:
    """ "Xiuli SANG" → Sang Xiuli (the surname in capitals goes first, as in pinyin names); others as written."""
    parts = surface.split()
    if len(parts) == 2 and sum(len(p) > 1 and p.isupper() for p in parts) == 1:
        given, family = sorted(parts, key=str.isupper)
        return f"{family.capitalize()} {given}"
    return surface


def _chinese_line(text: str, start: int, end: int) -> list[Candidate]:
    if not _ZH_LINE.fullmatch(text, start, end):
        return []
    found, marked = [], False
    for offset, piece in _pieces(text[start:end], _ZH_SPLIT):
        match = _ZH_ITEM.fullmatch(piece)
        if not match or not plausible_han_name(match.group(1)):
            return []
        marked = marked or bool(match.group(2))
        found.append(zh_person(text, start + offset, start + offset + len(match.group(1)), "zh.per.author_line"))
    if len(found) < 2 or not (marked or _ZH_ORG_LINE.match(text, end)):
        return []
    return found


def _pieces(segment: str, separator: re.Pattern[str]) -> list[tuple[int, str]]:
    """(offset, piece) of ``segment`` split at ``separator``."""
    bounds = [0, *(x for m in separator.finditer(segment) for x in m.span()), len(segment)]
    return [(bounds[i], segment[bounds[i] : bounds[i + 1]]) for i in range(0, len(bounds), 2)]
