"""Organisation anaphors ("该院", "我院", "the hospital", "the company") and bare department names ("血液科")
resolved to the organisation named earlier."""

from __future__ import annotations

import re
from dataclasses import replace

from cellkg.extract.mentions.candidate import Candidate, Flag
from cellkg.extract.read.sentences import Sentence

# "该科主任医师X": 该科 is the department named before, as 该院 is the hospital
_ORG_ANAPHOR = re.compile(
    r"该科室|该科|该院|本院|我院|该医院|(?<=[由与和在])医院(?=[与和及、，]|联合|合作)|该公司|"
    r"(?<![A-Za-z])the\s+(hospital|company|university|institute)(?![A-Za-z])"
)
_HEADS = {
    "hospital": ("医院", "hospital"),
    "company": ("公司", "生物", "therapeutics", "bio", "inc"),
    "university": ("大学", "university"),
    "institute": ("研究所", "研究院", "institute"),
}


def link_org_anaphors(text: str, sentences: list[Sentence], mentions: list[Candidate]) -> list[Candidate]:
    """ "该院"/"the hospital"/"由医院与…" point at the last organisation of that kind; a bare department
    ("血液科") joins the full unit named earlier ("某某医院血液科")."""
    orgs = [m for m in mentions if m.type == "Institution"]
    joined = {}  # bare department key → full unit key; swept copies of the bare name carry the same key
    for m in mentions:
        if m.rule == "zh.inst.department":
            full = [o for o in orgs if o.rule == "zh.inst.department" and o.text != m.text and o.text.endswith(m.text)]
            if full:
                joined[m.entity_key] = full[0].entity_key
    result = [replace(m, key=joined[m.entity_key]) if m.entity_key in joined else m for m in mentions]
    taken = [(m.start, m.end) for m in mentions]
    for sentence in sentences:
        for match in _ORG_ANAPHOR.finditer(text, sentence.start, sentence.end):
            s, e = match.span()
            if any(a < e and s < b for a, b in taken):
                continue
            department = match.group().startswith("该科")
            heads = _HEADS["company" if "公司" in match.group() else (match.group(1) or "hospital").lower()]
            kind = [
                o
                for o in orgs
                if o.end <= s
                and (o.rule == "zh.inst.department") == department
                and (department or o.text.lower().endswith(heads))
            ]
            # a hospital named only as the parent of its department ("某某医院血液科") still counts
            earlier = [o for o in kind if Flag.NESTED not in o.flags] or kind
            if earlier:
                result.append(
                    replace(
                        earlier[-1],
                        start=s,
                        end=e,
                        text=match.group(),
                        rule="any.anaphor",
                        key=earlier[-1].entity_key,
                        flags=(earlier[-1].flags - {Flag.NESTED}) | {Flag.ANAPHOR},
                    )
                )
    return sorted(result, key=lambda c: (c.start, c.end))
