"""TREATS, TESTED_IN, CONDUCTED_AT and STUDIES rules."""
from __future__ import annotations

import re

from extract.anaphora import first_team, therapy_anaphor
from extract.context import DocContext
from extract.relations_base import RelationCollector
from extract.triggers import TREAT_EN, TREAT_ZH, TRIAL_SITE_EN, TRIAL_SITE_ZH, cue

_LOCAL_GAP = re.compile(r"^\s*(?:for|against|in|in\s+patients\s+with|to\s+treat|治疗|用于治疗|用于|对)\s*$", re.I)
_SENTENCE_TREAT_EN = TREAT_EN.replace("|for|against|", "|").replace("|with\\s+\\w+", "")


def treats_relations(ctx: DocContext, out: RelationCollector) -> None:
    focus = ctx.focus_therapy()
    for index, sentence in enumerate(ctx.sentences):
        mentions = ctx.by_sentence[index]
        for left, right in zip(mentions, mentions[1:]):
            if left.type == "Therapy" and right.type == "Disease" and _LOCAL_GAP.match(ctx.text[left.end:right.start]):
                out.add("TREATS", left.entity_key, right.entity_key, index, "any.trt.local")
        diseases = ctx.of_type(index, "Disease")
        if not diseases or not (cue(TREAT_ZH, "zh").search(sentence.text) or cue(_SENTENCE_TREAT_EN).search(sentence.text)):
            continue
        therapies = [m.entity_key for m in ctx.of_type(index, "Therapy")]
        rule = "any.trt.trigger"
        if not therapies and therapy_anaphor(sentence.text):
            previous = {m.entity_key for m in ctx.before(index, "Therapy", reach=1)}
            therapies, rule = (list(previous) if len(previous) == 1 else [focus] if focus else []), "any.trt.anaphora"
        for therapy in dict.fromkeys(therapies):
            for disease in (d for d in diseases if "adverse" not in ctx.entities[d.entity_key].flags):
                out.add("TREATS", therapy, disease.entity_key, index, rule)


def trial_relations(ctx: DocContext, out: RelationCollector) -> None:
    focus = ctx.focus_therapy()
    for index, sentence in enumerate(ctx.sentences):
        trials = ctx.of_type(index, "Trial")
        if not trials:
            continue
        for trial in trials:
            for therapy in _tested(ctx, index, trial) or ([focus] if focus else []):
                rule = "any.tst.sentence" if therapy != focus or _tested(ctx, index, trial) else "any.tst.focus"
                out.add("TESTED_IN", therapy, trial.entity_key, index, rule)
            for disease in ctx.of_type(index, "Disease"):
                out.add("STUDIES", trial.entity_key, disease.entity_key, index, "any.stu.sentence")
            _sites(ctx, out, index, trial.entity_key)


def _tested(ctx: DocContext, index: int, trial) -> list[str]:
    therapies = ctx.of_type(index, "Therapy")
    inside = [t.entity_key for t in therapies if trial.contains(t)]
    if inside:
        return inside
    products = [t.entity_key for t in therapies if not ctx.is_modality(t)]
    return products or [t.entity_key for t in therapies]


def _sites(ctx: DocContext, out: RelationCollector, index: int, trial_key: str) -> None:
    sentence = ctx.sentences[index].text
    if not (cue(TRIAL_SITE_ZH, "zh").search(sentence) or cue(TRIAL_SITE_EN).search(sentence)):
        return
    orgs = [m.entity_key for m in ctx.of_type(index, "Institution")]
    if orgs:
        for org in orgs:
            out.add("CONDUCTED_AT", trial_key, org, index, "any.cnd.trigger")
    elif re.search(r"研究团队|该团队|the\s+(?:research\s+)?team", sentence, re.I):
        for agent in first_team(ctx):
            out.add("CONDUCTED_AT", trial_key, agent, index, "any.cnd.team")
