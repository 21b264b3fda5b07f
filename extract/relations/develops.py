"""DEVELOPS by a development verb: "A and B developed X", "His team prepared the cells" (the therapy named
before), "A develops X together with B" (B too), "研究团队研发了X" (the team's people or institutions)."""

from __future__ import annotations

import re

from cellkg.extract.lexicon.words import cue
from cellkg.extract.relations.anaphora import team_agents, team_phrases, therapy_anaphor
from cellkg.extract.relations.clauses import appositive_owner, where_clause
from cellkg.extract.relations.collector import RelationCollector
from cellkg.extract.relations.context import DocContext

_PRONOUN_START = re.compile(r"^(?:It|He|She|They|His|Her|Their)\b")
# "A entered into a research collaboration with B to develop X": both parties develop X
_COLLAB_GAP = re.compile(
    r"^[^.;]{0,40}?(?:collaborat(?:ion|ed|es|ing)|partner(?:ship|ed|s)?|cooperat(?:ion|ed|es)|alliance|"
    r"agreement|joined\s+forces)\s+with\s+(?:the\s+)?$|^(?:与|和)$",
    re.I,
)
_PARTNER = re.compile(r"(?:together|jointly|in\s+partnership|in\s+collaboration)\s+with\s+(?:the\s+)?$|与$", re.I)
_COORDINATOR = ("与", "和", "and", "&", "、")


def by_verb(ctx: DocContext, out: RelationCollector, index: int) -> None:
    sentence = ctx.sentences[index]
    trigger = cue("develop", "zh").search(sentence.text) or cue("develop").search(sentence.text)
    if not trigger:
        return
    cut = sentence.start + trigger.start()
    therapies = [m for m in ctx.of_type(index, "Therapy") if m.start >= cut]
    specific = [m for m in therapies if not ctx.is_modality(m)]
    for agent in _agents(ctx, index, cut) + _partners(ctx, index, cut):
        for therapy in specific or therapies:
            owner = appositive_owner(ctx.text, therapy, ctx.of_type(index, "Therapy"))
            out.add("DEVELOPS", agent, (owner or therapy).entity_key, index, "any.dev.trigger")
        if not therapies:
            for key in _antecedent(ctx, index, cut):
                out.add("DEVELOPS", agent, key, index, "any.dev.anaphora")


def _antecedent(ctx: DocContext, index: int, cut: int) -> list[str]:
    """ "His team prepared the cells": the cells are the last specific therapy named before."""
    if not therapy_anaphor(ctx.text[cut : ctx.sentences[index].end]):
        return []
    earlier = [m for m in ctx.before(index, "Therapy", reach=3) if not ctx.is_modality(m)]
    return [earlier[-1].entity_key] if earlier else []


def _agents(ctx: DocContext, index: int, cut: int) -> list[str]:
    sentence = ctx.sentences[index]
    before = [m for m in ctx.of_type(index, "Researcher", "Institution") if m.end <= cut]
    if before:
        last = before[-1]
        joined = [
            m
            for m in before
            if ctx.text[m.end : last.start].strip() in _COORDINATOR
            or m is not last
            and _COLLAB_GAP.match(ctx.text[m.end : last.start])
        ]
        hosts = [
            m for m in before if m.type == "Institution" and any(where_clause(ctx.text, m, p) for p in joined + [last])
        ]
        return list(dict.fromkeys([m.entity_key for m in hosts + joined] + [last.entity_key]))
    for phrase in team_phrases(sentence.text, ctx.lang):
        agents = team_agents(ctx, index, phrase)
        if agents:
            return agents
    if _PRONOUN_START.match(sentence.text):
        people = ctx.before(index, "Researcher", reach=3)
        return [people[-1].entity_key] if people else []
    return []


def _partners(ctx: DocContext, index: int, cut: int) -> list[str]:
    """ "A develops X together with B": B develops X too."""
    after = [m for m in ctx.of_type(index, "Institution", "Researcher") if m.start >= cut]
    return [m.entity_key for m in after if _PARTNER.search(ctx.text[max(cut, m.start - 40) : m.start])]
