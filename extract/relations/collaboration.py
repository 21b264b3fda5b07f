"""COLLABORATES_WITH: organisations joined by a cooperation cue, organisation pairs only.

"A together with B and C" / "A与B、C合作" pair the party before the cue with each partner after it (the
partners are not thereby partners of each other); "A and B jointly developed…" / "A、B联合…" pair the
coordinated run. A team or "we/our hospital" before the cue stands for its institutions.
"""

from __future__ import annotations

import re

from cellkg.extract.anaphora import first_team
from cellkg.extract.clauses import coordinated
from cellkg.extract.context import DocContext
from cellkg.extract.relations_base import RelationCollector
from cellkg.extract.relations_people import parents_of
from cellkg.extract.triggers import COLLAB_EN, COLLAB_WITH_EN, COLLAB_WITH_ZH, COLLAB_ZH, cue

_PART_OF = re.compile(r"(?:arm|unit|subsidiary|division|part|affiliate|parent)\s+of\s+(?:the\s+)?$", re.I)
_CO_AUTHOR = re.compile(
    r"共同(?:通讯|第一)?作者|co-(?:corresponding|first|senior)\s+authors?|joint\s+first\s+authors?", re.I
)
_UNIT = re.compile(r"(?:Department|Division|Unit|Laboratory|Section)\b|.{1,8}科$")
_TEAM_PARTY = re.compile(
    r"团队|课题组|研究组|(?<![A-Za-z])(?:the\s+)?(?:researchers|team|investigators|scientists)\b", re.I
)


def collaboration_relations(ctx: DocContext, out: RelationCollector) -> None:
    for index, sentence in enumerate(ctx.sentences):
        plain = _CO_AUTHOR.sub("", sentence.text)
        if not (cue(COLLAB_ZH, "zh").search(plain) or cue(COLLAB_EN).search(plain)):
            continue
        orgs = [
            m
            for m in ctx.of_type(index, "Institution")
            if "nested" not in m.flags and not _PART_OF.search(ctx.text[max(sentence.start, m.start - 30) : m.start])
        ]
        with_cue = _with_cue(sentence.text)
        if with_cue is not None:
            position = sentence.start + with_cue
            left = [m.entity_key for m in orgs if m.end <= position]
            if not left and _TEAM_PARTY.search(sentence.text[:with_cue]):
                left = [k for k in first_team(ctx) if ctx.entities[k].type == "Institution"] or _last_host(ctx, index)
            right = [m.entity_key for m in orgs if m.start >= position]
            if left and right:
                for a in left[-1:] if len(left) > 1 and not _joined(ctx, orgs, position) else left:
                    for b in right:
                        _pair(ctx, out, a, b, index)
                continue
        runs = [run for run in (coordinated(ctx.text, orgs, m) for m in orgs) if len(run) > 1]
        for group in runs or [orgs]:
            keys = list(dict.fromkeys(m.entity_key for m in group))
            for i, a in enumerate(keys):
                for b in keys[i + 1 :]:
                    _pair(ctx, out, a, b, index)


def _pair(ctx: DocContext, out: RelationCollector, a: str, b: str, index: int) -> None:
    if b not in parents_of(ctx, a) and a not in parents_of(ctx, b):  # a department and its own hospital are one party
        out.add("COLLABORATES_WITH", a, b, index, "any.col.joint")


def _with_cue(sentence: str) -> int | None:
    """Offset of "together with"/"与" (the latter only before a Chinese cooperation verb)."""
    english = cue(COLLAB_WITH_EN).search(sentence)
    if english:
        return english.start()
    chinese = cue(COLLAB_WITH_ZH, "zh").search(sentence)
    return chinese.start() if chinese else None


def _joined(ctx: DocContext, orgs, position: int) -> bool:
    """Several parties before the cue count only when coordinated ("A and B, together with C")."""
    before = [m for m in orgs if m.end <= position]
    return len(coordinated(ctx.text, before, before[0])) == len(before)


def _last_host(ctx: DocContext, index: int) -> list[str]:
    """ "The researchers …" with no team introduced: the last organisation (not a department) named before."""
    hosts = [m for m in ctx.before(index, "Institution", reach=3) if not _UNIT.match(m.text)]
    return [hosts[-1].entity_key] if hosts else []
