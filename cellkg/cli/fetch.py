"""``cellkg fetch ctgov|pubmed``: records from ClinicalTrials.gov or PubMed into files that ``ingest`` reads.

One file a record, named by its id (``NCT01234567.json``, ``<pmid>.xml``), each written whole (a temporary
file renamed), so a fetch cut off midway leaves only complete records behind.
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Iterable
from pathlib import Path

from cellkg.cli.console import console, progress


def _save_all(out: Path, label: str, records: Iterable[tuple[str, bytes]], nouns: tuple[str, str]) -> int:
    """Write each (file name, content) whole, under a progress bar; say what was written."""
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    with progress() as bar:
        task = bar.add_task(f"fetching {label}", total=None)
        for name, content in records:
            partial = out / f"{name}.part"
            partial.write_bytes(content)
            partial.replace(out / name)
            written += 1
            bar.advance(task)
    console.print(f"wrote {written} {nouns[written != 1]} to {out}; load them with: cellkg ingest {out}")
    return 0


def cmd_fetch_ctgov(args: argparse.Namespace) -> int:
    from cellkg.extract.sources.ctgov.api import BASE_URL, fetch_studies

    base_url = args.base_url or os.environ.get("CELLKG_CTGOV_URL", BASE_URL)
    studies = fetch_studies(
        args.query, since=args.since, base_url=base_url, page_size=args.page_size, max_pages=args.max_pages
    )
    files = (
        (
            f"{study.get('protocolSection', {}).get('identificationModule', {}).get('nctId', f'study-{n}')}.json",
            json.dumps(study, ensure_ascii=False, indent=2).encode("utf-8"),
        )
        for n, study in enumerate(studies, start=1)
    )
    return _save_all(args.out, "ClinicalTrials.gov", files, ("study", "studies"))


def cmd_fetch_pubmed(args: argparse.Namespace) -> int:
    from lxml import etree

    from cellkg.extract.sources.pubmed.api import BASE_URL, fetch_articles

    base_url = args.base_url or os.environ.get("CELLKG_EUTILS_URL", BASE_URL)
    articles = fetch_articles(args.query, base_url=base_url, api_key=os.environ.get("NCBI_API_KEY", ""), limit=args.max)

    def as_file(n: int, article: etree._Element) -> tuple[str, bytes]:
        wrapper = etree.Element("PubmedArticleSet")  # each file a set of one, as efetch returns them
        wrapper.append(article)
        pmid = article.findtext("MedlineCitation/PMID") or f"article-{n}"
        return f"{pmid}.xml", etree.tostring(wrapper, xml_declaration=True, encoding="UTF-8")

    files = (as_file(n, article) for n, article in enumerate(articles, start=1))
    return _save_all(args.out, "PubMed", files, ("article", "articles"))


def add_commands(sub: argparse._SubParsersAction) -> None:
    fetch = sub.add_parser("fetch", help="fetch records from ClinicalTrials.gov or PubMed into files for ingest")
    sources = fetch.add_subparsers(dest="source", required=True, metavar="SOURCE")

    p = sources.add_parser("ctgov", help="ClinicalTrials.gov API v2 studies, one JSON file each")
    p.add_argument("--query", required=True, help="search terms (the API's query.term)")
    p.add_argument("--since", default="", metavar="YYYY-MM-DD", help="only studies updated on or after this date")
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for <NCT id>.json files")
    p.add_argument("--page-size", type=int, default=100, metavar="N", help="studies per request (default 100)")
    p.add_argument("--max-pages", type=int, default=0, metavar="N", help="stop after N pages (default: all)")
    p.add_argument("--base-url", default="", help="API root (default: env CELLKG_CTGOV_URL, else clinicaltrials.gov)")
    p.set_defaults(func=cmd_fetch_ctgov)

    p = sources.add_parser(
        "pubmed", help="PubMed records through E-utilities, one XML file each (NCBI_API_KEY optional)"
    )
    p.add_argument("--query", required=True, help="a PubMed query")
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for <pmid>.xml files")
    p.add_argument("--max", type=int, default=1000, metavar="N", help="at most N articles (default 1000)")
    p.add_argument("--base-url", default="", help="E-utilities root (default: env CELLKG_EUTILS_URL, else NCBI)")
    p.set_defaults(func=cmd_fetch_pubmed)
