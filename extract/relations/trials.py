"""TESTED_IN, STUDIES and the TREATS a trial implies: the therapy a trial tests (in the sentence, else the
paragraph's, else the document's focus), the indications it studies, and outcome sentences ("Among 42
patients with relapsed myeloma, the ORR was 71%") read as the paragraph's trial. Sites: ``trial_sites``."""

from __future__ import annotations

from cellkg.extract.lexicon.words import has_cue
from cellkg.extract.mentions.candidate import Candidate
from cellkg.extract.mentions.trial_context import is_planned
from cellkg.extract.relations.clauses import appositive_owner
from cellkg.extract.relations.collector import RelationCollector
from cellkg.extract.relations.context import DocContext


def tested_and_studied(ctx: DocContext, out: RelationCollector, index: int) -> None:
    focus = ctx.focus_therapy
    for trial in ctx.of_type(index, "Trial"):
        # no therapy in the sentence: the one in focus of the paragraph, then of the document
        tested = _tested(ctx, index, trial)
        for therapy in tested or ctx.paragraph_therapy(index, reach=2) or ([focus] if focus else []):
            rule_id = "any.tst.sentence" if therapy != focus or tested else "any.tst.focus"
            out.add("TESTED_IN", therapy, trial.entity_key, index, rule_id)
        earlier = [] if ctx.of_type(index, "Therapy") else ctx.earlier_in_paragraph(index, "Disease", reach=1)
        diseases = ctx.indications(index) or [d for d in earlier if ctx.is_indication(d)]
        if is_planned(ctx.text, trial):  # "warrants a phase II study in patients with MDS": its indication follows
            diseases = [d for d in diseases if d.start > trial.end] or diseases
        for disease in diseases:
            out.add("STUDIES", trial.entity_key, disease.entity_key, index, "any.stu.sentence")
            for therapy in out.sources_of("TESTED_IN", trial.entity_key):
                out.add("TREATS", therapy, disease.entity_key, index, "any.trt.trial")


def outcomes(ctx: DocContext, out: RelationCollector) -> None:
    """ "Among 42 patients with relapsed myeloma, the ORR was 71%": the trial (or therapy) of the paragraph."""
    for index, sentence in enumerate(ctx.sentences):
        diseases = ctx.indications(index)
        if not diseases or ctx.of_type(index, "Therapy", "Trial") or not has_cue("outcome", sentence.text):
            continue
        trials = ctx.earlier_in_paragraph(index, "Trial", reach=1)[-1:]
        therapies = [t for trial in trials for t in out.sources_of("TESTED_IN", trial.entity_key)]
        for disease in diseases:
            for trial in trials:
                out.add("STUDIES", trial.entity_key, disease.entity_key, index, "any.stu.outcome")
            for therapy in therapies or ctx.paragraph_therapy(index, reach=1):
                out.add("TREATS", therapy, disease.entity_key, index, "any.trt.outcome")


def _tested(ctx: DocContext, index: int, trial: Candidate) -> list[str]:
    therapies = ctx.of_type(index, "Therapy")
    inside = [t.entity_key for t in therapies if trial.contains(t)]
    if inside:
        return inside
    products = [
        t.entity_key for t in therapies if not ctx.is_modality(t) and not appositive_owner(ctx.text, t, therapies)
    ]
    # "a phase 3 trial that compared TIL with ipilimumab": a modality after the trial is what it tests
    return products or [t.entity_key for t in therapies if t.end <= trial.start] or [t.entity_key for t in therapies]
