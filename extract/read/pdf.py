"""PDF to text with pypdf (pure Python, offline). Spans refer to the text extracted here."""

from __future__ import annotations

import io

from cellkg.core.errors import InputError


def pdf_to_text(raw: bytes, where: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            raise InputError(
                f"{where}: the PDF is encrypted", reason="encrypted", path=where, hint="save an unencrypted copy"
            )
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{where}: not a readable PDF ({exc})", reason="pdf", path=where) from None
    return "\n\n".join(p.strip() for p in pages if p.strip())
