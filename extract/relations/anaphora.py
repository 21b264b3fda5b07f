"""Resolve "his team", "the center", "研究团队", "该疗法" to the entity they stand for."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from cellkg.extract.lexicon.words import cue, has_cue, words
from cellkg.extract.mentions.candidate import Candidate, Flag

if TYPE_CHECKING:
    from cellkg.extract.relations.context import DocContext

_TEAM_WORD = re.compile(rf"\b(?:{words('team')})\b|{words('team', 'zh')}", re.I)
_JOINED_TEAM = re.compile(
    r"\s*,?\s*(?:与|和|联合|携手|(?:together|jointly|in\s+collaboration|in\s+partnership)\s+with\b|and\b)", re.I
)
_PARTNER_JOINER = re.compile(r"\s*(?:、|，|,|与|和|及|and|,\s*and)\s*(?:the\s+)?(?:[a-z-]+\s+){0,3}", re.I)
_PRONOUN_SUBJECT = re.compile(r"(?:It|They)\b")


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
    return ctx.first_team


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
    orgs = [m for m in ctx.of_type(index, "Institution") if m.start >= after and Flag.NESTED not in m.flags]
    run: list[Candidate] = []
    for org in orgs:
        gap = ctx.text[run[-1].end if run else after : org.start]
        if run and not _PARTNER_JOINER.fullmatch(gap) or not run and len(gap) > 40:
            break
        run.append(org)
    return [m.entity_key for m in run]


def team_phrases(sentence: str, lang: str) -> list[str]:
    return [m.group() for m in cue("team_anaphor", "zh" if lang == "zh" else "en").finditer(sentence)]


def therapy_anaphor(sentence: str) -> bool:
    return bool(
        has_cue("therapy_anaphor", sentence)
        or _PRONOUN_SUBJECT.match(sentence)
        or cue("team_anaphor", "zh").search(sentence)
    )
