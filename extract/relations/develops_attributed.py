"""DEVELOPS where the product is attributed to its maker without a development verb before it:
"X, developed by A and B", "X from A", "X由A研发" (passive) and "Acme Bio的AB-101", "Acme's AB-101"."""

from __future__ import annotations

import re
from itertools import pairwise

from cellkg.extract.mentions.candidate import Flag
from cellkg.extract.relations.clauses import appositive_owner, coordinated
from cellkg.extract.relations.collector import RelationCollector
from cellkg.extract.relations.context import DocContext

_POSSESSIVE = re.compile(r"^(?:的|'s|’s)\s*$")
_PASSIVE = re.compile(
    r"(?<![A-Za-z])(?:(?:developed|made|manufactured|produced|engineered|discovered|created|invented|"
    r"designed|marketed)\s+(?:by|at)|由)\s*(?:the\s+)?",
    re.I,
)
_FROM = re.compile(r"^\s*(?:[(（][^)）]{0,60}[)）]\s*)?from\s+(?:the\s+)?$", re.I)
_ZH_PASSIVE_VERB = re.compile(r"研发|开发|研制|生产|发现|设计|推出")


def passive(ctx: DocContext, out: RelationCollector, index: int) -> None:
    """ "X, developed by A and B", "X from A", "X由A研发": the agents follow the therapy."""
    sentence = ctx.sentences[index]
    therapies = ctx.of_type(index, "Therapy")
    agents = ctx.of_type(index, "Institution", "Researcher")
    for therapy in therapies:
        following = [a for a in agents if a.start >= therapy.end]
        if not following:
            continue
        gap = ctx.text[therapy.end : following[0].start]
        by = _PASSIVE.search(gap)
        if (
            by
            and by.end() == len(gap)
            and not any(t.start >= therapy.end and t.end <= following[0].start for t in therapies)
        ):
            if by.group().startswith("由") and not _ZH_PASSIVE_VERB.search(
                ctx.text[following[0].end : sentence.end][:24]
            ):
                continue
        elif not _FROM.match(gap):
            continue
        owner = appositive_owner(ctx.text, therapy, therapies)
        for agent in coordinated(ctx.text, agents, following[0]):
            out.add("DEVELOPS", agent.entity_key, (owner or therapy).entity_key, index, "any.dev.passive")


def possessive(ctx: DocContext, out: RelationCollector, index: int) -> None:
    """ "Acme Bio的AB-101", "Acme's AB-101": the company's own product."""
    mentions = ctx.by_sentence[index]
    for left, right in pairwise(mentions):
        if left.type != "Institution" or right.type != "Therapy" or ctx.is_modality(right):
            continue
        gap = ctx.text[left.end : right.start]
        if _POSSESSIVE.match(gap) or not gap and Flag.PRODUCT in ctx.flags(right):
            out.add("DEVELOPS", left.entity_key, right.entity_key, index, "any.dev.possessive")
