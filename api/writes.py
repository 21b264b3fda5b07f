"""The write side behind the mutations: ingest a text, or retract a document.

A text goes through ``cellkg.ingest.stream.ingest_text``, the path ``cellkg ingest`` takes for a
file. The loader is synchronous, so writes run in a worker thread on their own sync driver,
opened on the first mutation (servers without an API key never open it).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from anyio import to_thread
from neo4j import Driver
from neo4j.exceptions import ServiceUnavailable, SessionExpired

from cellkg.api.errors import GraphUnavailable, UserError
from cellkg.core.errors import CellKGError, InputError, Neo4jUnavailable
from cellkg.core.settings import Settings
from cellkg.graph.db import open_driver
from cellkg.graph.loader import Loader, LoadReport
from cellkg.ingest.stream import ingest_text

API_RETRY_WAITS_S = (0.5, 1.0)  # a caller is waiting: ride out a blip, not a restart


class GraphWriter:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._driver: Driver | None = None
        self._lock = threading.Lock()

    def _loader(self) -> Loader:
        with self._lock:
            if self._driver is None:
                try:
                    self._driver = open_driver(self.settings)
                except CellKGError as exc:
                    raise GraphUnavailable(f"the graph database is unavailable: {exc.message}") from exc
        return Loader(self._driver, self.settings.neo4j_database)

    def close(self) -> None:
        if self._driver is not None:
            self._driver.close()
            self._driver = None

    async def ingest(self, text: str, name: str, source: str) -> tuple[str, LoadReport]:
        if len(text.encode("utf-8")) > self.settings.max_document_bytes:
            raise UserError(f"the text is larger than {self.settings.max_document_bytes} bytes")
        return await to_thread.run_sync(self._ingest, text, name, source)

    async def remove(self, doc_id: str) -> None:
        await to_thread.run_sync(self._remove, doc_id)

    def _ingest(self, text: str, name: str, source: str) -> tuple[str, LoadReport]:
        loader = self._loader()
        try:
            with _unavailable_as_user_error():
                return ingest_text(loader, text, name=name, source=source, waits=API_RETRY_WAITS_S)
        except InputError as exc:  # empty or unreadable text: the caller's to fix
            raise UserError(exc.message) from exc

    def _remove(self, doc_id: str) -> None:
        with _unavailable_as_user_error():
            self._loader().remove(doc_id)


@contextmanager
def _unavailable_as_user_error() -> Iterator[None]:
    try:
        yield
    except (ServiceUnavailable, SessionExpired, Neo4jUnavailable) as exc:
        raise GraphUnavailable("the graph database is unavailable; try again shortly") from exc
