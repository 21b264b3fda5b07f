"""Institutions by head nouns, English and Chinese.

English: capitalised word runs ending in a head (University, Hospital, Institute, Center,
Therapeutics, Inc. …) with "of/for …" tails; "X Affiliated Hospital, Y University School of
Medicine" is one name; "<unit> of (the) <top-level org>" and comma chains in affiliation lines
("Department of Oncology, the Second Clinical Campus, Eastbay General Hospital") yield the unit with
its parent as a separate, nested Institution. Chinese: character runs ending in 大学/医院/研究院/
研究所/中心/公司/学会 … bounded by function characters, adjacent segments merged.
"""
from __future__ import annotations

import re

from dataclasses import replace

from extract.candidates import Candidate, make_candidate
from extract.config import confidence
from extract.triggers import ROLES_ZH

_WORD = r"(?:[A-Z][A-Za-z0-9.&'’-]*|[A-Z]{2,})"
_HEAD = (r"University|Hospital|Academy|College|Clinic|Administration|Agency|Ministry|Commission|Society|Association|"
         r"Therapeutics|Biotherapeutics|Biotech|Biotechnology|Biotechnologies|Biosciences|Bio|Pharmaceuticals?|Pharma|"
         r"Inc\.?|Ltd\.?|Corporation|Corp\.|Company|Institutes?|Institutet|Center|Centre|Laboratory|Laboratories|"
         r"Committee|Council|Department|Division|School\s+of\s+Medicine|Medical\s+School|School")
_TAIL = rf"(?:\s+(?:of|for|on)\s+(?:the\s+)?{_WORD}(?:\s+(?:and\s+|&\s+)?{_WORD})*)?"
_ORG = re.compile(rf"(?<![A-Za-z])(?:{_WORD}[ \u00a0])*(?:{_HEAD})(?![a-z]){_TAIL}")
_LEADING_NOISE = re.compile(r"^(?:(?:The|A|An|In|At|From|By|With|And|Of|For|Since|Source|Sources|Recently|Researchers|"
                            r"Scientists|Professor|Prof\.|Dr\.|January|February|March|April|May|June|July|August|"
                            r"September|October|November|December)\s+)+")
_KEEP_DOT = re.compile(r"(?:Inc|Ltd|Co|Corp)\.$")
_AFFILIATED_MERGE = re.compile(rf",\s*(?:the\s+)?(?:{_WORD}\s+)*(?:University|College)(?:\s+(?:School|College)\s+of\s+Medicine)?")
_UNIT_OF = re.compile(r"^(.*?\b(?:Center|Centre|Department|Division|Institute|Laboratory|School|Unit|Program|Faculty|Clinic))"
                      r"\s+of\s+(?:the\s+)?(.+)$")
_TOP_FINAL = re.compile(r"(?:University|Hospital|Academy|College|Inc\.?|Ltd\.?|Therapeutics|Pharmaceuticals?|Biotech|"
                        r"Corporation|School\s+of\s+Medicine|Medical\s+School)$")
_UNIT_START = re.compile(r"^(?:Department|Division|(?:Key\s+)?Laboratory|Unit|Faculty|Section|Ward)\b|"
                         r"\b(?:Center|Centre|Institute|Laboratory|Department|Division)$")
_CHAIN_GAP = re.compile(r"^\s*,\s*(?:the\s+)?$")
_COMPANY_IS_A = re.compile(r"^([A-Z][A-Za-z0-9]+(?:[A-Z][a-z]+)+|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+is\s+an?\s+(?:[\w-]+\s+){0,3}"
                           r"(?:platform|company|biotech|startup|start-up|firm|provider|developer|manufacturer|organization)\b")


def find_institutions_en(text: str, start: int, end: int) -> list[Candidate]:
    segment = text[start:end]
    spans = [_trimmed(segment, m.start(), m.end()) for m in _ORG.finditer(segment)]
    spans = [_merge_affiliated(segment, s, e) for s, e in spans if e - s > 3 and _has_name_word(segment[s:e])]
    found = []
    for group in _chains(segment, spans):
        first_s, last_e = group[0][0], group[-1][1]
        found.append(make_candidate(text, "Institution", start + first_s, start + last_e, "en.inst.head",
                                    confidence("en.inst.head")))
        if len(group) > 1:
            found.append(_nested(text, start + group[-1][0], start + last_e))
        else:
            found.extend(_unit_parent(text, start + first_s, start + last_e))
    company = _COMPANY_IS_A.match(segment)
    if company:
        found.append(make_candidate(text, "Institution", start + company.start(1), start + company.end(1),
                                    "en.inst.is_a", confidence("en.inst.is_a")))
    return found


def _trimmed(segment: str, s: int, e: int) -> tuple[int, int]:
    noise = _LEADING_NOISE.match(segment[s:e])
    s = s + noise.end() if noise else s
    if segment[s:e].endswith(".") and not _KEEP_DOT.search(segment[s:e]):
        e -= 1
    if segment[s:e].endswith(("'s", "’s")):  # "the Ministry of Health’s plan"
        e -= 2
    return s, e


def _has_name_word(name: str) -> bool:
    return len(name.split()) >= 2 or name.isupper()


def _merge_affiliated(segment: str, s: int, e: int) -> tuple[int, int]:
    if "Affiliated" in segment[s:e] and segment[s:e].endswith("Hospital"):
        tail = _AFFILIATED_MERGE.match(segment, e)
        if tail:
            return s, tail.end()
    return s, e


def _chains(segment: str, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Group "unit, (middle,)* top-level org" runs of affiliation lines; everything else stays single."""
    groups: list[list[tuple[int, int]]] = []
    for span in sorted(set(spans)):
        if groups and span[0] < groups[-1][-1][1]:
            continue
        if groups and _CHAIN_GAP.match(segment[groups[-1][-1][1]:span[0]]):
            groups[-1].append(span)
        else:
            groups.append([span])
    return [part for group in groups for part in _valid_chain(segment, group)]


def _valid_chain(segment: str, group: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    first, last = segment[group[0][0]:group[0][1]], segment[group[-1][0]:group[-1][1]]
    if len(group) > 1 and _UNIT_START.match(first) and _TOP_FINAL.search(last):
        return [group]
    return [[span] for span in group]


def _nested(text: str, s: int, e: int) -> Candidate:
    return make_candidate(text, "Institution", s, e, "en.inst.parent", confidence("en.inst.parent"),
                          flags=frozenset({"nested"}))


def _unit_parent(text: str, s: int, e: int) -> list[Candidate]:
    match = _UNIT_OF.match(text[s:e])
    if not match or not _TOP_FINAL.search(match.group(2)):
        return []
    parent_start = s + match.start(2)
    return [_nested(text, parent_start, e)]


_ZH_HEAD = re.compile(r"大学|医学院|医院|研究院|研究所|科学院|实验室|中心|学会|协会|委员会|管理局|卫健委|药监局|集团|药业|"
                      r"公司|生物(?=公司|有限|股份|集团|[(（])")
_ZH_HEAD_END = re.compile(r"(?:大学|医学院|医院|研究院|研究所|科学院|实验室|中心|学会|协会|委员会|公司|集团)$")
_ZH_STOP = set("的在于是由对将被向从了已等多家个其该这此年月日为以、，,。:：;；“”\"《》()（） "
               "后就获得运回送往到至并还也均都让给经入")  # verbs and adverbs never inside an organisation name
_ZH_JOINERS = set("与和及、")
# "陈学峰研究员团队与南方医院", "我院与某公司": 与 after a team, a role or "our hospital" joins two parties
_ZH_NOT_ORG_END = re.compile(rf"(?:团队|课题组|研究组|我院|本院|该院|{ROLES_ZH})$")
_ZH_CITY_BRACKET = re.compile(r"[（(][\u4e00-\u9fff]{2,4}[）)]")
_DEPT_WORD = re.compile(r"血液|肿瘤|内科|外科|儿科|妇科|风湿|免疫|肾|心|神经|呼吸|消化|感染|皮肤|眼|骨|病理|检验|输血|移植|放疗|放射|麻醉|急诊|重症")
_ZH_GENERIC = ("国内", "三甲", "相关", "其他", "各大", "多家", "知名", "顶级", "该", "本", "我")


def find_institutions_zh(text: str, start: int, end: int) -> list[Candidate]:
    segment, found, last_end = text[start:end], [], 0
    for head in _ZH_HEAD.finditer(segment):
        if head.start() < last_end:
            continue
        left = _zh_left_edge(segment, head.start(), last_end)
        joined = left > 0 and segment[left - 1] in _ZH_JOINERS
        if segment[left] in _ZH_JOINERS:
            left, joined = left + 1, True
        modifier = segment[left:head.start()]
        if len(modifier) < 2 or modifier.startswith(_ZH_GENERIC):
            continue
        if found and not joined and left == found[-1].end - start:  # 某某大学 + 医学院: one name
            left = found.pop().start - start
        found.append(make_candidate(text, "Institution", start + left, start + head.end(), "zh.inst.head",
                                    confidence("zh.inst.head")))
        last_end = head.end()
    return found + _zh_departments(text, start, end, found)


_ZH_DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{1,5}?(?:内科|外科|科)(?![学技研普室])")
_ZH_DEPT_ROLE = re.compile(rf"(?:{ROLES_ZH})")


def _zh_departments(text: str, start: int, end: int, orgs: list[Candidate]) -> list[Candidate]:
    """"某某医院血液科" (a unit with its hospital nested) and a bare "血液内科" before a role word or after 该院."""
    found = []
    for org in orgs:
        match = _ZH_DEPARTMENT.match(text, org.end, end)
        if match and org.text.endswith("医院"):
            found.append(make_candidate(text, "Institution", org.start, match.end(), "zh.inst.department",
                                        confidence("zh.inst.department")))
            found.append(replace(org, flags=org.flags | {"nested"}))
    for match in _ZH_DEPARTMENT.finditer(text, start, end):
        word = _DEPT_WORD.search(text, match.start(), match.end())
        if not word:
            continue
        s = word.start()
        if _ZH_DEPT_ROLE.match(text, match.end()) or text[max(start, s - 2):s] in ("该院", "本院"):
            found.append(make_candidate(text, "Institution", s, match.end(), "zh.inst.department",
                                        confidence("zh.inst.department")))
    return found


def _zh_left_edge(segment: str, head_start: int, floor: int) -> int:
    """Walk left over name characters; stop at function characters, joiners after a head, and ``floor``."""
    i = head_start
    while i > floor:
        ch = segment[i - 1]
        bracket = _ZH_CITY_BRACKET.search(segment, max(floor, i - 6), i) if ch in "）)" else None
        if bracket and bracket.end() == i and i < head_start:  # "星济生物科技（苏州）有限公司": a city in brackets
            i = bracket.start()
            continue
        if ch in _ZH_STOP or ch in "和及" or not ("\u4e00" <= ch <= "\u9fff" or ch.isalnum()):
            break
        if ch == "与" and (_ZH_HEAD_END.search(segment[:i - 1]) or _ZH_NOT_ORG_END.search(segment[:i - 1])):
            break
        i -= 1
    return i
