"""Fetch ClinicalTrials.gov API v2 studies: a query, optionally only studies updated since a date, every page
followed by its ``nextPageToken``. The processor reads what this returns (one study a file)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from cellkg.extract.sources.http import FetchError, RateLimiter, get

BASE_URL = "https://clinicaltrials.gov/api/v2"
PAGE_SIZE = 100
REQUESTS_PER_SECOND = 5  # the API asks for moderation; it publishes no exact limit


def fetch_studies(
    query: str, *, since: str = "", base_url: str = BASE_URL, page_size: int = PAGE_SIZE, max_pages: int = 0
) -> Iterator[dict]:
    """Every study matching ``query`` (the API's ``query.term``), page after page."""
    params: dict[str, str | int] = {"query.term": query, "pageSize": page_size, "format": "json"}
    if since:
        params["filter.advanced"] = f"AREA[LastUpdatePostDate]RANGE[{since},MAX]"
    limiter, pages = RateLimiter(REQUESTS_PER_SECOND), 0
    while True:
        raw = get(f"{base_url.rstrip('/')}/studies", params, limiter)
        try:
            page = json.loads(raw)
        except json.JSONDecodeError:
            raise FetchError(f"{base_url}: the answer is not JSON", hint="check the base URL") from None
        yield from page.get("studies", [])
        pages += 1
        token = page.get("nextPageToken")
        if not token or (max_pages and pages >= max_pages):
            return
        params["pageToken"] = token
