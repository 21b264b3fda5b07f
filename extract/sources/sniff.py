"""Which reader a file needs, from its suffix and the first bytes of its content.

JSON is ClinicalTrials.gov's (the only JSON source); XML is PubMed's (``PubmedArticleSet``/``PubmedArticle``)
or PMC's (JATS ``<article>``, ``pmc-articleset``) and any other XML is refused; an HTML page is a ChiCTR
registration when it carries a ChiCTR number under the registry's label, else a text document.
"""

from __future__ import annotations

import re
from typing import Literal

from cellkg.core.errors import InputError

RecordKind = Literal["ctgov", "pubmed", "pmc", "chictr"]

_JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")
_PUBMED = re.compile(rb"<(?:PubmedArticleSet|PubmedArticle|MedlineCitation)[\s>]")
_JATS = re.compile(rb"<(?:pmc-articleset|article)[\s>]")
_XML_START = re.compile(rb"^\s*(?:\xef\xbb\xbf)?\s*<")
_JSON_START = re.compile(rb"^\s*(?:\xef\xbb\xbf)?\s*[\[{]")
_CHICTR = re.compile(r"ChiCTR-?[A-Z]{0,4}-?\d{6,10}")
_CHICTR_LABEL = re.compile(r"注册号|Registration number", re.I)


def sniff(head: bytes, suffix: str, where: str = "") -> RecordKind | None:
    """The record kind of a file starting with ``head`` (None: a text document)."""
    if suffix in _JSON_SUFFIXES or (not suffix and _JSON_START.match(head)):
        return "ctgov"
    if suffix == ".xml" or (not suffix and _XML_START.match(head) and b"<html" not in head[:512].lower()):
        if _PUBMED.search(head):
            return "pubmed"
        if _JATS.search(head):
            return "pmc"
        raise InputError(
            f"{where}: XML that is neither PubMed (PubmedArticleSet) nor PMC JATS (article)",
            reason="unrecognised_record",
            path=where,
            hint="give PubMed XML as E-utilities efetch returns it, or PMC JATS XML",
        )
    if suffix in (".html", ".htm", ""):
        text = head.decode("utf-8", errors="ignore")
        if _CHICTR_LABEL.search(text) and _CHICTR.search(text):
            return "chictr"
    return None
