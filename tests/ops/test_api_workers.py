"""`cellkg serve --workers N`: N server processes answer on one port, and stopping the API stops them all."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

from cellkg.core.errors import ProvisionError
from cellkg.ops import api_server
from cellkg.ops.processes import is_alive
from tests.support.servers import free_port


def running_process(pid: int) -> bool:
    """Alive and not a zombie waiting to be reaped."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended while we looked
            continue
        if int(fields[1]) == pid:  # fields after the command: state, ppid, ...
            found.append(int(stat.parent.name))
    return found


def test_workers_answer_on_one_port_and_stop_together(settings, tmp_path):
    api_settings = settings.with_overrides(state_dir=tmp_path, api_port=free_port(), neo4j_password=settings.password())
    url = api_server.start_api_detached(api_settings, workers=2)
    supervisor = api_server.running_pid(api_settings)
    try:
        assert supervisor is not None
        workers = [pid for pid in children(supervisor) if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()]
        assert len(workers) == 2, workers
        with httpx.Client(timeout=10) as http:
            for _ in range(6):
                answer = http.post(url, json={"query": "{ stats { documents } }"}).json()
                assert "errors" not in answer, answer
    finally:
        api_server.stop_api(api_settings)
    assert not is_alive(supervisor)
    deadline = time.monotonic() + 10  # an exited worker lingers until its new parent reaps it
    while (running := [pid for pid in workers if running_process(pid)]) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert running == []


def test_worker_count_below_one_is_refused(settings, tmp_path):
    with pytest.raises(ProvisionError, match="at least 1"):
        api_server.start_api_detached(settings.with_overrides(state_dir=tmp_path, api_port=free_port()), workers=0)
