"""TREATS from a sentence: "X for/against/in patients with Y" right next to each other, a treatment cue
in the sentence ("treated", "治疗"), an anaphor ("the therapy induced remission in Y") and a list that
continues the previous sentence ("… tested in solid tumors. These include A, B and C.")."""

from __future__ import annotations

import re
from itertools import pairwise

from cellkg.extract.lexicon.words import cue, has_cue
from cellkg.extract.mentions.candidate import Flag
from cellkg.extract.relations.anaphora import therapy_anaphor
from cellkg.extract.relations.clauses import appositive_owner, contrast_between, negated_between
from cellkg.extract.relations.collector import RelationCollector
from cellkg.extract.relations.context import DocContext

_LOCAL_GAP = re.compile(r"^\s*(?:for|against|in|in\s+patients\s+with|to\s+treat|治疗|用于治疗|用于|对)\s*$", re.I)
_SAME_DISEASE = re.compile(r"\s+in\s+(?:\w+\s+){0,2}with\s+(?:[\w/-]+\s+){0,3}", re.I)
_NOT_USED = re.compile(r"(?<![A-Za-z])not\s+(?:been\s+)?(?:approved|tested|used|indicated)(?![A-Za-z])", re.I)


def treats(ctx: DocContext, out: RelationCollector, index: int) -> None:
    sentence = ctx.sentences[index]
    _local(ctx, out, index)
    diseases = [d for d in ctx.of_type(index, "Disease") if Flag.ADVERSE not in ctx.flags(d)]
    # "shrinks tumours in patients with synovial sarcoma": the umbrella word is the named disease, not another one
    named = [d for d in diseases if Flag.GENERIC not in ctx.flags(d)]
    diseases = [d for d in diseases if not any(_SAME_DISEASE.fullmatch(ctx.text[d.end : n.start]) for n in named)]
    _listed(ctx, out, index)
    if not diseases or not has_cue("treat", sentence.text):
        return
    therapies = ctx.of_type(index, "Therapy")
    for therapy in therapies:
        if appositive_owner(ctx.text, therapy, therapies):
            continue  # "X, a CAR-T cell therapy, for …": the relation is X's
        for disease in diseases:
            if not negated_between(ctx.text, therapy, disease) and not contrast_between(ctx.text, therapy, disease):
                out.add("TREATS", therapy.entity_key, disease.entity_key, index, "any.trt.trigger")
    if not therapies and therapy_anaphor(sentence.text):
        previous = {m.entity_key for m in ctx.before(index, "Therapy", reach=1) if not ctx.is_modality(m)}
        focus = ctx.focus_therapy
        keys = list(previous) if len(previous) == 1 else [focus] if focus else []
        for therapy_key in [] if _NOT_USED.search(sentence.text) else keys:
            for disease in diseases:
                out.add("TREATS", therapy_key, disease.entity_key, index, "any.trt.anaphora")


def _local(ctx: DocContext, out: RelationCollector, index: int) -> None:
    # a target inside "TCR-T cells against HPV E7" must not stand between the therapy and "for cervical cancer"
    mentions = [
        m for m in ctx.by_sentence[index] if not any(o is not m and o.contains(m) for o in ctx.by_sentence[index])
    ]
    therapies = ctx.of_type(index, "Therapy")
    for left, right in pairwise(mentions):
        if left.type == "Therapy" and right.type == "Disease" and _LOCAL_GAP.match(ctx.text[left.end : right.start]):
            owner = appositive_owner(ctx.text, left, therapies)  # "NVX-330, a BCMA-directed CAR-T for myeloma"
            out.add("TREATS", (owner or left).entity_key, right.entity_key, index, "any.trt.local")


def _listed(ctx: DocContext, out: RelationCollector, index: int) -> None:
    """ "Several approaches are tested in solid tumors. These include A, B and C.": A, B, C treat them."""
    if index == 0 or not has_cue("list_opener", ctx.sentences[index].text):
        return
    previous = ctx.sentences[index - 1].text
    if not (has_cue("treat", previous) or cue("treat_loose").search(previous)):
        return
    diseases = ctx.of_type(index - 1, "Disease")
    for therapy in ctx.of_type(index, "Therapy"):
        for disease in diseases:
            out.add("TREATS", therapy.entity_key, disease.entity_key, index, "any.trt.list")
