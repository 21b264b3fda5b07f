"""COLLABORATES_WITH: organisations joined by a cooperation cue, organisation pairs only.

"A together with B and C" / "A与B、C合作" pair the party before the cue with each partner after it (the
partners are not thereby partners of each other); "A and B jointly developed…" / "A、B联合…" pair the
coordinated run. A team or "we/our hospital" before the cue stands for its institutions; "the two
institutions jointly developed X" pairs the organisations named last.
"""

from __future__ import annotations

import re

from cellkg.extract.lexicon.words import cue, has_cue, words
from cellkg.extract.mentions.candidate import Candidate, Flag
from cellkg.extract.relations.clauses import coordinated
from cellkg.extract.relations.collector import RelationCollector
from cellkg.extract.relations.context import DocContext
from cellkg.extract.relations.organisations import counted_phrase

_PART_OF = re.compile(r"(?:arm|unit|subsidiary|division|part|affiliate|parent)\s+of\s+(?:the\s+)?$", re.I)
_CO_AUTHOR = re.compile(
    r"共同(?:通讯|第一)?作者|co-(?:corresponding|first|senior)\s+authors?|joint\s+first\s+authors?", re.I
)
_UNIT = re.compile(rf"(?:{words('unit_word')})\b|.{{1,8}}科$")
_TEAM_PARTY = re.compile(
    rf"{words('team', 'zh')}|(?<![A-Za-z])(?:the\s+)?(?:researchers|{words('team')}|investigators|scientists)\b", re.I
)


def joint(ctx: DocContext, out: RelationCollector, index: int) -> None:
    sentence = ctx.sentences[index]
    if not has_cue("collaborate", _CO_AUTHOR.sub("", sentence.text)):
        return
    orgs = [
        m
        for m in ctx.of_type(index, "Institution")
        if Flag.NESTED not in m.flags and not _PART_OF.search(ctx.text[max(sentence.start, m.start - 30) : m.start])
    ]
    with_cue = _with_cue(sentence.text)
    if with_cue is not None:
        position = sentence.start + with_cue
        left = [m.entity_key for m in orgs if m.end <= position]
        if not left and _TEAM_PARTY.search(sentence.text[:with_cue]):
            left = [k for k in ctx.first_team if ctx.entities[k].type == "Institution"] or _last_host(ctx, index)
        right = [m.entity_key for m in orgs if m.start >= position]
        if left and right:
            for a in left[-1:] if len(left) > 1 and not _joined(ctx, orgs, position) else left:
                for b in right:
                    _pair(ctx, out, a, b, index)
            return
    runs = [run for run in (coordinated(ctx.text, orgs, m) for m in orgs) if len(run) > 1]
    for group in runs or [orgs]:
        keys = list(dict.fromkeys(m.entity_key for m in group))
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                _pair(ctx, out, a, b, index)


def counted(ctx: DocContext, out: RelationCollector, index: int) -> None:
    """ "The two institutions jointly developed X": the organisations counted back to work together."""
    sentence = ctx.sentences[index]
    phrase = counted_phrase(sentence.text)
    if not phrase or not has_cue("develop", sentence.text) or not has_cue("collaborate", sentence.text):
        return
    agents = ctx.counted_orgs(index, sentence.start + phrase.start(), phrase.group())
    for i, a in enumerate(agents):
        for b in agents[i + 1 :]:
            out.add("COLLABORATES_WITH", a, b, index, "any.col.counted")


def _pair(ctx: DocContext, out: RelationCollector, a: str, b: str, index: int) -> None:
    if b not in ctx.parents_of(a) and a not in ctx.parents_of(b):  # a department and its own hospital are one party
        out.add("COLLABORATES_WITH", a, b, index, "any.col.joint")


def _with_cue(sentence: str) -> int | None:
    """Offset of "together with"/"与" (the latter only before a Chinese cooperation verb)."""
    english = cue("collaborate_with").search(sentence)
    if english:
        return english.start()
    chinese = cue("collaborate_with", "zh").search(sentence)
    return chinese.start() if chinese else None


def _joined(ctx: DocContext, orgs: list[Candidate], position: int) -> bool:
    """Several parties before the cue count only when coordinated ("A and B, together with C")."""
    before = [m for m in orgs if m.end <= position]
    return len(coordinated(ctx.text, before, before[0])) == len(before)


def _last_host(ctx: DocContext, index: int) -> list[str]:
    """ "The researchers …" with no team introduced: the last organisation (not a department) named before."""
    hosts = [m for m in ctx.before(index, "Institution", reach=3) if not _UNIT.match(m.text)]
    return [hosts[-1].entity_key] if hosts else []
