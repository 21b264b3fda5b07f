"""A test whose prerequisite is missing (../shared, Chromium) skips on a developer's machine, with
the reason, and fails in CI, where everything must be there: it can never pass unseen."""

from __future__ import annotations

import pytest

from tests.support.environment import unavailable


def test_skips_with_the_reason_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="the seed corpus is not at /nowhere"):
        unavailable("the seed corpus is not at /nowhere")


def test_fails_in_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"the seed corpus is not at /nowhere \(CI must provide it\)"):
        unavailable("the seed corpus is not at /nowhere")
