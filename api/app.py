"""The FastAPI application: GraphQL at /graphql, liveness at /healthz, readiness at /readyz."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager

import orjson
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from strawberry.fastapi import GraphQLRouter

from cellkg.api.cache import ResponseCache, ResponseCacheMiddleware
from cellkg.api.context import API_KEY_HEADER, RequestContext
from cellkg.api.graph_store import GraphStore
from cellkg.api.read_access import ReadKeyMiddleware
from cellkg.api.schema import build_schema
from cellkg.api.web import mount_web
from cellkg.api.writes import GraphWriter
from cellkg.core.settings import Settings, get_settings

log = logging.getLogger("cellkg.api")


class JSONGraphQLRouter(GraphQLRouter):
    """Responses serialised by orjson, which is faster than json.dumps on large answers."""

    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    store, writer = GraphStore(settings), GraphWriter(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        reason = await store.ready()  # warm the pool; a down Neo4j is reported, not fatal
        if reason:
            log.warning("Neo4j is not ready at start-up: %s", reason)
        yield
        await store.close()
        writer.close()

    async def context() -> RequestContext:
        return RequestContext(settings, store, writer)

    app = FastAPI(title="cellkg", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.store = store
    router = JSONGraphQLRouter(
        build_schema(settings),
        context_getter=context,
        allow_queries_via_get=False,
        graphql_ide=None,  # GraphiQL is served locally by mount_web (no CDN)
    )
    app.include_router(router, prefix="/graphql")
    # added before the CORS middleware, so it runs inside it: cached answers get CORS headers too
    app.add_middleware(ResponseCacheMiddleware, store=store, cache=ResponseCache(), max_tokens=settings.api_max_tokens)
    if settings.read_key:  # outside the cache, so no kept answer reaches a caller without a key
        app.add_middleware(ReadKeyMiddleware, keys=(settings.read_key, settings.api_key))
    if settings.api_cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.api_cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", "Authorization", API_KEY_HEADER],
        )

    # The Neo4j Browser (another origin, :7474) fetches our style and guide from here.
    app.mount("/browser", StaticFiles(packages=[("cellkg.cypher", "browser")]), name="browser")

    @app.middleware("http")
    async def browser_assets_cors(request, call_next):
        response = await call_next(request)
        if request.url.path.startswith("/browser/"):
            response.headers["Access-Control-Allow-Origin"] = "*"
        return response

    @app.get("/healthz")
    async def healthz() -> dict:
        return {"status": "ok"}

    @app.get("/readyz")
    async def readyz() -> JSONResponse:
        reason = await store.ready()
        if reason:
            return JSONResponse({"status": "unavailable", "reason": reason}, status_code=503)
        return JSONResponse({"status": "ready"})

    mount_web(app, settings)  # the explorer at /, GraphiQL at GET /graphql, after every API route
    return app
