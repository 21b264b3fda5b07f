"""The relation rules, grouped by relation type, run in a fixed order; then units pass relations to parents.

Each stage is either a tuple of sentence rules (``rule(ctx, out, index)``, run together sentence by
sentence) or one document rule (``rule(ctx, out)``). Later stages may read what earlier ones found (a
trial's tested therapies, a leader's affiliation), so the order is part of the behaviour.
"""

from __future__ import annotations

from collections.abc import Callable

from cellkg.extract.relations import (
    affiliation,
    author_lists,
    collaboration,
    develops,
    develops_attributed,
    develops_reference,
    develops_zh,
    targets,
    treats,
    trial_sites,
    trials,
)
from cellkg.extract.relations.collector import RelationCollector
from cellkg.extract.relations.context import DocContext

SentenceRule = Callable[[DocContext, RelationCollector, int], None]
DocumentRule = Callable[[DocContext, RelationCollector], None]

STAGES: tuple[tuple[SentenceRule, ...] | DocumentRule, ...] = (
    (affiliation.adjacent, affiliation.role_sentence, affiliation.pronoun_role),
    affiliation.bio_lines,
    author_lists.bracketed,
    author_lists.footnoted,
    (develops_attributed.possessive, develops_attributed.passive, develops.by_verb),
    (targets.targets,),
    (collaboration.joint,),
    (treats.treats,),
    (trials.tested_and_studied, trial_sites.trial_sites),
    trials.outcomes,
    (develops_reference.counted, collaboration.counted, develops_zh.develop_after, trial_sites.study_people),
    develops_reference.pipeline,
)


def find_relations(ctx: DocContext, doc_id: str, then: DocumentRule | None = None) -> RelationCollector:
    """Run the rules, pass units' relations to parents; ``then`` (the learned decision) sees all of it and may
    add relations, which pass to parents in turn."""
    out = RelationCollector(ctx, doc_id)
    for stage in STAGES:
        if isinstance(stage, tuple):
            for index in range(len(ctx.sentences)):
                for sentence_rule in stage:
                    sentence_rule(ctx, out, index)
        else:
            stage(ctx, out)
    propagate_to_parents(ctx, out)
    if then is not None:
        then(ctx, out)
        propagate_to_parents(ctx, out)
    return out


def propagate_to_parents(ctx: DocContext, out: RelationCollector) -> None:
    """Working at a unit means working at its parent; what a unit develops, its parent develops."""
    starts = {s.start: i for i, s in enumerate(ctx.sentences)}
    for (kind, source, target), evidence in list(out.found.items()):
        index = starts[evidence[0].char_start]
        if kind == "AFFILIATED_WITH":
            for parent in ctx.parents_of(target):
                out.add(kind, source, parent, index, "any.aff.contained")
        elif kind == "DEVELOPS" and ctx.entities[source].type == "Institution":
            for parent in ctx.parents_of(source):
                out.add(kind, parent, target, index, "any.dev.contained")
