"""A real headless Chromium for the end-to-end tests: Debian's /usr/bin/chromium driven by Playwright
(``make browser-deps`` installs it; Playwright never downloads a browser here)."""

from __future__ import annotations

import shutil

import pytest

from tests.support.environment import unavailable

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    """A launched Chromium, closed after the module; missing Chromium skips (fails in CI)."""
    if not shutil.which(CHROMIUM):
        unavailable("chromium is not installed (make browser-deps)")
    from playwright.sync_api import sync_playwright  # a test dependency: its absence is an error, not a skip

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()
