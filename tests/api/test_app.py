"""The app around the schema: health and readiness, the SDL file in step with the code, and the
Browser's style and guide served cross-origin."""

from __future__ import annotations

from cellkg.api.export_schema import SDL_PATH, current_sdl


def test_healthz_and_readyz_when_neo4j_is_reachable(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json() == {"status": "ready"}


def test_schema_file_matches_the_code():
    assert SDL_PATH.read_text(encoding="utf-8") == current_sdl(), "run: python -m cellkg.api.export_schema"


def test_browser_style_and_guide_are_served_cross_origin(client):
    """post_connect_cmd makes Neo4j Browser (origin :7474) fetch these two files from the API."""
    for name, marker in (("cellkg.grass", "node.Therapy"), ("guide.html", "<article")):
        response = client.get(f"/browser/{name}")
        assert response.status_code == 200 and marker in response.text
        assert response.headers["access-control-allow-origin"] == "*"
    assert client.get("/browser/schema.graphql").status_code == 404  # only the Browser's folder is served
