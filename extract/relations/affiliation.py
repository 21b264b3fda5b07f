"""AFFILIATED_WITH rules: "X of/from/at Y", Chinese "Y首席科学家X", biography paragraphs, footnoted author
lists, a bare "Name, role." after a hospital, and propagation to parents nested or named inside a unit."""

from __future__ import annotations

import re

from cellkg.extract.clauses import where_clause
from cellkg.extract.context import DocContext
from cellkg.extract.relations_base import RelationCollector
from cellkg.extract.triggers import DEGREES_EN, ROLES_EN, ROLES_ZH

_OF_GAP = re.compile(
    rf"^[\d,\s]*(?:,\s*(?:(?:{DEGREES_EN}),\s*)*(?:the\s+|an?\s+)?(?:{ROLES_EN})(?:\s+\w+){{0,4}}\s+)?(?:of|from|at|with|in)\s+(?:the\s+)?$",
    re.I,
)
_ZH_GAP = re.compile(rf"^[)）]?(?:[(（][^)）]{{1,16}}[)）])?的?(?:{ROLES_ZH})?$")
_ROLE_ONLY = re.compile(rf"^,\s*(?:the\s+)?(?:{ROLES_EN})\.?$", re.I)
_UNIT_BEFORE = re.compile(
    r"(?:Center|Centre|Institute|Department|Division|Laboratory|School|Committee|Unit)\b|"
    r"研究所|中心|实验室|科$"
)
_PRONOUN_ROLE = re.compile(
    rf"(?:他|她)(?:还|也|同时|现)?(?:担任|任职于|任|是|在)|(?<![A-Za-z])(?:He|She)\s+(?:is|was|also\s+is)\s+"
    rf"(?:an?\s+|the\s+)?(?:{ROLES_EN})(?:\s+\w+){{0,3}}\s+(?:at|of|in)\s+(?:the\s+)?"
)
_UNIT_END = re.compile(
    r"(?:中心|研究所|实验室|科|系|Center|Centre|Institute|Department|Division|Laboratory|Unit|Committee)$"
)
_OPEN_BRACKET = re.compile(r"^\s*[(（]\s*$")
_AUTHOR_JOINER = re.compile(r"^\s*(?:,|，|、|and|&)\s*(?:and\s+)?$")
_FOOTNOTES = re.compile(r"^ ?(\d{1,2}(?:,\d{1,2})*)(?!\d)")  # "ZHOU Xin1,2" or "ZHOU Xin 1"
_AFF_LINE = re.compile(r"^\s*(?:\d+\.\s*)?(\d+)\s*\S")


def affiliation_relations(ctx: DocContext, out: RelationCollector) -> None:
    for index in range(len(ctx.sentences)):
        _adjacent(ctx, out, index)
        _role_sentence(ctx, out, index)
        _pronoun_role(ctx, out, index)
    _bio_lines(ctx, out)
    _bracketed_affiliation(ctx, out)
    _footnoted_authors(ctx, out)


def _adjacent(ctx: DocContext, out: RelationCollector, index: int) -> None:
    mentions = ctx.of_type(index, "Researcher", "Institution")
    for left, right in zip(mentions, mentions[1:]):
        gap = ctx.text[left.end : right.start]
        if left.type == "Institution" and right.type == "Researcher" and where_clause(ctx.text, left, right):
            out.add("AFFILIATED_WITH", right.entity_key, left.entity_key, index, "en.aff.where")
        if left.type == "Researcher" and right.type == "Institution" and _OF_GAP.match(gap):
            out.add("AFFILIATED_WITH", left.entity_key, right.entity_key, index, "en.aff.of_pattern")
        elif left.type == "Institution" and right.type == "Researcher" and _ZH_GAP.match(gap.strip()):
            out.add("AFFILIATED_WITH", right.entity_key, left.entity_key, index, "zh.aff.org_role_name")


def _pronoun_role(ctx: DocContext, out: RelationCollector, index: int) -> None:
    """ "…周某某教授…，他担任血液内科主任", "He is a professor at X": the person named last holds the role."""
    sentence = ctx.sentences[index]
    for match in _PRONOUN_ROLE.finditer(sentence.text):
        position = sentence.start + match.end()
        orgs = [m for m in ctx.of_type(index, "Institution") if m.start >= position and m.start - position <= 12]
        people = [m for m in ctx.of_type(index, "Researcher") if m.end <= position - len(match.group())]
        people = people or ctx.before(index, "Researcher", reach=1)
        if orgs and people:
            out.add("AFFILIATED_WITH", people[-1].entity_key, orgs[0].entity_key, index, "any.aff.pronoun")


def _role_sentence(ctx: DocContext, out: RelationCollector, index: int) -> None:
    """ "Li Wenjie, chief physician." right after an institution was named."""
    people = ctx.of_type(index, "Researcher")
    sentence = ctx.sentences[index]
    if len(people) != 1 or ctx.of_type(index, "Institution"):
        return
    if _ROLE_ONLY.match(ctx.text[people[0].end : sentence.end]):
        orgs = ctx.before(index, "Institution", reach=2)
        if orgs:
            out.add("AFFILIATED_WITH", people[0].entity_key, orgs[-1].entity_key, index, "en.aff.role_previous")


def _bracketed_affiliation(ctx: DocContext, out: RelationCollector) -> None:
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


def _bio_lines(ctx: DocContext, out: RelationCollector) -> None:
    """A line opening with "Name, …" is a biography: every institution on it is an affiliation."""
    subject = None
    for index, sentence in enumerate(ctx.sentences):
        people = ctx.of_type(index, "Researcher")
        first_of_line = index == 0 or ctx.sentences[index - 1].line != sentence.line
        if first_of_line:
            opens = people and people[0].start == sentence.start and ctx.text[people[0].end : people[0].end + 1] == ","
            subject = people[0].entity_key if opens else None
        if subject:
            for org in ctx.of_type(index, "Institution"):
                out.add("AFFILIATED_WITH", subject, org.entity_key, index, "en.aff.bio_paragraph")


def _footnoted_authors(ctx: DocContext, out: RelationCollector) -> None:
    authors: list[tuple[str, set[str], int]] = []
    sites: dict[str, list[str]] = {}
    for index, sentence in enumerate(ctx.sentences):
        for person in ctx.of_type(index, "Researcher"):
            notes = _FOOTNOTES.match(ctx.text[person.end : person.end + 12])
            if notes:
                authors.append((person.entity_key, set(notes.group(1).split(",")), index))
        number = _AFF_LINE.match(sentence.text)
        if number and ctx.of_type(index, "Institution"):
            sites.setdefault(number.group(1), []).extend(m.entity_key for m in ctx.of_type(index, "Institution"))
    for person, notes, index in authors:
        for note in notes:
            for org in sites.get(note, []):
                out.add("AFFILIATED_WITH", person, org, index, "any.aff.footnote")


def _is_unit_of(surface: str, parent: str) -> bool:
    """ "<unit> of <parent>" or "<parent><unit>" (某某医院血液科), not "<parent>附属医院" (an affiliated hospital)."""
    prefix = surface.split(parent)[0]
    return bool(_UNIT_BEFORE.search(prefix)) if prefix else bool(_UNIT_END.search(surface))


# "医院细胞治疗中心": a unit of "the hospital", i.e. of the document's one hospital
_HOSPITAL_UNIT = re.compile(r"^(?:医院|本院|我院|该院)[\u4e00-\u9fff]{2,}(?:中心|科|室|所)$")


def _own_hospital(ctx: DocContext, unit_key: str, surfaces: set[str]) -> list[str]:
    if not any(_HOSPITAL_UNIT.match(s) for s in surfaces):
        return []
    hospitals = [
        k
        for k, e in ctx.entities.items()
        if k != unit_key and e.type == "Institution" and any(a.endswith("医院") for a in e.aliases)
    ]
    return hospitals if len(hospitals) == 1 else []


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
