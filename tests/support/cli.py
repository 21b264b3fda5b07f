"""Run the ``cellkg`` command as a user does: a real subprocess, pointed at the test Neo4j."""

from __future__ import annotations

import os
import subprocess
import sys

from cellkg.core.settings import Settings
from tests.support.paths import REPO_ROOT


def cellkg_env(settings: Settings | None, **extra: str) -> dict[str, str]:
    """The environment of a child ``cellkg``: the caller's, the CELLKG_* of ``settings``, then ``extra``."""
    env = {**os.environ, "COLUMNS": "200"}  # wide enough that tables do not wrap names
    if settings is not None:
        env |= {
            "CELLKG_STATE_DIR": str(settings.state_dir),
            "CELLKG_BOLT_PORT": str(settings.bolt_port),
            "CELLKG_HTTP_PORT": str(settings.http_port),
        }
    return env | extra


def run_cellkg(
    settings: Settings | None, *args: str, timeout: float = 300, **extra_env: str
) -> subprocess.CompletedProcess:
    """``python -m cellkg ARGS`` (the same as the ``cellkg`` script); output captured, exit code not checked."""
    return subprocess.run(
        [sys.executable, "-m", "cellkg", *args],
        env=cellkg_env(settings, **extra_env),
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=timeout,
    )
