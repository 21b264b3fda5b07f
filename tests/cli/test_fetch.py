"""``cellkg fetch`` against a local server replaying recorded ClinicalTrials.gov and E-utilities answers;
what it writes is read back by the record readers."""

from __future__ import annotations

import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from cellkg import extract
from tests.support.cli import run_cellkg
from tests.support.paths import REPO_ROOT

REPLAY = REPO_ROOT / "tests" / "data" / "records" / "replay"
PUBMED = REPO_ROOT / "tests" / "data" / "records" / "pubmed"
FIRST_TOKEN = "ZVt07cGHkvI2wRk2CJf6_LLq14bEL8swd7KrgP4dnDeTsPkw"  # page 1's nextPageToken, as recorded


class Replay(BaseHTTPRequestHandler):
    """Answers by path and query as the real services did; records every request it got."""

    requests: list[tuple[str, dict[str, list[str]]]] = []

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        type(self).requests.append((url.path, query))
        body, kind = self._answer(url.path, query)
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", kind)
        self.end_headers()
        self.wfile.write(body)

    def _answer(self, path: str, query: dict[str, list[str]]) -> tuple[bytes, str]:
        if path == "/api/v2/studies":
            page = "ctgov_page2.json" if query.get("pageToken") == [FIRST_TOKEN] else "ctgov_page1.json"
            return (REPLAY / page).read_bytes(), "application/json"
        if path == "/eutils/esearch.fcgi":
            return (REPLAY / "esearch_two_ids.json").read_bytes(), "application/json"
        if path == "/eutils/efetch.fcgi" and query.get("id") == ["22663011,35224090"]:
            return (PUBMED / "two_articles.xml").read_bytes(), "text/xml"
        return b"", "text/plain"

    def log_message(self, *args) -> None:  # keep the test output clean
        pass


@pytest.fixture
def replay() -> Iterator[str]:
    Replay.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Replay)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_fetch_ctgov_follows_page_tokens_and_writes_readable_studies(replay, tmp_path):
    out = tmp_path / "ctgov"
    done = run_cellkg(
        None,
        "fetch",
        "ctgov",
        "--query",
        "Phelan-McDermid",
        "--since",
        "2020-01-01",
        "--out",
        str(out),
        "--page-size",
        "5",
        "--base-url",
        f"{replay}/api/v2",
    )
    assert done.returncode == 0, done.stderr
    assert "wrote 10 studies" in done.stderr
    tokens = [query.get("pageToken") for _, query in Replay.requests]
    assert tokens == [None, [FIRST_TOKEN]]  # the second page asked for with the first page's token
    first = Replay.requests[0][1]
    assert first["query.term"] == ["Phelan-McDermid"] and first["pageSize"] == ["5"]
    assert first["filter.advanced"] == ["AREA[LastUpdatePostDate]RANGE[2020-01-01,MAX]"]
    files = sorted(out.glob("*.json"))
    assert len(files) == 10 and files[0].stem.startswith("NCT")
    [result] = extract.extract_path(files[0])
    assert result.document.name == files[0].stem and result.document.xrefs == (f"CLINICALTRIALS:{files[0].stem}",)


def test_fetch_pubmed_esearch_then_efetch(replay, tmp_path):
    out = tmp_path / "pubmed"
    done = run_cellkg(
        None,
        "fetch",
        "pubmed",
        "--query",
        "trametinib",
        "--out",
        str(out),
        "--base-url",
        f"{replay}/eutils",
        NCBI_API_KEY="test-key",
    )
    assert done.returncode == 0, done.stderr
    paths = [path for path, _ in Replay.requests]
    assert paths == ["/eutils/esearch.fcgi", "/eutils/efetch.fcgi"]
    assert all(query["api_key"] == ["test-key"] for _, query in Replay.requests)
    assert sorted(p.name for p in out.glob("*.xml")) == ["22663011.xml", "35224090.xml"]
    [result] = extract.extract_path(out / "35224090.xml")
    assert result.document.name == "35224090"
    assert "Researcher:orcid0000000336193943" in {e.key for e in result.entities}


def test_fetch_reports_an_unreachable_source(tmp_path):
    done = run_cellkg(
        None, "fetch", "ctgov", "--query", "x", "--out", str(tmp_path), "--base-url", "http://127.0.0.1:9/api/v2"
    )
    assert done.returncode == 3
    assert "cannot connect" in done.stderr


def test_rate_limit_spaces_requests():
    import time

    from cellkg.extract.sources.http import RateLimiter

    limiter, started = RateLimiter(10), time.monotonic()
    for _ in range(4):
        limiter.wait()
    assert time.monotonic() - started >= 0.29  # four requests at 10/s: three intervals of 0.1 s


def test_fetched_records_extract_and_ingest_like_documents(settings, clean_graph, replay, tmp_path):
    """What fetch writes, ``cellkg extract`` and ``cellkg ingest`` read through the same path as text documents."""
    out = tmp_path / "records"
    fetched = run_cellkg(None, "fetch", "pubmed", "--query", "q", "--out", str(out), "--base-url", f"{replay}/eutils")
    assert fetched.returncode == 0, fetched.stderr
    (out / "NCT06898385.json").write_bytes((REPO_ROOT / "tests/data/records/ctgov/NCT06898385.json").read_bytes())
    (out / "news.txt").write_text("Fate Therapeutics develops FT596 in a phase 1 trial.", encoding="utf-8")
    predicted = tmp_path / "pred"
    extracted = run_cellkg(None, "extract", str(out), "--out", str(predicted))
    assert extracted.returncode == 0, extracted.stderr
    assert sorted(p.name for p in predicted.glob("*.json")) == [
        "22663011.json",
        "35224090.json",
        "NCT06898385.json",
        "news.json",
    ]
    first = run_cellkg(settings, "ingest", str(out))
    assert first.returncode == 0, first.stderr
    assert "documents: 4 loaded" in first.stderr
    again = run_cellkg(settings, "ingest", str(out))
    assert "documents: 0 loaded, 4 unchanged" in again.stderr
