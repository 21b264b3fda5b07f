"""cellkg extraction: documents in, typed entities and relations with evidence out.

``load("en")``/``load("zh")`` give the spaCy pipeline itself; ``extract_document`` runs it and returns the
typed ``ExtractionResult``. ``extract_path`` reads any supported file, structured records (ClinicalTrials.gov,
PubMed, PMC, ChiCTR: one result per record) included. Stages and data files: docs/extraction.md, docs/sources.md.
"""

from cellkg.extract.config import EXTRACTOR_VERSION
from cellkg.extract.extractor import extract_document, extract_text
from cellkg.extract.output import to_format_json
from cellkg.extract.pipeline import build_pipeline, load
from cellkg.extract.read.reader import iter_document_paths, read_document
from cellkg.extract.sources import extract_any_text, extract_path

__all__ = [
    "EXTRACTOR_VERSION",
    "build_pipeline",
    "extract_any_text",
    "extract_document",
    "extract_path",
    "extract_text",
    "iter_document_paths",
    "load",
    "read_document",
    "to_format_json",
]
