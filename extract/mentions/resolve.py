"""Within-document resolution: selected candidates → one entity per real-world thing.

Parenthesised abbreviations become aliases of the name before them ("… School of Medicine (NXSM)"),
later bare uses of pattern-found names and abbreviations are swept up, a surname alone ("Prof.
WANG") joins the full name, and a bare cell population joins the derived therapy that contains it.
Trials are merged by ``extract.trial_merge``, organisation anaphors linked by ``extract.org_anaphora``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from cellkg.extract.lexicon.words import word_set
from cellkg.extract.mentions.candidate import Candidate, Flag
from cellkg.extract.read.sentences import Sentence

_ABBREVIATION = re.compile(r"\s*[(（]\s*([A-Za-z][A-Za-z0-9.&\- ]{1,24}?)\s*[)）]")
# "杭州科瑞恩生物医药有限公司（以下简称“科瑞恩生物”）", "Acme Inc. (hereinafter "Acme")": a declared short name
_SHORT_NAME = re.compile(
    r"\s*[(（]\s*(?:以下简称|下称|简称|hereinafter(?:\s+referred\s+to\s+as)?|hereafter)\s*[:：]?\s*"
    r"[“\"‘']([^”\"’']{2,24})[”\"’']\s*[)）]",
    re.I,
)
_SWEEP_TYPES = ("Institution", "Therapy", "Researcher")
_COMPANY = re.compile(
    r"^([A-Z][a-z]{3,}[A-Za-z]*)\s+(?:Therapeutics|Biotherapeutics|Biotech|Biosciences|Pharmaceuticals|"
    r"Pharma|Biologics|Bio|Medicine|Inc\.?)(?:,?\s+Inc\.?)?$"
)
_DEMONSTRATIVE = re.compile(
    r"(?:这款|该款|此款|这种|该|此|这一)[\u4e00-\u9fff]{0,4}$|(?<![A-Za-z])(?:this|the\s+same)\s+(?:[\w-]+\s+)?$", re.I
)
_CITY_PREFIX = re.compile(
    r"^[A-Z][a-z]+\s+(?=[A-Z]\w+\s+\w)"
)  # "Shanghai Ruijin Hospital" is the lexicon's Ruijin Hospital
_DERIVED_RULES = ("en.ther.derived", "zh.ther.derived", "any.ther.prefixed")


@dataclass
class EntityDraft:
    type: str
    key: str
    name: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[Candidate] = field(default_factory=list)
    flags: frozenset[Flag] = frozenset()


def add_abbreviations(text: str, mentions: list[Candidate]) -> list[Candidate]:
    by_end: dict[int, list[Candidate]] = {}
    for m in mentions:
        by_end.setdefault(m.end, []).append(m)
    taken = [(m.start, m.end) for m in mentions]
    added = []
    for end, owners in by_end.items():
        match = _ABBREVIATION.match(text, end) or _SHORT_NAME.match(text, end)
        if not match or any(s < match.end(1) and match.start(1) < e for s, e in taken):
            continue
        owner = _abbreviation_owner(match.group(1), owners)
        added.append(
            replace(
                owner,
                start=match.start(1),
                end=match.end(1),
                text=match.group(1),
                rule="any.abbrev",
                key=owner.entity_key,
                flags=owner.flags - {Flag.NESTED},
            )
        )
    return sorted(mentions + added, key=lambda c: c.start)


def _abbreviation_owner(abbreviation: str, owners: list[Candidate]) -> Candidate:
    fitting = [o for o in owners if o.text[:1].lower() == abbreviation[:1].lower()]
    return min(fitting or owners, key=lambda o: o.end - o.start)


def sweep_surfaces(text: str, sentences: list[Sentence], mentions: list[Candidate]) -> list[Candidate]:
    """Find further bare occurrences of names and abbreviations already established in the document."""
    surfaces = {
        m.text: m for m in mentions if m.type in _SWEEP_TYPES and len(m.text) >= 3 and Flag.GENERIC not in m.flags
    }
    for m in mentions:  # "Acme Therapeutics … Acme said": the company's short name
        short = _COMPANY.match(m.text) if m.type == "Institution" else None
        if short and short.group(1) not in word_set("not_short_name"):
            surfaces.setdefault(short.group(1), m)
    if not surfaces:
        return mentions
    pattern = re.compile("|".join(re.escape(s) for s in sorted(surfaces, key=len, reverse=True)))
    taken = [(m.start, m.end) for m in mentions]
    added = []
    for sentence in sentences:
        for match in pattern.finditer(text, sentence.start, sentence.end):
            s, e = match.span()
            if _word_bounded(text, s, e) and not any(a < e and s < b for a, b in taken):
                added.append(
                    replace(
                        surfaces[match.group()],
                        start=s,
                        end=e,
                        rule="any.sweep",
                        key=surfaces[match.group()].entity_key,
                    )
                )
                taken.append((s, e))
    return sorted(mentions + added, key=lambda c: c.start)


def _word_bounded(text: str, s: int, e: int) -> bool:
    before = text[s - 1] if s else " "
    after = text[e] if e < len(text) else " "
    return not (before.isascii() and before.isalnum() and text[s].isascii()) and not (
        after.isascii() and after.isalnum() and text[e - 1].isascii()
    )


def _named_instance(modality: Candidate, earlier: list[Candidate]) -> str | None:
    """ "这款双靶点CAR-T", "this CAR-T": the last specific therapy of that modality named before."""
    core = modality.name.lower()
    named = [
        m for m in earlier if m.type == "Therapy" and Flag.MODALITY not in m.flags and m.name.lower().endswith(core)
    ]
    return named[-1].entity_key if named else None


def remap_keys(text: str, mentions: list[Candidate]) -> list[Candidate]:
    """Point partial mentions (a surname, a bare cell population) at their full entity."""
    full_people = {
        m.name.split()[0].lower(): m.entity_key for m in mentions if m.type == "Researcher" and " " in m.name
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
        if m.type == "Researcher" and " " not in m.name:
            key = full_people.get(m.name.lower(), key)
        elif m.rule == "any.ther.progenitor":
            key = next((d.entity_key for d in derived if m.text in d.text), key)
        result.append(replace(m, key=key))
    return result


def build_entities(mentions: list[Candidate]) -> dict[str, EntityDraft]:
    drafts: dict[str, EntityDraft] = {}
    for m in mentions:
        draft = drafts.setdefault(m.entity_key, EntityDraft(m.type, m.entity_key, m.name))
        draft.mentions.append(m)
        if m.rule != "any.anaphor":
            draft.aliases.add(m.text)
        draft.aliases.update(m.aliases)
        draft.flags = draft.flags | m.flags
        if _better_name(m, draft):
            draft.name = m.name
    return drafts


def _better_name(m: Candidate, draft: EntityDraft) -> bool:
    """Lexicon names win; otherwise the longest non-generic, non-abbreviation name seen."""
    if m.rule in ("any.abbrev", "any.sweep", "any.anaphor") or Flag.GENERIC in m.flags and m.type == "Trial":
        return False
    if m.rule.startswith("any.lex"):
        return True
    current = next((x for x in draft.mentions if x.name == draft.name), None)
    return (
        current is not None
        and not current.rule.startswith("any.lex")
        and len(m.name) > len(draft.name)
        and m.type != "Researcher"
    )
