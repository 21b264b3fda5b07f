"""HTTP for the optional fetchers: GET with a timeout, a rate limit, and one clear error when it fails.

urllib (no extra dependency); base URLs are parameters so that tests replay recorded responses from a local
server.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.parse
import urllib.request

from cellkg.core.errors import CellKGError

USER_AGENT = "cellkg (structured-source fetcher)"
TIMEOUT_S = 60


class FetchError(CellKGError):
    """A source could not be fetched: unreachable, an HTTP error, or an answer that is not what it should be."""

    code = "CKG220"
    exit_code = 3


class RateLimiter:
    """At most ``per_second`` requests a second (NCBI: 3 without an API key, 10 with one)."""

    def __init__(self, per_second: float) -> None:
        self.interval = 1.0 / per_second
        self._next = 0.0

    def wait(self) -> None:
        now = time.monotonic()
        if now < self._next:
            time.sleep(self._next - now)
        self._next = max(now, self._next) + self.interval


def get(url: str, params: dict[str, str | int], limiter: RateLimiter | None = None) -> bytes:
    if limiter is not None:
        limiter.wait()
    full = f"{url}?{urllib.parse.urlencode(params)}" if params else url
    request = urllib.request.Request(full, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            return response.read()
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}", hint="check the query and the base URL") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise FetchError(f"{url}: cannot connect ({exc})", hint="fetching needs network access") from None
