"""Whole GraphQL responses kept by the graph's version, and validated query texts kept by text.

A read (a POST /graphql whose operations are all queries) asked for a second time and answered
without errors is kept under the graph's version (graph.version: every load and retraction changes
it) with the request body and the credential headers as its key. The next identical request reads
the version (one small Cypher statement) and, while the graph is unchanged, gets the kept bytes
without parsing, validation, resolvers or any other Cypher. A request seen for the first time costs
no version read: most requests with fresh variables are never repeated.

Only the current version's answers are kept; a new version empties the cache, and an answer computed
under a version the graph has since left is dropped, not kept. A graph without a version (just
wiped) is not cached at all.

Strawberry validates every document again per request; queries a client sends over and over (every
frontend does) are validated once: ``SkipKnownValid`` remembers the texts that passed.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Iterator
from functools import lru_cache

import orjson
from graphql import GraphQLError, OperationDefinitionNode, OperationType, parse
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.extensions import SchemaExtension

from cellkg.api.graph_store import GraphStore
from cellkg.graph.version import READ_VERSION, VERSION_KEY

log = logging.getLogger("cellkg.api")

MAX_ENTRIES = 4096
MAX_BYTES = 64 * 1024 * 1024
MAX_QUERY_CHARS = 20_000  # longer texts are not parsed here (strawberry's limits still apply to them)
CREDENTIAL_HEADERS = (b"authorization", b"x-api-key", b"cookie")  # an answer is never shared across credentials


class ResponseCache:
    """Response bytes of the current graph version, least recently used dropped first."""

    def __init__(self, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES) -> None:
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self.version: str | None = None
        self._entries: OrderedDict[tuple, tuple[list, bytes]] = OrderedDict()
        self._bytes = 0
        self._asked: OrderedDict[int, None] = OrderedDict()  # hashes of keys asked for once

    def wanted(self, key: tuple) -> bool:
        """True when ``key`` was asked for before: its answer is then worth a version read and a place.
        A request seen for the first time (most requests with fresh variables) skips both."""
        if key in self._entries:
            return True
        digest = hash(key)
        if digest in self._asked:
            return True
        self._asked[digest] = None
        if len(self._asked) > self.max_entries:
            self._asked.popitem(last=False)
        return False

    def get(self, version: str, key: tuple) -> tuple[list, bytes] | None:
        if version != self.version:
            self._reset(version)
            return None
        found = self._entries.get(key)
        if found is not None:
            self._entries.move_to_end(key)
        return found

    def put(self, version: str, key: tuple, headers: list, body: bytes) -> None:
        if version != self.version or len(body) > self.max_bytes // 4:
            return  # computed under a version the graph has left, or too large to keep
        if key in self._entries:
            self._bytes -= len(self._entries.pop(key)[1])
        self._entries[key] = (headers, body)
        self._bytes += len(body)
        while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
            self._bytes -= len(self._entries.popitem(last=False)[1][1])

    def __len__(self) -> int:
        return len(self._entries)

    def _reset(self, version: str) -> None:
        self.version, self._entries, self._bytes = version, OrderedDict(), 0


@lru_cache(maxsize=1024)
def reads_only(query: str, max_tokens: int) -> bool:
    """True when every operation in ``query`` is a query (no mutation, no subscription)."""
    try:
        document = parse(query, max_tokens=max_tokens, no_location=True)
    except GraphQLError:
        return False  # strawberry reports it
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    return bool(operations) and all(op.operation == OperationType.QUERY for op in operations)


class ResponseCacheMiddleware:
    """ASGI middleware in front of the GraphQL route: answers repeated reads from a ResponseCache."""

    def __init__(
        self, app: ASGIApp, *, store: GraphStore, cache: ResponseCache, max_tokens: int, path: str = "/graphql"
    ) -> None:
        self.app, self.store, self.cache, self.max_tokens, self.path = app, store, cache, max_tokens, path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"].rstrip("/") != self.path:
            await self.app(scope, receive, send)
            return
        body = await _read_body(receive)
        replay = _replaying(body, receive)
        key = self._key(scope, body)
        version = await self._version() if key is not None and self.cache.wanted(key) else None
        if key is None or version is None:
            await self.app(scope, replay, send)
            return
        found = self.cache.get(version, key)
        if found is not None:
            headers, content = found
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": content})
            return
        await self.app(scope, replay, self._keeping(send, version, key))

    def _key(self, scope: Scope, body: bytes) -> tuple | None:
        """The cache key of a cacheable read, None for anything else."""
        headers = dict(scope["headers"])
        if not headers.get(b"content-type", b"").startswith(b"application/json"):
            return None
        try:
            request = orjson.loads(body)
        except orjson.JSONDecodeError:
            return None
        query = request.get("query") if isinstance(request, dict) else None
        if not isinstance(query, str) or len(query) > MAX_QUERY_CHARS or not reads_only(query, self.max_tokens):
            return None
        return (body, *(headers.get(name) for name in CREDENTIAL_HEADERS))

    async def _version(self) -> str | None:
        try:
            rows = await self.store.rows(READ_VERSION, key=VERSION_KEY)
        except Exception as exc:  # the request itself will report why the graph cannot be read
            log.debug("graph version not read: %s", exc)
            return None
        return rows[0]["version"] if rows else None

    def _keeping(self, send: Send, version: str, key: tuple) -> Send:
        """``send`` that also keeps a complete 200 answer without errors."""
        start: dict = {}
        chunks: list[bytes] = []

        async def keeping_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    body = b"".join(chunks)
                    # a top-level "errors" key: strings in JSON escape their quotes, so the bare
                    # token appears only as a key (an alias named errors just goes uncached)
                    if start.get("status") == 200 and b'"errors"' not in body:
                        self.cache.put(version, key, list(start.get("headers", [])), body)
            await send(message)

        return keeping_send


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break  # the client left; the app sees an empty body and answers no one
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replaying(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that hands the app the body already read, then waits on the real one."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


class SkipKnownValid(SchemaExtension):
    """Skip validation of a query text that passed before against the same schema and rules.

    Validation depends only on the document, the schema and the validation rules (all fixed per
    schema), never on variables: a text that once passed always passes."""

    def __init__(self, *, known: dict[str, None]) -> None:
        """``known``: the texts that passed, one dict per schema (shared by every request's instance)."""
        super().__init__()
        self._known = known

    def on_validate(self) -> Iterator[None]:
        context, known = self.execution_context, self._known
        if context.query in known:
            context.pre_execution_errors = []  # strawberry then runs no validation
            yield
            return
        yield
        if context.pre_execution_errors == [] and context.query:
            known[context.query] = None
            if len(known) > MAX_ENTRIES:
                known.pop(next(iter(known)))
