"""The web explorer (web/dist, built by ``cd web && npm ci && npm run build``) and a local GraphiQL.

``/`` and every path that is not the API's (``/graphql``, ``/healthz``, ``/readyz``, ``/browser/``)
answer the explorer's index.html, so deep links such as /entity/Target:cd19 work; hashed assets
are served from /assets/ with a long cache. A browser's GET of /graphql (Accept: text/html) gets
GraphiQL built from the graphiql npm package into the same dist, so it works offline; every other
request to /graphql is the GraphQL router's. CELLKG_WEB_DIST points elsewhere than web/dist.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.routing import Match, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from cellkg.core.settings import Settings

API_PREFIXES = ("graphql", "healthz", "readyz", "browser", "assets")
NO_CACHE = {"Cache-Control": "no-cache"}
BUILD_HINT = "cd web && npm ci && npm run build"


def _not_built(dist: Path, what: str) -> HTMLResponse:
    body = (
        f"<!doctype html><meta charset=utf-8><title>cellkg</title><h1>The {what} is not built</h1>"
        f"<p>{dist} is missing. Build it with <code>{BUILD_HINT}</code> (or <code>make up</code>), then reload.</p>"
        "<p>The GraphQL API itself works: POST queries to <code>/graphql</code>.</p>"
    )
    return HTMLResponse(body, status_code=503, headers=NO_CACHE)


def is_page_request(scope: Scope) -> bool:
    """A browser asking for a page (GET accepting text/html), not an API client."""
    accept = dict(scope.get("headers") or []).get(b"accept", b"")
    return scope.get("method") == "GET" and b"text/html" in accept


class BrowserGetRoute(Route):
    """A route that matches only a browser's page request."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        match, child = super().matches(scope)
        return (match, child) if match is not Match.NONE and is_page_request(scope) else (Match.NONE, {})


def mount_web(app: FastAPI, settings: Settings, dist: Path | None = None) -> None:
    """Serve GraphiQL at GET /graphql (when enabled) and the explorer at every other non-API path."""
    dist = dist or settings.web_dist

    async def graphiql(_: Request) -> Response:
        page = dist / "graphiql.html"
        return FileResponse(page, headers=NO_CACHE) if page.is_file() else _not_built(dist, "GraphiQL page")

    if settings.api_graphiql:  # ahead of the GraphQL router's own GET /graphql
        app.router.routes.insert(0, BrowserGetRoute("/graphql", graphiql, methods=["GET"], name="graphiql"))

    assets = StaticFiles(directory=dist / "assets", check_dir=False)

    async def asset(request: Request) -> Response:
        response = await assets.get_response(request.path_params["path"], request.scope)
        if response.status_code == 200:
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"  # hashed names
        return response

    async def explorer(request: Request) -> Response:
        path = request.path_params.get("path", "")
        if path.split("/", 1)[0] in API_PREFIXES:
            return Response(status_code=404)
        index = dist / "index.html"
        if not index.is_file():
            return _not_built(dist, "web explorer")
        top = dist / path
        if path and "/" not in path and top.is_file() and top.name != "graphiql.html":
            return FileResponse(top)  # favicon and the like, at the top of dist
        return FileResponse(index, headers=NO_CACHE)

    app.add_api_route("/assets/{path:path}", asset, methods=["GET", "HEAD"], include_in_schema=False)
    app.add_api_route("/", explorer, methods=["GET", "HEAD"], include_in_schema=False)
    app.add_api_route("/{path:path}", explorer, methods=["GET", "HEAD"], include_in_schema=False)
