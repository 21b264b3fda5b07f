"""Resolve "his team", "the center", "研究团队", "该疗法" to the entity they stand for."""

from __future__ import annotations

import re

from cellkg.extract.candidates import Candidate
from cellkg.extract.context import DocContext
from cellkg.extract.triggers import TEAM_EN, TEAM_ZH, THERAPY_ANAPHORA_EN, THERAPY_ANAPHORA_ZH, cue

_TEAM_WORD = re.compile(r"\bteam\b|团队|课题组", re.I)
_JOINED_TEAM = re.compile(
    r"\s*,?\s*(?:与|和|联合|携手|(?:together|jointly|in\s+collaboration|in\s+partnership)\s+with\b|and\b)", re.I
)
_PARTNER_JOINER = re.compile(r"\s*(?:、|，|,|与|和|及|and|,\s*and)\s*(?:the\s+)?(?:[a-z-]+\s+){0,3}", re.I)


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
            return list(dict.fromkeys(agents + _team_partners(ctx, index, sentence.start + team.end())))
    return []


def _team_partners(ctx: DocContext, index: int, after: int) -> list[str]:
    """ "X团队与A、B合作", "X's team, together with A and B,": a joint team, its partners are part of it."""
    if not _JOINED_TEAM.match(ctx.text, after):
        return []
    orgs = [m for m in ctx.of_type(index, "Institution") if m.start >= after and "nested" not in m.flags]
    run = []
    for org in orgs:
        gap = ctx.text[run[-1].end if run else after : org.start]
        if run and not _PARTNER_JOINER.fullmatch(gap) or not run and len(gap) > 40:
            break
        run.append(org)
    return [m.entity_key for m in run]


def team_phrases(sentence: str, lang: str) -> list[str]:
    pattern = cue(TEAM_ZH, "zh") if lang == "zh" else cue(TEAM_EN)
    return [m.group() for m in pattern.finditer(sentence)]


def therapy_anaphor(sentence: str) -> bool:
    return bool(
        cue(THERAPY_ANAPHORA_ZH, "zh").search(sentence)
        or cue(THERAPY_ANAPHORA_EN).search(sentence)
        or re.match(r"(?:It|They)\b", sentence)
        or cue(TEAM_ZH, "zh").search(sentence)
    )
