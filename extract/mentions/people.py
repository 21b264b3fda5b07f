"""Researchers found by patterns, never by lists of people.

English: titles ("Professor ZHAO Lei", "Prof.ZHAO", "Dr. Jane Doe"), role appositions
("Li Wenjie, chief physician"), author lists with footnote numbers ("QIN Haoyu1,2", "Anna M. Berg3"), and
romanised Chinese names (pinyin surname + given name that parses into syllables).
Chinese: a surname from the table plus one or two characters next to a role word
("周明教授", "首席科学家周明"), or a Latin name after a role word ("会长Anna Berg").
"""

from __future__ import annotations

import re

from cellkg.extract.lexicon.words import word_set, words
from cellkg.extract.mentions.candidate import Candidate, make_candidate
from cellkg.extract.mentions.pinyin_names import chinese_to_pinyin, is_chinese_surname, romanised_name
from cellkg.extract.rules import confidence

# "O'BRIEN", "D’Souza", "Jean-Luc": an Irish/French elided prefix and hyphenated parts belong to the name
# accented Latin letters count as letters ("García-Ruiz", "Müller")
CAP = r"(?:(?:[OD]['’])?(?:[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:-[A-Za-zÀ-ÖØ-Þ][a-zà-öø-ÿ]+)?|[A-Z]{2,}(?![a-z])))"
_CAP = CAP
_PINYIN_PAIR = re.compile(rf"(?<![A-Za-z])({_CAP})[ \u00a0]({_CAP})(?=\d|[^A-Za-z]|$)")
# "Prof. Dr. Jane Doe": titles may follow each other before the name
_TITLED = re.compile(rf"(?<![A-Za-z])(?:(?:{words('person_title')})[ \u00a0]*)+((?:{_CAP})(?:[ \u00a0]{_CAP}){{0,2}})")
_APPOSITION = re.compile(
    rf"(?<![A-Za-z])({_CAP}(?:[ \u00a0]{_CAP}){{1,2}}),[ \u00a0]+(?:(?:{words('degree')}),[ \u00a0]+)*"
    rf"(?:the\s+|a\s+|an\s+)?(?:[\w&.-]+(?:[ \u00a0][\w&.-]+)?['’]s[ \u00a0]+)?(?:{words('role')})\b",
    re.IGNORECASE,
)
# "Steven Rosenberg's group", "Jane Doe's lab": a research group named after its leader
_GROUP_OWNER = re.compile(
    rf"(?<![A-Za-z])({_CAP}[ \u00a0]{_CAP})['’]s[ \u00a0]+(?:research[ \u00a0]+)?(?:group|lab|laboratory|team)\b"
)
HAN = r"[\u4e00-\u9fff]"
_HAN = HAN
_ZH_ROLE_BEFORE = re.compile(rf"(?:{words('role', 'zh')})({_HAN}{{2,4}}|[A-Z][a-z]+(?:[ \u00a0][A-Z][a-z]+)+)")
_ZH_ROLE_AFTER = re.compile(rf"({_HAN}{{2,4}}?)(?:{words('role', 'zh')})")
_GIVEN_STOP = set("指表说介认等的在和与及团教研主博院带领课称也是提发对将把被从向为了期任担用医")
_FOOTNOTED = re.compile(
    rf"(?<![A-Za-z])([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:-[A-Z][a-z]+)?(?:[ \u00a0][A-Z]\.)?[ \u00a0]{_CAP})"
    r"(?= ?\d{1,2}(?:,\d{1,2})*\*?(?:,|\s|$))"
)
_PLACE_OR_ORG_AFTER = re.compile(
    r"[ \u00a0]+(?:Road|Street|Avenue|Province|City|District|County|Town|Village|Mountain|Lake|River|Bridge|Park|"
    r"Square|Hospital|University|College|Academy|School|Institute|Center|Centre|Clinic|Laboratory|Lab|Group|Company|Bank|"
    r"Insurance|News|Medical|Medicine|Pharma\w*|Biotech\w*|Bio|Therapeutics|Foundation|Station|Airport|Campus|Hall|"
    r"Building|Co\.|Inc\.?|Ltd\.?)\b|[ \u00a0]+(?:city|province|district|county|town|village)\b"
)
_LEADING_NOT_NAME = re.compile(rf"(?i:{words('honorific')}|{words('role')})")
_NOT_NAME_WORD = re.compile(rf"(?:{words('honorific')}|{words('org_head')}|\S+-based)")
_FOOTNOTE_MARK = re.compile(r"[A-Za-z] ?\d{1,2}(?:,\d{1,2})*\*?(?=,\s|\s*$)")  # "…Mingyu1, …": an author list


def find_people_en(text: str, start: int, end: int) -> list[Candidate]:
    found = []
    segment = text[start:end]
    for match in _PINYIN_PAIR.finditer(segment):
        name = romanised_name(match.group(1), match.group(2))
        if name and name.lower() not in word_set("not_person") and not _PLACE_OR_ORG_AFTER.match(segment, match.end(2)):
            s, e = start + match.start(), start + match.end(2)
            found.append(
                make_candidate(text, "Researcher", s, e, "en.per.pinyin", confidence("en.per.pinyin"), name=name)
            )
    author_list = len(_FOOTNOTE_MARK.findall(segment)) >= 2
    for pattern, rule in (
        (_TITLED, "en.per.title"),
        (_APPOSITION, "en.per.role"),
        (_FOOTNOTED, "en.per.footnote"),
        (_GROUP_OWNER, "en.per.group"),
    ):
        if pattern is _FOOTNOTED and not author_list:
            continue
        for match in pattern.finditer(segment):
            parts = name_parts(match.group(1).split())
            if not parts or rule != "en.per.title" and len(parts) < 2:
                continue
            s, e = text.index(parts[0], start + match.start(1)), start + match.end(1)
            found.append(make_candidate(text, "Researcher", s, e, rule, confidence(rule), name=canonical_person(parts)))
    return found


def name_parts(parts: list[str]) -> list[str]:
    """The words of a name without the honorifics, roles or lower-case words before it ("said Professor Jane
    Doe" → Jane Doe); empty when a word left is no name's (a function word, an organisation's head, a title)."""
    while parts and (parts[0][0].islower() or _LEADING_NOT_NAME.fullmatch(parts[0])):
        parts = parts[1:]
    if any(w.lower() in word_set("non_name_word") or w[0].islower() or _NOT_NAME_WORD.fullmatch(w) for w in parts):
        return []
    return parts


def canonical_person(parts: list[str]) -> str:
    if len(parts) == 2:
        pinyin = romanised_name(parts[0], parts[1])
        if pinyin:
            return pinyin
    return " ".join(w if not w.isupper() or len(parts) == 1 else w.capitalize() for w in parts)


def find_people_zh(text: str, start: int, end: int) -> list[Candidate]:
    found = []
    segment = text[start:end]
    for pattern, rule in ((_ZH_ROLE_BEFORE, "zh.per.role_before"), (_ZH_ROLE_AFTER, "zh.per.role_after")):
        for match in pattern.finditer(segment):
            span = _name_span(match.group(1), before=rule.endswith("before"))
            if span is None:
                continue
            s = start + match.start(1) + span[0]
            e = start + match.start(1) + span[1]
            found.append(zh_person(text, s, e, rule))
            if rule == "zh.per.role_after":
                found.extend(_listed_before(text, start, s))
    return found


_LIST_MARK = "/／、"


def _listed_before(text: str, floor: int, s: int) -> list[Candidate]:
    """ "赵东宝/高洁教授", "张伟、李娜主任": the names listed before the one the role word follows."""
    found = []
    while s - floor >= 3 and text[s - 1] in _LIST_MARK:
        size = next((n for n in (3, 2) if s - 1 - n >= floor and plausible_han_name(text[s - 1 - n : s - 1])), 0)
        if not size:
            break
        s = s - 1 - size
        found.append(zh_person(text, s, s + size, "zh.per.role_list"))
    return found


def zh_person(text: str, s: int, e: int, rule: str) -> Candidate:
    """A person named in Chinese text: the pinyin name, the Chinese form kept as an alias."""
    surface = text[s:e]
    name = chinese_to_pinyin(surface) if re.match(_HAN, surface) else surface
    return make_candidate(text, "Researcher", s, e, rule, confidence(rule), name=name, aliases=(surface,))


def _name_span(chunk: str, *, before: bool) -> tuple[int, int] | None:
    """Offsets of a personal name inside ``chunk`` (role word before or after it)."""
    if chunk[:1].isascii():
        return (0, len(chunk))
    if before:
        for size in (3, 2):
            name = chunk[:size]
            if len(name) == size and plausible_han_name(name):
                return (0, size)
        return None
    for size in (3, 2):
        name = chunk[-size:]
        if len(name) == size and plausible_han_name(name):
            return (len(chunk) - size, len(chunk))
    return None


def plausible_han_name(name: str) -> bool:
    surname = name[:2] if is_chinese_surname(name[:2]) else name[:1]
    given = name[len(surname) :]
    return is_chinese_surname(surname) and 1 <= len(given) <= 2 and not (set(given) & _GIVEN_STOP)
