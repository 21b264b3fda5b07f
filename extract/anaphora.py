"""Resolve "his team", "the center", "研究团队", "该疗法" to the entity they stand for."""
from __future__ import annotations

import re

from extract.candidates import Candidate
from extract.context import DocContext
from extract.triggers import TEAM_EN, TEAM_ZH, THERAPY_ANAPHORA_EN, THERAPY_ANAPHORA_ZH, cue

_TEAM_WORD = re.compile(r"\bteam\b|团队|课题组", re.I)


def team_agents(ctx: DocContext, index: int, phrase: str) -> list[str]:
    """Keys of the researcher(s)/institution(s) a team or organisation anaphor refers to."""
    lower = " ".join(phrase.lower().split())
    if lower.startswith(("his", "her")):
        people = ctx.before(index, "Researcher", reach=index) + _before_in_sentence(ctx, index, phrase, "Researcher")
        return [people[-1].entity_key] if people else []
    if lower.startswith(("the center", "the centre", "the institute", "the hospital", "the company")):
        head = lower.split()[-1]
        orgs = [m for m in ctx.before(index, "Institution", reach=index) if head[:5] in m.text.lower()]
        return [orgs[-1].entity_key] if orgs else []
    return first_team(ctx)


def _before_in_sentence(ctx: DocContext, index: int, phrase: str, type_: str) -> list[Candidate]:
    position = ctx.text.find(phrase, ctx.sentences[index].start)
    return [m for m in ctx.of_type(index, type_) if m.end <= position]


def first_team(ctx: DocContext) -> list[str]:
    """The agents named right before the first mention of a team in the document."""
    for index, sentence in enumerate(ctx.sentences):
        team = _TEAM_WORD.search(sentence.text)
        if not team:
            continue
        cut = sentence.start + team.start()
        agents = [m.entity_key for m in ctx.of_type(index, "Institution", "Researcher") if m.end <= cut]
        if agents:
            return list(dict.fromkeys(agents))
    return []


def team_phrases(sentence: str, lang: str) -> list[str]:
    pattern = cue(TEAM_ZH, "zh") if lang == "zh" else cue(TEAM_EN)
    return [m.group() for m in pattern.finditer(sentence)]


def therapy_anaphor(sentence: str) -> bool:
    return bool(cue(THERAPY_ANAPHORA_ZH, "zh").search(sentence) or cue(THERAPY_ANAPHORA_EN).search(sentence)
                or re.match(r"(?:It|They)\b", sentence) or cue(TEAM_ZH, "zh").search(sentence))
