"""Within-document resolution: selected candidates → one entity per real-world thing.

Mentions come in with declared short forms (``abbreviations``) and later bare uses (``surface_sweep``) added;
here a surname alone ("Prof. WANG") joins the full name, a lexicon alias found by pattern joins its entry, a
bare cell population joins the derived therapy that contains it, "this CAR-T" joins the therapy named before,
and the mentions of one key become one ``EntityDraft``. Trials are merged by ``extract.trial_merge``,
organisation anaphors linked by ``extract.org_anaphora``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from cellkg.extract.mentions.candidate import Candidate, Flag

_DEMONSTRATIVE = re.compile(
    r"(?:这款|该款|此款|这种|该|此|这一)[\u4e00-\u9fff]{0,4}$|(?<![A-Za-z])(?:this|the\s+same)\s+(?:[\w-]+\s+)?$", re.I
)
_CITY_PREFIX = re.compile(
    r"^[A-Z][a-z]+\s+(?=[A-Z]\w+\s+\w)"
)  # "Shanghai Ruijin Hospital" is the lexicon's Ruijin Hospital
_MIN_SHORT_NAME = 4  # "研究所" alone is no short name
_DERIVED_RULES = ("en.ther.derived", "en.ther.derived_from", "zh.ther.derived", "any.ther.prefixed")


@dataclass
class EntityDraft:
    type: str
    key: str
    name: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[Candidate] = field(default_factory=list)
    flags: frozenset[Flag] = frozenset()


def _named_instance(modality: Candidate, earlier: list[Candidate]) -> str | None:
    """ "这款双靶点CAR-T", "this CAR-T": the last specific therapy of that modality named before."""
    core = modality.name.lower()
    named = [
        m for m in earlier if m.type == "Therapy" and Flag.MODALITY not in m.flags and m.name.lower().endswith(core)
    ]
    return named[-1].entity_key if named else None


def remap_keys(text: str, mentions: list[Candidate]) -> list[Candidate]:
    """Point partial mentions (a surname, a bare cell population) at their full entity."""
    # a surname alone joins the full name: the first word of a pinyin name, the last of a Western one
    full_people = {
        part.lower(): m.entity_key
        for m in mentions
        if m.type == "Researcher" and " " in m.name
        for part in (m.name.split()[-1], m.name.split()[0])
    }
    derived = [m for m in mentions if m.rule in _DERIVED_RULES]
    # "南方医院" found by its head noun is the lexicon's Nanfang Hospital when it is one of that entry's aliases
    lexicon_alias = {(m.type, a): m.entity_key for m in mentions if m.rule.startswith("any.lex") for a in m.aliases}
    result: list[Candidate] = []
    for m in mentions:
        key = (
            m.entity_key
            if m.rule.startswith("any.lex")
            else lexicon_alias.get(
                (m.type, m.text), lexicon_alias.get((m.type, _CITY_PREFIX.sub("", m.text)), m.entity_key)
            )
        )
        if Flag.MODALITY in m.flags and _DEMONSTRATIVE.search(text[max(0, m.start - 12) : m.start]):
            key = _named_instance(m, result) or key
        if m.rule == "zh.inst.head":  # "动物研究所" after "中国科学院动物研究所": the short name of the earlier one
            key = next((o.key for o in result if o.type == "Institution" and _shortens(m.text, o.text)), key)
        if m.type == "Researcher" and " " not in m.name:
            key = full_people.get(m.name.lower(), key)
        elif m.rule == "any.ther.progenitor":
            key = next((d.entity_key for d in derived if m.text in d.text), key)
        result.append(replace(m, key=key))
    return result


def _shortens(short: str, full: str) -> bool:
    return len(short) >= _MIN_SHORT_NAME and len(full) > len(short) and full.endswith(short)


def build_entities(mentions: list[Candidate]) -> dict[str, EntityDraft]:
    drafts: dict[str, EntityDraft] = {}
    for m in mentions:
        draft = drafts.setdefault(m.entity_key, EntityDraft(m.type, m.entity_key, m.name))
        draft.mentions.append(m)
        if m.rule != "any.anaphor":
            draft.aliases.add(m.text)
        draft.aliases.update(m.aliases)
        draft.flags = draft.flags | (m.flags - {Flag.GENERIC})
        if _better_name(m, draft):
            draft.name = m.name
    for draft in drafts.values():  # generic only when every mention is ("ORCA-7 … the trial" is a named trial)
        if all(Flag.GENERIC in m.flags for m in draft.mentions):
            draft.flags = draft.flags | {Flag.GENERIC}
    return drafts


def _better_name(m: Candidate, draft: EntityDraft) -> bool:
    """Lexicon names win; otherwise the longest non-generic, non-abbreviation name seen."""
    if m.rule in ("any.abbrev", "any.sweep", "any.anaphor") or Flag.GENERIC in m.flags and m.type == "Trial":
        return False
    if m.rule.startswith("any.lex"):
        return True
    current = next((x for x in draft.mentions if x.name == draft.name), None)
    if current is not None and Flag.IDENTIFIED in current.flags | m.flags:  # a trial goes by its id or acronym
        return Flag.IDENTIFIED not in current.flags
    if current is not None and m.type == "Researcher":  # a full name beats a surname alone ("Dr. Linden")
        return " " not in draft.name and " " in m.name
    return current is not None and not current.rule.startswith("any.lex") and len(m.name) > len(draft.name)
