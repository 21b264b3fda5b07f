"""Identifiers (CURIEs) as the API serves them: prefix, local id, CURIE and the registry's URL."""

from __future__ import annotations

import strawberry

from cellkg.core.xrefs import parse_curie


@strawberry.type(
    description="An identifier in a public registry (HGNC, MONDO, ROR, ORCID, ClinicalTrials.gov, PubMed…)."
)
class Xref:
    prefix: str = strawberry.field(description="The registry's prefix, e.g. HGNC.")
    id: str = strawberry.field(description="The identifier within the registry, e.g. 1633.")
    curie: str = strawberry.field(description="prefix:id, e.g. HGNC:1633.")
    url: str | None = strawberry.field(description="The registry's page for it (null if the registry gives none).")


def xrefs_of(curies: list[str] | None) -> list[Xref]:
    """Stored CURIEs (graph.facts normalised them on load) with their URLs."""
    return [_xref(curie) for curie in curies or []]


def _xref(curie: str) -> Xref:
    try:
        parsed = parse_curie(curie)
    except ValueError:  # stored under a registry release that knew it; still shown, without a link
        prefix, _, local = curie.partition(":")
        return Xref(prefix=prefix, id=local, curie=curie, url=None)
    return Xref(prefix=parsed.prefix, id=parsed.id, curie=parsed.curie, url=parsed.url or None)
