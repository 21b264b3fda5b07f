"""PDF input: text through pypdf, spans on that text, broken PDFs a clear error."""

from __future__ import annotations

import pytest

from cellkg import extract
from cellkg.core.errors import InputError
from tests.support.pdf_fixture import minimal_pdf

SENTENCE = "Dr. Jane Miller of Stanford University develops CD19 CAR-T cells for B-cell lymphoma."


def test_pdf_text_is_extracted_with_valid_spans(tmp_path):
    path = tmp_path / "abstract.pdf"
    path.write_bytes(minimal_pdf(SENTENCE))
    record = extract.read_document(path)
    assert record.media_type == "application/pdf" and SENTENCE in record.text
    result = extract.extract_document(record)
    assert {"CD19 CAR-T", "CD19"} <= {e.name for e in result.entities}
    for mention in result.mentions:
        assert record.text[mention.char_start : mention.char_end] == mention.text


def test_a_broken_pdf_is_a_clear_input_error(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not really a pdf\x00\x01")
    with pytest.raises(InputError) as caught:
        extract.read_document(path)
    assert caught.value.reason in {"pdf", "empty"}
