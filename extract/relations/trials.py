"""TREATS, TESTED_IN, CONDUCTED_AT and STUDIES rules."""

from __future__ import annotations

import re

from cellkg.extract.anaphora import first_team, therapy_anaphor
from cellkg.extract.candidates import Candidate
from cellkg.extract.clauses import appositive_owner, contrast_between, negated_between
from cellkg.extract.context import DocContext
from cellkg.extract.relations_base import RelationCollector
from cellkg.extract.trials import is_planned
from cellkg.extract.triggers import (
    LIST_OPENER,
    OUTCOME_EN,
    OUTCOME_ZH,
    TREAT_EN,
    TREAT_ZH,
    TRIAL_SITE_EN,
    TRIAL_SITE_ZH,
    cue,
)

_OWN_TRIAL = re.compile(r"(?<![A-Za-z])(?:its|their)\s+(?:[\w-]+\s+){0,3}$|(?:其|该公司的?)\S{0,6}$", re.I)
_LOCAL_GAP = re.compile(r"^\s*(?:for|against|in|in\s+patients\s+with|to\s+treat|治疗|用于治疗|用于|对)\s*$", re.I)
_SAME_DISEASE = re.compile(r"\s+in\s+(?:\w+\s+){0,2}with\s+(?:[\w/-]+\s+){0,3}", re.I)
_SENTENCE_TREAT_EN = TREAT_EN.replace("|for|against|", "|").replace("|with\\s+\\w+", "")


def treats_relations(ctx: DocContext, out: RelationCollector) -> None:
    focus = ctx.focus_therapy()
    for index, sentence in enumerate(ctx.sentences):
        # a target inside "TCR-T cells against HPV E7" must not stand between the therapy and "for cervical cancer"
        mentions = [
            m for m in ctx.by_sentence[index] if not any(o is not m and o.contains(m) for o in ctx.by_sentence[index])
        ]
        therapies = ctx.of_type(index, "Therapy")
        for left, right in zip(mentions, mentions[1:]):
            if (
                left.type == "Therapy"
                and right.type == "Disease"
                and _LOCAL_GAP.match(ctx.text[left.end : right.start])
            ):
                owner = appositive_owner(ctx.text, left, therapies)  # "NVX-330, a BCMA-directed CAR-T for myeloma"
                out.add("TREATS", (owner or left).entity_key, right.entity_key, index, "any.trt.local")
        diseases = [d for d in ctx.of_type(index, "Disease") if "adverse" not in ctx.entities[d.entity_key].flags]
        # "shrinks tumours in patients with synovial sarcoma": the umbrella word is the named disease, not another one
        named = [d for d in diseases if "generic" not in ctx.entities[d.entity_key].flags]
        diseases = [d for d in diseases if not any(_SAME_DISEASE.fullmatch(ctx.text[d.end : n.start]) for n in named)]
        _listed(ctx, out, index)
        if not diseases:
            continue
        if not (cue(TREAT_ZH, "zh").search(sentence.text) or cue(_SENTENCE_TREAT_EN).search(sentence.text)):
            continue
        therapies = ctx.of_type(index, "Therapy")
        for therapy in therapies:
            if appositive_owner(ctx.text, therapy, therapies):
                continue  # "X, a CAR-T cell therapy, for …": the relation is X's
            for disease in diseases:
                if not negated_between(ctx.text, therapy, disease) and not contrast_between(ctx.text, therapy, disease):
                    out.add("TREATS", therapy.entity_key, disease.entity_key, index, "any.trt.trigger")
        if not therapies and therapy_anaphor(sentence.text):
            previous = {m.entity_key for m in ctx.before(index, "Therapy", reach=1) if not ctx.is_modality(m)}
            keys = list(previous) if len(previous) == 1 else [focus] if focus else []
            negated = cue(r"not\s+(?:been\s+)?(?:approved|tested|used|indicated)", "en").search(sentence.text)
            for therapy in [] if negated else keys:
                for disease in diseases:
                    out.add("TREATS", therapy, disease.entity_key, index, "any.trt.anaphora")


def _listed(ctx: DocContext, out: RelationCollector, index: int) -> None:
    """ "Several approaches are tested in solid tumors. These include A, B and C.": A, B, C treat them."""
    sentence = ctx.sentences[index]
    if index == 0 or not cue(LIST_OPENER).search(sentence.text) and not cue(LIST_OPENER, "zh").search(sentence.text):
        return
    diseases = ctx.of_type(index - 1, "Disease")
    previous = ctx.sentences[index - 1].text
    if not (cue(TREAT_ZH, "zh").search(previous) or cue(TREAT_EN).search(previous)):
        return
    for therapy in ctx.of_type(index, "Therapy"):
        for disease in diseases:
            out.add("TREATS", therapy.entity_key, disease.entity_key, index, "any.trt.list")


def trial_relations(ctx: DocContext, out: RelationCollector) -> None:
    focus = ctx.focus_therapy()
    for index, sentence in enumerate(ctx.sentences):
        trials = ctx.of_type(index, "Trial")
        if not trials:
            continue
        for trial in trials:
            # no therapy in the sentence: the one in focus of the paragraph, then of the document
            nearby = paragraph_therapy(ctx, index, reach=2)
            for therapy in _tested(ctx, index, trial) or nearby or ([focus] if focus else []):
                rule = "any.tst.sentence" if therapy != focus or _tested(ctx, index, trial) else "any.tst.focus"
                out.add("TESTED_IN", therapy, trial.entity_key, index, rule)
            earlier = [] if ctx.of_type(index, "Therapy") else ctx.earlier_in_paragraph(index, "Disease", reach=1)
            diseases = ctx.indications(index) or [d for d in earlier if ctx.is_indication(d)]
            if is_planned(
                ctx.text, trial
            ):  # "warrants a phase II study in patients with MDS": what follows is its indication
                diseases = [d for d in diseases if d.start > trial.end] or diseases
            for disease in diseases:
                out.add("STUDIES", trial.entity_key, disease.entity_key, index, "any.stu.sentence")
                for therapy in tested_in(out, trial.entity_key):
                    out.add("TREATS", therapy, disease.entity_key, index, "any.trt.trial")
            _sites(ctx, out, index, trial)
    _outcomes(ctx, out)


def _outcomes(ctx: DocContext, out: RelationCollector) -> None:
    """ "Among 42 patients with relapsed myeloma, the ORR was 71%": the trial (or therapy) of the paragraph."""
    for index, sentence in enumerate(ctx.sentences):
        diseases = ctx.indications(index)
        if (
            not diseases
            or ctx.of_type(index, "Therapy", "Trial")
            or not (cue(OUTCOME_EN).search(sentence.text) or cue(OUTCOME_ZH, "zh").search(sentence.text))
        ):
            continue
        trials = ctx.earlier_in_paragraph(index, "Trial", reach=1)[-1:]
        therapies = [t for trial in trials for t in tested_in(out, trial.entity_key)] or paragraph_therapy(
            ctx, index, reach=1
        )
        for disease in diseases:
            for trial in trials:
                out.add("STUDIES", trial.entity_key, disease.entity_key, index, "any.stu.outcome")
            for therapy in therapies:
                out.add("TREATS", therapy, disease.entity_key, index, "any.trt.outcome")


def _tested(ctx: DocContext, index: int, trial) -> list[str]:
    therapies = ctx.of_type(index, "Therapy")
    inside = [t.entity_key for t in therapies if trial.contains(t)]
    if inside:
        return inside
    products = [
        t.entity_key for t in therapies if not ctx.is_modality(t) and not appositive_owner(ctx.text, t, therapies)
    ]
    # "a phase 3 trial that compared TIL with ipilimumab": a modality after the trial is what it tests
    return products or [t.entity_key for t in therapies if t.end <= trial.start] or [t.entity_key for t in therapies]


def _sites(ctx: DocContext, out: RelationCollector, index: int, trial: Candidate) -> None:
    sentence = ctx.sentences[index]
    orgs = [
        m.entity_key for m in ctx.of_type(index, "Institution") if "registry" not in ctx.entities[m.entity_key].flags
    ]
    if orgs and _OWN_TRIAL.search(ctx.text[max(sentence.start, trial.start - 40) : trial.start]):
        out.add("CONDUCTED_AT", trial.entity_key, orgs[0], index, "any.cnd.sponsor")  # "X … its phase 1 trial"
    if not (cue(TRIAL_SITE_ZH, "zh").search(sentence.text) or cue(TRIAL_SITE_EN).search(sentence.text)):
        return
    for org in orgs:
        out.add("CONDUCTED_AT", trial.entity_key, org, index, "any.cnd.trigger")
    if not orgs and re.search(r"团队|课题组|(?:the|his|her|their)\s+(?:research\s+)?team", sentence.text, re.I):
        for agent in first_team(ctx):
            out.add("CONDUCTED_AT", trial.entity_key, agent, index, "any.cnd.team")


def tested_in(out: RelationCollector, trial_key: str) -> list[str]:
    return [s for (t, s, o) in out.found if t == "TESTED_IN" and o == trial_key]


def paragraph_therapy(ctx: DocContext, index: int, reach: int) -> list[str]:
    """The last specific therapy named earlier in the paragraph ("HLX-201 is an iPSC-derived CAR-NK product": HLX-201)."""
    earlier = [m for m in ctx.earlier_in_paragraph(index, "Therapy", reach=reach) if not ctx.is_modality(m)]
    if not earlier:
        return []
    owner = appositive_owner(ctx.text, earlier[-1], [m for m in earlier if m.end <= earlier[-1].start])
    return [(owner or earlier[-1]).entity_key]
