"""The detached API server (`cellkg serve --detach`): starts, answers, stops; a taken port is a clear error."""

from __future__ import annotations

import socket

import httpx
import pytest

from cellkg.core.errors import ProvisionError
from cellkg.ops import api_server
from tests.support.servers import free_port


@pytest.fixture
def api_settings(settings, tmp_path):
    return settings.with_overrides(state_dir=tmp_path, api_port=free_port(), neo4j_password=settings.password())


def test_detached_server_starts_answers_and_stops(api_settings):
    url = api_server.start_api_detached(api_settings)
    try:
        assert url == f"http://127.0.0.1:{api_settings.api_port}/graphql"
        assert api_server.running_pid(api_settings) is not None
        answer = httpx.post(url, json={"query": "{ stats { documents } }"}, timeout=10).json()
        assert "errors" not in answer
        assert httpx.get(url.replace("/graphql", "/readyz"), timeout=10).status_code == 200
    finally:
        api_server.stop_api(api_settings)
    assert api_server.running_pid(api_settings) is None and not api_server.pid_file(api_settings).exists()


def test_taken_port_is_a_clear_error(api_settings):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", api_settings.api_port))
        holder.listen()
        with pytest.raises(ProvisionError, match=f"port {api_settings.api_port} .* is taken"):
            api_server.start_api_detached(api_settings)
