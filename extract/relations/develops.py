"""DEVELOPS and TARGETS rules."""

from __future__ import annotations

import re

from cellkg.extract.anaphora import team_agents, team_phrases, therapy_anaphor
from cellkg.extract.candidates import Candidate
from cellkg.extract.clauses import appositive_owner, coordinated, negated_between, where_clause
from cellkg.extract.context import DocContext
from cellkg.extract.relations_base import RelationCollector
from cellkg.extract.relations_clinical import paragraph_therapy
from cellkg.extract.select import is_marker_use
from cellkg.extract.triggers import DEVELOP_EN, DEVELOP_ZH, TARGET_EN, TARGET_ZH, cue

_PRONOUN_START = re.compile(r"^(?:It|He|She|They|His|Her|Their)\b")
_POSSESSIVE = re.compile(r"^(?:的|'s|’s)\s*$")
_PASSIVE = re.compile(
    r"(?<![A-Za-z])(?:(?:developed|made|manufactured|produced|engineered|discovered|created|invented|"
    r"designed|marketed)\s+(?:by|at)|由)\s*(?:the\s+)?",
    re.I,
)
_FROM = re.compile(r"^\s*(?:[(（][^)）]{0,60}[)）]\s*)?from\s+(?:the\s+)?$", re.I)
_ZH_PASSIVE_VERB = re.compile(r"研发|开发|研制|生产|发现|设计|推出")
# "A entered into a research collaboration with B to develop X": both parties develop X
_COLLAB_GAP = re.compile(
    r"^[^.;]{0,40}?(?:collaborat(?:ion|ed|es|ing)|partner(?:ship|ed|s)?|cooperat(?:ion|ed|es)|alliance|"
    r"agreement|joined\s+forces)\s+with\s+(?:the\s+)?$|^(?:与|和)$",
    re.I,
)
_PARTNER = re.compile(r"(?:together|jointly|in\s+partnership|in\s+collaboration)\s+with\s+(?:the\s+)?$|与$", re.I)


def develops_relations(ctx: DocContext, out: RelationCollector) -> None:
    for index, sentence in enumerate(ctx.sentences):
        _possessive(ctx, out, index)
        _passive(ctx, out, index)
        trigger = cue(DEVELOP_ZH, "zh").search(sentence.text) or cue(DEVELOP_EN).search(sentence.text)
        if not trigger:
            continue
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
            if ctx.text[m.end : last.start].strip() in ("与", "和", "and", "&", "、")
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


def _passive(ctx: DocContext, out: RelationCollector, index: int) -> None:
    """ "X, developed by A and B", "X from A", "X由A研发": the agents follow the therapy."""
    sentence = ctx.sentences[index]
    therapies = ctx.of_type(index, "Therapy")
    agents = ctx.of_type(index, "Institution", "Researcher")
    for therapy in therapies:
        following = [a for a in agents if a.start >= therapy.end]
        if not following:
            continue
        gap = ctx.text[therapy.end : following[0].start]
        passive = _PASSIVE.search(gap)
        if (
            passive
            and passive.end() == len(gap)
            and not any(t.start >= therapy.end and t.end <= following[0].start for t in therapies)
        ):
            if passive.group().startswith("由") and not _ZH_PASSIVE_VERB.search(
                ctx.text[following[0].end : sentence.end][:24]
            ):
                continue
        elif not _FROM.match(gap):
            continue
        owner = appositive_owner(ctx.text, therapy, therapies)
        for agent in coordinated(ctx.text, agents, following[0]):
            out.add("DEVELOPS", agent.entity_key, (owner or therapy).entity_key, index, "any.dev.passive")


def _possessive(ctx: DocContext, out: RelationCollector, index: int) -> None:
    """ "Acme Bio的AB-101", "Acme's AB-101": the company's own product."""
    mentions = ctx.by_sentence[index]
    for left, right in zip(mentions, mentions[1:]):
        if left.type != "Institution" or right.type != "Therapy" or ctx.is_modality(right):
            continue
        gap = ctx.text[left.end : right.start]
        if _POSSESSIVE.match(gap) or not gap and "product" in ctx.entities[right.entity_key].flags:
            out.add("DEVELOPS", left.entity_key, right.entity_key, index, "any.dev.possessive")


def targets_relations(ctx: DocContext, out: RelationCollector) -> None:
    for index, sentence in enumerate(ctx.sentences):
        therapies = ctx.of_type(index, "Therapy")
        targets = ctx.of_type(index, "Target")
        for therapy in therapies:
            for target in targets:
                if therapy.contains(target):
                    out.add("TARGETS", therapy.entity_key, target.entity_key, index, "any.tgt.composed")
                    owner = appositive_owner(ctx.text, therapy, [t for t in therapies if not ctx.is_modality(t)])
                    if owner:
                        out.add("TARGETS", owner.entity_key, target.entity_key, index, "any.tgt.apposition")
        triggers = [sentence.start + m.start() for m in cue(TARGET_ZH, "zh").finditer(sentence.text)] + [
            sentence.start + m.start() for m in cue(TARGET_EN).finditer(sentence.text)
        ]
        if not triggers:
            continue
        free = [t for t in targets if not any(th.contains(t) for th in therapies) and not is_marker_use(ctx.text, t)]
        # "The therapy, called HT-4401, … T cells fitted with a receptor that binds MAGE-A4": the paragraph's product
        previous = (
            []
            if therapies
            else [
                m
                for m in ctx.earlier_in_paragraph(index, "Therapy", reach=1)
                if m.entity_key in paragraph_therapy(ctx, index, reach=1)
            ][-1:]
        )
        for target in free:
            therapy = _subject(ctx, therapies, target, triggers) or (previous[0] if previous else None)
            if therapy and not negated_between(ctx.text, therapy, target):
                out.add("TARGETS", therapy.entity_key, target.entity_key, index, "any.tgt.trigger")


def _subject(ctx: DocContext, therapies: list[Candidate], target: Candidate, triggers: list[int]) -> Candidate | None:
    """The therapy right before the trigger governing ``target`` (its owner if it is only a description)."""
    trigger = max((t for t in triggers if t < target.start), default=None)
    before = [t for t in therapies if trigger is not None and t.end <= trigger]
    if before:
        subject = before[-1]
        owner = appositive_owner(ctx.text, subject, therapies)
        return owner or subject
    specific = [t for t in therapies if not ctx.is_modality(t)] or therapies
    return min(specific, key=lambda t: abs(t.start - target.start), default=None)
