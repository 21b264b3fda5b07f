"""DEVELOPS, TARGETS and COLLABORATES_WITH rules."""
from __future__ import annotations

import re

from extract.anaphora import team_agents, team_phrases
from extract.context import DocContext
from extract.relations_base import RelationCollector
from extract.select import is_marker_use
from extract.triggers import COLLAB_EN, COLLAB_ZH, DEVELOP_EN, DEVELOP_ZH, TARGET_EN, TARGET_ZH, cue

_PRONOUN_START = re.compile(r"^(?:It|He|She|They|His|Her|Their)\b")
_POSSESSIVE = re.compile(r"^(?:的|'s|’s)\s*$")


def develops_relations(ctx: DocContext, out: RelationCollector) -> None:
    for index, sentence in enumerate(ctx.sentences):
        _possessive(ctx, out, index)
        trigger = cue(DEVELOP_ZH, "zh").search(sentence.text) or cue(DEVELOP_EN).search(sentence.text)
        if not trigger:
            continue
        cut = sentence.start + trigger.start()
        therapies = [m for m in ctx.of_type(index, "Therapy") if m.start >= cut]
        specific = [m for m in therapies if not ctx.is_modality(m)]
        for agent in _agents(ctx, index, cut):
            for therapy in specific or therapies:
                out.add("DEVELOPS", agent, therapy.entity_key, index, "any.dev.trigger")


def _agents(ctx: DocContext, index: int, cut: int) -> list[str]:
    sentence = ctx.sentences[index]
    before = [m for m in ctx.of_type(index, "Researcher", "Institution") if m.end <= cut]
    if before:
        last = before[-1]
        joined = [m for m in before if ctx.text[m.end:last.start].strip() in ("与", "和", "and", "&", "、")]
        return list(dict.fromkeys([m.entity_key for m in joined] + [last.entity_key]))
    for phrase in team_phrases(sentence.text, ctx.lang):
        agents = team_agents(ctx, index, phrase)
        if agents:
            return agents
    if _PRONOUN_START.match(sentence.text):
        people = ctx.before(index, "Researcher", reach=3)
        return [people[-1].entity_key] if people else []
    return []


def _possessive(ctx: DocContext, out: RelationCollector, index: int) -> None:
    """"Fate Therapeutics的FT516", "Kite's Yescarta": the company's own product."""
    mentions = ctx.by_sentence[index]
    for left, right in zip(mentions, mentions[1:]):
        if left.type == "Institution" and right.type == "Therapy" and _POSSESSIVE.match(ctx.text[left.end:right.start]):
            out.add("DEVELOPS", left.entity_key, right.entity_key, index, "any.dev.possessive")


def targets_relations(ctx: DocContext, out: RelationCollector) -> None:
    for index, sentence in enumerate(ctx.sentences):
        therapies = ctx.of_type(index, "Therapy")
        targets = ctx.of_type(index, "Target")
        for therapy in therapies:
            for target in targets:
                if therapy.contains(target):
                    out.add("TARGETS", therapy.entity_key, target.entity_key, index, "any.tgt.composed")
        if not (cue(TARGET_ZH, "zh").search(sentence.text) or cue(TARGET_EN).search(sentence.text)):
            continue
        free = [t for t in targets if not any(th.contains(t) for th in therapies) and not is_marker_use(ctx.text, t)]
        specific = [t for t in therapies if not ctx.is_modality(t)] or therapies
        for target in free:
            nearest = min(specific, key=lambda t: abs(t.start - target.start), default=None)
            if nearest:
                out.add("TARGETS", nearest.entity_key, target.entity_key, index, "any.tgt.trigger")


def collaboration_relations(ctx: DocContext, out: RelationCollector) -> None:
    for index, sentence in enumerate(ctx.sentences):
        if not (cue(COLLAB_ZH, "zh").search(sentence.text) or cue(COLLAB_EN).search(sentence.text)):
            continue
        orgs = [m for m in ctx.of_type(index, "Institution") if "nested" not in m.flags]
        keys = list(dict.fromkeys(m.entity_key for m in orgs))
        for i, left in enumerate(keys):
            for right in keys[i + 1:]:
                out.add("COLLABORATES_WITH", left, right, index, "any.col.joint")
