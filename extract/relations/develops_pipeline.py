"""DEVELOPS from a company's own pipeline: "X … provided an update on its pipeline" followed by a product list
("ARB-101 (…): …"). Every product code listed after the announcement belongs to the company that announced it,
unless the text names another developer for it."""

from __future__ import annotations

import re

from cellkg.extract.context import DocContext
from cellkg.extract.relations_base import RelationCollector
from cellkg.extract.triggers import PIPELINE_EN, PIPELINE_ZH, cue

_PRODUCT_CODE = re.compile(r"^[a-z]?[A-Z]{2,5}-?\d{2,6}[A-Z]?$")  # ARB-101, NH33: a company's candidate, not a modality


def pipeline_relations(ctx: DocContext, out: RelationCollector) -> None:
    for index, sentence in enumerate(ctx.sentences):
        if not (cue(PIPELINE_EN).search(sentence.text) or cue(PIPELINE_ZH, "zh").search(sentence.text)):
            continue
        owners = [m for m in ctx.of_type(index, "Institution") if "regulator" not in ctx.entities[m.entity_key].flags]
        if not owners:
            continue
        owner = owners[0].entity_key  # the announcing company is the sentence's subject
        developed = {t for (kind, _, t) in out.found if kind == "DEVELOPS"}
        for later in range(index + 1, len(ctx.sentences)):
            for therapy in ctx.of_type(later, "Therapy"):
                if _PRODUCT_CODE.match(therapy.text) and therapy.entity_key not in developed:
                    out.add("DEVELOPS", owner, therapy.entity_key, later, "any.dev.pipeline")
        return
