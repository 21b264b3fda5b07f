"""AFFILIATED_WITH from author lists: "A, B and C (Department of X, Y Hospital)" and footnoted authors
("ZHOU Xin1,2") matched to numbered affiliation lines ("1 Department of …")."""

from __future__ import annotations

import re

from cellkg.extract.relations.collector import RelationCollector
from cellkg.extract.relations.context import DocContext

_OPEN_BRACKET = re.compile(r"^\s*[(（]\s*$")
_AUTHOR_JOINER = re.compile(r"^\s*(?:,|，|、|and|&)\s*(?:and\s+)?$")
_FOOTNOTES = re.compile(r"^ ?(\d{1,2}(?:,\d{1,2})*)(?!\d)")  # "ZHOU Xin1,2" or "ZHOU Xin 1"
_AFF_LINE = re.compile(r"^\s*(?:\d+\.\s*)?(\d+)\s*\S")


def bracketed(ctx: DocContext, out: RelationCollector) -> None:
    """ "WANG Lei, LI Na and ZHOU Yun (Department of X, Y Hospital)": every author of the run works there."""
    for index in range(len(ctx.sentences)):
        mentions = ctx.of_type(index, "Researcher", "Institution")
        for i, org in enumerate(mentions):
            if (
                org.type != "Institution"
                or i == 0
                or not _OPEN_BRACKET.match(ctx.text[mentions[i - 1].end : org.start])
            ):
                continue
            run = [mentions[i - 1]] if mentions[i - 1].type == "Researcher" else []
            for j in range(i - 2, -1, -1):
                if mentions[j].type != "Researcher" or not _AUTHOR_JOINER.match(
                    ctx.text[mentions[j].end : run[0].start] if run else "x"
                ):
                    break
                run.insert(0, mentions[j])
            bracket = [
                m for m in mentions[i:] if m.type == "Institution" and m.end <= ctx.text.find(")", org.start) + 1
            ]
            for person in run:
                for place in bracket:
                    out.add("AFFILIATED_WITH", person.entity_key, place.entity_key, index, "any.aff.bracket")


def footnoted(ctx: DocContext, out: RelationCollector) -> None:
    authors: list[tuple[str, set[str], int]] = []
    sites: dict[str, list[str]] = {}
    for index, sentence in enumerate(ctx.sentences):
        for person in ctx.of_type(index, "Researcher"):
            marks = _FOOTNOTES.match(ctx.text[person.end : person.end + 12])
            if marks:
                authors.append((person.entity_key, set(marks.group(1).split(",")), index))
        number = _AFF_LINE.match(sentence.text)
        if number and ctx.of_type(index, "Institution"):
            sites.setdefault(number.group(1), []).extend(m.entity_key for m in ctx.of_type(index, "Institution"))
    for person_key, notes, index in authors:
        for note in notes:
            for org_key in sites.get(note, []):
                out.add("AFFILIATED_WITH", person_key, org_key, index, "any.aff.footnote")
