"""Fetch PubMed records through E-utilities: esearch for the PMIDs of a query, efetch for their XML in batches,
within NCBI's rate limits (3 requests a second, 10 with an API key)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from lxml import etree

from cellkg.extract.sources.http import FetchError, RateLimiter, get

BASE_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
BATCH = 200  # PMIDs per efetch request
TOOL = "cellkg"


def fetch_articles(
    query: str, *, base_url: str = BASE_URL, api_key: str = "", limit: int = 1000
) -> Iterator[etree._Element]:
    """Each ``PubmedArticle`` of the first ``limit`` hits of ``query``."""
    limiter = RateLimiter(10 if api_key else 3)
    common: dict[str, str | int] = {"db": "pubmed", "tool": TOOL, **({"api_key": api_key} if api_key else {})}
    base = base_url.rstrip("/")
    raw = get(f"{base}/esearch.fcgi", {**common, "term": query, "retmax": limit, "retmode": "json"}, limiter)
    try:
        pmids = json.loads(raw)["esearchresult"]["idlist"]
    except (json.JSONDecodeError, KeyError, TypeError):
        raise FetchError(f"{base}/esearch.fcgi: not an esearch answer", hint="check the base URL") from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    for start in range(0, len(pmids), BATCH):
        ids = ",".join(pmids[start : start + BATCH])
        xml = get(f"{base}/efetch.fcgi", {**common, "id": ids, "retmode": "xml"}, limiter)
        try:
            root = etree.fromstring(xml, parser)
        except etree.XMLSyntaxError:
            raise FetchError(f"{base}/efetch.fcgi: the answer is not XML", hint="try again later") from None
        yield from root.iter("PubmedArticle")
