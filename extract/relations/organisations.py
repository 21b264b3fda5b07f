"""Questions about organisations across the document: which organisation a unit belongs to
("… Center of Riverbend University", "某某医院血液科") and which ones "the two institutions" count back to."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from cellkg.extract.lexicon.words import cue, words
from cellkg.extract.mentions.candidate import Flag

if TYPE_CHECKING:
    from cellkg.extract.relations.context import DocContext

_UNIT_BEFORE = re.compile(rf"(?:{words('unit_before')})\b|{words('unit_before', 'zh')}")
_UNIT_END = re.compile(rf"(?:{words('unit_name_end', 'zh')}|{words('unit_name_end')})$")
# "医院细胞治疗中心": a unit of "the hospital", i.e. of the document's one hospital
_HOSPITAL_UNIT = re.compile(r"^(?:医院|本院|我院|该院)[\u4e00-\u9fff]{2,}(?:中心|科|室|所)$")
_COUNT = {"two": 2, "both": 2, "three": 3, "four": 4, "两": 2, "双": 2, "三": 3}


def parents_of(ctx: DocContext, unit_key: str) -> list[str]:
    """The nearest institution nested in, or named inside, the unit's mentions ("… of Riverbend University …");
    a grandparent inside the parent's own name ("某某大学" in "某某大学附属医院") is left out."""
    surfaces = {m.text for m in ctx.entities[unit_key].mentions}
    found: dict[str, str] = {}
    for key, entity in ctx.entities.items():
        if key == unit_key or entity.type != "Institution":
            continue
        names = [
            a for a in entity.aliases if len(a) >= 4 and any(a in s and a != s and _is_unit_of(s, a) for s in surfaces)
        ]
        if names:
            found[key] = max(names, key=len)
    return [
        key for key, name in found.items() if not any(name in other and name != other for other in found.values())
    ] or _own_hospital(ctx, unit_key, surfaces)


def _is_unit_of(surface: str, parent: str) -> bool:
    """ "<unit> of <parent>" or "<parent><unit>" (某某医院血液科), not "<parent>附属医院" (an affiliated hospital)."""
    prefix = surface.split(parent)[0]
    return bool(_UNIT_BEFORE.search(prefix)) if prefix else bool(_UNIT_END.search(surface))


def _own_hospital(ctx: DocContext, unit_key: str, surfaces: set[str]) -> list[str]:
    if not any(_HOSPITAL_UNIT.match(s) for s in surfaces):
        return []
    hospitals = [
        k
        for k, e in ctx.entities.items()
        if k != unit_key and e.type == "Institution" and any(a.endswith("医院") for a in e.aliases)
    ]
    return hospitals if len(hospitals) == 1 else []


def counted_orgs(ctx: DocContext, index: int, position: int, phrase: str) -> list[str]:
    """The ``n`` distinct top organisations named last before ``position`` ("the two institutions")."""
    n = next((v for k, v in _COUNT.items() if k in phrase.lower()), 2)
    earlier = [
        m
        for m in ctx.before(index, "Institution", reach=3) + ctx.of_type(index, "Institution")
        if m.end <= position and Flag.NESTED not in m.flags and Flag.REGULATOR not in ctx.flags(m)
    ]
    keys = list(dict.fromkeys(m.entity_key for m in reversed(earlier)))
    return keys[:n] if len(keys) >= n else []


def counted_phrase(text: str) -> re.Match[str] | None:
    """ "the two institutions", "both companies", "两家机构", "双方": organisations counted back."""
    return cue("counted_orgs").search(text) or cue("counted_orgs", "zh").search(text)
