"""Product aliases stated in the text join the product instead of becoming entities of their own:
"泽基仑赛注射液（研发代号：XJ-19，商品名：启瑞达）", "AB-101 (also known as cema-cel)", "X, formerly Y",
"Y, later known as X". A surface after such a cue that no finder caught (a brand name) is added as a mention."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from cellkg.extract.mentions.candidate import Candidate, Flag

# "双靶点CAR-T细胞注射液（研发代号：KR-719）": a dosage-form word may sit between the description and its code
_CUE = re.compile(
    r"(?:细胞)?(?:注射液|制剂)?\s*[(（]?\s*(?:研发代号|产品代号|代号|商品名|通用名|英文名|"
    r"also\s+(?:known\s+as|called)|formerly(?:\s+known\s+as)?|previously(?:\s+known\s+as)?|"
    r"later\s+(?:known\s+as|renamed)|a\.k\.a\.|marketed\s+as|trade\s+name)\s*[:：]?\s*",
    re.I,
)
_SEPARATOR = re.compile(r"\s*[,，;；、]\s*")
_SURFACE = re.compile(r"[A-Za-z0-9\u4e00-\u9fff][\w\u4e00-\u9fff-]{1,30}")
_DESCRIBED_CODE = re.compile(r"\s*(?:产品|候选产品|候选药物|细胞产品|(?:product\s+)?candidate|product)\s*$", re.I)
_MAX_HOPS = 3  # "（研发代号：XJ-19，商品名：启瑞达）": follow a short chain of cues


def join_aliases(text: str, mentions: list[Candidate]) -> list[Candidate]:
    by_start = {m.start: m for m in mentions if m.type == "Therapy"}
    merged: dict[str, str] = {}
    added: list[Candidate] = []
    for owner in [m for m in mentions if m.type == "Therapy" and Flag.MODALITY not in m.flags]:
        position = owner.end
        for _ in range(_MAX_HOPS):
            cue = _CUE.match(text, position)
            if not cue:
                break
            other = by_start.get(cue.end())
            if other is not None:
                if other.entity_key != owner.entity_key and Flag.MODALITY not in other.flags:
                    merged[other.entity_key] = owner.entity_key
                position = other.end
            else:
                surface = _SURFACE.match(text, cue.end())
                if not surface:
                    break
                added.append(
                    replace(
                        owner,
                        start=surface.start(),
                        end=surface.end(),
                        text=surface.group(),
                        rule="any.alias",
                        key=owner.entity_key,
                    )
                )
                position = surface.end()
            separator = _SEPARATOR.match(text, position)
            position = separator.end() if separator else position
    for description, code in pairwise(mentions):  # "靶向BCMA的CAR-T产品XJ-38": XJ-38 is what is described
        if (
            description.type == code.type == "Therapy"
            and code.rule == "any.ther.code"
            and description.rule == "any.ther.composed"
            and _DESCRIBED_CODE.match(text[description.end : code.start])
        ):
            merged[description.entity_key] = code.entity_key
    return sorted((replace(m, key=_final(merged, m.entity_key)) for m in mentions + added), key=lambda c: c.start)


def _final(merged: dict[str, str], key: str) -> str:
    for _ in range(_MAX_HOPS):
        key = merged.get(key, key)
    return key
