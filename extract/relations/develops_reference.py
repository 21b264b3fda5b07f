"""DEVELOPS where the developer is referred back to: "the two institutions jointly developed X" (the
organisations named last) and a company's own pipeline, "X … provided an update on its pipeline" followed
by a product list ("ARB-101 (…): …"): every product code listed after the announcement is the company's
unless the text names another developer for it."""

from __future__ import annotations

import re

from cellkg.extract.lexicon.words import has_cue
from cellkg.extract.mentions.candidate import Flag
from cellkg.extract.relations.collector import RelationCollector
from cellkg.extract.relations.context import DocContext
from cellkg.extract.relations.organisations import counted_phrase

_PRODUCT_CODE = re.compile(r"^[a-z]?[A-Z]{2,5}-?\d{2,6}[A-Z]?$")  # ARB-101, NH33: a company's candidate, not a modality


def counted(ctx: DocContext, out: RelationCollector, index: int) -> None:
    sentence = ctx.sentences[index]
    phrase = counted_phrase(sentence.text)
    if not phrase or not has_cue("develop", sentence.text):
        return
    therapies = [m for m in ctx.of_type(index, "Therapy") if not ctx.is_modality(m)]
    for agent in ctx.counted_orgs(index, sentence.start + phrase.start(), phrase.group()):
        for therapy in therapies:
            out.add("DEVELOPS", agent, therapy.entity_key, index, "any.dev.counted")


def pipeline(ctx: DocContext, out: RelationCollector) -> None:
    for index, sentence in enumerate(ctx.sentences):
        if not has_cue("pipeline", sentence.text):
            continue
        owners = [m for m in ctx.of_type(index, "Institution") if Flag.REGULATOR not in ctx.flags(m)]
        if not owners:
            continue
        owner = owners[0].entity_key  # the announcing company is the sentence's subject
        developed = set(out.targets_of("DEVELOPS"))
        for later in range(index + 1, len(ctx.sentences)):
            for therapy in ctx.of_type(later, "Therapy"):
                if _PRODUCT_CODE.match(therapy.text) and therapy.entity_key not in developed:
                    out.add("DEVELOPS", owner, therapy.entity_key, later, "any.dev.pipeline")
        return
