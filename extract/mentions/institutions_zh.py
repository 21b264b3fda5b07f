"""Chinese institutions: character runs ending in 大学/医院/研究院/研究所/中心/公司/学会 … bounded by function
characters, adjacent segments merged; "某某医院血液科" departments with their hospital nested."""

from __future__ import annotations

import re
from dataclasses import replace

from cellkg.extract.lexicon.words import words
from cellkg.extract.mentions.candidate import Candidate, Flag, make_candidate
from cellkg.extract.rules import confidence

_ZH_HEAD = re.compile(words("org_head", "zh"))
_ZH_HEAD_END = re.compile(rf"(?:{words('org_head_end', 'zh')})$")
_ZH_STOP = set(
    '的在于是由对将被向从了已等多家个其该这此年月日为以、，,。:：;；“”"《》()（） '
    "后就获得运回送往到至并还也均都让给经入着们据如"
)  # verbs and adverbs never inside an organisation name
_ZH_JOINERS = set("与和及、")
# "陈学峰研究员团队与南方医院", "我院与某公司": 与 after a team, a role or "our hospital" joins two parties
_ZH_NOT_ORG_END = re.compile(rf"(?:{words('team', 'zh')}|我院|本院|该院|{words('role', 'zh')})$")
_ZH_CITY_BRACKET = re.compile(r"[（(][\u4e00-\u9fff]{2,4}[）)]")
_DEPT_WORD = re.compile(words("department_word", "zh"))
# a cooperation verb glued to the name's left edge ("将联合中山大学肿瘤防治中心开展…") is not part of the name
_ZH_VERB_PREFIX = re.compile(r"联合|携手|联手|会同|委托|依托|邀请|牵头|建成|成立|设立|组建|落户|引进")
_ZH_GENERIC_NAME = re.compile(rf"(?:{words('generic_org_word', 'zh')})+(?:{words('org_head', 'zh')})")
_ZH_PARENT_LINK = re.compile(rf"(?:{words('parent_link', 'zh')})$")
_ZH_GENERIC = ("国内", "三甲", "相关", "其他", "各大", "多家", "知名", "顶级", "该", "本", "我")


def find_institutions_zh(text: str, start: int, end: int) -> list[Candidate]:
    segment, last_end = text[start:end], 0
    found: list[Candidate] = []
    for head in _ZH_HEAD.finditer(segment):
        if head.start() < last_end:
            continue
        left = _zh_left_edge(segment, head.start(), last_end)
        joined = left > 0 and segment[left - 1] in _ZH_JOINERS
        if segment[left] in _ZH_JOINERS:
            left, joined = left + 1, True
        verb = _ZH_VERB_PREFIX.match(segment, left, head.start())
        if verb and head.start() - verb.end() >= 2:
            left, joined = verb.end(), True
        modifier = segment[left : head.start()]
        if len(modifier) < 2 or modifier.startswith(_ZH_GENERIC):
            continue
        if found and not joined and left == found[-1].end - start:  # 某某大学 + 医学院: one name
            left = found.pop().start - start
        found.append(
            make_candidate(
                text, "Institution", start + left, start + head.end(), "zh.inst.head", confidence("zh.inst.head")
            )
        )
        last_end = head.end()
    found = [c for c in found if not _ZH_GENERIC_NAME.fullmatch(c.text)]  # "附属医院", "子公司": no name of its own
    return found + _zh_departments(text, start, end, found)


_ZH_DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{1,5}?(?:内科|外科|科)(?![学技研普室])")
_ZH_DEPT_ROLE = re.compile(rf"(?:{words('role', 'zh')})")


def _zh_departments(text: str, start: int, end: int, orgs: list[Candidate]) -> list[Candidate]:
    """ "某某医院血液科" (a unit with its hospital nested) and a bare "血液内科" before a role word or after 该院."""
    found = []
    for org in orgs:
        match = _ZH_DEPARTMENT.match(text, org.end, end)
        if match and org.text.endswith("医院"):
            # the department alone ("血液科") is how it is named in short
            found.append(
                make_candidate(
                    text,
                    "Institution",
                    org.start,
                    match.end(),
                    "zh.inst.department",
                    confidence("zh.inst.department"),
                    aliases=(text[org.end : match.end()],),
                )
            )
            found.append(replace(org, flags=org.flags | {Flag.NESTED}))
    for match in _ZH_DEPARTMENT.finditer(text, start, end):
        word = _DEPT_WORD.search(text, match.start(), match.end())
        if not word:
            continue
        s = word.start()
        if _ZH_DEPT_ROLE.match(text, match.end()) or text[max(start, s - 2) : s] in ("该院", "本院"):
            found.append(
                make_candidate(
                    text, "Institution", s, match.end(), "zh.inst.department", confidence("zh.inst.department")
                )
            )
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
        if _ZH_PARENT_LINK.search(segment, max(floor, i - 3), i):  # "某集团旗下某公司": two organisations
            break
        if ch == "家" and i - 2 >= floor and segment[i - 2 : i] == "国家":  # "国家癌症中心": 国家 belongs to the name
            i -= 2
            continue
        if ch in _ZH_STOP or ch in "和及" or not ("\u4e00" <= ch <= "\u9fff" or ch.isalnum()):
            break
        if ch == "与" and (_ZH_HEAD_END.search(segment[: i - 1]) or _ZH_NOT_ORG_END.search(segment[: i - 1])):
            break
        i -= 1
    return i
