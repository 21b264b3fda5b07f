"""cellkg extraction: documents in, typed entities and relations with evidence out."""
from extract.config import EXTRACTOR_VERSION
from extract.extractor import extract_document, extract_text
from extract.output import to_format_json
from extract.pipeline import build_pipeline
from extract.reader import iter_document_paths, read_document

__all__ = ["EXTRACTOR_VERSION", "build_pipeline", "extract_document", "extract_text", "iter_document_paths",
           "read_document", "to_format_json"]
