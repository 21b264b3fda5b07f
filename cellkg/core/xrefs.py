"""Identifiers as CURIEs ("HGNC:1633", "MONDO:0009693"): parsed, validated and expanded to URLs.

Placeholder interface; the identifiers work fills it with a maintained registry's data.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Xref:
    prefix: str
    id: str  # the local identifier, without the prefix
    curie: str
    url: str


def parse_curie(curie: str) -> Xref:
    """The parsed identifier; ValueError when the prefix is unknown or the id breaks its pattern."""
    prefix, _, local = curie.partition(":")
    if not prefix or not local:
        raise ValueError(f"not a CURIE: {curie!r}")
    return Xref(prefix=prefix, id=local, curie=curie, url="")


def make_curie(prefix: str, local: str) -> str:
    """The CURIE for ``local`` under the registry's preferred spelling of ``prefix``."""
    return f"{prefix}:{local}"
