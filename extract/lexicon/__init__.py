"""Versioned domain lexicons (the .tsv files beside this module) read into typed entries.

Each file opens with a ``# version:`` header and a ``# columns:`` line; rows are tab-separated (name,
aliases, flags, xrefs; targets also carry their HGNC symbol after the name). Flags must belong to the
closed set ``Flag``: a typo fails at load. ``xrefs`` are CURIEs (HGNC, MONDO, DOID, ROR), derived by
``scripts/derive_identifiers.py`` (docs/identifiers.md). The trigger table of the same folder is read
by ``cellkg.extract.lexicon.words``, the disease hierarchy by ``cellkg.extract.lexicon.hierarchy``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable

from cellkg.core.model import entity_key
from cellkg.extract.mentions.candidate import Flag

LEXICON_DIR: Traversable = files("cellkg.extract") / "lexicon"  # package data
LEXICON_FILES = {
    "Target": "targets.tsv",
    "Therapy": "therapies.tsv",
    "Disease": "diseases.tsv",
    "Institution": "institutions.tsv",
}


@dataclass(frozen=True, slots=True)
class LexEntry:
    type: str
    name: str
    key: str
    aliases: tuple[str, ...]
    flags: frozenset[Flag]
    xrefs: tuple[str, ...] = ()  # CURIEs: "HGNC:1633", "MONDO:0009693", "ROR:03cve4549"


def read_tsv(path: Traversable) -> tuple[str, list[list[str]]]:
    """Return (version, rows) of a lexicon file; the version header is mandatory."""
    version, rows = "", []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# version:"):
            version = line.split(":", 1)[1].strip()
        elif line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    if not version:
        raise ValueError(f"{path} has no '# version:' header")
    return version, rows


def _entry(type_: str, row: list[str]) -> LexEntry:
    cells = row + [""] * (5 - len(row))
    if type_ == "Target":  # name, hgnc, aliases, flags, xrefs
        name, hgnc, aliases, flags, xrefs = cells[:5]
        key, forms = entity_key(type_, hgnc), _split(name, hgnc, aliases)
    else:  # name, aliases, flags, xrefs
        name, aliases, flags, xrefs = cells[:4]
        key, forms = entity_key(type_, name), _split(name, aliases)
    return LexEntry(type_, name, key, forms, _flags(flags), _split(xrefs))


def _split(*fields: str) -> tuple[str, ...]:
    found: list[str] = []
    for value in fields:
        found.extend(a.strip() for a in value.split("|") if a.strip() and a.strip() not in found)
    return tuple(found)


def _flags(value: str) -> frozenset[Flag]:
    """The row's flags; ``Flag(...)`` raises ValueError on a word outside the closed set."""
    return frozenset(Flag(f.strip()) for f in value.split("|") if f.strip())


@lru_cache(maxsize=1)
def load_entries() -> tuple[LexEntry, ...]:
    entries: list[LexEntry] = []
    for type_, file_name in LEXICON_FILES.items():
        _, rows = read_tsv(LEXICON_DIR / file_name)
        entries.extend(_entry(type_, row) for row in rows)
    return tuple(entries)
