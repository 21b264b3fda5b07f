"""Relations read through counted references, therapy-first Chinese triggers and the people behind a study.

"developed jointly by the two institutions" (the two organisations named last), "专注于X的研发" / "X是我们与Y共同开发的
产品" (the development verb after the therapy), "Dr. R, an oncologist at Fred Hutch and the study's principal
investigator" (the study runs where its PI works) and "R's team … to open a phase 2 study" (where R works).
"""

from __future__ import annotations

import re

from cellkg.extract.context import DocContext
from cellkg.extract.relations_base import RelationCollector
from cellkg.extract.triggers import (
    COLLAB_EN,
    COLLAB_ZH,
    COUNTED_ORGS_EN,
    COUNTED_ORGS_ZH,
    DEVELOP_AFTER_ZH,
    DEVELOP_EN,
    DEVELOP_ZH,
    PRINCIPAL_INVESTIGATOR,
    cue,
)

_COUNT = {"two": 2, "both": 2, "three": 3, "four": 4, "两": 2, "双": 2, "三": 3}
_WE = re.compile(r"我们|我司|本公司|(?<![A-Za-z])(?:we|our\s+company)(?![A-Za-z])", re.I)
_TEAM_OF = re.compile(
    r"([A-Z][a-z]+)(?:'s|’s)\s+(?:research\s+)?(?:team|group|lab)|([\u4e00-\u9fff]{2,3})(?:教授|医生|博士)?团队"
)


def counted_orgs(ctx: DocContext, index: int, position: int, phrase: str) -> list[str]:
    """The ``n`` distinct top organisations named last before ``position`` ("the two institutions")."""
    n = next((v for k, v in _COUNT.items() if k in phrase.lower()), 2)
    earlier = [
        m
        for m in ctx.before(index, "Institution", reach=3) + ctx.of_type(index, "Institution")
        if m.end <= position and "nested" not in m.flags and "regulator" not in ctx.entities[m.entity_key].flags
    ]
    keys = list(dict.fromkeys(m.entity_key for m in reversed(earlier)))
    return keys[:n] if len(keys) >= n else []


def more_relations(ctx: DocContext, out: RelationCollector) -> None:
    for index, sentence in enumerate(ctx.sentences):
        _counted(ctx, out, index)
        _develop_after(ctx, out, index)
        _study_people(ctx, out, index)


def _counted(ctx: DocContext, out: RelationCollector, index: int) -> None:
    sentence = ctx.sentences[index]
    phrase = cue(COUNTED_ORGS_EN).search(sentence.text) or cue(COUNTED_ORGS_ZH, "zh").search(sentence.text)
    if not phrase:
        return
    agents = counted_orgs(ctx, index, sentence.start + phrase.start(), phrase.group())
    if not (cue(DEVELOP_EN).search(sentence.text) or cue(DEVELOP_ZH, "zh").search(sentence.text)):
        return
    therapies = [m for m in ctx.of_type(index, "Therapy") if not ctx.is_modality(m)]
    for agent in agents:
        for therapy in therapies:
            out.add("DEVELOPS", agent, therapy.entity_key, index, "any.dev.counted")
    if cue(COLLAB_EN).search(sentence.text) or cue(COLLAB_ZH, "zh").search(sentence.text):
        for i, a in enumerate(agents):
            for b in agents[i + 1 :]:
                out.add("COLLABORATES_WITH", a, b, index, "any.col.counted")


def _develop_after(ctx: DocContext, out: RelationCollector, index: int) -> None:
    """Chinese word order: the therapies sit between the agent (or "我们") and the verb that follows them."""
    sentence = ctx.sentences[index]
    for verb in cue(DEVELOP_AFTER_ZH, "zh").finditer(sentence.text):
        cut = sentence.start + verb.start()
        therapies = [
            m for m in ctx.of_type(index, "Therapy") if m.end <= cut and not _clause_break(ctx.text, m.end, cut)
        ]
        before = [
            m
            for m in ctx.of_type(index, "Institution", "Researcher")
            if m.end <= cut and not _clause_break(ctx.text, m.end, cut)
        ]
        first = min((t.end for t in therapies), default=cut)
        # "X是我们与Y共同开发的产品": the parties between the product and the verb; else the sentence's subject
        agents = [m.entity_key for m in before if m.start >= first]
        if _WE.search(sentence.text[: verb.start()]):
            agents += _speaker_company(ctx, index)
        if not agents:
            subject = [m for m in before if m.type == "Institution" and m.end <= first][:1]
            if not subject and sentence.text.lstrip().startswith(("专注", "致力")):
                subject = ctx.before(index, "Institution", reach=1)[-1:]
            agents = [m.entity_key for m in subject]
        for agent in dict.fromkeys(agents):
            for therapy in therapies:
                out.add("DEVELOPS", agent, therapy.entity_key, index, "zh.dev.after")


def _clause_break(text: str, start: int, end: int) -> bool:
    return bool(re.search(r"[。；;]", text[start:end]))


def _speaker_company(ctx: DocContext, index: int) -> list[str]:
    """ "我们" in a quote: the company of the person speaking, else the company named last."""
    companies = [
        m
        for m in ctx.before(index, "Institution", reach=2) + ctx.of_type(index, "Institution")
        if "company" in ctx.entities[m.entity_key].flags or re.search(r"公司|生物|Therapeutics|Bio", m.text)
    ]
    return [companies[-1].entity_key] if companies else []


def _study_people(ctx: DocContext, out: RelationCollector, index: int) -> None:
    sentence = ctx.sentences[index]
    trials = ctx.of_type(index, "Trial")
    people = ctx.of_type(index, "Researcher")
    if cue(PRINCIPAL_INVESTIGATOR).search(sentence.text) or cue(PRINCIPAL_INVESTIGATOR, "zh").search(sentence.text):
        studies = trials or ctx.before(index, "Trial", reach=2)[-1:]
        for trial in studies:
            for org in ctx.of_type(index, "Institution"):
                out.add("CONDUCTED_AT", trial.entity_key, org.entity_key, index, "any.cnd.investigator")
    team = _TEAM_OF.search(sentence.text)
    if not (team and trials):
        return
    name = (team.group(1) or team.group(2) or "").lower()
    leaders = {m.entity_key for m in ctx.mentions if m.type == "Researcher" and name and name in m.text.lower()}
    leaders |= {m.entity_key for m in people if m.end <= sentence.start + team.start()}
    homes = [
        o
        for (t, s, o) in out.found
        if t == "AFFILIATED_WITH" and s in leaders and "nested" not in ctx.entities[o].flags
    ]
    for trial in trials:
        for org in homes:
            out.add("CONDUCTED_AT", trial.entity_key, org, index, "any.cnd.team")
