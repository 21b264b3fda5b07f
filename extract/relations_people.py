"""AFFILIATED_WITH rules: "X of/from/at Y", Chinese "Y首席科学家X", biography paragraphs, footnoted author
lists, a bare "Name, role." after a hospital, and propagation to parents nested or named inside a unit."""
from __future__ import annotations

import re

from extract.context import DocContext
from extract.relations_base import RelationCollector
from extract.triggers import ROLES_EN, ROLES_ZH

_OF_GAP = re.compile(rf"^[\d,\s]*(?:,\s*(?:the\s+)?(?:{ROLES_EN})(?:\s+\w+){{0,3}}\s+)?(?:of|from|at|with|in)\s+(?:the\s+)?$", re.I)
_ZH_GAP = re.compile(rf"^[)）]?(?:[(（][^)）]{{1,16}}[)）])?的?(?:{ROLES_ZH})?$")
_ROLE_ONLY = re.compile(rf"^,\s*(?:the\s+)?(?:{ROLES_EN})\.?$", re.I)
_UNIT_BEFORE = re.compile(r"(?:Center|Centre|Institute|Department|Division|Laboratory|School|Committee|Unit)\b|"
                          r"研究所|中心|实验室|科$|^$")
_FOOTNOTES = re.compile(r"^\d+(?:,\d+)*")
_AFF_LINE = re.compile(r"^\s*(?:\d+\.\s*)?(\d+)\s*\S")


def affiliation_relations(ctx: DocContext, out: RelationCollector) -> None:
    for index in range(len(ctx.sentences)):
        _adjacent(ctx, out, index)
        _role_sentence(ctx, out, index)
    _bio_lines(ctx, out)
    _footnoted_authors(ctx, out)


def _adjacent(ctx: DocContext, out: RelationCollector, index: int) -> None:
    mentions = ctx.of_type(index, "Researcher", "Institution")
    for left, right in zip(mentions, mentions[1:]):
        gap = ctx.text[left.end:right.start]
        if left.type == "Researcher" and right.type == "Institution" and _OF_GAP.match(gap):
            out.add("AFFILIATED_WITH", left.entity_key, right.entity_key, index, "en.aff.of_pattern")
        elif left.type == "Institution" and right.type == "Researcher" and _ZH_GAP.match(gap.strip()):
            out.add("AFFILIATED_WITH", right.entity_key, left.entity_key, index, "zh.aff.org_role_name")


def _role_sentence(ctx: DocContext, out: RelationCollector, index: int) -> None:
    """"Yang Guoshan, chief physician." right after an institution was named."""
    people = ctx.of_type(index, "Researcher")
    sentence = ctx.sentences[index]
    if len(people) != 1 or ctx.of_type(index, "Institution"):
        return
    if _ROLE_ONLY.match(ctx.text[people[0].end:sentence.end]):
        orgs = ctx.before(index, "Institution", reach=2)
        if orgs:
            out.add("AFFILIATED_WITH", people[0].entity_key, orgs[-1].entity_key, index, "en.aff.role_previous")


def _bio_lines(ctx: DocContext, out: RelationCollector) -> None:
    """A line opening with "Name, …" is a biography: every institution on it is an affiliation."""
    subject = None
    for index, sentence in enumerate(ctx.sentences):
        people = ctx.of_type(index, "Researcher")
        first_of_line = index == 0 or ctx.sentences[index - 1].line != sentence.line
        if first_of_line:
            opens = people and people[0].start == sentence.start and ctx.text[people[0].end:people[0].end + 1] == ","
            subject = people[0].entity_key if opens else None
        if subject:
            for org in ctx.of_type(index, "Institution"):
                out.add("AFFILIATED_WITH", subject, org.entity_key, index, "en.aff.bio_paragraph")


def _footnoted_authors(ctx: DocContext, out: RelationCollector) -> None:
    authors: list[tuple[str, set[str], int]] = []
    sites: dict[str, list[str]] = {}
    for index, sentence in enumerate(ctx.sentences):
        for person in ctx.of_type(index, "Researcher"):
            notes = _FOOTNOTES.match(ctx.text[person.end:person.end + 12])
            if notes:
                authors.append((person.entity_key, set(notes.group().split(",")), index))
        number = _AFF_LINE.match(sentence.text)
        if number and ctx.of_type(index, "Institution"):
            sites.setdefault(number.group(1), []).extend(m.entity_key for m in ctx.of_type(index, "Institution"))
    for person, notes, index in authors:
        for note in notes:
            for org in sites.get(note, []):
                out.add("AFFILIATED_WITH", person, org, index, "any.aff.footnote")


def parents_of(ctx: DocContext, unit_key: str) -> list[str]:
    """Institutions nested in, or named inside, the unit's mentions ("… of Tsinghua University …")."""
    surfaces = {m.text for m in ctx.entities[unit_key].mentions}
    parents = []
    for key, entity in ctx.entities.items():
        if key == unit_key or entity.type != "Institution":
            continue
        names = {a for a in entity.aliases if len(a) >= 4}
        if any(name in surface and name != surface and _UNIT_BEFORE.search(surface.split(name)[0])
               for name in names for surface in surfaces):
            parents.append(key)
    return parents
