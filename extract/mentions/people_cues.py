"""Researchers named without a title, found by the words around them.

English: a capitalised name after or before a speech or lead word ("said Jane Doe", "led by Jane Doe",
"Jane Doe and colleagues") or after a role used as a title ("chief executive Jane Doe").
Chinese: a name before a speech word, a team or "等" ("李娜表示", "王伟团队", "张伟、李娜等人"), each name
in such a list; and a foreign name transliterated with a middle dot ("米歇尔·萨德兰").
"""

from __future__ import annotations

import re

from cellkg.extract.lexicon.words import words
from cellkg.extract.mentions.candidate import Candidate, make_candidate
from cellkg.extract.mentions.people import CAP, HAN, canonical_person, name_parts, plausible_han_name, zh_person
from cellkg.extract.rules import confidence

_NAME = rf"{CAP}(?:[ \u00a0][A-Z]\.)?(?:[ \u00a0]{CAP}){{1,2}}"  # "Jane Doe", "Jane A. Doe", "Mary Ann Doe"
_CUED_EN = (
    re.compile(rf"(?<![A-Za-z])(?i:{words('person_cue_before')})[ \u00a0]+({_NAME})(?![A-Za-z])"),
    re.compile(rf"(?<![A-Za-z])({_NAME}),?[ \u00a0]+(?i:{words('person_cue_after')})(?![A-Za-z])"),
    re.compile(rf"(?<![A-Za-z])(?i:{words('role')})[ \u00a0]+({_NAME})(?![A-Za-z])"),
)
# "the institute's Jane Doe, MD, PhD": a name followed by a degree
_DEGREED = re.compile(rf"(?<![A-Za-z])({_NAME}),[ \u00a0]+(?:{words('degree')})(?![A-Za-z])")
# "Jane Doe 团队", "Jane Doe表示": a Latin name before a Chinese speech or team word
_LATIN_CUED_ZH = re.compile(rf"(?<![A-Za-z])({_NAME})[ \u00a0]?(?:{words('person_cue_after', 'zh')})")
_TWO_CAPITALS = re.compile(r"[A-Z][a-zà-ÿ'’-]+[ \u00a0](?:[A-Z]\.[ \u00a0])?[A-Z]")  # no name without them
_MIDDLE_DOT = re.compile("[·•・]")
# a boundary before a Chinese name: start, punctuation, a joining word, or the head of an organisation's name
_ZH_BEFORE = r"(?:^|[，。；：、“”\"‘’（(\s由与和及同据]|大学|医院|中心|研究所|研究院|实验室|学院|公司|科)"
_ZH_CUED = re.compile(rf"{_ZH_BEFORE}((?:{HAN}{{2,3}}、){{0,8}}{HAN}{{2,3}})(?:{words('person_cue_after', 'zh')})")
_LETTER = words("transliteration_char", "zh")
_FOREIGN = re.compile(rf"(?:{_LETTER}){{2,5}}(?:[·•・](?:{_LETTER}){{1,6}}){{1,2}}")


def find_people_by_cue(text: str, start: int, end: int) -> list[Candidate]:
    found = []
    segment = text[start:end]
    cued = [(p, "en.per.cue") for p in _CUED_EN] + [(_DEGREED, "en.per.degree"), (_LATIN_CUED_ZH, "zh.per.latin_cue")]
    for pattern, rule in cued if _TWO_CAPITALS.search(segment) else ():
        for match in pattern.finditer(segment):
            parts = name_parts(match.group(1).split())
            if len(parts) >= 2:
                s = text.index(parts[0], start + match.start(1))
                e = start + match.end(1)
                found.append(
                    make_candidate(text, "Researcher", s, e, rule, confidence(rule), name=canonical_person(parts))
                )
    for match in _ZH_CUED.finditer(segment):
        offset = start + match.start(1)
        for index, item in enumerate(match.group(1).split("、")):
            # the first name's left edge is not marked: "由王伟团队" is 王伟
            size = next((n for n in (3, 2) if n <= len(item) and plausible_han_name(item[-n:])), 0) if index == 0 else 0
            if size or plausible_han_name(item):
                s = offset + len(item) - (size or len(item))
                found.append(zh_person(text, s, offset + len(item), "zh.per.cue"))
            offset += len(item) + 1
    for match in _FOREIGN.finditer(segment) if _MIDDLE_DOT.search(segment) else ():
        s, e = start + match.start(), start + match.end()
        found.append(make_candidate(text, "Researcher", s, e, "zh.per.foreign", confidence("zh.per.foreign")))
    return found
