"""Operations: health and readiness, the SDL file in step with the code, the detached server."""

from __future__ import annotations

import socket

import httpx
import pytest
from test_api_support import client  # noqa: F401 (fixture)

from cellkg.api import process
from cellkg.api.export_schema import SDL_PATH, current_sdl
from cellkg.core.errors import ProvisionError


def test_healthz_and_readyz_when_neo4j_is_reachable(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json() == {"status": "ready"}


def test_schema_file_matches_the_code():
    assert SDL_PATH.read_text(encoding="utf-8") == current_sdl(), "run: python -m api.export_schema"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def api_settings(settings, tmp_path):
    return settings.with_overrides(state_dir=tmp_path, api_port=_free_port(), neo4j_password=settings.password())


def test_detached_server_starts_answers_and_stops(api_settings):
    url = process.start_api_detached(api_settings)
    try:
        assert url == f"http://127.0.0.1:{api_settings.api_port}/graphql"
        assert process.running_pid(api_settings) is not None
        answer = httpx.post(url, json={"query": "{ stats { documents } }"}, timeout=10).json()
        assert "errors" not in answer
        assert httpx.get(url.replace("/graphql", "/readyz"), timeout=10).status_code == 200
    finally:
        process.stop_api(api_settings)
    assert process.running_pid(api_settings) is None and not process.pid_file(api_settings).exists()


def test_taken_port_is_a_clear_error(api_settings):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", api_settings.api_port))
        holder.listen()
        with pytest.raises(ProvisionError, match=f"port {api_settings.api_port} .* is taken"):
            process.start_api_detached(api_settings)


def test_browser_style_and_guide_are_served_cross_origin(client):
    """post_connect_cmd makes Neo4j Browser (origin :7474) fetch these two files from the API."""
    for name, marker in (("cellkg.grass", "node.Therapy"), ("guide.html", "<article")):
        response = client.get(f"/browser/{name}")
        assert response.status_code == 200 and marker in response.text
        assert response.headers["access-control-allow-origin"] == "*"
    assert client.get("/browser/../pyproject.toml").status_code == 404
