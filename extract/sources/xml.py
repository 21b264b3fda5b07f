"""Parsing record XML safely (no DTDs, entities or network) and reading its text."""

from __future__ import annotations

from lxml import etree

from cellkg.core.errors import InputError

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
_MONTHS = {
    m: f"{i:02d}"
    for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)
}


def parse_xml(text: str, where: str) -> etree._Element:
    try:
        return etree.fromstring(text.encode("utf-8"), _PARSER)
    except etree.XMLSyntaxError as exc:
        raise InputError(
            f"{where}: not well-formed XML ({exc.msg})",
            reason="bad_record",
            path=where,
            hint="the file may be truncated: fetch it again",
        ) from None


def text_of(element: etree._Element | None) -> str:
    """All text inside ``element``, whitespace collapsed ("" for None)."""
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def iso_date(year: str, month: str = "", day: str = "") -> str:
    """ "2012", "Jul", "12" → "2012-07-12"; as precise as the parts given."""
    if not year.isdigit():
        return ""
    month = _MONTHS.get(month[:3].lower(), month.zfill(2) if month.isdigit() else "")
    if not month:
        return year
    return f"{year}-{month}-{day.zfill(2)}" if day.isdigit() else f"{year}-{month}"
