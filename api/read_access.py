"""The optional read key (CELLKG_READ_KEY): when set, the GraphQL endpoint answers only callers that show it.

A key is shown as ``Authorization: Bearer <key>`` or in the ``X-API-Key`` header; the mutation key
(CELLKG_API_KEY) is accepted as well, so a client holding it needs nothing else. Everything else
stays open: /healthz, /readyz, the Neo4j Browser's assets, the explorer's shell and assets (it has
to load to ask for the key) and the GraphiQL page, a browser's GET of /graphql; a browser's page
request never runs an operation (queries over GET are off). WebSocket connections to /graphql
(strawberry runs queries over them too) are refused without a valid key.

The check is ASGI middleware in front of the response cache (api/cache.py), so a kept answer is
never sent to a caller that has not shown a valid key.
"""

from __future__ import annotations

import hmac

import orjson
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.websockets import WebSocketClose

from cellkg.api.context import API_KEY_HEADER
from cellkg.api.web import is_page_request

REALM = 'Bearer realm="cellkg"'
MISSING = f"this API needs a read key: send it as 'Authorization: Bearer <key>' (or in the {API_KEY_HEADER} header)"
WRONG = "the read key is not valid"
POLICY_VIOLATION = 1008  # WebSocket close code


def shown_keys(scope: Scope) -> list[bytes]:
    """The keys a request shows: its bearer token and its X-API-Key value."""
    headers = dict(scope.get("headers") or [])
    shown = []
    scheme, _, token = headers.get(b"authorization", b"").partition(b" ")
    if scheme.lower() == b"bearer" and token.strip():
        shown.append(token.strip())
    if api_key := headers.get(API_KEY_HEADER.lower().encode()):
        shown.append(api_key)
    return shown


def unauthorised(message: str, challenge: str) -> tuple[list[tuple[bytes, bytes]], bytes]:
    """A 401's headers and body: a GraphQL-style error (no operation ran) and the Bearer challenge."""
    body = orjson.dumps({"errors": [{"message": message, "extensions": {"code": "UNAUTHENTICATED"}}]})
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"www-authenticate", challenge.encode()),
        (b"cache-control", b"no-store"),
    ]
    return headers, body


class ReadKeyMiddleware:
    """ASGI middleware: requests to ``path`` need one of ``keys``."""

    def __init__(self, app: ASGIApp, *, keys: tuple[str, ...], path: str = "/graphql") -> None:
        self.app, self.path = app, path
        self.keys = [key.encode("utf-8") for key in keys if key]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._guarded(scope):
            await self.app(scope, receive, send)
            return
        shown = shown_keys(scope)
        # every pair is compared, so the time taken does not tell which key came close
        if sum(hmac.compare_digest(given, key) for given in shown for key in self.keys):
            await self.app(scope, receive, send)
            return
        message, challenge = (WRONG, f'{REALM}, error="invalid_token"') if shown else (MISSING, REALM)
        if scope["type"] == "websocket":
            await WebSocketClose(POLICY_VIOLATION, message)(scope, receive, send)
            return
        headers, body = unauthorised(message, challenge)
        await send({"type": "http.response.start", "status": 401, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    def _guarded(self, scope: Scope) -> bool:
        if scope["type"] not in ("http", "websocket"):
            return False
        path = scope["path"]
        if path != self.path and not path.startswith(self.path + "/"):
            return False
        return scope["type"] == "websocket" or (scope["method"] != "OPTIONS" and not is_page_request(scope))
