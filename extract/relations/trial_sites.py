"""CONDUCTED_AT: where a trial runs. "X … its phase 1 trial" (the sponsor), a site cue ("conducted at",
"在…开展"), the team of the document when the sentence names no organisation, the organisations of the
study's principal investigator, and "R's team … to open a phase 2 study" (where R works)."""

from __future__ import annotations

import re

from cellkg.extract.lexicon.words import has_cue, words
from cellkg.extract.mentions.candidate import Flag
from cellkg.extract.relations.collector import RelationCollector
from cellkg.extract.relations.context import DocContext

_OWN_TRIAL = re.compile(r"(?<![A-Za-z])(?:its|their)\s+(?:[\w-]+\s+){0,3}$|(?:其|该公司的?)\S{0,6}$", re.I)
_OWN_TEAM = re.compile(rf"{words('team', 'zh')}|(?:the|his|her|their)\s+(?:research\s+)?(?:{words('team')})", re.I)
_TEAM_OF = re.compile(
    rf"([A-Z][a-z]+)(?:'s|’s)\s+(?:research\s+)?(?:{words('team')}|group|lab)|"
    rf"([\u4e00-\u9fff]{{2,3}})(?:教授|医生|博士)?(?:{words('team', 'zh')})"
)


def trial_sites(ctx: DocContext, out: RelationCollector, index: int) -> None:
    sentence = ctx.sentences[index]
    orgs = [m.entity_key for m in ctx.of_type(index, "Institution") if Flag.REGISTRY not in ctx.flags(m)]
    for trial in ctx.of_type(index, "Trial"):
        if orgs and _OWN_TRIAL.search(ctx.text[max(sentence.start, trial.start - 40) : trial.start]):
            out.add("CONDUCTED_AT", trial.entity_key, orgs[0], index, "any.cnd.sponsor")  # "X … its phase 1 trial"
        if not has_cue("trial_site", sentence.text):
            continue
        for org in orgs:
            out.add("CONDUCTED_AT", trial.entity_key, org, index, "any.cnd.trigger")
        if not orgs and _OWN_TEAM.search(sentence.text):
            for agent in ctx.first_team:
                out.add("CONDUCTED_AT", trial.entity_key, agent, index, "any.cnd.first_team")


def study_people(ctx: DocContext, out: RelationCollector, index: int) -> None:
    """The study runs where its principal investigator, or the leader of the team running it, works."""
    sentence = ctx.sentences[index]
    trials = ctx.of_type(index, "Trial")
    if has_cue("principal_investigator", sentence.text):
        for trial in trials or ctx.before(index, "Trial", reach=2)[-1:]:
            for org in ctx.of_type(index, "Institution"):
                out.add("CONDUCTED_AT", trial.entity_key, org.entity_key, index, "any.cnd.investigator")
    team = _TEAM_OF.search(sentence.text)
    if not (team and trials):
        return
    name = (team.group(1) or team.group(2) or "").lower()
    leaders = {m.entity_key for m in ctx.mentions if m.type == "Researcher" and name and name in m.text.lower()}
    leaders |= {m.entity_key for m in ctx.of_type(index, "Researcher") if m.end <= sentence.start + team.start()}
    homes = [o for o in out.targets_of("AFFILIATED_WITH", leaders) if Flag.NESTED not in ctx.entities[o].flags]
    for trial in trials:
        for home in homes:
            out.add("CONDUCTED_AT", trial.entity_key, home, index, "any.cnd.leader_team")
