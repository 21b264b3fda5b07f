"""Over a thousand hostile files: each is refused with a specific InputError or read cleanly;
nothing crashes the ingester and nothing already in the graph changes.

Kinds: binary, empty and blank, one 50 MB text, mixed and wrong encodings, broken and deeply
nested HTML, control characters, unsupported suffixes, markup with no visible text.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from cellkg import extract
from cellkg.core.errors import InputError
from cellkg.graph.loader import Loader
from cellkg.ingest.stream import ingest_paths
from tests.support.invariants import canonical_dump, synthetic_results

VARIANTS = 92  # per kind below: 11 kinds → 1,012 files, plus the 50 MB one
PLAIN_ZH = "今天天气很好，我们去公园散步。"  # no domain terms: readable inputs add documents, never claims


def _binary(rng):
    return ".txt", bytes(rng.randrange(256) for _ in range(rng.randrange(1, 4000))) + b"\x00"


def _blank(rng):
    return rng.choice([".txt", ".md", ".html"]), rng.choice([b"", b" ", b"\n\n\t ", b"\xef\xbb\xbf", b"\r\n" * 50])


def _mixed_encoding(rng):
    return ".txt", ("Study notes: " * rng.randrange(1, 9)).encode() + PLAIN_ZH.encode("gbk") + "naïve".encode()


def _wrong_encoding(rng):
    codec = rng.choice(["gb18030", "big5", "latin-1", "cp1252", "shift_jis", "koi8-r"])
    text = PLAIN_ZH if codec in ("gb18030", "big5", "shift_jis") else "Résumé of the café meeting, naïve façade. "
    return ".txt", (text * rng.randrange(1, 30)).encode(codec, errors="replace")


def _invalid_bytes(rng):
    return ".txt", bytes(rng.choice([0x80, 0xC0, 0xFE, 0xFF, 0xED, 0xA0]) for _ in range(rng.randrange(1, 300)))


def _broken_html(rng):
    pieces = [
        "<div",
        "<p>unclosed",
        "</span>",
        "<!--",
        "<![CDATA[",
        "<script>var x='",
        "&#xD800;",
        "&bogus;",
        "<a href='",
        ">>>",
        "<<",
        "<table><tr><td>",
        "</html>",
        "<meta charset='klingon'>",
        "\x00"[:0],
    ]
    return ".html", "".join(rng.choice(pieces) + "text " for _ in range(rng.randrange(1, 200))).encode()


def _deep_html(rng):
    depth = rng.choice([100, 1000, 5000, 20000])
    tag = rng.choice(["div", "span", "b", "table"])
    return ".html", (f"<{tag}>" * depth + "deep words" + f"</{tag}>" * rng.choice([0, depth])).encode()


def _control_chars(rng):
    noise = "".join(chr(rng.choice(list(range(1, 32)) + [127, 0x85, 0x2028, 0x202E, 0xFEFF])) for _ in range(400))
    return ".txt", (noise + "words between" + noise).encode("utf-8")


def _unsupported(rng):
    return rng.choice([".docx", ".png", "", ".exe", ".xlsx"]), b"PK\x03\x04 not a document we read"


def _broken_pdf(rng):
    return ".pdf", b"%PDF-1.7\n" + bytes(rng.randrange(256) for _ in range(rng.randrange(10, 400)))


def _surrogates_and_private(rng):
    chars = [chr(rng.randrange(0xE000, 0xF8FF)) for _ in range(50)] + [chr(0x1F600), "\u0301" * 30]
    return ".md", ("# title\n" + "".join(chars)).encode("utf-8") + b"\xed\xa0\x80"  # and one lone UTF-8 surrogate


def _script_only(rng):
    return ".html", b"<html><head><style>p{}</style><script>alert(1)</script></head><body><nav>menu</nav></body></html>"


KINDS = [
    _binary,
    _blank,
    _mixed_encoding,
    _wrong_encoding,
    _invalid_bytes,
    _broken_html,
    _deep_html,
    _control_chars,
    _unsupported,
    _broken_pdf,
    _surrogates_and_private,
    _script_only,
]


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory) -> list[Path]:
    folder, rng, paths = tmp_path_factory.mktemp("bad"), random.Random(5), []
    for kind in KINDS:
        for i in range(VARIANTS):
            suffix, data = kind(rng)
            path = folder / f"{kind.__name__.strip('_')}_{i:03d}{suffix}"
            path.write_bytes(data)
            paths.append(path)
    huge = folder / "huge_50mb.txt"
    with huge.open("wb") as handle:
        for _ in range(50):
            handle.write(b"CAR-T cells target CD19. " * 40_000)  # 1 MB a round
    return paths + [huge]


def outcome(path: Path) -> str:
    """'read' or 'refused:<reason>'; any other exception fails the test."""
    try:
        extract.extract_document(extract.read_document(path, max_bytes=20_000_000))
        return "read"
    except InputError as exc:
        assert exc.reason and exc.message and str(path) in (exc.path or exc.message), exc
        return f"refused:{exc.reason}"


def test_every_bad_input_is_refused_clearly_or_read(bad_files):
    outcomes = {path.name: outcome(path) for path in bad_files}
    assert len(outcomes) >= 1000
    assert outcomes["huge_50mb.txt"] == "refused:too_large"
    assert all(v.startswith("refused:binary") for k, v in outcomes.items() if k.startswith("binary"))
    assert all(v == "refused:empty" for k, v in outcomes.items() if k.startswith(("blank", "script_only")))
    assert all(v == "refused:unsupported_type" for k, v in outcomes.items() if k.startswith("unsupported"))
    assert all(v in ("refused:pdf", "refused:empty") for k, v in outcomes.items() if k.startswith("broken_pdf"))


def test_bad_inputs_leave_the_graph_as_it_was(bad_files, clean_graph):
    Loader(clean_graph).load(synthetic_results(40, seed=51))
    before = canonical_dump(clean_graph)
    summary = ingest_paths(clean_graph, bad_files, group_size=100)
    after = canonical_dump(clean_graph)
    assert summary.skipped_count + summary.report.documents_loaded + summary.report.documents_unchanged == len(
        bad_files
    )
    assert set(before["nodes"]) <= set(after["nodes"]) and set(before["edges"]) <= set(after["edges"])
    added = {n[0] for n in set(after["nodes"]) - set(before["nodes"])}
    assert added <= {("Document",)}, f"garbage created {added}"
