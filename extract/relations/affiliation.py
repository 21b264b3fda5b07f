"""AFFILIATED_WITH within a sentence or a biography line: "X of/from/at Y", Chinese "Y首席科学家X",
"<institution>, where X …", "He is a professor at Y", a bare "Name, role." after a hospital, and every
institution on a line that opens with "Name, …". Author lists are ``author_lists``."""

from __future__ import annotations

import re
from itertools import pairwise

from cellkg.extract.lexicon.words import words
from cellkg.extract.relations.clauses import where_clause
from cellkg.extract.relations.collector import RelationCollector
from cellkg.extract.relations.context import DocContext

_ROLE_EN, _ROLE_ZH = words("role"), words("role", "zh")
_OF_GAP = re.compile(
    rf"^[\d,\s]*(?:,\s*(?:(?:{words('degree')}),\s*)*(?:the\s+|an?\s+)?(?:{_ROLE_EN})(?:\s+\w+){{0,4}}\s+)?"
    r"(?:of|from|at|with|in)\s+(?:the\s+)?$",
    re.I,
)
_ZH_GAP = re.compile(rf"^[)）]?(?:[(（][^)）]{{1,16}}[)）])?的?(?:{_ROLE_ZH})?$")
_ROLE_ONLY = re.compile(rf"^,\s*(?:the\s+)?(?:{_ROLE_EN})\.?$", re.I)
_PRONOUN_ROLE = re.compile(
    rf"(?:他|她)(?:还|也|同时|现)?(?:担任|任职于|任|是|在)|(?<![A-Za-z])(?:He|She)\s+(?:is|was|also\s+is)\s+"
    rf"(?:an?\s+|the\s+)?(?:{_ROLE_EN})(?:\s+\w+){{0,3}}\s+(?:at|of|in)\s+(?:the\s+)?"
)


def adjacent(ctx: DocContext, out: RelationCollector, index: int) -> None:
    mentions = ctx.of_type(index, "Researcher", "Institution")
    for left, right in pairwise(mentions):
        gap = ctx.text[left.end : right.start]
        if left.type == "Institution" and right.type == "Researcher" and where_clause(ctx.text, left, right):
            out.add("AFFILIATED_WITH", right.entity_key, left.entity_key, index, "en.aff.where")
        if left.type == "Researcher" and right.type == "Institution" and _OF_GAP.match(gap):
            out.add("AFFILIATED_WITH", left.entity_key, right.entity_key, index, "en.aff.of_pattern")
        elif left.type == "Institution" and right.type == "Researcher" and _ZH_GAP.match(gap.strip()):
            out.add("AFFILIATED_WITH", right.entity_key, left.entity_key, index, "zh.aff.org_role_name")


def pronoun_role(ctx: DocContext, out: RelationCollector, index: int) -> None:
    """ "…周某某教授…，他担任血液内科主任", "He is a professor at X": the person named last holds the role."""
    sentence = ctx.sentences[index]
    for match in _PRONOUN_ROLE.finditer(sentence.text):
        position = sentence.start + match.end()
        orgs = [m for m in ctx.of_type(index, "Institution") if m.start >= position and m.start - position <= 12]
        people = [m for m in ctx.of_type(index, "Researcher") if m.end <= position - len(match.group())]
        people = people or ctx.before(index, "Researcher", reach=1)
        if orgs and people:
            out.add("AFFILIATED_WITH", people[-1].entity_key, orgs[0].entity_key, index, "any.aff.pronoun")


def role_sentence(ctx: DocContext, out: RelationCollector, index: int) -> None:
    """ "Li Wenjie, chief physician." right after an institution was named."""
    people = ctx.of_type(index, "Researcher")
    sentence = ctx.sentences[index]
    if len(people) != 1 or ctx.of_type(index, "Institution"):
        return
    if _ROLE_ONLY.match(ctx.text[people[0].end : sentence.end]):
        orgs = ctx.before(index, "Institution", reach=2)
        if orgs:
            out.add("AFFILIATED_WITH", people[0].entity_key, orgs[-1].entity_key, index, "en.aff.role_previous")


def bio_lines(ctx: DocContext, out: RelationCollector) -> None:
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
