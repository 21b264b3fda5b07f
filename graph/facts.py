"""Identifiers and attributes as the graph stores them: checked, normalised, and combined.

A document states an entity's identifiers (CURIEs) and attributes (a trial's phases, status…)
on its own ``MENTIONS`` edge, so every fact keeps the document behind it. The entity shows the
union of its documents' identifiers, and per attribute the value of the *newest* document that
states one: the greatest (version, published_at, doc_id), so the outcome does not depend on load
order. graph.statements implements the same rule in Cypher; cellkg.ops.bulk uses :func:`newest_first`.
"""

from __future__ import annotations

import re

from cellkg.core.model import AttributeValue, DocumentRecord
from cellkg.core.xrefs import parse_curie

# properties the loader writes itself on entities or MENTIONS edges: no attribute may take their name
RESERVED_PROPERTIES = frozenset(
    {"key", "name", "type", "aliases", "name_zh", "search_text", "aliases_lower", "xrefs", "attributes"}
    | {"count", "starts", "ends"}
)
_ATTRIBUTE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
# document identifiers also stored as their own property, by the registry's prefix (any case)
DOCUMENT_ID_PROPERTIES = {"pubmed": "pmid", "pmc": "pmcid", "doi": "doi"}


def _count(dropped: dict[str, int], reason: str) -> None:
    dropped[reason] = dropped.get(reason, 0) + 1


def normalised_curies(curies: tuple[str, ...] | list[str], dropped: dict[str, int]) -> list[str]:
    """The registry's spelling of each CURIE, sorted; unparseable ones are counted in ``dropped``."""
    found = set()
    for curie in curies:
        try:
            found.add(parse_curie(curie).curie)
        except ValueError:
            _count(dropped, "invalid identifier")
    return sorted(found)


def checked_attributes(
    attributes: tuple[tuple[str, AttributeValue], ...], dropped: dict[str, int]
) -> dict[str, str | int | list[str]]:
    """Attributes as Neo4j property values; reserved or malformed names and other values are counted."""
    kept: dict[str, str | int | list[str]] = {}
    for name, value in attributes:
        if not _ATTRIBUTE_NAME.match(name) or name in RESERVED_PROPERTIES:
            _count(dropped, "attribute with a reserved or malformed name")
        elif isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            kept[name] = list(value)
        elif isinstance(value, str | int) and not isinstance(value, bool):
            kept[name] = value
        else:
            _count(dropped, "attribute of an unsupported type")
    return kept


def document_identifiers(doc: DocumentRecord, dropped: dict[str, int]) -> dict[str, object]:
    """``xrefs`` (sorted CURIEs) and ``pmid``/``pmcid``/``doi`` from them; None where absent."""
    xrefs = normalised_curies(doc.xrefs, dropped)
    props: dict[str, object] = dict.fromkeys(DOCUMENT_ID_PROPERTIES.values())
    for curie in xrefs:
        parsed = parse_curie(curie)
        if parsed.prefix.lower() in DOCUMENT_ID_PROPERTIES:
            props[DOCUMENT_ID_PROPERTIES[parsed.prefix.lower()]] = parsed.id
    return {"xrefs": xrefs or None, **props}


def recency(version: str | None, published_at: str | None, doc_id: str) -> tuple[str, str, str]:
    """The order in which documents' attribute values win: the greatest wins (graph.statements agrees)."""
    return (version or "", published_at or "", doc_id)


def newest_first(stated: list[tuple[tuple[str, str, str], dict]]) -> dict:
    """Per attribute, the value of the most recent statement (``(recency, attributes)`` pairs)."""
    combined: dict = {}
    for _, attributes in sorted(stated, key=lambda s: s[0], reverse=True):
        for name, value in attributes.items():
            combined.setdefault(name, value)
    return combined
