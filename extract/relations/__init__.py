"""All relation rules in order, then propagation from units to their parent organisations."""

from __future__ import annotations

from cellkg.extract.context import DocContext
from cellkg.extract.relations_base import RelationCollector
from cellkg.extract.relations_clinical import treats_relations, trial_relations
from cellkg.extract.relations_collab import collaboration_relations
from cellkg.extract.relations_more import more_relations
from cellkg.extract.relations_people import affiliation_relations, parents_of
from cellkg.extract.relations_pipeline import pipeline_relations
from cellkg.extract.relations_work import develops_relations, targets_relations

RULE_STAGES = (
    affiliation_relations,
    develops_relations,
    targets_relations,
    collaboration_relations,
    treats_relations,
    trial_relations,
    more_relations,
    pipeline_relations,
)


def find_relations(ctx: DocContext, doc_id: str) -> RelationCollector:
    out = RelationCollector(ctx, doc_id)
    for stage in RULE_STAGES:
        stage(ctx, out)
    propagate_to_parents(ctx, out)
    return out


def propagate_to_parents(ctx: DocContext, out: RelationCollector) -> None:
    """Working at a unit means working at its parent; what a unit develops, its parent develops."""
    starts = {s.start: i for i, s in enumerate(ctx.sentences)}
    for (kind, source, target), evidence in list(out.found.items()):
        index = starts[evidence[0].char_start]
        if kind == "AFFILIATED_WITH":
            for parent in parents_of(ctx, target):
                out.add(kind, source, parent, index, "any.aff.contained")
        elif kind == "DEVELOPS" and ctx.entities[source].type == "Institution":
            for parent in parents_of(ctx, source):
                out.add(kind, parent, target, index, "any.dev.contained")
