"""Run every finder over the content sentences and return raw candidates (before selection); lexicon diseases
are widened over clinical qualifiers here."""

from __future__ import annotations

import re
from dataclasses import replace

from cellkg.extract.lexicon.words import has_cue, words
from cellkg.extract.mentions.candidate import Candidate, Flag, make_candidate
from cellkg.extract.mentions.institutions_en import find_institutions_en
from cellkg.extract.mentions.institutions_zh import find_institutions_zh
from cellkg.extract.mentions.lexicon_matches import find_lexicon_matches
from cellkg.extract.mentions.people import find_people_en, find_people_zh
from cellkg.extract.mentions.people_cues import find_people_by_cue
from cellkg.extract.mentions.people_lists import find_author_lines
from cellkg.extract.mentions.select import is_marker_use
from cellkg.extract.mentions.therapies import find_therapies
from cellkg.extract.mentions.trials import find_trials
from cellkg.extract.read.sentences import Sentence
from cellkg.extract.rules import confidence

_NOT_DISEASE_USE = re.compile(
    r"\s?(?:细胞|微环境|抗原|组织|生长|作用|模型|cells?\b|cell\s+lines?|microenvironment|antigens?|"
    r"tissues?|-infiltrating|-testis|growth|types?\b|models?\b)",
    re.I,
)
_CYTOKINE, _CYTOKINE_CUE = re.compile(words("cytokine", "any"), re.I), re.compile(words("cytokine_cue", "any"), re.I)
_ANTI = re.compile(r"(?:抗|anti-?)$", re.I)
# relapsed/refractory/advanced/stage qualifiers widen a disease mention and stay aliases of the base disease
# (复发性套细胞淋巴瘤 → mantle cell lymphoma)
_QUALIFIER_EN = re.compile(rf"(?:(?:{words('disease_qualifier')})\s+)+$")
_QUALIFIER_ZH = re.compile(rf"(?:{words('disease_qualifier', 'zh')})+$")
# "American Society of Hematology (ASH) Annual Meeting", "ASH 2024", "EHA Congress": a conference, not its society
_CONFERENCE_AFTER = re.compile(
    r"[)）]?\s*(?:[(（][A-Za-z]{2,8}[)）]\s*)?(?:(?:Annual\s+)?(?:Meeting|Congress|Conference|Symposium|Summit)\b|"
    r"年会|大会)|\s+(?:19|20)\d\d\b(?!\s*[,-]?\s*(?:Inc|Ltd))"
)


def find_candidates(text: str, sentences: list[Sentence]) -> list[Candidate]:
    found: list[Candidate] = []
    for sentence in sentences:
        s, e = sentence.start, sentence.end
        found.extend(lexicon_candidates(text, sentence))
        found.extend(find_people_en(text, s, e) + find_people_zh(text, s, e))
        found.extend(find_people_by_cue(text, s, e) + find_author_lines(text, s, e))
        found.extend(find_institutions_en(text, s, e) + find_institutions_zh(text, s, e))
        found.extend(find_therapies(text, s, e) + find_trials(text, s, e))
    return _after_lexicon_names(text, [c for c in found if not is_conference(text, c)])


_LEXICON_JOIN = re.compile(r"[\s,]*(?:[(（][A-Z]{2,8}[)）]\s*)?")


def _after_lexicon_names(text: str, found: list[Candidate]) -> list[Candidate]:
    """ "University of California, San Diego (UCSD) Moores Cancer Center": a name found by its head that starts
    inside a lexicon organisation begins after it (and its abbreviation), so the lexicon name stays whole."""
    names = [c for c in found if c.type == "Institution" and c.rule.startswith("any.lex")]
    result = []
    for c in found:
        inside = (
            next((n for n in names if n.start < c.start < n.end < c.end), None) if c.type == "Institution" else None
        )
        if inside is not None and not c.rule.startswith("any.lex"):
            start = _LEXICON_JOIN.match(text, inside.end).end()  # type: ignore[union-attr]
            if c.end - start <= 3:
                continue
            c = replace(c, start=start, text=text[start : c.end], name=text[start : c.end])
        result.append(c)
    return result


def is_conference(text: str, candidate: Candidate) -> bool:
    if candidate.type != "Institution" or Flag.REGULATOR in candidate.flags:
        return False
    after = _CONFERENCE_AFTER.match(text, candidate.end)
    return after is not None and (not after.group().strip()[:1].isdigit() or candidate.text.isupper())


def lexicon_candidates(text: str, sentence: Sentence) -> list[Candidate]:
    therapy_cue, engineered = has_cue("therapy_cue", sentence.text), _CYTOKINE_CUE.search(sentence.text)
    found = []
    for start, end, entry in find_lexicon_matches(sentence.text):
        if Flag.CONTEXT in entry.flags and not therapy_cue:
            continue
        rule = "any.lex.context" if Flag.CONTEXT in entry.flags else "any.lex"
        candidate = make_candidate(
            text,
            entry.type,
            sentence.start + start,
            sentence.start + end,
            rule,
            confidence(rule),
            name=entry.name,
            key=entry.key,
            flags=entry.flags,
            aliases=entry.aliases,
        )
        if entry.type == "Target" and (
            is_marker_use(text, candidate) or _CYTOKINE.match(entry.name) and not engineered
        ):
            continue
        if (
            entry.type == "Disease"
            and Flag.GENERIC in entry.flags
            and (_NOT_DISEASE_USE.match(text, candidate.end) or _ANTI.search(text, 0, candidate.start))
        ):
            continue
        found.append(widen_qualified(text, candidate) if entry.type == "Disease" else candidate)
    return _comma_parents(text, found)


def _comma_parents(text: str, found: list[Candidate]) -> list[Candidate]:
    """ "Blood Diseases Hospital, Chinese Academy of Medical Sciences": the organisation after the comma is the parent,
    an Institution of its own (nested) rather than a piece swallowed by the longer lexicon alias."""
    orgs = [c for c in found if c.type == "Institution"]
    return [
        replace(c, flags=c.flags | {Flag.NESTED})
        if c.type == "Institution"
        and any(o.contains(c) and o is not c and text[o.start : c.start].rstrip().endswith(",") for o in orgs)
        else c
        for c in found
    ]


def widen_qualified(text: str, candidate: Candidate) -> Candidate:
    """Extend a Disease candidate leftwards over clinical qualifiers; the name stays the base disease."""
    window = text[max(0, candidate.start - 48) : candidate.start]
    match = _QUALIFIER_EN.search(window) or _QUALIFIER_ZH.search(window)
    if not match:
        return candidate
    start = candidate.start - (len(window) - match.start())
    return replace(candidate, start=start, text=text[start : candidate.end])
