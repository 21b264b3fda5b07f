"""TARGETS: a target inside a composed therapy ("CD19 CAR-T"), passed to the product it describes
("AB-101, a ROR1 CAR-T"), and a target after a trigger ("binds MAGE-A4", "靶向BCMA") linked to the
therapy governing it or, with none in the sentence, to the paragraph's product."""

from __future__ import annotations

from cellkg.extract.lexicon.words import cue
from cellkg.extract.mentions.candidate import Candidate
from cellkg.extract.mentions.select import is_marker_use
from cellkg.extract.relations.clauses import appositive_owner, negated_between
from cellkg.extract.relations.collector import RelationCollector
from cellkg.extract.relations.context import DocContext


def targets(ctx: DocContext, out: RelationCollector, index: int) -> None:
    sentence = ctx.sentences[index]
    therapies = ctx.of_type(index, "Therapy")
    found = ctx.of_type(index, "Target")
    for therapy in therapies:
        for target in found:
            if therapy.contains(target):
                out.add("TARGETS", therapy.entity_key, target.entity_key, index, "any.tgt.composed")
                owner = appositive_owner(ctx.text, therapy, [t for t in therapies if not ctx.is_modality(t)])
                if owner:
                    out.add("TARGETS", owner.entity_key, target.entity_key, index, "any.tgt.apposition")
    triggers = [sentence.start + m.start() for m in cue("target", "zh").finditer(sentence.text)] + [
        sentence.start + m.start() for m in cue("target").finditer(sentence.text)
    ]
    if not triggers:
        return
    free = [t for t in found if not any(th.contains(t) for th in therapies) and not is_marker_use(ctx.text, t)]
    # "The therapy, called HT-4401, … T cells fitted with a receptor that binds MAGE-A4": the paragraph's product
    previous = (
        []
        if therapies
        else [
            m
            for m in ctx.earlier_in_paragraph(index, "Therapy", reach=1)
            if m.entity_key in ctx.paragraph_therapy(index, reach=1)
        ][-1:]
    )
    for target in free:
        subject = _subject(ctx, therapies, target, triggers) or (previous[0] if previous else None)
        if subject and not negated_between(ctx.text, subject, target):
            out.add("TARGETS", subject.entity_key, target.entity_key, index, "any.tgt.trigger")


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
