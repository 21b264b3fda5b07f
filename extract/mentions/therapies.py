"""Therapies beyond the lexicon: target-composed ("ROR1 CAR-T", "anti-CD5 CAR-T", "GPC3 靶向 CAR-T"),
universal/off-the-shelf forms, source-derived cells ("iPSC-derived NK cells", "多能干细胞衍生NK祖细胞"),
named cell subsets ("γδ T cell subset") and product codes next to therapy words (AB-101, XYZ123).
"""

from __future__ import annotations

import re
from functools import lru_cache

from cellkg.extract.lexicon import load_entries
from cellkg.extract.lexicon.words import has_cue
from cellkg.extract.mentions.candidate import Candidate, make_candidate
from cellkg.extract.rules import confidence

# the Chinese forms come first: alternation takes the first that fits, and "CAR-T细胞" is the full surface
_MODALITY = (
    r"CAR-T细胞|CAR-NK细胞|CAR[- ]?T(?:[- ]cells?|[- ]cell\s+therap(?:y|ies)|\s+therap(?:y|ies))?|"
    r"CAR[- ]NK(?:[- ]cells?)?|CAR[- ]NKT|"
    r"CAR[- ]M|TCR[- ]T(?:[- ]cells?)?|CAR-T|CAR-NK"
)
_CELL_TYPE = (
    r"NK\s+progenitor\s+cells?|NK\s+cells?|(?:gamma[- ]delta|γδ)\s?T\s+cells?|T\s+cells?|NKT\s+cells?|macrophages?|"
    r"CAR-NK(?:\s+cells?)?|CAR-T(?:\s+cells?)?|"
    r"NK祖细胞|NK细胞|T细胞|巨噬细胞|NKT细胞"
)
_SOURCE = (
    r"iPSC|iPS\s+cell|induced\s+pluripotent\s+stem\s+cell|pluripotent\s+stem\s+cell|embryonic\s+stem\s+cell|"
    r"(?:umbilical\s+)?cord\s+blood(?:\s+stem\s+cell)?|stem\s+cell|hematopoietic\s+stem\s+cell"
)
_ZH_SOURCE = r"诱导多能干细胞|多能干细胞|胚胎干细胞|脐带血|干细胞|造血干细胞"
_DERIVED_EN = re.compile(
    rf"(?:{_SOURCE})(?:\s*\([^)]{{1,12}}\))?[- ]derived\s+(?:{_CELL_TYPE})(?:\s+therap(?:y|ies))?", re.I
)
_DERIVED_ZH = re.compile(rf"(?:{_ZH_SOURCE})(?:[(（][A-Za-z]{{2,8}}[)）])?衍生的?(?:{_CELL_TYPE})(?:疗法)?")
_PREFIXED = re.compile(
    r"(?<![A-Za-z])(?:iPSC|iPS|UCB)-(CAR-NK|CAR-T|NKT|NK)(?![A-Za-z])(?:\s*(cells?|细胞|疗法|therapy))?"
)
# "allogeneic CAR-T" used as a modality of its own (seed convention: modality mentions are Therapy entities)
_UNIVERSAL = re.compile(
    rf"(?:universal|off-the-shelf|[“\"]?通用型[”\"]?|(allogeneic))\s*(?:{_MODALITY}|NK祖细胞|NK\s+progenitor\s+cells?)",
    re.I,
)
_PROGENITOR = re.compile(r"(?<![A-Za-z])NK\s+progenitor\s+cells?|NK祖细胞")
_SUBSET = re.compile(
    r"(?:(CD\d+)\s?\+\s?)?(NKT|NK|T|γδ\s?T)\s+(?:cell\s+)?(?:subgroups?|subsets?|sub-?populations?)(?:\s+cells?)?"
    r"|(?:new\s+)?sub-?populations?\s+of\s+(NKT|NK|T)\s+cells"
)
_MODALITY_CORE = re.compile(r"CAR[- ]?NKT|CAR[- ]?NK|CAR[- ]?T|CAR[- ]?M(?![a-z])|TCR[- ]?T", re.I)
_SOURCE_NAMES = (
    (("iPSC"), re.compile(r"iPS|pluripotent|多能干细胞", re.I)),
    ("cord blood", re.compile(r"cord\s+blood|脐带血", re.I)),
    ("embryonic stem cell", re.compile(r"embryonic|胚胎干细胞", re.I)),
    ("hematopoietic stem cell", re.compile(r"hematopoietic|造血干细胞", re.I)),
)
_CELL_NAMES = (
    ("NK progenitor cells", re.compile(r"NK\s*(?:progenitor|祖细胞)", re.I)),
    ("CAR-NK cells", re.compile(r"CAR-NK", re.I)),
    ("CAR-T cells", re.compile(r"CAR-T", re.I)),
    ("NKT cells", re.compile(r"NKT")),
    ("NK cells", re.compile(r"NK")),
    ("gamma delta T cells", re.compile(r"gamma[- ]delta|γδ", re.I)),
    ("T cells", re.compile(r"T\s*(?:cells?|细胞)")),
    ("macrophages", re.compile(r"macrophage|巨噬细胞", re.I)),
)
# Chinese generic names of CAR-T products end in 基(奥)仑赛 (阿基仑赛, 瑞基奥仑赛, 泽沃基奥仑赛); the prefix stops at
# one character before 基 (two only after a non-Chinese boundary: no word breaks to find the start otherwise), so
# that "创新药泽基仑赛注射液" yields 泽基仑赛注射液, one entity with or without 注射液
_ZH_INN = re.compile(r"(?:(?<![\u4e00-\u9fff])[\u4e00-\u9fff])?[\u4e00-\u9fff]基奥?仑赛(?:注射液)?")
# "AB-101", "CT-0508", "iNK-M15": an optional lower-case platform prefix and letters after the dash
_CODE = re.compile(r"(?<![A-Za-z0-9-])([a-z]?[A-Z]{2,5}(?:-?\d{2,6}|-[A-Z]{1,2}\d{1,6})[A-Z]?)(?![A-Za-z0-9-]|\.\d)")
_CODE_CUE = re.compile(r"CAR|TCR|candidate|product|program|候选|产品", re.I)
_NOT_CODE = re.compile(r"^(?:NCT|CTR|ISRCTN|ISO|COVID|SARS|GMP|IL|CD|HLA|ORR|CR|PR|OS|PFS|DOI|PMID|GB|ICD|AC)")


@lru_cache(maxsize=1)
def _target_aliases() -> frozenset[str]:
    return frozenset(a for e in load_entries() if e.type == "Target" for a in e.aliases)


@lru_cache(maxsize=1)
def _target_alternatives() -> str:
    aliases = sorted(
        {a for e in load_entries() if e.type == "Target" for a in e.aliases if len(a) >= 2}, key=len, reverse=True
    )
    aliases += [a[0].upper() + a[1:] for a in aliases if a[0].islower()]  # sentence-initial "Mesothelin-targeted"
    return "|".join(re.escape(a) for a in sorted(set(aliases), key=len, reverse=True))


@lru_cache(maxsize=1)
def _target_after_regex() -> re.Pattern[str]:
    """ "TCR-T cells against HPV E7", "CAR-T cells targeting CLDN18.2": the target named after the modality."""
    return re.compile(
        rf"(?<![A-Za-z0-9-])(?:{_MODALITY})\s+(?:against|targeting|directed\s+against|specific\s+for)\s+"
        rf"((?:{_target_alternatives()}))(?![A-Za-z0-9])"
    )


@lru_cache(maxsize=1)
def _target_regex() -> re.Pattern[str]:
    targets = _target_alternatives()
    # "靶向BCMA和GPRC5D的双靶点CAR-T细胞" and "BCMA/CD19 dual-target CAR-T" name both targets
    return re.compile(
        rf"(?<![A-Za-z0-9])(?:anti-?\s?|靶向)?((?:{_target_alternatives()})(?:\s?(?:/|和|及|与)\s?(?:{targets}))?)"
        rf"(?:[- ]?(?:targeted|targeting|directed|specific|redirected)|\s?靶向的?|的)?"
        rf"(?:\s?(?:双靶点|双特异性|串联|dual-target(?:ed)?|bispecific|tandem))?[- ]?(?:{_MODALITY})"
    )


def find_therapies(text: str, start: int, end: int) -> list[Candidate]:
    segment, found = text[start:end], []
    for match in _target_regex().finditer(segment):
        target = re.sub(r"\s?(?:和|及|与)\s?", "/", match.group(1))
        name = f"{target} {modality_name(segment[match.end(1) : match.end()])}"
        found.append(_make(text, start + match.start(), start + match.end(), "any.ther.composed", name))
    for match in _target_after_regex().finditer(segment):
        name = f"{match.group(1)} {modality_name(match.group())}"
        found.append(_make(text, start + match.start(), start + match.end(), "any.ther.composed", name))
    for match in _UNIVERSAL.finditer(segment):
        modality = _MODALITY_CORE.search(match.group())
        kind = (match.group(1) or "universal").lower()
        universal = f"{kind} {modality_name(match.group())}" if modality else None
        found.append(_make(text, start + match.start(), start + match.end(), "any.ther.universal", universal))
    for pattern, rule in ((_DERIVED_EN, "en.ther.derived"), (_DERIVED_ZH, "zh.ther.derived")):
        found.extend(
            _make(text, start + m.start(), start + m.end(), rule, derived_name(m.group()))
            for m in pattern.finditer(segment)
        )
    found.extend(
        _make(text, start + m.start(), start + m.end(), "any.ther.progenitor") for m in _PROGENITOR.finditer(segment)
    )
    for match in _PREFIXED.finditer(segment):
        name = f"{segment[match.start() : match.start(1) - 1]}-derived {match.group(1)} cells"
        found.append(_make(text, start + match.start(), start + match.end(), "any.ther.prefixed", name))
    for match in _SUBSET.finditer(segment):
        lineage = match.group(2) or match.group(3)
        found.append(
            _make(
                text,
                start + match.start(),
                start + match.end(),
                "en.ther.subset",
                segment[match.start() : match.end()],
                key_name=f"{lineage} subpopulation",
            )
        )
    for match in _ZH_INN.finditer(segment):
        found.append(
            _make(
                text,
                start + match.start(),
                start + match.end(),
                "zh.ther.inn",
                key_name=match.group().removesuffix("注射液"),
            )
        )
    if has_cue("therapy_cue", segment) or _CODE_CUE.search(segment):
        for match in _CODE.finditer(segment):
            if not _NOT_CODE.match(match.group(1)) and match.group(1) not in _target_aliases():
                found.append(_make(text, start + match.start(1), start + match.end(1), "any.ther.code"))
    return found


def derived_name(surface: str) -> str:
    """ "胚胎干细胞衍生NK细胞" and "embryonic stem cell-derived NK cells" → one name."""
    source = next((name for name, pattern in _SOURCE_NAMES if pattern.search(surface)), "stem cell")
    cell = next((name for name, pattern in _CELL_NAMES if pattern.search(surface)), "cells")
    return f"{source}-derived {cell}"


def modality_name(surface: str) -> str:
    """ "CAR T-cell therapy" → "CAR-T", "CAR NK" → "CAR-NK"."""
    core = _MODALITY_CORE.search(surface)
    return re.sub(r"[\s-]+", "-", core.group()).upper() if core else surface.strip()


def _make(text: str, s: int, e: int, rule: str, name: str | None = None, key_name: str | None = None) -> Candidate:
    from cellkg.core.model import entity_key

    key = entity_key("Therapy", key_name) if key_name else ""
    return make_candidate(text, "Therapy", s, e, rule, confidence(rule), name=name, key=key)
