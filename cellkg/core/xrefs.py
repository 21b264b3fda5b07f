"""Identifiers as CURIEs ("HGNC:1633", "MONDO:0009693"): parsed, validated and expanded to URLs.

The prefixes, their synonyms, id patterns and URL prefixes come from the Bioregistry, whose data
ships inside its wheel (no network). Loading the whole registry costs about a second and 60 MB, so
it happens once, on the first call, and only the prefixes the project uses are kept, in a
``curies.Converter``. A prefix is spelled the registry's preferred way when it has one ("MONDO",
"DOID"), else as its Bioregistry prefix upper-cased ("HGNC", "CLINICALTRIALS", "PUBMED").
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import curies

# Bioregistry prefixes of the identifiers the project reads or ships: genes, diseases,
# organisations, people, trial registries (euclinicaltrials: EudraCT numbers; ctis: EU CT numbers),
# literature.
PROJECT_PREFIXES = (
    "hgnc",
    "mondo",
    "doid",
    "mesh",
    "ror",
    "orcid",
    "clinicaltrials",
    "chictr",
    "euclinicaltrials",
    "ctis",
    "jrct",
    "isrctn",
    "pubmed",
    "pmc",
    "doi",
)
PREFIX_PRIORITY = ("preferred", "bioregistry.upper")


@dataclass(frozen=True, slots=True)
class Xref:
    prefix: str  # the preferred spelling, as in ``curie``
    id: str  # the local identifier, without the prefix
    curie: str
    url: str


@dataclass(frozen=True, slots=True)
class _Registry:
    converter: curies.Converter
    patterns: dict[str, re.Pattern[str]]  # preferred prefix -> the id's pattern


@cache
def _registry() -> _Registry:
    # deferred: a second to load, paid by the first identifier only
    import curies

    try:
        import bioregistry
    except OSError:  # pystow, its cache helper, makes ~/.data and ~/.config/pystow on import: no writable home
        scratch = tempfile.mkdtemp(prefix="cellkg-pystow-")
        os.environ["PYSTOW_HOME"], os.environ["PYSTOW_CONFIG_HOME"] = scratch, scratch
        import bioregistry

    records, patterns = [], {}
    for name in PROJECT_PREFIXES:
        resource = bioregistry.get_resource(name)
        if resource is None:
            raise RuntimeError(f"the installed bioregistry does not know the prefix {name!r}")
        preferred, uri_prefix = resource.get_priority_prefix(PREFIX_PRIORITY), resource.get_uri_prefix()
        if uri_prefix is None:
            raise RuntimeError(f"the installed bioregistry gives no URL for the prefix {name!r}")
        spellings = {name, name.upper(), preferred.lower(), *resource.get_synonyms()} - {preferred}
        records.append(
            curies.Record(
                prefix=preferred,
                uri_prefix=uri_prefix,
                prefix_synonyms=sorted(spellings),
                pattern=resource.get_pattern(),
            )
        )
        patterns[preferred] = re.compile(resource.get_pattern() or ".+")
    return _Registry(curies.Converter(records), patterns)


def make_curie(prefix: str, local: str) -> str:
    """The CURIE for ``local`` under the registry's preferred spelling of ``prefix``.

    ValueError when the prefix is not one the project knows or ``local`` breaks its pattern.
    """
    registry = _registry()
    preferred = registry.converter.standardize_prefix(prefix)
    if preferred is None:
        known = ", ".join(sorted(registry.patterns))
        raise ValueError(f"unknown identifier prefix {prefix!r} (known: {known})")
    local = local.strip()
    if local[: len(preferred) + 1].upper() == f"{preferred}:":  # "HGNC:1633" given as the local id
        local = local[len(preferred) + 1 :]
    if not registry.patterns[preferred].fullmatch(local):
        raise ValueError(f"{local!r} is not a valid {preferred} id (pattern {registry.patterns[preferred].pattern})")
    return f"{preferred}:{local}"


def parse_curie(curie: str) -> Xref:
    """The parsed identifier; ValueError when the prefix is unknown or the id breaks its pattern."""
    prefix, sep, local = curie.strip().partition(":")
    if not sep or not prefix or not local:
        raise ValueError(f"not a CURIE (prefix:id): {curie!r}")
    canonical = make_curie(prefix, local)
    preferred, _, local = canonical.partition(":")
    url = _registry().converter.expand(canonical, strict=True)
    return Xref(prefix=preferred, id=local, curie=canonical, url=url)
