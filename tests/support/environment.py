"""What a test needs from the machine, and what to do when it is missing.

On a developer's machine a missing prerequisite (the shared seed corpus beside the clone,
Chromium) skips the test with the reason, which ``-ra`` prints. In CI (``CI`` set) everything
is there by construction, so a missing piece fails the run instead of passing it quietly.
"""

from __future__ import annotations

import os

import pytest


def unavailable(reason: str) -> None:
    """Skip with ``reason``, or fail when running in CI."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must provide it)", pytrace=False)
    pytest.skip(reason)
