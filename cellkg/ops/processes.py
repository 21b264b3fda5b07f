"""Background processes we start ourselves (Neo4j, the API): liveness and orderly stop."""

from __future__ import annotations

import os
import signal
import time


def is_alive(pid: int) -> bool:
    try:
        if os.waitpid(pid, os.WNOHANG)[0] == pid:  # our own child: reap it so it does not linger as a zombie
            return False
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False


def terminate(pid: int, timeout: float) -> None:
    """SIGTERM, wait up to ``timeout`` seconds for a clean shutdown, then SIGKILL."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and is_alive(pid):
        time.sleep(0.1)
    if is_alive(pid):
        os.kill(pid, signal.SIGKILL)
