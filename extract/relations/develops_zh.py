"""DEVELOPS in Chinese word order, the verb after the therapy: "专注于X的研发", "X是我们与Y共同开发的产品"
(the parties between the product and the verb; "我们" is the speaker's company), else the sentence's subject."""

from __future__ import annotations

import re

from cellkg.extract.lexicon.words import cue
from cellkg.extract.mentions.candidate import Flag
from cellkg.extract.relations.collector import RelationCollector
from cellkg.extract.relations.context import DocContext

_WE = re.compile(r"我们|我司|本公司|(?<![A-Za-z])(?:we|our\s+company)(?![A-Za-z])", re.I)
_CLAUSE_BREAK = re.compile(r"[。；;]")
_COMPANY_WORD = re.compile(r"公司|生物|Therapeutics|Bio")


def develop_after(ctx: DocContext, out: RelationCollector, index: int) -> None:
    sentence = ctx.sentences[index]
    for verb in cue("develop_after", "zh").finditer(sentence.text):
        cut = sentence.start + verb.start()
        therapies = [m for m in ctx.of_type(index, "Therapy") if m.end <= cut and not _broken(ctx.text, m.end, cut)]
        before = [
            m
            for m in ctx.of_type(index, "Institution", "Researcher")
            if m.end <= cut and not _broken(ctx.text, m.end, cut)
        ]
        first = min((t.end for t in therapies), default=cut)
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


def _broken(text: str, start: int, end: int) -> bool:
    return bool(_CLAUSE_BREAK.search(text, start, end))


def _speaker_company(ctx: DocContext, index: int) -> list[str]:
    """ "我们" in a quote: the company of the person speaking, else the company named last."""
    companies = [
        m
        for m in ctx.before(index, "Institution", reach=2) + ctx.of_type(index, "Institution")
        if Flag.COMPANY in ctx.flags(m) or _COMPANY_WORD.search(m.text)
    ]
    return [companies[-1].entity_key] if companies else []
