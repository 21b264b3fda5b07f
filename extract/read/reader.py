"""Read .txt/.md/.html/.pdf files into a DocumentRecord: encoding, HTML to text, language, title.

Structured records (.json, .xml, ChiCTR pages) are read by ``cellkg.extract.sources``.

Spans of every later stage refer to ``DocumentRecord.text``: the decoded file with newlines
normalised to ``\\n`` (plain text), the visible text of the page (HTML) or pypdf's text (PDF).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from bs4 import BeautifulSoup
from charset_normalizer import from_bytes

from cellkg.core.errors import InputError
from cellkg.core.model import DocumentRecord, short_hash
from cellkg.extract.config import (
    CJK_LANG_THRESHOLD,
    MAX_BYTES_DEFAULT,
    MAX_TITLE_CHARS,
    RECORD_SUFFIXES,
    SUPPORTED_SUFFIXES,
    TEXT_SUFFIXES,
)

_FALLBACK_ENCODINGS = ("utf-8", "gb18030", "big5")
_DROPPED_TAGS = ("script", "style", "nav", "footer", "header", "aside", "form", "noscript", "iframe", "menu")
_BLOCK_GAPS = re.compile(r"\n\s*\n+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]+")


def read_document(path: Path, *, max_bytes: int = MAX_BYTES_DEFAULT) -> DocumentRecord:
    """A text document; structured records (.json, .xml) are read by ``cellkg.extract.sources.extract_path``."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES:
        raise InputError(
            f"{path}: unsupported file type {suffix or '(none)'} for a text document",
            reason="unsupported_type",
            path=str(path),
            hint=f"text documents: {', '.join(TEXT_SUFFIXES)}; records ({', '.join(RECORD_SUFFIXES)}) "
            "are read by extract.extract_path",
        )
    check_size(path, max_bytes)
    raw = path.read_bytes()
    if not raw.strip():
        raise InputError(f"{path}: the file is empty", reason="empty", path=str(path))
    if suffix == ".pdf":
        return _record(path, _pdf_to_text(raw, str(path)), "binary", "application/pdf")
    if b"\x00" in raw:
        raise InputError(f"{path}: binary content (NUL bytes)", reason="binary", path=str(path))
    decoded, encoding = decode_bytes(raw, str(path))
    html = suffix in (".html", ".htm")
    text = html_to_text(decoded) if html else decoded.replace("\r\n", "\n").replace("\r", "\n")
    return _record(path, text, encoding, "text/html" if html else "text/plain")


def check_size(path: Path, max_bytes: int) -> None:
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(
            f"{path}: {size} bytes exceeds the limit of {max_bytes}",
            reason="too_large",
            path=str(path),
            hint="split the file or raise max_bytes",
        )


def _record(path: Path, text: str, encoding: str, media_type: str) -> DocumentRecord:
    if not text.strip():
        raise InputError(f"{path}: no text content", reason="empty", path=str(path))
    return DocumentRecord(
        doc_id=short_hash(text),
        name=path.stem,
        source=str(path),
        title=first_line(text),
        lang=detect_language(text),
        text=text,
        encoding=encoding,
        media_type=media_type,
    )


def decode_bytes(raw: bytes, where: str = "") -> tuple[str, str]:
    """UTF-8 first, then charset-normalizer's best guess, then GB18030 and Big5 strictly."""
    for encoding in _FALLBACK_ENCODINGS[:1]:
        try:
            return raw.decode(encoding).lstrip("\ufeff"), encoding
        except UnicodeDecodeError:
            pass
    best = from_bytes(raw).best()
    candidates = ([best.encoding] if best else []) + list(_FALLBACK_ENCODINGS[1:])
    for encoding in candidates:
        try:
            return raw.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    raise InputError(f"{where}: cannot decode as UTF-8, GB18030 or Big5", reason="encoding", path=where)


def html_to_text(markup: str) -> str:
    soup = BeautifulSoup(markup, "lxml")
    for tag in soup(_DROPPED_TAGS):
        tag.decompose()
    for tag in soup.select('[role="navigation"], [class*="menu"], [id*="menu"], [class*="breadcrumb"]'):
        tag.decompose()
    text = soup.get_text("\n")
    lines = [line.strip() for line in text.splitlines()]
    return _BLOCK_GAPS.sub("\n\n", "\n".join(lines)).strip() + "\n"


def detect_language(text: str) -> str:
    """ "zh" when CJK characters make up a real share of the letters of the main content."""
    cjk_words = len(_CJK.findall(text)) / 1.5  # about 1.5 characters per Chinese word
    latin_words = len(_LATIN_WORD.findall(text))
    return "zh" if cjk_words and cjk_words / (cjk_words + latin_words) >= CJK_LANG_THRESHOLD else "en"


def first_line(text: str) -> str:
    return next((line.strip()[:MAX_TITLE_CHARS] for line in text.splitlines() if line.strip()), "")


GOLD_SUFFIX = ".gold.json"  # FORMAT.md annotation files: they sit beside documents and are none


def iter_document_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given; folders expanded recursively to supported files (gold annotation files left out), sorted."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and not p.name.endswith(GOLD_SUFFIX)
            )
        else:
            yield path


def _pdf_to_text(raw: bytes, where: str) -> str:
    """PDF to text with pypdf (pure Python, offline)."""
    from pypdf import PdfReader  # imported for the first PDF only: most runs read none
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
